package api

import "strings"

// Curl returns a bash/zsh command that gets an access token for the worker
// app as NewTokenSource does, with HTTP Basic client authentication, and
// exports it as EnvAccessToken (PINGONE_API_ACCESS_TOKEN), the variable
// PreparedRequest.Curl reads. ClientSecret is ignored: the secret is read
// from EnvWorkerSecret (PINGONE_CLIENT_SECRET) when the command runs.
//
// The secret never is an argument of any process: jq reads it (env.NAME)
// and writes curl's "user" config line to curl's standard input (--config
// -), form-encoding the client ID and secret as RFC 6749 §2.3.1 and
// x/oauth2 do. jq then prints the token from the answer, or PingOne's
// error on stderr. Redirects are not followed, and --disable keeps a
// ~/.curlrc out of it. A comment in the command
// says how to send form fields instead, for an app set to
// CLIENT_SECRET_POST:
//
//	: "${PINGONE_CLIENT_SECRET:?set PINGONE_CLIENT_SECRET first}" &&
//	export PINGONE_API_ACCESS_TOKEN="$(
//	  jq --null-input --raw-output --arg id '<client ID>' \
//	    '"user = " + ("\($id | @uri):\(env.PINGONE_CLIENT_SECRET | @uri)" | tojson)' |
//	  curl --disable --silent --show-error --request POST --url '<token URL>' \
//	    --data grant_type=client_credentials --config - |
//	  jq --raw-output '.access_token // ("no access token: \(tojson)\n" | halt_error)'
//	)"
func (c Credentials) Curl() string {
	return "# A worker app whose Token Endpoint Authentication Method is Client Secret Post\n" +
		"# wants form fields instead of HTTP Basic: replace the jq program of the\n" +
		"# \"user\" line below with\n" +
		"#   " + tokenCurlPost + "\n" +
		": \"${" + EnvWorkerSecret + ":?set " + EnvWorkerSecret + " first}\" &&\n" +
		"export " + EnvAccessToken + "=\"$(\n" +
		"  jq --null-input --raw-output --arg id " + shellQuote(strings.TrimSpace(c.ClientID)) + " \\\n" +
		"    " + tokenCurlBasic + " |\n" +
		"  curl --disable --silent --show-error --request POST \\\n" +
		"    --url " + shellQuote(c.TokenURL()) + " \\\n" +
		"    --header 'Content-Type: application/x-www-form-urlencoded' \\\n" +
		"    --data grant_type=client_credentials \\\n" +
		"    --config - |\n" +
		"  jq --raw-output '.access_token // (\"no access token in the answer: \\(tojson)\\n\" | halt_error)'\n" +
		")\""
}

// The jq programs that write curl's client authentication config: HTTP
// Basic (the "user" option, CLIENT_SECRET_BASIC) and form fields (a "data"
// option that curl joins to grant_type with "&", CLIENT_SECRET_POST).
const (
	tokenCurlBasic = `'"user = " + ("\($id | @uri):\(env.` + EnvWorkerSecret + ` | @uri)" | tojson)'`
	tokenCurlPost  = `'"data = " + ("client_id=\($id | @uri)&client_secret=\(env.` + EnvWorkerSecret + ` | @uri)" | tojson)'`
)
