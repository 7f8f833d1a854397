package cards

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"sfstore/ui/term"
)

// The statuses of a check line. They are words, so they read the same
// without colour (NO_COLOR) and to a screen reader.
const (
	Pass = "PASS"
	Warn = "WARN"
	Fail = "FAIL"
	Skip = "SKIP" // not judged: a link it depends on failed
)

// CheckLine is one line of a store's diagnosis: what was checked, how it
// went, the evidence, and the one thing that fixes it.
type CheckLine struct {
	Check    string `json:"check"`
	Status   string `json:"status"`
	Evidence string `json:"evidence"`
	// Fix is the sfstore command that fixes it, or, when none does, what
	// to do in words (FixIsCommand false).
	Fix          string `json:"fix,omitempty"`
	FixIsCommand bool   `json:"fixIsCommand,omitempty"`
}

// RenderChecks lays out a diagnosis: a heading, then one line per check,
// "STATUS Check: evidence" wrapped at width under itself, and the fix on a
// line of its own (a command is never wrapped, so it can be copied whole),
// then a count of what failed. Text from outside is made inert here.
func RenderChecks(st Styles, heading string, lines []CheckLine, width int) string {
	width = max(width, 20)
	pad := "     " // under "FAIL "
	if width < 44 {
		pad = "  " // so that a 36-character ID fits whole under it
	}
	out := []string{renderLines(st.Section, wrapWords(st.Clean(term.Line(heading)), width, false), "")}
	for _, c := range lines {
		text := hang(st.Clean(term.Line(c.Check))+": "+st.Clean(c.Evidence), width, pad)
		out = append(out, st.statusStyle(c.Status).Render(fmt.Sprintf("%-4s", c.Status))+" "+text)
		if c.Fix != "" && c.Status != Pass && c.Status != Skip {
			out = append(out, renderFix(st, c, pad, width))
		}
	}
	summary := wrapWords(st.Clean(CheckSummary(lines)), width, false)
	out = append(out, "", renderLines(st.Section, summary, ""))
	// The first failure's fix again, last: on a short terminal the line
	// itself may have scrolled away, and it is the one to run first.
	if first := firstFail(lines); first != nil && first.Fix != "" {
		out = append(out, renderFix(st, *first, "", width))
	}
	return strings.Join(out, "\n")
}

// renderFix is a line's fix under pad: a command whole, so it can be
// copied, words wrapped.
func renderFix(st Styles, c CheckLine, pad string, width int) string {
	if c.FixIsCommand {
		return pad + "→ " + st.Title.Render(st.Clean(term.Line(c.Fix)))
	}
	return pad + renderLines(st.Warn, "→ "+indent(wrapWords(st.Clean(c.Fix), width-len(pad)-2, false), "  "), pad)
}

// firstFail is the first line that fails, nil when none does.
func firstFail(lines []CheckLine) *CheckLine {
	for i := range lines {
		if lines[i].Status == Fail {
			return &lines[i]
		}
	}
	return nil
}

// hang wraps text after a "FAIL " status word: the first line in what is
// left of width, the next ones under pad.
func hang(text string, width int, pad string) string {
	first, rest, _ := strings.Cut(wrapWords(text, width-5, false), "\n")
	if rest == "" {
		return first
	}
	return first + "\n" + pad + indent(wrapWords(strings.ReplaceAll(rest, "\n", " "), width-len(pad), false), pad)
}

// CheckSummary counts the failures and warnings and names the first
// failure, the one to fix first.
func CheckSummary(lines []CheckLine) string {
	fails, warns := 0, 0
	for _, c := range lines {
		switch c.Status {
		case Fail:
			fails++
		case Warn:
			warns++
		}
	}
	switch {
	case fails > 0:
		return fmt.Sprintf("%s, %s: fix %q first; the links after it depend on it.",
			count(fails, "check fails"), count(warns, "warning"), term.Line(firstFail(lines).Check))
	case warns > 0:
		return count(warns, "warning") + ", nothing fails."
	}
	return "Every check passes."
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if strings.HasSuffix(what, "check fails") {
		return fmt.Sprintf("%d checks fail", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func (st Styles) statusStyle(status string) lipgloss.Style {
	switch status {
	case Pass:
		return st.OK
	case Warn:
		return st.Warn
	case Fail:
		return st.Bad
	}
	return st.Muted
}
