package simulator

import (
	"net/http"
	"slices"
	"strings"

	"sfstore/api"
)

// mappingJSON is an attribute mapping as the simulator returns it.
type mappingJSON struct {
	ID                   string              `json:"id"`
	Environment          api.ObjectRef       `json:"environment"`
	Rule                 api.ObjectRef       `json:"rule"`
	Name                 string              `json:"name,omitempty"`
	SourceAttribute      string              `json:"sourceAttribute,omitempty"`
	Expression           string              `json:"expression,omitempty"`
	TargetAttribute      string              `json:"targetAttribute"`
	AttributeMappingType string              `json:"attributeMappingType"`
	CreatedAt            string              `json:"createdAt"`
	UpdatedAt            string              `json:"updatedAt"`
	Links                map[string]api.Link `json:"_links,omitempty"`
}

// handleRuleMappings is GET and POST …/propagation/rules/{ruleID}/mappings.
func (s *Server) handleRuleMappings(w http.ResponseWriter, r *http.Request) {
	envID, ruleID := r.PathValue("envID"), r.PathValue("ruleID")
	if !allowMethods(w, r, http.MethodGet, http.MethodPost) || !s.checkStoreAccess(w, r, envID) {
		return
	}
	var doc map[string]any
	if r.Method == http.MethodPost {
		var ok bool
		if doc, ok = readJSON(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	if s.ruleIndex(envID, ruleID) < 0 {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	if r.Method == http.MethodGet {
		var out []mappingJSON
		for _, m := range s.mappings {
			if m.Rule.ID == ruleID {
				out = append(out, m)
			}
		}
		s.mu.Unlock()
		writeList(w, r, s, "mappings", out, len(out))
		return
	}
	v := s.checkMappingLocked(ruleID, "", doc)
	now := s.stamp()
	m := mappingJSON{ID: newUUID(), Environment: api.ObjectRef{ID: envID}, Rule: api.ObjectRef{ID: ruleID}, CreatedAt: now}
	if len(v.details) == 0 {
		m.replace(doc, now)
		m.Links = selfLink(baseURL(s, r), envID, "mappings", m.ID)
		s.mappings = append(s.mappings, m)
	}
	s.mu.Unlock()
	if !failed(w, v) {
		writeJSON(w, http.StatusCreated, m)
	}
}

// handleMapping is GET, PUT (a full replace; rule.id is required and
// immutable) and DELETE of one mapping, at …/propagation/mappings/{id}.
// The community SDK's singular …/propagation/mapping/{id} is served for
// DELETE too, so a client of either spelling works.
func (s *Server) handleMapping(w http.ResponseWriter, r *http.Request) {
	envID, id := r.PathValue("envID"), r.PathValue("mappingID")
	doc, ok := s.itemRequest(w, r, envID)
	if !ok {
		return
	}
	s.mu.Lock()
	i := slices.IndexFunc(s.mappings, func(m mappingJSON) bool { return m.ID == id && m.Environment.ID == envID })
	if i < 0 {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	switch r.Method {
	case http.MethodGet:
		m := s.mappings[i]
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, m)
	case http.MethodPut:
		var v validator
		if ruleID := v.ref(doc, "rule"); ruleID != "" && ruleID != s.mappings[i].Rule.ID {
			v.invalid("rule.id", "rule.id is immutable: it must be the rule the mapping belongs to.")
		}
		if len(v.details) == 0 {
			v = s.checkMappingLocked(s.mappings[i].Rule.ID, id, doc)
		}
		if len(v.details) == 0 {
			s.mappings[i].replace(doc, s.stamp())
		}
		m := s.mappings[i]
		s.mu.Unlock()
		if !failed(w, v) {
			writeJSON(w, http.StatusOK, m)
		}
	default:
		s.mappings = slices.Delete(s.mappings, i, i+1)
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}
}

// replace sets a mapping's writable fields from a valid request.
func (m *mappingJSON) replace(doc map[string]any, now string) {
	m.UpdatedAt = now
	m.Name, _ = doc["name"].(string)
	m.SourceAttribute, _ = doc["sourceAttribute"].(string)
	m.Expression, _ = doc["expression"].(string)
	m.TargetAttribute = doc["targetAttribute"].(string)
	m.AttributeMappingType = "userAttributeMapping"
	if t, ok := doc["attributeMappingType"].(string); ok && t != "" {
		m.AttributeMappingType = t
	}
	if m.Name == "" { // PingOne's examples send none: it names them itself (UNCONFIRMED)
		m.Name = m.TargetAttribute
	}
}

// checkMappingLocked checks a mapping of rule ruleID (self is the mapping
// being replaced, or ""): targetAttribute must be a user attribute of the
// Salesforce metadata, not mapped twice in the rule (the simulator's
// reading, UNCONFIRMED); exactly one of sourceAttribute (a PingOne user
// attribute) and expression (the simulator's PEL subset). s.mu must be held.
func (s *Server) checkMappingLocked(ruleID, self string, doc map[string]any) validator {
	var v validator
	target, _ := doc["targetAttribute"].(string)
	switch {
	case doc["targetAttribute"] == nil || strings.TrimSpace(target) == "":
		v.required("targetAttribute")
	case !userAttributeNames()[target]:
		v.invalid("targetAttribute", "The attribute '"+target+"' is not a user attribute of the target store.")
	case slices.ContainsFunc(s.mappings, func(m mappingJSON) bool {
		return m.Rule.ID == ruleID && m.ID != self && m.TargetAttribute == target
	}):
		v.invalid("targetAttribute", "The rule already maps '"+target+"': update that mapping instead.")
	}
	for _, f := range []string{"name", "sourceAttribute", "expression", "attributeMappingType"} {
		if x, ok := doc[f]; ok && x != nil {
			v.wantString(f, x)
		}
	}
	src, _ := doc["sourceAttribute"].(string)
	expr, _ := doc["expression"].(string)
	switch {
	case src != "" && expr != "":
		v.invalid("expression", "Either expression or sourceAttribute is required but not both.")
	case src == "" && expr == "":
		v.add("REQUIRED_VALUE", "sourceAttribute", "Either expression or sourceAttribute is required but not both.", nil)
	case src != "" && !sourceAttributes[src]:
		v.invalid("sourceAttribute", "The attribute '"+src+"' is not a user attribute of the source store.")
	case expr != "":
		if err := checkExpression(expr); err != nil {
			v.invalid("expression", err.Error()+".")
		}
	}
	return v
}
