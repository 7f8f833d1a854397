package simulator

import (
	"encoding/json"

	"sfstore/api"
)

// seed adds Options.SeedStores, filling in what they leave empty.
func (s *Server) seed() {
	now := s.stamp()
	for _, in := range s.opts.SeedStores {
		st := storeJSON{
			ID: in.ID, Type: in.Type, Status: in.Status, Name: in.Name,
			CreatedAt: in.CreatedAt, UpdatedAt: in.UpdatedAt, Managed: in.Managed,
		}
		st.Environment.ID = s.seedEnvironment(in.Environment)
		st.Configuration, _ = json.Marshal(in.Configuration)
		if in.Image != nil {
			st.Image, _ = json.Marshal(in.Image)
		}
		if in.Description != "" {
			st.Description = &in.Description
		}
		if ss := in.SyncStatus; ss != nil {
			st.SyncStatus = &syncStatusJSON{Details: ss.Details, FailedCount: ss.FailedCount,
				FailedDeprovisionCount: ss.FailedDeprovisionCount, LastSyncAt: ss.LastSyncAt,
				SuccessCount: ss.SuccessCount, SyncState: ss.SyncState, UserTotal: ss.UserTotal}
		}
		fill(&st.ID, newUUID())
		fill(&st.Type, api.StoreTypeSalesforce)
		fill(&st.Status, api.StatusInactive)
		fill(&st.CreatedAt, now)
		fill(&st.UpdatedAt, st.CreatedAt)
		s.stores = append(s.stores, st)
	}
}

// seedEnvironment is the environment of a seeded store.
func (s *Server) seedEnvironment(ref *api.ObjectRef) string {
	switch {
	case ref != nil && ref.ID != "":
		return ref.ID
	case len(s.opts.Environments) > 0:
		return s.opts.Environments[0]
	}
	return DemoEnvironmentID
}

// fill sets *p to v when it is empty.
func fill(p *string, v string) {
	if *p == "" {
		*p = v
	}
}
