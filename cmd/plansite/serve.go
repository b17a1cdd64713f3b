package main

// plansite serve runs the live preview, which is a program of its own, plansite-serve (cmd/plansite-serve): the
// program that publishes carries no web server, and starts some 3 ms faster without net/http and TLS.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// previewName is the live preview's program.
const previewName = "plansite-serve"

// findPreview returns where plansite-serve is: beside this program, where `go install ./cmd/...` and
// `go build -o DIR ./cmd/...` put them both, or else on PATH.
func findPreview() (string, error) {
	name := previewName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), name)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p, nil
		}
	}
	return exec.LookPath(previewName)
}

// cmdServe hands the command line over to plansite-serve.
func cmdServe(args []string, stdout, stderr io.Writer) int {
	p, err := findPreview()
	if err != nil {
		fmt.Fprintf(stderr, "plansite: förhandsvisningen är ett eget program, %s, som varken finns bredvid plansite eller i PATH.\n"+
			"Starta den med make serve, eller go run ./cmd/plansite-serve [flaggor] i plansites mapp; "+
			"go install ./cmd/plansite ./cmd/plansite-serve installerar båda.\n", previewName)
		return 1
	}
	return runPreview(p, args, stdout, stderr)
}
