package cards

import (
	"strings"
	"time"

	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// fixedNow dates "how long ago" in goldens.
var fixedNow = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

// notCreated is the heading of a failed create.
const notCreated = "PingOne did not create the store"

func documentedStore(t *testing.T) *api.Store {
	t.Helper()
	body, err := os.ReadFile("../../api/testdata/example-response-201.json")
	if err != nil {
		t.Fatal(err)
	}
	var s api.Store
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

func TestRenderStoreFromTheDocumentedResponseMasksEchoedSecrets(t *testing.T) {
	store := documentedStore(t)
	out := RenderStoreDetail(testStyles(), store, Advice{}, 80, fixedNow, false)
	requireGolden(t, "store-documented-example", out)
	// The documented example echoes its secrets in clear.
	requireNoSecrets(t, out, "fdsafds", "fdsfds", "fdsfdsa")
}

func TestRenderStoreMasksLongSecretsShowingTheirLastFour(t *testing.T) {
	store := documentedStore(t)
	store.Status = api.StatusActive
	store.Configuration.ClientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
	store.Configuration.OAuthAccessToken = "SENTINEL-ACCESS-TOKEN-b81e44"
	store.Configuration.OAuthRefreshToken = "SENTINEL-REFRESH-TOKEN-0c95da"
	out := RenderStoreDetail(testStyles(), store, Advice{}, 100, fixedNow, true)
	requireGolden(t, "store-demo-active-wide", out)
	requireNoSecrets(t, out, store.Configuration.Secrets()...)
}

func pingOneValidationError() *api.Error {
	return &api.Error{
		StatusCode: 400, Status: "400 Bad Request",
		ID: "6c796712-0f16-4062-815a-e0a92f4a2143", Code: "INVALID_DATA",
		Message:       "The request could not be completed. One or more validation errors were in the request.",
		CorrelationID: "2d0c7a0e-3f7e-4a55-9c6e-51a3b8f1a0d2",
		Details: []api.ErrorDetail{
			{Code: "INVALID_VALUE", Target: "configuration.PROFILE_ID", Message: "No profile with ID 00e5g000001AbCd exists in the Salesforce org."},
			{Code: "INVALID_VALUE", Target: "configuration.PERMISSION_SET_MANAGEMENT", Message: "Must be one of the allowed values.",
				InnerError: map[string]any{"allowedValues": []any{api.PermissionSetsMerge, api.PermissionSetsOverwrite}}},
			{Code: "REQUIRED_VALUE", Target: "configuration.SOMETHING_NEW", Message: "A value is required."},
		},
	}
}

func TestRenderErrorPutsEachDetailAgainstItsFieldLabel(t *testing.T) {
	err := fmt.Errorf("create store: %w", pingOneValidationError())
	out := RenderError(testStyles(), notCreated, err, 80)
	requireGolden(t, "error-400-details", out)
	if got := settings.StepsNamedBy(err); len(got) != 2 || got[0] != settings.StepProvisioning || got[1] != settings.StepCommunities {
		t.Fatalf("StepsNamedBy = %v, want [Provisioning Communities]", got)
	}
}

func TestRenderErrorOfAProxyPageAndAnUnreachableHost(t *testing.T) {
	proxy := &api.Error{StatusCode: 502, Status: "502 Bad Gateway", ContentType: "text/html",
		Body: "Bad Gateway The proxy server received an invalid response from an upstream server."}
	requireGolden(t, "error-502-html", RenderError(testStyles(), notCreated, proxy, 80))
	offline := errors.New("create store: pingone could not be reached at api.pingone.eu: dial tcp: lookup api.pingone.eu: no such host")
	requireGolden(t, "error-offline", RenderError(testStyles(), notCreated, offline, 80))
}

func TestRenderErrorMasksSecretsAnErrorEchoes(t *testing.T) {
	e := pingOneValidationError()
	e.Details[0].Message = "Token SENTINEL-ACCESS-TOKEN-b81e44 was rejected"
	out := RenderError(testStyles("SENTINEL-ACCESS-TOKEN-b81e44"), notCreated, e, 80)
	requireNoSecrets(t, out, "SENTINEL-ACCESS-TOKEN-b81e44")
}

func TestRenderReviewMasksSecrets(t *testing.T) {
	a := settingstest.Filled()
	a.EnableCommunities, a.AccountID = true, "001A000000q7nV2"
	out := RenderReview(testStyles(), a, 80)
	requireGolden(t, "review", out)
	requireNoSecrets(t, out, a.Secrets()...)
}

// storeFromRequest is the store PingOne would answer for req.
func storeFromRequest(req api.CreateSalesforceStoreRequest) *api.Store {
	return &api.Store{ID: "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5", Environment: &api.ObjectRef{ID: "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},
		Type: req.Type, Name: req.Name, Status: req.Status, Managed: req.Managed, Image: req.Image,
		CreatedAt: "2026-11-27T06:00:00.000Z", Configuration: req.Configuration}
}

func TestRenderErrorMasksASecretThatWouldWrapAcrossLines(t *testing.T) {
	long := "SENTINEL-LONG-TOKEN-0123456789abcdefghijklmnopqrstuvwxyz"
	for pad := 0; pad < 60; pad += 7 {
		err := errors.New(strings.Repeat("x ", pad) + "the token " + long + " was refused")
		out := RenderError(testStyles(long), notCreated, err, 60)
		requireNoSecrets(t, strings.ReplaceAll(ansi.Strip(out), "│", ""), long)
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "SENTINEL-LONG") {
				t.Fatalf("a piece of the secret shows at pad %d:\n%s", pad, out)
			}
		}
	}
}

// The short forms fit an 80×24 screen with the question that follows them,
// and a 40-column one without cutting an ID.
func TestShortFormsAt80And40Columns(t *testing.T) {
	a := settingstest.Filled()
	store := storeFromRequest(a.Request())
	for _, width := range []int{80, 40} {
		st := testStyles(a.Secrets()...)
		summary := RenderReviewSummary(st, a, width)
		result := RenderStoreSummary(st, store, width, true, false)
		requireGolden(t, fmt.Sprintf("review-summary-%d", width), summary)
		requireGolden(t, fmt.Sprintf("store-summary-%d", width), result)
		for _, out := range []string{summary, result} {
			requireNoSecrets(t, out, a.Secrets()...)
			requireFits(t, out, width)
		}
		if !strings.Contains(result, store.ID) {
			t.Errorf("the short card at %d columns cuts the store ID:\n%s", width, result)
		}
		if width == 80 && strings.Count(result, "\n") > 13 {
			t.Errorf("the short card takes %d lines at 80 columns, want at most 14", strings.Count(result, "\n")+1)
		}
	}
}

// requireFits fails when a line of out is wider than width.
func requireFits(t *testing.T, out string, width int) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(line); w > width {
			t.Errorf("line wider than %d (%d): %q", width, w, line)
		}
	}
}

func TestASignInThatGotNoAnswerSaysWhy(t *testing.T) {
	err := &api.TokenError{Endpoint: "127.0.0.1:1/env/as/token", Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}
	out := RenderError(testStyles(), notCreated, err, 80)
	if strings.Contains(out, "refused the sign-in") || !strings.Contains(out, "could not sign in") || !strings.Contains(out, "127.0.0.1:1") {
		t.Fatalf("card:\n%s", out)
	}
}

// The wizard shows a refusal above its "Not done" question (8 rows): at
// 80×24 the card's heading must not scroll away with one problem named.
func TestARefusalWithOneProblemLeavesRoomForTheQuestionAt80x24(t *testing.T) {
	e := pingOneValidationError()
	e.Details = e.Details[:1]
	out := RenderError(testStyles(), notCreated, fmt.Errorf("create store: %w", e), 80)
	if h := lipgloss.Height(out); h > 24-8 {
		t.Fatalf("the card is %d rows; with the question it outgrows 24:\n%s", h, out)
	}
}

// The users line names the permission-set choice in its one word, read
// from the answer, whatever its letter case.
func TestUsersLineNamesThePermissionSetChoice(t *testing.T) {
	for v, want := range map[string]string{
		api.PermissionSetsMerge:                      "permission sets: merge",
		api.PermissionSetsOverwrite:                  "permission sets: overwrite",
		strings.ToUpper(api.PermissionSetsOverwrite): "permission sets: overwrite",
	} {
		if got := usersLine(settings.Answers{PermissionSets: v}); !strings.HasSuffix(got, want) {
			t.Errorf("usersLine with %q = %q, want it to end %q", v, got, want)
		}
	}
}
