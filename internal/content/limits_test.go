package content

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/problem"
)

// sectionHead is the frontmatter of a section no other file of testdata/valid has.
const sectionHead = "---\nid: fientlig\ntitel: Fientlig\nordning: 99\n---\n"

// within runs load and fails the test when it takes longer than limit: a build must end, not hang. The limit
// is generous, far above what the loader takes, so that a slow machine does not fail it.
func within(t *testing.T, limit time.Duration, load func() string) string {
	t.Helper()
	done := make(chan string, 1)
	start := time.Now()
	go func() { done <- load() }()
	select {
	case got := <-done:
		t.Logf("loaded in %v", time.Since(start).Round(time.Millisecond))
		return got
	case <-time.After(limit):
		t.Fatalf("loading took more than %v", limit)
		return ""
	}
}

// deepList is a list nested n levels deep, one level a line.
func deepList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- nivå\n")
	}
	return b.String()
}

// TestLimits: a file beyond a limit is refused quickly, at its line, with the limit named and a way out. The files
// are made here, not kept in testdata; the messages are in testdata/errors/limit-*.golden.
func TestLimits(t *testing.T) {
	pasted := base64.RawStdEncoding.EncodeToString([]byte(strings.Repeat("\x89PNG bild ", 5000))) // 50 kB, no space
	paragraph := strings.Repeat("Ett stycke med vanliga ord om samverkan i staden. ", 40) + "\n\n"
	cases := []struct {
		name, body string
		want       string
	}{
		{"limit-file-size", strings.Repeat(paragraph, 3*(1<<20)/len(paragraph)),
			`a.md: filen är 3,0 MB, men en Markdown-fil får vara högst 2 MB (dela upp texten i flera filer (ett avsnitt i flera avsnitt), och lägg bilder och dokument i egna filer, till exempel figurer/bild.png)`},
		{"limit-line-length", "Text.\n\n" + strings.Repeat("ord ", 50_000) + "\n",
			`a.md:8: raden har 200 000 byte, men en rad får ha högst 100 000`},
		{"limit-word-length", "Text.\n\n![bild](data:image/png;base64," + pasted + ")\n",
			`a.md:8: ett ord med mer än 2 000 byte utan mellanslag (en bild eller ett dokument som klistrats in som text ska ligga i en egen fil, till exempel figurer/bild.png. En så lång webbadress kan kortas, eller länkas från en sida där den står)`},
		{"limit-nesting", deepList(1_000),
			`a.md:56: listor eller citat i 51 nivåer, men högst 50 nivåer är tillåtna`},
		{"limit-nesting-on-one-line", strings.Repeat("> - ", 5_000) + "text\n",
			`a.md:6: listor eller citat i 15 000 nivåer, men högst 50 nivåer är tillåtna`},
		{"limit-run-of-lines", "Text.\n\n" + strings.Repeat("[a]: /b\n", 100_000),
			`a.md:8: mer än 1 000 rader följer på varandra härifrån utan en tom rad`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := strings.SplitN(readValid(t, "2020/avsnitt/a.md"), "---\n", 3)
			dir := tree(t, map[string]string{"2020/avsnitt/a.md": "---\n" + a[1] + "---\n" + c.body})
			got := within(t, 10*time.Second, func() string { return messages(t, dir) })
			if !strings.Contains(got, c.want) {
				t.Errorf("output lacks %q; got:\n%s", c.want, got)
			}
			golden(t, filepath.Join("testdata", "errors", c.name+".golden"), got)
		})
	}
}

// TestLimitsAreInclusive: a file at every limit loads; one byte, level or line more is refused.
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
				var probs problemList
				if overLimits("x.md", []byte(text), &probs.l) {
					t.Errorf("a text at the limit is refused: %v", probs.l)
				}
			}
			var probs problemList
			if !overLimits("x.md", []byte("a\n\n"+c.over+"\n"), &probs.l) || len(probs.l) != 1 || probs.l[0].Line != 3 {
				t.Errorf("a text over the limit on line 3 gives %v", probs.l)
			}
		})
	}
	t.Run("file size", func(t *testing.T) {
		dir := t.TempDir()
		line := strings.Repeat("ord ", 24) + "\n\n" // 98 bytes
		at := strings.Repeat(line, MaxFileSize/len(line)) + strings.Repeat("x", MaxFileSize%len(line))
		for _, text := range []string{at, at + "x"} {
			p := filepath.Join(dir, "x.md")
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			var probs problemList
			_, ok := readFile(dir, p, &probs.l)
			if want := len(text) <= MaxFileSize; ok != want {
				t.Errorf("a file of %d bytes: read %v, want %v (%v)", len(text), ok, want, probs.l)
			}
		}
	})
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

// TestUnreadable: a file that cannot be read for its permissions says so.
func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := tree(t, nil)
	p := filepath.Join(dir, "2020", "avsnitt", "a.md")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	want := "a.md: cannot be read: permission denied (check the file's permissions)"
	if got := messages(t, dir); !strings.Contains(got, want) {
		t.Errorf("output lacks %q; got:\n%s", want, got)
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
	if overLimits("x.md", text(MaxDistinctWords), &probs) {
		t.Fatalf("%d different words refused: %v", MaxDistinctWords, probs)
	}
	if !overLimits("x.md", text(MaxDistinctWords+1), &probs) || len(probs) != 1 {
		t.Fatalf("%d different words: %v", MaxDistinctWords+1, probs)
	}
	if want := MaxDistinctWords/10*2 + 1; probs[0].Line != want || !strings.Contains(probs[0].Msg, "20 000 olika ord") {
		t.Errorf("refused at line %d (%s), want line %d", probs[0].Line, probs[0].Msg, want)
	}
	// The same word again and again is no new word.
	probs = nil
	if overLimits("x.md", []byte(strings.Repeat("ord ord\n\n", 50_000)), &probs) {
		t.Errorf("one word repeated is refused: %v", probs)
	}
}
