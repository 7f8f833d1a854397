package redact

import (
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

// Redact replaces every occurrence of each non-empty secret in s with its
// mask. It is the last line of defence for text that came from outside, such
// as an error message that echoes a submitted value.
func Redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if len(secret) < 4 {
			// Too short to search for without mangling ordinary words.
			continue
		}
		s = strings.ReplaceAll(s, secret, Mask(secret))
	}
	return s
}
