package simulator

import (
	"fmt"
	"net/http"
	"strings"
)

// salesforceAttribute is one user attribute of a Salesforce store.
type salesforceAttribute struct {
	name, label string
	required    bool
}

// salesforceUserAttributes are the Salesforce User fields the simulator's
// metadata offers as mapping targets: the User object's API names (that
// PingOne's targetAttribute strings are these is UNCONFIRMED). Required
// are the fields Salesforce needs to insert a User.
var salesforceUserAttributes = []salesforceAttribute{
	{"Username", "Username", true},
	{"Email", "Email", true},
	{"FirstName", "First Name", false},
	{"LastName", "Last Name", true},
	{"Alias", "Alias", true},
	{"TimeZoneSidKey", "Time Zone", true},
	{"LocaleSidKey", "Locale", true},
	{"EmailEncodingKey", "Email Encoding", true},
	{"LanguageLocaleKey", "Language", true},
	{"ProfileId", "Profile ID", true},
	{"AccountId", "Account ID", false},
	{"IsActive", "Active", false},
	{"FederationIdentifier", "Federation ID", false},
	{"CommunityNickname", "Nickname", false},
	{"Title", "Title", false},
	{"Department", "Department", false},
	{"Phone", "Phone", false},
	{"EmployeeNumber", "Employee Number", false},
}

// customUserAttributes are the demo org's custom fields: the dynamic
// metadata a request with the store's configuration adds.
var customUserAttributes = []salesforceAttribute{
	{"Acme_Badge_Id__c", "Badge ID", false},
	{"Acme_Cost_Center__c", "Cost Center", false},
}

// userAttributeNames are every target a mapping may name.
func userAttributeNames() map[string]bool {
	names := map[string]bool{}
	for _, a := range append(append([]salesforceAttribute(nil), salesforceUserAttributes...), customUserAttributes...) {
		names[a.name] = true
	}
	return names
}

// handleSalesforceMetadata is POST
// /v1/environments/{envID}/propagation/storeMetadata/Salesforce. The body
// is the flat configuration, or {} for the static metadata only. With a
// configuration the simulator "connects" as the connection check does
// (400 REQUEST_FAILED for a host that is not Salesforce's or a dead
// session) and adds the org's custom fields. The answer's shape is
// PingOne's documented headings (information, connectionProfiles,
// attributeMetadata.userAttributes keyed by name); the entries' fields
// are UNCONFIRMED. No secret is echoed.
func (s *Server) handleSalesforceMetadata(w http.ResponseWriter, r *http.Request) {
	if !s.checkStoreAccess(w, r, r.PathValue("envID")) {
		return
	}
	cfg, ok := readJSON(w, r)
	if !ok {
		return
	}
	attrs := salesforceUserAttributes
	if len(cfg) > 0 {
		domain, _ := cfg["SALESFORCE_DOMAIN"].(string)
		token, _ := cfg["OAUTH_ACCESS_TOKEN"].(string)
		switch {
		case !salesforceHost(domain):
			writeError(w, http.StatusBadRequest, "REQUEST_FAILED", fmt.Sprintf(msgHostNotFound, domain),
				detail{Code: "INVALID_VALUE", Target: "SALESFORCE_DOMAIN", Message: "Host not found."})
			return
		case s.sessionExpired(token):
			writeError(w, http.StatusBadRequest, "REQUEST_FAILED", msgExpiredToken,
				detail{Code: "INVALID_VALUE", Target: "OAUTH_ACCESS_TOKEN", Message: "The access token is expired or revoked."})
			return
		}
		attrs = append(append([]salesforceAttribute(nil), attrs...), customUserAttributes...)
	}
	users := map[string]any{}
	for _, a := range attrs {
		users[a.name] = map[string]any{"name": a.name, "label": a.label, "required": a.required, "type": "string",
			"multiValued": false, "custom": strings.HasSuffix(a.name, "__c")}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"information": map[string]any{"name": "Salesforce", "type": "Salesforce",
			"description": "Provision users to Salesforce Sales, Service and Experience Cloud."},
		"connectionProfiles": []any{map[string]any{"name": "OAuth", "connectionAttributes": []any{
			map[string]any{"name": "SALESFORCE_DOMAIN", "required": true},
			map[string]any{"name": "PERMISSION_SET_MANAGEMENT", "required": false,
				"options": []string{"Merge with permission sets in Salesforce", "Overwrite permission sets in Salesforce"}},
		}}},
		"attributeMetadata": map[string]any{
			"capabilities":    []string{"CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS"},
			"userAttributes":  users,
			"groupAttributes": map[string]any{},
		},
	})
}
