package wizard

import (
	"fmt"
	"strings"

	"sfstore/ui/provision"
)

// confirmRows is what the confirmation's question takes below the list of
// writes, at most, at a screen's width: its description and help wrap
// below 70 columns.
func confirmRows(width int) int {
	if width < 70 {
		return 9
	}
	return 7
}

// writeLines are the confirmation's lines, one a write, in rows rows of
// the screen (0: as many as there are). When they do not fit, a run of
// three or more writes of one kind (the mappings) shares a line; when
// that does not fit either, the lines that do are followed by how many
// more there are, and with room for one line only, the writes are named
// by kind on it. The title and the question always stay on the screen.
func writeLines(writes []provision.WriteView, rows int) []string {
	one := func(i int, wr provision.WriteView) string {
		return fmt.Sprintf("%2d. %-6s %s", i+1, wr.Method, wr.What)
	}
	var lines []string
	for i, wr := range writes {
		lines = append(lines, one(i, wr))
	}
	if rows <= 0 || len(lines) <= rows {
		return lines
	}
	lines = lines[:0]
	var ends []int // how many writes the lines up to each cover
	var kinds []string
	for i := 0; i < len(writes); {
		j := i + 1
		for j < len(writes) && sameKind(writes[i], writes[j]) {
			j++
		}
		if j-i < 3 {
			for k := i; k < j; k++ {
				lines, ends = append(lines, one(k, writes[k])), append(ends, k+1)
				kinds = append(kinds, writes[k].Action+" "+writes[k].Step)
			}
		} else {
			lines, ends = append(lines, runLine(writes[i:j], i)), append(ends, j)
			kinds = append(kinds, fmt.Sprintf("%d %ss", j-i, writes[i].Step))
		}
		i = j
	}
	switch {
	case len(lines) <= rows:
		return lines
	case rows >= 2:
		shown := lines[:rows-1]
		return append(shown, fmt.Sprintf("… %d more writes (--dry-run lists each)", len(writes)-ends[rows-2]))
	}
	return []string{fmt.Sprintf("%d writes: %s", len(writes), strings.Join(kinds, ", "))}
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
