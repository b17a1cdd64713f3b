package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stockholm/plansite/internal/problem"
)

// TestOldSiteNotRemovable: when the new site is in place but the old one cannot be removed (a read-only folder in
// it, say), the build has succeeded and says what is left where, rather than reporting a failure.
func TestOldSiteNotRemovable(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "old.txt"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := NewFolder(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	tr.dispose = func(string) error { return &fs.PathError{Op: "unlinkat", Path: "x", Err: syscall.EACCES} }
	tr.Put(File{Path: "index.html", Data: []byte("new")})
	leftover, err := tr.Commit()
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	if !strings.Contains(leftover, "den gamla webbplatsen ligger kvar i") || !strings.Contains(leftover, "du saknar behörighet") {
		t.Errorf("leftover %q", leftover)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "new" {
		t.Errorf("the new site is not in place: index.html = %q", data)
	}
	if _, err := os.Stat(filepath.Join(out, "old.txt")); err == nil {
		t.Error("the old site is still in place")
	}
}

// TestWriteErrorMessages: a failure of the machine says what happened and where, and is never called a problem in
// the content.
func TestWriteErrorMessages(t *testing.T) {
	dir := t.TempDir()
	full := &WriteError{Out: "public", Dir: dir, Needed: 25_300_000,
		Err: &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}}
	for _, c := range []struct {
		err  *WriteError
		want []string
	}{
		{full, []string{"disken där " + dir + " ligger är full", "webbplatsen behöver 25.3 MB", "MB är ledigt där", "public är oförändrad"}},
		{&WriteError{Out: "public", Err: &fs.PathError{Op: "mkdir", Path: "x", Err: syscall.EROFS}}, []string{"skrivskyddad disk", "public är oförändrad"}},
		{&WriteError{Out: "public", Err: &fs.PathError{Op: "mkdir", Path: "x", Err: syscall.EACCES}}, []string{"du saknar behörighet att skriva", "mappen ovanför måste vara skrivbar"}},
	} {
		msg := c.err.Error()
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q does not say %q", msg, w)
			}
		}
		if _, ok := problem.AsList(c.err); ok || strings.Contains(msg, "content") || strings.Contains(msg, "innehåll") {
			t.Errorf("%q is taken for a problem in the content", msg)
		}
	}
}

// TestRemoveTree: the old site goes whole, files and folders at every depth, and a folder that is not there is no
// error, as with os.RemoveAll.
func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	for _, p := range []string{"index.html", "2020/index.html", "historik/a/index.html", "historik/b/index.html", "sok/i/0.json"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "tom"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the folder is still there: %v", err)
	}
	if err := removeTree(dir); err != nil {
		t.Errorf("removing a folder that is gone: %v", err)
	}
}
