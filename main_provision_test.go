package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"sfstore/ui"
	"sfstore/ui/provision"
)

func TestProvisionsExitCodesReachTheProcess(t *testing.T) {
	shown := &ui.ShownError{Err: errors.New("shown")}
	for _, tt := range []struct {
		err  error
		want int
	}{
		{&provision.ExitError{Code: provision.ExitTimedOut, Err: shown}, 3},
		{&provision.ExitError{Code: provision.ExitFailed, Err: shown}, 1},
		{shown, 1},
	} {
		if got := exitCode(tt.err, nil, io.Discard); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	for _, args := range [][]string{
		{"provision", "--demo", "--no-input"},
		{"provision", "--demo", "x", "--wait", "-1s"},
		{"provision", "--demo", "x", "--population", "a", "--filter", "b"},
		{"provision", "--demo", "x", "--map", "no-equals"},
		{"provision", "a", "b"},
	} {
		if r := runMain(t, nil, args...); r.code != exitUsage {
			t.Errorf("sfstore %v: exit %d, want %d\n%s", args, r.code, exitUsage, r.errOut)
		}
	}
}

func TestTheDemoProvisionsASyncedUser(t *testing.T) {
	r := runMain(t, nil, "--demo", "provision", "Salesforce production", "--no-input")
	if r.code != 0 || !strings.Contains(r.out, "Provisioning works") {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.out, r.errOut)
	}
}
