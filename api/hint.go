package api

import (
	"fmt"
	"strings"
)

// Hint says in one plain sentence what the user can do about e, or returns
// "" when there is nothing specific to say (e.g. 409).
func (e *Error) Hint() string {
	if h := e.storeHint(); h != "" {
		return h
	}
	if h := e.propagationHint(); h != "" {
		return h
	}
	switch {
	case e.HTML:
		return "A proxy or gateway answered instead of PingOne: check HTTPS_PROXY/NO_PROXY, your network, and that the API URL is right."
	case e.StatusCode == 400 && e.Op == OpTestConnection && e.Code == "REQUEST_FAILED":
		return "PingOne could not connect to Salesforce with these settings: check the Salesforce domain, the connected app's client ID and secret, and the OAuth tokens."
	case e.StatusCode == 400:
		if len(e.Details) > 0 {
			return "PingOne rejected some values: fix the fields listed and try again."
		}
		return "PingOne rejected the request: check the values you entered and try again."
	case e.StatusCode == 401:
		return "The access token is invalid or expired: check the worker app's client ID and secret and the region, or get a new token."
	case e.StatusCode == 403:
		return e.forbiddenHint()
	case e.StatusCode == 404 && e.Op == OpListEnvironments:
		return "PingOne has no such endpoint here: check the API URL and the region."
	case e.StatusCode == 404:
		return "PingOne found no such environment here: check the environment ID and the region."
	case e.StatusCode == 429:
		return e.retryHint()
	case e.StatusCode >= 500 && (e.Op == OpCreateStore || e.Op == ""):
		// The create may have been stored before PingOne failed.
		return "PingOne had a problem while handling the create, so the store may exist all the same: check the environment's stores before trying again, and if it persists quote " + e.refs() + " to Ping support."
	case e.StatusCode >= 500:
		return "PingOne had a problem: retry later, and if it persists quote " + e.refs() + " to Ping support."
	}
	return ""
}

// forbiddenHint says which role is missing. Listing environments is an
// optional convenience of the wizard, so its hint says the ID can be typed
// instead; every propagation call needs Environment Admin.
func (e *Error) forbiddenHint() string {
	switch e.Op {
	case OpListEnvironments:
		return "The worker app has no role that may list environments. That is optional: type the environment ID instead, or give the worker app a role such as Environment Admin to pick from a list."
	case OpGetEnvironment:
		return "The worker app has no role on this environment: assign it the Environment Admin role on the target environment in PingOne and try again."
	}
	return "The worker app needs the Environment Admin role on the target environment: assign it in PingOne and try again."
}

// retryHint tells how long to wait after a 429.
func (e *Error) retryHint() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("PingOne is rate limiting requests: retry after %d s.", int(e.RetryAfter.Seconds()))
	}
	return "PingOne is rate limiting requests: wait a moment and retry."
}

// refs names the identifiers support needs to find the failed request.
func (e *Error) refs() string {
	var refs []string
	if e.ID != "" {
		refs = append(refs, "error ID "+e.ID)
	}
	if e.CorrelationID != "" {
		refs = append(refs, "Correlation-Id "+e.CorrelationID)
	}
	if len(refs) == 0 {
		return "the time of the failure"
	}
	return strings.Join(refs, " and ")
}
