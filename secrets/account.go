package secrets

import (
	"net/url"
	"strings"
)

// Service is the keyring service name of every item sfstore stores. On Linux
// all of them can be listed with `secret-tool search --all service sfstore`.
const Service = "sfstore"

// IndexAccount is the reserved account under which the index of saved
// account names is kept (see [Keyring.List]). [Keyring.Set] refuses it.
const IndexAccount = "index"

// SalesforceSecret names one of the Salesforce secrets sfstore keeps.
type SalesforceSecret string

// The Salesforce secrets sfstore keeps for a connected app. The names match
// the propagation store's configuration keys.
const (
	ClientSecret SalesforceSecret = "CLIENT_SECRET"
	AccessToken  SalesforceSecret = "OAUTH_ACCESS_TOKEN"
	RefreshToken SalesforceSecret = "OAUTH_REFRESH_TOKEN"
)

// pingOneSecretName is the last part of a PingOne worker app account.
const pingOneSecretName = "client_secret"

// Kinds of account, as reported in [Entry.Kind].
const (
	KindSalesforce = "salesforce"
	KindPingOne    = "pingone"
	KindOther      = "other"
)

// SalesforceAccount returns the keyring account name of one Salesforce secret
// of the connected app clientID on the My Domain host domain, for example
// "salesforce/acme.my.salesforce.com/3MVG9abc/CLIENT_SECRET". The domain is
// normalised (see [NormalizeDomain]) so that "https://Acme.my.salesforce.com/"
// and "acme.my.salesforce.com" name the same item.
func SalesforceAccount(domain, clientID string, name SalesforceSecret) string {
	return join(KindSalesforce, NormalizeDomain(domain), clientID, string(name))
}

// PingOneAccount returns the keyring account name of the client secret of the
// PingOne worker app clientID in environment workerEnvID, for example
// "pingone/<envID>/<clientID>/client_secret".
func PingOneAccount(workerEnvID, clientID string) string {
	return join(KindPingOne, workerEnvID, clientID, pingOneSecretName)
}

// NormalizeDomain lower-cases a Salesforce My Domain and strips surrounding
// space, an http(s):// scheme and trailing slashes, so the account name does
// not depend on how the user typed it.
func NormalizeDomain(domain string) string {
	d := strings.ToLower(strings.TrimSpace(domain))
	d = strings.TrimPrefix(d, "https://")
	d = strings.TrimPrefix(d, "http://")
	return strings.TrimRight(d, "/")
}

// join escapes each part so that a "/" inside an ID cannot shift the fields
// that ParseAccount reads back; ordinary IDs and hosts are left readable.
func join(parts ...string) string {
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// ParseAccount splits an account name made by [SalesforceAccount] or
// [PingOneAccount] into an [Entry] without SavedAt. Any other name gives an
// Entry of kind [KindOther] that carries only the account.
func ParseAccount(account string) Entry {
	e := Entry{Account: account, Kind: KindOther}
	parts := strings.Split(account, "/")
	if len(parts) != 4 {
		return e
	}
	for i, p := range parts {
		u, err := url.PathUnescape(p)
		if err != nil {
			return e
		}
		parts[i] = u
	}
	switch {
	case parts[0] == KindSalesforce:
		e.Kind, e.Domain = KindSalesforce, parts[1]
	case parts[0] == KindPingOne && parts[3] == pingOneSecretName:
		e.Kind, e.EnvID = KindPingOne, parts[1]
	default:
		return e
	}
	e.ClientID, e.Secret = parts[2], parts[3]
	return e
}
