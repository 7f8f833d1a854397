package settings

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"sfstore/api"
	"sfstore/api/endpoint"
	"sfstore/api/salesforce"
)

// Validators are pure and cheap: the forms run them inside Update on every
// keystroke that leaves a field, so nothing here touches the network. Each
// message says what is expected, and never repeats a secret.

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// hostnamePattern accepts DNS names with at least one dot, such as
// acme.my.salesforce.com or acme--dev.sandbox.my.salesforce.com.
var hostnamePattern = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?(:[0-9]{1,5})?$`)

// ExampleUUID is the shape of a PingOne ID, for messages and placeholders.
const ExampleUUID = "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5"

func required(what string) func(Answers, string) error {
	return func(_ Answers, s string) error {
		if s == "" {
			return fmt.Errorf("%s is required", what)
		}
		return nil
	}
}

func validUUID(_ Answers, s string) error {
	if s == "" {
		return errors.New("required: a UUID such as " + ExampleUUID)
	}
	if !uuidPattern.MatchString(strings.ToLower(s)) {
		return errors.New("expected a UUID such as " + ExampleUUID)
	}
	return nil
}

// validTargetEnvironment allows empty with a worker app: the store then goes
// to the worker app's environment. A pasted token has no environment of its
// own, so the target must be given.
func validTargetEnvironment(a Answers, s string) error {
	if s == "" && a.AuthMethod == AuthWorkerApp {
		return nil
	}
	return validUUID(a, s)
}

func validImageURL(_ Answers, s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("expected a full URL such as https://example.com/logo.png, or leave it empty")
	}
	return nil
}

// validSecret checks a pasted secret. Inner whitespace means two values were
// pasted, or a line break got in; surrounding space is trimmed on entry.
func validSecret(what string) func(Answers, string) error {
	return func(_ Answers, s string) error {
		if s == "" {
			return fmt.Errorf("%s is required", what)
		}
		if strings.ContainsAny(s, " \t\r\n") {
			return fmt.Errorf("%s must not contain spaces or line breaks", what)
		}
		if api.LooksMasked(s) {
			return fmt.Errorf("%s is a masked value (such as ••••1234 or ********), not the secret", what)
		}
		return nil
	}
}

// NormalizeDomain turns what a user pastes into the bare host the request
// carries: "https://Acme.my.salesforce.com/" becomes "acme.my.salesforce.com".
// PingOne documents no format for SALESFORCE_DOMAIN and its own examples
// disagree (UNCONFIRMED); the admin console asks for the bare host, which is
// the safe reading.
func NormalizeDomain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "http://")
	s = strings.TrimRight(s, "/")
	// The default HTTPS port says nothing; PingOne wants the host.
	return strings.TrimSuffix(s, ":443")
}

func validDomain(_ Answers, host string) error {
	if host == "" {
		return errors.New("required: your org's domain, such as acme.my.salesforce.com")
	}
	if strings.Contains(host, "/") {
		return errors.New("expected only the domain, such as acme.my.salesforce.com, without a path")
	}
	if !hostnamePattern.MatchString(host) {
		return errors.New("expected a domain such as acme.my.salesforce.com")
	}
	// A port is allowed on a local test org only.
	if h, _, hasPort := strings.Cut(host, ":"); hasPort && !endpoint.IsLoopback(h) {
		return errors.New("expected the domain without a port, such as acme.my.salesforce.com")
	}
	return nil
}

// salesforceID checks a 15- or 18-character Salesforce ID with the given
// key prefix, after an 18-character one had its letter case restored (see
// canonicalID). The prefix is case-sensitive: "00e" is a profile, while
// "00E" is a user role.
func salesforceID(object, prefix string, requiredIf func(Answers) bool) func(Answers, string) error {
	return func(a Answers, s string) error {
		if s == "" {
			if requiredIf != nil && requiredIf(a) {
				return fmt.Errorf("required with Communities on: the %s ID, 15 or 18 characters starting with %s", object, prefix)
			}
			return nil
		}
		if len(s) != 15 && len(s) != 18 || !isAlphanumeric(s) {
			return fmt.Errorf("expected %s ID of 15 or 18 letters and digits starting with %s", article(object), prefix)
		}
		_, err := salesforce.CheckID(s, prefix)
		return err
	}
}

// canonicalID restores the letter case of an 18-character Salesforce ID from
// its checksum, as Salesforce gives it out, so an ID that went through a
// tool that changed its case is sent as Salesforce knows it. Anything else
// is kept as typed for the validator to name.
func canonicalID(s string) string {
	s = strings.TrimSpace(s)
	if c, _, err := salesforce.CanonicalID(s); err == nil {
		return c
	}
	return s
}

func communitiesOn(a Answers) bool { return a.EnableCommunities }

func isAlphanumeric(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// article puts "a" or "an" before a word.
func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

func regionChoices() []Choice {
	out := make([]Choice, 0, len(api.Regions))
	for _, r := range api.Regions {
		out = append(out, Choice{Value: r.Code, Word: r.Code, Label: r.Code + " · " + r.Name})
	}
	return out
}
