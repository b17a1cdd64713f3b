// Package demo assembles the demonstration plan for tests, benchmarks and `make demo`: the shipped content with
// the example revisions of examples/ beside it, in a folder of its own. The examples are never in content/, so a
// published build can never show them as fact, and a fresh clone starts next year's revision from the real plan.
package demo

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Content copies the demonstration plan into a temporary folder of the test and returns that folder.
func Content(tb testing.TB) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	dst := filepath.Join(tb.TempDir(), "content")
	if err := Assemble(root, dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// Assemble writes the demonstration plan of the repository at root into dst, which must not exist: content/, and
// each revision folder of examples/ beside its revisions.
func Assemble(root, dst string) error {
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(root, "content"))); err != nil {
		return err
	}
	examples := filepath.Join(root, "examples")
	entries, err := os.ReadDir(examples)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			if err := os.CopyFS(filepath.Join(dst, e.Name()), os.DirFS(filepath.Join(examples, e.Name()))); err != nil {
				return err
			}
		}
	}
	return nil
}

// repoRoot is the folder with go.mod above the working folder.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder")
		}
		dir = parent
	}
}
