package cards

import (
	"fmt"
	"time"
)

// ago says how long before now PingOne's ISO-8601 time s was, as a person
// reading a status would: "4 minutes ago", "2 days ago". Older than a month,
// in the future, or unreadable, it is the date instead (formatTime), since
// a relative time would then mislead more than help.
func ago(s string, now time.Time) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	d := now.Sub(t)
	switch {
	case d < 0 || d >= 31*24*time.Hour:
		return formatTime(s)
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day") + " ago"
}

// plural is "1 day" or "3 days".
func plural(n int, unit string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
