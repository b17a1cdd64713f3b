package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range map[string]string{
		"index.html":         "<h1>Start</h1>",
		"404.html":           "<h1>Sidan finns inte</h1>",
		"2020/index.html":    "<h1>2020</h1>",
		"assets/style.css":   "body{}",
		"2020/figurer/s.svg": "<svg/>",
	} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A secret beside the site that no request may reach, and links that lead out to it and to /etc.
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "hemlig.txt"), []byte("hemlig"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"etc": "/etc", "ut.txt": "../hemlig.txt"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler(site(t)))
	defer srv.Close()
	cases := []struct {
		path   string
		status int
		ctype  string
		body   string
	}{
		{"/", 200, "text/html; charset=utf-8", "Start"},
		{"/2020/", 200, "text/html; charset=utf-8", "2020"},
		{"/2020/index.html", 200, "text/html; charset=utf-8", "2020"},
		{"/assets/style.css", 200, "text/css; charset=utf-8", "body"},
		{"/2020/figurer/s.svg", 200, "image/svg+xml", "<svg/>"},
		{"/finns-inte/", 404, "text/html; charset=utf-8", "Sidan finns inte"},
		{"/../hemlig.txt", 400, "", ""},
		{"/2020/../../hemlig.txt", 400, "", ""},
		{"/%2e%2e/hemlig.txt", 400, "", ""},
		{"/2020/%2e%2e/%2e%2e/hemlig.txt", 400, "", ""},
		{"/..%2fhemlig.txt", 400, "", ""},
		{"/..%5chemlig.txt", 400, "", ""},
		{"/%00", 400, "", ""},
		{"/etc/passwd", 404, "text/html; charset=utf-8", "Sidan finns inte"},
		{"/etc/", 404, "text/html; charset=utf-8", "Sidan finns inte"},
		{"/ut.txt", 404, "text/html; charset=utf-8", "Sidan finns inte"},
	}
	for _, c := range cases {
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.URL.Opaque = c.path // send the path exactly as written, undecoded by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 512)
		n, _ := resp.Body.Read(body)
		resp.Body.Close()
		if strings.Contains(string(body[:n]), "hemlig") {
			t.Errorf("%s served the file outside the site", c.path)
		}
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.path, resp.StatusCode, c.status)
			continue
		}
		if c.ctype != "" && resp.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, resp.Header.Get("Content-Type"), c.ctype)
		}
		if !strings.Contains(string(body[:n]), c.body) {
			t.Errorf("%s: body %q lacks %q", c.path, body[:n], c.body)
		}
	}
}

func TestRedirectsFolderWithoutSlash(t *testing.T) {
	srv := httptest.NewServer(Handler(site(t)))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + "/2020")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/2020/" {
		t.Errorf("got %d to %q, want 301 to /2020/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	srv := httptest.NewServer(Handler(site(t)))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST got %d", resp.StatusCode)
	}
}

// TestHandlerUnderBase: a site published at /vbe/ is served under /vbe/ in the preview; / leads there, other paths
// get the site's 404 page, and nothing outside the site is reachable.
func TestHandlerUnderBase(t *testing.T) {
	srv := httptest.NewServer(HandlerFS(os.DirFS(site(t)), "vbe"))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	cases := []struct {
		path     string
		status   int
		body     string
		location string
	}{
		{"/", 302, "", "/vbe/"},
		{"/vbe", 302, "", "/vbe/"},
		{"/vbe/", 200, "Start", ""},
		{"/vbe/2020/", 200, "2020", ""},
		{"/vbe/2020", 301, "", "/vbe/2020/"},
		{"/vbe/assets/style.css", 200, "body", ""},
		{"/2020/", 404, "Sidan finns inte", ""},
		{"/vbex/", 404, "Sidan finns inte", ""},
		{"/vbe/finns-inte/", 404, "Sidan finns inte", ""},
		{"/vbe/../hemlig.txt", 400, "", ""},
		{"/vbe/%2e%2e/hemlig.txt", 400, "", ""},
	}
	for _, c := range cases {
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.URL.Opaque = c.path // send the path as written, dots and all
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b := new(strings.Builder)
		_, _ = io.Copy(b, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(b.String(), c.body) || resp.Header.Get("Location") != c.location {
			t.Errorf("%s: %d %q, Location %q; want %d %q, %q", c.path, resp.StatusCode, b.String(), resp.Header.Get("Location"),
				c.status, c.body, c.location)
		}
	}
}
