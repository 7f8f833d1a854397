package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// PrintDryRun prints the exact request that would be sent, with secrets
// masked, and a curl recipe that reads each secret from an environment
// variable. Nothing is sent, not even a token request.
func (s *Session) PrintDryRun() error {
	a := s.Answers
	apiURL, _, err := Endpoints(a.Region, s.Opts.APIURL, s.Opts.AuthURL)
	if err != nil {
		return err
	}
	client, err := api.NewClient(apiURL)
	if err != nil {
		return err
	}
	req := a.Request()
	prepared := client.DescribeCreate(a.TargetEnvironmentID(), &req)
	masked := prepared.Masked(a.Secrets()...)
	if s.Opts.JSON {
		return writeJSON(s.Out, dryRunJSON(masked, notSent(*a)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", masked.Method, masked.URL)
	for _, name := range slices.Sorted(maps.Keys(masked.Header)) {
		for _, v := range masked.Header[name] {
			fmt.Fprintf(&b, "%s: %s\n", name, v)
		}
	}
	var pretty bytes.Buffer
	if json.Indent(&pretty, masked.Body, "", "  ") == nil {
		fmt.Fprintf(&b, "\n%s\n", pretty.String())
	}
	for _, key := range notSent(*a) {
		fmt.Fprintf(&b, "# %s is not sent: %s\n", key, settings.NotSent)
	}
	for _, n := range a.CaseNotes() {
		fmt.Fprintf(&b, "# %s.\n", n)
	}
	fmt.Fprintf(&b, "\n# The same request with curl; it reads the secrets from the environment:\n")
	fmt.Fprintf(&b, "#   %s\n", strings.Join(curlVariables(), ", "))
	if a.AuthMethod == settings.AuthWorkerApp {
		b.WriteString(s.tokenCurl())
	}
	b.WriteString(prepared.Curl(settings.CurlEnv()) + "\n")
	// The URL and headers come from flags; JSON escapes the body's own.
	_, err = fmt.Fprint(s.Out, term.Sanitize(b.String()))
	s.Progress("Dry run: nothing was sent.")
	return err
}

// notSent lists the body keys left to PingOne's default.
func notSent(a settings.Answers) []string {
	var keys []string
	for _, f := range []*settings.Field{settings.FieldStatus, settings.FieldManaged} {
		if f.Get(&a) == "" {
			keys = append(keys, f.Path)
		}
	}
	return keys
}

func curlVariables() []string {
	env := settings.CurlEnv()
	vars := slices.Sorted(maps.Values(env))
	return slices.Compact(vars)
}

// dryRunJSON is the --json form of a dry run.
func dryRunJSON(p api.PreparedRequest, notSent []string) map[string]any {
	var body any
	if json.Unmarshal(p.Body, &body) != nil {
		body = string(p.Body)
	}
	out := map[string]any{"method": p.Method, "url": p.URL, "headers": p.Header, "body": body}
	if len(notSent) > 0 {
		out["notSent"] = notSent
	}
	return out
}

// tokenCurl is the recipe that gets PINGONE_API_ACCESS_TOKEN with the
// worker app as the client does, reading its secret from the environment.
func (s *Session) tokenCurl() string {
	a := s.Answers
	_, authURL, err := Endpoints(a.Region, s.Opts.APIURL, s.Opts.AuthURL)
	if err != nil {
		return ""
	}
	creds := api.Credentials{AuthURL: authURL, WorkerEnvironmentID: a.WorkerEnvironmentID, ClientID: a.WorkerClientID}
	return "# First, an access token for the worker app (secret from " + api.EnvWorkerSecret + "):\n" + creds.Curl() + "\n"
}
