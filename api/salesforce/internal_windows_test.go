//go:build windows

package salesforce

const listSep = ';'
