package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/cli"
	"sfstore/ui/provision"
)

// provision runs here against the PingOne simulator, as a script would.

// provisionExit is main's mapping, with provision's own codes.
func provisionExit(err error) int {
	var coded interface{ ExitCode() int }
	if errors.As(err, &coded) {
		return coded.ExitCode()
	}
	if errors.Is(err, ui.ErrCancelled) {
		return 130
	}
	return exitCode(err)
}

// idRE is an ID in a path.
var idRE = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// simWrites are the requests that change something.
func simWrites(w *world) []string {
	var out []string
	for _, r := range w.sim.Requests() {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.Path, "/storeMetadata/Salesforce") && !strings.HasSuffix(r.Path, "/as/token") {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

func provisionResult(t *testing.T, out string) provision.Result {
	t.Helper()
	var res provision.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, out)
	}
	return res
}

func TestProvisionFromNothingToASyncedUserThenNothingToChange(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input", "--json")
	if code := provisionExit(err); code != 0 {
		t.Fatalf("exit %d (%v)\n%s", code, err, errOut)
	}
	res := provisionResult(t, out)
	if res.Outcome != provision.OutcomeSynced || res.Sync == nil || res.Sync.Synced < 1 || res.Rule == nil || !res.Rule.Active {
		t.Errorf("first run: outcome %q, sync %+v, rule %+v", res.Outcome, res.Sync, res.Rule)
	}
	first := len(simWrites(w))
	out, errOut, err = w.run(t, nil, "provision", healthyName, "--no-input", "--json")
	if code := provisionExit(err); code != 0 {
		t.Fatalf("second run: exit %d (%v)\n%s", code, err, errOut)
	}
	if again := simWrites(w)[first:]; len(again) != 0 {
		t.Errorf("the second run wrote: %v", again)
	}
	if res := provisionResult(t, out); len(res.Writes) != 0 || res.Outcome != provision.OutcomeSynced {
		t.Errorf("second run: %d writes, outcome %q", len(res.Writes), res.Outcome)
	}
}

func TestProvisionDryRunSendsNoWrite(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input", "--dry-run", "--map", "Alias=name.given")
	if code := provisionExit(err); code != 0 {
		t.Fatalf("exit %d (%v)\n%s", code, err, errOut)
	}
	if writes := simWrites(w); len(writes) != 0 {
		t.Errorf("a dry run wrote: %v", writes)
	}
	for _, want := range []string{"POST /environments/", "/propagation/rules/{new-rule-id}/mappings", `"sourceAttribute": "name.given"`, "Publish a propagation revision"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
}

func TestProvisionRefusesAnUnknownTargetBeforeAnyWrite(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input", "--map", "NotAField__c=email")
	if code := provisionExit(err); code != 2 {
		t.Fatalf("exit %d (%v), want 2\n%s", code, err, errOut)
	}
	if writes := simWrites(w); len(writes) != 0 {
		t.Errorf("wrote before refusing: %v", writes)
	}
}

func TestProvisionSurvivesA429AndALostAnswerAtEachWrite(t *testing.T) {
	probe := newWorld(t, simulator.Options{})
	if _, errOut, err := probe.run(t, nil, "provision", healthyName, "--no-input"); err != nil {
		t.Fatalf("probe: %v\n%s", err, errOut)
	}
	writes := simWrites(probe)
	for _, answer := range []struct {
		name    string
		a       simulator.Answer
		applied bool
	}{{"429", simulator.Answer429, false}, {"500 after the write", simulator.Answer500, true}, {"reset after the write", simulator.AnswerReset, true}} {
		for i, wr := range writes {
			method, path, _ := strings.Cut(wr, " ")
			path = idRE.ReplaceAllString(path, "*") // this world's IDs are not the probe's
			n := 0
			for _, prev := range writes[:i+1] {
				if idRE.ReplaceAllString(prev, "*") == method+" "+path {
					n++
				}
			}
			t.Run(fmt.Sprintf("%s at write %d %s", answer.name, i+1, wr), func(t *testing.T) {
				waits := cli.RecordRetryWaits(t.Cleanup)
				w := newWorld(t, simulator.Options{CallFaults: []simulator.CallFault{
					{Method: method, Path: path, N: n, Answer: answer.a, Applied: answer.applied, RetryAfter: 1}}})
				out, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input", "--json")
				if code := provisionExit(err); code != 0 {
					t.Fatalf("exit %d (%v)\n%s", code, err, errOut)
				}
				if want := []time.Duration{time.Second}; answer.a == simulator.Answer429 && !slices.Equal(waits(), want) {
					t.Errorf("waited %v before sending again, want the Retry-After %v", waits(), want)
				} else if answer.a != simulator.Answer429 && len(waits()) != 0 {
					t.Errorf("waited %v: only a 429 is waited for", waits())
				}
				if got := len(simWrites(w)); got != len(writes)+1 && !(answer.applied && got == len(writes)) {
					t.Errorf("%d writes sent, want %d (one sent again at most)", got, len(writes)+1)
				}
				if res := provisionResult(t, out); res.Outcome != provision.OutcomeSynced || len(res.Mappings) != 9 {
					t.Errorf("outcome %q, %d mappings", res.Outcome, len(res.Mappings))
				}
			})
		}
	}
}

func TestProvisionEnablesTheStoreWithTheKeyringsSecretsNeverTheMask(t *testing.T) {
	stores := seededStores()
	stores[0].Status = "INACTIVE"
	w := newWorld(t, simulator.Options{SeedStores: stores, MaskSecretsOnRead: true})
	cfg := stores[0].Configuration
	// Without them in the keyring or the environment, a script stops
	// before any write, naming the variable.
	_, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input")
	if code := provisionExit(err); code != 2 || err == nil || !strings.Contains(err.Error(), "SALESFORCE_CLIENT_SECRET") {
		t.Fatalf("exit %d (%v), want 2 naming the variable\n%s", code, err, errOut)
	}
	if writes := simWrites(w); len(writes) != 0 {
		t.Fatalf("wrote without the secrets: %v", writes)
	}
	ctx := context.Background()
	for name, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: cfg.ClientSecret, secrets.AccessToken: cfg.OAuthAccessToken, secrets.RefreshToken: cfg.OAuthRefreshToken} {
		if err := w.kr.Set(ctx, secrets.SalesforceAccount(cfg.SalesforceDomain, cfg.ClientID, name), v); err != nil {
			t.Fatal(err)
		}
	}
	_, errOut, err = w.run(t, nil, "provision", healthyName, "--no-input")
	if code := provisionExit(err); code != 0 {
		t.Fatalf("exit %d (%v)\n%s", code, err, errOut)
	}
	got := w.stored(t, healthyID)
	if got.Status != "ACTIVE" || got.Configuration.ClientSecret != cfg.ClientSecret || got.Configuration.OAuthAccessToken != cfg.OAuthAccessToken ||
		got.Configuration.OAuthRefreshToken != cfg.OAuthRefreshToken {
		t.Errorf("the store after provision: status %s, secrets kept: %v", got.Status, got.Configuration.ClientSecret == cfg.ClientSecret)
	}
}

// TestDoctorPassesAfterProvision: what `sfstore provision` leaves behind is
// what `sfstore doctor` checks for, link by link.
func TestDoctorPassesAfterProvision(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "provision", healthyName, "--no-input", "--json")
	if code := provisionExit(err); code != 0 {
		t.Fatalf("provision: exit %d (%v)\n%s", code, err, errOut)
	}
	provisionResult(t, out)
	d := w.doctor(t, 0)
	for _, c := range d.Checks {
		if c.Status != "PASS" {
			t.Errorf("after provision, %s: %s %s → %s", c.Check, c.Status, c.Evidence, c.Fix)
		}
	}
}
