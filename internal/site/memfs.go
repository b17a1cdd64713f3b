package site

// A site rendered in memory, as a file system the preview can serve without writing anything to disk.

import "io/fs"

// RenderFS renders the site in memory and returns it as a read-only file system.
func RenderFS(opt Options) (fs.FS, Stats, error) {
	return newSession(false).RenderFS(opt)
}
