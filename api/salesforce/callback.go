package salesforce

import (
	"errors"
	"html/template"
	"net"
	"net/http"
	"sfstore/api/endpoint"
	"strconv"
)

// page is the little page the browser shows after coming back. It holds no
// secret and loads nothing.
var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>sfstore: {{.Title}}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.5">
<h1 style="font-size:1.4em">{{.Title}}</h1>
<p>{{.Text}}</p>
</body>
</html>
`))

type pageData struct{ Title, Text string }

// serveCallback answers the browser coming back to the callback URL.
//
// A callback whose state is wrong or missing was not started by this
// session (a stale tab, another tool on the same port, a forged link): it
// gets a 400 page and the session keeps waiting for the right one until
// the time limit, so it can neither end nor hijack the sign-in.
func (s *Session) serveCallback(w http.ResponseWriter, r *http.Request) {
	if !s.ownHost(r.Host) {
		// Not addressed to localhost: a DNS-rebinding page, say.
		http.Error(w, "wrong host", http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path != CallbackPath {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	err := s.accept(q)
	switch {
	case errors.Is(err, ErrStateMismatch):
		writePage(w, http.StatusBadRequest, pageData{"This sign-in was not started by sfstore",
			"This link does not belong to the Salesforce sign-in sfstore is waiting for, so it was ignored. Start the sign-in from the terminal."})
	case errors.Is(err, ErrSessionClosed):
		writePage(w, http.StatusOK, pageData{"This sign-in is already finished",
			"You can close this tab and return to the terminal."})
	case q.Get("error") != "":
		// The same masked code Wait reports, never the raw parameter.
		writePage(w, http.StatusOK, pageData{"Salesforce did not sign you in",
			"Salesforce answered " + s.authorizeError(q).Code + ". You can close this tab; the terminal says what to do next."})
	default:
		writePage(w, http.StatusOK, pageData{"Signed in to Salesforce",
			"You can close this tab and return to the terminal."})
	}
}

// ownHost reports whether a request's Host is this session's loopback
// address: localhost, 127.0.0.1 or [::1] at the callback port.
func (s *Session) ownHost(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != strconv.Itoa(s.port) {
		return false
	}
	return endpoint.IsLoopback(host)
}

func writePage(w http.ResponseWriter, status int, d pageData) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// The address bar holds the code: never send it on as a Referer.
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.WriteHeader(status)
	_ = page.Execute(w, d)
}
