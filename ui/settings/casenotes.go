package settings

import (
	"fmt"
	"strings"
)

// noteRestoredCase records an ID whose letter case normalising changed, so
// the review can say so; any other change (spaces, a scheme) is not worth a
// word.
func (f *Field) noteRestoredCase(a *Answers, typed, normal string) {
	if !f.restoresCase {
		return
	}
	typed = strings.TrimSpace(typed)
	if typed == normal || !strings.EqualFold(typed, normal) {
		if a.CaseRestored != nil && typed != "" {
			delete(a.CaseRestored, f.Key)
		}
		return
	}
	if a.CaseRestored == nil {
		a.CaseRestored = map[string]string{}
	}
	a.CaseRestored[f.Key] = typed
}

// restoredCaseStale says whether the field's note was about a value other
// than v, the one it now holds in its sent form.
func (f *Field) restoredCaseStale(a *Answers, v string) bool {
	typed, ok := a.CaseRestored[f.Key]
	if !ok {
		return false
	}
	normal, err := f.parseString(typed)
	return err != nil || normal != v
}

// forgetRestoredCase drops the field's note.
func (f *Field) forgetRestoredCase(a *Answers) {
	delete(a.CaseRestored, f.Key)
}

// CaseNotes says, for each ID whose letter case was restored, what was
// given and what is sent.
func (a Answers) CaseNotes() []string {
	var notes []string
	for _, f := range Fields {
		if typed, ok := a.CaseRestored[f.Key]; ok && f.Get(&a) != "" {
			notes = append(notes, fmt.Sprintf("%s %s is sent as %s: its letter case is restored from its last three characters", f.Label, typed, f.Get(&a)))
		}
	}
	return notes
}
