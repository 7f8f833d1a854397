package settings

// Changes lists the store fields whose value differs between old and new,
// in table order: what an edit or a reconnect changes. Only fields with a
// body path count, since the sign-in answers belong to the run and not to
// the store; a field that does not apply (the account with Communities
// off) reads as empty, as the request leaves it out.
func Changes(old, new Answers) []*Field {
	var changed []*Field
	for _, f := range Fields {
		if f.Path != "" && sent(f, old) != sent(f, new) {
			changed = append(changed, f)
		}
	}
	return changed
}

// sent is the field's value as the request carries it.
func sent(f *Field, a Answers) string {
	if !f.Applies(a) {
		return ""
	}
	return f.Get(&a)
}
