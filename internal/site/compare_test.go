package site

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/demo"
	"github.com/stockholm/plansite/internal/plangen"
	"golang.org/x/net/html"
)

// TestShippedComparison checks the comparison of the shipped 2020 plan with the 2021 example end to end: every
// kind of change the example makes is in the summary with a working link, marked in the text, and the sections
// that did not change are folded away.
func TestShippedComparison(t *testing.T) {
	out, _ := build(t, demo.Content(t), Options{Drafts: true})
	files := readTree(t, out)
	page := string(files["jamfor/2020-2021/index.html"])
	if page == "" {
		t.Fatal("jamfor/2020-2021/index.html was not built")
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range findAll(doc, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		ids[attr(n, "id")] = true
	}
	// The summary: each group with the items the example changes, each linking to an element on the page.
	summary := first(doc, func(n *html.Node) bool { return n.Data == "nav" && hasClass(n, "summary") })
	if summary == nil {
		t.Fatal("no summary")
	}
	sumText := text(summary)
	for _, want := range []string{
		"Uppgifter om planen (7)", "Diarienummer", "Inledande text",
		"Nya avsnitt (1)", "Erfarenheter från 2020",
		"Borttagna avsnitt (1)", "Uppföljning",
		"Avsnitt med nytt namn (1)", "tidigare ”Kompetenshöjande insatser inom förvaltningen”",
		"Nya aktiviteter (3)", "Borttagna aktiviteter (3)", "Flyttade aktiviteter (1)", "Ändrade aktiviteter (15)",
	} {
		if !strings.Contains(sumText, want) {
			t.Errorf("summary lacks %q:\n%s", want, sumText)
		}
	}
	for _, a := range findAll(summary, func(n *html.Node) bool { return n.Data == "a" }) {
		if href := attr(a, "href"); !strings.HasPrefix(href, "#") || !ids[href[1:]] {
			t.Errorf("summary link %q leads nowhere on the page", href)
		}
	}
	// Rows by id: added, removed, moved, changed.
	for id, label := range map[string]string{
		"aktivitet-nyhetsbrev-vbe":                 "Ny aktivitet",
		"aktivitet-workshop-hasselby-bromma":       "Borttagen aktivitet",
		"aktivitet-information-arbetsplatstraffar": "Flyttad från tabellen ”Aktiviteter för Socialnämnden”",
		"aktivitet-workshop-skarholmen-globen":     "Ändrad aktivitet",
	} {
		row := first(doc, func(n *html.Node) bool { return attr(n, "id") == id })
		if row == nil || !strings.Contains(text(row), label) {
			t.Errorf("row %s: want %q", id, label)
		}
	}
	// Word by word: the figures in the web-training sentence, marked, with words for screen readers.
	if !strings.Contains(page, `<del>725</del><ins>890`) {
		t.Error("the web-training figure 725 → 890 is not marked word by word")
	}
	// Unchanged sections are folded, each a link to its text on the newer revision's page, not the text itself.
	folded := findAll(doc, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "diff-unchanged") })
	var foldedIDs []string
	for _, d := range folded {
		foldedIDs = append(foldedIDs, attr(d, "id"))
	}
	if strings.Join(foldedIDs, " ") != "avsnitt-ansvar-och-samverkan avsnitt-rutin-vid-oro" {
		t.Errorf("folded sections %q, want the two unchanged ones", foldedIDs)
	}
	for _, d := range folded {
		id := strings.TrimPrefix(attr(d, "id"), "avsnitt-")
		link := first(d, func(n *html.Node) bool { return n.Data == "a" })
		if attr(d, "data-src") != "../../2021/#"+id || link == nil || attr(link, "href") != "../../2021/#"+id {
			t.Errorf("folded section %s leads to %q and %v", id, attr(d, "data-src"), link)
		}
		if len(text(d)) > 200 {
			t.Errorf("folded section %s carries %d characters of text; the page should carry only what changed", id, len(text(d)))
		}
	}
	// The legend, the banner for the example, and links to both revisions.
	for _, want := range []string{"Teckenförklaring", "Revideringen 2021 är ett exempel", `href="../../2020/"`, `href="../../2021/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// The revision pages lead here, and the example says what it is.
	if !strings.Contains(string(files["2021/index.html"]), `<a href="../jamfor/2020-2021/">Ändringar sedan 2020</a>`) {
		t.Error("2021 does not link to the changes since 2020")
	}
	for _, p := range []string{"2020/index.html", "2021/index.html", "jamfor/index.html", "index.html"} {
		if !strings.Contains(string(files[p]), `href="`) || !strings.Contains(string(files[p]), `class="versions"`) {
			t.Errorf("%s has no version switcher", p)
		}
	}
}

// TestIdenticalComparison: a revision compared with an unchanged copy says there are no changes.
func TestIdenticalComparison(t *testing.T) {
	dir := copyDir(t, "testdata/minimal")
	for p, b := range readTree(t, "testdata/minimal/2020") {
		data := string(b)
		if p == "plan.md" {
			data = strings.Replace(data, "år: 2020", "år: 2021", 1)
		}
		full := filepath.Join(dir, "2021", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, full, data)
	}
	out, _ := build(t, dir, Options{})
	files := readTree(t, out)
	page := string(files["jamfor/2020-2021/index.html"])
	if !strings.Contains(page, "Inga ändringar.") || strings.Count(page, "<ins>")+strings.Count(page, "<del>") != 2 /* the legend's */ {
		t.Errorf("an identical copy does not give 'Inga ändringar':\n%s", page)
	}
	// 2021 is adopted too, so 2020 is now an older revision: it says so, and leads to the same places in 2021 and to
	// what changed since.
	old := string(files["2020/index.html"])
	for _, want := range []string{"<strong>Äldre version:</strong>", `<a href="../2021/">Gå till den gällande planen (2021)</a>`,
		`<a href="../2021/#inledning">Samma avsnitt i den gällande planen</a>`, `href="../2021/#rutin">Vid oro</a>`,
		`<a href="../jamfor/2020-2021/">se vad som har ändrats sedan 2020</a>`} {
		if !strings.Contains(old, want) {
			t.Errorf("2020/index.html lacks %s", want)
		}
	}
	if cur := string(files["2021/index.html"]); strings.Contains(cur, "Äldre version") || !strings.Contains(cur, `aria-current="page">2021</a> <span class="versions__status">(gällande)</span>`) {
		t.Error("2021 is not shown as the current revision in its own version switcher")
	}
	if idx := string(files["index.html"]); !strings.Contains(idx, `url=2021/`) {
		t.Error("the start page does not lead to 2021")
	}
}

// TestComparisonPagesGrowLinearly: a page for each revision and the one before it, and for each revision and the
// plan in force; no other pair has one, and the index lists exactly those, year by year and against the plan in
// force.
func TestComparisonPagesGrowLinearly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Options{Revisions: 6, Sections: 4, Activities: 6, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	home := plan.Current()
	out, _ := build(t, dir, Options{Drafts: true})
	files := readTree(t, out)
	var want, got []string
	for j, b := range plan.Revisions {
		for _, a := range plan.Revisions[:j] {
			if a.Year == b.Year-1 && plan.Revisions[j-1] == a || a == home || b == home {
				want = append(want, fmt.Sprintf("%d-%d", a.Year, b.Year))
			}
		}
	}
	for p := range files {
		if pair, ok := strings.CutSuffix(strings.TrimPrefix(p, "jamfor/"), "/index.html"); ok && strings.HasPrefix(p, "jamfor/") && pair != p {
			got = append(got, pair)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(got) > 2*(len(plan.Revisions)-1) {
		t.Errorf("comparison pages %v, want %v", got, want)
	}
	index := string(files["jamfor/index.html"])
	for _, p := range want {
		if !strings.Contains(index, `href="`+p+`/"`) || !strings.Contains(index, p) {
			t.Errorf("the index does not list %s", p)
		}
	}
	if !strings.Contains(index, fmt.Sprintf("Mot den gällande planen, %d", home.Year)) {
		t.Error("the index has no list of comparisons with the plan in force")
	}
}
