package stores

import (
	"context"
	"strings"

	"sfstore/api"
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
	var sf []api.Store
	names := map[string]int{} // how many stores have each name, as Match compares them
	err = client.EachStoreSummary(ctx, a.TargetEnvironmentID(), func(st api.Store) error {
		if st.Type == api.StoreTypeSalesforce {
			sf = append(sf, st)
			names[strings.ToLower(strings.TrimSpace(st.Name))]++
		}
		return nil
	})
	if err != nil {
		return nil
	}
	var out []string
	for _, st := range sf {
		// Tabs and newlines would break the completion protocol, and
		// escapes would reach the terminal: term.Line removes them.
		name, id := term.Line(strings.TrimSpace(st.Name)), term.Line(st.ID)
		value := name
		if names[strings.ToLower(strings.TrimSpace(st.Name))] > 1 || name == "" {
			value = id
		}
		if strings.HasPrefix(strings.ToLower(value), strings.ToLower(prefix)) {
			out = append(out, value+"\t"+id+" · "+SyncLabel(st))
		}
	}
	return out
}
