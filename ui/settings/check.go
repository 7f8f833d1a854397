package settings

import (
	"fmt"
	"strings"
)

// FieldError is a problem with one answer, named by the field's label.
type FieldError struct {
	Field   *Field
	Message string
}

func (e FieldError) Error() string {
	return fmt.Sprintf("%s: %s", e.Field.Label, e.Message)
}

// Check validates every answer of one step and returns the problems in the
// order the step asks its fields. The forms validate as the user types, but
// accessible mode skips validators at end of input, so the wizard checks
// again after each step and before sending.
func (a Answers) Check(step Step) []FieldError {
	var errs []FieldError
	for _, f := range StepFields(step) {
		if err := f.Check(a); err != nil {
			errs = append(errs, FieldError{f, err.Error()})
		}
	}
	return errs
}

// CheckAll validates every step.
func (a Answers) CheckAll() []FieldError {
	var errs []FieldError
	for _, s := range Steps {
		errs = append(errs, a.Check(s)...)
	}
	return errs
}

// InputError lists problems with what the user supplied: missing or
// invalid values, bad flags, a malformed --from file. The command exits 2
// for it, and nothing has been sent.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return "invalid input:\n  - " + strings.Join(e.Problems, "\n  - ")
}

// Missing turns field problems into an InputError that says, for each,
// which flag, variable or file key supplies it.
func Missing(problems []FieldError) *InputError {
	lines := make([]string, 0, len(problems))
	for _, p := range problems {
		lines = append(lines, fmt.Sprintf("%s: %s (supply it with %s)", p.Field.Label, p.Message, p.Field.Supplier()))
	}
	return &InputError{Problems: lines}
}

// Normalize brings every text answer to the form the request carries.
// Field.Set normalises what flags, the environment and a file supply; the
// wizard calls Normalize once after each form, since the forms write the
// answers directly. What no longer applies (an account with Communities
// off) is kept, so switching back finds it again; Request and Check leave
// it out (Field.Applies).
func (a *Answers) Normalize() {
	for _, f := range Fields {
		p, ok := f.value(a).(*string)
		if !ok {
			continue
		}
		typed := *p
		v, err := f.parseString(typed)
		if err != nil {
			// A value that does not parse is kept as typed: Check names it.
			f.forgetRestoredCase(a)
			continue
		}
		*p = v
		if typed != v {
			f.noteRestoredCase(a, typed, v)
		} else if f.restoredCaseStale(a, v) {
			// Already in its sent form: a note about an earlier value,
			// retyped since in the right case, no longer holds.
			f.forgetRestoredCase(a)
		}
	}
}
