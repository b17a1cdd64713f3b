package importer

import (
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/site"
)

// seedFile is the text extracted from the 2020 plan's PDF, kept outside the repository.
var seedFile = filepath.Join("..", "..", "..", "shared", "seeds", "000_ada4bad51082de5c.txt")

// The 2020 plan's text export imports to its structure, and builds to a page that holds its sentences word for
// word.
func TestImportSeed(t *testing.T) {
	if _, err := os.Stat(filepath.Dir(seedFile)); err != nil {
		t.Skip("the seeds are not here:", err)
	}
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Skip("the 2020 seed is not here:", err)
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	res, err := Import(seedFile, Options{Content: dir, Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.Summary())
	// The export has 25 headings: the table of contents' own, three that caption activity tables, and 21 that
	// are the plan's sections (9) and their subheadings (12).
	if res.Headings != 21 || res.Sections != 9 {
		t.Errorf("%d headings in %d sections, want 21 in 9", res.Headings, res.Sections)
	}
	if res.Activities != 24 || res.ActivityTables != 3 || res.Footnotes != 3 || res.Figures != 1 || len(res.Lost) != 0 {
		t.Errorf("summary %q, want 24 activities in 3 tables, 3 footnotes, 1 figure, nothing lost", res.Summary())
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatalf("the imported content does not load: %v", err)
	}
	rev := plan.Revisions[0]
	var rows []int
	var figureSection *content.Section
	for _, s := range rev.Sections {
		if len(s.Activities) > 0 {
			rows = append(rows, len(s.Activities))
		}
		if strings.Contains(s.Body.Markdown, "figurer/figur-1.svg") {
			figureSection = s
		}
	}
	if len(rows) != 3 || rows[0] != 13 || rows[1] != 3 || rows[2] != 8 {
		t.Errorf("activity tables of %v rows, want 13, 3 and 8", rows)
	}
	if rev.Status != content.Draft || rev.Wording != content.Verbatim || rev.Dnr != "3.1.1-212/2020" || rev.Board != "Socialnämnden" {
		t.Errorf("plan.md: status %s, ordalydelse %s, dnr %q, nämnd %q", rev.Status, rev.Wording, rev.Dnr, rev.Board)
	}
	// The figure stands where the export has a gap: after the paragraph that points to it.
	if figureSection == nil || !strings.Contains(figureSection.Body.Markdown, "preventionstjärnan nedan.\n\n![](figurer/figur-1.svg)\n\nEtt mer sammanhållet") {
		t.Errorf("the figure is not after the paragraph that announces it")
	}
	if rev.Worry() == nil || !strings.HasPrefix(rev.Worry().Title, "Rutin vid oro") {
		t.Errorf("vid_oro is on %v, want the routine", rev.Worry())
	}

	out := filepath.Join(tmp, "public")
	if _, err := site.Build(site.Options{Content: dir, Out: out, Drafts: true}); err != nil {
		// Until a missing text alternative is a warning, the build asks for it: write it, as the report says.
		var probs problem.List
		if !errors.As(err, &probs) {
			t.Fatal(err)
		}
		for _, p := range probs {
			if !strings.Contains(p.Msg, "saknar textalternativ") {
				t.Fatalf("the imported revision has a problem: %v", p)
			}
			b, _ := os.ReadFile(p.File)
			os.WriteFile(p.File, []byte(strings.Replace(string(b), "![](", "![Preventionstjärnan](", 1)), 0o644)
		}
		if _, err := site.Build(site.Options{Content: dir, Out: out, Drafts: true}); err != nil {
			t.Fatalf("the imported revision does not build: %v", err)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "2020", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := pageText(string(page))
	missing := 0
	sentences := seedSentences(string(seed))
	if len(sentences) < 200 {
		t.Fatalf("only %d sentences read from the seed", len(sentences))
	}
	for _, s := range sentences {
		if !strings.Contains(text, s) {
			missing++
			if missing <= 5 {
				t.Errorf("the page lacks the seed's words: %q", s)
			}
		}
	}
	if missing > 5 {
		t.Errorf("… and %d more", missing-5)
	}
}

var (
	tagsRe   = regexp.MustCompile(`(?s)<[^>]*>`)
	inlineRe = regexp.MustCompile(`(?i)</?(em|strong|a|abbr|span|code|sup)\b[^>]*>`)
	supMark  = regexp.MustCompile(`<sup>\d+</sup>`)
	linkMd   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	autoLink = regexp.MustCompile(`<(https?://[^>]+)>`)
	htmlTag  = regexp.MustCompile(`</?(b|i|p)>`)
)

func pageText(page string) string {
	// Inline elements sit inside the text; the others end it.
	page = tagsRe.ReplaceAllString(inlineRe.ReplaceAllString(page, ""), " ")
	return strings.Join(strings.Fields(html.UnescapeString(page)), " ")
}

// seedSentences are the sentences of the export's body as a reader sees them: without the Markdown and HTML
// around them, and split where a page, a cell or a sentence ends, so that a paragraph joined across a page break
// still holds each part.
func seedSentences(seed string) []string {
	_, body, _ := strings.Cut(seed, "## Inledning och syfte")
	var out []string
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "---" {
			continue
		}
		line = strings.TrimLeft(line, "#- ")
		line = autoLink.ReplaceAllString(line, "$1")
		line = linkMd.ReplaceAllString(line, "$1")
		line = supMark.ReplaceAllString(line, " ")
		line = htmlTag.ReplaceAllString(line, "\t")
		line = strings.NewReplacer("**", "", "*", "", `\\`, `\`).Replace(line)
		for _, cell := range strings.Split(line, "\t") {
			for _, s := range strings.SplitAfter(cell, ". ") {
				if s = strings.Join(strings.Fields(s), " "); len(s) > 1 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}
