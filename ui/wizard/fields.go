package wizard

import (
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"sfstore/api/redact"
	"sfstore/ui/settings"
)

// validator checks what is typed into f against the other answers.
func (w *Wizard) validator(f *settings.Field) func(string) error {
	return func(s string) error { return f.CheckValue(*w.a, s) }
}

// fieldInput is a text input for f, bound to its answer, with its example
// as a placeholder.
func (w *Wizard) fieldInput(f *settings.Field, description string, value *string) *huh.Input {
	in := w.input(f.Label, w.describe(f, description), value, w.validator(f))
	if f.Example != "" {
		in.Placeholder("(e.g. " + f.Example + ")")
	}
	return in
}

// narrowInput is the screen width below which inputs drop their prompt.
const narrowInput = 44

// input builds a text field bound to value. Accessible mode (huh v1.0.0)
// prints only a field's title, and an empty line there clears a password
// and fails a required field even when an answer is already given. So in
// that mode the description joins the title, the current answer is named,
// and an empty line keeps it.
func (w *Wizard) input(title, description string, value *string, validate func(string) error) *huh.Input {
	if validate == nil {
		validate = func(string) error { return nil }
	}
	in := huh.NewInput()
	if w.s.ErrWidth < narrowInput {
		// The "> " prompt would push a 36-character ID out of a 40-column
		// screen, and the field would scroll its first character away.
		in.Prompt("")
	}
	if !w.s.Opts.Accessible || *value == "" {
		return in.Title(w.accessibleTitle(title, description, "")).Description(description).Value(value).Validate(validate)
	}
	return in.Title(w.accessibleTitle(title, description, "Enter keeps "+*value)).
		Accessor(&keepAccessor{value}).Validate(keepValidator(validate))
}

// password is input with hidden typing for a secret field; the current
// answer is named by its mask only.
func (w *Wizard) password(f *settings.Field, description string, value *string) *huh.Input {
	description = w.describe(f, description)
	validate := w.validator(f)
	in := huh.NewInput().EchoMode(huh.EchoModePassword)
	if !w.s.Opts.Accessible || *value == "" {
		return in.Title(w.accessibleTitle(f.Label, description, "")).Description(description).Value(value).Validate(validate)
	}
	return in.Title(w.accessibleTitle(f.Label, description, "Enter keeps "+maskOrHidden(*value))).
		Accessor(&keepAccessor{value}).Validate(keepValidator(validate))
}

// yesNo is a confirm with Yes and No, bound to value unless the caller
// binds an accessor instead (nil).
func (w *Wizard) yesNo(title, description string, value *bool) *huh.Confirm {
	c := huh.NewConfirm().Title(w.accessibleTitle(title, description, "")).Description(description).
		Affirmative("Yes").Negative("No").WithButtonAlignment(lipgloss.Left)
	if value != nil {
		c.Value(value)
	}
	return c
}

// choice is a select with a title and description, read out together in
// accessible mode.
func choice[T comparable](w *Wizard, title, description string, value *T, options ...huh.Option[T]) *huh.Select[T] {
	return huh.NewSelect[T]().Title(w.accessibleTitle(title, description, "")).
		Description(description).Options(options...).Value(value)
}

func (w *Wizard) accessibleTitle(title, description, keep string) string {
	if !w.s.Opts.Accessible {
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
