package simulator

import (
	"encoding/json"
	"sfstore/api"
)

// MaskedSecret is what Options.MaskSecretsOnRead shows instead of a secret.
// api.LooksMasked reports true for it.
const MaskedSecret = "********"

// forRead is st as GET one store and the list return it: with links (a
// seeded store has none yet) and, with Options.MaskSecretsOnRead, its
// secrets masked. st is a copy: the stored store is not changed.
func (s *Server) forRead(st storeJSON, base string) storeJSON {
	st = s.live(st)
	if st.Links == nil {
		st.Links = storeLinks(base, st.Environment.ID, st.ID)
	}
	if s.opts.MaskSecretsOnRead {
		st.Configuration = maskConfiguration(st.Configuration)
	}
	return st
}

// maskConfiguration replaces the value of each secret key (the client's
// own list, so the two cannot drift apart) present with
// MaskedSecret. Other keys are kept as stored (their order is not).
func maskConfiguration(raw json.RawMessage) json.RawMessage {
	var cfg map[string]json.RawMessage
	if json.Unmarshal(raw, &cfg) != nil || cfg == nil {
		return raw
	}
	masked, _ := json.Marshal(MaskedSecret)
	for _, k := range api.SecretKeys() {
		if _, ok := cfg[k]; ok {
			cfg[k] = masked
		}
	}
	out, err := json.Marshal(cfg)
	if err != nil {
		return raw
	}
	return out
}
