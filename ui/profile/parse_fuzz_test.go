package profile

import (
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse feeds Parse what a hand-edited config file may hold. Whatever
// the bytes, Parse returns a config or a *FileError, never panics; a
// config it accepts is written back as sfstore writes it and read again
// to the same config, so a rewrite never changes a connection.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`default = "acme"

[profiles.acme]
description = "Acme production"
region = "EU"
worker-environment-id = "5c3b0a7e-1f2d-4c3b-9a8e-7d6c5b4a3f21"
worker-client-id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
environment-id = "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5"
`))
	f.Add([]byte("[profiles.lab]\napi-url = \"http://127.0.0.1:8080\"\nauth-url = \"http://localhost:9000\"\nauth = \"token\"\n"))
	f.Add([]byte("[profiles.x]\nworker-client-secret = \"s3cret\"\n"))
	f.Add([]byte("[profiles.\"a b\"]\nregion = 7\n"))
	f.Add([]byte("default = \"missing\"\n[profiles]\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, FileName)
		c, err := Parse(path, raw)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("Parse error %T, want *FileError: %v", err, err)
			}
			return
		}
		if err := write(path, c); err != nil {
			t.Fatalf("write an accepted config: %v", err)
		}
		again, err := Load(path)
		if err != nil {
			t.Fatalf("a config sfstore wrote does not read back: %v", err)
		}
		if !reflect.DeepEqual(c, again) {
			t.Fatalf("rewritten config differs:\nfirst  %+v\nagain  %+v", c, again)
		}
	})
}
