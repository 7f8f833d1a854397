package ui

import (
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/api/redact"
	"sfstore/api/salesforce"
)

// RenderError renders a failed call as a card: what PingOne said, each
// detail against the label of the field it names, and the IDs support asks
// for. Any of the given secrets that an error echoes is masked.
func RenderError(st Styles, err error, width int, secrets ...string) string {
	return renderErrorTitled(st, "PingOne did not create the store", err, width, secrets...)
}

func renderErrorTitled(st Styles, heading string, err error, width int, secrets ...string) string {
	// Mask before rendering: once lipgloss has wrapped the text, a secret
	// can be split across two lines of the card and no longer found.
	red := func(s string) string { return redact.Redact(s, secrets...) }
	inner := cardWidth(width)
	title := st.Bad.Render("✗ ") + st.Title.Render(heading)
	var parts []string
	var apiErr *api.Error
	var tokenErr *api.TokenError
	var sfErr *salesforce.AuthError
	switch {
	case errors.As(err, &sfErr):
		title = st.Bad.Render("✗ ") + st.Title.Render("Salesforce refused the sign-in")
		parts = salesforceErrorParts(st, sfErr, inner, red)
	case errors.As(err, &apiErr):
		parts = apiErrorParts(st, apiErr, inner, red)
	case errors.As(err, &tokenErr):
		title = st.Bad.Render("✗ ") + st.Title.Render("PingOne refused the sign-in")
		parts = tokenErrorParts(st, tokenErr, inner, red)
	default:
		parts = []string{st.Value.Width(inner).Render(red(err.Error()))}
		var h interface{ Hint() string }
		if errors.As(err, &h) && h.Hint() != "" {
			parts = append(parts, "", st.Warn.Width(inner).Render("What to do: "+red(h.Hint())))
		}
	}
	body := strings.Join(append([]string{title, ""}, parts...), "\n")
	return st.ErrorCard.Render(body)
}

func apiErrorParts(st Styles, e *api.Error, width int, red func(string) string) []string {
	rows := []row{{"HTTP status", e.Status}}
	if e.Code != "" {
		rows = append(rows, row{"Code", red(e.Code)})
	}
	if e.Message != "" {
		rows = append(rows, row{"Message", red(e.Message)})
	}
	if e.Body != "" {
		rows = append(rows, row{"Response", red(e.Body)})
	}
	parts := []string{st.table(rows, width)}
	if len(e.Details) > 0 {
		parts = append(parts, "", st.Section.Render("Problems"), st.table(detailRows(e.Details, red), width))
	}
	if e.ID != "" || e.CorrelationID != "" {
		parts = append(parts, "", st.Section.Render("For support"), st.table(supportRows(e.ID, e.CorrelationID), width))
	}
	if hint := e.Hint(); hint != "" {
		parts = append(parts, "", st.Warn.Width(width).Render("What to do: "+hint))
	}
	return parts
}

// detailRows puts each detail against the label of the field it targets, so
// the user sees "Profile ID" rather than "configuration.PROFILE_ID".
func detailRows(details []api.ErrorDetail, red func(string) string) []row {
	rows := make([]row, 0, len(details))
	for _, d := range details {
		label := d.Target
		if f, ok := fieldForTarget(d.Target); ok {
			label = f.Label
		}
		if label == "" {
			label = "Request"
		}
		msg := red(d.Message)
		if d.Code != "" {
			msg = fmt.Sprintf("%s (%s)", msg, d.Code)
		}
		if allowed := allowedValues(d); allowed != "" {
			msg += "\nAllowed: " + red(allowed)
		}
		rows = append(rows, row{red(label), msg})
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

func supportRows(id, correlationID string) []row {
	return []row{{"Error ID", id}, {"Correlation-Id", correlationID}}
}

func salesforceErrorParts(st Styles, e *salesforce.AuthError, width int, red func(string) string) []string {
	rows := []row{{"Step", e.Stage}}
	if e.StatusCode != 0 {
		rows = append(rows, row{"HTTP status", fmt.Sprint(e.StatusCode)})
	}
	rows = append(rows, row{"Error", red(e.Code)}, row{"Description", red(e.Description)})
	parts := []string{st.table(rows, width)}
	if e.Hint != "" {
		parts = append(parts, "", st.Warn.Width(width).Render("What to do: "+e.Hint))
	}
	return parts
}

func tokenErrorParts(st Styles, e *api.TokenError, width int, red func(string) string) []string {
	rows := []row{}
	if e.StatusCode != 0 {
		rows = append(rows, row{"HTTP status", fmt.Sprint(e.StatusCode)})
	}
	rows = append(rows, row{"Error", red(e.Code)}, row{"Description", red(e.Description)})
	parts := []string{st.table(rows, width)}
	if e.CorrelationID != "" {
		parts = append(parts, "", st.Section.Render("For support"), st.table([]row{{"Correlation-Id", e.CorrelationID}}, width))
	}
	if hint := e.Hint(); hint != "" {
		parts = append(parts, "", st.Warn.Width(width).Render("What to do: "+hint))
	}
	return parts
}

// failedSteps lists the steps whose fields an API error names, in wizard
// order, so the wizard can offer to go straight back to them.
func failedSteps(err error) []Step {
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		var tokenErr *api.TokenError
		if errors.As(err, &tokenErr) {
			return []Step{StepPingOne}
		}
		return nil
	}
	switch apiErr.StatusCode {
	case 401, 403, 404:
		return []Step{StepPingOne}
	}
	seen := map[Step]bool{}
	for _, d := range apiErr.Details {
		if f, ok := fieldForTarget(d.Target); ok {
			seen[f.Step] = true
		}
	}
	var steps []Step
	for _, s := range Steps {
		if seen[s] {
			steps = append(steps, s)
		}
	}
	return steps
}

// fieldProblems maps each field an API error's details name to PingOne's
// message about it.
func fieldProblems(err error) map[Field]string {
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		return nil
	}
	problems := map[Field]string{}
	for _, d := range apiErr.Details {
		if f, ok := fieldForTarget(d.Target); ok {
			problems[f] = d.Message
		}
	}
	return problems
}
