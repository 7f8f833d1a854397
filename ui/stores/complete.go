package stores

import (
	"context"
	"strings"

	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Complete returns the environment's Salesforce stores whose name starts
// with prefix (in any case), for shell completion, each as "name<TAB>ID ·
// sync state" (a name several stores share completes to their IDs). It
// never prompts and never reads the keyring, whose unlock prompt would
// hang the shell: without a sign-in in the flags and the environment (or
// --demo), it returns nothing. ctx should carry a short deadline.
func Complete(ctx context.Context, s *ui.Session, prefix string) []string {
	a := s.Answers
	s.DemoSignIn()
	if len(a.Check(settings.StepPingOne)) > 0 {
		return nil
	}
	client, err := s.Client()
	if err != nil {
		return nil
	}
	all, err := client.ListStores(ctx, a.TargetEnvironmentID())
	if err != nil {
		return nil
	}
	sf := Salesforce(all)
	var out []string
	for _, st := range sf {
		// Tabs and newlines would break the completion protocol, and
		// escapes would reach the terminal: term.Line removes them.
		name, id := term.Line(strings.TrimSpace(st.Name)), term.Line(st.ID)
		value := name
		if len(Match(sf, st.Name)) > 1 || name == "" {
			value = id
		}
		if strings.HasPrefix(strings.ToLower(value), strings.ToLower(prefix)) {
			out = append(out, value+"\t"+id+" · "+SyncLabel(st))
		}
	}
	return out
}
