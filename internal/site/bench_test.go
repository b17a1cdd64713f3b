package site

import (
	"path/filepath"
	"testing"

	"github.com/stockholm/plansite/internal/plangen"
)

// BenchmarkBuildShipped builds the shipped plan, writing public/ each time as plansite build does.
func BenchmarkBuildShipped(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{Content: "../../content", Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// large generates the large plan of the benchmarks: 20 revisions of 60 sections and about 100 activities.
func large(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Options{Revisions: 20, Sections: 60, Activities: 100, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuildLarge builds the generated large plan, writing the output each time.
func BenchmarkBuildLarge(b *testing.B) {
	dir := large(b)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{Content: dir, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderLarge is BenchmarkBuildLarge without writing: loading, Markdown and templates.
func BenchmarkRenderLarge(b *testing.B) {
	dir := large(b)
	for b.Loop() {
		if _, _, err := Render(Options{Content: dir}); err != nil {
			b.Fatal(err)
		}
	}
}
