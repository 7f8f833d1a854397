package profile

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"sfstore/api/endpoint"
	"sfstore/ui/settings"
)

// Profile is one saved connection. The TOML keys (and --json's) are the
// flags' names, so a file edited by hand reads like the command line it
// replaces.
type Profile struct {
	Description         string `toml:"description,omitempty" json:"description,omitempty"`
	Region              string `toml:"region,omitempty" json:"region,omitempty"`
	APIURL              string `toml:"api-url,omitempty" json:"api-url,omitempty"`
	AuthURL             string `toml:"auth-url,omitempty" json:"auth-url,omitempty"`
	Auth                string `toml:"auth,omitempty" json:"auth,omitempty"` // "worker" (default) or "token"
	WorkerEnvironmentID string `toml:"worker-environment-id,omitempty" json:"worker-environment-id,omitempty"`
	WorkerClientID      string `toml:"worker-client-id,omitempty" json:"worker-client-id,omitempty"`
	EnvironmentID       string `toml:"environment-id,omitempty" json:"environment-id,omitempty"`
}

// Config is the whole file: the profiles by name, and the one used when
// neither --profile nor SFSTORE_PROFILE names one.
type Config struct {
	Default  string             `toml:"default,omitempty" json:"default,omitempty"`
	Profiles map[string]Profile `toml:"profiles,omitempty" json:"profiles,omitempty"`
}

// Names lists the profiles, sorted.
func (c *Config) Names() []string {
	names := make([]string, 0, len(c.Profiles))
	for n := range c.Profiles {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// UnknownError is a profile name the file does not hold.
type UnknownError struct {
	Name  string
	Known []string
}

func (e *UnknownError) Error() string {
	if len(e.Known) == 0 {
		return fmt.Sprintf("no profile %q: there are no profiles yet (sfstore profile add NAME saves one)", e.Name)
	}
	return fmt.Sprintf("no profile %q: the profiles are %s", e.Name, strings.Join(e.Known, ", "))
}

// Lookup returns the named profile, or an UnknownError listing the others.
func (c *Config) Lookup(name string) (Profile, error) {
	p, ok := c.Profiles[name]
	if !ok {
		return Profile{}, &UnknownError{Name: name, Known: c.Names()}
	}
	return p, nil
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$`)

// CheckName refuses names that would not survive a shell, a TOML key or a
// terminal unquoted.
func CheckName(name string) error {
	if !nameRE.MatchString(name) {
		return errors.New("a profile name is 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit")
	}
	return nil
}

// Auth methods as the file spells them.
const (
	AuthWorker = string(settings.AuthWorkerApp)
	AuthToken  = string(settings.AuthPastedToken)
)

// problems lists what is wrong with p, each naming its key.
func (p Profile) problems() []string {
	var out []string
	a := settings.Defaults()
	if err := p.apply(&a); err != nil {
		var input *settings.InputError
		if errors.As(err, &input) {
			out = append(out, input.Problems...)
		}
	}
	for _, u := range []struct{ key, v string }{{"api-url", p.APIURL}, {"auth-url", p.AuthURL}} {
		if u.v == "" {
			continue
		}
		if _, err := endpoint.Check(u.key, u.v); err != nil {
			out = append(out, err.Error())
		}
	}
	if err := noControls(p.Description); err != nil {
		out = append(out, "description: "+err.Error())
	}
	return out
}

// Check validates every value, so a profile is refused when it is saved
// or read rather than when a command first sends it.
func (p Profile) Check() error {
	if probs := p.problems(); len(probs) > 0 {
		return &settings.InputError{Problems: probs}
	}
	return nil
}

func noControls(s string) error {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return fmt.Errorf("contains a control character (%U)", r)
		}
	}
	return nil
}

// Apply sets the answers the profile holds; the caller applies the
// environment and flags afterwards, so they win.
func (p Profile) Apply(a *settings.Answers) error {
	return p.apply(a)
}

func (p Profile) apply(a *settings.Answers) error {
	var probs []string
	switch strings.ToLower(strings.TrimSpace(p.Auth)) {
	case "", AuthWorker:
		a.AuthMethod = settings.AuthWorkerApp
	case AuthToken:
		a.AuthMethod = settings.AuthPastedToken
	default:
		probs = append(probs, fmt.Sprintf("auth: %q: expected %s or %s", p.Auth, AuthWorker, AuthToken))
	}
	for _, v := range []struct {
		f *settings.Field
		v string
	}{
		{settings.FieldRegion, p.Region},
		{settings.FieldWorkerEnvironment, p.WorkerEnvironmentID},
		{settings.FieldWorkerClientID, p.WorkerClientID},
		{settings.FieldEnvironmentID, p.EnvironmentID},
	} {
		if strings.TrimSpace(v.v) == "" {
			continue
		}
		err := v.f.CheckValue(*a, v.v)
		if err == nil {
			err = v.f.Set(a, v.v)
		}
		if err != nil {
			probs = append(probs, fmt.Sprintf("%s: %v", v.f.Key, err))
		}
	}
	if len(probs) > 0 {
		return &settings.InputError{Problems: probs}
	}
	return nil
}

// FromAnswers is the profile of a run's connection: its answers and the
// endpoints that override the region's.
func FromAnswers(a settings.Answers, apiURL, authURL, description string) Profile {
	p := Profile{
		Description: description, Region: a.Region, APIURL: apiURL, AuthURL: authURL,
		Auth: string(a.AuthMethod), EnvironmentID: a.EnvironmentID,
	}
	if a.AuthMethod != settings.AuthPastedToken {
		p.WorkerEnvironmentID, p.WorkerClientID = a.WorkerEnvironmentID, a.WorkerClientID
	}
	return p
}

// SameConnection says whether p reaches the same PingOne organisation, app
// and environment as q: the description does not count.
func (p Profile) SameConnection(q Profile) bool {
	p.Description, q.Description = "", ""
	norm := func(x Profile) Profile {
		if x.Auth == "" {
			x.Auth = AuthWorker
		}
		x.Region = strings.ToUpper(x.Region)
		x.WorkerEnvironmentID = strings.ToLower(x.WorkerEnvironmentID)
		x.WorkerClientID = strings.ToLower(x.WorkerClientID)
		x.EnvironmentID = strings.ToLower(x.EnvironmentID)
		return x
	}
	return norm(p) == norm(q)
}
