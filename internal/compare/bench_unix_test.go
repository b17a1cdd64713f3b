//go:build unix

package compare

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/cputime"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/plangen"
)

// BenchmarkCompareLarge prepares the 20 revisions of the site benchmarks' large plan with one Cache and compares
// the pairs the site has pages for (each revision with the one before it and with the last), as a build does;
// the Markdown is converted once, before. Besides the time it reports the process's CPU time per round
// (cpu-ms/op), which a busy machine disturbs less than the time.
func BenchmarkCompareLarge(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Large()); err != nil {
		b.Fatal(err)
	}
	plan, err := content.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	conv := markdown.New()
	var ins []Input
	for _, rev := range plan.Revisions {
		blocks := func(t *content.Text) []markdown.Block {
			return conv.Convert([]byte(t.Markdown), markdown.Options{Shift: 1}).Blocks
		}
		text := func(t *content.Text) string {
			var parts []string
			for _, bl := range blocks(t) {
				parts = append(parts, bl.Text)
			}
			return strings.Join(parts, " ")
		}
		ins = append(ins, InputOf(rev, blocks, text))
	}
	last := len(ins) - 1
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		c := NewCache()
		docs := make([]*Doc, len(ins))
		for i, in := range ins {
			docs[i] = c.Prepare(in)
		}
		for j := range docs {
			for i := range j {
				if j == i+1 || j == last {
					Compare(docs[i], docs[j])
				}
			}
		}
	}
	cputime.Report(b, start)
}
