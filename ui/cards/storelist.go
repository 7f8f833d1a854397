package cards

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/ui/term"
)

// RenderStoreList renders an environment's Salesforce stores, two lines
// each so that an 80-column terminal holds a whole ID, which the other
// commands take: the name with its status and sync state, then the ID with
// the last sync and the failed count. now dates the last syncs.
func RenderStoreList(st Styles, envID string, stores []api.Store, width int, now time.Time) string {
	var b strings.Builder
	_ = WriteStoreList(&b, st, envID, stores, width, now, false)
	return strings.TrimSuffix(b.String(), "\n")
}

// WriteStoreList writes RenderStoreList's lines to w, each ending in a
// newline, in writes of whole lines (a masking writer never sees a line
// cut) of up to 64 KiB: a list of 100,000 stores is never one string.
// demo marks the list as simulated.
func WriteStoreList(w io.Writer, st Styles, envID string, stores []api.Store, width int, now time.Time, demo bool) error {
	width = max(width, 40)
	out := lineWriter{w: bufio.NewWriterSize(w, 64<<10)}
	mark := ""
	if demo {
		mark = " " + st.Demo.Render("DEMO")
	}
	if len(stores) == 0 {
		out.line(st.paragraph(st.Muted, "No Salesforce stores in environment "+envID+". Create one with `sfstore create`.", width) + mark)
		return out.flush()
	}
	out.line(st.Section.Render(plural(len(stores), "Salesforce store")+" in environment "+term.Line(envID)) + mark)
	// Most stores share a status, a sync state and a summary: each is
	// drawn once (a list can have 100,000 stores).
	rights, infos := map[string]string{}, map[string]string{}
	for _, s := range stores {
		out.line("")
		key := s.Status + "\x00" + syncKey(s.SyncStatus)
		right, ok := rights[key]
		if !ok {
			right = st.listRight(s)
			rights[key] = right
		}
		out.line(st.listHeadLine(s, right, width))
		id := "  " + term.Line(s.ID)
		summary := syncSummary(s.SyncStatus, now)
		info, ok := infos[summary]
		if !ok {
			info = st.Muted.Render(summary)
			infos[summary] = info
		}
		if lipgloss.Width(id)+3+lipgloss.Width(info) <= width {
			out.line(id + "   " + info)
		} else {
			out.line(id)
			out.line("  " + info)
		}
	}
	return out.flush()
}

// lineWriter buffers whole lines, flushing before a line that would not
// fit, and keeps the first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

func (l *lineWriter) line(s string) {
	if l.err != nil {
		return
	}
	if l.w.Buffered() > 0 && l.w.Available() < len(s)+1 {
		l.err = l.w.Flush()
	}
	if l.err == nil {
		_, l.err = l.w.WriteString(s + "\n")
	}
}

func (l *lineWriter) flush() error {
	if l.err != nil {
		return l.err
	}
	return l.w.Flush()
}

// listHeadLine is the name, cut to fit, with the status and sync state at
// the right edge.
func (st Styles) listHeadLine(s api.Store, right string, width int) string {
	room := width - lipgloss.Width(right) - 2
	name := ansi.Truncate(st.Clean(term.Line(s.Name)), max(room, 10), "…")
	gap := max(width-lipgloss.Width(name)-lipgloss.Width(right), 2)
	return strings.TrimRight(st.Title.Render(name)+strings.Repeat(" ", gap)+right, " ")
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) + s
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0))
}

// listRight is a list line's status and sync state, padded to their
// longest words, so the columns line up.
func (st Styles) listRight(s api.Store) string {
	return padLeft(st.statusWord(s.Status), len(api.StatusInactive)) + "  " + padRight(st.syncBadge(s.SyncStatus), len("– NOT SYNCED"))
}

// syncKey is what of a sync status its badge shows.
func syncKey(ss *api.SyncStatus) string {
	if ss == nil {
		return ""
	}
	if ss.FailedCount > 0 {
		return ss.SyncState + "\x00failures"
	}
	return ss.SyncState
}

// statusWord is ACTIVE, or INACTIVE muted: an inactive store provisions
// nothing.
func (st Styles) statusWord(status string) string {
	status = term.Line(status)
	if status == "" {
		status = "(no status)"
	}
	if status != api.StatusActive {
		return st.Muted.Render(status)
	}
	return st.Value.Render(status)
}

// syncBadge marks the sync state: ✓ syncing, ! syncing with failures,
// ✗ failed, – never synced.
func (st Styles) syncBadge(ss *api.SyncStatus) string {
	mark, word, style := st.syncState(ss)
	return style.Render(mark + " " + word)
}

// syncState is the sync state's mark, word and style.
func (st Styles) syncState(ss *api.SyncStatus) (string, string, lipgloss.Style) {
	switch {
	case ss == nil || ss.SyncState == "":
		return "–", "NOT SYNCED", st.Muted
	case strings.EqualFold(ss.SyncState, api.SyncStateFailed):
		return "✗", api.SyncStateFailed, st.Bad
	case strings.EqualFold(ss.SyncState, api.SyncStateSyncing) && ss.FailedCount > 0:
		return "!", api.SyncStateSyncing, st.Warn
	case strings.EqualFold(ss.SyncState, api.SyncStateSyncing):
		return "✓", api.SyncStateSyncing, st.OK
	}
	return "?", strings.ToUpper(term.Line(ss.SyncState)), st.Muted
}

// syncSummary is "last sync 4 minutes ago · 0 failed".
func syncSummary(ss *api.SyncStatus, now time.Time) string {
	if ss == nil || (ss.SyncState == "" && ss.LastSyncAt == "") {
		return "no sync yet"
	}
	last := "no sync yet"
	if ss.LastSyncAt != "" {
		last = "last sync " + ago(term.Line(ss.LastSyncAt), now)
	}
	return fmt.Sprintf("%s · %d failed", last, ss.FailedCount)
}
