package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/demo"
)

// TestIndicatorChart checks the charts on /nyckeltal/ against the content: a point and a label for every value
// of every revision (the first revision to report a period keeps it), the target line, and a title and description
// that say the same.
func TestIndicatorChart(t *testing.T) {
	dir := demo.Content(t)
	out, _ := build(t, dir, Options{Drafts: true})
	page := string(readTree(t, out)["nyckeltal/index.html"])
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]float64{}
	targets := map[string]float64{}
	for _, r := range plan.Revisions {
		for _, ind := range r.Indicators {
			if want[ind.ID] == nil {
				want[ind.ID] = map[string]float64{}
			}
			for _, v := range ind.Values {
				if _, ok := want[ind.ID][v.Period]; !ok {
					want[ind.ID][v.Period] = v.Value
				}
			}
			if ind.Target != nil {
				targets[ind.ID] = *ind.Target
			}
		}
	}
	if len(want["webbutbildning"]) != 3 || want["webbutbildning"]["2020"] != 75.9 {
		t.Fatalf("the content's web-training figures: %v", want["webbutbildning"])
	}
	svgs := regexp.MustCompile(`(?s)<svg class="chart".*?</svg>`).FindAllString(page, -1)
	if len(svgs) != len(want) {
		t.Fatalf("%d charts, want %d", len(svgs), len(want))
	}
	for _, svg := range svgs {
		id := regexp.MustCompile(`aria-labelledby="nyckeltal-([a-z]+)-titel`).FindStringSubmatch(svg)[1]
		vals := regexp.MustCompile(`data-values="([^"]*)"`).FindStringSubmatch(svg)[1]
		got := map[string]float64{}
		for _, kv := range strings.Fields(vals) {
			k, v, _ := strings.Cut(kv, "=")
			got[k], _ = strconv.ParseFloat(v, 64)
		}
		if len(got) != len(want[id]) {
			t.Errorf("%s: chart values %v, content %v", id, got, want[id])
		}
		for p, v := range want[id] {
			if got[p] != v {
				t.Errorf("%s %s: chart %v, content %v", id, p, got[p], v)
			}
			label := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) + " %"
			if !strings.Contains(svg, ">"+label+"</text>") || !strings.Contains(svg, p+": "+label+" (") {
				t.Errorf("%s %s: no label or description %q", id, p, label)
			}
		}
		if n := strings.Count(svg, "<circle"); n != len(want[id]) {
			t.Errorf("%s: %d points, want %d", id, n, len(want[id]))
		}
		if _, ok := targets[id]; ok != strings.Contains(svg, `class="chart__target"`) {
			t.Errorf("%s: target line drawn = %v, target in content = %v", id, !ok, ok)
		}
		if !strings.Contains(svg, "<title id=") || !strings.Contains(svg, "<desc id=") {
			t.Errorf("%s: no title or description", id)
		}
	}
	// Each revision shows its own figures.
	if p := string(readTree(t, out)["2020/index.html"]); !strings.Contains(p, "725 av 955") || strings.Contains(p, "890 av 968") {
		t.Error("the 2020 page does not show its own indicators only")
	}
}

func TestBrowserIndicators(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	for _, width := range []int64{1280, 360} {
		tab.Do(chromedp.EmulateViewport(width, 800))
		for _, p := range []string{"/nyckeltal/", "/2021/"} {
			tab.Open(base + p)
			if res := tab.Axe(); len(res.Violations) > 0 {
				t.Errorf("%s at %d px: %v", p, width, res.Violations)
			}
			if width == 360 {
				if sideways := browser.Eval[int](tab, "document.documentElement.scrollWidth - document.documentElement.clientWidth"); sideways > 0 {
					t.Errorf("%s scrolls %d px sideways at 360 px", p, sideways)
				}
			}
		}
	}
	tab.Open(base + "/nyckeltal/")
	name := browser.Eval[string](tab, `(s => s.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' | '))(document.querySelector('svg.chart'))`)
	if !strings.Contains(name, "webbutbildning") || !strings.Contains(name, "2021: 91,9 % (exemplet 2021)") {
		t.Errorf("the chart's text alternative is %q", name)
	}
}

// TestIndicatorsKeepAdoptedFigures: next year's draft gives another figure for a period an adopted plan reported.
// Published, the draft leaves no trace; with drafts, the adopted figure stays, says where it comes from, and the
// draft's figure is shown beside it as a later one.
func TestIndicatorsKeepAdoptedFigures(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	if _, err := content.NewRevision(dir, 2021); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "2021", "plan.md")
	src, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "värde: 75.9", "värde: 10", 1)
	if changed == string(src) {
		t.Fatal("the copied plan has no 75.9 to change")
	}
	if err := os.WriteFile(plan, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	published, _ := build(t, dir, Options{})
	page := string(readTree(t, published)["nyckeltal/index.html"])
	if !strings.Contains(page, "2020: 75,9 % (planen 2020)") || strings.Contains(page, "10 %") || strings.Contains(page, "utkast") {
		t.Error("the published figures are not the adopted plan's alone")
	}
	drafts, _ := build(t, dir, Options{Drafts: true})
	page = string(readTree(t, drafts)["nyckeltal/index.html"])
	if !strings.Contains(page, "2020: 75,9 % (planen 2020)") {
		t.Error("with drafts, the draft's figure replaced the adopted one")
	}
	if !strings.Contains(page, "Senare uppgift: utkastet 2021 anger 10 %") {
		t.Error("with drafts, the draft's other figure is not shown beside the adopted one")
	}
}

// TestBrowserChartLabels: no value's label is drawn over an axis label, on a laptop or a phone.
func TestBrowserChartLabels(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	for _, width := range []int64{1280, 320} {
		tab.Do(chromedp.EmulateViewport(width, 800))
		tab.Open(base + "/nyckeltal/")
		overlaps := browser.Eval[[]string](tab, `(() => {
			const box = e => e.getBoundingClientRect();
			const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			const out = [];
			for (const svg of document.querySelectorAll('svg.chart')) {
				const axis = [...svg.querySelectorAll('.chart__axis, .chart__target-label')].map(box);
				for (const v of svg.querySelectorAll('.chart__value')) {
					if (axis.some(a => hit(box(v), a))) out.push(v.textContent);
				}
			}
			return out;
		})()`)
		if len(overlaps) > 0 {
			t.Errorf("at %d px, value labels over axis labels: %q", width, overlaps)
		}
	}
}
