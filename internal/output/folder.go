package output

// The folder sink: the new site is written next to the old one and swapped in, so a failed or interrupted build
// never leaves a half-built public/ behind.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/stockholm/plansite/internal/cores"
)

// Folder is a site being written beside the output folder. Files go into a temporary folder as they are made, so
// the biggest pages need not wait in memory; Commit swaps the folder in for the output, Abort throws it away.
// Nothing in the output folder changes before Commit.
//
// A write that fails (a full disk, a read-only folder) or a cancelled context stops the writing, but the files
// that follow are still counted, so the error can say how much space the whole site needs.
type Folder struct {
	ctx      context.Context
	out, tmp string
	unlock   func() // releases the lock on the output's parent folder
	mu       sync.Mutex
	made     map[string]*folder // folders made or being made
	files    int
	size     atomic.Int64          // bytes of every file given to write, written or not
	failed   atomic.Pointer[error] // the first failure to write; nothing more is written after it
	bufs     sync.Pool             // *[]byte, for comparing files with the published site
	skeleton []string              // the folders the tree started with, from the last site (skeleton.go)
	// dispose takes away a tree that is not published (the old site, or an aborted build's): it keeps its folders
	// for the next build and removes the rest. A test may make it fail.
	dispose func(string) error
}

// tmpPrefix is the start of the name of the folder a build writes beside the output folder out.
func tmpPrefix(out string) string { return "." + filepath.Base(out) + ".new-" }

// NewFolder starts writing a site beside out. It holds a lock on out's parent folder until commit or abort, so that
// two builds never write the same output at once, and removes what interrupted builds left behind.
func NewFolder(ctx context.Context, out string) (*Folder, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	release, err := lockDir(parent)
	if err != nil {
		return nil, err
	}
	var once sync.Once
	unlock := func() { once.Do(release) }
	// Holding the lock, any folder of ours beside out is left over by a build that was killed.
	if stale, err := filepath.Glob(filepath.Join(parent, globEscape(tmpPrefix(out))+"*")); err == nil {
		for _, dir := range stale {
			os.RemoveAll(dir)
		}
	}
	// The lock makes the name unique: no other build writes beside out now, and none left a folder of this name.
	tmp := filepath.Join(parent, tmpPrefix(out)+strconv.Itoa(os.Getpid()))
	skeleton := takeSkeleton(out, tmp)
	if skeleton == nil {
		if err := os.Mkdir(tmp, 0o755); err != nil {
			unlock()
			return nil, err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		unlock()
		return nil, err
	}
	t := &Folder{ctx: ctx, out: out, tmp: tmp, unlock: unlock, made: map[string]*folder{}, skeleton: skeleton}
	t.dispose = func(dir string) error { return keepSkeleton(dir, out, removeTree) }
	for _, d := range skeleton {
		f := &folder{path: d}
		f.once.Do(func() {}) // made already
		t.made[d] = f
	}
	t.bufs.New = func() any { b := make([]byte, 64<<10); return &b }
	return t, nil
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// folder is a folder of the tree, made once.
type folder struct {
	path string
	once sync.Once
	err  error
	used bool // a file was put in it
}

// dir returns the folder at path, which a file is put in; the caller holds t.mu.
func (t *Folder) dir(path string) *folder {
	f := t.made[path]
	if f == nil {
		f = &folder{path: path}
		t.made[path] = f
	}
	f.used = true
	return f
}

// Err is the first failure to write, or nil.
func (t *Folder) Err() error {
	if p := t.failed.Load(); p != nil {
		return *p
	}
	return nil
}

// Put writes one file into the folder. It is safe for concurrent use. A failure is kept for Err, not returned:
// the build goes on rendering, to count what the site needs, but writes nothing more.
func (t *Folder) Put(f File) error {
	t.size.Add(f.Size())
	if t.failed.Load() != nil {
		return nil
	}
	if err := t.ctx.Err(); err != nil {
		t.failed.CompareAndSwap(nil, &err)
		return nil
	}
	if err := t.put(f); err != nil {
		t.failed.CompareAndSwap(nil, &err)
	}
	return nil
}

// put writes one file into the tree.
func (t *Folder) put(f File) error {
	p := filepath.Join(t.tmp, filepath.FromSlash(f.Path))
	if !strings.HasPrefix(p, t.tmp+string(filepath.Separator)) {
		return fmt.Errorf("skriver inte %q, eftersom den hamnar utanför mappen för webbplatsen", f.Path)
	}
	// Each folder is made once, and outside the lock: making a folder is slow on some disks, and the other
	// writers need not wait for it.
	t.mu.Lock()
	d := t.dir(filepath.Dir(p))
	t.files++
	t.mu.Unlock()
	d.once.Do(func() { d.err = mkdir(d.path) })
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
	err := f.write(p)
	if err == nil {
		return nil
	}
	if info, e := os.Lstat(p); e == nil && info.IsDir() && os.RemoveAll(p) == nil {
		// A folder of the last site where this one has a file: it came with the skeleton, and holds no file.
		err = f.write(p)
	}
	return err
}

// mkdir makes the folder p and any parent it lacks. Its parent is there already most often, so it tries p alone
// first: one system call, where os.MkdirAll makes three (it looks at p and at its parent first).
func mkdir(p string) error {
	if os.Mkdir(p, 0o755) == nil {
		return nil
	}
	return os.MkdirAll(p, 0o755)
}

// removeTree removes the folder dir and all it holds, as os.RemoveAll does, with its top-level entries removed side
// by side: removing a site of thousands of files is mostly the system's time, on every core.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	errs := make([]error, len(entries))
	cores.Each(len(entries), func(i int) { errs[i] = os.RemoveAll(filepath.Join(dir, entries[i].Name())) })
	for _, err := range errs {
		if err != nil {
			return err // the first, as os.RemoveAll says
		}
	}
	return os.Remove(dir)
}

// Needed is the size in bytes of every file given to Put, written or not.
func (t *Folder) Needed() int64 { return t.size.Load() }

// Files is the number of files given to Put.
func (t *Folder) Files() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files
}

// Dir is the temporary folder the site is written in.
func (t *Folder) Dir() string { return t.tmp }

// Commit writes the marker that lets the next build replace the folder, puts the folder in the place of the output
// folder and releases the lock. When the new site is in place but the old one could not be removed, the site is
// built all the same: Commit returns no error, and the leftover folder with the reason. A Commit that fails with a
// *LostError has moved the old site away: the folder must not be aborted then.
func (t *Folder) Commit() (leftover string, err error) {
	defer t.unlock()
	t.Put(File{Path: Marker, Data: []byte(markerText)})
	if err := t.Err(); err != nil {
		return "", err
	}
	t.mu.Lock()
	removeUnused(t.skeleton, func(d string) bool { return t.made[d].used })
	t.mu.Unlock()
	return swap(t.tmp, t.out, t.dispose)
}

// Abort takes away the folder being written (keeping its folders for the next build) and releases the lock; the
// output folder stays as it was.
func (t *Folder) Abort() {
	t.dispose(t.tmp)
	t.unlock()
}

// swap puts the folder tmp in the place of out. On Linux the two are exchanged in one step; elsewhere, or when
// out does not exist yet, by two renames. The old site is disposed of afterwards; when that fails, the new site is
// in place all the same, and swap says what is left where.
func swap(tmp, out string, dispose func(string) error) (leftover string, err error) {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", os.Rename(tmp, out)
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("%s finns redan och är inte en mapp (ta bort den, eller välj en annan mapp med --out)", out)
	}
	old := tmp // after the exchange, tmp holds the old site
	if exchange(tmp, out) != nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return "", err
		}
		if err := os.Rename(tmp, out); err != nil {
			if os.Rename(old, out) != nil {
				return "", &LostError{err: err, old: old, new: tmp}
			}
			return "", err
		}
	}
	if err := dispose(old); err != nil {
		return fmt.Sprintf("den gamla webbplatsen ligger kvar i %s: %s", old, errText(err)), nil
	}
	return "", nil
}

// LostError is a swap that failed half-way: neither site is at the output folder any more.
type LostError struct {
	err      error
	old, new string
}

func (e *LostError) Error() string {
	return fmt.Sprintf("%s. Den gamla webbplatsen ligger nu i %s och den nya i %s. Byt tillbaka namnet på en av dem", errText(e.err), e.old, e.new)
}

func (e *LostError) Unwrap() error { return e.err }

// WriteError is a failure to write the site, as opposed to a problem in the content: the disk is full, the folder
// is read-only, the build was interrupted. The output folder is as it was unless the message says otherwise.
type WriteError struct {
	Out    string // the output folder as given
	Err    error
	Needed int64  // bytes of the whole site, when the failure came while writing it
	Dir    string // the folder the site was being written in
}

func (e *WriteError) Unwrap() error { return e.Err }

func (e *WriteError) Error() string {
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
	where := e.Dir
	if where == "" {
		where = filepath.Dir(filepath.Clean(e.Out))
	}
	switch {
	case errors.Is(e.Err, syscall.ENOSPC) || errors.Is(e.Err, syscall.EDQUOT):
		msg := fmt.Sprintf("disken där %s ligger är full", where)
		if e.Needed > 0 {
			msg += ": webbplatsen behöver " + mb(e.Needed)
			if free, ok := freeSpace(where); ok {
				msg += " och " + mb(free) + " är ledigt där"
			}
		}
		return msg + fmt.Sprintf(". %s är oförändrad (frigör utrymme, eller bygg någon annanstans med --out)", e.Out)
	case errors.Is(e.Err, syscall.EROFS):
		return fmt.Sprintf("%s ligger på en skrivskyddad disk. %s är oförändrad (bygg någon annanstans med --out)", where, e.Out)
	case errors.Is(e.Err, fs.ErrPermission):
		return fmt.Sprintf("du saknar behörighet att skriva i %s. %s är oförändrad (webbplatsen skrivs bredvid %s och byts sedan in, så även mappen ovanför måste vara skrivbar)",
			where, e.Out, e.Out)
	}
	return fmt.Sprintf("kunde inte skriva %s: %s", e.Out, errText(e.Err))
}
