package api

import (
	"errors"
	"strings"
)

// Hint says in one plain sentence what the user can do about e.
func (e *TokenError) Hint() string {
	var rd *RedirectError
	switch {
	case e.refused:
		return "Give an https:// auth URL (plain http only for localhost), without a query or user info, and the worker app's environment ID."
	case errors.As(e.Err, &rd):
		return rd.Hint()
	case e.Code == "invalid_client" && strings.Contains(strings.ToLower(e.Description), "unsupported authentication method"):
		// Only seen once both Basic and form fields were refused.
		return "The worker app authenticates neither with Client Secret Basic nor with Client Secret Post: set its Token Endpoint Authentication Method to Client Secret Basic in PingOne."
	}
	switch e.Code {
	case "invalid_client":
		return "Check the worker app's client ID and secret, that PINGONE_ENVIRONMENT_ID is the worker app's environment, and that the region is right."
	case "unauthorized_client":
		return "The worker app may not use client credentials: enable the Client Credentials grant on the worker app in PingOne."
	case "unsupported_grant_type", "invalid_grant":
		return "The token endpoint refused the client credentials grant: make sure the app is a worker app with Client Credentials enabled."
	case "invalid_scope":
		return "The worker app may not request the asked scopes: check its resource access in PingOne."
	case "invalid_request":
		return "The token request was malformed: check the auth URL and the worker environment ID."
	}
	switch {
	case e.StatusCode == 0 && isTimeout(e.Err):
		return "PingOne's auth server did not answer in time: check the region or auth URL, your network and HTTPS_PROXY, then try again."
	case e.StatusCode == 0:
		return "PingOne's auth server could not be reached: check the region or auth URL, your network, and HTTPS_PROXY."
	case e.Code == "" && e.StatusCode < 500:
		return "Something other than PingOne answered the token request: check the region or auth URL and HTTPS_PROXY."
	case e.StatusCode >= 500:
		return "PingOne's auth service had a problem: retry later."
	}
	return "Check the worker app's client ID and secret, the worker environment ID, and the region."
}
