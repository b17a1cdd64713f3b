//go:build unix

package content

import (
	"path/filepath"
	"testing"

	"github.com/stockholm/plansite/internal/cputime"
	"github.com/stockholm/plansite/internal/plangen"
)

// BenchmarkLoadLarge loads the generated large plan of the site's benchmarks (20 revisions of 60 sections and
// about 100 activities, 3,222 files), as a build does: with a new Loader each time. Besides the time it reports
// the process's CPU time per load (cpu-ms/op), which a busy machine disturbs less than the time.
func BenchmarkLoadLarge(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Large()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}
