package site

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/serve"
)

// marker is a word that only the draft holds, in every place a draft can put words: its title, a section, a new
// activity row with a follow-up status, and an indicator's figure and source.
const marker = "Qwzblarg"

// draftPlan is the shipped plan with next year's draft started by plansite new, the marker written into it.
func draftPlan(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	if _, err := content.NewRevision(dir, 2021); err != nil {
		t.Fatal(err)
	}
	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(dir, "2021", filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s has no %q", rel, old)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("plan.md", "titel: Socialnämndens handlingsplan", "titel: "+marker+" Socialnämndens handlingsplan")
	edit("plan.md", "        källa: Lägesbildsenkäten i handlingsplanen 2020\n", "        källa: Lägesbildsenkäten i handlingsplanen 2020\n"+
		"      - period: \"2021\"\n        värde: 12.34\n        källa: "+marker+"-enkäten\n")
	edit("avsnitt/10-inledning.md", "\n---\n", "\n---\nEtt nytt stycke om "+marker+" i utkastet.\n\n")
	row := "---\nid: ny-" + strings.ToLower(marker) + "\navsnitt: uppdrag\nordning: 999\naktivitet: Ett nytt " + marker + "-projekt.\n" +
		"ansvarig: " + marker + "-gruppen\ntidplan: Under 2021\nuppföljning: T1\nstatus:\n  T1: pågår – " + marker + " har börjat.\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "2021", "aktiviteter", "999-ny.md"), []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPublishedHoldsNoDraft builds the shipped plan with a draft beside it. Without --drafts, no file of the site
// holds a word of the draft, and no page drawn in Chromium shows one or links to the draft's year; with --drafts,
// the draft is there (so the test can fail).
func TestPublishedHoldsNoDraft(t *testing.T) {
	dir := draftPlan(t)
	lower := []byte(strings.ToLower(marker))
	drafts, _ := build(t, dir, Options{Drafts: true})
	found := 0
	for _, data := range readTree(t, drafts) {
		if bytes.Contains(bytes.ToLower(data), lower) {
			found++
		}
	}
	if found < 4 {
		t.Fatalf("with --drafts, only %d files hold the draft's marker; the test proves nothing", found)
	}
	published, stats := build(t, dir, Options{})
	if stats.Revisions != 1 {
		t.Errorf("published %d revisions, want the adopted one", stats.Revisions)
	}
	files := readTree(t, published)
	var pages []string
	for p, data := range files {
		if bytes.Contains(bytes.ToLower(data), lower) {
			t.Errorf("%s holds the draft's marker", p)
		}
		if strings.HasPrefix(p, "2021/") || strings.Contains(p, "2020-2021") {
			t.Errorf("%s: a file of the draft's year", p)
		}
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)

	b := browser.Require(t)
	srv := httptest.NewServer(serve.Handler(published))
	t.Cleanup(srv.Close)
	tab := b.Tab(t)
	for _, p := range pages {
		tab.Open(srv.URL + "/" + strings.TrimSuffix(p, "index.html"))
		if p == "index.html" {
			// The start page leads on to the plan in force; check the page it lands on, once loaded.
			tab.WaitFor(`location.pathname !== '/' && document.readyState === 'complete' && !!document.documentElement`)
		}
		tab.WaitFor(`document.readyState === 'complete' && !!document.documentElement`)
		text := browser.Eval[string](tab, `document.documentElement.innerText + ' ' + [...document.querySelectorAll('a[href]')].map(a => a.href).join(' ')`)
		if strings.Contains(strings.ToLower(text), strings.ToLower(marker)) {
			t.Errorf("%s shows the draft's marker", p)
		}
		if strings.Contains(text, "/2021/") || strings.Contains(text, "2020-2021") {
			t.Errorf("%s links to the draft's year", p)
		}
	}
	if len(pages) < 5 {
		t.Errorf("crawled only %d pages", len(pages))
	}
	// Searching every year for the marker finds nothing; with drafts, it finds the draft.
	for _, c := range []struct {
		site string
		some bool
	}{{published, false}, {drafts, true}} {
		srv := httptest.NewServer(serve.Handler(c.site))
		t.Cleanup(srv.Close)
		hits := searchPage(t, tab, srv.URL+"/sok/?q="+marker+"&omfang=alla")
		if (len(hits) > 0) != c.some {
			t.Errorf("searching all years of %s for the marker finds %q", filepath.Base(filepath.Dir(c.site)), hits)
		}
	}
}
