package markdown

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/content/frontmatter"
)

// TestManyEqualHeadings: 20,000 headings of the same text get the ids rubrik, rubrik-2 … rubrik-20000 in well
// under the minutes it once took (each id tried every one before it).
func TestManyEqualHeadings(t *testing.T) {
	const n = 20_000
	src := []byte(strings.Repeat("## Rubrik\n\ntext\n\n", n))
	start := time.Now()
	res := New().Convert(src, Options{Shift: 1, IDs: NewIDs("rubrik-3")})
	took := time.Since(start)
	t.Logf("%d equal headings in %v", n, took)
	if took > 20*time.Second {
		t.Errorf("%d equal headings took %v", n, took)
	}
	if len(res.Headings) != n {
		t.Fatalf("%d headings, want %d", len(res.Headings), n)
	}
	for i, want := range []string{"rubrik", "rubrik-2", "rubrik-4", "rubrik-5"} {
		if got := res.Headings[i].ID; got != want {
			t.Errorf("heading %d has the id %q, want %q", i+1, got, want)
		}
	}
	if got := res.Headings[n-1].ID; got != fmt.Sprintf("rubrik-%d", n+1) {
		t.Errorf("the last heading has the id %q", got)
	}
}

// quadraticIDs is how ids were handed out before IDs remembered the next suffix: the reference the ids must
// still equal.
type quadraticIDs map[string]bool

func (s quadraticIDs) unique(base string) string {
	id := base
	for n := 2; s[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	s[id] = true
	return id
}

func (s quadraticIDs) claim(bases, want []string) bool {
	claimed := map[string]bool{}
	for i, base := range bases {
		id := base
		for n := 2; s[id] || claimed[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		if id != want[i] {
			return false
		}
		claimed[id] = true
	}
	for id := range claimed {
		s[id] = true
	}
	return true
}

// TestIDsAsBefore: whatever mix of Unique, Take and Claim a page makes, the ids are the ones the quadratic way
// gave, so the site's pages stay byte for byte the same.
func TestIDsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		w := []string{"a", "b", "a-2", "a-3", "b-2", "a-2-2", "c"}[rng.IntN(7)]
		if rng.IntN(4) == 0 {
			w += fmt.Sprintf("-%d", 2+rng.IntN(5))
		}
		return w
	}
	for round := range 300 {
		ids, ref := NewIDs("a-4"), quadraticIDs{"a-4": true}
		for step := range 60 {
			switch rng.IntN(4) {
			case 0:
				id := word()
				if got, want := ids.Take(id), !ref[id]; got != want {
					t.Fatalf("round %d step %d: Take(%q) = %v, want %v", round, step, id, got, want)
				}
				ref[id] = true
			case 1:
				var bases, want []string
				try := quadraticIDs{}
				for id := range ref {
					try[id] = true
				}
				for range 1 + rng.IntN(4) {
					b := word()
					bases = append(bases, b)
					want = append(want, try.unique(b))
				}
				if rng.IntN(3) == 0 {
					want[rng.IntN(len(want))] += "x" // a rendering that does not fit this page
				}
				if got, w := ids.Claim(bases, want), ref.claim(bases, want); got != w {
					t.Fatalf("round %d step %d: Claim(%q, %q) = %v, want %v", round, step, bases, want, got, w)
				}
			default:
				b := word()
				if got, want := ids.Unique(b), ref.unique(b); got != want {
					t.Fatalf("round %d step %d: Unique(%q) = %q, want %q", round, step, b, got, want)
				}
			}
		}
	}
}

// worstCases are texts of the shapes on which goldmark's time grows faster than the text, or may, each as
// large as the content's limits allow: a file of 2 MB.
func worstCases() map[string]string {
	fill := func(unit string) string { return strings.Repeat(unit, frontmatter.MaxFileSize/len(unit)) }
	// para repeats unit, with a space after each, in lines as long as allowed.
	para := func(unit string) string {
		return fill(strings.Repeat(unit+" ", (frontmatter.MaxLineLength-1)/(len(unit)+1)) + "\n")
	}
	// lines repeats line in runs of as many lines as allowed without an empty line.
	lines := func(line string) string {
		return fill(strings.Repeat(line+"\n", frontmatter.MaxRunOfLines) + "\n")
	}
	// word is unit repeated to the longest word allowed.
	word := func(unit string) string { return strings.Repeat(unit, frontmatter.MaxWordLength/len(unit)) }
	table := func(row string) string {
		head := strings.Repeat("| a ", strings.Count(row, "|")-1) + "|\n" + strings.Repeat("|---", strings.Count(row, "|")-1) + "|\n"
		return fill(head + strings.Repeat(row+"\n", frontmatter.MaxRunOfLines-2) + "\n")
	}
	nested := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return fill(b.String() + "\n")
	}
	return map[string]string{
		"lists nested to the limit":      nested(frontmatter.MaxNesting),
		"lists opened on one line":       lines(strings.Repeat("- ", 2*frontmatter.MaxNesting/3) + "x"),
		"quotes nested to the limit":     lines(strings.Repeat(">", frontmatter.MaxNesting) + " x"),
		"one item a line":                lines("- x"),
		"unclosed link addresses":        para(word("[a](b(")),
		"unclosed link titles":           lines(`[a](b "`),
		"links with titles":              lines(`[a](b "c")`),
		"reference links":                lines("[a][b]"),
		"undefined references":           lines("[a]"),
		"footnote references":            lines("[^a]"),
		"link reference definitions":     lines("[a]: /b"),
		"equal headings":                 fill("## Rubrik\n\n"),
		"headings skipping levels":       fill("#### a\n\n"),
		"unmatched brackets and stars":   para(word("[*_")),
		"emphasis":                       para("*a*"),
		"unclosed code spans":            para("`a"),
		"raw HTML":                       para("<a href='x'>"),
		"pictures without text":          para("![](x.png)"),
		"autolinks":                      para("<https://a.se/>"),
		"table cells":                    table(strings.Repeat("| a ", 200) + "|"),
		"undefined footnotes in a table": table("| [^a] | [^b] |"),
	}
}

// TestWorstCasesWithinLimits: within the content's limits, no text takes goldmark more than seconds, however it is
// made. The limit of the test is generous, for a machine busy with other tests: alone, none takes 2 s on a laptop,
// where a quadratic shape of 2 MB would take minutes.
func TestWorstCasesWithinLimits(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector makes goldmark ten times slower: the times mean nothing")
	}
	if testing.Short() {
		t.Skip("converts 40 MB of Markdown")
	}
	c := New()
	for name, src := range worstCases() {
		t.Run(name, func(t *testing.T) {
			if err := frontmatter.CheckLimits("x.md", []byte(src)); err != nil {
				t.Fatalf("the text is beyond the limits: %v", err)
			}
			start := time.Now()
			c.Convert([]byte(src), Options{Shift: 1, IDs: NewIDs()})
			took := time.Since(start)
			t.Logf("%d bytes in %v", len(src), took.Round(time.Millisecond))
			if took > 30*time.Second {
				t.Errorf("%d bytes took %v", len(src), took)
			}
		})
	}
}

// FuzzConvert: no text within the content's limits makes the renderer panic or take more than two seconds, and
// every problem is on a line of the text.
func FuzzConvert(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"- a\n  - b\n    > c\n", "[a](b \"c\n", "[a]: /b\n[a]\n", "## a\n## a\n#### b\n",
		"| a |\n|---|\n| [^1] |\n\n[^1]: x\n", "![](javascript:x)", "<div>\n*a*\n</div>\n"} {
		f.Add([]byte(s))
	}
	c := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		if frontmatter.CheckLimits("x.md", src) != nil {
			return
		}
		// A panic on another goroutine ends the process, so the fuzzer records even an input that never ends.
		watchdog := time.AfterFunc(2*time.Second, func() { panic(fmt.Sprintf("converting %q took more than 2 s", src)) })
		defer watchdog.Stop()
		res := c.Convert(src, Options{Shift: 1, IDs: NewIDs("inledning"), FootnotePrefix: "fn-x-", Glossary: map[string]string{"VBE": "v", "T1": "t"}})
		lines := strings.Count(string(src), "\n") + strings.Count(string(src), "\r") + 1
		for _, is := range res.Issues {
			if is.Line < 1 || is.Line > lines || is.Msg == "" {
				t.Errorf("a problem off the text's %d lines: %+v", lines, is)
			}
		}
	})
}
