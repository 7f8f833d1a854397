package ui

import "strings"

// InputError lists problems with what the user supplied: missing or
// invalid values, bad flags, a malformed --from file. main exits 2 for it.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return "invalid input:\n  - " + strings.Join(e.Problems, "\n  - ")
}
