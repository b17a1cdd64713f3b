package content

// NewRevision starts next year's revision as a copy of the newest one, the first step of the yearly revision.

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// NewRevision copies the newest revision folder in dir to dir/<year> and rewrites its plan.md: år and the year in
// titel become year, status becomes utkast, and the decision dates are removed. Everything else is kept for the
// coordinator to revise. It refuses to overwrite an existing folder, and a year not after the newest revision.
// It returns the new folder and the revision it was copied from.
func NewRevision(dir string, year int) (string, string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", "", err
	}
	newest := -1
	for _, e := range entries {
		if e.IsDir() && yearDir.MatchString(e.Name()) {
			y, _ := strconv.Atoi(e.Name())
			newest = max(newest, y)
		}
	}
	if newest < 0 {
		return "", "", fmt.Errorf("%s has no revision folder (like %s/2020) to start from", dir, dir)
	}
	dst := filepath.Join(dir, strconv.Itoa(year))
	if _, err := os.Stat(dst); err == nil {
		return "", "", fmt.Errorf("%s already exists; a revision is never overwritten (delete the folder first if you mean to start again)", dst)
	}
	if year <= newest {
		return "", "", fmt.Errorf("the newest revision is %d; the new one must come after it", newest)
	}
	src := filepath.Join(dir, strconv.Itoa(newest))
	tmp, err := os.MkdirTemp(dir, ".new-"+strconv.Itoa(year)+"-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel != "." && Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(tmp, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		// Links, pipes and devices are not copied: reading one could hang, or never end, or copy a file from
		// outside the content folder into the plan.
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not an ordinary file (a link, a pipe or a device); replace it with a copy of the file it stands for, then run new again", p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "plan.md" {
			data = []byte(nextPlan(string(data), newest, year))
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return "", "", err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return "", "", err
	}
	return dst, src, nil
}

var (
	yearLine    = regexp.MustCompile(`(?m)^(\x{FEFF}?år:)[ \t]*.*$`)
	statusLine  = regexp.MustCompile(`(?m)^status:[ \t]*.*$`)
	titleLine   = regexp.MustCompile(`(?m)^titel:.*$`)
	decidedLine = regexp.MustCompile(`(?m)^(beslutad|godkänd_av_ks):.*\r?\n`)
)

// nextPlan rewrites the frontmatter of plan.md line by line, so comments and layout are kept.
func nextPlan(src string, from, to int) string {
	end := len(src)
	if i := strings.Index(src[3:], "\n---"); strings.HasPrefix(strings.TrimPrefix(src, "\uFEFF"), "---") && i >= 0 {
		end = i + 3
	}
	front, rest := src[:end], src[end:]
	front = yearLine.ReplaceAllString(front, "${1} "+strconv.Itoa(to))
	front = statusLine.ReplaceAllString(front, "status: "+string(Draft))
	front = decidedLine.ReplaceAllString(front, "")
	front = titleLine.ReplaceAllStringFunc(front, func(l string) string {
		return strings.ReplaceAll(l, strconv.Itoa(from), strconv.Itoa(to))
	})
	return front + rest
}
