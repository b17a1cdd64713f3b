//go:build unix

package content

import (
	"syscall"

	"github.com/stockholm/plansite/internal/content/frontmatter"
)

// readPlain reads p when it is a plain file, not a link, of at most frontmatter.MaxFileSize bytes, with five
// system calls: open, fstat, a read of the whole file into a buffer of its size and one more byte, the read that
// finds its end, and close. It reports false for anything else (a link, a folder, a pipe, a file too large or
// growing while read, an error), and readFile then looks at the file step by step, as it always did, to say
// what is wrong with it. Going through os.File would cost an epoll registration, a fcntl and a read for every
// 512 bytes of the buffer io.ReadAll grows, for each of the large plan's 3,222 files.
func readPlain(p string) ([]byte, bool) {
	fd, err := ignoringEINTR(func() (int, error) {
		return syscall.Open(p, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := ignoringEINTR(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, false
	}
	size := int64(st.Size)
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG || size < 0 || size > frontmatter.MaxFileSize {
		return nil, false
	}
	buf := make([]byte, size+1)
	n := 0
	for {
		m, err := ignoringEINTR(func() (int, error) { return syscall.Read(fd, buf[n:]) })
		if err != nil || m < 0 {
			return nil, false
		}
		if m == 0 {
			return buf[:n:n], true
		}
		if n += m; n == len(buf) {
			return nil, false // the file grew while it was read
		}
	}
}

func ignoringEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
