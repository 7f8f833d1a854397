package chain

import (
	"regexp"
	"strings"
)

// populationTerm is a population scope in a rule's populationExpression,
// a SCIM filter: population.id eq "<id>", as Ping's workflow example
// writes it. Whether PingOne also takes other spellings (single quotes,
// "pr", "ne") is UNCONFIRMED; only this one names a population.
var populationTerm = regexp.MustCompile(`(?i)\bpopulation\.id\s+eq\s+"([^"]*)"`)

// PopulationIDs are the populations a rule's populationExpression names,
// in order, each once.
func PopulationIDs(expr string) []string {
	var ids []string
	seen := map[string]bool{}
	for _, m := range populationTerm.FindAllStringSubmatch(expr, -1) {
		id := strings.TrimSpace(m[1])
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// populationGlue is what joins population terms: "or", "and", brackets.
var populationGlue = regexp.MustCompile(`(?i)\b(or|and)\b|[()\s]`)

// OnlyPopulations reports whether expr scopes by population and nothing
// else, so that the population names say it all.
func OnlyPopulations(expr string) bool {
	rest := populationGlue.ReplaceAllString(populationTerm.ReplaceAllString(expr, ""), "")
	return rest == "" && len(PopulationIDs(expr)) > 0
}
