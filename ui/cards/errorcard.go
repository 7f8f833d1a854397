package cards

import (
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/api/salesforce"
	"sfstore/ui/settings"
)

// RenderError renders a failure as a card titled for what failed (e.g. "The
// store was not created"): what PingOne or Salesforce said, each detail
// against the label of the field it names, the IDs support asks for, and
// what to do. Scripts get the same rows without the border (Styles.Plain).
func RenderError(st Styles, heading string, err error, width int) string {
	inner := st.innerWidth(width)
	var parts []string
	var apiErr *api.Error
	var tokenErr *api.TokenError
	var sfErr *salesforce.AuthError
	switch {
	case errors.As(err, &sfErr):
		heading = "Salesforce refused the sign-in"
		parts = salesforceErrorParts(st, sfErr, inner)
	case errors.As(err, &apiErr):
		parts = apiErrorParts(st, apiErr, inner)
	case errors.As(err, &tokenErr) && tokenErr.Code == "" && !isHTTPError(tokenErr.StatusCode):
		// No answer from the token endpoint (a network, TLS or proxy
		// failure, a redirect): its message says why; PingOne refused
		// nothing.
		heading = "sfstore could not sign in to PingOne"
		parts = []string{st.paragraph(st.Value, tokenErr.Error(), inner)}
		if h := tokenErr.Hint(); h != "" {
			parts = append(parts, st.paragraph(st.Warn, "What to do: "+h, inner))
		}
	case errors.As(err, &tokenErr):
		heading = "PingOne refused the sign-in"
		parts = tokenErrorParts(st, tokenErr, inner)
	default:
		parts = []string{st.paragraph(st.Value, err.Error(), inner)}
		var h interface{ Hint() string }
		if errors.As(err, &h) && h.Hint() != "" {
			parts = append(parts, st.paragraph(st.Warn, "What to do: "+h.Hint(), inner))
		}
	}
	title := st.Bad.Render("✗ ") + st.Title.Render(heading)
	// No blank line under the title: the card and the question after it
	// share an 80×24 screen.
	return st.card(st.ErrorCard, append([]string{title}, parts...))
}

// isHTTPError says whether status is an HTTP error answer (a 3xx is a
// redirect sfstore did not follow, reported by its message instead).
func isHTTPError(status int) bool { return status >= 400 }

// apiErrorParts lays PingOne's error out with no blank lines: the card
// shares an 80×24 screen with the question that follows, and its heading
// must stay on it.
func apiErrorParts(st Styles, e *api.Error, width int) []string {
	status := e.Status
	if e.Code != "" {
		status += " · " + e.Code
	}
	rows := []row{{Label: "HTTP status", Value: status}}
	if e.Message != "" {
		rows = append(rows, row{Label: "Message", Value: e.Message})
	}
	if e.Body != "" {
		rows = append(rows, row{Label: "Response", Value: e.Body})
	}
	parts := []string{st.table(rows, width)}
	if len(e.Details) > 0 {
		parts = append(parts, st.Section.Render("Problems"), st.table(detailRows(e.Details), width))
	}
	if e.ID != "" || e.CorrelationID != "" {
		parts = append(parts, st.table(supportRows(e.ID, e.CorrelationID), width))
	}
	if hint := e.Hint(); hint != "" {
		parts = append(parts, st.paragraph(st.Warn, "What to do: "+hint, width))
	}
	return parts
}

// detailRows puts each detail against the label of the field it targets, so
// the user sees "Profile ID" rather than "configuration.PROFILE_ID".
func detailRows(details []api.ErrorDetail) []row {
	rows := make([]row, 0, len(details))
	for _, d := range details {
		label := d.Target
		if f, ok := settings.ForTarget(d.Target); ok {
			label = f.Label
		}
		if label == "" {
			label = "Request"
		}
		msg := d.Message
		if d.Code != "" {
			msg = fmt.Sprintf("%s (%s)", msg, d.Code)
		}
		if allowed := allowedValues(d); allowed != "" {
			msg += "\nAllowed: " + allowed
		}
		rows = append(rows, row{Label: label, Value: msg})
	}
	return rows
}

func allowedValues(d api.ErrorDetail) string {
	values, ok := d.InnerError["allowedValues"].([]any)
	if !ok {
		return ""
	}
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, fmt.Sprint(v))
	}
	return strings.Join(out, ", ")
}

// supportRows are the IDs PingOne support asks for.
func supportRows(id, correlationID string) []row {
	var rows []row
	if id != "" {
		rows = append(rows, row{Label: "Error ID", Value: id})
	}
	if correlationID != "" {
		rows = append(rows, row{Label: "Correlation-Id", Value: correlationID})
	}
	return rows
}

func salesforceErrorParts(st Styles, e *salesforce.AuthError, width int) []string {
	rows := []row{{Label: "Step", Value: e.Stage}}
	if e.StatusCode != 0 {
		rows = append(rows, row{Label: "HTTP status", Value: fmt.Sprint(e.StatusCode)})
	}
	rows = append(rows, row{Label: "Error", Value: e.Code}, row{Label: "Description", Value: e.Description})
	parts := []string{st.table(rows, width)}
	if e.Hint != "" {
		parts = append(parts, st.paragraph(st.Warn, "What to do: "+e.Hint, width))
	}
	return parts
}

func tokenErrorParts(st Styles, e *api.TokenError, width int) []string {
	rows := []row{}
	if e.StatusCode != 0 {
		rows = append(rows, row{Label: "HTTP status", Value: fmt.Sprint(e.StatusCode)})
	}
	rows = append(rows, row{Label: "Error", Value: e.Code}, row{Label: "Description", Value: e.Description})
	parts := []string{st.table(rows, width)}
	if e.CorrelationID != "" {
		parts = append(parts, st.table(supportRows("", e.CorrelationID), width))
	}
	if hint := e.Hint(); hint != "" {
		parts = append(parts, st.paragraph(st.Warn, "What to do: "+hint, width))
	}
	return parts
}
