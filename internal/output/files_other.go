//go:build !unix

package output

import (
	"bytes"
	"io"
	"net"
	"os"
)

// sameContent reports whether the regular file at path holds exactly f's contents. It reads the file a piece at a
// time into buf.
func sameContent(path string, f File, buf []byte) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != f.Size() {
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

// writeFile writes the parts, one after the other, to a new file at p (or over the file there).
func writeFile(p string, parts ...[]byte) error {
	w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bufs := net.Buffers(parts)
	if _, err := bufs.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
