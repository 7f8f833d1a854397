package settings

import (
	"errors"

	"sfstore/api"
)

// StepsNamedBy lists the steps an error points at, in wizard order, so the
// wizard can offer to go straight back to them: the PingOne step for a
// refused sign-in or a missing environment, else the steps of the fields
// PingOne's details name.
func StepsNamedBy(err error) []Step {
	var tokenErr *api.TokenError
	if errors.As(err, &tokenErr) {
		return []Step{StepPingOne}
	}
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		return nil
	}
	switch apiErr.StatusCode {
	case 401, 403, 404:
		return []Step{StepPingOne}
	}
	seen := map[Step]bool{}
	for _, d := range apiErr.Details {
		if f, ok := ForTarget(d.Target); ok {
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

// ProblemsNamedBy maps each field an error's details name to PingOne's
// message about it, to show under the field when the user goes back.
func ProblemsNamedBy(err error) map[*Field]string {
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		return nil
	}
	problems := map[*Field]string{}
	for _, d := range apiErr.Details {
		if f, ok := ForTarget(d.Target); ok {
			problems[f] = d.Message
		}
	}
	return problems
}
