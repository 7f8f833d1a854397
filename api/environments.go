package api

import (
	"context"
	"fmt"
	"net/http"
)

// Environment types.
const (
	EnvironmentTypeProduction = "PRODUCTION"
	EnvironmentTypeSandbox    = "SANDBOX"
)

// Environment is a PingOne environment, as far as the wizard needs it.
//
// https://developer.pingidentity.com/pingone-api/platform/environments.html
type Environment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Type        string `json:"type"`   // EnvironmentTypeProduction or EnvironmentTypeSandbox
	Region      string `json:"region"` // region code, e.g. "NA": see LookupRegion
}

// ListEnvironments returns the environments the worker app may see, across
// pages.
//
// Picking an environment from a list is a convenience: a 403 (an *Error
// with Op OpListEnvironments, whose Hint says so) only means the worker app
// has no role that may list environments, and the ID can be typed instead.
//
// https://developer.pingidentity.com/pingone-api/platform/environments/read-all-environments.html
func (c *Client) ListEnvironments(ctx context.Context) ([]Environment, error) {
	var envs []Environment
	err := c.list(ctx, call{op: OpListEnvironments, method: http.MethodGet, path: "environments"}, "environments",
		func(decode func(any) error) error {
			var e Environment
			if err := decode(&e); err != nil {
				return fmt.Errorf("decode environment %d: %w", len(envs), err)
			}
			envs = append(envs, e)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return envs, nil
}

// GetEnvironment returns environment envID: a check that it exists in this
// region and that the worker app has a role on it. A 404 is an *Error with
// Op OpGetEnvironment.
//
// https://developer.pingidentity.com/pingone-api/platform/environments/read-one-environment.html
func (c *Client) GetEnvironment(ctx context.Context, envID string) (*Environment, error) {
	path, err := envPath(envID)
	if err != nil {
		return nil, opErr(OpGetEnvironment, err)
	}
	k := call{op: OpGetEnvironment, method: http.MethodGet, path: path}
	var env Environment
	resp, err := c.send(ctx, k, &env)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: pingone answered %s, want 200 OK", OpGetEnvironment, resp.Status)
	}
	return &env, nil
}
