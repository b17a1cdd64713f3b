package browser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	CloseShared()
	os.Exit(code)
}

func page(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

// TestAxeBites proves the accessibility check finds a known fault, so that a pass elsewhere means something.
func TestAxeBites(t *testing.T) {
	b := Require(t)
	srv := httptest.NewServer(page(`<!DOCTYPE html><html lang="sv"><head><title>Kontroll</title></head>
<body><main><h1>Kontroll</h1><img src="/bild.png"></main></body></html>`))
	defer srv.Close()
	tab := b.Tab(t)
	tab.Open(srv.URL)
	res := tab.Axe()
	var ids []string
	for _, v := range res.Violations {
		ids = append(ids, v.ID)
	}
	if !strings.Contains(strings.Join(ids, " "), "image-alt") {
		t.Errorf("axe-core %s found %v on an image without alt, want image-alt", res.Version, ids)
	}
}

// TestAxeClean checks that a well-formed page gives no violations and some passes.
func TestAxeClean(t *testing.T) {
	b := Require(t)
	srv := httptest.NewServer(page(`<!DOCTYPE html><html lang="sv"><head><title>Ren</title></head>
<body><main><h1>Ren sida</h1><p>Text.</p></main></body></html>`))
	defer srv.Close()
	tab := b.Tab(t)
	tab.Open(srv.URL)
	if res := tab.Axe(); len(res.Violations) > 0 {
		t.Errorf("violations on a clean page: %v", res.Violations)
	}
}

// TestOutsideRequests checks that a request to another host is recorded even though it cannot succeed.
func TestOutsideRequests(t *testing.T) {
	b := Require(t)
	srv := httptest.NewServer(page(`<!DOCTYPE html><html lang="sv"><head><title>Extern</title>
<link rel="stylesheet" href="https://fonts.example.com/font.css"></head><body><p>x</p></body></html>`))
	defer srv.Close()
	tab := b.Tab(t)
	tab.Open(srv.URL)
	out := tab.Outside(srv.URL)
	if len(out) != 1 || !strings.HasPrefix(out[0], "https://fonts.example.com/") {
		t.Errorf("requests outside the site = %q, want the font stylesheet", out)
	}
}
