package api

// Eight bytes at a time: the strings of a store (links, domains, IDs) are
// mostly plain ASCII, so stringValue and plainJSON step over a word at
// once while none of its bytes is one they must look at, and go byte by
// byte only where one is. The tests are the classic bit tricks for "a byte
// below n" and "a byte equal to c" (no false negatives; a false positive
// only costs the byte-by-byte step).

const (
	wordOnes = 0x0101010101010101
	wordHigh = 0x8080808080808080
)

// load64 is the 8 bytes of s from i, little-endian; the compiler makes it
// one load.
func load64[T string | []byte](s T, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// wordHas reports whether a byte of w is c.
func wordHas(w uint64, c byte) bool {
	x := w ^ (wordOnes * uint64(c))
	return (x-wordOnes)&^x&wordHigh != 0
}

// wordBelow reports whether a byte of w is below n (n at most 0x80).
func wordBelow(w uint64, n byte) bool {
	return (w-wordOnes*uint64(n))&^w&wordHigh != 0
}

// stringWord reports whether a byte of w is one a JSON string's reader
// must look at: its end, an escape, a control character or part of a
// multi-byte character.
func stringWord(w uint64) bool {
	return w&wordHigh != 0 || wordBelow(w, 0x20) || wordHas(w, '"') || wordHas(w, '\\')
}

// marshalWord is stringWord for json.Marshal's writing of a string, which
// also escapes '<', '>' and '&'.
func marshalWord(w uint64) bool {
	return stringWord(w) || wordHas(w, '<') || wordHas(w, '>') || wordHas(w, '&')
}
