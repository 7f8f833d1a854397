package api

import (
	"fmt"
	"net/url"
	"strings"
)

// segment returns s trimmed and path-escaped as one segment of a request
// path. It refuses an empty s, and "." or "..", which path escaping keeps
// and a server or proxy resolves as dot-segments (RFC 3986 §5.2.4):
// DELETE …/stores/.. would reach the collection, and an environment ID of
// ".." another part of the API, or of the auth server. field names the
// value in the error, e.g. "environment ID".
//
// The escaped value comes back even with an error, for what only shows a
// request and must not refuse it (DescribeCreate, Credentials.TokenURL);
// whatever sends a request must check the error.
func segment(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	esc := url.PathEscape(s)
	switch s {
	case "":
		return esc, fmt.Errorf("%s is empty", field)
	case ".", "..":
		return esc, fmt.Errorf("%q is not a valid %s", s, field)
	}
	return esc, nil
}

// envPath is environment envID, relative to "/v1/", or an error naming
// the environment ID (see segment).
func envPath(envID string) (string, error) {
	env, err := segment("environment ID", envID)
	return "environments/" + env, err
}

// storesPath is the stores collection of envID, relative to "/v1/".
func storesPath(envID string) (string, error) {
	p, err := envPath(envID)
	return p + "/propagation/stores", err
}

// storePath is store storeID of envID, relative to "/v1/".
func storePath(envID, storeID string) (string, error) {
	p, err := storesPath(envID)
	id, idErr := segment("store ID", storeID)
	if err == nil {
		err = idErr
	}
	return p + "/" + id, err
}

// revisionsPath is the revisions collection of envID, relative to "/v1/".
func revisionsPath(envID string) (string, error) {
	p, err := envPath(envID)
	return p + "/propagation/revisions", err
}
