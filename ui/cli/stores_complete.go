package cli

import (
	"context"
	"io"
	"time"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/stores"
)

// completeTimeout bounds a completion's PingOne calls: a shell waiting on
// a TAB must never hang.
const completeTimeout = 3 * time.Second

// completeStores completes a store name from the API, or the demo's. It
// never prompts and never opens the keyring; anything that fails means no
// completions.
func (a *app) completeStores(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	const directive = cobra.ShellCompDirectiveNoFileComp
	if len(args) > 0 {
		return nil, directive
	}
	ans, _, opts, err := a.setup("", nil)
	if err != nil {
		return nil, directive
	}
	opts.Debug, opts.NoInput, opts.Keyring = nil, true, nil
	ctx, cancel := context.WithTimeout(cmd.Context(), completeTimeout)
	defer cancel()
	if opts.Demo {
		stop, err := StartDemo(&opts, &ans, 0) // no latency: the shell waits
		if err != nil {
			return nil, directive
		}
		defer stop()
		opts.Keyring = nil
	}
	s := ui.NewSession(ctx, ans, opts, ui.Streams{Out: io.Discard, Err: io.Discard})
	return stores.Complete(ctx, s, toComplete), directive
}
