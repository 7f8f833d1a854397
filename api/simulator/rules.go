package simulator

import (
	"net/http"
	"slices"
	"strings"

	"sfstore/api"
)

// ruleJSON is a propagation rule as the simulator returns it.
type ruleJSON struct {
	ID                   string              `json:"id"`
	Environment          api.ObjectRef       `json:"environment"`
	Name                 string              `json:"name"`
	Description          string              `json:"description,omitempty"`
	Active               bool                `json:"active"`
	Plan                 api.ObjectRef       `json:"plan"`
	SourceStore          api.ObjectRef       `json:"sourceStore"`
	TargetStore          api.ObjectRef       `json:"targetStore"`
	PopulationExpression string              `json:"populationExpression,omitempty"`
	Populations          []api.ObjectRef     `json:"populations,omitempty"`
	Deprovision          *bool               `json:"deprovision,omitempty"`
	CreatedAt            string              `json:"createdAt"`
	UpdatedAt            string              `json:"updatedAt"`
	Links                map[string]api.Link `json:"_links,omitempty"`
}

// msgTargetDisabled refuses an active rule whose target store is not
// ACTIVE: "the connection must be enabled to enable an associated rule"
// (PingOne's console guide). The API's status and wording are UNCONFIRMED.
const msgTargetDisabled = "The rule cannot be active while its target store is not enabled: set the store's status to ACTIVE first."

// handleRules is GET and POST /v1/environments/{envID}/propagation/rules,
// and the same under …/plans/{planID}/rules: PingOne documents both
// forms of the create (which is canonical is UNCONFIRMED), so both work.
// Under a plan, the list holds that plan's rules and a create's plan.id,
// if sent, must be that plan.
func (s *Server) handleRules(w http.ResponseWriter, r *http.Request) {
	envID, planID := r.PathValue("envID"), r.PathValue("planID")
	if !allowMethods(w, r, http.MethodGet, http.MethodPost) || !s.checkStoreAccess(w, r, envID) {
		return
	}
	if r.Method == http.MethodGet {
		s.mu.Lock()
		var out []ruleJSON
		for _, rl := range s.rules {
			if rl.Environment.ID == envID && (planID == "" || rl.Plan.ID == planID) {
				out = append(out, rl)
			}
		}
		s.mu.Unlock()
		writeList(w, r, s, "rules", out, len(out))
		return
	}
	doc, ok := readJSON(w, r)
	if !ok {
		return
	}
	if planID != "" {
		if id, _ := refID(doc, "plan"); id == "" {
			doc["plan"] = map[string]any{"id": planID}
		} else if id != planID {
			writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData,
				detail{Code: "INVALID_VALUE", Target: "plan.id", Message: "plan.id must be the plan of the request path."})
			return
		}
	}
	now := s.stamp()
	rl := ruleJSON{ID: newUUID(), Environment: api.ObjectRef{ID: envID}, CreatedAt: now}
	s.mu.Lock()
	v := s.checkRuleLocked(envID, doc)
	if len(v.details) == 0 {
		rl.replace(doc, now)
		rl.Links = selfLink(baseURL(s, r), envID, "rules", rl.ID)
		s.rules = append(s.rules, rl)
	}
	s.mu.Unlock()
	if failed(w, v) {
		return
	}
	writeJSON(w, http.StatusCreated, rl)
}

// handleRule is GET, PUT (a full replace, validated as a create) and
// DELETE (its mappings go too) of one rule.
func (s *Server) handleRule(w http.ResponseWriter, r *http.Request) {
	envID, id := r.PathValue("envID"), r.PathValue("ruleID")
	doc, ok := s.itemRequest(w, r, envID)
	if !ok {
		return
	}
	s.mu.Lock()
	i := s.ruleIndex(envID, id)
	if i < 0 {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	switch r.Method {
	case http.MethodGet:
		rl := s.rules[i]
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, rl)
	case http.MethodPut:
		v := s.checkRuleLocked(envID, doc)
		if len(v.details) == 0 {
			s.rules[i].replace(doc, s.stamp())
		}
		rl := s.rules[i]
		s.mu.Unlock()
		if !failed(w, v) {
			writeJSON(w, http.StatusOK, rl)
		}
	default:
		s.deleteRuleLocked(id)
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}
}

// ruleIndex is the index of rule id of envID, or -1. s.mu must be held.
func (s *Server) ruleIndex(envID, id string) int {
	return slices.IndexFunc(s.rules, func(rl ruleJSON) bool { return rl.ID == id && rl.Environment.ID == envID })
}

// deleteRuleLocked deletes rule id and its mappings. s.mu must be held.
func (s *Server) deleteRuleLocked(id string) {
	s.rules = slices.DeleteFunc(s.rules, func(rl ruleJSON) bool { return rl.ID == id })
	s.mappings = slices.DeleteFunc(s.mappings, func(m mappingJSON) bool { return m.Rule.ID == id })
}

// replace sets a rule's writable fields from a valid request; what is
// left out is cleared (active back to false, its documented default).
func (rl *ruleJSON) replace(doc map[string]any, now string) {
	rl.UpdatedAt = now
	rl.Name = doc["name"].(string)
	rl.Description, _ = doc["description"].(string)
	rl.Active, _ = doc["active"].(bool)
	rl.Plan.ID, _ = refID(doc, "plan")
	rl.SourceStore.ID, _ = refID(doc, "sourceStore")
	rl.TargetStore.ID, _ = refID(doc, "targetStore")
	rl.PopulationExpression, _ = doc["populationExpression"].(string)
	rl.Populations, rl.Deprovision = nil, nil
	if ps, ok := doc["populations"].([]any); ok {
		for _, p := range ps {
			if m, ok := p.(map[string]any); ok {
				id, _ := m["id"].(string)
				rl.Populations = append(rl.Populations, api.ObjectRef{ID: id})
			}
		}
	}
	if d, ok := doc["deprovision"].(bool); ok {
		rl.Deprovision = &d
	}
}

// checkRuleLocked checks a rule create or update against the documented
// model and the environment: the plan must be the environment's, the
// source a directory store, the target a Salesforce store (the only
// outbound target the simulator plays), ACTIVE when the rule is active.
// s.mu must be held.
func (s *Server) checkRuleLocked(envID string, doc map[string]any) validator {
	var v validator
	v.checkName(doc["name"])
	if d, ok := doc["description"]; ok && d != nil {
		v.wantString("description", d)
	}
	for _, f := range []string{"active", "deprovision"} {
		if x, ok := doc[f]; ok && x != nil {
			v.wantBool(f, x)
		}
	}
	if pe, ok := doc["populationExpression"]; ok && pe != nil && v.wantString("populationExpression", pe) {
		if _, err := parseFilter(pe.(string)); err != nil {
			v.invalid("populationExpression", "populationExpression is not a valid filter: "+err.Error()+".")
		}
	}
	if planID := v.ref(doc, "plan"); planID != "" {
		if p, ok := s.planOf(envID); !ok || p.ID != planID {
			v.invalid("plan.id", "No propagation plan with ID "+planID+" exists in the environment.")
		}
	}
	if id := v.ref(doc, "sourceStore"); id != "" {
		if st, ok := s.storeLocked(envID, id); !ok {
			v.invalid("sourceStore.id", "No identity store with ID "+id+" exists in the environment.")
		} else if !strings.EqualFold(st.Type, api.StoreTypeDirectory) {
			v.invalid("sourceStore.id", "The source store of an outbound rule must be of type directory.")
		}
	}
	if id := v.ref(doc, "targetStore"); id != "" {
		st, ok := s.storeLocked(envID, id)
		active, _ := doc["active"].(bool)
		switch {
		case !ok:
			v.invalid("targetStore.id", "No identity store with ID "+id+" exists in the environment.")
		case st.Type != api.StoreTypeSalesforce:
			v.invalid("targetStore.id", "The target store must be of type Salesforce: the simulator plays no other.")
		case active && st.Status != api.StatusActive:
			v.invalid("active", msgTargetDisabled)
		}
	}
	return v
}

// ref checks a required {"id": …} field and returns its id.
func (v *validator) ref(doc map[string]any, field string) string {
	id, malformed := refID(doc, field)
	switch {
	case malformed:
		v.invalid(field, field+" must be an object with an id.")
	case id == "":
		v.required(field + ".id")
	}
	return id
}

// storeLocked is store id of envID. s.mu must be held.
func (s *Server) storeLocked(envID, id string) (storeJSON, bool) {
	if i := s.indexOf(envID, id); i >= 0 {
		return s.stores[i], true
	}
	return storeJSON{}, false
}
