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
// cut) of up to 64 KiB. demo marks the list as simulated.
func WriteStoreList(w io.Writer, st Styles, envID string, stores []api.Store, width int, now time.Time, demo bool) error {
	out := lineWriter{w: bufio.NewWriterSize(w, 64<<10)}
	out.line(strings.TrimSuffix(StoreListHeading(st, envID, len(stores), width, demo), "\n"))
	rows := NewStoreRows(st, width, now)
	for _, s := range stores {
		out.line(strings.TrimSuffix(rows.Row(s), "\n"))
	}
	return out.flush()
}

// StoreListHeading is a store list's first line (n stores in environment
// envID), or with none the message that says how to create one; demo
// marks it as simulated. It ends in a newline; the rows (StoreRows)
// follow it.
func StoreListHeading(st Styles, envID string, n, width int, demo bool) string {
	width = max(width, 40)
	mark := ""
	if demo {
		mark = " " + st.Demo.Render("DEMO")
	}
	if n == 0 {
		return st.paragraph(st.Muted, "No Salesforce stores in environment "+envID+". Create one with `sfstore create`.", width) + mark + "\n"
	}
	return st.Section.Render(plural(n, "Salesforce store")+" in environment "+term.Line(envID)) + mark + "\n"
}

// StoreRows draws a store list's rows one store at a time, so that a list
// of 100,000 stores can be drawn as it is read, without holding it.
type StoreRows struct {
	st     Styles
	width  int
	now    time.Time
	title  wrapped           // the Title style, for the names
	rights map[string]string // drawn status and sync badges, by what they show
	infos  map[string]string // drawn sync summaries
}

// maxDrawn bounds StoreRows' caches: most stores share a status, a sync
// state and a summary, and each is drawn once, but memory must not follow
// the number of stores.
const maxDrawn = 256

// NewStoreRows returns rows for a list width columns wide, dating the last
// syncs from now.
func NewStoreRows(st Styles, width int, now time.Time) *StoreRows {
	return &StoreRows{st: st, width: max(width, 40), now: now, title: wrap(st.Title),
		rights: map[string]string{}, infos: map[string]string{}}
}

// Row is store s's lines, a blank one first, each ending in a newline:
// the name with its status and sync state, then the ID with the last sync
// and the failed count.
func (r *StoreRows) Row(s api.Store) string {
	return string(r.AppendRow(nil, s))
}

// AppendRow appends Row(s) to b: a list's rows go straight to its output,
// with no string of their own.
func (r *StoreRows) AppendRow(b []byte, s api.Store) []byte {
	right := drawn(r.rights, s.Status+"\x00"+syncKey(s.SyncStatus), func() string { return r.st.listRight(s) })
	id := term.Line(s.ID)
	summary := syncSummary(s.SyncStatus, r.now)
	info := drawn(r.infos, summary, func() string { return r.st.Muted.Render(summary) })
	b = r.appendHeadLine(append(b, '\n'), s, right)
	b = append(append(b, '\n', ' ', ' '), id...)
	if 2+lipgloss.Width(id)+3+lipgloss.Width(info) <= r.width {
		b = append(b, "   "...)
	} else {
		b = append(b, "\n  "...)
	}
	return append(append(b, info...), '\n')
}

// drawn returns the cached drawing of key, drawing it (and caching it,
// while the cache has room) when there is none.
func drawn(cache map[string]string, key string, draw func() string) string {
	if v, ok := cache[key]; ok {
		return v
	}
	v := draw()
	if len(cache) < maxDrawn {
		cache[key] = v
	}
	return v
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

// appendHeadLine appends the name, cut to fit, with the status and sync
// state at the right edge, and no space at the end.
func (r *StoreRows) appendHeadLine(b []byte, s api.Store, right string) []byte {
	start := len(b)
	rightWidth := lipgloss.Width(right)
	name := ansi.Truncate(r.st.Clean(term.Line(s.Name)), max(r.width-rightWidth-2, 10), "…")
	b = r.title.append(b, name)
	for range max(r.width-lipgloss.Width(name)-rightWidth, 2) {
		b = append(b, ' ')
	}
	b = append(b, right...)
	for len(b) > start && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// wrapped is a style's drawing of one line split around the text: drawing
// a name of a list of 10,000 is then two appends rather than a Render.
type wrapped struct {
	style     lipgloss.Style
	pre, post string
	ok        bool // the split draws as Render does
}

func wrap(style lipgloss.Style) wrapped {
	const probe, sample = "x", "a b·ä-Z"
	drawn := style.Render(probe)
	pre, post, ok := strings.Cut(drawn, probe)
	w := wrapped{style: style, pre: pre, post: post, ok: ok && !strings.Contains(post, probe)}
	if w.ok && pre+sample+post != style.Render(sample) {
		w.ok = false
	}
	return w
}

// append appends style.Render(text) to b.
func (w wrapped) append(b []byte, text string) []byte {
	if !w.ok || text == "" || strings.ContainsFunc(text, func(c rune) bool { return c < ' ' }) {
		return append(b, w.style.Render(text)...)
	}
	return append(append(append(b, w.pre...), text...), w.post...)
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
