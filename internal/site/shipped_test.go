package site

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestShippedPlan builds the shipped content and checks that the whole 2020 plan is on its page: every section in
// the plan's order, all 24 activity rows in their three tables, the footnotes, the figure and the links.
func TestShippedPlan(t *testing.T) {
	out, stats := build(t, "../../content", Options{})
	if stats.Revisions < 1 {
		t.Fatalf("stats = %+v", stats)
	}
	files := readTree(t, out)
	page := string(files["2020/index.html"])
	if page == "" {
		t.Fatal("2020/index.html was not built")
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}

	// Sections, in the plan's order.
	wantSections := []string{
		"Inledning och syfte",
		"Ansvar och samverkan",
		"Rutin vid oro/händelse rörande våldsbejakande extremism",
		"Lokal lägesbild",
		"Socialnämndens uppdrag och åtgärder kopplat till VBE",
		"Föreningsbidrag och upplåtande av lokaler",
		"Kompetenshöjande insatser inom förvaltningen",
		"Uppföljning",
	}
	var h2 []string
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "section") }) {
		if h := first(n, func(n *html.Node) bool { return n.Data == "h2" }); h != nil {
			h2 = append(h2, text(h))
		}
	}
	if strings.Join(h2, "\n") != strings.Join(wantSections, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(h2, "\n"), strings.Join(wantSections, "\n"))
	}

	// Subsections the plan has.
	var h3 []string
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "h3" }) {
		h3 = append(h3, text(n))
	}
	for _, want := range []string{"Ansvar", "Samverkan", "Blankett för avidentifierad information", "Kartläggning",
		"Resultat från förvaltningens enkät", "Analys", "Samordnare", "VBE-team", "Avhopparverksamhet",
		"Stöd till anhöriga", "Förebyggande arbete", "Förhindrande verksamhet"} {
		if !contains(h3, want) {
			t.Errorf("no subsection %q among %q", want, h3)
		}
	}

	// The three activity tables with 13, 3 and 8 rows: 24 in all, each row with an id and four cells.
	tables := findAll(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "activities") })
	wantTables := []struct {
		caption string
		rows    int
	}{
		{"Aktiviteter för Socialnämnden", 13},
		{"Aktiviteter föreningsbidrag och upplåtande av lokaler eller öppna rum", 3},
		{"Kompetenshöjande aktiviteter", 8},
	}
	if len(tables) != len(wantTables) {
		t.Fatalf("%d activity tables, want 3", len(tables))
	}
	ids := map[string]bool{}
	for i, tb := range tables {
		if c := text(first(tb, func(n *html.Node) bool { return n.Data == "caption" })); c != wantTables[i].caption {
			t.Errorf("table %d caption %q, want %q", i+1, c, wantTables[i].caption)
		}
		var cols []string
		for _, th := range findAll(tb, func(n *html.Node) bool { return n.Data == "th" }) {
			if attr(th, "scope") != "col" {
				t.Errorf("table %d: <th> %q without scope=col", i+1, text(th))
			}
			cols = append(cols, text(th))
		}
		if strings.Join(cols, ",") != "Aktivitet,Ansvarig,Tidplan,Uppföljning" {
			t.Errorf("table %d columns %v", i+1, cols)
		}
		rows := findAll(tb, func(n *html.Node) bool { return n.Data == "tr" && attr(n, "id") != "" })
		if len(rows) != wantTables[i].rows {
			t.Errorf("table %q has %d rows, want %d", wantTables[i].caption, len(rows), wantTables[i].rows)
		}
		for _, r := range rows {
			ids[attr(r, "id")] = true
			cells := findAll(r, func(n *html.Node) bool { return n.Data == "td" })
			if len(cells) != 4 {
				t.Errorf("row %s has %d cells", attr(r, "id"), len(cells))
				continue
			}
			for j, c := range cells {
				if strings.TrimSpace(text(c)) == "" {
					t.Errorf("row %s: cell %d is empty", attr(r, "id"), j+1)
				}
			}
		}
	}
	if len(ids) != 24 {
		t.Errorf("%d distinct activity rows, want 24", len(ids))
	}

	// Facts from the seed that the rewording must keep.
	plain := text(doc)
	for _, fact := range []string{"3.1.1-212/2020", "725", "955", "51", "46", "2020/2021", "Ds 2014:4", "155-943/2015",
		"tertialrapport 1 2021", "19", "29", "(2001:453)", "(1990:52)", "(1964:167)", "Bops", "SIG", "Nordic Safe Cities",
		"Förstärkningsteamet", "Jobbtorg Hässelby", "Skärholmen", "EÅV", "Utredare OF"} {
		if !strings.Contains(plain, fact) {
			t.Errorf("the page lacks %q", fact)
		}
	}
	for _, code := range []string{"VP, VB, T1 och T2", "VB, T1 och T2"} {
		if !strings.Contains(plain, code) {
			t.Errorf("no row is followed up in %q", code)
		}
	}

	// Three source footnotes, the figure with its text alternative, the intranet links.
	if n := len(findAll(doc, func(n *html.Node) bool { return n.Data == "li" && strings.Contains(attr(n, "id"), "fn:") })); n != 3 {
		t.Errorf("%d footnotes, want 3", n)
	}
	imgs := findAll(doc, func(n *html.Node) bool { return n.Data == "img" })
	if len(imgs) != 1 || !strings.HasSuffix(attr(imgs[0], "src"), "preventionstjarnan.svg") || len(attr(imgs[0], "alt")) < 40 {
		t.Errorf("the prevention star figure is missing or its text alternative is too short: %v", imgs)
	}
	if files["2020/figurer/preventionstjarnan.svg"] == nil {
		t.Error("the figure file was not published")
	}
	for _, href := range []string{"https://intranat.stockholm.se/Sidor/2017/1/Valdsbejakande-extremism/",
		"https://samarbete.stockholm.se/sites/plattformsocialtjanst/SitePages/Overgripande_Trygghet-o-Sakerhet.aspx"} {
		if !strings.Contains(page, `href="`+href+`"`) {
			t.Errorf("no link to %s", href)
		}
	}

	// The routine for when you are worried, with the coordinator's contact, one click from every page.
	worry := first(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "section--worry") })
	if worry == nil || first(worry, func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "contact") }) == nil {
		t.Fatal("no routine section with the coordinator's contact")
	}
	worryID := attr(first(worry, func(n *html.Node) bool { return n.Data == "h2" }), "id")
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		m := regexp.MustCompile(`<a class="worry-link" href="([^"]+)"`).FindStringSubmatch(string(data))
		if m == nil || !strings.HasSuffix(m[1], "#"+worryID) {
			t.Errorf("%s: the Vid oro link %v does not lead to #%s", p, m, worryID)
		}
		if !strings.Contains(string(data), `href="`) || !strings.Contains(string(data), `tillganglighet/">Tillgänglighetsredogörelse</a>`) {
			t.Errorf("%s: no link to the accessibility statement in the footer", p)
		}
		if regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(stripContentLinks(string(data))) {
			t.Errorf("%s loads something from outside the site", p)
		}
	}
}

// stripContentLinks removes <a href> links, which are the plan's references, not requests the page makes.
func stripContentLinks(s string) string {
	return regexp.MustCompile(`<a [^>]*href="[^"]*"`).ReplaceAllString(s, "<a")
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return out
}

func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
