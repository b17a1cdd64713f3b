package preview

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/site"
)

// startFailing runs a preview of content, whose first build must fail, until the test ends.
func startFailing(t *testing.T, content string) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &running{t: t, content: content, url: "http://" + ln.Addr().String(), results: make(chan Result, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	s := &Server{Site: site.Options{Content: content, Out: filepath.Join(filepath.Dir(content), "public")}, Built: r.results}
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	if res := r.next(); res.Problems == nil {
		t.Fatal("the first build succeeded; the test needs it to fail")
	}
	return r
}

// TestFirstBuildFails: until a build succeeds, the preview serves a page that lists the problems, and nothing from
// disk: not the output folder of an earlier build, nor what links in it lead to. Every answer carries the
// Content-Security-Policy.
func TestFirstBuildFails(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS("../site/testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(content, "2020", section))
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(good), "---\n", "---\nokänd: nyckel\n", 1)
	if err := os.WriteFile(filepath.Join(content, "2020", section), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	// An output folder with what must never be served: a link out of it, and a repository's settings.
	out := filepath.Join(filepath.Dir(content), "public")
	for name, data := range map[string]string{"index.html": "old site", ".git/config": "[remote] secret", "hemlig.txt": "secret"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc", filepath.Join(out, "etc")); err != nil {
		t.Fatal(err)
	}
	r := startFailing(t, content)
	for _, p := range []string{"/", "/index.html", "/hemlig.txt", "/.git/config", "/etc/passwd", "/etc/hostname", "/2020/"} {
		resp, err := http.Get(r.url + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: %d before any good build, want 503", p, resp.StatusCode)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: Content-Security-Policy %q", p, csp)
		}
	}
	_, page := r.get("/2020/")
	for _, want := range []string{`lang="sv"`, "Webbplatsen kunde inte byggas", `okänd nyckel &#34;okänd&#34;`, "/__plansite/live.js"} {
		if !strings.Contains(page, want) {
			t.Errorf("the waiting page does not say %q:\n%s", want, page)
		}
	}
	for _, secret := range []string{"secret", "old site", "root:"} {
		if strings.Contains(page, secret) {
			t.Errorf("the page shows %q from disk", secret)
		}
	}
	if err := os.WriteFile(filepath.Join(content, "2020", section), good, 0o644); err != nil {
		t.Fatal(err)
	}
	if res := r.next(); res.Problems != nil {
		t.Fatalf("the fixed build failed: %v", res.Problems)
	}
	if code, page := r.get("/2020/"); code != 200 || !strings.Contains(page, "Content-Security-Policy") {
		t.Errorf("after the fix: %d", code)
	}
	for _, p := range []string{"/hemlig.txt", "/.git/config", "/etc/passwd"} {
		if code, _ := r.get(p); code != http.StatusNotFound {
			t.Errorf("%s: %d after a good build, want 404", p, code)
		}
	}
}
