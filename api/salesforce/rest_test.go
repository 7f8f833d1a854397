package salesforce_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

// pastedToken is a token the simulator accepts as if the user pasted it.
const pastedToken = "00D5g000004XyZ1!AQpasted.token.for.tests"

func TestVerify(t *testing.T) {
	sim := startSim(t, sfsim.Options{AccessTokens: []string{pastedToken}})
	ctx := context.Background()

	t.Run("200 says whose token it is", func(t *testing.T) {
		id, err := salesforce.Verify(ctx, nil, sim.URL(), pastedToken)
		if err != nil {
			t.Fatal(err)
		}
		if id.OrgID != demoorg.OrgID || id.Username != demoorg.Username || id.Name != demoorg.Name {
			t.Errorf("Identity = %+v", *id)
		}
	})
	t.Run("401 is ErrTokenRejected", func(t *testing.T) {
		_, err := salesforce.Verify(ctx, nil, sim.URL(), "00D5g000004XyZ1!AQexpired")
		var ae *salesforce.APIError
		if !errors.Is(err, salesforce.ErrTokenRejected) || !errors.As(err, &ae) || ae.Status != 401 || ae.Code != "INVALID_SESSION_ID" {
			t.Fatalf("Verify error = %v, want ErrTokenRejected with INVALID_SESSION_ID", err)
		}
		if !strings.Contains(ae.Hint(), "PingOne refreshes it") {
			t.Errorf("hint %q", ae.Hint())
		}
	})
	t.Run("http instance url is refused unless loopback", func(t *testing.T) {
		_, err := salesforce.Verify(ctx, nil, "http://acme.my.salesforce.com", pastedToken)
		if err == nil || !strings.Contains(err.Error(), "https") {
			t.Fatalf("Verify error = %v", err)
		}
	})
}

func TestVerifyFallsBackToResourcesWhenUserinfoIsOutOfScope(t *testing.T) {
	for _, tc := range []struct {
		name         string
		userinfo     int
		resources    int
		wantOrg      string
		wantRejected bool
	}{
		{"userinfo 403, resources 200", 403, 200, "00D5g000004XyZ1", false},
		{"userinfo 404, resources 200", 404, 200, "00D5g000004XyZ1", false},
		{"userinfo 403, resources 401", 403, 401, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resourcesHit atomic.Bool
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer "+pastedToken {
					t.Errorf("%s without the bearer token", r.URL.Path)
				}
				switch r.URL.Path {
				case "/services/oauth2/userinfo":
					w.WriteHeader(tc.userinfo)
					_, _ = w.Write([]byte("Forbidden"))
				case "/services/data/v62.0/":
					resourcesHit.Store(true)
					w.WriteHeader(tc.resources)
					if tc.resources == 200 {
						_, _ = w.Write([]byte(`{"query":"/services/data/v62.0/query"}`))
					} else {
						_, _ = w.Write([]byte(`[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]`))
					}
				default:
					http.NotFound(w, r)
				}
			}))
			defer srv.Close()
			id, err := salesforce.Verify(context.Background(), nil, srv.URL, pastedToken)
			if !resourcesHit.Load() {
				t.Error("did not fall back to /services/data/v62.0/")
			}
			if tc.wantRejected {
				if !errors.Is(err, salesforce.ErrTokenRejected) {
					t.Fatalf("Verify error = %v, want ErrTokenRejected", err)
				}
				return
			}
			if err != nil || id.OrgID != tc.wantOrg {
				t.Fatalf("Verify = %+v, %v; want org %s from the token", id, err, tc.wantOrg)
			}
		})
	}
}

// profileServer answers the profile query with the given records.
func profileServer(t *testing.T, records string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query().Get("q"); r.URL.Path != "/services/data/v62.0/query" || got != salesforce.ProfileQuery {
			t.Errorf("GET %s q=%q", r.URL.Path, got)
		}
		_, _ = w.Write([]byte(`{"totalSize":7,"done":true,"records":` + records + `}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestProfilesCommunitiesFirstKeepsNameOrderWithinGroups(t *testing.T) {
	srv := profileServer(t, `[
		{"Id":"00e000000000001AAA","Name":"Analytics Cloud Integration User","UserLicense":{"Name":"Analytics Cloud Integration User"}},
		{"Id":"00e000000000002AAA","Name":"Customer Community User","UserLicense":{"Name":"Customer Community"}},
		{"Id":"00e000000000003AAA","Name":"Guest","UserLicense":null},
		{"Id":"00e000000000004AAA","Name":"High Volume Portal","UserLicense":{"Name":"High Volume Customer Portal"}},
		{"Id":"00e000000000005AAA","Name":"Partner Community User","UserLicense":{"Name":"Partner Community"}},
		{"Id":"00e000000000006AAA","Name":"Standard User","UserLicense":{"Name":"Salesforce"}}]`)
	names := func(ps []salesforce.Profile) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return strings.Join(out, ", ")
	}
	got, err := listProfiles(context.Background(), nil, srv.URL, pastedToken, true)
	if err != nil {
		t.Fatal(err)
	}
	want := "Customer Community User, High Volume Portal, Partner Community User, Analytics Cloud Integration User, Guest, Standard User"
	if names(got) != want {
		t.Errorf("communities first:\n got %s\nwant %s", names(got), want)
	}
	got, _ = listProfiles(context.Background(), nil, srv.URL, pastedToken, false)
	if want := "Analytics Cloud Integration User, Customer Community User, Guest, High Volume Portal, Partner Community User, Standard User"; names(got) != want {
		t.Errorf("by name:\n got %s\nwant %s", names(got), want)
	}
	if got[1].ID != "00e000000000002AAA" || got[1].License != "Customer Community" || got[2].License != "" {
		t.Errorf("profiles = %+v", got)
	}
}

func TestProfilesFollowNextRecordsURL(t *testing.T) {
	sim := startSim(t, sfsim.Options{AccessTokens: []string{pastedToken}, PageSize: 1})
	got, err := listProfiles(context.Background(), nil, sim.URL(), pastedToken, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(demoorg.Profiles) {
		t.Fatalf("%d profiles over pages of 1, want %d: %+v", len(got), len(demoorg.Profiles), got)
	}
	for i := 1; i < len(got); i++ {
		if strings.ToLower(got[i-1].Name) > strings.ToLower(got[i].Name) {
			t.Errorf("not by name: %q before %q", got[i-1].Name, got[i].Name)
		}
	}
}

func TestSearchAccounts(t *testing.T) {
	sim := startSim(t, sfsim.Options{AccessTokens: []string{pastedToken}})
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		limit int
		want  []string
	}{
		{"acme", 0, []string{"Acme Corporation"}},
		{"ACME", 0, []string{"Acme Corporation"}},
		{"in", 0, []string{"Globex Industries", "Initech Holdings"}},
		{"", 0, []string{"Acme Corporation", "Globex Industries", "Initech Holdings"}},
		{"", 2, []string{"Acme Corporation", "Globex Industries"}},
		{"%", 0, nil},       // a literal percent sign, not "anything"
		{"_", 0, nil},       // a literal underscore, not "any character"
		{"O'Brien", 0, nil}, // a quote does not end the literal
		{`back\slash`, 0, nil},
		{"new\nline", 0, nil},
	} {
		got, err := salesforce.SearchAccounts(ctx, nil, sim.URL(), pastedToken, tc.name, tc.limit)
		if err != nil {
			t.Errorf("SearchAccounts(%q): %v", tc.name, err)
			continue
		}
		var names []string
		for _, a := range got {
			names = append(names, a.Name)
			if salesforce.ValidID(a.ID, salesforce.AccountPrefix) != nil {
				t.Errorf("account ID %q", a.ID)
			}
		}
		if strings.Join(names, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SearchAccounts(%q, %d) = %q, want %q", tc.name, tc.limit, names, tc.want)
		}
	}
}

func TestAccountQuery(t *testing.T) {
	got := salesforce.AccountQuery(`50%_off's "deal"\`, 5)
	want := `SELECT Id, Name FROM Account WHERE Name LIKE '%50\%\_off\'s \"deal\"\\%' ORDER BY Name LIMIT 5`
	if got != want {
		t.Errorf("AccountQuery =\n %s\nwant\n %s", got, want)
	}
}

func TestSalesforceRESTErrorIsTyped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`[{"errorCode":"MALFORMED_QUERY","message":"unexpected token: FROM"}]`))
	}))
	defer srv.Close()
	_, err := listProfiles(context.Background(), nil, srv.URL, pastedToken, false)
	var ae *salesforce.APIError
	if !errors.As(err, &ae) || ae.Status != 400 || ae.Code != "MALFORMED_QUERY" || ae.Message != "unexpected token: FROM" {
		t.Fatalf("err = %#v", err)
	}
	if errors.Is(err, salesforce.ErrTokenRejected) {
		t.Error("a 400 matches ErrTokenRejected")
	}
	if got := ae.Error(); got != "salesforce returned 400 MALFORMED_QUERY: unexpected token: FROM" {
		t.Errorf("Error() = %q", got)
	}
}
