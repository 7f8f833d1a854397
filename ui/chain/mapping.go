package chain

import (
	"fmt"
	"regexp"
	"strings"

	"sfstore/api"
)

// Mapping is one attribute mapping of a rule: a Salesforce target and
// either a PingOne source attribute or a PEL expression, never both (as
// PingOne requires).
type Mapping struct {
	Target     string `json:"target"`
	Source     string `json:"source,omitempty"`
	Expression string `json:"expression,omitempty"`
}

// From is where the mapping's value comes from: the source attribute or
// the expression.
func (m Mapping) From() string {
	if m.Source != "" {
		return m.Source
	}
	return m.Expression
}

// String is the mapping as --map takes it: TARGET=SOURCE or
// TARGET=EXPRESSION.
func (m Mapping) String() string { return m.Target + "=" + m.From() }

// The Salesforce User fields sfstore maps. The names are Salesforce's User
// API names; whether PingOne's targetAttribute strings are exactly these is
// UNCONFIRMED, which is why Validate prefers the names the store metadata
// lists (userAttributes) when PingOne returns them.
const (
	TargetUsername          = "Username"
	TargetEmail             = "Email"
	TargetFirstName         = "FirstName"
	TargetLastName          = "LastName"
	TargetAlias             = "Alias"
	TargetTimeZoneSidKey    = "TimeZoneSidKey"
	TargetLocaleSidKey      = "LocaleSidKey"
	TargetEmailEncodingKey  = "EmailEncodingKey"
	TargetLanguageLocaleKey = "LanguageLocaleKey"
	TargetProfileID         = "ProfileId"
	TargetAccountID         = "AccountId"
	TargetIsActive          = "IsActive"
	TargetFederationID      = "FederationIdentifier"
)

// DocumentedTargets are the targets Ping's Salesforce attribute-mapping
// pages list (Communities adds AccountId and IsActive), by API name: the
// names Validate checks against when the store metadata gave none.
// FederationIdentifier is not among them: offer it only when the metadata
// lists it.
var DocumentedTargets = []string{
	TargetUsername, TargetEmail, TargetFirstName, TargetLastName, TargetAlias,
	TargetTimeZoneSidKey, TargetLocaleSidKey, TargetEmailEncodingKey, TargetLanguageLocaleKey,
	TargetProfileID, TargetAccountID, TargetIsActive,
}

// AliasMax is the longest Alias Salesforce takes ("must be 8 characters or
// fewer").
const AliasMax = 8

// The locale defaults of a new Salesforce user. Any Salesforce org accepts
// them; a person who wants others overrides them (--map).
const (
	DefaultTimeZone = "America/Los_Angeles"
	DefaultLocale   = "en_US"
	DefaultEncoding = "UTF-8"
	DefaultLanguage = "en_US"
)

// defaultAlias is one letter of the given name and four of the family
// name, as Ping's own alias sample: at most 5 characters.
var defaultAlias = Concat(Substring("name.given", 0, 1), Substring("name.family", 0, 4))

// Required are the targets Salesforce needs to create a user through st:
// the User object's required fields (UNCONFIRMED, from Salesforce's User
// object and Ping's console list), ProfileId unless the store sets
// PROFILE_ID, and AccountId for a Communities store.
func Required(cfg api.SalesforceConfiguration) []string {
	req := []string{TargetUsername, TargetLastName, TargetEmail, TargetAlias,
		TargetTimeZoneSidKey, TargetLocaleSidKey, TargetEmailEncodingKey, TargetLanguageLocaleKey}
	if strings.TrimSpace(cfg.ProfileID) == "" {
		req = append(req, TargetProfileID)
	}
	if cfg.EnableCommunities {
		req = append(req, TargetAccountID)
	}
	return req
}

// Defaults is the complete mapping set sfstore sends for a store: PingOne
// applies no defaults once a rule has one mapping, so every field
// Salesforce needs is here. ProfileId is left out (the store's PROFILE_ID
// supplies the profile, or the person must name one: Validate says so);
// a Communities store's AccountId is its ACCOUNT_ID when it has one.
func Defaults(cfg api.SalesforceConfiguration) []Mapping {
	m := []Mapping{
		{Target: TargetUsername, Source: "email"}, // Salesforce wants an email-shaped username
		{Target: TargetEmail, Source: "email"},
		{Target: TargetFirstName, Source: "name.given"},
		{Target: TargetLastName, Source: "name.family"},
		{Target: TargetAlias, Expression: defaultAlias},
		{Target: TargetTimeZoneSidKey, Expression: Literal(DefaultTimeZone)},
		{Target: TargetLocaleSidKey, Expression: Literal(DefaultLocale)},
		{Target: TargetEmailEncodingKey, Expression: Literal(DefaultEncoding)},
		{Target: TargetLanguageLocaleKey, Expression: Literal(DefaultLanguage)},
	}
	if id := strings.TrimSpace(cfg.AccountID); cfg.EnableCommunities && id != "" {
		m = append(m, Mapping{Target: TargetAccountID, Expression: Literal(id)})
	}
	return m
}

// attrName is a PingOne attribute name, dotted for sub-attributes.
var attrName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$`)

// targetName is a Salesforce field name (custom ones end in __c).
var targetName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// ParseOverride reads one --map value: TARGET=SOURCE, where SOURCE is a
// PingOne attribute name (name.given), or TARGET=EXPRESSION, a PEL
// expression ('en_GB', #string.substring(user.username, 0, 8)). TARGET=
// with nothing after it drops the target from the set.
func ParseOverride(s string) (Mapping, error) {
	target, value, ok := strings.Cut(s, "=")
	target, value = strings.TrimSpace(target), strings.TrimSpace(value)
	switch {
	case !ok:
		return Mapping{}, fmt.Errorf("--map %q: expected TARGET=SOURCE or TARGET=EXPRESSION, such as Alias=%s", s, defaultAlias)
	case !targetName.MatchString(target):
		return Mapping{}, fmt.Errorf("--map %q: the target %q is not a Salesforce field name (letters, digits and _, such as LastName)", s, target)
	case value == "":
		return Mapping{Target: target}, nil
	case attrName.MatchString(value) && !looksLikePEL(value):
		return Mapping{Target: target, Source: value}, nil
	case looksLikePEL(value):
		return Mapping{Target: target, Expression: value}, nil
	}
	return Mapping{}, fmt.Errorf("--map %q: %q is neither a PingOne attribute name (such as name.given) nor a PEL expression; a fixed value is quoted: %s=%s",
		s, value, target, Literal(value))
}

// Merge lays overrides over base: an override replaces the mapping of its
// target (names compared ignoring case), one without a source or
// expression removes it, and one for a new target is added, in the order
// given.
func Merge(base, overrides []Mapping) []Mapping {
	out := append([]Mapping(nil), base...)
	for _, o := range overrides {
		i := indexOf(out, o.Target)
		switch {
		case o.From() == "" && i >= 0:
			out = append(out[:i], out[i+1:]...)
		case o.From() == "":
		case i >= 0:
			out[i] = o
		default:
			out = append(out, o)
		}
	}
	return out
}

func indexOf(ms []Mapping, target string) int {
	for i, m := range ms {
		if strings.EqualFold(m.Target, target) {
			return i
		}
	}
	return -1
}
