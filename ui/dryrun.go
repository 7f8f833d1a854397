package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"sfstore/api"
)

// printDryRun prints the exact request that would be sent, with secrets
// masked, and an equivalent curl command that reads each secret from an
// environment variable. Nothing is sent, not even a token request.
func (w *wizard) printDryRun() error {
	apiURL, _, err := Endpoints(w.a.Region, w.opts.APIURL, w.opts.AuthURL)
	if err != nil {
		return err
	}
	client, err := api.NewClient(apiURL)
	if err != nil {
		return err
	}
	req := w.a.Request()
	prepared := client.DescribeCreate(w.a.TargetEnvironmentID(), &req)
	masked := prepared.Masked(w.a.secretValues()...)
	if w.opts.JSON {
		return w.printJSON(dryRunJSON(masked))
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
	fmt.Fprintf(&b, "\n# The same request with curl; it reads the secrets from the environment:\n")
	fmt.Fprintf(&b, "#   PINGONE_API_ACCESS_TOKEN, SALESFORCE_CLIENT_SECRET, SALESFORCE_ACCESS_TOKEN, SALESFORCE_REFRESH_TOKEN\n")
	if w.a.AuthMethod == AuthWorkerApp {
		b.WriteString(w.tokenCurl())
	}
	b.WriteString(prepared.Curl(nil) + "\n")
	_, err = fmt.Fprint(w.opts.Out, b.String())
	w.progress("Dry run: nothing was sent.")
	return err
}

// dryRunJSON is the --json form of a dry run.
func dryRunJSON(p api.PreparedRequest) map[string]any {
	var body any
	if json.Unmarshal(p.Body, &body) != nil {
		body = string(p.Body)
	}
	return map[string]any{"method": p.Method, "url": p.URL, "headers": p.Header, "body": body}
}

// tokenCurl is the command that gets PINGONE_API_ACCESS_TOKEN with the
// worker app, reading its secret from the environment (jq extracts the
// token).
func (w *wizard) tokenCurl() string {
	_, authURL, err := Endpoints(w.a.Region, w.opts.APIURL, w.opts.AuthURL)
	if err != nil {
		return ""
	}
	creds := api.Credentials{AuthURL: authURL, WorkerEnvironmentID: w.a.WorkerEnvironmentID}
	return fmt.Sprintf("# First, an access token for the worker app (secret from PINGONE_CLIENT_SECRET):\n"+
		"export PINGONE_API_ACCESS_TOKEN=\"$(curl --silent --show-error --user %s:\"$PINGONE_CLIENT_SECRET\" \\\n"+
		"  --data grant_type=client_credentials %s | jq -r .access_token)\"\n",
		shellQuote(w.a.WorkerClientID), shellQuote(creds.TokenURL()))
}

// shellQuote single-quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
