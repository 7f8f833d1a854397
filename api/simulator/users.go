package simulator

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"sfstore/api"
)

// The populations every environment of the simulator holds. Their IDs
// never change, so tests and documentation can name them; the same IDs
// serve every environment (the simulator's shortcut: PingOne's differ).
const (
	DemoPopulationEveryoneID    = "6a0f3c2e-1b4d-4e8a-9f7c-2d5e8b1a0c31" // the default population
	DemoPopulationContractorsID = "b3e1d7a9-52c8-4f06-8d1e-7a9c3b5f2e64"
	DemoPopulationPartnersID    = "d8c2a5f1-7e3b-4a90-b6d4-1f8e2c7a9b05"
)

// DemoPopulation is a population and its users.
type DemoPopulation struct {
	api.Population
	Users []DemoUser
}

// DemoUser is a PingOne user of the simulator, as far as a sync reads it:
// Attributes holds the PingOne attribute paths ("username", "email",
// "name.given", "name.family", "population.id", ...).
type DemoUser struct {
	ID         string
	Attributes map[string]string
}

// demoUser builds a user of population pop.
func demoUser(id, pop, username, given, family string) DemoUser {
	email := username + "@acme-demo.example.com"
	return DemoUser{ID: id, Attributes: map[string]string{
		"id": id, "username": username, "email": email, "name.given": given, "name.family": family,
		"name.formatted": given + " " + family, "externalId": "EMP-" + id[:4], "accountId": "",
		"population.id": pop, "locale": "en_US", "timezone": "America/Los_Angeles", "title": "",
		"nickname": given,
	}}
}

// DemoPopulations returns the populations of every simulated environment
// and their users, the default one (Everyone) first. Usernames are not
// email-shaped, as is common in PingOne, so mapping Salesforce's Username
// from username fails where mapping it from email works. Each call
// returns new copies.
func DemoPopulations() []DemoPopulation {
	pops := []DemoPopulation{
		{Population: api.Population{ID: DemoPopulationEveryoneID, Name: "Everyone", Default: true,
			Description: "Employees: the default population."}, Users: []DemoUser{
			demoUser("1f2e3d4c-0001-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationEveryoneID, "ada.lovelace", "Ada", "Lovelace"),
			demoUser("1f2e3d4c-0002-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationEveryoneID, "grace.hopper", "Grace", "Hopper"),
			demoUser("1f2e3d4c-0003-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationEveryoneID, "alan.turing", "Alan", "Turing"),
			demoUser("1f2e3d4c-0004-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationEveryoneID, "katherine.johnson", "Katherine", "Johnson"),
		}},
		{Population: api.Population{ID: DemoPopulationContractorsID, Name: "Contractors",
			Description: "Contractors on fixed-term engagements."}, Users: []DemoUser{
			demoUser("1f2e3d4c-0005-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationContractorsID, "margaret.hamilton", "Margaret", "Hamilton"),
			demoUser("1f2e3d4c-0006-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationContractorsID, "edsger.dijkstra", "Edsger", "Dijkstra"),
		}},
		{Population: api.Population{ID: DemoPopulationPartnersID, Name: "Partners",
			Description: "Globex partner users."}, Users: []DemoUser{
			demoUser("1f2e3d4c-0007-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationPartnersID, "barbara.liskov", "Barbara", "Liskov"),
		}},
	}
	for i := range pops {
		pops[i].UserCount = len(pops[i].Users)
	}
	return pops
}

// demoUsers is every user of DemoPopulations.
func demoUsers() []DemoUser {
	var all []DemoUser
	for _, p := range DemoPopulations() {
		all = append(all, p.Users...)
	}
	return all
}

// sourceAttributes are the PingOne user attributes a mapping may read.
var sourceAttributes = map[string]bool{
	"id": true, "username": true, "email": true, "name.given": true, "name.family": true, "name.formatted": true,
	"externalId": true, "accountId": true, "population.id": true, "locale": true, "timezone": true,
	"title": true, "nickname": true,
}

// handlePopulations is GET /v1/environments/{envID}/populations: every
// population, in one page, with userCount.
func (s *Server) handlePopulations(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkAccess(w, r, envID) {
		return
	}
	base := baseURL(s, r)
	var out []map[string]any
	for _, p := range DemoPopulations() {
		out = append(out, map[string]any{
			"id": p.ID, "environment": api.ObjectRef{ID: envID}, "name": p.Name, "description": p.Description,
			"default": p.Default, "userCount": p.UserCount, "createdAt": demoCreatedAt, "updatedAt": demoCreatedAt,
			"_links": map[string]api.Link{"self": {Href: base + "/v1/environments/" + envID + "/populations/" + p.ID}},
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"_links":    map[string]api.Link{"self": {Href: base + r.URL.RequestURI()}},
		"_embedded": map[string]any{"populations": out},
		"count":     len(out), "size": len(out),
	})
}

// filterRE is one comparison of a populationExpression: a SCIM filter
// with the operators PingOne documents for it (sw, ew, co, eq).
var filterRE = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9._]*)\s+(eq|sw|ew|co)\s+"((?:[^"\\]|\\.)*)"\s*$`)

// filter is a parsed populationExpression: comparisons joined by "and".
type filter []struct{ attr, op, value string }

// parseFilter reads a populationExpression; "" selects every user (what
// PingOne does without one is UNCONFIRMED). Only "and" joins comparisons:
// the simulator's subset of SCIM.
func parseFilter(expr string) (filter, error) {
	if strings.TrimSpace(expr) == "" {
		return nil, nil
	}
	var f filter
	for _, part := range regexp.MustCompile(`\s+and\s+`).Split(expr, -1) {
		m := filterRE.FindStringSubmatch(part)
		if m == nil {
			return nil, fmt.Errorf("%q is not a comparison of the form attribute eq|sw|ew|co \"value\"", strings.TrimSpace(part))
		}
		if !sourceAttributes[m[1]] {
			return nil, fmt.Errorf("%s is not a user attribute of the source store", m[1])
		}
		f = append(f, struct{ attr, op, value string }{m[1], m[2], strings.ReplaceAll(m[3], `\"`, `"`)})
	}
	return f, nil
}

// matches reports whether u passes every comparison (case-insensitive, as
// SCIM compares strings by default).
func (f filter) matches(u DemoUser) bool {
	for _, c := range f {
		v, want := strings.ToLower(u.Attributes[c.attr]), strings.ToLower(c.value)
		ok := map[string]bool{"eq": v == want, "sw": strings.HasPrefix(v, want),
			"ew": strings.HasSuffix(v, want), "co": strings.Contains(v, want)}[c.op]
		if !ok {
			return false
		}
	}
	return true
}
