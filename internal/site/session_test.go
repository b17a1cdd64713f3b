package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/demo"
)

// TestSessionMatchesFreshRender renders the shipped plan in one session through a series of edits — a section,
// a table cell shared by both revisions, the glossary, a layout and an asset, a broken file and its repair, and
// back to the start — and checks after each that the session gives exactly the files a fresh render gives.
func TestSessionMatchesFreshRender(t *testing.T) {
	dir := demo.Content(t)
	lay := filepath.Join(t.TempDir(), "layouts")
	if err := os.MkdirAll(filepath.Join(lay, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	opt := Options{Content: dir, Layouts: lay, Drafts: true}
	sess := NewSession()
	originals := map[string]string{}
	edit := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := originals[p]; !ok {
			originals[p] = string(b)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s does not contain %q", rel, old)
		}
		write(t, p, strings.Replace(string(b), old, new, 1))
	}
	same := func(step string) {
		t.Helper()
		got, _, err := sess.RenderFS(opt)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		want, _, err := RenderFS(opt)
		if err != nil {
			t.Fatalf("%s: fresh render: %v", step, err)
		}
		n := 0
		err = fs.WalkDir(want, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			n++
			w, _ := fs.ReadFile(want, p)
			g, err := fs.ReadFile(got, p)
			if err != nil || !bytes.Equal(g, w) {
				t.Errorf("%s: %s differs from a fresh render (%v)", step, p, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		m := 0
		_ = fs.WalkDir(got, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				m++
			}
			return nil
		})
		if m != n {
			t.Errorf("%s: the session has %d files, a fresh render %d", step, m, n)
		}
	}

	same("first render")
	same("nothing changed")
	// CVE is in the glossary, and this cell is in both revisions.
	edit("2021/aktiviteter/101-natverk-vbe-samordnare.md", "Nordic Safe Cities", "Nordic Safe Cities (SLK)")
	same("a table cell")
	files, _ := filepath.Glob(filepath.Join(dir, "2021", "avsnitt", "*.md"))
	if len(files) == 0 {
		t.Fatal("no sections in 2021")
	}
	sec, _ := filepath.Rel(dir, files[0])
	edit(sec, "ordning: 10\n---\n", "ordning: 10\n---\nEtt nytt stycke om radikaliseringsprocesser i förhandsvisningen.\n\n")
	same("a section, with a new word")
	edit("sidor/forkortningar.md", "  SLK: stadsledningskontoret\n", "  SLK: stadsledningskontoret\n  Safe: ett påhittat ord\n")
	same("the glossary")
	write(t, filepath.Join(lay, "assets", "extra.css"), "p { color: #000 }\n")
	same("an asset added")
	base, err := os.ReadFile("../../layouts/baseof.html")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(lay, "baseof.html"), strings.Replace(string(base), "Stockholms stad", "Stockholms stad (test)", 1))
	same("a layout")
	edit(sec, "ordning: 10\n", "ordning: 10\nfärg: röd\n")
	if _, _, err := sess.RenderFS(opt); err == nil {
		t.Fatal("a broken section rendered")
	}
	edit(sec, "färg: röd\n", "")
	same("after a broken render")
	if _, err := content.NewRevision(dir, 2022); err != nil {
		t.Fatal(err)
	}
	same("a new revision")
	edit("2022/plan.md", "status: utkast", "status: antagen\nbeslutad: 2022-03-01")
	same("the new revision adopted: now the plan in force")
	edit("2020/plan.md", "\n---\n", "\n---\nEn ny mening i inledningen.\n")
	same("an older revision")
	if err := os.RemoveAll(filepath.Join(dir, "2022")); err != nil {
		t.Fatal(err)
	}
	same("the new revision removed")
	delete(originals, filepath.Join(dir, "2022", "plan.md"))
	for p, data := range originals {
		write(t, p, data)
	}
	os.RemoveAll(lay)
	opt.Layouts = ""
	same("back to the start")
}
