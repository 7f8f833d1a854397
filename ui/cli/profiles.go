package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/settings"
)

// ProfileEnv names the profile to use when --profile does not.
const ProfileEnv = "SFSTORE_PROFILE"

// activeProfile is the saved connection a run uses, and where it was named.
type activeProfile struct {
	name, from string
	p          profile.Profile
}

// profileState is what a run knows of the config file, read once.
type profileState struct {
	read   bool
	active *activeProfile
	err    error
	skip   bool // the profile commands manage profiles rather than use one
}

// configFile is the config file's path, or an error when there is no
// config directory (or, in tests, no config file at all).
func (a *app) configFile() (string, error) {
	if a.deps.ConfigFile == nil {
		return "", errors.New("no config directory")
	}
	return a.deps.ConfigFile()
}

// profileNamed is the name --profile or SFSTORE_PROFILE gives, and which.
func (a *app) profileNamed() (name, from string) {
	if n := a.globals.profile; n != "" {
		return n, "--profile"
	}
	if n := a.io.Getenv(ProfileEnv); n != "" {
		return n, ProfileEnv
	}
	return "", ""
}

// profile resolves the run's profile, highest first: --profile,
// SFSTORE_PROFILE, then the file's default (not in the demo, whose
// connection is its own). An unknown name is an InputError listing the
// profiles there are; a malformed file an InputError naming its line.
func (a *app) profile() (*activeProfile, error) {
	st := &a.globals.profiles
	if st.read || st.skip {
		return st.active, st.err
	}
	st.read = true
	name, from := a.profileNamed()
	if name == "" && a.globals.demo {
		return nil, nil
	}
	path, err := a.configFile()
	if err != nil {
		if name != "" {
			st.err = &settings.InputError{Problems: []string{fmt.Sprintf("%s %s: %v", from, name, err)}}
		}
		return nil, st.err
	}
	c, err := profile.Load(path)
	var fe *profile.FileError
	switch {
	case errors.As(err, &fe):
		st.err = &settings.InputError{Problems: []string{fe.Error()}}
		return nil, st.err
	case err != nil:
		st.err = err
		return nil, err
	}
	if name == "" {
		if c.Default == "" {
			return nil, nil
		}
		name, from = c.Default, "the default in "+path
	}
	p, err := c.Lookup(name)
	if err != nil {
		st.err = &settings.InputError{Problems: []string{from + ": " + err.Error()}}
		return nil, st.err
	}
	st.active = &activeProfile{name: name, from: from, p: p}
	return st.active, nil
}

// regionGiven says whether the flags or the environment name a region,
// which then replaces the profile's region and endpoints alike.
func (a *app) regionGiven() bool {
	return a.globals.flags.Changed("region") || a.io.Getenv(settings.FieldRegion.Env) != ""
}

// profileEndpoints fills the API and auth bases the flags and environment
// left to the region from the profile, unless they named a region.
func (a *app) profileEndpoints(opts *ui.Options, ap *activeProfile) {
	opts.ProfileFile, _ = a.configFile()
	if ap == nil {
		return
	}
	opts.Profile = ap.name
	if a.regionGiven() {
		return
	}
	if opts.APIURL == "" {
		opts.APIURL = ap.p.APIURL
	}
	if opts.AuthURL == "" {
		opts.AuthURL = ap.p.AuthURL
	}
}

// sayProfile names the profile in use on stderr, for a script's log and
// for doctor; the wizard shows it on its first step instead.
func (a *app) sayProfile(s *ui.Session, wizard bool) {
	ap := a.globals.profiles.active
	if ap == nil || wizard {
		return
	}
	s.Progress("Using profile %s (from %s).", ap.name, ap.from)
}

// isCreate says whether cmd is the create wizard's: the root or create.
func isCreate(cmd *cobra.Command) bool {
	return !cmd.HasParent() || cmd.Name() == "create"
}
