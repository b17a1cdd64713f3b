package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stockholm/plansite/internal/output"

	"github.com/stockholm/plansite/internal/plangen"
	"github.com/stockholm/plansite/internal/search"
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
	if _, err := plangen.Generate(dir, plangen.Large()); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuildLarge builds the generated large plan again over its own output, as a rebuild in CI or
// bench/compare-hugo.sh does.
func BenchmarkBuildLarge(b *testing.B) {
	dir := large(b)
	out := filepath.Join(b.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Drafts: true}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Build(Options{Content: dir, Out: out, Drafts: true}); err != nil {
			b.Fatal(err)
		}
	}
	reportSizes(b, out)
}

// reportSizes reports what a reader downloads for a comparison page, compressed as a web server sends it (gzip),
// in kB per page: the mean and the largest over every page, and the mean over consecutive revisions; and the whole
// site's size in MB.
func reportSizes(b *testing.B, out string) {
	b.Helper()
	var all, consecutive []float64
	pages, _ := filepath.Glob(filepath.Join(out, "jamfor", "*-*", "index.html"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		_, _ = w.Write(data)
		_ = w.Close()
		kb := float64(z.Len()) / 1000
		all = append(all, kb)
		var from, to int
		if _, err := fmt.Sscanf(filepath.Base(filepath.Dir(p)), "%d-%d", &from, &to); err == nil && to == from+1 {
			consecutive = append(consecutive, kb)
		}
	}
	mean := func(xs []float64) float64 {
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		return sum / float64(max(len(xs), 1))
	}
	var size int64
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	b.ReportMetric(mean(all), "gz-kB/comparison")
	b.ReportMetric(slices.Max(append(all, 0)), "gz-kB/largest-comparison")
	b.ReportMetric(mean(consecutive), "gz-kB/consecutive-comparison")
	b.ReportMetric(float64(size)/1e6, "site-MB")
}

// BenchmarkRenderLarge is BenchmarkBuildLarge without writing: loading, Markdown and templates.
func BenchmarkRenderLarge(b *testing.B) {
	dir := large(b)
	for b.Loop() {
		if _, _, err := newSession(false).render(Options{Content: dir, Drafts: true}, discard{}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// previewEdits renders content in a preview session after each edit of one section of its newest revision, as
// plansite serve does after a save.
func previewEdits(b *testing.B, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*", "avsnitt", "*.md"))
	if len(files) == 0 {
		b.Fatal("no sections")
	}
	slices.Sort(files)
	file := files[len(files)-1]
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	sess := NewSession()
	if _, _, err := sess.RenderFS(Options{Content: dir, Drafts: true}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(file, fmt.Appendf(bytes.TrimRight(orig, "\n"), "\n\nRedigering %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, _, err := sess.RenderFS(Options{Content: dir, Drafts: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewShipped is the preview's render after a save, on the shipped plan.
func BenchmarkPreviewShipped(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	previewEdits(b, dir)
}

// BenchmarkPreviewLarge is the preview's render after a save, on the generated large plan.
func BenchmarkPreviewLarge(b *testing.B) {
	previewEdits(b, large(b))
}

// discard is a sink that keeps nothing, for measuring the render alone.
type discard struct{}

func (discard) Put(output.File) error { return nil }

// BenchmarkIndexShipped makes the search index of the shipped plan from its rendered revisions, without a memo, as
// a build does: search.Build alone.
func BenchmarkIndexShipped(b *testing.B) { benchIndex(b, "../../content") }

// BenchmarkIndexLarge is BenchmarkIndexShipped on the generated large plan.
func BenchmarkIndexLarge(b *testing.B) { benchIndex(b, large(b)) }

func benchIndex(b *testing.B, dir string) {
	bld, _, err := newSession(false).render(Options{Content: dir, Drafts: true}, discard{}, false)
	if err != nil {
		b.Fatal(err)
	}
	found := make([][]search.Doc, len(bld.plan.Revisions))
	for i, rev := range bld.plan.Revisions {
		_, r, _ := bld.revision(rev, nil)
		if r == nil {
			b.Fatalf("revision %d did not render", rev.Year)
		}
		found[i] = r.search
	}
	docs, revisions := bld.searchDocs(found)
	var bytes int
	for b.Loop() {
		bytes = 0
		for _, f := range search.Build(docs, revisions, bld.home().Year, bld.glossary, nil) {
			bytes += len(f.Data)
		}
	}
	b.ReportMetric(float64(bytes)/1e3, "kB")
}
