package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// Population is a PingOne population: a set of users (each user is in
// one), which a rule scopes with PopulationExpression(ID).
//
// https://developer.pingidentity.com/pingone-api/platform/populations.html
type Population struct {
	ID          string
	Name        string
	Description string
	// Default is the environment's default population, where users made
	// without one go.
	Default bool
	// UserCount is the number of users in it, as PingOne counts them.
	UserCount int
}

// populationWire is a population as PingOne sends it. The data model
// types default as String while the examples send a boolean (UNCONFIRMED
// which is answered), so it is read as loose text.
type populationWire struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Default     looseText `json:"default"`
	UserCount   float64   `json:"userCount"`
}

// PopulationExpression is the populationExpression that scopes a rule to
// the users of population populationID, in the form Ping's own rule
// example uses: population.id eq "…".
//
// https://developer.pingidentity.com/pingone-api/workflow-library/identity-propagation/create-a-workday-propagation-connection/step-7-create-a-workday-inbound-propagation-rule.html
func PopulationExpression(populationID string) string {
	return `population.id eq "` + strings.TrimSpace(populationID) + `"`
}

// ListPopulations returns the populations of environment envID, across
// pages; exactly one of them is the Default one. A non-2xx answer is an
// *Error with Op OpListPopulations (403: the worker app lacks a role that
// may read populations).
//
// https://developer.pingidentity.com/pingone-api/platform/populations/read-all-populations.html
func (c *Client) ListPopulations(ctx context.Context, envID string) ([]Population, error) {
	env, err := envPath(envID)
	if err != nil {
		return nil, opErr(OpListPopulations, err)
	}
	k := call{op: OpListPopulations, method: http.MethodGet, path: env + "/populations"}
	return listOf(ctx, c, k, "populations", "population", func(raw json.RawMessage) (Population, error) {
		var w populationWire
		err := json.Unmarshal(raw, &w)
		return Population{ID: w.ID, Name: w.Name, Description: w.Description,
			Default: strings.EqualFold(string(w.Default), "true"), UserCount: int(w.UserCount)}, err
	})
}
