package wizard

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
)

// A wait PingOne asked for shows in the title's place, until it is over.
func TestTaskShowsARetryWaitInPlaceOfItsTitle(t *testing.T) {
	notice := new(atomic.Pointer[retryNotice])
	m := taskModel{title: "Listing the stores", progress: new(atomic.Pointer[string]), notice: notice, spinner: spinner.New()}
	const wait = "PingOne asked to wait 12 s (rate limited)…"
	notice.Store(&retryNotice{wait, time.Now().Add(time.Minute)})
	if view := m.View(); !strings.Contains(view, wait) || strings.Contains(view, "Listing the stores") || !strings.Contains(view, "Ctrl-C") {
		t.Errorf("the wait is not the spinner's title:\n%s", view)
	}
	notice.Store(&retryNotice{wait, time.Now().Add(-time.Second)})
	if view := m.View(); strings.Contains(view, wait) || !strings.Contains(view, "Listing the stores") {
		t.Errorf("the wait outlived itself:\n%s", view)
	}
}
