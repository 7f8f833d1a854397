package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sfstore/ui/cli"
	"sfstore/ui/settings/settingstest"
)

// runCLI runs the command line with args, an environment and no terminal,
// and returns what it printed. Whatever it printed must hold no sentinel
// secret.
func runCLI(t *testing.T, deps cli.Deps, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	io := cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut, Getenv: func(k string) string { return env[k] }}
	err := cli.Execute(context.Background(), args, io, deps)
	for _, s := range []string{out.String(), errOut.String()} {
		if strings.Contains(s, settingstest.Marker) {
			t.Errorf("a secret appears in what sfstore %s printed:\n%s", strings.Join(args, " "), s)
		}
	}
	return out.String(), errOut.String(), err
}
