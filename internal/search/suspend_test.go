package search

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// suspended is the expression that nextSuspended follows.
var suspended = regexp.MustCompile(`([\p{L}]+)-(?:\s*,\s*|\s+(?:och|eller|samt|till)\s+|/)`)

// TestSuspendedLikeTheExpression: nextSuspended finds, in every paragraph of the shipped plan and in the hard cases,
// exactly the words and ends the regular expression finds.
func TestSuspendedLikeTheExpression(t *testing.T) {
	texts := []string{
		"barn- och ungdomspsykiatrin", "risk-, hot- och skyddsfaktorer", "enhets-/arbetsplatsträffar",
		"risk-\toch skyddsfaktorer", "risk-\n, skydd", "stads- eller kommunnivå", "samt- samt", "till-  till",
		"VBE-samordnaren arbetar", "Dnr 3.1.1-815/2020", "a -b", "-", "ord-", "ord- ", "ord- o", "ord-och", "e-post och",
		"ord- tillsammans", "ord- och", "ord- och ", "å-, ä- och ö-/x", "a-b- och c", "x-/-/y- ,z", "9- och 10-åringar",
		"Ungdoms- och barn-, familje- samt vuxenenheten",
	}
	files, _ := filepath.Glob("../../content/*/*/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n\n")...)
	}
	found := 0
	for _, text := range texts {
		var want, got []string
		for _, m := range suspended.FindAllStringSubmatchIndex(text, -1) {
			want = append(want, text[m[2]:m[3]]+"@"+strconv.Itoa(m[1]))
		}
		for from := 0; ; {
			head, end := nextSuspended(text, from)
			if end < 0 {
				break
			}
			got = append(got, head+"@"+strconv.Itoa(end))
			from = end
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: found %q, the expression %q", text, got, want)
		}
		found += len(want)
	}
	if found < 10 {
		t.Errorf("only %d suspended words in all the texts: the test lost its cases", found)
	}
}
