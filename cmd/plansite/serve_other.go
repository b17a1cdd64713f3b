//go:build !unix

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
)

// runPreview runs the preview as a child process and returns its exit status. Ctrl-C reaches the child from the
// console; this process only waits for it.
func runPreview(path string, args []string, stdout, stderr io.Writer) int {
	signal.Ignore(os.Interrupt)
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(stderr, "plansite: %s går inte att starta: %v\n", path, err)
		return 1
	}
	return 0
}
