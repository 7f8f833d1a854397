package settings

import (
	"encoding/json"
	"strings"

	"sfstore/api"
)

// Row is one label and value of a rendered table.
type Row struct {
	Label, Value string
}

// ReviewRows lists, step by step, every answer that applies, as the review
// shows it: secrets masked, keys left to PingOne marked as such.
func ReviewRows(a Answers, step Step) []Row {
	var rows []Row
	for _, f := range StepFields(step) {
		if f.Applies(a) {
			rows = append(rows, Row{f.Label, f.Show(a)})
		}
	}
	return rows
}

// ConfigurationRows lists a store's configuration under its API keys, in
// table order, so a support engineer can match it against a request body.
// Secrets are masked; empty values are left out.
func ConfigurationRows(s api.Store) []Row {
	raw, _ := json.Marshal(s.Masked().Configuration)
	var config map[string]any
	_ = json.Unmarshal(raw, &config)
	var rows []Row
	for _, f := range Fields {
		key, ok := strings.CutPrefix(f.Path, "configuration.")
		if !ok {
			continue
		}
		switch v := config[key].(type) {
		case bool:
			rows = append(rows, Row{key, yesNo(v)})
		case string:
			if v != "" {
				rows = append(rows, Row{key, v})
			}
		}
	}
	return rows
}

// CurlEnv maps each secret's body key to the environment variable sfstore
// reads it from, for a dry run's curl recipe.
func CurlEnv() map[string]string {
	out := map[string]string{"Authorization": FieldPingOneToken.Env}
	for _, f := range Fields {
		if key, ok := strings.CutPrefix(f.Path, "configuration."); ok && f.Kind == Secret {
			out[key] = f.Env
		}
	}
	return out
}
