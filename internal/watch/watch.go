// Package watch reports changes to folder trees, a burst at a time: an editor's atomic save (write a temporary
// file, rename it over the old one), a `git checkout` that touches every file, or a new year's folder all arrive as
// one Batch once the tree has been quiet for a moment. Folders created after the start are watched too, and
// editors' swap, backup and hidden files are ignored.
package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is the set of paths that changed in one burst, sorted.
type Batch struct {
	Paths []string
}

// Options tune a Watcher.
type Options struct {
	// Quiet is how long the trees must be still before a burst is reported; 0 means 15 ms, longer than the gaps in an
	// editor's save or a git checkout.
	Quiet time.Duration
	// Ignore reports names (not paths) whose changes do not count, such as editors' swap files.
	Ignore func(name string) bool
	// Files are single files to watch besides the trees, such as a settings file. Their folders are watched,
	// not the trees below them, so that an editor's atomic save (a new file renamed over the old) is seen; the
	// files need not exist.
	Files []string
}

// Watch watches the folders under roots (which must exist) until ctx ends, sending a Batch after each burst of
// changes. Errors the operating system reports (too many watches, a folder gone) are sent on the error channel;
// watching goes on.
func Watch(ctx context.Context, roots []string, opt Options) (<-chan Batch, <-chan error, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 15 * time.Millisecond
	}
	if opt.Ignore == nil {
		opt.Ignore = func(string) bool { return false }
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	for _, r := range roots {
		if err := addTree(w, r, opt.Ignore); err != nil {
			w.Close()
			return nil, nil, err
		}
	}
	files := map[string]bool{}    // the single files, cleaned
	fileDirs := map[string]bool{} // their folders, watched for them alone
	for _, f := range opt.Files {
		f = filepath.Clean(f)
		files[f] = true
		d := filepath.Dir(f)
		if !fileDirs[d] && !underAny(d, roots) {
			if err := w.Add(d); err != nil {
				w.Close()
				return nil, nil, err
			}
		}
		fileDirs[d] = true
	}
	// inTrees reports whether an event's path belongs to the trees rather than to a folder watched for a file.
	inTrees := func(p string) bool { return underAny(p, roots) }
	batches := make(chan Batch)
	errs := make(chan error, 8)
	go func() {
		defer w.Close()
		defer close(batches)
		pending := map[string]bool{}
		timer := time.NewTimer(time.Hour)
		timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if opt.Ignore(filepath.Base(ev.Name)) {
					continue
				}
				if !inTrees(ev.Name) && !files[filepath.Clean(ev.Name)] {
					continue // something else in a folder watched for one file
				}
				if ev.Has(fsnotify.Create) && inTrees(ev.Name) {
					// A new folder (a new year, or one that git or an editor put back): watch it and everything
					// already in it, which may have been created before the watch was in place.
					if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
						if err := addTree(w, ev.Name, opt.Ignore); err != nil {
							sendErr(errs, err)
						}
					}
				}
				if ev.Op == fsnotify.Chmod {
					continue // a touch or an editor's attribute change says nothing about the content
				}
				pending[ev.Name] = true
				timer.Reset(opt.Quiet)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				sendErr(errs, err)
			case <-timer.C:
				if len(pending) == 0 {
					continue
				}
				b := Batch{}
				for p := range pending {
					b.Paths = append(b.Paths, p)
				}
				slices.Sort(b.Paths)
				clear(pending)
				select {
				case batches <- b:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return batches, errs, nil
}

func sendErr(errs chan error, err error) {
	select {
	case errs <- err:
	default: // nobody is reading; drop rather than block the watch
	}
}

// underAny reports whether p is one of roots or inside one.
func underAny(p string, roots []string) bool {
	p = filepath.Clean(p)
	for _, r := range roots {
		r = filepath.Clean(r)
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) || r == "." && !filepath.IsAbs(p) && !strings.HasPrefix(p, "..") {
			return true
		}
	}
	return false
}

// addTree watches root and every folder below it.
func addTree(w *fsnotify.Watcher, root string, ignore func(string) bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root && os.IsNotExist(err) {
				return nil // gone while we looked
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && ignore(d.Name()) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}
