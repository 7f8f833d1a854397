package provision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/stores"
	"sfstore/ui/term"
)

// dryRun prints every write in order, secrets masked, and sends nothing.
func dryRun(s *ui.Session, st *state, d decisions, views []WriteView, ids *IDs) error {
	res := result(st, d, views, ids)
	res.DryRun, res.Outcome = true, outcomeDryRun
	if s.Opts.JSON {
		return s.WriteJSON(res)
	}
	if s.Opts.Demo {
		// Every text output of the demo says so; the bodies follow.
		if err := s.Say(s.OutStyles.Muted, "The writes provision would send to the demo's simulated PingOne:"); err != nil {
			return err
		}
	}
	// Bodies carry names and values read from PingOne: made inert.
	if _, err := fmt.Fprint(s.Out, term.Sanitize(dryRunText(views))); err != nil {
		return err
	}
	s.Progress("Dry run: %d writes, nothing was sent.", len(views))
	return nil
}

// stoppedReport says where a run stopped and what exists now, with
// PingOne's error ID and Correlation-Id, and how to continue.
func stoppedReport(s *ui.Session, res *Result, writes []Write, err error) error {
	var st *stopped
	errors.As(err, &st)
	cause := err
	if st != nil {
		cause = st.Err
	}
	cancelled := isCancelled(cause)
	res.Outcome = outcomeStopped
	if cancelled {
		res.Outcome = outcomeCancelled
	} else {
		res.Error = s.ErrorJSON(cause)
	}
	heading := "Stopped"
	if st != nil {
		heading = fmt.Sprintf("Stopped at write %d of %d: %s", st.Index+1, len(writes), writes[st.Index].What)
	}
	if !cancelled {
		s.ReportFailure(heading, cause)
	} else {
		s.Notice(s.ErrStyles.Warn, heading+" (cancelled).")
	}
	s.Notice(s.ErrStyles.Section, "What exists now in PingOne:")
	fmt.Fprint(s.Err, s.ErrStyles.Clean(res.summary(s.ErrWidth, true)))
	s.Notice(s.ErrStyles.Muted, "Run again to continue from here (it reads everything first and repeats nothing that is in):")
	s.Progress("    %s", res.Rerun)
	if s.Opts.JSON {
		_ = s.WriteJSON(res)
	}
	if cancelled {
		return cause
	}
	return &ExitError{Code: ExitFailed, Err: &ui.ShownError{Err: cause}}
}

// watch polls the store's sync after the writes, then reports the run.
func watch(ctx context.Context, s *ui.Session, p Prompter, c *api.Client, st *state, res *Result, o Options, published bool, ref string) error {
	if o.NoPublish || o.NoActivate || o.Watch.Wait <= 0 {
		res.Outcome = OutcomeNotWaited
		if len(res.Writes) == 0 {
			res.Outcome = outcomeNothing
		}
		return finishRun(s, res, "✓ Done; not waiting for a sync.", nothingToWaitHint(s, o, ref))
	}
	var baseline *Figures
	if published {
		b := FiguresOf(st.Store.SyncStatus)
		baseline = &b
	}
	var last *api.Store
	get := func(ctx context.Context) (*api.SyncStatus, error) {
		got, err := c.GetStore(ctx, st.Env, st.Store.ID)
		if err != nil {
			return nil, err
		}
		last = got
		return got.SyncStatus, nil
	}
	var wr WatchResult
	title := fmt.Sprintf("Watching the sync of %s (up to %s): PingOne provisions the users in scope", st.Store.Name, o.Watch.Wait)
	err := p.Progress(ctx, title, func(ctx context.Context, report func(string)) error {
		var err error
		wr, err = o.Watch.Run(ctx, get, baseline, func(f Figures, err error) {
			if err != nil {
				report("could not read the sync status (trying again): " + err.Error())
				return
			}
			report(f.Line())
		})
		return err
	})
	res.Sync = &wr.Figures
	switch {
	case isCancelled(err):
		res.Outcome = outcomeCancelled
		s.Notice(s.ErrStyles.Warn, "Stopped watching; everything was written, and provisioning goes on in PingOne: "+s.Command("show "+ref)+" shows its sync.")
		if s.Opts.JSON {
			_ = s.WriteJSON(res)
		}
		return ui.ErrCancelled
	case err != nil:
		return stores.Fail(s, "sfstore could not read the store's sync status", err)
	}
	res.Outcome = wr.Outcome
	switch wr.Outcome {
	case OutcomeSynced:
		return finishRun(s, res, syncedHeading(wr.Figures), "")
	case OutcomeFailed:
		d := stores.Diagnose(*last, ref)
		s.Notice(s.ErrStyles.Bad, "✗ PingOne's sync FAILED. Its details, verbatim:")
		s.Progress("    %s", term.Sanitize(wr.Figures.Details))
		if d.Reason != "" {
			s.Notice(s.ErrStyles.Warn, d.Reason)
		}
		for _, n := range d.Next {
			s.Notice(s.ErrStyles.Muted, "→ "+n.Text)
			if n.Command != "" {
				s.Progress("    %s", demo(s, n.Command))
			}
		}
		_ = finishRun(s, res, "✗ The sync failed.", "")
		return &ExitError{Code: ExitFailed, Err: &ui.ShownError{Err: errors.New("the sync failed: " + wr.Figures.Details)}}
	}
	hint := "Check it with `" + s.Command("show "+ref) + "` (or run this again: it writes nothing more and watches again)."
	if wr.LastErr != nil {
		hint = "The last read of the sync status failed: " + wr.LastErr.Error() + ". " + hint
	}
	_ = finishRun(s, res, fmt.Sprintf("… No user synced within %s. Provisioning goes on in PingOne: large directories take a while.", o.Watch.Wait), hint)
	return &ExitError{Code: ExitTimedOut, Err: &ui.ShownError{Err: fmt.Errorf("no user synced within %s", o.Watch.Wait)}}
}

// syncedHeading is the summary's first line: "1 user synced", "3 users synced".
func syncedHeading(f Figures) string {
	users := "users"
	if f.Synced == 1 {
		users = "user"
	}
	return fmt.Sprintf("✓ Provisioning works: %d %s synced to Salesforce (%d failed, %d in all).", f.Synced, users, f.Failed, f.Total)
}

func demo(s *ui.Session, cmd string) string {
	if s.Opts.Demo {
		return cmd + " --demo"
	}
	return cmd
}

func nothingToWaitHint(s *ui.Session, o Options, ref string) string {
	switch {
	case o.NoActivate:
		return "The rule and plan are not active: run `" + s.Command("provision "+ref) + "` without --no-activate when ready."
	case o.NoPublish:
		return "Nothing syncs until a revision is published: `" + s.Command("publish") + "`."
	}
	return "`" + s.Command("show "+ref) + "` shows the store's sync."
}

// finishRun prints the outcome (or the JSON document).
func finishRun(s *ui.Session, res *Result, heading, hint string) error {
	if s.Opts.JSON {
		// stdout is the one document; the words go to stderr.
		s.Notice(s.ErrStyles.Section, heading)
		if hint != "" {
			s.Notice(s.ErrStyles.Muted, hint)
		}
		return s.WriteJSON(res)
	}
	// The watch's last figures are on screen already: the prompter's
	// Progress leaves its last line (a log prints each line; the wizard's
	// spinner prints its last when it ends).
	if err := sayOutcome(s, heading, res); err != nil {
		return err
	}
	if hint != "" {
		s.Notice(s.ErrStyles.Muted, hint)
	}
	return nil
}

// sleep is the watch's sleep, also used between retries.
func (w Watch) sleep() func(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep
	}
	return sleepCtx
}
