package content

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/content/frontmatter"
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

// TestFileSizeIsInclusive: a file of frontmatter.MaxFileSize bytes is read; one byte more is refused.
func TestFileSizeIsInclusive(t *testing.T) {
	dir := t.TempDir()
	line := strings.Repeat("ord ", 24) + "\n\n" // 98 bytes
	at := strings.Repeat(line, frontmatter.MaxFileSize/len(line)) + strings.Repeat("x", frontmatter.MaxFileSize%len(line))
	for _, text := range []string{at, at + "x"} {
		p := filepath.Join(dir, "x.md")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		var probs problemList
		_, ok := readFile(dir, p, &probs.l)
		if want := len(text) <= frontmatter.MaxFileSize; ok != want {
			t.Errorf("a file of %d bytes: read %v, want %v (%v)", len(text), ok, want, probs.l)
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
