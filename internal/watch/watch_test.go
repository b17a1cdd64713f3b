package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func start(t *testing.T, root string) <-chan Batch {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ignore := func(name string) bool {
		return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp")
	}
	b, _, err := Watch(ctx, []string{root}, Options{Quiet: 30 * time.Millisecond, Ignore: ignore})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func next(t *testing.T, b <-chan Batch) Batch {
	t.Helper()
	select {
	case x := <-b:
		return x
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5 s")
	}
	return Batch{}
}

func none(t *testing.T, b <-chan Batch, d time.Duration) {
	t.Helper()
	select {
	case x := <-b:
		t.Fatalf("unexpected batch %v", x.Paths)
	case <-time.After(d):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatch(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "a.md"), "a")
	b := start(t, root)

	t.Run("plain write", func(t *testing.T) {
		write(t, filepath.Join(root, "a.md"), "a2")
		if got := next(t, b); !slices.Contains(got.Paths, filepath.Join(root, "a.md")) {
			t.Errorf("batch %v", got.Paths)
		}
	})
	t.Run("atomic save: a temporary file renamed over the old one", func(t *testing.T) {
		tmp := filepath.Join(root, ".a.md.tmp")
		write(t, tmp, "a3")
		if err := os.Rename(tmp, filepath.Join(root, "a.md")); err != nil {
			t.Fatal(err)
		}
		got := next(t, b)
		if !slices.Contains(got.Paths, filepath.Join(root, "a.md")) || slices.Contains(got.Paths, tmp) {
			t.Errorf("batch %v", got.Paths)
		}
		none(t, b, 150*time.Millisecond) // one build per save
	})
	t.Run("swap and backup files alone", func(t *testing.T) {
		write(t, filepath.Join(root, ".a.md.swp"), "x")
		write(t, filepath.Join(root, "a.md~"), "x")
		none(t, b, 200*time.Millisecond)
	})
	t.Run("a new year folder, and files written into it later", func(t *testing.T) {
		year := filepath.Join(root, "2021", "avsnitt")
		if err := os.MkdirAll(year, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(year, "x.md"), "x")
		next(t, b)
		write(t, filepath.Join(year, "y.md"), "y")
		if got := next(t, b); !slices.Contains(got.Paths, filepath.Join(year, "y.md")) {
			t.Errorf("a file in the new folder was not seen: %v", got.Paths)
		}
	})
	t.Run("a deleted file", func(t *testing.T) {
		if err := os.Remove(filepath.Join(root, "a.md")); err != nil {
			t.Fatal(err)
		}
		if got := next(t, b); !slices.Contains(got.Paths, filepath.Join(root, "a.md")) {
			t.Errorf("batch %v", got.Paths)
		}
	})
	t.Run("a burst of 200 changes is one batch", func(t *testing.T) {
		for i := range 200 {
			write(t, filepath.Join(root, "burst.md"), strings.Repeat("x", i))
			if i%50 == 0 {
				write(t, filepath.Join(root, "other.md"), "o")
			}
		}
		// One batch, when the writes come faster than the quiet time the watcher waits for. On a machine so busy
		// that this test stalls for longer between two writes, the burst may come as a few batches; never as one
		// per write, and never with a path missing.
		batches := []Batch{next(t, b)}
		for {
			select {
			case x := <-b:
				batches = append(batches, x)
				continue
			case <-time.After(150 * time.Millisecond):
			}
			break
		}
		var paths []string
		for _, x := range batches {
			paths = append(paths, x.Paths...)
		}
		if !slices.Contains(paths, filepath.Join(root, "burst.md")) || !slices.Contains(paths, filepath.Join(root, "other.md")) || len(batches) > 4 {
			t.Errorf("%d batches: %v", len(batches), paths)
		}
	})
}

// TestWatchFiles: a single file beside the tree (a settings file) is watched, through a plain write, an atomic
// save and its creation; other files and folders beside it are not, and a new folder there is not watched.
func TestWatchFiles(t *testing.T) {
	top := t.TempDir()
	tree := filepath.Join(top, "content")
	if err := os.Mkdir(tree, 0o755); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(top, "plansite.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, _, err := Watch(ctx, []string{tree}, Options{Quiet: 30 * time.Millisecond, Files: []string{settings},
		Ignore: func(name string) bool { return strings.HasPrefix(name, ".") }})
	if err != nil {
		t.Fatal(err)
	}
	write(t, settings, "out: public\n")
	if got := next(t, b); !slices.Equal(got.Paths, []string{settings}) {
		t.Errorf("creating the file: batch %v", got.Paths)
	}
	tmp := filepath.Join(top, ".plansite.yaml.tmp")
	write(t, tmp, "out: ut\n")
	if err := os.Rename(tmp, settings); err != nil {
		t.Fatal(err)
	}
	if got := next(t, b); !slices.Equal(got.Paths, []string{settings}) {
		t.Errorf("an atomic save: batch %v", got.Paths)
	}
	write(t, filepath.Join(top, "README.md"), "x")
	if err := os.MkdirAll(filepath.Join(top, "public", "2020"), 0o755); err != nil {
		t.Fatal(err)
	}
	none(t, b, 150*time.Millisecond)
	write(t, filepath.Join(top, "public", "2020", "index.html"), "x")
	none(t, b, 150*time.Millisecond)
	write(t, filepath.Join(tree, "a.md"), "a")
	if got := next(t, b); !slices.Equal(got.Paths, []string{filepath.Join(tree, "a.md")}) {
		t.Errorf("the tree: batch %v", got.Paths)
	}
}
