package site

// A site rendered in memory, as a file system the preview can serve without writing anything to disk.

import (
	"io/fs"

	"github.com/stockholm/plansite/internal/output"
)

// RenderFS renders the site in memory and returns it as a read-only file system.
func RenderFS(opt Options) (fs.FS, Stats, error) {
	return newSession(false).RenderFS(opt)
}

// memFiles holds files in memory: a page in parts is joined, and a file to copy is read.
func memFiles(files []file) (fs.FS, error) {
	m := output.NewMemory()
	for _, f := range files {
		if err := m.Put(f); err != nil {
			return nil, err
		}
	}
	return m.FS(), nil
}
