package salesforce

import (
	"errors"
	"fmt"
	"strings"
)

// Key prefixes of the IDs a Salesforce store takes.
const (
	AccountPrefix = "001" // ACCOUNT_ID
	ProfilePrefix = "00e" // PROFILE_ID (lower-case e; "00E" is a role)
	OrgPrefix     = "00D" // an organization
)

// ValidID checks a Salesforce ID: 15 or 18 letters and digits, starting
// with prefix (case-sensitive; "" skips the check), and for an 18-character
// ID, a checksum that matches the case of the first 15. A checksum that
// does not match means a character or its case was changed, for example by
// a spreadsheet. The checksum letters themselves may be in either case.
func ValidID(id, prefix string) error {
	if id == "" {
		return errors.New("a Salesforce ID has 15 or 18 characters, this one is empty")
	}
	for _, r := range id {
		if r > 0x7f || !isAlnum(byte(r)) {
			return fmt.Errorf("a Salesforce ID has only letters A-Z, a-z and digits, this one has %q", r)
		}
	}
	if n := len(id); n != 15 && n != 18 {
		return fmt.Errorf("a Salesforce ID has 15 or 18 characters, this one has %d", n)
	}
	if prefix != "" && !strings.HasPrefix(id, prefix) {
		if strings.EqualFold(id[:min(len(prefix), len(id))], prefix) {
			return fmt.Errorf("starts with %q, want %q: the prefix is case-sensitive", id[:len(prefix)], prefix)
		}
		return fmt.Errorf("starts with %q, want %q", id[:min(len(prefix), len(id))], prefix)
	}
	if len(id) == 18 {
		want := ID18(id[:15])[15:]
		if !strings.EqualFold(id[15:], want) {
			return fmt.Errorf("the last three characters (the checksum) should be %q: a character or its case was changed; copy the ID again from Salesforce", want)
		}
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// checksumAlphabet maps a 5-bit case mask to one checksum character.
const checksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

// ID18 returns the 18-character, case-insensitive form of a 15-character
// Salesforce ID: for each five-character chunk, bit i is set when character
// i is an upper-case letter A-Z, and the 5-bit value indexes
// checksumAlphabet. Input that is not 15 characters is returned unchanged.
func ID18(id15 string) string {
	if len(id15) != 15 {
		return id15
	}
	suffix := make([]byte, 0, 3)
	for chunk := 0; chunk < 3; chunk++ {
		bits := 0
		for i := 0; i < 5; i++ {
			if c := id15[chunk*5+i]; c >= 'A' && c <= 'Z' {
				bits |= 1 << i
			}
		}
		suffix = append(suffix, checksumAlphabet[bits])
	}
	return id15 + string(suffix)
}
