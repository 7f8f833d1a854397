package wizard

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/provision"
	"sfstore/ui/term"
)

// ConfirmWrites lists the writes in order, one line each, as many as fit
// the screen with its title and the question (at 80×24 all of a create's),
// and asks whether to send them. --dry-run prints each with its body.
func (w *Wizard) ConfirmWrites(ctx context.Context, writes []provision.WriteView) (bool, error) {
	width := w.s.ErrWidth
	title := cards.Wrap(w.titleText("Provision users · 3 of 3 · The writes, in order"), width)
	fmt.Fprintln(w.s.Err, w.st.Section.Render(title))
	rows := 0 // read out, not seen, or no screen known: every write on its own line
	if w.s.Height > 0 && !w.s.Opts.Accessible {
		rows = max(w.s.Height-strings.Count(title, "\n")-1-confirmRows(width), 1)
	}
	for _, l := range writeLines(writes, rows) {
		line := w.st.Clean(l)
		if w.s.Opts.Accessible {
			fmt.Fprintln(w.s.Err, cards.Wrap(line, width)) // read whole, never cut: wrapped between words
			continue
		}
		fmt.Fprintln(w.s.Err, ansi.Truncate(line, width, "…"))
	}
	ok := true
	err := w.run(ctx, w.form(huh.NewGroup(w.yesNo(fmt.Sprintf("Send these %d writes to PingOne?", len(writes)),
		"No sends nothing. A run stopped halfway continues when run again.", &ok))))
	return ok, err
}

// Progress runs work under the spinner with its progress line below.
func (w *Wizard) Progress(ctx context.Context, title string, work func(ctx context.Context, report func(string)) error) error {
	if w.s.Opts.Accessible {
		// No animation, but each change of the figures is read out.
		last := ""
		return w.taskWithProgress(ctx, title, func(ctx context.Context, _ func(string)) error {
			return work(ctx, func(line string) {
				if line != last {
					last = line
					fmt.Fprintln(w.s.Err, term.Line(line))
				}
			})
		})
	}
	// The spinner's progress line goes with the spinner: the last one is
	// printed after it, so the figures the summary rests on stay on screen.
	var last atomic.Pointer[string]
	err := w.taskWithProgress(ctx, title, func(ctx context.Context, report func(string)) error {
		return work(ctx, func(line string) {
			last.Store(&line)
			report(line)
		})
	})
	if l := last.Load(); l != nil {
		fmt.Fprintln(w.s.Err, "  "+w.st.Clean(term.Line(*l)))
	}
	return err
}

var _ ui.NextAsker = (*Wizard)(nil)

// NextStep offers what follows a create, next to publishing: provisioning
// users into the new store (which publishes too), only publishing, or
// nothing now. The offer to save the connection comes first: it is about
// the create just done, and Ctrl-C there asks nothing more.
func (w *Wizard) NextStep(ctx context.Context) (ui.Next, error) {
	if w.OfferSaveProfile(ctx) {
		return ui.NextNothing, ui.ErrCancelled
	}
	// String values: huh's select placed its cursor by an int value's
	// number rather than by the option holding it.
	next := "provision"
	f := w.form(huh.NewGroup(choice(w, "What next?",
		"A store alone provisions nothing: a rule with mappings, then a revision, make PingOne sync users into it.", &next,
		huh.NewOption("Provision users now: rule, mappings, publish, watch the first sync", "provision"),
		huh.NewOption("Only publish (create a revision; starts a resync)", "publish"),
		huh.NewOption("Nothing now", "nothing"),
	)).Title(w.titleText("Next step")))
	err := w.run(ctx, f)
	return map[string]ui.Next{"provision": ui.NextProvision, "publish": ui.NextPublish}[next], err
}
