package output

// Where a build may write: the output folder is replaced as a whole, so it must never be a folder that holds the
// coordinator's work. A folder is replaced only when an earlier build made it (it holds the marker file), when it is
// empty, or when the user says so with --replace.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/problem"
)

// Marker is the file every build writes at the top of the output folder. Its presence tells the next build that
// the folder is a site plansite made, which it may replace as a whole.
const Marker = ".plansite-site"

// markerText is the marker's contents: the same in every build, so the output stays byte-identical.
const markerText = "This folder was made by plansite build. The next build replaces it as a whole.\n"

// OutputError says why a build refuses to write to the output folder. It is not a problem in the content.
type OutputError struct {
	Out  string // the output folder as given
	What string // what is wrong
	Hint string // how to proceed
}

func (e *OutputError) Error() string {
	return fmt.Sprintf("--out %s: %s (%s)", e.Out, e.What, e.Hint)
}

// Target is an output folder and the folders a build reads, which it must never replace.
type Target struct {
	Out     string // the output folder
	Content string // the content folder
	Layouts string // the layouts folder; "" for none
	Replace bool   // the user allows replacing a folder that holds files no build made
}

// Check refuses an output folder that a build would destroy work by replacing: the content or layouts folder, a
// folder inside them or holding them, the repository's root or a folder holding it, the folder plansite runs in,
// and a non-empty folder that no earlier build made (unless t.Replace).
func Check(opt Target) error {
	out, err := resolve(opt.Out)
	if err != nil {
		return &OutputError{opt.Out, "det går inte att komma åt mappen: " + errText(err), "välj en annan mapp med --out"}
	}
	refuse := func(what, hint string) error { return &OutputError{opt.Out, what, hint} }
	for _, kept := range []struct{ name, dir string }{{"innehållsmappen", opt.Content}, {"layoutmappen", opt.Layouts}} {
		if kept.dir == "" {
			continue
		}
		dir, err := resolve(kept.dir)
		if err != nil {
			continue // a missing folder is reported by the build itself
		}
		switch {
		case dir == out:
			return refuse("det här är "+kept.name+", som bygget läser. Om den ersätts raderas dina filer",
				"skriv webbplatsen någon annanstans, till exempel --out public")
		case within(out, dir):
			return refuse("den här mappen ligger i "+kept.name+" "+kept.dir+". Då blandas webbplatsen med dina filer",
				"skriv webbplatsen utanför den, till exempel --out public")
		case within(dir, out):
			return refuse("den här mappen innehåller "+kept.name+" "+kept.dir+". Om den ersätts raderas dina filer",
				"skriv webbplatsen i en egen mapp, till exempel --out public")
		}
	}
	if root := repoRoot(opt.Content); root != "" && (root == out || within(root, out)) {
		return refuse("den här mappen är eller innehåller git-förrådet "+root+". Om den ersätts raderas ditt arbete",
			"skriv webbplatsen i en egen mapp, till exempel --out public")
	}
	if root := repoRoot(opt.Content); root != "" && within(out, filepath.Join(root, ".git")) {
		return refuse("den här mappen ligger i git-förrådets mapp .git", "skriv webbplatsen i en egen mapp, till exempel --out public")
	}
	if wd, err := os.Getwd(); err == nil {
		if wd, err := resolve(wd); err == nil && (wd == out || within(wd, out)) {
			return refuse("det här är, eller innehåller, mappen som plansite körs i", "skriv webbplatsen i en egen mapp, till exempel --out public")
		}
	}
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return refuse("det går inte att komma åt mappen: "+errText(err), "välj en annan mapp med --out")
	case !info.IsDir():
		return refuse("det här är en fil, inte en mapp", "ta bort filen, eller välj en annan mapp med --out")
	}
	if opt.Replace {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return refuse("mappen går inte att läsa: "+errText(err), "välj en annan mapp med --out")
	}
	if len(entries) == 0 {
		return nil
	}
	names := make([]string, 0, 3)
	for _, e := range entries[:min(3, len(entries))] {
		names = append(names, e.Name())
	}
	held := strings.Join(names, ", ")
	if len(entries) > 3 {
		held += fmt.Sprintf(" och %d till", len(entries)-3)
	}
	return refuse(fmt.Sprintf("mappen innehåller filer som plansite inte har skapat (%s), och ett bygge ersätter hela mappen", held),
		"välj en ny eller tom mapp, eller använd --replace om allt i mappen får raderas")
}

// resolve makes p absolute, with the links of its existing part followed, so that two names of one folder compare
// equal. The part that does not exist yet is kept as it is.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			slices.Reverse(rest)
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = append(rest, filepath.Base(dir))
	}
}

// within reports whether the path p lies inside the folder dir; both are resolved.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// repoRoot is the resolved root of the git repository that holds the content folder, or "" when there is none.
func repoRoot(content string) string {
	dir, err := resolve(content)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// errText is the reason of a file-system error, without the path the message already names.
func errText(err error) string { return problem.Reason(err) }
