package site

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stockholm/plansite/layouts"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/demo"
	"github.com/stockholm/plansite/internal/history"
	"github.com/stockholm/plansite/internal/plangen"
	"github.com/stockholm/plansite/internal/serve"
)

func TestMain(m *testing.M) {
	code := m.Run()
	browser.CloseShared()
	os.Exit(code)
}

// servedSite builds the content folder and serves the result the way `plansite serve` does.
func servedSite(t *testing.T, contentDir string) string {
	t.Helper()
	out, _ := build(t, contentDir, Options{Drafts: true})
	srv := httptest.NewServer(serve.Handler(out))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestBrowserAccessible opens every page of the demonstration plan (drafts and examples included) and of the minimal
// fixture, at 320 and 1,280 CSS px, in light and dark mode, and checks that axe-core finds no WCAG 2.1 AA violation,
// that nothing scrolls sideways, that no page asks anything of another host, and that the Content-Security-Policy
// blocks nothing. A new kind of page is in this test the day it is built.
func TestBrowserAccessible(t *testing.T) {
	b := browser.Require(t)
	for _, site := range []struct{ name, dir string }{{"demo", demo.Content(t)}, {"minimal", "testdata/minimal"}, {"history", "../history/testdata/plan"}} {
		out, _ := build(t, site.dir, Options{Drafts: true})
		srv := httptest.NewServer(serve.Handler(out))
		t.Cleanup(srv.Close)
		var pages []string
		for p := range readTree(t, out) {
			if strings.HasSuffix(p, ".html") {
				pages = append(pages, "/"+strings.TrimSuffix(p, "index.html"))
			}
		}
		slices.Sort(pages)
		for _, width := range []int64{320, 1280} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s@%d-%s", site.name, width, scheme), func(t *testing.T) {
					tab := b.Tab(t)
					tab.Do(chromedp.EmulateViewport(width, 800))
					tab.ColorScheme(scheme)
					for _, path := range pages {
						tab.Open(srv.URL + path)
						if path == "/" {
							// The start page leads on to the current plan; check the page it lands on, once loaded.
							tab.WaitFor(`location.pathname !== '/' && document.readyState === 'complete' && !!document.documentElement`)
						}
						if bg := browser.Eval[string](tab, "getComputedStyle(document.body).backgroundColor"); (bg == "rgb(18, 18, 18)") != (scheme == "dark") {
							t.Errorf("%s: the page's background is %s in %s mode", path, bg, scheme)
						}
						if lang := browser.Eval[string](tab, "document.documentElement.lang"); lang != "sv" {
							t.Errorf("%s: lang = %q, want sv", path, lang)
						}
						if res := tab.Axe(); len(res.Violations) > 0 || res.Passes == 0 {
							for _, v := range res.Violations {
								t.Errorf("%s: axe-core %s: %s", path, res.Version, v)
							}
						}
						sideways := browser.Eval[int](tab, "document.documentElement.scrollWidth - document.documentElement.clientWidth")
						if sideways > 0 {
							wide := browser.Eval[[]string](tab, `[...document.querySelectorAll('body *')]
								.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
								.slice(0, 5).map(e => e.tagName + '.' + e.className)`)
							t.Errorf("%s: the page scrolls %d px sideways; too wide: %q", path, sideways, wide)
						}
						if blocked := tab.Blocked(); len(blocked) > 0 {
							t.Errorf("%s: the Content-Security-Policy blocked %q", path, blocked)
						}
					}
					if out := tab.Outside(srv.URL); len(out) > 0 {
						t.Errorf("requests outside the site: %q", out)
					}
				})
			}
		}
	}
}

// TestBrowserPolicyBlocks proves that the pages' Content-Security-Policy is in force and that Blocked sees it: a
// page that carries the policy and tries an inline script and an inline style is refused both.
func TestBrowserPolicyBlocks(t *testing.T) {
	b := browser.Require(t)
	dir := t.TempDir()
	page := "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">" + `<meta http-equiv="Content-Security-Policy" content="` +
		layouts.ContentSecurityPolicy + `"><title>t</title></head><body><p style="color:red">x</p><script>document.title = 'ran'</script></body></html>`
	if err := os.WriteFile(dir+"/index.html", []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.Handler(dir))
	t.Cleanup(srv.Close)
	tab := b.Tab(t)
	tab.Open(srv.URL + "/")
	if title := browser.Eval[string](tab, "document.title"); title == "ran" {
		t.Error("an inline script ran")
	}
	blocked := strings.Join(tab.Blocked(), "\n")
	for _, want := range []string{"script-src-elem blocked inline", "style-src-attr blocked inline"} {
		if !strings.Contains(blocked, want) {
			t.Errorf("Blocked() = %q, want %q", blocked, want)
		}
	}
}

// TestBrowserReading follows an employee through the shipped plan by keyboard: the skip link, the table of
// contents, the "Vid oro" link from another page, and the activity tables on a phone.
func TestBrowserReading(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))

	t.Run("start page leads to the current plan", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/")
		tab.WaitFor(`location.pathname === '/2020/' && !!document.querySelector('h1')`)
		if h1 := browser.Eval[string](tab, "document.querySelector('h1').textContent"); !strings.Contains(h1, "2020") {
			t.Errorf("h1 = %q after the start page", h1)
		}
	})

	t.Run("skip link is the first stop and moves focus to the content", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/2020/")
		tab.Do(chromedp.KeyEvent("\t"))
		if got := browser.Eval[string](tab, "document.activeElement.textContent"); got != "Hoppa till huvudinnehållet" {
			t.Fatalf("first Tab stop = %q, want the skip link", got)
		}
		if vis := browser.Eval[bool](tab, "document.activeElement.getBoundingClientRect().top >= 0 && document.activeElement.offsetHeight > 0"); !vis {
			t.Error("the focused skip link is not visible")
		}
		tab.Do(chromedp.KeyEvent("\r"))
		if got := browser.Eval[string](tab, "document.activeElement.id"); got != "huvudinnehall" {
			t.Errorf("focus after the skip link is on %q, want #huvudinnehall", got)
		}
	})

	t.Run("table of contents leads to each section", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/2020/")
		broken := browser.Eval[[]string](tab, `[...document.querySelectorAll('nav.toc a')]
			.filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map(a => a.href)`)
		if len(broken) > 0 {
			t.Errorf("contents links without a target: %q", broken)
		}
		n := browser.Eval[int](tab, "document.querySelectorAll('nav.toc a').length")
		if n < 8+3 {
			t.Errorf("%d links in the table of contents, want every section and table", n)
		}
		tab.Do(chromedp.Click(chromedp.CSS(`nav.toc a[href="#lokal-lagesbild"]`)))
		tab.WaitFor(`(r => r.top >= -1 && r.top <= 100)(document.getElementById('lokal-lagesbild').getBoundingClientRect())`)
		if top := browser.Eval[float64](tab, "document.getElementById('lokal-lagesbild').getBoundingClientRect().top"); top < -1 || top > 100 {
			t.Errorf("after following the contents link, the section is %v px from the top", top)
		}
	})

	t.Run("Vid oro leads from any page to the routine and the contact", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.EmulateViewport(360, 700))
		tab.Open(base + "/tillganglighet/")
		tab.Do(chromedp.Click(chromedp.CSS("a.worry-link")))
		tab.WaitFor(`location.pathname === '/2020/' && location.hash !== '' && document.readyState === 'complete'`)
		// The browser scrolls to the target once the page has loaded; give it the moment it takes.
		tab.WaitFor(`(h => h && h.getBoundingClientRect().top >= -1 && h.getBoundingClientRect().top <= 100)(document.getElementById(decodeURIComponent(location.hash.slice(1))))`)
		id := browser.Eval[string](tab, "location.hash.slice(1)")
		heading := browser.Eval[string](tab, "document.getElementById(location.hash.slice(1)).textContent")
		if !strings.Contains(heading, "Rutin vid oro") {
			t.Errorf("Vid oro leads to #%s %q, want the routine", id, heading)
		}
		contact := browser.Eval[string](tab, "document.getElementById(location.hash.slice(1)).closest('section').querySelector('aside.contact').innerText")
		if !strings.Contains(contact, "VBE-samordnare") {
			t.Errorf("the routine's contact box says %q", contact)
		}
		if top := browser.Eval[float64](tab, "document.getElementById(location.hash.slice(1)).getBoundingClientRect().top"); top < -1 || top > 100 {
			t.Errorf("the routine's heading is %v px from the top after the link", top)
		}
	})

	t.Run("all 24 activity rows are readable on a phone", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.EmulateViewport(360, 700))
		tab.Open(base + "/2020/")
		rows := browser.Eval[int](tab, `[...document.querySelectorAll('table.activities tbody tr[id]')]
			.filter(tr => tr.getBoundingClientRect().height > 0).length`)
		if rows != 24 {
			t.Errorf("%d visible activity rows, want 24", rows)
		}
		// Stacked on a phone: every cell fits the screen and says which column it is.
		cells := browser.Eval[[]string](tab, `[...document.querySelectorAll('table.activities td')]
			.filter(td => td.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
				getComputedStyle(td, '::before').content.indexOf(td.dataset.label) < 0)
			.slice(0, 3).map(td => td.closest('tr').id + ':' + td.dataset.label)`)
		if len(cells) > 0 {
			t.Errorf("cells that overflow or lose their column name at 360 px: %q", cells)
		}
		// The same row, followed by its anchor, is in view.
		tab.Open(base + "/2020/#webbutbildning-alla")
		tab.WaitFor(`(r => r.top >= -1 && r.top <= 100)(document.getElementById('webbutbildning-alla').getBoundingClientRect())`)
		if top := browser.Eval[float64](tab, "document.getElementById('webbutbildning-alla').getBoundingClientRect().top"); top < -1 || top > 100 {
			t.Errorf("row anchor is %v px from the top", top)
		}
	})

	t.Run("prints as a document", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/2020/")
		tab.Media("print")
		hidden := browser.Eval[[]string](tab, `['.site-header', '.site-footer', '.skip-link', '.changes-link']
			.filter(s => document.querySelector(s).getBoundingClientRect().height > 0)`)
		if len(hidden) > 0 {
			t.Errorf("shown when printed: %q", hidden)
		}
		if links := browser.Eval[[]string](tab, `[...document.querySelectorAll('a')].filter(a => a.getBoundingClientRect().height > 0 &&
			/^[^#].*(uppfoljning|\.csv$|jamfor\/)/.test(a.getAttribute('href'))).map(a => a.textContent)`); len(links) > 0 {
			t.Errorf("links to other views are printed: %q", links)
		}
		if rows := browser.Eval[int](tab, "document.querySelectorAll('table.activities tbody tr').length"); rows != 24 {
			t.Errorf("%d rows when printed", rows)
		}
		if th := browser.Eval[string](tab, "getComputedStyle(document.querySelector('table.activities thead')).display"); th != "table-header-group" {
			t.Errorf("table headers display %q when printed, want table-header-group (repeated on each page)", th)
		}
	})

	t.Run("comparison marks changes without colour and prints them", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/jamfor/2020-2021/")
		for _, media := range []string{"", "print"} {
			tab.Media(media)
			if d := browser.Eval[string](tab, "getComputedStyle(document.querySelector('section.diff-section ins')).textDecorationLine"); !strings.Contains(d, "underline") {
				t.Errorf("%s: inserted text has text-decoration %q, want underline", media, d)
			}
			if d := browser.Eval[string](tab, "getComputedStyle(document.querySelector('section.diff-section del')).textDecorationLine"); !strings.Contains(d, "line-through") {
				t.Errorf("%s: deleted text has text-decoration %q, want line-through", media, d)
			}
			if h := browser.Eval[float64](tab, "document.querySelector('nav.summary').getBoundingClientRect().height"); h == 0 {
				t.Errorf("%s: the summary is hidden", media)
			}
		}
		// Words for screen readers are in the accessibility tree, though not seen.
		said := tab.Spoken("section.diff-section del")
		if !strings.HasPrefix(said, "Borttaget: ") || !strings.HasSuffix(said, " (slut på borttaget)") {
			t.Errorf("a screen reader reads a deletion as %q, want 'Borttaget: … (slut på borttaget)'", said)
		}
		for _, pseudo := range []string{"::before", "::after"} {
			if w := browser.Eval[string](tab, "getComputedStyle(document.querySelector('section.diff-section ins'), '"+pseudo+"').width"); w != "1px" {
				t.Errorf("the words a screen reader says at %s of an insertion are %s wide", pseudo, w)
			}
		}
		// An unchanged section opens in one click and shows its whole text, loaded from the newer revision's
		// page, with its links leading where they do there.
		tab.Media("")
		tab.Do(chromedp.Click(chromedp.CSS("#avsnitt-rutin-vid-oro summary")))
		tab.WaitFor("document.querySelector('#avsnitt-rutin-vid-oro .diff-unchanged__body').getBoundingClientRect().height > 200")
		body := browser.Eval[string](tab, "document.querySelector('#avsnitt-rutin-vid-oro .diff-unchanged__body').innerText")
		if len(body) < 500 || strings.Contains(body, "Läs avsnittet") {
			t.Errorf("the opened section reads %.200q", body)
		}
		if href := browser.Eval[string](tab, "document.querySelector('#avsnitt-rutin-vid-oro .diff-unchanged__body a[href*=\"historik\"]').href"); !strings.HasSuffix(href, "/historik/rutin-vid-oro/") {
			t.Errorf("the loaded section's history link leads to %q", href)
		}
		// A changed section counts its unchanged paragraphs instead of showing them, and opens whole, as it reads
		// in the newer revision, in one click.
		skipped := browser.Eval[string](tab, "document.querySelector('#avsnitt-uppdrag .diff-skipped').textContent")
		if !strings.Contains(skipped, "oförändrade stycken visas inte") && !strings.Contains(skipped, "oförändrat stycke visas inte") {
			t.Errorf("the folded paragraphs read %q", skipped)
		}
		// Its summary names the section for a screen reader: a page has one for each changed section.
		title := browser.Eval[string](tab, "document.querySelector('#avsnitt-uppdrag h2').firstChild.textContent.trim()")
		if said := tab.Spoken("#avsnitt-uppdrag details.diff-whole summary"); !strings.HasPrefix(said, "Hela avsnittet som det lyder nu") || title == "" || !strings.Contains(said, title) {
			t.Errorf("a screen reader reads the whole section's summary as %q, without its title %q", said, title)
		}
		tab.Do(chromedp.Click(chromedp.CSS("#avsnitt-uppdrag details.diff-whole summary")))
		tab.WaitFor("document.querySelector('#avsnitt-uppdrag .diff-whole .diff-unchanged__body').innerText.length > 500")
		if n := browser.Eval[int](tab, "document.querySelectorAll('#avsnitt-uppdrag .diff-whole .diff-unchanged__body ins, #avsnitt-uppdrag .diff-whole .diff-unchanged__body h2').length"); n != 0 {
			t.Errorf("the whole section has %d marks or headings of its own page", n)
		}
	})
}

// TestBrowserHistory reads the history of an activity that moved to another table, one that was removed and came
// back, and a section that was renamed, as a reader does: from the row's link on the plan page.
func TestBrowserHistory(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, "../history/testdata/plan")
	tab := b.Tab(t)
	tab.Open(base + "/2022/")
	tab.Do(chromedp.Click(chromedp.CSS(`#nyhetsbrev a[href$="historik/nyhetsbrev/"]`)))
	tab.WaitFor(`location.pathname === '/historik/nyhetsbrev/' && document.readyState === 'complete'`)
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/historik/nyhetsbrev/", []string{"2020: Ny aktivitet", "2021: Borttagen", "2022: Tillbaka i planen"}},
		{"/historik/utbildning/", []string{"2020: Ny aktivitet", "2021: Flyttad från tabellen ”Aktiviteter för uppdraget” till ”Aktiviteter för kompetens”", "2022: Oförändrad"}},
		{"/historik/kompetens/", []string{"2020: Nytt avsnitt", "2021: Oförändrad", "2022: Ändrad"}},
	} {
		path, want := c.path, c.want
		if path != "/historik/nyhetsbrev/" {
			tab.Open(base + path)
		}
		got := browser.Eval[[]string](tab, `[...document.querySelectorAll('.history__entry h2')].map(h => h.textContent)`)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: entries %q, want %q", path, got, want)
		}
	}
	// The renamed section's new words are marked as inserted, for the eye and for a screen reader: the words it
	// says come from the style sheet, and are in the accessibility tree, not on the screen.
	if ins := tab.Spoken(".history__entry--changed ins"); ins != "Tillagt: och kunskap (slut på tillägg)" {
		t.Errorf("a screen reader reads the renamed title's insertion as %q", ins)
	}
	if del := tab.Spoken("main del"); del != "Borttaget: borttagen text (slut på borttaget)" {
		t.Errorf("a screen reader reads a deletion as %q", del)
	}
	if w := browser.Eval[string](tab, `getComputedStyle(document.querySelector('main ins'), '::before').clipPath`); w != "inset(50%)" {
		t.Errorf("the words before an insertion are not hidden from sight: clip-path %q", w)
	}
	// A section's first text is folded, and loaded from its revision's page when opened.
	tab.Open(base + "/historik/kompetens/")
	tab.Do(chromedp.Click(chromedp.CSS(".history__whole summary")))
	tab.WaitFor(`!document.querySelector('.history__whole .diff-unchanged__body').innerText.includes('Läs texten i planen') && document.querySelector('.history__whole .diff-unchanged__body').innerText.trim().length > 20`)
	if h := browser.Eval[int](tab, `document.querySelectorAll('.history__whole .diff-unchanged__body h2').length`); h != 0 {
		t.Errorf("the loaded text brought %d headings of its page along", h)
	}
	tab.Open(base + "/historik/natverk/")
	if rows := browser.Eval[int](tab, `document.querySelectorAll('.history__follow-up tbody tr').length`); rows != 3 {
		t.Errorf("the follow-up table has %d years, want 3", rows)
	}
}

// TestBrowserVersionsKeepPlace: the version switcher keeps the reader's place, or leads to the item's history when
// the other revision does not have it; the comparison form leads to two revisions in either order, and without
// JavaScript the list of pairs does the same.
func TestBrowserVersionsKeepPlace(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	for _, c := range []struct{ id, lands string }{
		{"webbutbildning-alla", "/2021/#webbutbildning-alla"},
		{"arbetsgrupp-bedomningsinstrument", "/historik/arbetsgrupp-bedomningsinstrument/"},
	} {
		tab.Open(base + "/2020/#" + c.id)
		tab.Do(chromedp.Click(chromedp.CSS(".versions summary")))
		tab.Do(chromedp.Click(chromedp.CSS(`.versions a[href$="2021/"]`)))
		tab.WaitFor(`location.pathname + location.hash === '` + c.lands + `' && document.readyState === 'complete'`)
	}

	tab.Open(base + "/jamfor/")
	tab.Do(chromedp.SetValue(chromedp.ID("jamfor-fran"), "2021"), chromedp.SetValue(chromedp.ID("jamfor-till"), "2020"))
	tab.Do(chromedp.Click(chromedp.CSS("#jamfor-form button")))
	tab.WaitFor(`location.pathname === '/jamfor/2020-2021/'`)
	tab.Open(base + "/jamfor/")
	tab.Do(chromedp.SetValue(chromedp.ID("jamfor-fran"), "2021"), chromedp.SetValue(chromedp.ID("jamfor-till"), "2021"))
	tab.Do(chromedp.Click(chromedp.CSS("#jamfor-form button")))
	if msg := browser.Eval[string](tab, `document.getElementById('jamfor-fel').textContent`); msg != "Välj två olika år." {
		t.Errorf("the same year twice says %q", msg)
	}

	nojs := b.Tab(t)
	if _, err := chromedp.Call(nojs.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	nojs.Open(base + "/jamfor/")
	if shown := browser.Eval[bool](nojs, `document.getElementById('jamfor-form').getBoundingClientRect().height > 0`); shown {
		t.Error("without JavaScript, the form that needs it is shown")
	}
	nojs.Do(chromedp.Click(chromedp.CSS(`.pairs a[href="2020-2021/"]`)))
	nojs.WaitFor(`location.pathname === '/jamfor/2020-2021/'`)
}

// TestBrowserHistoryGenerated opens, on a generated plan of eight years, the history of an activity that moved to
// another table, one that was removed, and one that came back, and checks each says so.
func TestBrowserHistoryGenerated(t *testing.T) {
	b := browser.Require(t)
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Options{Revisions: 8, Sections: 12, Activities: 20, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	base := servedSite(t, dir)
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	byID, order := history.OfPlan(plan)
	want := map[string]string{} // a kind → an id that has it
	for _, id := range order {
		for _, e := range byID[id].Entries {
			label := e.Label(byID[id].Activity)
			switch {
			case e.Kind == history.Moved && e.From != nil && want["moved"] == "":
				want["moved"] = id + "|" + label
			case e.Kind == history.Removed && byID[id].Activity && want["removed"] == "":
				want["removed"] = id + "|" + label
			case e.Kind == history.Restored && want["restored"] == "":
				want["restored"] = id + "|" + label
			}
		}
	}
	if len(want) != 3 {
		t.Fatalf("the generated plan lacks a kind of history: %v", want)
	}
	tab := b.Tab(t)
	for kind, v := range want {
		id, label, _ := strings.Cut(v, "|")
		tab.Open(base + "/historik/" + id + "/")
		got := browser.Eval[[]string](tab, `[...document.querySelectorAll('.history__entry h2')].map(h => h.textContent)`)
		if !slices.ContainsFunc(got, func(h string) bool { return strings.HasSuffix(h, ": "+label) }) {
			t.Errorf("%s: /historik/%s/ says %q, not %q", kind, id, got, label)
		}
		if res := tab.Axe(); len(res.Violations) > 0 {
			t.Errorf("%s: %v", kind, res.Violations)
		}
	}
}

// TestBrowserCompareFormWithoutPage: a pair of revisions that has no page of its own (neither consecutive nor with
// the plan in force) is told in the form's alert, with links to the comparisons that exist, and they lead there.
func TestBrowserCompareFormWithoutPage(t *testing.T) {
	b := browser.Require(t)
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Options{Revisions: 5, Sections: 4, Activities: 6, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	home := plan.Current()
	var from, to int // the first pair without a page
	for j, r := range plan.Revisions {
		for i, a := range plan.Revisions[:j] {
			if from == 0 && i+1 != j && a != home && r != home {
				from, to = a.Year, r.Year
			}
		}
	}
	if from == 0 {
		t.Fatal("the generated plan has no pair without a page")
	}
	base := servedSite(t, dir)
	tab := b.Tab(t)
	tab.Open(base + "/jamfor/")
	tab.Do(chromedp.SetValue(chromedp.ID("jamfor-fran"), strconv.Itoa(to)), chromedp.SetValue(chromedp.ID("jamfor-till"), strconv.Itoa(from)))
	tab.Do(chromedp.Click(chromedp.CSS("#jamfor-form button")))
	tab.WaitFor(`document.querySelectorAll('#jamfor-fel a').length > 0`)
	msg := browser.Eval[string](tab, `document.getElementById('jamfor-fel').textContent`)
	if want := fmt.Sprintf("Det finns ingen egen sida för %d–%d", from, to); !strings.HasPrefix(msg, want) || tab.Location() != base+"/jamfor/" {
		t.Errorf("the form says %q at %s, want it to start %q and stay", msg, tab.Location(), want)
	}
	links := browser.Eval[[]string](tab, `[...document.querySelectorAll('#jamfor-fel a')].map(a => a.getAttribute('href'))`)
	for _, want := range []string{fmt.Sprintf("%d-%d/", from, home.Year), fmt.Sprintf("%d-%d/", from, from+1)} {
		if !slices.Contains(links, want) {
			t.Errorf("the alert's links %v lack %s", links, want)
		}
	}
	if a := tab.Axe(); len(a.Violations) > 0 {
		t.Errorf("axe: %v", a.Violations)
	}
	tab.Do(chromedp.Click(chromedp.CSS(`#jamfor-fel a`)))
	tab.WaitFor(`document.readyState === 'complete' && /^\/jamfor\/\d{4}-\d{4}\/$/.test(location.pathname) && document.querySelector('h1').textContent.startsWith('Ändringar från')`)
}
