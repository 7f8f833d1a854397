package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

func TestListEnvironmentsOfTheDemoTenant(t *testing.T) {
	c, _ := simClient(t)
	envs, err := c.ListEnvironments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(envs) != len(simulator.DemoEnvironments) {
		t.Fatalf("envs = %+v", envs)
	}
	for i, e := range envs {
		if e != simulator.DemoEnvironments[i] {
			t.Errorf("env %d = %+v, want %+v", i, e, simulator.DemoEnvironments[i])
		}
		if _, ok := api.LookupRegion(e.Region); !ok {
			t.Errorf("env %s region %q is not a region code", e.Name, e.Region)
		}
	}
	if envs[0].ID != testEnvID || envs[0].Name != "Demo Production" || envs[0].Type != api.EnvironmentTypeProduction || envs[1].Type != api.EnvironmentTypeSandbox {
		t.Errorf("first environments %+v", envs[:2])
	}
}

func TestListEnvironmentsForbiddenSaysItIsOptional(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{AccessTokens: []string{"pasted-token-0123456789"}, DenyEnvironmentList: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	c, _ := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), api.Credentials{AccessToken: "pasted-token-0123456789"}, nil)))
	_, err = c.ListEnvironments(context.Background())
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 403 || e.Op != api.OpListEnvironments || !strings.HasPrefix(err.Error(), "list environments: pingone returned 403 Forbidden: ACCESS_FAILED") {
		t.Fatalf("err = %v", err)
	}
	if h := e.Hint(); !strings.Contains(h, "optional") || !strings.Contains(h, "type the environment ID") {
		t.Errorf("Hint() = %q", h)
	}
	// Only the list is denied: the store calls still work.
	if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, demoRequest(t)); err != nil {
		t.Errorf("create: %v", err)
	}
}

func TestGetEnvironment(t *testing.T) {
	sim := startSim(t) // knows workerEnv and testEnvID only
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(),
		api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: workerSecret}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	env, err := c.GetEnvironment(context.Background(), " "+testEnvID+" ")
	if err != nil || *env != simulator.DemoEnvironments[0] {
		t.Fatalf("env %+v err %v", env, err)
	}
	worker, err := c.GetEnvironment(context.Background(), workerEnv)
	if err != nil || worker.ID != workerEnv || worker.Name != "Environment 1" || worker.Type != api.EnvironmentTypeSandbox {
		t.Errorf("worker env %+v err %v", worker, err)
	}
	_, err = c.GetEnvironment(context.Background(), "22222222-2222-4222-8222-222222222222")
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 404 || e.Op != api.OpGetEnvironment || !strings.Contains(e.Hint(), "check the environment ID and the region") {
		t.Errorf("err = %v", err)
	}
	if _, err := c.GetEnvironment(context.Background(), ""); err == nil || err.Error() != "get environment: environment ID is empty" {
		t.Errorf("empty ID: %v", err)
	}
	envs, err := c.ListEnvironments(context.Background())
	if err != nil || len(envs) != 2 || envs[0].ID != workerEnv || envs[1].ID != testEnvID {
		t.Errorf("ListEnvironments = %+v, %v", envs, err)
	}
}
