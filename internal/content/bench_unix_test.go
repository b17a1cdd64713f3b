//go:build unix

package content

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
	start := cpuTime()
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
