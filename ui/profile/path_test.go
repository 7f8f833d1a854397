package profile

import (
	"path/filepath"
	"testing"
)

func TestConfigDirFollowsEachSystem(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"XDG_CONFIG_HOME": "/x/config", "HOME": "/home/u"}, "/x/config"},
		{"linux", map[string]string{"HOME": "/home/u"}, filepath.Join("/home/u", ".config")},
		{"freebsd", map[string]string{"HOME": "/home/u"}, filepath.Join("/home/u", ".config")},
		{"darwin", map[string]string{"HOME": "/Users/u", "XDG_CONFIG_HOME": "/ignored"}, filepath.Join("/Users/u", "Library", "Application Support")},
		{"windows", map[string]string{"AppData": `C:\Users\u\AppData\Roaming`}, `C:\Users\u\AppData\Roaming`},
	}
	for _, tc := range cases {
		got, err := configDir(tc.goos, env(tc.env))
		if err != nil || got != tc.want {
			t.Errorf("%s %v: %q, %v; want %q", tc.goos, tc.env, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		goos string
		env  map[string]string
	}{
		{"linux", nil}, {"linux", map[string]string{"XDG_CONFIG_HOME": "relative"}}, {"darwin", nil}, {"windows", nil},
	} {
		if got, err := configDir(tc.goos, env(tc.env)); err == nil {
			t.Errorf("%s %v: %q, want an error", tc.goos, tc.env, got)
		}
	}
}
