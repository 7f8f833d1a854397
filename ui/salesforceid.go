package ui

import "strings"

const idChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

// salesforceIDChecksum computes the three-character suffix that turns a
// 15-character, case-sensitive Salesforce ID into its 18-character form: for
// each five-character chunk, bit i is set when character i is an upper-case
// letter, and the five bits index idChecksumAlphabet.
func salesforceIDChecksum(id15 string) string {
	var b strings.Builder
	for chunk := 0; chunk < 3; chunk++ {
		bits := 0
		for i := 0; i < 5; i++ {
			c := id15[chunk*5+i]
			if c >= 'A' && c <= 'Z' {
				bits |= 1 << i
			}
		}
		b.WriteByte(idChecksumAlphabet[bits])
	}
	return b.String()
}

func isAlphanumeric(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
