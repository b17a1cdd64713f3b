package preview

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/site"
	"github.com/stockholm/plansite/layouts"
)

func TestMain(m *testing.M) {
	code := m.Run()
	browser.CloseShared()
	os.Exit(code)
}

// TestBrowserLiveReload opens a page in the preview, edits the section file it shows, and expects the open page to
// show the new text without reloading: the page is patched in place, and the reader keeps their place, their focus,
// what they typed and what they opened. A broken file shows its problem over the page, and fixing it clears it.
func TestBrowserLiveReload(t *testing.T) {
	b := browser.Require(t)
	r := startPreview(t)
	// A section long enough for the page to scroll.
	var long strings.Builder
	long.WriteString(r.read("2020/" + section))
	for i := range 40 {
		fmt.Fprintf(&long, "\nStycke %d av den långa rutinen, med några ord till så att raden blir lång.\n", i)
	}
	r.write("2020/"+section, long.String())
	r.next()
	orig := r.read("2020/" + section)

	tab := b.Tab(t)
	tab.Do(chromedp.EmulateViewport(800, 500))
	tab.Open(r.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	browser.Eval[bool](tab, `window.plansiteMark = 'still the same page', true`)
	// The reader has scrolled, opened the list of versions and typed in the search field.
	browser.Eval[bool](tab, `document.querySelector('details.versions').open = true, true`)
	browser.Eval[bool](tab, `document.getElementById('sok-falt').focus(), document.getElementById('sok-falt').value = 'rutin', true`)
	y := browser.Eval[int](tab, `window.scrollTo(0, 700), Math.round(window.scrollY)`)
	if y < 600 {
		t.Fatalf("the page scrolled to %d px only", y)
	}

	r.write("2020/"+section, strings.Replace(orig, "Stycke 39 av", "Stycke 39, nytt i förhandsvisningen, av", 1))
	r.next()
	tab.WaitFor(`document.body.innerText.includes('nytt i förhandsvisningen')`)
	if mark := browser.Eval[string](tab, `String(window.plansiteMark)`); mark != "still the same page" {
		t.Error("the page reloaded to show the edit; it should have been patched in place")
	}
	if got := browser.Eval[int](tab, `Math.round(window.scrollY)`); got != y {
		t.Errorf("the page scrolled from %d px to %d px", y, got)
	}
	if focus := browser.Eval[string](tab, `document.activeElement.id + ' ' + document.activeElement.value`); focus != "sok-falt rutin" {
		t.Errorf("the focus and the typed text are %q, want the search field with %q", focus, "rutin")
	}
	if !browser.Eval[bool](tab, `document.querySelector('details.versions').open`) {
		t.Error("the list of versions the reader opened closed")
	}
	// The page said which version it showed, and got only the sections that changed (internal/serve/same.go).
	sent := browser.Eval[int](tab, `performance.getEntriesByType('resource').filter(e => e.name === location.href).pop().encodedBodySize`)
	whole := browser.Await[int](tab, `fetch(location.href).then(r => r.text()).then(t => new TextEncoder().encode(t).length)`)
	if sent <= 0 || sent >= whole {
		t.Errorf("the patch fetched %d bytes of the page's %d; the unchanged sections should have been left out", sent, whole)
	}
	t.Logf("the patch fetched %d bytes of the page's %d", sent, whole)
	// The patched page is the page the server sends, apart from what the reader did.
	same := browser.Await[bool](tab, `fetch(location.href).then(r => r.text()).then(t => {
		const next = new DOMParser().parseFromString(t, 'text/html');
		return document.querySelector('main').isEqualNode(next.querySelector('main')) && document.title === next.title;
	})`)
	if !same {
		t.Error("the patched page differs from the page the server sends")
	}

	r.write("2020/"+section, "---\nid: rutin\ntitel: Rutin vid oro\nordning: 20\nvid_oro: true\ntabell: Aktiviteter\nfärg: röd\n---\nTrasig.\n")
	r.next()
	tab.WaitFor(`!!document.getElementById('plansite-problems')`)
	if txt := browser.Eval[string](tab, `document.getElementById('plansite-problems').innerText`); !strings.Contains(txt, `okänd nyckel "färg"`) || !strings.Contains(txt, "b.md:7") {
		t.Errorf("the overlay says %q", txt)
	}
	if role := browser.Eval[string](tab, `document.getElementById('plansite-problems').getAttribute('role')`); role != "alert" {
		t.Errorf("role %q, want alert", role)
	}
	if !browser.Eval[bool](tab, `document.body.innerText.includes('nytt i förhandsvisningen')`) {
		t.Error("the last good page is gone behind the overlay")
	}
	if res := tab.Axe(); len(res.Violations) > 0 {
		t.Errorf("the overlay: %v", res.Violations)
	}

	r.write("2020/"+section, orig)
	r.next()
	tab.WaitFor(`!document.getElementById('plansite-problems') && !document.body.innerText.includes('nytt i förhandsvisningen') && document.body.innerText.includes('Stycke 39 av')`)
	if mark := browser.Eval[string](tab, `String(window.plansiteMark)`); mark != "still the same page" {
		t.Error("the page reloaded after the fix; it should have been patched in place")
	}
	if blocked := tab.Blocked(); len(blocked) > 0 {
		t.Errorf("the Content-Security-Policy blocked %q", blocked)
	}
}

// TestBrowserLayoutReload: a change to a layout, or to the site's stylesheet, reloads the open page whole, since a
// patch of the HTML would not bring new styles or scripts.
func TestBrowserLayoutReload(t *testing.T) {
	b := browser.Require(t)
	lay := t.TempDir()
	r := startServer(t, func(content string) *Server {
		return &Server{Site: site.Options{Content: content, Layouts: lay, Drafts: true}}
	})
	tab := b.Tab(t)
	tab.Open(r.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	base, err := fs.ReadFile(layouts.FS(), "baseof.html")
	if err != nil {
		t.Fatal(err)
	}

	// A layout saved with a change that makes no page different reloads nothing: the page keeps its state. The
	// test listens for the build as the page does, and looks a while after it.
	browser.Eval[bool](tab, `window.plansiteMark = 'before the layout was saved', window.plansiteBuilds = [],
		new EventSource('/__plansite/events?page=/2020/').addEventListener('build', function (e) { plansiteBuilds.push(JSON.parse(e.data).build); }), true`)
	tab.WaitFor(`plansiteBuilds.length === 1`)
	r.writeAt(filepath.Join(lay, "baseof.html"), "{{/* the same pages */}}"+string(base))
	if res := r.next(); res.Problems != nil {
		t.Fatal(res.Problems)
	}
	tab.WaitFor(`typeof plansiteBuilds === 'undefined' || plansiteBuilds.length > 1`) // undefined after a reload
	time.Sleep(300 * time.Millisecond)
	if mark := browser.Eval[string](tab, `String(window.plansiteMark)`); mark != "before the layout was saved" {
		t.Errorf("a layout saved without a change to the pages reloaded the page (mark %q)", mark)
	}

	browser.Eval[bool](tab, `window.plansiteMark = 'before the layout changed', true`)
	r.writeAt(filepath.Join(lay, "baseof.html"), strings.Replace(string(base), "<p>{{.Site.Board}}, Stockholms stad</p>", "<p>{{.Site.Board}}, Stockholms stad, ny sidfot</p>", 1))
	if res := r.next(); res.Problems != nil {
		t.Fatal(res.Problems)
	}
	// The mark is gone only if the page reloaded. It is read in the wait: a file written in two steps (emptied,
	// then filled) can make two builds, and so a second reload, while a single read would run into it.
	tab.WaitFor(`document.readyState === 'complete' && document.body.innerText.includes('ny sidfot') && String(window.plansiteMark) === 'undefined'`)

	style, err := fs.ReadFile(layouts.FS(), "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	browser.Eval[bool](tab, `window.plansiteMark = 'before the style changed', true`)
	r.writeAt(filepath.Join(lay, "assets", "style.css"), string(style)+"\n.site-footer { outline: 3px solid rgb(1, 2, 3); }\n")
	if res := r.next(); res.Problems != nil {
		t.Fatal(res.Problems)
	}
	tab.WaitFor(`document.readyState === 'complete' && getComputedStyle(document.querySelector('.site-footer')).outlineColor === 'rgb(1, 2, 3)' && String(window.plansiteMark) === 'undefined'`)
	if blocked := tab.Blocked(); len(blocked) > 0 {
		t.Errorf("the Content-Security-Policy blocked %q", blocked)
	}
}

// TestBrowserWaitingPage: when the first build fails, the page the preview shows in its place lists the problems,
// passes axe-core, and turns into the site by itself once the content is fixed.
func TestBrowserWaitingPage(t *testing.T) {
	b := browser.Require(t)
	r := startPreview(t)
	orig := r.read("2020/" + section)
	r.write("2020/"+section, strings.Replace(orig, "---\n", "---\nokänd: nyckel\n", 1))
	r.next()
	// A new server whose first build fails, over the same broken content.
	w := startFailing(t, r.content)
	tab := b.Tab(t)
	tab.Open(w.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	if txt := browser.Eval[string](tab, `document.querySelector('main').innerText`); !strings.Contains(txt, `okänd nyckel "okänd"`) {
		t.Errorf("the waiting page says %q", txt)
	}
	for _, scheme := range []string{"light", "dark"} {
		tab.ColorScheme(scheme)
		for _, width := range []int64{320, 1280} {
			tab.Do(chromedp.EmulateViewport(width, 800))
			if res := tab.Axe(); len(res.Violations) > 0 || res.Passes == 0 {
				t.Errorf("the waiting page at %d px, %s: %d passes, violations %v", width, scheme, res.Passes, res.Violations)
			}
			if sideways := browser.Eval[int](tab, "document.documentElement.scrollWidth - document.documentElement.clientWidth"); sideways > 0 {
				t.Errorf("the waiting page scrolls %d px sideways at %d px", sideways, width)
			}
		}
	}
	if blocked := tab.Blocked(); len(blocked) > 0 {
		t.Errorf("the Content-Security-Policy blocked %q", blocked)
	}
	r.write("2020/"+section, orig)
	w.next()
	tab.WaitFor(`document.readyState === 'complete' && document.body.innerText.includes('Gör så här.')`)
}

// TestBrowserWarnings: a build that succeeds with warnings shows them over the page, softly (a status, not an
// alert); once hidden, they stay hidden on the next page until they change.
func TestBrowserWarnings(t *testing.T) {
	b := browser.Require(t)
	r := startPreview(t)
	tab := b.Tab(t)
	tab.Open(r.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	r.write("2020/aktiviteter/tvilling.md", "---\nid: tvilling\navsnitt: rutin\nordning: 10\naktivitet: A\nansvarig: B\ntidplan: C\nuppföljning: D\n---\n")
	if res := r.next(); res.Problems != nil {
		t.Fatalf("the build failed: %v", res.Problems)
	}
	tab.WaitFor(`!!document.getElementById('plansite-warnings')`)
	box := `document.getElementById('plansite-warnings')`
	if txt := browser.Eval[string](tab, box+`.innerText`); !strings.Contains(txt, "1 varning") || !strings.Contains(txt, "tvilling.md:2: den här raden och") {
		t.Errorf("the warnings say %q", txt)
	}
	if role := browser.Eval[string](tab, box+`.getAttribute('role')`); role != "status" {
		t.Errorf("role %q, want status", role)
	}
	if res := tab.Axe(); len(res.Violations) > 0 {
		t.Errorf("the warnings: %v", res.Violations)
	}
	if blocked := tab.Blocked(); len(blocked) > 0 {
		t.Errorf("the Content-Security-Policy blocked %q", blocked)
	}
	browser.Eval[bool](tab, box+`.querySelector('button').click(), true`)
	tab.Open(r.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	time.Sleep(300 * time.Millisecond) // the event stream has long answered by then
	if browser.Eval[bool](tab, `!!document.getElementById('plansite-warnings')`) {
		t.Error("hidden warnings came back on the next page")
	}
}
