package redact

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// insensitiveKeys name keys that contain a sensitive word but hold no
// secret, after normalisation by normKey.
var insensitiveKeys = map[string]bool{"tokentype": true, "tokenendpointauthmethod": true}

// sensitiveWords mark a key, form field, query parameter or header as
// holding a secret: CLIENT_SECRET, OAUTH_ACCESS_TOKEN, access_token,
// id_token, client_secret, BASIC_AUTH_PASSWORD, X-Api-Key, ...
var sensitiveWords = []string{"secret", "password", "passwd", "token", "assertion", "apikey", "credential", "privatekey", "cookie", "verifier"}

// normKey lowercases k and drops "_" and "-", so CLIENT_SECRET, clientSecret
// and client-secret compare alike.
func normKey(k string) string {
	return keySeparators.Replace(strings.ToLower(k))
}

// keySeparators is built once: building a Replacer costs more than using
// it, and a debug trace normalises every key of every body.
var keySeparators = strings.NewReplacer("_", "", "-", "")

// SensitiveKey reports whether the key k names a secret. It errs on the side
// of masking: a debug trace loses little by hiding a harmless value.
func SensitiveKey(k string) bool {
	n := normKey(k)
	if insensitiveKeys[n] {
		return false
	}
	for _, w := range sensitiveWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// Fallbacks for bodies that do not parse, such as a JSON body cut at the
// trace cap or a JSON snippet inside an HTML page: a quoted key with its
// (possibly unterminated) string value, and key=value pairs.
var (
	jsonPairRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)("?)`)
	formPairRE = regexp.MustCompile(`([A-Za-z0-9_.\-]+)=([^&\s"'<>]+)`)
)

// Text masks what looks like a sensitive JSON member or form field in
// text that did not parse, then redacts the secrets.
func Text(s string, secrets []string) string {
	s = jsonPairRE.ReplaceAllStringFunc(s, func(m string) string {
		g := jsonPairRE.FindStringSubmatch(m)
		if !SensitiveKey(g[1]) {
			return m
		}
		return `"` + g[1] + `"` + g[2] + `"` + maskOrPrefix(g[3]) + g[4]
	})
	s = formPairRE.ReplaceAllStringFunc(s, func(m string) string {
		k, v, _ := strings.Cut(m, "=")
		if !sensitiveField(k) {
			return m
		}
		return k + "=" + maskOrPrefix(unescape(v))
	})
	return Redact(s, secrets...)
}

// bodyKind says how to parse a body: by Content-Type, else by sniffing.
func bodyKind(contentType string, body []byte) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "application/x-www-form-urlencoded":
		return "form"
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return "json"
	case mt == "" || mt == "text/plain":
		if t := bytes.TrimSpace(body); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			return "json"
		}
	}
	return "text"
}

// BodySecrets returns the values under sensitive keys of a body.
func BodySecrets(contentType string, body []byte) []string {
	switch bodyKind(contentType, body) {
	case "form":
		return formSecrets(string(body))
	case "json":
		return jsonSecrets(body)
	}
	return nil
}

// Body masks a body structurally (JSON members and form fields under
// sensitive keys) and by value (secrets), and cuts it to at most show bytes
// (show < 0: no cut); cut reports a cut. truncated says the body itself was
// already cut, so it cannot parse as JSON.
//
// Only a body that parses is masked whole before the cut. Any other is
// redacted by value whole (cheap), then cut, and only the part shown goes
// through the slower pattern masking.
func Body(contentType string, body []byte, secrets []string, truncated bool, show int) (masked string, cut bool) {
	if len(body) == 0 {
		return "", false
	}
	kind := bodyKind(contentType, body)
	if kind == "json" && !truncated {
		if b, err := maskJSON(body, secrets); err == nil {
			// maskJSON masks string by string; a secret spelled across
			// tokens (`abc","d`) or as a number is caught by the pass over
			// the whole text.
			return cutText(Redact(string(b), secrets...), show)
		}
	}
	s, cut := cutText(Redact(string(body), secrets...), show)
	if kind == "form" {
		s = maskForm(s)
	} else {
		s = Text(s, secrets)
	}
	if truncated || cut {
		s = TrimPartial(s, secrets)
	}
	// Masks reveal last characters and TrimPartial adds "…": make sure
	// neither spelled a secret again.
	return Redact(s, secrets...), cut
}

// cutText cuts s to at most n bytes on a rune boundary; n < 0 means no cut.
func cutText(s string, n int) (string, bool) {
	if n < 0 || len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}

// Variants adds the forms a secret takes once encoded in a URL, a
// form or a JSON string, so redaction by value finds it there too.
func Variants(secrets []string) []string {
	out := make([]string, 0, 4*len(secrets))
	for _, s := range secrets {
		if s == "" {
			continue
		}
		out = append(out, s, url.QueryEscape(s), url.PathEscape(s))
		if b, err := json.Marshal(s); err == nil {
			out = append(out, string(b[1:len(b)-1]))
		}
		if b, err := EncodeJSON(s); err == nil {
			out = append(out, string(b[1:len(b)-1]))
		}
	}
	return List(out...)
}
