package salesforce

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// openSystemBrowser opens url the way the user's system does: $BROWSER
// when set, else xdg-open, open or rundll32. It only starts the program and
// does not wait for it, because a browser started from a terminal may run
// until it is closed.
func openSystemBrowser(url string) error {
	if b := os.Getenv("BROWSER"); b != "" {
		return openWithBrowserEnv(b, url)
	}
	switch runtime.GOOS {
	case "darwin":
		return startDetached("open", url)
	case "windows":
		return startDetached("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		return startDetached("xdg-open", url)
	}
}

// openWithBrowserEnv follows the $BROWSER convention: a list of commands
// separated like PATH, tried in order; "%s" in a command stands for the
// URL, otherwise the URL is its last argument. A command that is a program
// path as a whole (spaces and all) is run as is.
func openWithBrowserEnv(env, url string) error {
	var errs []error
	for _, cmd := range filepath.SplitList(env) {
		cmd = strings.TrimSpace(cmd)
		if cmd == "" {
			continue
		}
		var argv []string
		switch {
		case strings.Contains(cmd, "%s"):
			for _, f := range strings.Fields(cmd) {
				argv = append(argv, strings.ReplaceAll(f, "%s", url))
			}
		case isProgram(cmd):
			argv = []string{cmd, url}
		default:
			argv = append(strings.Fields(cmd), url)
		}
		err := startDetached(argv[0], argv[1:]...)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return errors.New("BROWSER names no command")
	}
	return errors.Join(errs...)
}

func isProgram(path string) bool {
	_, err := exec.LookPath(path)
	return err == nil
}

// startDetached starts a program with no terminal I/O (its stdin, stdout
// and stderr are the null device, so it cannot draw over the wizard) and
// reaps it in the background.
func startDetached(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
