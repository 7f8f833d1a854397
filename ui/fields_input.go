package ui

import (
	"sfstore/api/redact"
	"strings"

	"github.com/charmbracelet/huh"
)

// input builds a text field bound to value. Accessible mode (huh v1.0.0)
// prints only a field's title, and an empty line there clears a password
// and fails a required field even when an answer is already given. So in
// that mode the description joins the title, the current answer is named,
// and an empty line keeps it.
func (w *wizard) input(title, description string, value *string, validate func(string) error) *huh.Input {
	if validate == nil {
		validate = func(string) error { return nil }
	}
	in := huh.NewInput()
	if !w.opts.Accessible || *value == "" {
		return in.Title(accessibleTitle(w, title, description, "")).Description(description).Value(value).Validate(validate)
	}
	return in.Title(accessibleTitle(w, title, description, "Enter keeps "+*value)).
		Accessor(&keepAccessor{value}).Validate(keepValidator(validate))
}

// password is input with hidden typing; the current answer is named by its
// mask only.
func (w *wizard) password(title, description string, value *string, validate func(string) error) *huh.Input {
	in := huh.NewInput().EchoMode(huh.EchoModePassword)
	if !w.opts.Accessible || *value == "" {
		return in.Title(accessibleTitle(w, title, description, "")).Description(description).Value(value).Validate(validate)
	}
	return in.Title(accessibleTitle(w, title, description, "Enter keeps "+maskOrHidden(*value))).
		Accessor(&keepAccessor{value}).Validate(keepValidator(validate))
}

func accessibleTitle(w *wizard, title, description, keep string) string {
	if !w.opts.Accessible {
		return title
	}
	sep := ". "
	if strings.HasSuffix(title, "?") || strings.HasSuffix(title, ".") {
		sep = " "
	}
	t := title + sep + description
	if keep != "" {
		t += " (" + keep + ")"
	}
	return t
}

func maskOrHidden(secret string) string {
	if m := redact.Mask(secret); m != redact.MaskPrefix {
		return m
	}
	return "the one given"
}

// keepValidator lets an empty line through: keepAccessor keeps the answer.
func keepValidator(validate func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return validate(s)
	}
}

// keepAccessor ignores an empty line, keeping the current answer.
type keepAccessor struct{ value *string }

func (k *keepAccessor) Get() string { return *k.value }

func (k *keepAccessor) Set(v string) {
	if strings.TrimSpace(v) != "" {
		*k.value = v
	}
}
