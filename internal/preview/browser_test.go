package preview

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
)

func TestMain(m *testing.M) {
	code := m.Run()
	browser.CloseShared()
	os.Exit(code)
}

// TestBrowserLiveReload opens a page in the preview, edits the section file it shows, and expects the open page to
// reload with the new text; a broken file shows its problem over the page, and fixing it clears it.
func TestBrowserLiveReload(t *testing.T) {
	b := browser.Require(t)
	r := startPreview(t)
	orig := r.read("2020/" + section)
	tab := b.Tab(t)
	tab.Open(r.url + "/2020/")
	tab.WaitFor(`document.readyState === 'complete'`)
	browser.Eval[bool](tab, `window.plansiteMark = 'still the same page', true`)

	r.write("2020/"+section, strings.Replace(orig, "Gör så här.", "Gör så här, nytt i förhandsvisningen.", 1))
	r.next()
	tab.WaitFor(`document.body.innerText.includes('nytt i förhandsvisningen')`)
	if mark := browser.Eval[string](tab, `String(window.plansiteMark)`); mark != "undefined" {
		t.Error("the text changed without a reload")
	}

	r.write("2020/"+section, "---\nid: rutin\ntitel: Rutin vid oro\nordning: 20\nvid_oro: true\ntabell: Aktiviteter\nfärg: röd\n---\nTrasig.\n")
	r.next()
	tab.WaitFor(`!!document.getElementById('plansite-problems')`)
	if txt := browser.Eval[string](tab, `document.getElementById('plansite-problems').innerText`); !strings.Contains(txt, `okänd nyckel "färg"`) || !strings.Contains(txt, "b.md:7") {
		t.Errorf("the overlay says %q", txt)
	}
	if !browser.Eval[bool](tab, `document.body.innerText.includes('nytt i förhandsvisningen')`) {
		t.Error("the last good page is gone behind the overlay")
	}
	if res := tab.Axe(); len(res.Violations) > 0 {
		t.Errorf("the overlay: %v", res.Violations)
	}

	r.write("2020/"+section, orig)
	r.next()
	tab.WaitFor(`!document.getElementById('plansite-problems') && document.readyState === 'complete' && !document.body.innerText.includes('nytt i förhandsvisningen')`)
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
