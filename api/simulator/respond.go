package simulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
)

// Messages PingOne uses for its top-level error codes.
const (
	msgInvalidData    = "The request could not be completed. One or more validation errors were in the request."
	msgInvalidRequest = "The request could not be completed. The request was malformed or invalid."
	msgAccessFailed   = "The request could not be completed. You do not have access to this resource."
	msgNotFound       = "The request could not be completed. The requested resource was not found."
)

// apiError is the documented PingOne error body.
type apiError struct {
	ID      string   `json:"id"`
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Details []detail `json:"details,omitempty"`
}

// detail is one entry of apiError.Details.
type detail struct {
	Code       string         `json:"code"`
	Target     string         `json:"target,omitempty"`
	Message    string         `json:"message"`
	InnerError map[string]any `json:"innerError,omitempty"`
}

// writeJSON writes v as the JSON body with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError writes a PingOne error body with a fresh error id.
func writeError(w http.ResponseWriter, status int, code, message string, details ...detail) {
	writeJSON(w, status, apiError{ID: newUUID(), Code: code, Message: message, Details: details})
}

// writeOAuthError writes an RFC 6749 token endpoint error.
func writeOAuthError(w http.ResponseWriter, status int, code, description string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code, "error_description": description})
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newToken returns an opaque access token of 43 characters.
func newToken() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// writeForbidden answers 403 as PingOne does for a role the token lacks.
func writeForbidden(w http.ResponseWriter) {
	writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed,
		detail{Code: "INSUFFICIENT_PERMISSIONS", Message: "The actor attempting to perform the request is not authorized."})
}
