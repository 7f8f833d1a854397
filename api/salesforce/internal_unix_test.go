//go:build unix

package salesforce

const listSep = ':'
