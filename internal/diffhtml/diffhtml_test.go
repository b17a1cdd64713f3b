package diffhtml

import (
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
			`<h3 class="diff-block diff-block--added">Ny</h3>`},
		{compare.BlockDiff{Kind: markdown.Item, Level: 7, Change: compare.Unchanged, Spans: []compare.Span{{Text: "punkt"}}},
			`<ul class="diff-block diff-block--same diff-list diff-list--4"><li>punkt</li></ul>`},
		{compare.BlockDiff{Kind: markdown.Footnote, Level: 2, Change: compare.Removed, Spans: []compare.Span{{Text: "Källa"}}},
			`<p class="diff-block diff-block--removed">Fotnot 2: Källa</p>`},
		{compare.BlockDiff{Kind: markdown.Row, Change: compare.Changed, Spans: []compare.Span{{Text: "a | b"}}},
			`<p class="diff-block diff-block--changed"><span class="diff-kind">Tabellrad: </span>a | b</p>`},
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
