//go:build unix

package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSameContent: only a regular file holding exactly the file's bytes is the same; a link to such a file, a
// folder, a named pipe (which must not block), a missing file or other bytes are not.
func TestSameContent(t *testing.T) {
	dir := t.TempDir()
	put := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	same := put("same.html", "<p>hej</p>")
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(same, link); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	file := File{Data: []byte("<p>"), More: [][]byte{[]byte("hej"), []byte("</p>")}}
	for _, c := range []struct {
		path string
		want bool
	}{
		{same, true},
		{put("other.html", "<p>hey</p>"), false},
		{put("shorter.html", "<p>hej</p"), false},
		{put("longer.html", "<p>hej</p>\n"), false},
		{link, false},
		{folder, false},
		{pipe, false},
		{filepath.Join(dir, "missing.html"), false},
	} {
		for _, size := range []int{1, 4, 4096} { // the buffer: smaller than a part, than the file, larger
			if got := sameContent(c.path, file, make([]byte, size)); got != c.want {
				t.Errorf("%s, buffer of %d: same = %v, want %v", filepath.Base(c.path), size, got, c.want)
			}
		}
	}
}

// TestWriteFile: the parts are written one after the other, over what the file held; a file that cannot be made
// is an error naming it.
func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.html")
	if err := os.WriteFile(p, []byte("something much longer than what comes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(p, []byte("<p>"), nil, []byte("hej</p>")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "<p>hej</p>" {
		t.Errorf("file holds %q (%v), want %q", b, err, "<p>hej</p>")
	}
	missing := filepath.Join(t.TempDir(), "no", "a.html")
	if err := writeFile(missing, []byte("x")); err == nil || !os.IsNotExist(err) {
		t.Errorf("writing into a missing folder: %v, want an error that it does not exist", err)
	}
}
