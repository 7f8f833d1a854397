package settings

import "strings"

// unlessMasked returns v, or "" when v looks like a mask rather than a
// secret. Whether PingOne masks stored secrets when it returns a store is
// UNCONFIRMED (its examples echo them in clear), so both are handled: a
// value made only of mask characters is never taken for the secret.
func unlessMasked(v string) string {
	if strings.Trim(v, "*•· ") == "" || strings.Contains(v, "••••") || strings.Contains(v, "****") {
		return ""
	}
	return v
}
