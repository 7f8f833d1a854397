package chain

import (
	"testing"

	"sfstore/api"
)

func TestPublishComparesTheRevisionWithEveryChange(t *testing.T) {
	const rev = "2026-12-01T10:00:00.000Z"
	store := Stamp{What: "store", ID: "s", UpdatedAt: "2026-12-01T09:00:00Z"}
	ruleLater := Stamp{What: "rule", ID: "r", UpdatedAt: "2026-12-01T10:00:00.001Z"}
	undated := Stamp{What: "mapping", ID: "m"}
	tests := []struct {
		name    string
		rev     string
		stamps  []Stamp
		want    PublishState
		newer   int
		undated int
	}{
		{"all older", rev, []Stamp{store}, Published, 0, 0},
		{"same instant", rev, []Stamp{{What: "rule", UpdatedAt: rev}}, Published, 0, 0},
		{"a rule changed after", rev, []Stamp{store, ruleLater}, Unpublished, 1, 0},
		{"a mapping without a date", rev, []Stamp{store, undated}, CannotTell, 0, 1},
		{"newer wins over undated", rev, []Stamp{undated, ruleLater}, Unpublished, 1, 1},
		{"no revision at all", "", []Stamp{store}, Unpublished, 0, 0},
		{"unreadable revision", "yesterday", []Stamp{store}, CannotTell, 0, 1},
		{"other offsets", "2026-12-01T11:00:00+01:00", []Stamp{{What: "store", UpdatedAt: "2026-12-01T10:00:01Z"}}, Unpublished, 1, 0},
	}
	for _, tt := range tests {
		p := Publish(tt.rev, tt.stamps)
		if p.State != tt.want || len(p.Newer) != tt.newer || len(p.Undated) != tt.undated {
			t.Errorf("%s: %+v, want %s with %d newer, %d undated", tt.name, p, tt.want, tt.newer, tt.undated)
		}
	}
}

func TestPopulationIDsReadsTheScopeOfAnExpression(t *testing.T) {
	tests := map[string][]string{
		`population.id eq "p1"`:                            {"p1"},
		`population.id EQ "p1" or population.id eq "p2"`:   {"p1", "p2"},
		`(population.id eq "p1") and email ew "@acme.com"`: {"p1"},
		`population.id eq "p1" or population.id eq "p1"`:   {"p1"},
		`email ew "@acme.com"`:                             nil,
		``:                                                 nil,
		`population.id eq ""`:                              nil,
		api.PopulationExpression("4c2e0a9b-1f3d-4e5a-8b6c-7d9e0f1a2b3c"): {"4c2e0a9b-1f3d-4e5a-8b6c-7d9e0f1a2b3c"},
	}
	for expr, want := range tests {
		got := PopulationIDs(expr)
		if len(got) != len(want) {
			t.Errorf("PopulationIDs(%q) = %q, want %q", expr, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("PopulationIDs(%q) = %q, want %q", expr, got, want)
			}
		}
	}
}

func TestOnlyPopulationsTellsAFilterFromAScope(t *testing.T) {
	for expr, want := range map[string]bool{
		`population.id eq "p1"`:                            true,
		`(population.id eq "p1") or population.id eq "p2"`: true,
		`population.id eq "p1" and email ew "@acme.com"`:   false,
		`email ew "@acme.com"`:                             false,
		``:                                                 false,
	} {
		if got := OnlyPopulations(expr); got != want {
			t.Errorf("OnlyPopulations(%q) = %v", expr, got)
		}
	}
}
