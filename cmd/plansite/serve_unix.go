//go:build unix

package main

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// runPreview replaces this process with the preview's, which then has the terminal and its Ctrl-C to itself.
func runPreview(path string, args []string, _, stderr io.Writer) int {
	err := syscall.Exec(path, append([]string{previewName}, args...), os.Environ())
	fmt.Fprintf(stderr, "plansite: %s går inte att starta: %v\n", path, err)
	return 1
}
