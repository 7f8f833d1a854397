package api

// storeHint is Hint for the calls on one store (OpGetStore, OpUpdateStore,
// OpDeleteStore), or "" to fall back on the general hints.
func (e *Error) storeHint() string {
	switch e.Op {
	case OpGetStore, OpUpdateStore, OpDeleteStore:
	default:
		return ""
	}
	switch {
	case e.HTML:
		return ""
	case e.StatusCode == 404:
		return "PingOne found no such store in this environment (deleted?): check the store ID (sfstore list shows them), the environment ID and the region."
	case e.Op == OpDeleteStore && (e.StatusCode == 400 || e.StatusCode == 409):
		// PingOne documents that a store a rule uses must not be deleted;
		// the status it answers then is UNCONFIRMED.
		return "PingOne refused to delete the store: if a propagation rule uses it, remove it from the rule in PingOne first."
	case e.Op == OpUpdateStore && e.StatusCode == 400:
		return "PingOne rejected the update and kept the store as it was: fix the fields listed and try again."
	}
	return ""
}
