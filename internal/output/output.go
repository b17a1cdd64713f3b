// Package output takes the files of a rendered site: a folder sink that writes them beside the output folder and
// swaps them in whole, so a failed build leaves the old site, and a memory sink that keeps them as an fs.FS for the
// preview. It also decides which folders a build may replace.
package output

import (
	"io"
	"os"
)

// File is one file of a site.
type File struct {
	Path string   // slash-separated, relative to the site's root
	Data []byte   // contents, or nil to copy Src
	More [][]byte // written after Data: a big page's parts, joined only where they are stored
	Src  string   // a file to copy, when Data is nil: a picture of the content
}

// Size is the number of bytes of Data and More; a copied file counts as nothing until it is read.
func (f File) Size() int64 {
	n := int64(len(f.Data))
	for _, m := range f.More {
		n += int64(len(m))
	}
	return n
}

// Sink takes a site's files as they are made. Put is safe for concurrent use; an error from it stops the build.
type Sink interface {
	Put(File) error
}

// write writes the file's contents to p.
func (f File) write(p string) error {
	if f.Data == nil && f.Src != "" {
		return copyFile(f.Src, p)
	}
	return writeFile(p, append([][]byte{f.Data}, f.More...)...)
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
