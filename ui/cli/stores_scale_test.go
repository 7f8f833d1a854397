package cli_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

// Hundreds of stores, each with secrets of its own, in pages of 100 (the
// api tests take the sizes further): list, list --json and show by name
// all work, and no store's secret reaches the output in clear.
func TestListAndShowAmongHundredsOfStores(t *testing.T) {
	const n = 500
	seeds := seededStores()
	for i := range n {
		seeds = append(seeds, api.Store{Name: fmt.Sprintf("bulk store %d", i), Type: api.StoreTypeSalesforce,
			Configuration: api.SalesforceConfiguration{SalesforceDomain: "https://bulk.example.com", ClientID: "bulk-client",
				ClientSecret: fmt.Sprintf("bulk-secret-%06d", i), OAuthAccessToken: fmt.Sprintf("bulk-access-%06d", i),
				OAuthRefreshToken: fmt.Sprintf("bulk-refresh-%06d", i)}})
	}
	w := newWorld(t, simulator.Options{SeedStores: seeds, PageSize: 100})
	out, errOut, err := w.run(t, nil, "list")
	requireExit(t, err, 0, errOut)
	if !strings.HasPrefix(out, fmt.Sprintf("%d Salesforce stores in environment", n+2)) || !strings.Contains(out, "bulk store 499") {
		t.Errorf("list:\n%s", out[:min(len(out), 400)])
	}
	out, errOut, err = w.run(t, nil, "list", "--json")
	requireExit(t, err, 0, errOut)
	var listed []api.Store
	if err := json.Unmarshal([]byte(out), &listed); err != nil || len(listed) != n+2 {
		t.Fatalf("list --json: %v, %d stores", err, len(listed))
	}
	if strings.Contains(out, "bulk-secret-") || strings.Contains(out, "bulk-access-") || strings.Contains(out, "bulk-refresh-") {
		t.Error("list --json shows a secret in clear")
	}
	out, errOut, err = w.run(t, nil, "show", "BULK STORE 499")
	requireExit(t, err, 0, errOut)
	if !strings.Contains(out, "bulk store 499") || strings.Contains(out, "bulk-secret-000499") {
		t.Errorf("show:\n%s", out)
	}
}
