package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sfstore/api"
	"sfstore/api/redact"
)

// Kind says what sort of value a field holds, which decides how it is
// parsed from a flag, the environment or a file, and how it is shown.
type Kind int

const (
	// Text is a string shown as it is.
	Text Kind = iota
	// Secret is a string never shown, logged or accepted as a flag.
	Secret
	// Bool is true or false, always sent.
	Bool
	// OptionalBool is true, false or unset; unset is not sent.
	OptionalBool
	// OneOf is one of the field's Choices.
	OneOf
)

// Choice is one allowed value of a OneOf field.
type Choice struct {
	Value string // as stored and sent; "" means not sent
	Word  string // as typed after the flag, e.g. "merge"
	Label string // as shown in a form or the review
}

// Field describes one setting: everything sfstore needs to ask for it,
// read it from a flag, the environment or a file, check it, show it and
// name it in PingOne's errors.
type Field struct {
	Key   string // stable name; the flag is --Key when Flag is true
	Label string // what the user sees, e.g. "Profile ID"
	Step  Step
	// Path is where the value sits in the create body, as PingOne names it
	// in an error's details[].target: "name" or "configuration.PROFILE_ID".
	// Empty for the sign-in answers, which are not part of the store.
	Path string
	// Aliases are deprecated body paths read as this one.
	Aliases []string
	Flag    bool   // supplied by --Key; never true for a Secret
	Env     string // the environment variable that supplies it, if any
	Kind    Kind
	Choices []Choice
	Help    string // one line: what it is, for forms and --help
	Example string // an example value, shown as "e.g. …", never a default

	value     func(*Answers) any // *string, *bool or **bool
	applies   func(Answers) bool // nil: always
	validate  func(a Answers, v string) error
	normalize func(string) string
	display   func(Answers) string // Show, when the value alone says too little
	// restoresCase marks a Salesforce ID whose letter case normalize may
	// restore: the review then says so.
	restoresCase bool
}

// Get returns the field's value as text: "true"/"false" for booleans, ""
// for an unset optional one.
func (f *Field) Get(a *Answers) string {
	switch p := f.value(a).(type) {
	case *string:
		return *p
	case *bool:
		return strconv.FormatBool(*p)
	case **bool:
		if *p == nil {
			return ""
		}
		return strconv.FormatBool(**p)
	}
	return ""
}

// Set parses and normalises v into the field. A OneOf field takes its value or
// its word; a boolean takes true/false, yes/no or on/off, and an optional
// one also "" for unset. The error names what is expected, never v itself
// when the field is a secret.
func (f *Field) Set(a *Answers, v string) error {
	switch p := f.value(a).(type) {
	case *string:
		s, err := f.parseString(v)
		if err != nil {
			return err
		}
		f.noteRestoredCase(a, v, s)
		*p = s
	case *bool:
		b, ok := parseBool(v)
		if !ok {
			return fmt.Errorf("%q: expected true or false", v)
		}
		*p = b
	case **bool:
		if strings.TrimSpace(v) == "" {
			*p = nil
			return nil
		}
		b, ok := parseBool(v)
		if !ok {
			return fmt.Errorf("%q: expected true or false", v)
		}
		*p = &b
	}
	return nil
}

func (f *Field) parseString(v string) (string, error) {
	if f.Kind == Secret && strings.TrimSpace(v) != "" && api.LooksMasked(v) {
		return "", errors.New("this is a masked value (such as ••••1234 or ********), not the secret")
	}
	if f.normalize != nil {
		v = f.normalize(v)
	} else {
		v = strings.TrimSpace(v)
	}
	if f.Kind != OneOf {
		return v, nil
	}
	for _, c := range f.Choices {
		if strings.EqualFold(v, c.Value) || (c.Word != "" && strings.EqualFold(v, c.Word)) {
			return c.Value, nil
		}
	}
	return "", fmt.Errorf("%q: expected %s", v, orList(f.words()))
}

// values lists the values a OneOf field sends.
func (f *Field) values() []string {
	out := make([]string, 0, len(f.Choices))
	for _, c := range f.Choices {
		if c.Value != "" {
			out = append(out, strconv.Quote(c.Value))
		}
	}
	return out
}

// words lists the words a flag takes for a OneOf field.
func (f *Field) words() []string {
	words := make([]string, 0, len(f.Choices))
	for _, c := range f.Choices {
		if w := c.Word; w != "" {
			words = append(words, w)
		}
	}
	return words
}

// Applies says whether the field means anything with these answers: the
// account only with Communities on, the worker secret only for a worker app.
func (f *Field) Applies(a Answers) bool {
	return f.applies == nil || f.applies(a)
}

// Check validates the field's value in the context of all the answers; nil
// when the field does not apply.
func (f *Field) Check(a Answers) error {
	if !f.Applies(a) {
		return nil
	}
	v := f.Get(&a)
	if err := noControls(v); err != nil {
		return err
	}
	if f.validate == nil {
		return nil
	}
	return f.validate(a, v)
}

// noControls refuses control characters: what PingOne stores would differ
// from what sfstore shows, which never lets them reach a terminal.
func noControls(v string) error {
	for _, r := range v {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return fmt.Errorf("contains a control character (%U); remove it", r)
		}
	}
	return nil
}

// CheckValue validates v as the field's value, before it is set: the forms
// call it on each keystroke that leaves a field.
func (f *Field) CheckValue(a Answers, v string) error {
	if err := noControls(v); err != nil {
		return err
	}
	if f.validate == nil {
		return nil
	}
	if f.Kind != OneOf {
		if f.normalize != nil {
			v = f.normalize(v)
		} else {
			v = strings.TrimSpace(v)
		}
	}
	return f.validate(a, v)
}

// Show is the value as the review shows it: secrets masked, booleans as
// yes/no, a choice by its label and an unset value as PingOne's default.
func (f *Field) Show(a Answers) string {
	if f.display != nil {
		return f.display(a)
	}
	v := f.Get(&a)
	if typed, ok := a.CaseRestored[f.Key]; ok && v != "" {
		return v + " (letter case restored from " + typed + ")"
	}
	switch f.Kind {
	case Secret:
		return redact.Mask(v)
	case Bool:
		return yesNo(v == "true")
	case OptionalBool:
		if v == "" {
			return NotSent
		}
		return yesNo(v == "true")
	case OneOf:
		for _, c := range f.Choices {
			if c.Value == v && c.Label != "" {
				return c.Label
			}
		}
	}
	return v
}

// NotSent marks a key left out of the request, so PingOne decides.
const NotSent = "(PingOne's default)"

// Supplier says how to give the field without the wizard, for messages
// about what is missing.
func (f *Field) Supplier() string {
	var ways []string
	if f.Flag {
		ways = append(ways, "--"+f.Key)
	}
	if f.Env != "" {
		ways = append(ways, "env "+f.Env)
	}
	if f.Path != "" {
		ways = append(ways, "--from FILE ("+f.Path+")")
	}
	if len(ways) == 0 {
		return "the wizard"
	}
	return strings.Join(ways, " or ")
}

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "on", "1":
		return true, true
	case "false", "no", "off", "0":
		return false, true
	}
	return false, false
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
