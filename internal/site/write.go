package site

// Writing the output folder all at once: the new site is written next to the old one and swapped in, so a failed
// or interrupted build never leaves a half-built public/ behind.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// file is one file of the built site.
type file struct {
	Path string // slash-separated, relative to the output folder
	Data []byte // contents, or nil to copy Src
	Src  string
}

// writeTree writes files into out, replacing what out held. Nothing in out changes until every file is written.
func writeTree(out string, files []file) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	tmp = filepath.Clean(tmp)
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	// Folders first, then the files by several writers: most of the time goes to the kernel, and a big site
	// (190 comparison pages of up to a megabyte) writes faster when more than one file is under way.
	made := map[string]bool{}
	paths := make([]string, len(files))
	for i, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if !strings.HasPrefix(p, tmp+string(filepath.Separator)) {
			return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		paths[i] = p
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if f := files[i]; f.Data == nil && f.Src != "" {
					errs[i] = copyFile(f.Src, paths[i])
				} else {
					errs[i] = os.WriteFile(paths[i], f.Data, 0o644)
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := swap(tmp, out); err != nil {
		return err
	}
	ok = true
	return nil
}

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
