package profile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/gofrs/flock"
)

// FileName is the config file's name in DirName.
const (
	DirName  = "sfstore"
	FileName = "config.toml"
)

// DefaultPath is the config file in the user's config directory, found
// as os.UserConfigDir finds it but in the environment getenv reads, so a
// run's environment (a test's, too) decides: $XDG_CONFIG_HOME or
// ~/.config on Linux and the BSDs, ~/Library/Application Support on
// macOS, %AppData% on Windows.
func DefaultPath(getenv func(string) string) (string, error) {
	dir, err := configDir(runtime.GOOS, getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DirName, FileName), nil
}

func configDir(goos string, getenv func(string) string) (string, error) {
	var dir string
	switch goos {
	case "windows":
		if dir = getenv("AppData"); dir == "" {
			return "", errors.New("no config directory: %AppData% is not set")
		}
	case "darwin", "ios":
		if dir = getenv("HOME"); dir == "" {
			return "", errors.New("no config directory: $HOME is not set")
		}
		dir = filepath.Join(dir, "Library", "Application Support")
	default:
		dir = getenv("XDG_CONFIG_HOME")
		if dir == "" {
			if dir = getenv("HOME"); dir == "" {
				return "", errors.New("no config directory: neither $XDG_CONFIG_HOME nor $HOME is set")
			}
			dir = filepath.Join(dir, ".config")
		} else if !filepath.IsAbs(dir) {
			return "", errors.New("no config directory: $XDG_CONFIG_HOME is relative")
		}
	}
	return dir, nil
}

// FileError is a config file that cannot be used, with the line at fault
// when one is known (0 when not).
type FileError struct {
	Path string
	Line int
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, line %d: %s (fix or remove the file; sfstore changed nothing)", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s (fix or remove the file; sfstore changed nothing)", e.Path, e.Msg)
}

// Load reads the config file; a missing one is an empty config.
func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{Profiles: map[string]Profile{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the profiles: %w", err)
	}
	return Parse(path, raw)
}

// Parse decodes a config file's text; path is only for messages. Keys it
// does not know, secrets among them, are refused rather than ignored: a
// typo would otherwise silently change which organisation is used.
func Parse(path string, raw []byte) (*Config, error) {
	var c Config
	md, err := toml.NewDecoder(bytes.NewReader(raw)).Decode(&c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{Path: path, Line: pe.Position.Line, Msg: pe.Message}
		}
		// Type mismatches (a number where text belongs) carry no position.
		return nil, &FileError{Path: path, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		k := extra[0]
		msg := fmt.Sprintf("unknown key %q", k.String())
		if looksSecret(k[len(k)-1]) {
			msg += ": secrets are never kept in this file; sfstore keeps the worker secret in the OS keyring"
		}
		return nil, &FileError{Path: path, Line: lineOf(raw, k), Msg: msg}
	}
	if c.Profiles == nil {
		c.Profiles = map[string]Profile{}
	}
	for _, name := range c.Names() {
		if err := CheckName(name); err != nil {
			return nil, &FileError{Path: path, Line: lineOf(raw, toml.Key{"profiles", name}), Msg: fmt.Sprintf("profile %q: %v", name, err)}
		}
		if probs := c.Profiles[name].problems(); len(probs) > 0 {
			key := strings.SplitN(probs[0], ":", 2)[0]
			return nil, &FileError{Path: path, Line: lineOf(raw, toml.Key{"profiles", name, key}),
				Msg: fmt.Sprintf("profile %q: %s", name, strings.Join(probs, "; "))}
		}
	}
	if c.Default != "" {
		if _, err := c.Lookup(c.Default); err != nil {
			return nil, &FileError{Path: path, Line: lineOf(raw, toml.Key{"default"}), Msg: "default: " + err.Error()}
		}
	}
	return &c, nil
}

func looksSecret(key string) bool {
	k := strings.ToLower(key)
	return strings.Contains(k, "secret") || strings.Contains(k, "token") || strings.Contains(k, "password")
}

// lineOf finds, best effort, the line that sets key: the TOML library
// gives positions only for syntax errors. It looks for the key's table
// header, then for the key's own line below it; 0 when not found.
func lineOf(raw []byte, key toml.Key) int {
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		if h := strings.TrimSpace(l); strings.HasPrefix(h, "[") && headerIs(h, key) {
			return i + 1
		}
	}
	table, last := key[:len(key)-1], key[len(key)-1]
	start := 0
	if len(table) > 0 {
		start = -1
		for i, l := range lines {
			if h := strings.TrimSpace(l); strings.HasPrefix(h, "[") && headerIs(h, table) {
				start = i + 1
				break
			}
		}
		if start < 0 {
			return 0
		}
	}
	for i := start; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if i > start && strings.HasPrefix(l, "[") && len(table) > 0 {
			break
		}
		if headerIs(l, key) {
			return i + 1
		}
		if k, _, ok := strings.Cut(l, "="); ok && unquote(strings.TrimSpace(k)) == last {
			return i + 1
		}
	}
	return 0
}

func headerIs(line string, key toml.Key) bool {
	h := strings.TrimSpace(strings.Trim(strings.SplitN(line, "#", 2)[0], " \t[]"))
	parts := strings.Split(h, ".")
	if len(parts) != len(key) {
		return false
	}
	for i, p := range parts {
		if unquote(strings.TrimSpace(p)) != key[i] {
			return false
		}
	}
	return true
}

func unquote(s string) string { return strings.Trim(s, `"'`) }

// lockWait bounds how long a writer waits for another sfstore's write.
const lockWait = 10 * time.Second

// Update changes the config file under its lock: it reads the file as it
// is now, lets change edit it, and writes the result atomically, so two
// sfstores updating at once both keep their change. A file that cannot be
// parsed is left as it is.
func Update(ctx context.Context, path string, change func(*Config) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create the config directory: %w", err)
	}
	lock := flock.New(path + ".lock")
	wait, cancel := context.WithTimeout(ctx, lockWait)
	defer cancel()
	ok, err := lock.TryLockContext(wait, 5*time.Millisecond)
	if !ok || err != nil {
		if err == nil || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("another sfstore has held %s.lock for %s; try again", path, lockWait)
		}
		return fmt.Errorf("lock the profiles: %w", err)
	}
	defer lock.Unlock() //nolint:errcheck // closing the file releases it anyway
	c, err := Load(path)
	if err != nil {
		return err
	}
	if err := change(c); err != nil {
		return err
	}
	return write(path, c)
}

const header = `# sfstore's saved connections (sfstore profile add / list / show / remove).
# Secrets are never kept here: the worker secret lives in the OS keyring.
# sfstore rewrites this file when a profile is added or removed, so
# comments added by hand are not kept.

`

// write replaces path with c atomically: a temp file in the same
// directory, readable only by the user, synced, then renamed over it.
func write(path string, c *Config) error {
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("encode the profiles: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+FileName+"-*")
	if err != nil {
		return fmt.Errorf("write the profiles: %w", err)
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file 0600 whatever the umask; the rename gives
	// the config file that mode even if it had a wider one.
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the profiles: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write the profiles: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write the profiles: %w", err)
	}
	if err := rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		done = true
		return fmt.Errorf("write the profiles: %w", err)
	}
	done = true
	return nil
}

// rename replaces path, trying again for a moment: on Windows a rename
// over a file that another sfstore is reading (readers take no lock)
// fails until that reader closes it.
func rename(from, to string) error {
	var err error
	for delay := 5 * time.Millisecond; delay < time.Second; delay *= 2 {
		if err = os.Rename(from, to); err == nil {
			return nil
		}
		time.Sleep(delay)
	}
	return err
}
