package site

// Writing the output folder all at once: the new site is written next to the old one and swapped in, so a failed
// or interrupted build never leaves a half-built public/ behind.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// file is one file of the built site.
type file struct {
	Path string   // slash-separated, relative to the output folder
	Data []byte   // contents, or nil to copy Src
	More [][]byte // written after Data: a big page's parts, joined only on disk
	Src  string
}

// write writes the file's contents to p.
func (f file) write(p string) error {
	if f.Data == nil && f.Src != "" {
		return copyFile(f.Src, p)
	}
	if len(f.More) == 0 {
		return os.WriteFile(p, f.Data, 0o644)
	}
	w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bufs := append(net.Buffers{f.Data}, f.More...)
	if _, err := bufs.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// tree is a site being written beside the output folder. Files go into a temporary folder as they are made, so
// the biggest pages need not wait in memory; commit swaps the folder in for the output, abort throws it away.
// Nothing in the output folder changes before commit.
type tree struct {
	out, tmp string
	mu       sync.Mutex
	made     map[string]*folder // folders made or being made
	files    int
	bufs     sync.Pool // *[]byte, for comparing files with the published site
}

func newTree(out string) (*tree, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	t := &tree{out: out, tmp: filepath.Clean(tmp), made: map[string]*folder{}}
	t.bufs.New = func() any { b := make([]byte, 64<<10); return &b }
	return t, nil
}

// folder is a folder of the tree, made once.
type folder struct {
	path string
	once sync.Once
	err  error
}

// dir returns the folder at path; the caller holds t.mu.
func (t *tree) dir(path string) *folder {
	f := t.made[path]
	if f == nil {
		f = &folder{path: path}
		t.made[path] = f
	}
	return f
}

// write writes one file into the tree. It is safe for concurrent use.
func (t *tree) write(f file) error {
	p := filepath.Join(t.tmp, filepath.FromSlash(f.Path))
	if !strings.HasPrefix(p, t.tmp+string(filepath.Separator)) {
		return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
	}
	// Each folder is made once, and outside the lock: making a folder is slow on some disks, and the other
	// writers need not wait for it.
	t.mu.Lock()
	d := t.dir(filepath.Dir(p))
	t.files++
	t.mu.Unlock()
	d.once.Do(func() { d.err = os.MkdirAll(d.path, 0o755) })
	if d.err != nil {
		return d.err
	}
	// A file the published site already has, byte for byte, is linked rather than written again: a rebuild of
	// a big site then writes only what changed, and replacing the old site frees only what is gone.
	if old := filepath.Join(t.out, filepath.FromSlash(f.Path)); f.Data != nil {
		buf := t.bufs.Get().(*[]byte)
		same := sameContent(old, f, *buf)
		t.bufs.Put(buf)
		if same && os.Link(old, p) == nil {
			return nil
		}
	}
	return f.write(p)
}

// sameContent reports whether the regular file at path holds exactly f's contents. It reads the file a piece at a
// time into buf, so that comparing a big site with the published one allocates nothing per file.
func sameContent(path string, f file, buf []byte) bool {
	info, err := os.Lstat(path)
	size := int64(len(f.Data))
	for _, m := range f.More {
		size += int64(len(m))
	}
	if err != nil || !info.Mode().IsRegular() || info.Size() != size {
		return false
	}
	r, err := os.Open(path)
	if err != nil {
		return false
	}
	defer r.Close()
	for _, part := range append([][]byte{f.Data}, f.More...) {
		for len(part) > 0 {
			n, err := io.ReadFull(r, buf[:min(len(buf), len(part))])
			if err != nil || !bytes.Equal(buf[:n], part[:n]) {
				return false
			}
			part = part[n:]
		}
	}
	n, _ := r.Read(buf[:1])
	return n == 0
}

// writeAll writes files by several writers: most of the time goes to the kernel, and it is shorter when more than
// one file is under way.
func (t *tree) writeAll(files []file) error {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = t.write(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// commit puts the tree in the place of the output folder.
func (t *tree) commit() error { return swap(t.tmp, t.out) }

// abort removes the tree; the output folder stays as it was.
func (t *tree) abort() { os.RemoveAll(t.tmp) }

// swap puts the folder tmp in the place of out. On Linux the two are exchanged in one step; elsewhere, or when
// out does not exist yet, by two renames. The old site is removed afterwards.
func swap(tmp, out string) error {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.Rename(tmp, out)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s exists and is not a folder; remove it or choose another --out", out)
	}
	if exchange(tmp, out) == nil {
		return os.RemoveAll(tmp) // tmp now holds the old site
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	o, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(o, in); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}
