package wizard

import (
	"fmt"
	"strings"

	"sfstore/ui/provision"
)

// confirmRows is what the confirmation's title and question take below
// the list of writes, at most (its help wraps at 40 columns).
const confirmRows = 9

// writeLines are the confirmation's lines, one a write. When they and the
// question do not fit the screen's rows, a run of three or more writes of
// one kind (the mappings) shares a line, so that more of the list is seen
// than its end (at 80×24 all of it).
func writeLines(writes []provision.WriteView, height int) []string {
	one := func(i int, wr provision.WriteView) string {
		return fmt.Sprintf("%2d. %-6s %s", i+1, wr.Method, wr.What)
	}
	var lines []string
	for i, wr := range writes {
		lines = append(lines, one(i, wr))
	}
	if height <= 0 || len(lines)+confirmRows <= height {
		return lines
	}
	lines = lines[:0]
	for i := 0; i < len(writes); {
		j := i + 1
		for j < len(writes) && sameKind(writes[i], writes[j]) {
			j++
		}
		if j-i < 3 {
			for k := i; k < j; k++ {
				lines = append(lines, one(k, writes[k]))
			}
		} else {
			lines = append(lines, runLine(writes[i:j], i))
		}
		i = j
	}
	return lines
}

func sameKind(a, b provision.WriteView) bool {
	return a.Step == b.Step && a.Action == b.Action && a.Method == b.Method
}

// runLine is one line for the writes run, which start at index from:
// "4–12. POST   Create 9 mappings: Username, Email, …".
func runLine(run []provision.WriteView, from int) string {
	verb, _, _ := strings.Cut(run[0].What, " ")
	var targets []string
	for _, wr := range run {
		if wr.Target != "" {
			targets = append(targets, wr.Target)
		}
	}
	line := fmt.Sprintf("%d–%d. %-6s %s %d %ss", from+1, from+len(run), run[0].Method, verb, len(run), run[0].Step)
	if len(targets) > 0 {
		line += ": " + strings.Join(targets, ", ")
	}
	return line
}
