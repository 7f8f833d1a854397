package simulator

import (
	"fmt"
	"net/http"

	"sfstore/api"
)

// DemoEnvironmentID is the demo's production environment, which is also
// the demo worker app's environment (the answers the demo starts with).
const DemoEnvironmentID = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"

// DemoEnvironments are the environments GET /v1/environments lists when
// Options.Environments is empty.
var DemoEnvironments = []api.Environment{
	{ID: DemoEnvironmentID, Name: "Demo Production", Description: "Where the demo worker app lives.",
		Type: api.EnvironmentTypeProduction, Region: "NA"},
	{ID: "5c3b0a7e-9d1f-4e62-8b7a-2f4c6d8e1a03", Name: "Demo Staging", Type: api.EnvironmentTypeSandbox, Region: "NA"},
	{ID: "7e2d4f61-3a8b-4c95-a1d0-9b6e5f4c3d21", Name: "Demo Development", Type: api.EnvironmentTypeSandbox, Region: "NA"},
}

// environmentJSON is an environment as PingOne returns it, with the fields
// the wizard does not read filled in plausibly.
type environmentJSON struct {
	api.Environment
	License      api.ObjectRef       `json:"license"`
	Organization api.ObjectRef       `json:"organization"`
	CreatedAt    string              `json:"createdAt"`
	UpdatedAt    string              `json:"updatedAt"`
	Links        map[string]api.Link `json:"_links"`
}

// Fixed IDs of the fake tenant, so environments read the same every time.
const (
	demoLicenseID      = "3f9a2c71-6b0e-4d58-9e1a-7c2b5d8f4a60"
	demoOrganizationID = "8b1e6f42-0c7d-4a93-b5e8-2d6a9f3c1e75"
	demoCreatedAt      = "2024-03-11T09:30:00.000Z"
)

// environments lists the environments of the fake tenant.
func (s *Server) environments() []api.Environment {
	if len(s.opts.Environments) == 0 {
		return append([]api.Environment(nil), DemoEnvironments...)
	}
	out := make([]api.Environment, 0, len(s.opts.Environments))
	for i, id := range s.opts.Environments {
		e, ok := demoEnvironment(id)
		if !ok {
			e = api.Environment{ID: id, Name: fmt.Sprintf("Environment %d", i+1), Type: api.EnvironmentTypeSandbox, Region: "NA"}
		}
		out = append(out, e)
	}
	return out
}

// environment finds envID. When Options.Environments is empty every UUID
// exists (as for the store endpoints): one outside DemoEnvironments reads as
// a sandbox named after its first eight characters.
func (s *Server) environment(envID string) (api.Environment, bool) {
	if !s.envExists(envID) {
		return api.Environment{}, false
	}
	for _, e := range s.environments() {
		if e.ID == envID {
			return e, true
		}
	}
	return api.Environment{ID: envID, Name: "Environment " + envID[:8], Type: api.EnvironmentTypeSandbox, Region: "NA"}, true
}

func demoEnvironment(id string) (api.Environment, bool) {
	for _, e := range DemoEnvironments {
		if e.ID == id {
			return e, true
		}
	}
	return api.Environment{}, false
}

// handleEnvironments is GET /v1/environments.
func (s *Server) handleEnvironments(w http.ResponseWriter, r *http.Request) {
	if !s.checkBearer(w, r) {
		return
	}
	if s.opts.DenyEnvironmentList {
		writeForbidden(w)
		return
	}
	base := baseURL(s, r)
	envs := []environmentJSON{}
	for _, e := range s.environments() {
		envs = append(envs, envJSON(base, e))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"_links":    map[string]api.Link{"self": {Href: base + r.URL.Path}},
		"_embedded": map[string]any{"environments": envs},
		"count":     len(envs),
		"size":      len(envs),
	})
}

// handleEnvironment is GET /v1/environments/{envID}.
func (s *Server) handleEnvironment(w http.ResponseWriter, r *http.Request) {
	if !s.checkBearer(w, r) {
		return
	}
	e, ok := s.environment(r.PathValue("envID"))
	if !ok {
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	writeJSON(w, http.StatusOK, envJSON(baseURL(s, r), e))
}

func envJSON(base string, e api.Environment) environmentJSON {
	return environmentJSON{
		Environment: e,
		License:     api.ObjectRef{ID: demoLicenseID}, Organization: api.ObjectRef{ID: demoOrganizationID},
		CreatedAt: demoCreatedAt, UpdatedAt: demoCreatedAt,
		Links: map[string]api.Link{"self": {Href: base + "/v1/environments/" + e.ID}},
	}
}
