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
	"sync"

	"github.com/stockholm/plansite/internal/problem"
)

// NewResult says what NewRevision did.
type NewResult struct {
	Dir     string // the new revision's folder
	From    string // the folder it was copied from
	Files   int    // files copied
	Cleared int    // activities whose follow-up statuses were removed
}

// NewRevision copies the newest revision folder in dir to dir/<year> and rewrites its plan.md: år and the year in
// titel become year, status becomes utkast, and the decision (beslutad, paragraf, godkänd_av_ks) and the address
// of the adopted document are removed. Every activity's follow-up
// statuses are removed, since a new year has no report yet; the indicators keep their history and gain no value
// for the new year. Everything else is kept for the coordinator to revise. It refuses to overwrite an existing
// folder, and a year not after the newest revision.
func NewRevision(dir string, year int) (*NewResult, error) {
	res := &NewResult{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("innehållsmappen %s går inte att läsa: %s", dir, problem.Reason(err))
	}
	newest := -1
	for _, e := range entries {
		if e.IsDir() && yearDir().MatchString(e.Name()) {
			y, _ := strconv.Atoi(e.Name())
			newest = max(newest, y)
		}
	}
	if newest < 0 {
		return nil, fmt.Errorf("%s har ingen revidering (till exempel %s/2020) att utgå från", dir, dir)
	}
	dst := filepath.Join(dir, strconv.Itoa(year))
	if _, err := os.Stat(dst); err == nil {
		return nil, fmt.Errorf("%s finns redan, och en revidering skrivs aldrig över (ta bort mappen först om du vill börja om)", dst)
	}
	if year <= newest {
		return nil, fmt.Errorf("den senaste revideringen är %d, och den nya måste komma efter den", newest)
	}
	src := filepath.Join(dir, strconv.Itoa(newest))
	tmp, err := os.MkdirTemp(dir, ".new-"+strconv.Itoa(year)+"-")
	if err != nil {
		return nil, err
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
			return fmt.Errorf("%s är inte en vanlig fil (utan en länk, en pipe eller en enhet). Byt den mot en kopia av filen den står för, och kör new igen", p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case rel == "plan.md":
			data = []byte(nextPlan(string(data), newest, year))
		case filepath.Dir(rel) == activitiesDir && strings.HasSuffix(rel, ".md"):
			var cleared bool
			if data, cleared = clearFollowUp(data); cleared {
				res.Cleared++
			}
		}
		res.Files++
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return nil, err
	}
	res.Dir, res.From = dst, src
	return res, nil
}

var (
	yearLine    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^(\x{FEFF}?år:)[ \t]*.*$`) })
	statusLine  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^status:[ \t]*.*$`) })
	titleLine   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^titel:.*$`) })
	decidedLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^(beslutad|paragraf|godkänd_av_ks|dokument):.*\r?\n`)
	})
)

// clearFollowUp removes an activity's follow-up (the status key and its indented lines) from its frontmatter: a
// new year has no report yet. It reports whether there was one.
func clearFollowUp(src []byte) ([]byte, bool) {
	lines := strings.SplitAfter(string(src), "\n")
	var out strings.Builder
	fences, inStatus, cleared := 0, false, false
	for _, l := range lines {
		bare := strings.TrimRight(l, "\r\n")
		if fences < 2 && strings.TrimPrefix(bare, "\uFEFF") == "---" {
			fences++
			inStatus = false
		} else if fences == 1 {
			switch {
			case strings.HasPrefix(bare, "status:"):
				inStatus, cleared = true, true
				continue
			case inStatus && (strings.HasPrefix(bare, " ") || strings.HasPrefix(bare, "\t") || bare == ""):
				continue
			default:
				inStatus = false
			}
		}
		out.WriteString(l)
	}
	return []byte(out.String()), cleared
}

// nextPlan rewrites the frontmatter of plan.md line by line, so comments and layout are kept.
func nextPlan(src string, from, to int) string {
	end := len(src)
	if i := strings.Index(src[3:], "\n---"); strings.HasPrefix(strings.TrimPrefix(src, "\uFEFF"), "---") && i >= 0 {
		end = i + 3
	}
	front, rest := src[:end], src[end:]
	front = yearLine().ReplaceAllString(front, "${1} "+strconv.Itoa(to))
	front = statusLine().ReplaceAllString(front, "status: "+string(Draft))
	front = decidedLine().ReplaceAllString(front, "")
	front = titleLine().ReplaceAllStringFunc(front, func(l string) string {
		return strings.ReplaceAll(l, strconv.Itoa(from), strconv.Itoa(to))
	})
	return front + rest
}
