package cards

import (
	"fmt"
	"time"
)

// formatTime shows PingOne's ISO-8601 time in UTC without the milliseconds;
// anything it cannot parse is shown as it came.
func formatTime(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return fmt.Sprint(t.UTC().Format("2006-01-02 15:04:05 UTC"))
}

// YesNo is a switch in words, as the cards and the review show it.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
