package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestRenderFSEarly: after a section is saved, the session hands over the edited revision's pages before the
// render ends, and they are exactly the pages the finished render holds.
func TestRenderFSEarly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	opt := Options{Content: dir, Drafts: true}
	sess := NewSession()
	if _, _, err := sess.RenderFS(opt); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2020", "avsnitt", "b.md")
	old, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(old), "Gör så här.", "Gör så här, tidigt.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	early := map[string][]byte{}
	final, _, err := sess.RenderFSEarly(opt, func(fsys fs.FS) {
		mu.Lock()
		defer mu.Unlock()
		if err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			early[p], err = fs.ReadFile(fsys, p)
			return err
		}); err != nil {
			t.Error(err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if page := early["2020/index.html"]; !bytes.Contains(page, []byte("tidigt")) {
		t.Fatalf("the edited revision's page was not handed over early (%d files)", len(early))
	}
	for p, data := range early {
		if got, err := fs.ReadFile(final, p); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: the early file is not the finished render's (%v)", p, err)
		}
	}
	// Nothing changed: nothing is rendered anew, so nothing comes early.
	clear(early)
	if _, _, err := sess.RenderFSEarly(opt, func(fs.FS) { early["called"] = nil }); err != nil {
		t.Fatal(err)
	}
	if len(early) > 0 {
		t.Error("early was called for a render that reused every revision")
	}
}
