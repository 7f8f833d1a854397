package redact

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaskPrefix is what stands in for the hidden part of a secret.
const MaskPrefix = "••••"

// minRevealLength is the shortest secret whose last four characters are
// shown. Revealing four characters of a short secret would give away most of
// it, so shorter secrets are masked whole.
const minRevealLength = 12

// Mask hides a secret: "••••" followed by its last four characters, or
// "••••" alone when the secret is short. An empty secret stays empty, so the
// review can show that nothing was given.
func Mask(secret string) string {
	if secret == "" {
		return ""
	}
	n := utf8.RuneCountInString(secret)
	if n < minRevealLength {
		return MaskPrefix
	}
	runes := []rune(secret)
	return MaskPrefix + string(runes[n-4:])
}

// AppendMask appends Mask(string(secret)) to dst without building the
// string: list --json masks three secrets of every store.
func AppendMask(dst, secret []byte) []byte {
	if !utf8.Valid(secret) {
		return append(dst, Mask(string(secret))...)
	}
	n := utf8.RuneCount(secret)
	switch {
	case n == 0:
		return dst
	case n < minRevealLength:
		return append(dst, MaskPrefix...)
	}
	tail := len(secret)
	for range 4 {
		_, size := utf8.DecodeLastRune(secret[:tail])
		tail -= size
	}
	return append(append(dst, MaskPrefix...), secret[tail:]...)
}

// Redact replaces every occurrence of each non-empty secret in s with its
// mask. It is the last line of defence for text that came from outside, such
// as an error message that echoes a submitted value.
//
// Secrets shorter than 4 bytes are left alone, since searching for them
// would mangle ordinary words, and so are secrets holding "•", such as the
// placeholder "Bearer ••••" of a dry run: a mask cannot hide them. For every
// other secret that is valid UTF-8 and does
// not contain the mask character "•", the result never contains the secret,
// even when occurrences overlap, touch each other or another secret, or when
// a revealed tail and the text after it would spell a secret again.
func Redact(s string, secrets ...string) string {
	runs := occurrences(s, secrets)
	if len(runs) == 0 {
		return s
	}
	out := rebuild(s, runs, true)
	if leaks(out, secrets) {
		// A revealed tail completed a secret (a periodic secret, or a short
		// secret that ends a long one): hide every run whole instead. With
		// nothing but "••••" between untouched stretches, no secret free of
		// "•" can span them.
		out = rebuild(s, runs, false)
	}
	return out
}

// Occurs reports whether b holds a secret Redact would mask: when it does
// not, Redact(string(b), secrets...) is b as it is, and a writer can pass
// b on without copying it.
func Occurs(b []byte, secrets ...string) bool {
	for _, sec := range secrets {
		if searchable(sec) && bytes.Contains(b, []byte(sec)) {
			return true
		}
	}
	return false
}

// run is a stretch of s covered by overlapping occurrences of secrets; tail
// is the secret whose occurrence ends the stretch.
type run struct {
	start, end int
	tail       string
}

// occurrences finds every occurrence, overlapping ones included, of each
// secret long enough to search for, and merges overlapping ones into runs,
// in order. Occurrences that merely touch stay separate runs, so "SS" reads
// as two masks, as it always has.
func occurrences(s string, secrets []string) []run {
	var found []run
	for _, sec := range secrets {
		if !searchable(sec) {
			continue
		}
		for i := 0; i <= len(s)-len(sec); {
			j := strings.Index(s[i:], sec)
			if j < 0 {
				break
			}
			found = append(found, run{start: i + j, end: i + j + len(sec), tail: sec})
			i += j + 1
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Slice(found, func(a, b int) bool {
		if found[a].start != found[b].start {
			return found[a].start < found[b].start
		}
		return found[a].end > found[b].end
	})
	runs := []run{found[0]}
	for _, f := range found[1:] {
		last := &runs[len(runs)-1]
		switch {
		case f.start >= last.end: // disjoint or touching
			runs = append(runs, f)
		case f.end > last.end:
			last.end, last.tail = f.end, f.tail
		}
	}
	return runs
}

// rebuild replaces each run of s with a mask: the Mask of the secret that
// ends it when reveal is set (so a lone secret reads as it always has), or
// MaskPrefix alone.
func rebuild(s string, runs []run, reveal bool) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := 0
	for _, r := range runs {
		b.WriteString(s[prev:r.start])
		if reveal {
			b.WriteString(Mask(r.tail))
		} else {
			b.WriteString(MaskPrefix)
		}
		prev = r.end
	}
	b.WriteString(s[prev:])
	return b.String()
}

// searchable reports whether Redact looks for sec.
func searchable(sec string) bool {
	return len(sec) >= 4 && !strings.Contains(sec, maskRune)
}

// maskRune is the character masks are made of.
const maskRune = "•"

// leaks reports whether s still holds a secret Redact searches for.
func leaks(s string, secrets []string) bool {
	for _, sec := range secrets {
		if searchable(sec) && strings.Contains(s, sec) {
			return true
		}
	}
	return false
}
