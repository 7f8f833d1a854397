package simulator

import "encoding/json"

// MaskedSecret is what Options.MaskSecretsOnRead shows instead of a secret.
// api.LooksMasked reports true for it.
const MaskedSecret = "********"

// secretKeys are the configuration keys MaskSecretsOnRead masks.
var secretKeys = []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN"}

// forRead is st as GET one store and the list return it: with links (a
// seeded store has none yet) and, with Options.MaskSecretsOnRead, its
// secrets masked. st is a copy: the stored store is not changed.
func (s *Server) forRead(st storeJSON, base string) storeJSON {
	if st.Links == nil {
		st.Links = storeLinks(base, st.Environment.ID, st.ID)
	}
	if s.opts.MaskSecretsOnRead {
		st.Configuration = maskConfiguration(st.Configuration)
	}
	return st
}

// maskConfiguration replaces the value of each secret key present with
// MaskedSecret. Other keys are kept as stored (their order is not).
func maskConfiguration(raw json.RawMessage) json.RawMessage {
	var cfg map[string]json.RawMessage
	if json.Unmarshal(raw, &cfg) != nil || cfg == nil {
		return raw
	}
	masked, _ := json.Marshal(MaskedSecret)
	for _, k := range secretKeys {
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
