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

// Environment variables the curl recipes read secrets from: those sfstore
// itself reads.
const (
	EnvAccessToken  = "PINGONE_API_ACCESS_TOKEN" // a PingOne access token
	EnvWorkerSecret = "PINGONE_CLIENT_SECRET"    // the worker app's client secret
)

// defaultCurlEnv names the environment variables Curl reads secrets from,
// by body key, plus "Authorization" for the access token.
var defaultCurlEnv = map[string]string{
	"Authorization":       EnvAccessToken,
	"CLIENT_SECRET":       "SALESFORCE_CLIENT_SECRET",
	"OAUTH_ACCESS_TOKEN":  "SALESFORCE_ACCESS_TOKEN",
	"OAUTH_REFRESH_TOKEN": "SALESFORCE_REFRESH_TOKEN",
}

// envNameRE is a portable environment variable name.
var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Curl returns a bash/zsh command that sends p with curl, without a single
// secret in it, and without a secret in the arguments of any process it
// starts, where ps and /proc would show it to other users of the machine.
//
// Each secret is read from an environment variable by jq (env.NAME), which
// writes curl's config to curl's standard input (--config -): the
// Authorization header, and a JSON body holding secrets, JSON-escaped
// whatever characters the values hold. The command first checks, with the
// shell's own ":" builtin, that each variable is set, and stops otherwise:
//
//	: "${PINGONE_API_ACCESS_TOKEN:?set PINGONE_API_ACCESS_TOKEN first}" \
//	  "${SALESFORCE_CLIENT_SECRET:?set SALESFORCE_CLIENT_SECRET first}" ... &&
//	jq --null-input --raw-output '
//	  "header = " + ("Authorization: Bearer " + env.PINGONE_API_ACCESS_TOKEN | tojson),
//	  "data-binary = " + ({ ..., "CLIENT_SECRET": env.SALESFORCE_CLIENT_SECRET, ... } | tojson | tojson)
//	' |
//	curl --disable --silent --show-error --request POST --url '...' \
//	  --header 'Content-Type: application/json' ... \
//	  --config -
//
// envVarFor maps a JSON key of the body (e.g. "CLIENT_SECRET") or
// "Authorization" to the variable holding its value; keys left out, or
// mapped to a name that is not a valid variable name, use the defaults
// EnvAccessToken (Authorization), SALESFORCE_CLIENT_SECRET,
// SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN, or for any other
// secret key (see Masked) the key in upper case.
//
// With the variables set, it sends the bytes of p.Body (jq 1.6 or later;
// numbers, which these bodies lack, could be reformatted; a config line
// of curl may be 10 MiB long in current versions, far more than a store). A body without secrets, and every header that is
// not a credential, is single-quoted on curl's command line; so is a body
// that is not JSON, which this client never sends. Redirects are not
// followed, as the client does not follow them, and --disable keeps a
// ~/.curlrc (which could turn --location on) out of it.
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
	var vars, config, args []string // variables read; jq expressions of config lines; curl arguments
	need := func(v string) {
		if !slices.Contains(vars, v) {
			vars = append(vars, v)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.Header)) {
		for _, v := range p.Header[name] {
			switch {
			case redact.IsAuthHeader(name):
				scheme, _, _ := strings.Cut(v, " ")
				if !envNameRE.MatchString(scheme) {
					scheme = "Bearer"
				}
				env := envFor("Authorization")
				need(env)
				config = append(config, configLine("header", jqString(name+": "+scheme+" ")+" + env."+env))
			case redact.SensitiveKey(name):
				env := envFor(name)
				need(env)
				config = append(config, configLine("header", jqString(name+": ")+" + env."+env))
			default:
				args = append(args, "--header "+shellQuote(name+": "+v))
			}
		}
	}
	if len(p.Body) > 0 {
		program, bodyVars, err := jqProgram(p.Body, envFor)
		if err != nil || len(bodyVars) == 0 {
			args = append(args, "--data-raw "+shellQuote(string(p.Body)))
		} else {
			for _, v := range bodyVars {
				need(v)
			}
			// The first tojson makes the body, the second a quoted config
			// value: it only adds \" and \\, which curl's config parser undoes.
			config = append(config, `"data-binary = " + (`+program+` | tojson | tojson)`)
		}
	}
	return curlCommand(p.Method, p.URL, vars, config, args)
}

// curlCommand assembles the command: the variable check, jq writing the
// config, and curl.
func curlCommand(method, rawURL string, vars, config, args []string) string {
	var b strings.Builder
	if len(vars) > 0 {
		b.WriteString(":")
		for i, v := range vars {
			if i > 0 {
				b.WriteString(" \\\n ")
			}
			b.WriteString(` "${` + v + `:?set ` + v + ` first}"`)
		}
		b.WriteString(" &&\n")
	}
	if len(config) > 0 {
		b.WriteString("jq --null-input --raw-output " + shellQuote("\n  "+strings.Join(config, ",\n  ")+"\n") + " |\n")
		args = append(args, "--config -")
	}
	if !envNameRE.MatchString(method) { // a method is a token: quote the unusual
		method = shellQuote(method)
	}
	b.WriteString("curl --disable --silent --show-error --request " + method + " \\\n  --url " + shellQuote(rawURL))
	for _, a := range args {
		b.WriteString(" \\\n  " + a)
	}
	return b.String()
}

// configLine is a jq expression that makes the curl config line "name =
// value", value (a jq string expression) quoted as curl's config wants.
func configLine(name, value string) string {
	return `"` + name + ` = " + (` + value + ` | tojson)`
}

// jqString is s as a jq (JSON) string literal.
func jqString(s string) string {
	b, _ := redact.EncodeJSON(s)
	return string(b)
}

// jqProgram turns a JSON body into an indented jq program that rebuilds it,
// with every value under a secret key replaced by env.NAME, NAME being the
// environment variable envFor gives. vars lists those, in order.
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
		quoted, _ := redact.EncodeJSON(mark + v)
		program = strings.ReplaceAll(program, string(quoted), "env."+v)
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
