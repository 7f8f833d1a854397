package api_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"sfstore/api"
)

func TestListPopulationsFollowsPagesAndReadsTheDefaultFlag(t *testing.T) {
	var paths []string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.RequestURI())
		if r.URL.Query().Get("cursor") == "" {
			respond(200, `{"_embedded":{"populations":[{"id":"p1","name":"Everyone","default":true,"userCount":12,"description":"All users"}]},
			"_links":{"next":{"href":"https://api.pingone.com/v1/environments/`+testEnvID+`/populations?cursor=2"}}}`)(w, r)
			return
		}
		// The data model types default as a String.
		respond(200, `{"_embedded":{"populations":[{"id":"p2","name":"Contractors","default":"false","userCount":3}]}}`)(w, r)
	})
	pops, err := c.ListPopulations(context.Background(), testEnvID)
	want := []api.Population{
		{ID: "p1", Name: "Everyone", Description: "All users", Default: true, UserCount: 12},
		{ID: "p2", Name: "Contractors", UserCount: 3},
	}
	if err != nil || !reflect.DeepEqual(pops, want) {
		t.Fatalf("populations %+v, err %v", pops, err)
	}
	if len(paths) != 2 || paths[0] != "/v1/environments/"+testEnvID+"/populations" {
		t.Errorf("paths %v", paths)
	}
}

func TestPopulationExpressionIsPingsDocumentedForm(t *testing.T) {
	if got := api.PopulationExpression(" " + testPopID + " "); got != `population.id eq "`+testPopID+`"` {
		t.Errorf("got %s", got)
	}
}
