package salesforce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sfstore/api/endpoint"
	"sfstore/api/redact"
	"strings"
)

// APIVersion is the Salesforce REST API version used ("v62.0", Winter '25).
const APIVersion = "v62.0"

const (
	maxBody      = 8 << 20  // a query page of 2,000 records fits with room to spare
	maxErrorBody = 64 << 10 // error bodies are short; an HTML page is cut
)

// Identity is who a token belongs to. Fields are empty when Salesforce
// did not say (the token is valid but lacks the scope to read userinfo).
type Identity struct {
	OrgID    string // organization_id, e.g. "00D5g000004XyZ1EAK"
	Username string // preferred_username, e.g. "admin@acme.com"
	Name     string // the user's full name
	Email    string
}

// Verify checks an access token cheaply and says whose it is:
// GET {instanceURL}/services/oauth2/userinfo and, when that is refused
// for lack of scope (403 or 404), GET {instanceURL}/services/data/v62.0/,
// which any api-scoped token may read; the org ID then comes from the
// token itself, whose first 15 characters are the org ID.
//
// hc nil means a client with a 30 second timeout; it is copied, never
// changed, to follow no redirects (a 3xx is a *RedirectError). A 401
// matches ErrTokenRejected (also an *APIError). For a pasted token, the
// caller should treat that as a warning: PingOne refreshes it with the
// refresh token.
func Verify(ctx context.Context, hc *http.Client, instanceURL, accessToken string) (*Identity, error) {
	base, err := baseURL(instanceURL, "instance url")
	if err != nil {
		return nil, err
	}
	if accessToken == "" {
		return nil, errors.New("salesforce access token is required")
	}
	var ui struct {
		OrganizationID    string `json:"organization_id"`
		PreferredUsername string `json:"preferred_username"`
		Name              string `json:"name"`
		Email             string `json:"email"`
	}
	err = getJSON(ctx, hc, base+"/services/oauth2/userinfo", accessToken, &ui)
	if err == nil {
		return &Identity{OrgID: ui.OrganizationID, Username: ui.PreferredUsername, Name: ui.Name, Email: ui.Email}, nil
	}
	var ae *APIError
	if !errors.As(err, &ae) || (ae.Status != http.StatusForbidden && ae.Status != http.StatusNotFound) {
		return nil, err
	}
	var resources map[string]any
	if err := getJSON(ctx, hc, base+"/services/data/"+APIVersion+"/", accessToken, &resources); err != nil {
		return nil, err
	}
	return &Identity{OrgID: orgIDFromToken(accessToken)}, nil
}

// orgIDFromToken returns the org ID a Salesforce access token starts with
// ("00D…!…"), or "" when it does not look like one.
func orgIDFromToken(token string) string {
	org, _, ok := strings.Cut(token, "!")
	if !ok || (len(org) != 15 && len(org) != 18) || ValidID(org, "00D") != nil {
		return ""
	}
	return org
}

// getJSON GETs rawURL with the bearer token and decodes a 2xx JSON body
// into out. Other answers become an *APIError with the token redacted.
//
// Redirects are not followed (see endpoint.NoRedirects): a 3xx is a
// *RedirectError.
func getJSON(ctx context.Context, hc *http.Client, rawURL, token string, out any) error {
	hc = endpoint.NoRedirects(hc, defaultHTTPClient)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fmt.Errorf("salesforce request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "sfstore")
	resp, err := hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return redact.Err(fmt.Errorf("could not reach salesforce at %s: %w", endpoint.HostOf(ue.URL), ue.Err), []string{token})
		}
		return redact.Err(err, []string{token})
	}
	defer resp.Body.Close()
	if endpoint.IsRedirect(resp.StatusCode) {
		return redirectError(resp)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return newAPIError(resp, token)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return fmt.Errorf("read salesforce answer: %w", err)
	}
	if len(body) > maxBody {
		return fmt.Errorf("salesforce answer from %s is larger than %d MiB", endpoint.HostOf(rawURL), maxBody>>20)
	}
	if err := json.Unmarshal(body, out); err != nil {
		ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		return fmt.Errorf("salesforce answer from %s is not the expected JSON (content type %q; a proxy or login page answered?)", endpoint.HostOf(rawURL), ct)
	}
	return nil
}

// sfError is one entry of Salesforce's REST error array.
type sfError struct {
	ErrorCode string `json:"errorCode"`
	Message   string `json:"message"`
}

// newAPIError reads a non-2xx answer, up to maxErrorBody, into an
// *APIError with the token redacted.
func newAPIError(resp *http.Response, token string) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody+1))
	truncated := len(body) > maxErrorBody
	if truncated {
		body = body[:maxErrorBody]
	}
	e := &APIError{Status: resp.StatusCode}
	var list []sfError
	var oauthErr struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	switch {
	case json.Unmarshal(body, &list) == nil && len(list) > 0:
		e.Code = list[0].ErrorCode
		msgs := make([]string, 0, len(list))
		for _, x := range list {
			if x.Message != "" {
				msgs = append(msgs, x.Message)
			}
		}
		e.Message = strings.Join(msgs, "; ")
	case json.Unmarshal(body, &oauthErr) == nil && oauthErr.Error != "":
		e.Code, e.Message = oauthErr.Error, oauthErr.Description
	default:
		e.Message = redact.Excerpt(body, truncated, token)
	}
	e.Code = redact.Redact(e.Code, token)
	e.Message = redact.Redact(e.Message, token)
	return e
}
