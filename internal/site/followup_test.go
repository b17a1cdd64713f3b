package site

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/followup"

	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/demo"
)

// TestBrowserFollowUp opens the follow-up overview of the 2021 example and its filtered views in the browser:
// no WCAG violations, counts that agree with the content, and statuses told in words as well as symbols.
func TestBrowserFollowUp(t *testing.T) {
	b := browser.Require(t)
	dir := demo.Content(t)
	base := servedSite(t, dir)
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[content.State]int{}
	for _, r := range plan.Revisions {
		if r.Year != 2021 {
			continue
		}
		for _, a := range r.Activities() {
			if l := a.Latest(); l != nil {
				want[l.State]++
			}
		}
	}
	if want[content.Ongoing] == 0 || want[content.Done] == 0 || want[content.Stopped] == 0 {
		t.Fatalf("the 2021 example should have every kind of status: %v", want)
	}
	tab := b.Tab(t)
	for _, width := range []int64{1280, 360} {
		tab.Do(chromedp.EmulateViewport(width, 800))
		for _, p := range []string{"/2021/uppfoljning/", "/2021/uppfoljning/status/pagar/", "/2021/uppfoljning/ansvarig/1/", "/2020/uppfoljning/"} {
			tab.Open(base + p)
			if res := tab.Axe(); len(res.Violations) > 0 {
				t.Errorf("%s at %d px: %v", p, width, res.Violations)
			}
		}
	}
	tab.Open(base + "/2021/uppfoljning/")
	counts := browser.Eval[[]string](tab, `[...document.querySelectorAll('table.follow-up__counts')[0].querySelectorAll('tbody tr')].map(tr => tr.innerText.replace(/\s+/g, ' ').trim())`)
	for _, s := range content.States {
		label := followup.StatusOf(&content.FollowUp{State: s}).Label
		found := false
		for _, c := range counts {
			if strings.Contains(c, label) && strings.HasSuffix(c, " "+itoa(want[s])) {
				found = true
			}
		}
		if !found {
			t.Errorf("no count %d for %s in %q", want[s], label, counts)
		}
	}
	tab.Open(base + "/2021/uppfoljning/status/pagar/")
	if n := browser.Eval[int](tab, `document.querySelectorAll('table.follow-up__history tbody tr').length`); n != want[content.Ongoing] {
		t.Errorf("the view of ongoing activities has %d rows, want %d", n, want[content.Ongoing])
	}
	if txt := browser.Eval[string](tab, `document.querySelector('table.follow-up__history tbody tr').innerText`); !strings.Contains(txt, "Pågår") {
		t.Errorf("a status is not told in words: %q", txt)
	}
	tab.Open(base + "/2020/uppfoljning/")
	if !strings.Contains(browser.Eval[string](tab, `document.body.innerText`), "Ingen uppföljning är rapporterad") {
		t.Error("2020, without follow-up, does not say so")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
