package output

// The old site's folders, kept for the next build. A build writes a new tree and swaps it in, so every folder of
// the site is made anew each time, and the old ones removed. Making a folder takes a new inode, and on some disks
// finding a free one gets slower with every inode freed in the last minutes (ext4 without a journal skips them one
// by one: the large plan's 355 folders took a tenth of its build's CPU time in mkdir). So once the new site is in
// place, the old one is emptied of files but keeps its folders, which wait beside the output folder (the
// skeleton) for the next build: that build starts from them, finds the folders it needs already made, and removes
// the ones it did not need before its site is swapped in.
//
// The skeleton holds folders only. It gets its name once it is emptied, so a build killed while emptying it leaves
// a temporary folder, which the next build removes.

import (
	"bufio"
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/stockholm/plansite/internal/cores"
)

// skeletonName is the name of the folder beside out that keeps the last site's folders.
func skeletonName(out string) string { return "." + filepath.Base(out) + ".folders" }

// Skeleton is the folder beside out where the last site's folders wait for the next build. It holds folders and
// the list of them, never a file of a site.
func Skeleton(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), skeletonName(out))
}

// SkeletonList is the name of the list of folders in the skeleton, its only file.
const SkeletonList = skeletonList

// skeletonList is the file in the skeleton that lists its folders, one relative path a line, so that the next
// build need not read every folder to know them.
const skeletonList = ".plansite-folders"

// takeSkeleton moves the skeleton beside out, if there is one, to tmp and returns the folders it has, tmp
// included. Without a skeleton, or when it cannot be used, it returns nil and tmp does not exist.
func takeSkeleton(out, tmp string) []string {
	skel := filepath.Join(filepath.Dir(out), skeletonName(out))
	list, err := os.ReadFile(filepath.Join(skel, skeletonList))
	if err != nil {
		os.RemoveAll(skel)
		return nil
	}
	if os.Remove(filepath.Join(skel, skeletonList)) != nil || os.Rename(skel, tmp) != nil {
		os.RemoveAll(skel)
		return nil
	}
	dirs := []string{tmp}
	for line := range strings.Lines(string(list)) {
		rel := strings.TrimSuffix(line, "\n")
		if rel == "" || !filepath.IsLocal(rel) {
			continue
		}
		dirs = append(dirs, filepath.Join(tmp, filepath.FromSlash(rel)))
	}
	return dirs
}

// keepSkeleton empties the folder dir, a site that is no longer published, of everything but its folders, and keeps
// it as the skeleton beside out. When that fails, it removes dir with removeAll.
func keepSkeleton(dir, out string, removeAll func(string) error) error {
	dirs, err := emptyTree(dir)
	if err == nil {
		err = writeList(filepath.Join(dir, skeletonList), dir, dirs)
	}
	if err == nil {
		skel := filepath.Join(filepath.Dir(out), skeletonName(out))
		if err = os.Rename(dir, skel); err != nil && os.RemoveAll(skel) == nil {
			err = os.Rename(dir, skel) // one a build could not take was in the way
		}
	}
	if err != nil {
		return removeAll(dir)
	}
	return nil
}

// writeList writes the folders below root, relative to it, to the file path.
func writeList(path, root string, dirs []string) error {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	for _, d := range dirs {
		rel, err := filepath.Rel(root, d)
		if err != nil {
			return err
		}
		w.WriteString(filepath.ToSlash(rel))
		w.WriteByte('\n')
	}
	w.Flush()
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// emptyTree removes every file below dir and returns the folders below it, which it keeps. Its top-level entries
// are emptied side by side, as removeTree removes them.
func emptyTree(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	type result struct {
		dirs []string
		err  error
	}
	results := make([]result, len(entries))
	cores.Each(len(entries), func(i int) {
		p := filepath.Join(dir, entries[i].Name())
		if entries[i].IsDir() {
			results[i].dirs, results[i].err = emptyFolder(p, nil)
		} else {
			results[i].err = os.Remove(p)
		}
	})
	var dirs []string
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		dirs = append(dirs, r.dirs...)
	}
	return dirs, nil
}

// emptyFolder removes every file below the folder dir and appends dir and the folders below it to dirs.
func emptyFolder(dir string, dirs []string) ([]string, error) {
	dirs = append(dirs, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dirs, err
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if dirs, err = emptyFolder(p, dirs); err != nil {
				return dirs, err
			}
		} else if err := os.Remove(p); err != nil {
			return dirs, err
		}
	}
	return dirs, nil
}

// removeUnused removes the folders of the skeleton that the build did not use, deepest first; a folder that holds
// something the build wrote is not empty, and stays, as does a file the build wrote where a folder was.
func removeUnused(skeleton []string, used func(string) bool) {
	var unused []string
	for _, d := range skeleton {
		if !used(d) {
			unused = append(unused, d)
		}
	}
	slices.SortFunc(unused, func(a, b string) int {
		return cmp.Compare(strings.Count(b, string(filepath.Separator)), strings.Count(a, string(filepath.Separator)))
	})
	for _, d := range unused {
		syscall.Rmdir(d)
	}
}
