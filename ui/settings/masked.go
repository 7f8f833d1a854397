package settings

import "sfstore/api"

// unlessMasked returns v, or "" when v looks like a mask rather than a
// secret (api.LooksMasked): a masked value read back from PingOne is never
// taken for the secret and sent again.
func unlessMasked(v string) string {
	if api.LooksMasked(v) {
		return ""
	}
	return v
}
