// Package cputime measures the CPU time the process has used, for benchmarks that report it beside their time:
// a machine busy with other work disturbs it less than the time.
package cputime

import (
	"testing"
	"time"
)

// Report reports the CPU time the process used since start (a value of Used), per iteration of b, as cpu-ms/op.
func Report(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(Used()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
