package output

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// build writes one site of the given files (path → contents) to out and commits it.
func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	f, err := NewFolder(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		f.Put(File{Path: p, Data: []byte(data)})
	}
	if leftover, err := f.Commit(); err != nil || leftover != "" {
		t.Fatalf("commit: %v %s", err, leftover)
	}
}

// tree lists what is under dir: folders end in a slash, files give their contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestSkeletonKeepsFoldersOnly: after a rebuild the old site's folders wait beside the output, without a single
// file, and the next build's site is exactly its own files: no folder it does not need, no file of an older site,
// and a file where the old site had a folder.
func TestSkeletonKeepsFoldersOnly(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	first := map[string]string{"index.html": "1", "a/b/index.html": "ab1", "c/index.html": "c1", "x/y/index.html": "xy1"}
	second := map[string]string{"index.html": "2", "a/b/index.html": "ab2", "c/d/index.html": "cd2", "x/y/index.html": "xy2"}
	third := map[string]string{"index.html": "3", "a/b/index.html": "ab1", "x": "now a file", "e/index.html": "e3"}
	build(t, out, first)
	build(t, out, second)
	skel := filepath.Join(parent, skeletonName(out))
	got := tree(t, skel)
	want := map[string]string{"a/": "", "a/b/": "", "c/": "", "x/": "", "x/y/": ""}
	for p := range got {
		if p == skeletonList {
			continue
		}
		if _, ok := want[p]; !ok {
			t.Errorf("the skeleton has %s", p)
		}
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("the skeleton lacks %s", p)
		}
	}
	build(t, out, third)
	site := tree(t, out)
	wantSite := map[string]string{Marker: markerText}
	for p, data := range third {
		wantSite[p] = data
		for d := filepath.Dir(p); d != "."; d = filepath.Dir(d) {
			wantSite[filepath.ToSlash(d)+"/"] = ""
		}
	}
	for p, data := range site {
		if w, ok := wantSite[p]; !ok || w != data {
			t.Errorf("the third site has %s = %q, want %q (present: %v)", p, data, w, ok)
		}
	}
	for p := range wantSite {
		if _, ok := site[p]; !ok {
			t.Errorf("the third site lacks %s", p)
		}
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{skeletonName(out), "public"}; !slices.Equal(names, want) {
		t.Errorf("beside the output: %v, want %v", names, want)
	}
}

// TestSkeletonListOutsideIgnored: a skeleton whose list names folders outside it (edited by hand, say) is used for
// what is inside it only, and nothing outside is touched.
func TestSkeletonListOutsideIgnored(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	build(t, out, map[string]string{"index.html": "1"})
	build(t, out, map[string]string{"index.html": "2"})
	keep := filepath.Join(parent, "keep")
	if err := os.MkdirAll(keep, 0o755); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(parent, skeletonName(out), skeletonList)
	if err := os.WriteFile(list, []byte("../keep\n/abs\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, out, map[string]string{"index.html": "3"})
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a folder outside the skeleton was removed: %v", err)
	}
	if got := tree(t, out); got["index.html"] != "3" {
		t.Errorf("the site is %v", got)
	}
}
