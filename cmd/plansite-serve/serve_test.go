package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run the program itself in a child process, to send it a signal.
func TestMain(m *testing.M) {
	if os.Getenv("PLANSITE_SERVE_TEST_MAIN") == "1" {
		os.Args = append([]string{"plansite-serve"}, strings.Fields(os.Getenv("PLANSITE_SERVE_TEST_ARGS"))...)
		main()
	}
	os.Exit(m.Run())
}

// TestServesUntilInterrupted runs the preview on a free port: it says where, serves the shipped plan there, and
// ends with status 0 on Ctrl-C.
func TestServesUntilInterrupted(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Ctrl-C to send to a child process on Windows")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PLANSITE_SERVE_TEST_MAIN=1", "PLANSITE_SERVE_TEST_ARGS=--port 0 --content ../../content")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewReader(out)
	first, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("%v; stderr: %s", err, stderr.String())
	}
	addr := regexp.MustCompile(`^Webbplatsen visas på (http://127\.0\.0\.1:\d+/) och byggs om när \.\./\.\./content ändras`).FindStringSubmatch(first)
	if addr == nil {
		t.Fatalf("first line %q", first)
	}
	var page string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get(addr[1] + "2020/")
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			page = string(b)
			break
		}
	}
	if !strings.Contains(page, `<html lang="sv">`) || !strings.Contains(page, "Handlingsplan") {
		t.Fatalf("the plan's page is not served: %.300q", page)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(lines)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after Ctrl-C: %v; stderr: %s", err, stderr.String())
	}
	if !strings.HasSuffix(string(rest), "Förhandsvisningen är avslutad.\n") {
		t.Errorf("the last words are not the preview's end: %q", rest)
	}
}
