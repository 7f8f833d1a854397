package settings

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// FromEnv applies the environment: the variables the PingOne Terraform
// provider and Go SDK use, and the Salesforce secrets. A pasted PingOne
// token switches the sign-in to it. Problems name the variable, never its
// value.
func FromEnv(a *Answers, getenv func(string) string) []string {
	var problems []string
	for _, f := range Fields {
		if f.Env == "" {
			continue
		}
		v := getenv(f.Env)
		if strings.TrimSpace(v) == "" {
			continue
		}
		if err := f.Set(a, v); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s", f.Env, describe(f, err)))
		}
	}
	if a.PingOneAccessToken != "" {
		a.AuthMethod = AuthPastedToken
	}
	return problems
}

// FlagGroup is the flag annotation that names a flag's group in --help.
const FlagGroup = "sfstore_group"

// Flags holds the flags of the fields that have one. Flags are parsed into
// their own values and applied after the file and the environment, so a
// flag wins only when it was given.
type Flags struct {
	fs     *pflag.FlagSet
	values []*flagValue
}

// AddFlags registers --key for every field of the given steps that has a
// flag; secrets never have one, since a flag would leave them in shell
// history and in ps.
func AddFlags(fs *pflag.FlagSet, steps ...Step) *Flags {
	fl := &Flags{fs: fs}
	for _, f := range Fields {
		if !f.Flag || f.Kind == Secret || !slices.Contains(steps, f.Step) {
			continue
		}
		v := &flagValue{field: f}
		flag := fs.VarPF(v, f.Key, "", f.Help+envNote(f))
		if v.IsBoolFlag() {
			flag.NoOptDefVal = "true"
		}
		// Help lists flags under the step that asks for them.
		flag.Annotations = map[string][]string{FlagGroup: {f.Step.String()}}
		fl.values = append(fl.values, v)
	}
	return fl
}

func envNote(f *Field) string {
	if f.Env == "" {
		return ""
	}
	return " (env " + f.Env + ")"
}

// Apply sets every answer whose flag was given; each bad value is named.
func (fl *Flags) Apply(a *Answers) error {
	var problems []string
	for _, v := range fl.values {
		if !fl.fs.Changed(v.field.Key) {
			continue
		}
		if err := v.field.Set(a, v.text); err != nil {
			problems = append(problems, fmt.Sprintf("--%s: %v", v.field.Key, err))
		}
	}
	if len(problems) > 0 {
		return &InputError{Problems: problems}
	}
	return nil
}

// flagValue is a pflag.Value that keeps the text given, to be parsed by
// the field when the flags are applied.
type flagValue struct {
	field *Field
	text  string
}

func (v *flagValue) String() string { return v.text }

func (v *flagValue) Set(s string) error {
	if v.IsBoolFlag() {
		if _, ok := parseBool(s); !ok {
			return fmt.Errorf("expected true or false")
		}
	}
	v.text = s
	return nil
}

// Type is what --help shows after the flag.
func (v *flagValue) Type() string {
	switch {
	case v.IsBoolFlag():
		return "bool"
	case v.field.Kind == OneOf:
		return strings.Join(v.field.words(), "|")
	}
	return "string"
}

// IsBoolFlag makes --flag mean --flag=true. The status is one too: its
// choices are true (active) and false (inactive).
func (v *flagValue) IsBoolFlag() bool {
	switch v.field.Kind {
	case Bool, OptionalBool:
		return true
	case OneOf:
		return strings.Join(v.field.words(), " ") == "true false"
	}
	return false
}
