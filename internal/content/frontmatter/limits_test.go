package frontmatter

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/problem"
)

// TestLimitsAreInclusive: a text at every limit on its lines and words passes; one byte, level or line more is
// refused, at its line. The file size is tested in package content, which reads the file.
func TestLimitsAreInclusive(t *testing.T) {
	cases := []struct {
		name     string
		at, over string
	}{
		{"line", strings.Repeat("ord ", MaxLineLength/4), strings.Repeat("ord ", MaxLineLength/4) + "x"},
		{"word", strings.Repeat("x", MaxWordLength), strings.Repeat("x", MaxWordLength+1)},
		{"nesting", strings.Repeat("  ", MaxNesting-1) + "- x", strings.Repeat("  ", MaxNesting) + "- x"},
		{"nesting of quotes", strings.Repeat(">", MaxNesting) + " x", strings.Repeat(">", MaxNesting+1) + " x"},
		{"run of lines", strings.Repeat("rad\n", MaxRunOfLines), strings.Repeat("rad\n", MaxRunOfLines+1)},
		{"run of lines with \\r", strings.Repeat("rad\r", MaxRunOfLines), strings.Repeat("rad\r\n", MaxRunOfLines+1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, text := range []string{c.at, "a\n\n" + c.at + "\n\nb\n", "\n" + c.at} {
				var probs problem.List
				if OverLimits("x.md", []byte(text), &probs) {
					t.Errorf("a text at the limit is refused: %v", probs)
				}
			}
			var probs problem.List
			if !OverLimits("x.md", []byte("a\n\n"+c.over+"\n"), &probs) || len(probs) != 1 || probs[0].Line != 3 {
				t.Errorf("a text over the limit on line 3 gives %v", probs)
			}
		})
	}
}

// TestDepth: the nesting counted is never below what a Markdown reader finds.
func TestDepth(t *testing.T) {
	for line, want := range map[string]int{
		"text":             0,
		"- a":              1,
		"  - a":            2,
		"- - - a":          4, // three lists, counted with their spaces
		"1. a":             1,
		"10) a":            1,
		"1.a":              0,
		"-a":               0,
		"> > a":            3,
		">>>":              3,
		"\t- a":            3,
		"*emphasis*":       0,
		"    code":         2,
		"- ":               1,
		"-":                1,
		"> 1. - > * + a":   9,
		"12345678901. a":   1,
		"2020-01-01 - a":   0,
		"   >      - item": 7,
	} {
		if got := depth([]byte(line)); got != want {
			t.Errorf("depth(%q) = %d, want %d", line, got, want)
		}
	}
}

// TestDistinctWords: a file of more than MaxDistinctWords different words is refused at the line where the first
// word beyond the limit stands; one at the limit passes.
func TestDistinctWords(t *testing.T) {
	text := func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "ord%d ", i)
			if i%10 == 9 {
				b.WriteString("\n\n") // ten words a paragraph: no other limit is near
			}
		}
		return []byte(b.String())
	}
	var probs problem.List
	if OverLimits("x.md", text(MaxDistinctWords), &probs) {
		t.Fatalf("%d different words refused: %v", MaxDistinctWords, probs)
	}
	if !OverLimits("x.md", text(MaxDistinctWords+1), &probs) || len(probs) != 1 {
		t.Fatalf("%d different words: %v", MaxDistinctWords+1, probs)
	}
	if want := MaxDistinctWords/10*2 + 1; probs[0].Line != want || !strings.Contains(probs[0].Msg, "20 000 olika ord") {
		t.Errorf("refused at line %d (%s), want line %d", probs[0].Line, probs[0].Msg, want)
	}
	// The same word again and again is no new word.
	probs = nil
	if OverLimits("x.md", []byte(strings.Repeat("ord ord\n\n", 50_000)), &probs) {
		t.Errorf("one word repeated is refused: %v", probs)
	}
}
