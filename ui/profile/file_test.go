package profile_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"sfstore/ui/profile"
)

const (
	envID    = "5c3b0a7e-1f2d-4c3b-9a8e-7d6c5b4a3f21"
	clientID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
)

func acme() profile.Profile {
	return profile.Profile{Description: "Acme production", Region: "EU", WorkerEnvironmentID: envID, WorkerClientID: clientID}
}

func TestUpdateWritesAFileLoadReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sfstore", profile.FileName)
	err := profile.Update(context.Background(), path, func(c *profile.Config) error {
		c.Profiles["acme"] = acme()
		c.Default = "acme"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Lookup("acme"); got != acme() || c.Default != "acme" {
		t.Fatalf("read back %+v, default %q", got, c.Default)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "[profiles.acme]") || !strings.Contains(string(raw), `worker-client-id = "`+clientID+`"`) {
		t.Fatalf("the file does not read like the flags:\n%s", raw)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".config.toml-*"))
	if len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

func TestAMissingFileIsNoProfiles(t *testing.T) {
	c, err := profile.Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || len(c.Names()) != 0 {
		t.Fatalf("Load = %+v, %v", c, err)
	}
}

func TestAnUnknownProfileListsTheOthers(t *testing.T) {
	c := &profile.Config{Profiles: map[string]profile.Profile{"acme": acme(), "globex": acme()}}
	_, err := c.Lookup("acem")
	var ue *profile.UnknownError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "acme, globex") {
		t.Fatalf("err = %v", err)
	}
}

func TestAMalformedFileNamesTheLineAndIsNotOverwritten(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"syntax", "default = \"acme\"\n\n[profiles.acme]\nregion = \"EU\nworker-client-id = \"x\"\n", 4, "line 4"},
		{"unknown key", "[profiles.acme]\nregion = \"EU\"\nregoin = \"NA\"\n", 3, `unknown key "profiles.acme.regoin"`},
		{"a secret", "[profiles.acme]\nregion = \"EU\"\nworker-client-secret = \"s3cret-SENTINEL\"\n", 3, "never kept in this file"},
		{"bad value", "[profiles.acme]\nregion = \"EU\"\nworker-environment-id = \"not-a-uuid\"\n", 3, "worker-environment-id"},
		{"bad region", "[profiles.acme]\nregion = \"MARS\"\n", 2, "region"},
		{"plain http off loopback", "[profiles.acme]\napi-url = \"http://api.example.com\"\n", 2, "api-url"},
		{"wrong type", "[profiles.acme]\nregion = 3\n", 0, "region"},
		{"bad name", "[profiles.\"a b\"]\nregion = \"EU\"\n", 1, "profile name"},
		{"unknown default", "default = \"nope\"\n[profiles.acme]\nregion = \"EU\"\n", 1, `no profile "nope"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), profile.FileName)
			if err := os.WriteFile(path, []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := profile.Load(path)
			var fe *profile.FileError
			if !errors.As(err, &fe) || fe.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load: %v (line %d), want line %d and %q", err, lineOf(fe), tc.line, tc.want)
			}
			if strings.Contains(err.Error(), "s3cret-SENTINEL") {
				t.Fatalf("the error repeats the secret: %v", err)
			}
			err = profile.Update(context.Background(), path, func(c *profile.Config) error {
				t.Fatal("change called on a malformed file")
				return nil
			})
			if !errors.As(err, &fe) {
				t.Fatalf("Update: %v", err)
			}
			if raw, _ := os.ReadFile(path); string(raw) != tc.text {
				t.Fatalf("the file changed:\n%s", raw)
			}
		})
	}
}

func lineOf(fe *profile.FileError) int {
	if fe == nil {
		return -1
	}
	return fe.Line
}

func TestAFailedChangeWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), profile.FileName)
	boom := errors.New("boom")
	err := profile.Update(context.Background(), path, func(c *profile.Config) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a file was written: %v", err)
	}
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"acme", "acme-prod", "a.b_c", "9"} {
		if err := profile.CheckName(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "-x", "a b", "a/b", "é", "x\x1b[31m", strings.Repeat("a", 64)} {
		if profile.CheckName(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestTheREADMEsExampleFileIsValid reads the config file the README shows.
func TestTheREADMEsExampleFileIsValid(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Profiles")
	if !ok {
		t.Fatal("README.md has no Profiles section")
	}
	_, block, ok := strings.Cut(section, "```toml\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok {
		t.Fatal("the Profiles section shows no config file")
	}
	c, err := profile.Parse("README.md", []byte(block))
	if err != nil {
		t.Fatal(err)
	}
	if p, err := c.Lookup("acme"); err != nil || c.Default != "acme" || p.Region != "EU" {
		t.Fatalf("read %+v", c)
	}
}
