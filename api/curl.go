package api

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"
	"sfstore/api/redact"
	"slices"
	"strings"
)

// defaultCurlEnv names the environment variables Curl reads secrets from,
// by body key, plus "Authorization" for the access token. They are the
// variables sfstore itself reads.
var defaultCurlEnv = map[string]string{
	"Authorization":       "PINGONE_API_ACCESS_TOKEN",
	"CLIENT_SECRET":       "SALESFORCE_CLIENT_SECRET",
	"OAUTH_ACCESS_TOKEN":  "SALESFORCE_ACCESS_TOKEN",
	"OAUTH_REFRESH_TOKEN": "SALESFORCE_REFRESH_TOKEN",
}

// envNameRE is a portable environment variable name.
var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Curl returns a bash/zsh command that sends p with curl, without a single
// secret in it: each is read from an environment variable when the command
// runs.
//
// envVarFor maps a JSON key of the body (e.g. "CLIENT_SECRET") or
// "Authorization" to the variable holding its value; keys left out, or
// mapped to a name that is not a valid variable name, use the defaults
// PINGONE_API_ACCESS_TOKEN (Authorization), SALESFORCE_CLIENT_SECRET,
// SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN, or for any other
// secret key (see Masked) the key in upper case.
//
// A JSON body with secrets is built by jq, which JSON-escapes the variables'
// values whatever characters they hold:
//
//	jq --null-input --compact-output --join-output \
//	  --arg SALESFORCE_CLIENT_SECRET "$SALESFORCE_CLIENT_SECRET" \
//	  '{ ..., "CLIENT_SECRET": $SALESFORCE_CLIENT_SECRET, ... }' |
//	curl --request POST --url '...' \
//	  --header "Authorization: Bearer $PINGONE_API_ACCESS_TOKEN" ... \
//	  --data-binary @-
//
// With the variables set, it sends the bytes of p.Body (jq 1.6 or later;
// numbers, which these bodies lack, could be reformatted). Every other value
// is single-quoted. A body that is not JSON is sent as is.
func (p PreparedRequest) Curl(envVarFor map[string]string) string {
	envFor := func(key string) string {
		if v := envVarFor[key]; envNameRE.MatchString(v) && v != "ENV" {
			return v
		}
		if v, ok := defaultCurlEnv[key]; ok {
			return v
		}
		return derivedEnvName(key)
	}
	var b strings.Builder
	data := ""
	if len(p.Body) > 0 {
		program, vars, err := jqProgram(p.Body, envFor)
		switch {
		case err != nil || len(vars) == 0:
			data = "  --data-raw " + shellQuote(string(p.Body))
		default:
			b.WriteString("jq --null-input --compact-output --join-output \\\n")
			for _, v := range vars {
				b.WriteString("  --arg " + v + ` "$` + v + "\" \\\n")
			}
			b.WriteString("  " + shellQuote(program) + " |\n")
			data = "  --data-binary @-"
		}
	}
	method := p.Method
	if !envNameRE.MatchString(method) { // a method is a token: quote the unusual
		method = shellQuote(method)
	}
	b.WriteString("curl --silent --show-error --request " + method + " \\\n")
	b.WriteString("  --url " + shellQuote(p.URL))
	for _, name := range slices.Sorted(maps.Keys(p.Header)) {
		for _, v := range p.Header[name] {
			b.WriteString(" \\\n  --header ")
			switch {
			case redact.IsAuthHeader(name):
				scheme, _, _ := strings.Cut(v, " ")
				if !envNameRE.MatchString(scheme) {
					scheme = "Bearer"
				}
				b.WriteString(`"` + name + ": " + scheme + ` $` + envFor("Authorization") + `"`)
			case redact.SensitiveKey(name):
				b.WriteString(`"` + name + `: $` + envFor(name) + `"`)
			default:
				b.WriteString(shellQuote(name + ": " + v))
			}
		}
	}
	if data != "" {
		b.WriteString(" \\\n" + data)
	}
	return b.String()
}

// jqProgram turns a JSON body into an indented jq program that rebuilds it,
// with every value under a secret key replaced by a jq variable named after
// the environment variable envFor gives. vars lists those, in order.
func jqProgram(body []byte, envFor func(string) string) (program string, vars []string, err error) {
	const mark = "\x00sfstore-env:"
	tmpl, err := redact.WalkJSON(body, func(key string, sensitive bool, s string) string {
		if !sensitive {
			return s
		}
		v := envFor(key)
		if !slices.Contains(vars, v) {
			vars = append(vars, v)
		}
		return mark + v
	}, nil)
	if err != nil {
		return "", nil, err
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, tmpl, "  ", "  "); err != nil {
		return "", nil, err
	}
	program = ind.String()
	for _, v := range vars {
		quoted, _ := encodeJSON(mark + v)
		program = strings.ReplaceAll(program, string(quoted), "$"+v)
	}
	return program, vars, nil
}

// derivedEnvName makes an environment variable name of a key:
// "client_secret" gives "CLIENT_SECRET".
func derivedEnvName(key string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(key) {
		if r == '_' || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || (s[0] >= '0' && s[0] <= '9') || s == "ENV" {
		s = "SECRET_" + s
	}
	return s
}

// shellQuote single-quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
