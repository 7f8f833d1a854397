package cards

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Advice is what a store's sync status means and what to do about it. The
// caller (package stores) reads PingOne's details and chooses the steps;
// cards only lays them out.
type Advice struct {
	// Details are PingOne's syncStatus.details in plain words, "" when it
	// gave none.
	Details string
	// Reason says why provisioning stopped, "" when nothing is wrong.
	Reason string
	// Next are the steps to take, most useful first.
	Next []Step
	// Provisioning is what provisions through the store, shown between
	// the card and the steps; nil shows nothing.
	Provisioning *Provisioning
}

// Step is one thing to do: what and why, and the command that does it, if
// one does, shown on a line of its own to copy.
type Step struct {
	Text    string `json:"text"`
	Command string `json:"command,omitempty"`
}

// RenderStoreDetail renders one store for `sfstore show`: its settings
// (secrets masked), its sync status, and the advice below the card. now
// dates the last sync; demo marks the card as simulated. A store whose sync
// failed gets the error card's border.
func RenderStoreDetail(st Styles, store *api.Store, advice Advice, width int, now time.Time, demo bool) string {
	s := store.Masked()
	inner := st.innerWidth(width)
	title := st.detailTitle(s, inner, demo)
	rows := []row{{Label: "ID", Value: s.ID}, {Label: "Status", Value: s.Status}, {Label: "Environment", Value: environmentID(s)}}
	if s.Description != "" {
		rows = append(rows, row{Label: "Description", Value: s.Description})
	}
	if s.Image != nil && s.Image.Href != "" {
		rows = append(rows, row{Label: "Image", Value: s.Image.Href})
	}
	if s.Managed != nil {
		rows = append(rows, row{Label: "Deprovision on delete", Value: YesNo(*s.Managed)})
	}
	rows = append(rows, row{Label: "Created", Value: formatTime(s.CreatedAt)}, row{Label: "Updated", Value: formatTime(s.UpdatedAt)})
	sync := syncRows(s.SyncStatus, advice.Details, now)
	config := settings.ConfigurationRows(*store) // masks the secrets itself
	lw := labelWidth(append(append(append([]row{}, rows...), sync...), config...))
	box := st.Card
	if failed(s.SyncStatus) {
		box = st.ErrorCard
	}
	card := st.card(box, []string{
		title, "",
		st.alignedTable(rows, inner, lw), "",
		st.Section.Render("Sync"),
		st.alignedTable(sync, inner, lw), "",
		st.Section.Render("Configuration"),
		st.alignedTable(config, inner, lw),
	})
	return card + renderProvisioning(st, advice.Provisioning, width, now) + renderAdvice(st, advice, width)
}

// detailTitle is the sync mark, the name and the DEMO marker, wrapped
// between words to the card's inner width: a line wider than it would
// widen the box past the screen, and the terminal would fold its border.
func (st Styles) detailTitle(s api.Store, inner int, demo bool) string {
	mark := st.syncMark(s.SyncStatus)
	name := wrapWords(st.Clean(term.Line(s.Name)), inner-2, !st.Plain)
	title := mark + " " + renderLines(st.Title, name, "  ")
	if !demo {
		return title
	}
	badge := st.Demo.Render("DEMO")
	last := name[strings.LastIndex(name, "\n")+1:]
	if 2+lipgloss.Width(last)+1+lipgloss.Width(badge) <= inner {
		return title + " " + badge
	}
	return title + "\n  " + badge
}

// syncMark is the sync state in one character, for the card's title.
func (st Styles) syncMark(ss *api.SyncStatus) string {
	mark, _, style := st.syncState(ss)
	return style.Render(mark)
}

// failed reports whether the sync state is FAILED.
func failed(ss *api.SyncStatus) bool {
	return ss != nil && strings.EqualFold(ss.SyncState, api.SyncStateFailed)
}

// syncRows are the sync status's rows: state, last sync, counts, details.
func syncRows(ss *api.SyncStatus, details string, now time.Time) []row {
	if ss == nil {
		return []row{{Label: "State", Value: "not synced yet"}}
	}
	state := ss.SyncState
	if state == "" {
		state = "(none given)"
	}
	rows := []row{{Label: "State", Value: strings.ToUpper(state)}}
	if ss.LastSyncAt != "" {
		rows = append(rows, row{Label: "Last sync", Value: fmt.Sprintf("%s (%s)", formatTime(ss.LastSyncAt), ago(ss.LastSyncAt, now))})
	}
	users := fmt.Sprintf("%d synced, %d failed of %d", ss.SuccessCount, ss.FailedCount, ss.UserTotal)
	if ss.FailedDeprovisionCount > 0 {
		users += fmt.Sprintf("; %d failed to deprovision", ss.FailedDeprovisionCount)
	}
	rows = append(rows, row{Label: "Users", Value: users})
	if details != "" {
		rows = append(rows, row{Label: "Details", Value: details})
	}
	return rows
}

// renderAdvice is the reason and the next steps below a card.
func renderAdvice(st Styles, a Advice, width int) string {
	var lines []string
	if a.Reason != "" {
		lines = append(lines, "", st.Section.Render("Why provisioning stopped"), bullet(st.Clean(a.Reason), width))
	}
	if len(a.Next) > 0 {
		lines = append(lines, "", st.Section.Render("What to do"))
		for _, step := range a.Next {
			lines = append(lines, bullet(st.Clean(step.Text), width))
			if step.Command != "" {
				for _, l := range WrapCommand(st.Clean(term.Line(step.Command)), "    ", width) {
					lines = append(lines, st.Title.Render(l))
				}
			}
		}
	}
	return strings.Join(append([]string{""}, lines...), "\n")
}
