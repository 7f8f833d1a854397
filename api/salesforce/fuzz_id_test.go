package salesforce_test

import (
	"strings"
	"testing"

	"sfstore/api/salesforce"
)

// idFixedText is every message CanonicalID can give, for inputs of a few
// shapes: an input that is part of it is not echoed, just coincident.
var idFixedText = func() string {
	var b strings.Builder
	for _, in := range []string{"", "x", "!", "00e5g000004Xq2bAA9", "00e5g000004Xq2bBAC", "0123456789abcdefghij"} {
		if _, _, err := salesforce.CanonicalID(in); err != nil {
			b.WriteString(err.Error() + "\n")
		}
	}
	return b.String()
}()

func FuzzCanonicalID(f *testing.F) {
	for _, id := range id18Vectors {
		f.Add(id)
		f.Add(strings.ToUpper(id))
		f.Add(strings.ToLower(id))
	}
	for _, s := range []string{"00E5G000004XQ2BAAC", "00e5g000004Xq2b", "00e5g000004Xq2bAAD", "0015g00000N8xQzAA9", "", "00D5g000004XyZ1!AQsecret", "ÄÖÜ00e5g000004Xq2b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, changed, err := salesforce.CanonicalID(s)
		if err != nil {
			if got != "" || changed {
				t.Fatalf("CanonicalID(%q) = %q, %v with error %v", s, got, changed, err)
			}
			if len(s) >= 6 && strings.Contains(err.Error(), s) && !strings.Contains(idFixedText, s) {
				t.Fatalf("CanonicalID(%q) repeats its input: %v", s, err)
			}
			return
		}
		if !strings.EqualFold(got, s) || changed != (got != s) {
			t.Fatalf("CanonicalID(%q) = %q, changed %v: more than the case changed, or changed is wrong", s, got, changed)
		}
		switch len(got) {
		case 15:
			if got != s {
				t.Fatalf("CanonicalID(%q) = %q: a 15-character ID must be kept as it is", s, got)
			}
		case 18:
			if got != salesforce.ID18(got[:15]) {
				t.Fatalf("CanonicalID(%q) = %q, whose checksum does not fit", s, got)
			}
			for _, v := range []string{strings.ToUpper(s), strings.ToLower(s), got} {
				if again, _, err := salesforce.CanonicalID(v); err != nil || again != got {
					t.Fatalf("CanonicalID(%q) = %q, %v; want %q like %q", v, again, err, got, s)
				}
			}
		default:
			t.Fatalf("CanonicalID(%q) = %q: neither 15 nor 18 characters", s, got)
		}
	})
}

// id15From turns any bytes into a valid 15-character ID.
func id15From(raw []byte) string {
	const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := make([]byte, 15)
	for i := range b {
		c := byte(i * 7) // padding for short input
		if i < len(raw) {
			c = raw[i]
		}
		b[i] = alnum[int(c)%len(alnum)]
	}
	return string(b)
}

// flipCase changes the case of letter i of id when bit i of flips is set.
func flipCase(id string, flips uint32) string {
	b := []byte(id)
	for i := range b {
		if flips&(1<<i) == 0 {
			continue
		}
		switch c := b[i]; {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c >= 'A' && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

func FuzzCanonicalIDRoundTrip(f *testing.F) {
	for id15 := range id18Vectors {
		f.Add([]byte(id15), uint32(0))
		f.Add([]byte(id15), uint32(0x3ffff))
		f.Add([]byte(id15), uint32(0x15555))
	}
	f.Add([]byte{}, uint32(1))
	f.Fuzz(func(t *testing.T, raw []byte, flips uint32) {
		x := id15From(raw)
		id := salesforce.ID18(x)
		if len(id) != 18 || id[:15] != x {
			t.Fatalf("ID18(%q) = %q", x, id)
		}
		for _, v := range []string{id, flipCase(id, flips), strings.ToUpper(id), strings.ToLower(id)} {
			got, changed, err := salesforce.CanonicalID(v)
			if err != nil || got != id || changed != (v != id) {
				t.Fatalf("CanonicalID(%q) = %q, %v, %v; want %q (from %q)", v, got, changed, err, id, x)
			}
		}
		if got, changed, err := salesforce.CanonicalID(x); err != nil || got != x || changed {
			t.Fatalf("CanonicalID(%q) = %q, %v, %v; want it unchanged", x, got, changed, err)
		}
	})
}
