package site

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stockholm/plansite/internal/output"
)

// TestRenderFS checks the in-memory site with the standard library's file-system conformance test, and that it
// holds what a build writes.
func TestRenderFS(t *testing.T) {
	fsys, stats, err := RenderFS(Options{Content: "testdata/minimal"})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, "testdata/minimal", Options{})
	written := readTree(t, out)
	delete(written, output.Marker) // the build's note to the next build, not a file of the site
	var paths []string
	for p := range written {
		paths = append(paths, p)
	}
	if err := fstest.TestFS(fsys, paths...); err != nil {
		t.Fatal(err)
	}
	for p, data := range written {
		got, err := fs.ReadFile(fsys, p)
		if err != nil || string(got) != string(data) {
			t.Errorf("%s differs in memory (%v)", p, err)
		}
	}
	if stats.Revisions != 1 {
		t.Errorf("stats %+v", stats)
	}
}
