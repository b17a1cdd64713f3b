package output

// The memory sink: a site kept in memory as a read-only file system, which the preview serves without writing
// anything to disk.

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

// Memory keeps the files put in it. Copied files (pictures) are read when they are put.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty memory sink.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Put keeps the file, its parts joined.
func (m *Memory) Put(f File) error {
	data := f.Data
	if data == nil && f.Src != "" {
		var err error
		if data, err = os.ReadFile(f.Src); err != nil {
			return err
		}
	}
	for _, more := range f.More {
		data = append(data[:len(data):len(data)], more...)
	}
	m.mu.Lock()
	m.files[f.Path] = data
	m.mu.Unlock()
	return nil
}

// Each calls fn with every file kept, in no order.
func (m *Memory) Each(fn func(path string, data []byte)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for p, data := range m.files {
		fn(p, data)
	}
}

// FS returns the files kept so far as a read-only file system; files put later are not in it.
func (m *Memory) FS() fs.FS {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := make(memFS, len(m.files))
	for p, data := range m.files {
		c[p] = data
	}
	return c
}

// Same reports whether two sites that FS returned hold the same files, byte for byte. Any other file system is
// taken to differ.
func Same(a, b fs.FS) bool {
	x, ok := a.(memFS)
	y, ok2 := b.(memFS)
	if !ok || !ok2 || len(x) != len(y) {
		return false
	}
	for p, data := range x {
		if other, ok := y[p]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

// memFS maps slash-separated paths to file contents; folders are implied by the paths.
type memFS map[string][]byte

func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m[name]; ok {
		return &memFile{Reader: bytes.NewReader(data), info: memInfo{name: path.Base(name), size: int64(len(data))}}, nil
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	var entries []fs.DirEntry
	seen := map[string]bool{}
	for p, data := range m {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		child, _, isDir := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		info := memInfo{name: child, dir: isDir}
		if !isDir {
			info.size = int64(len(data))
		}
		entries = append(entries, fs.FileInfoToDirEntry(info))
	}
	if len(entries) == 0 && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return &memDir{info: memInfo{name: path.Base(name), dir: true}, entries: entries}, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    memInfo
	entries []fs.DirEntry
	read    int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error)   { return 0, io.EOF }
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.read += n
	return rest[:n], nil
}
