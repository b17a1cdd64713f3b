package diffhtml

import (
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/markdown"
)

// TestSpans: changed words are marked <ins> and <del> and the text is escaped; the words a screen reader says
// around them come from style.css (TestBrowserDiffSpoken).
func TestSpans(t *testing.T) {
	got := string(Spans([]compare.Span{{Op: compare.Equal, Text: "Vid "}, {Op: compare.Delete, Text: "oro"},
		{Op: compare.Insert, Text: `<"tvivel">`}, {Op: compare.Equal, Text: " & mer"}}))
	want := `Vid <del>oro</del><ins>&lt;&#34;tvivel&#34;&gt;</ins> &amp; mer`
	if got != want {
		t.Errorf("Spans\n got %s\nwant %s", got, want)
	}
}

func TestBlock(t *testing.T) {
	for _, c := range []struct {
		d    compare.BlockDiff
		want string
	}{
		{compare.BlockDiff{Kind: markdown.HeadingBlock, Level: 2, Change: compare.Added, Spans: []compare.Span{{Text: "Ny"}}},
			`<h3 class="diff-block--added">Ny</h3>`},
		{compare.BlockDiff{Kind: markdown.Item, Level: 7, Change: compare.Unchanged, Spans: []compare.Span{{Text: "punkt"}}},
			`<ul class="diff-block--same diff-list diff-list--4"><li>punkt</li></ul>`},
		{compare.BlockDiff{Kind: markdown.Footnote, Level: 2, Change: compare.Removed, Spans: []compare.Span{{Text: "Källa"}}},
			`<p class="diff-block--removed">Fotnot 2: Källa</p>`},
		{compare.BlockDiff{Kind: markdown.Row, Change: compare.Changed, Spans: []compare.Span{{Text: "a | b"}}},
			`<p class="diff-block--changed"><span class="diff-kind">Tabellrad: </span>a | b</p>`},
	} {
		if got := string(Block(c.d)); got != c.want {
			t.Errorf("Block(%+v)\n got %s\nwant %s", c.d, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	spans := []compare.Span{{Op: compare.Equal, Text: "a "}, {Op: compare.Delete, Text: "gammal"}, {Op: compare.Insert, Text: "ny"}}
	if got := Plain(spans, false); got != "a ny" {
		t.Errorf("new text %q", got)
	}
	if got := Plain(spans, true); got != "a gammal" {
		t.Errorf("old text %q", got)
	}
}

// TestBlocksFoldUnchanged: a run of unchanged paragraphs is one line that counts them, unless it is shorter than
// that line is worth; every changed block stays, and so does a heading whose part has a change.
func TestBlocksFoldUnchanged(t *testing.T) {
	long := strings.Repeat("Oförändrad text. ", 15) // 255 bytes
	same := func(text string) compare.BlockDiff {
		return compare.BlockDiff{Kind: markdown.Paragraph, Change: compare.Unchanged, Spans: []compare.Span{{Text: text}}}
	}
	changed := compare.BlockDiff{Kind: markdown.Paragraph, Change: compare.Changed,
		Spans: []compare.Span{{Text: "Vid "}, {Op: compare.Delete, Text: "oro"}, {Op: compare.Insert, Text: "tvivel"}}}
	heading := compare.BlockDiff{Kind: markdown.HeadingBlock, Level: 3, Change: compare.Unchanged, Spans: []compare.Span{{Text: "Rubrik"}}}
	for _, c := range []struct {
		name   string
		blocks []compare.BlockDiff
		want   string
		folds  bool
	}{
		{"a long run on each side", []compare.BlockDiff{same(long), same("Kort."), changed, same(long)},
			"<p class=\"diff-skipped\">2 oförändrade stycken visas inte</p>\n<p class=\"diff-block--changed\">Vid <del>oro</del><ins>tvivel</ins></p>\n<p class=\"diff-skipped\">1 oförändrat stycke visas inte</p>\n", true},
		{"a short run stays", []compare.BlockDiff{same("Kort."), changed},
			"<p class=\"diff-block--same\">Kort.</p>\n<p class=\"diff-block--changed\">Vid <del>oro</del><ins>tvivel</ins></p>\n", false},
		{"a heading splits a run and stays", []compare.BlockDiff{same(long), heading, same("Kort."), changed},
			"<p class=\"diff-skipped\">1 oförändrat stycke visas inte</p>\n<h3 class=\"diff-block--same\">Rubrik</h3>\n<p class=\"diff-block--same\">Kort.</p>\n<p class=\"diff-block--changed\">Vid <del>oro</del><ins>tvivel</ins></p>\n", true},
		{"headings of unchanged parts go with them", []compare.BlockDiff{heading, same(long), heading, same(long), heading, changed},
			"<p class=\"diff-skipped\">2 oförändrade stycken under 2 rubriker visas inte</p>\n<h3 class=\"diff-block--same\">Rubrik</h3>\n<p class=\"diff-block--changed\">Vid <del>oro</del><ins>tvivel</ins></p>\n", true},
	} {
		if got := string(Blocks(c.blocks)); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		if Folds(c.blocks) != c.folds {
			t.Errorf("%s: Folds = %v, want %v", c.name, !c.folds, c.folds)
		}
	}
}
