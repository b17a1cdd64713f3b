package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestExitStatus: the preview's help, its usage errors and the problems that keep it from starting, each with its
// exit status and message.
func TestExitStatus(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	badSettings := filepath.Join(t.TempDir(), "plansite.yaml")
	if err := os.WriteFile(badSettings, []byte("content: content\nbas-url: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // regexp
		stderr string // regexp
	}{
		{"help", []string{"--help"}, 0, `^Usage: plansite serve(.|\n)*-bind(.|\n)*-drafts\s+show drafts and examples too`, `^$`},
		{"bad flag", []string{"--nope"}, 2, `^$`, `flag provided but not defined: -nope`},
		{"extra argument", []string{"extra"}, 2, `^$`, `oväntat argument "extra"`},
		{"settings with a mistake", []string{"--config", badSettings}, 1, `^$`, `plansite.yaml:2: okänd inställning "bas-url"(.|\n)*Inget byggdes`},
		{"port in use", []string{"--port", port, "--content", "../../content"}, 1, `^$`, `address already in use \(körs en annan server redan\? Prova --port \d+\)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout.String(), stderr.String())
			}
			if !regexp.MustCompile(c.stdout).MatchString(stdout.String()) {
				t.Errorf("stdout %q does not match %q", stdout.String(), c.stdout)
			}
			if !regexp.MustCompile(c.stderr).MatchString(stderr.String()) {
				t.Errorf("stderr %q does not match %q", stderr.String(), c.stderr)
			}
		})
	}
}
