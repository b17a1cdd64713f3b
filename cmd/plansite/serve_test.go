package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestServeWithoutPreview: with plansite-serve neither beside plansite nor on PATH, plansite serve says what to
// run instead and fails.
func TestServeWithoutPreview(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	code, stdout, stderr := runCLI("serve", "--port", "1313")
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{"plansite-serve", "make serve", "go run ./cmd/plansite-serve", "go install ./cmd/plansite ./cmd/plansite-serve"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not say %q", stderr, want)
		}
	}
}

// TestServeHandsOver builds both programs into one folder, as go install does, and runs plansite serve: the
// preview's own help and exit status come back, from beside plansite or from PATH.
func TestServeHandsOver(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command, which runs this test, is not on PATH:", err)
	}
	bin := t.TempDir()
	build := exec.Command(goTool, "build", "-o", bin+string(filepath.Separator), ".", "../plansite-serve")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	plansite := filepath.Join(bin, "plansite")
	cases := []struct {
		name   string
		args   []string
		path   string // PATH, and plansite-serve is moved there when it is not bin
		code   int
		stdout string
		stderr string
	}{
		{"help from beside", []string{"serve", "--help"}, "", 0, `^Usage: plansite serve(.|\n)*-bind`, `^$`},
		{"usage error from beside", []string{"serve", "--port", "tolv"}, "", 2, `^$`, `invalid value "tolv" for flag -port`},
		{"help from PATH", []string{"serve", "-h"}, "elsewhere", 0, `^Usage: plansite serve(.|\n)*-bind`, `^$`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := os.Environ()
			if c.path != "" {
				dir := filepath.Join(t.TempDir(), c.path)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				from, to := filepath.Join(bin, "plansite-serve"), filepath.Join(dir, "plansite-serve")
				if err := os.Rename(from, to); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Rename(to, from) })
				env = append(env, "PATH="+dir)
			}
			cmd := exec.Command(plansite, c.args...)
			cmd.Env = env
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout.String(), stderr.String())
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
