package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/plangen"
)

// TestMain lets a test run the program itself in a child process, to send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("PLANSITE_TEST_MAIN") == "1" {
		os.Args = append([]string{"plansite"}, strings.Fields(os.Getenv("PLANSITE_TEST_ARGS"))...)
		main()
	}
	os.Exit(m.Run())
}

// startBuild starts `plansite build` in a child process and returns once the build has begun writing beside out.
func startBuild(t *testing.T, content, out string, stderr io.Writer) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Stderr = stderr
	cmd.Env = append(os.Environ(), "PLANSITE_TEST_MAIN=1", "PLANSITE_TEST_ARGS=build --content "+content+" --out "+out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*")); len(tmp) > 0 {
			return cmd
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the build never started writing")
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// TestInterrupted: a build stopped by a signal removes what it wrote and leaves the published site as it was;
// one killed outright is cleaned up after by the next build.
func TestInterrupted(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if _, err := plangen.Generate(content, plangen.Options{Revisions: 8, Sections: 40, Activities: 60, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, stderr := runCLI("build", "--content", content, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	published, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// beside lists what is beside the output, the output included, apart from the folders a build keeps for the
	// next one, which must hold no file but their list.
	beside := func() []string {
		skel := output.Skeleton(out)
		filepath.WalkDir(skel, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && p != filepath.Join(skel, output.SkeletonList) {
				t.Errorf("the folders kept for the next build hold a file: %s", p)
			}
			return nil
		})
		entries, _ := os.ReadDir(parent)
		var names []string
		for _, e := range entries {
			if filepath.Join(parent, e.Name()) != skel {
				names = append(names, e.Name())
			}
		}
		return names
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			var stderr strings.Builder
			cmd := startBuild(t, content, out, &stderr)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Skipf("the build ended before the signal (%v); nothing to check", err)
			}
			if !strings.Contains(stderr.String(), "Bygget avbröts. "+out+"/ är oförändrad.") {
				t.Errorf("stderr %q", stderr.String())
			}
			if names := beside(); len(names) != 1 {
				t.Errorf("beside the output after %v: %v, want only public", sig, names)
			}
			if now, _ := os.ReadFile(filepath.Join(out, "index.html")); string(now) != string(published) {
				t.Error("the published site changed")
			}
		})
	}
	t.Run("kill -9, then a build", func(t *testing.T) {
		cmd := startBuild(t, content, out, nil)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		if names := beside(); len(names) < 2 {
			t.Fatalf("kill -9 left nothing to clean up (%v): the test proves nothing", names)
		}
		if code, _, stderr := runCLI("build", "--content", content, "--out", out); code != 0 {
			t.Fatal(stderr)
		}
		if names := beside(); len(names) != 1 {
			t.Errorf("beside the output after the next build: %v, want only public", names)
		}
	})
}
