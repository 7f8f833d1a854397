package salesforce

import (
	"errors"
	"fmt"
	"strings"
)

// Key prefixes of the IDs a Salesforce store takes.
const (
	AccountPrefix = "001" // ACCOUNT_ID
	ProfilePrefix = "00e" // PROFILE_ID (lower-case e; "00E" is a user role)
	OrgPrefix     = "00D" // an organization
	RolePrefix    = "00E" // a user role: what an upper-cased profile prefix becomes
)

// prefixObjects names the objects behind the key prefixes a user is likely
// to paste, so a wrong one can be called by its name.
var prefixObjects = map[string]string{
	AccountPrefix: "an account",
	ProfilePrefix: "a profile",
	RolePrefix:    "a user role",
	OrgPrefix:     "an organization",
	"003":         "a contact",
	"005":         "a user",
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

// CanonicalID returns the form of a Salesforce ID that Salesforce itself
// gives out, and whether that differs from id.
//
// An 18-character ID exists so that tools which lose letter case
// (spreadsheets, case-insensitive lookups) do not lose the ID: its last
// three characters record which of the first fifteen are upper case. So an
// 18-character ID is accepted in any letter case; the case of the first
// fifteen is restored from the checksum, and the checksum is returned in
// upper case. "00E5G000004XQ2BAAC" becomes "00e5g000004Xq2bAAC".
//
// A 15-character ID is case-sensitive and carries nothing to restore it
// from, so it is returned as it is. The error says what was expected; it
// never repeats the input, which may be something pasted by mistake.
func CanonicalID(id string) (canonical string, changed bool, err error) {
	if err := checkIDShape(id); err != nil {
		return "", false, err
	}
	if len(id) == 15 {
		return id, false, nil
	}
	b := []byte(id)
	for chunk := 0; chunk < 3; chunk++ {
		bits := strings.IndexByte(checksumAlphabet, upper(b[15+chunk]))
		if bits < 0 {
			return "", false, fmt.Errorf("character %d of an 18-character Salesforce ID is part of its checksum and must be a letter or a digit 0-5: copy the ID again from Salesforce", 16+chunk)
		}
		for i := 0; i < 5; i++ {
			pos := chunk*5 + i
			isUpper := bits&(1<<i) != 0
			switch c := b[pos]; {
			case c >= '0' && c <= '9':
				if isUpper {
					// The checksum says "upper-case letter" where there is a
					// digit: a character was changed, not just its case.
					return "", false, errors.New("the last three characters of this 18-character Salesforce ID (its checksum) do not fit the first fifteen: a character was mistyped or changed; copy the ID again from Salesforce")
				}
			case isUpper:
				b[pos] = upper(c)
			default:
				b[pos] = lower(c)
			}
		}
		b[15+chunk] = upper(b[15+chunk])
	}
	canonical = string(b)
	return canonical, canonical != id, nil
}

// CheckID checks a Salesforce ID and returns its canonical form (see
// CanonicalID): 15 or 18 letters and digits, a checksum that fits when there
// are 18, and then, on the canonical form, the key prefix (case-sensitive;
// "" skips the check). The prefix is checked after the case is restored so
// that "00E5G000004XQ2BAAC", an upper-cased profile ID, is a profile, while a
// true user role ID is still refused as one.
func CheckID(id, prefix string) (string, error) {
	canonical, _, err := CanonicalID(id)
	if err != nil {
		return "", err
	}
	if prefix == "" || strings.HasPrefix(canonical, prefix) {
		return canonical, nil
	}
	got := canonical[:min(len(prefix), len(canonical))]
	want := "want an ID starting with " + prefix
	if obj, ok := prefixObjects[prefix]; ok {
		want = obj + " ID starts with " + prefix
	}
	msg := fmt.Sprintf("starts with %s; %s", got, want)
	if obj, ok := prefixObjects[got]; ok {
		msg = fmt.Sprintf("this is %s ID (it starts with %s); %s", obj, got, want)
	}
	if len(id) == 15 && strings.EqualFold(got, prefix) {
		// Only the 18-character form could tell a case-mangled ID apart.
		msg += " (a 15-character ID is case-sensitive: if its letter case was changed, use the 18-character ID)"
	}
	return "", errors.New(msg)
}

// ValidID is CheckID without the canonical form: nil when id is a valid
// Salesforce ID with the given key prefix ("" skips the prefix check). An
// 18-character ID is valid in any letter case.
func ValidID(id, prefix string) error {
	_, err := CheckID(id, prefix)
	return err
}

// checkIDShape checks the length and the characters of an ID.
func checkIDShape(id string) error {
	if id == "" {
		return errors.New("a Salesforce ID has 15 or 18 letters and digits; this one is empty")
	}
	for i := 0; i < len(id); i++ {
		if !isAlnum(id[i]) {
			return fmt.Errorf("a Salesforce ID has only letters A-Z, a-z and digits; character %d is something else", i+1)
		}
	}
	if n := len(id); n != 15 && n != 18 {
		return fmt.Errorf("a Salesforce ID has 15 or 18 characters; this one has %d", n)
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}
