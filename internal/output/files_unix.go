//go:build unix

package output

// A site's files, compared and written with plain system calls. os.Open and os.WriteFile offer every file to the
// runtime's poller, which refuses a regular file on Linux: four fcntl calls and a failed epoll_ctl for each file,
// half of the time of opening a small one here (about 10 of 21 µs), for each of the hundred files of the shipped
// plan's build and its comparison with the published site.

import (
	"bytes"
	"io/fs"
	"syscall"
)

// sameContent reports whether the regular file at path holds exactly f's contents: its size, then its bytes, read
// a piece at a time into buf. A link, a folder or a named pipe at path is not the same (the file is opened without
// following a link or waiting for a writer). The output's folder is locked while a build writes beside it, so the
// file does not grow while it is read.
func sameContent(path string, f File, buf []byte) bool {
	fd, err := ignoringEINTR(func() (int, error) {
		return syscall.Open(path, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != f.Size() {
		return false
	}
	for _, part := range append([][]byte{f.Data}, f.More...) {
		for len(part) > 0 {
			n, err := ignoringEINTR(func() (int, error) { return syscall.Read(fd, buf[:min(len(buf), len(part))]) })
			if err != nil || n <= 0 || !bytes.Equal(buf[:n], part[:n]) {
				return false
			}
			part = part[n:]
		}
	}
	return true // as many bytes as the file has, fstat said
}

// writeFile writes the parts, one after the other, to a new file at p (or over the file there), as os.WriteFile
// does, with the same errors.
func writeFile(p string, parts ...[]byte) error {
	fd, err := ignoringEINTR(func() (int, error) {
		return syscall.Open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for _, part := range parts {
		for len(part) > 0 {
			n, err := ignoringEINTR(func() (int, error) { return syscall.Write(fd, part) })
			if err != nil {
				syscall.Close(fd)
				return &fs.PathError{Op: "write", Path: p, Err: err}
			}
			part = part[n:]
		}
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

func ignoringEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
