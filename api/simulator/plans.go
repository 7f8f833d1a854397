package simulator

import (
	"net/http"
	"slices"

	"sfstore/api"
)

// planJSON is a propagation plan as the simulator returns it.
type planJSON struct {
	ID          string              `json:"id"`
	Environment api.ObjectRef       `json:"environment"`
	Name        string              `json:"name"`
	Status      string              `json:"status"`
	CreatedAt   string              `json:"createdAt"`
	UpdatedAt   string              `json:"updatedAt"`
	Links       map[string]api.Link `json:"_links,omitempty"`
}

// msgOnePlan refuses a second plan. PingOne allows "one plan per
// environment"; how it refuses another (status, code, wording) is
// UNCONFIRMED: the simulator answers 400 INVALID_DATA.
const msgOnePlan = "An environment can have only one propagation plan: update the existing one."

// handlePlans is GET and POST /v1/environments/{envID}/propagation/plans.
func (s *Server) handlePlans(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !allowMethods(w, r, http.MethodGet, http.MethodPost) || !s.checkStoreAccess(w, r, envID) {
		return
	}
	if r.Method == http.MethodGet {
		s.mu.Lock()
		var out []planJSON
		for _, p := range s.plans {
			if p.Environment.ID == envID {
				out = append(out, p)
			}
		}
		s.mu.Unlock()
		writeList(w, r, s, "plans", out, len(out))
		return
	}
	doc, ok := readJSON(w, r)
	if !ok {
		return
	}
	var v validator
	v.checkPlan(doc)
	if failed(w, v) {
		return
	}
	now := s.stamp()
	p := planJSON{ID: newUUID(), Environment: api.ObjectRef{ID: envID}, CreatedAt: now}
	p.replace(doc, now)
	p.Links = selfLink(baseURL(s, r), envID, "plans", p.ID)
	s.mu.Lock()
	if slices.ContainsFunc(s.plans, func(q planJSON) bool { return q.Environment.ID == envID }) {
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData,
			detail{Code: "UNIQUENESS_VIOLATION", Target: "plan", Message: msgOnePlan})
		return
	}
	s.plans = append(s.plans, p)
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, p)
}

// handlePlan is GET, PUT and DELETE of one plan. Deleting a plan deletes
// its rules and their mappings, as PingOne documents.
func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) {
	envID, id := r.PathValue("envID"), r.PathValue("planID")
	doc, ok := s.itemRequest(w, r, envID)
	if !ok {
		return
	}
	if r.Method == http.MethodPut {
		var v validator
		v.checkPlan(doc)
		if failed(w, v) {
			return
		}
	}
	s.mu.Lock()
	i := slices.IndexFunc(s.plans, func(p planJSON) bool { return p.ID == id && p.Environment.ID == envID })
	if i < 0 {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	switch r.Method {
	case http.MethodGet:
		p := s.plans[i]
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, p)
	case http.MethodPut:
		s.plans[i].replace(doc, s.stamp())
		p := s.plans[i]
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, p)
	default:
		s.plans = slices.Delete(s.plans, i, i+1)
		var doomed []string
		for _, rl := range s.rules {
			if rl.Plan.ID == id {
				doomed = append(doomed, rl.ID)
			}
		}
		for _, ruleID := range doomed {
			s.deleteRuleLocked(ruleID)
		}
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}
}

// replace sets a plan's writable fields from a valid request: status back
// to INACTIVE, its documented default, when left out.
func (p *planJSON) replace(doc map[string]any, now string) {
	p.Name, p.Status, p.UpdatedAt = doc["name"].(string), api.PlanStatusInactive, now
	if st, ok := doc["status"].(string); ok {
		p.Status = st
	}
}

// checkPlan checks a plan create or update.
func (v *validator) checkPlan(doc map[string]any) {
	v.checkName(doc["name"])
	if st, ok := doc["status"]; ok && st != nil && st != api.PlanStatusActive && st != api.PlanStatusInactive {
		v.invalid("status", "status must be ACTIVE or INACTIVE.", api.PlanStatusActive, api.PlanStatusInactive)
	}
}

// planOf is the plan of envID, if any. s.mu must be held.
func (s *Server) planOf(envID string) (planJSON, bool) {
	i := slices.IndexFunc(s.plans, func(p planJSON) bool { return p.Environment.ID == envID })
	if i < 0 {
		return planJSON{}, false
	}
	return s.plans[i], true
}
