package plangen_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/plangen"
)

var (
	small  = plangen.Options{Revisions: 3, Sections: 8, Activities: 12, Seed: 1}
	medium = plangen.Large()
)

// generate writes o into a new folder and checks that the count Generate returns is the files on disk.
func generate(t *testing.T, o plangen.Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	n, err := plangen.Generate(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if files := len(readTree(t, dir)); files != n {
		t.Errorf("Generate returned %d, but %d files are on disk", n, files)
	}
	return dir
}

// readTree returns every file below dir by its slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func load(t *testing.T, dir string) *content.Plan {
	t.Helper()
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatalf("the generated content does not load:\n%v", err)
	}
	return plan
}

func TestGeneratedContentLoads(t *testing.T) {
	for _, o := range []plangen.Options{small, medium, {Revisions: 1, Sections: 1, Activities: 3, Seed: 9, FirstYear: 1999}} {
		t.Run(fmt.Sprintf("%dx%dx%d", o.Revisions, o.Sections, o.Activities), func(t *testing.T) {
			dir := generate(t, o)
			plan := load(t, dir)
			if plan.Page(content.StatementSlug) == nil {
				t.Error("no accessibility statement")
			}
			first := o.FirstYear
			if first == 0 {
				first = 2020
			}
			if len(plan.Revisions) != o.Revisions {
				t.Fatalf("%d revisions, want %d", len(plan.Revisions), o.Revisions)
			}
			for i, rev := range plan.Revisions {
				if rev.Year != first+i {
					t.Errorf("revision %d is for %d, want %d", i, rev.Year, first+i)
				}
				last := i == len(plan.Revisions)-1
				if last && (rev.Status != content.Draft || !rev.Decided.IsZero()) {
					t.Errorf("%d: the last revision is %s with beslutad %v, want a draft with no date", rev.Year, rev.Status, rev.Decided)
				}
				if !last && (rev.Status != content.Adopted || rev.Decided.Year() != rev.Year) {
					t.Errorf("%d: status %s, beslutad %v; want adopted that year", rev.Year, rev.Status, rev.Decided)
				}
				if len(rev.Sections) != o.Sections {
					t.Errorf("%d: %d sections, want %d", rev.Year, len(rev.Sections), o.Sections)
				}
				if n := len(rev.Activities()); n != o.Activities {
					t.Errorf("%d: %d activities, want %d", rev.Year, n, o.Activities)
				}
				if rev.Worry() == nil {
					t.Errorf("%d: no section is vid_oro", rev.Year)
				}
				checkSections(t, rev, o.Sections > 1)
				checkMarkdown(t, rev)
			}
		})
	}
}

// checkSections checks that the sections look like a real plan's: several hundred words each, subsections, lists,
// and among them tables and footnotes; only some with activity tables.
func checkSections(t *testing.T, rev *content.Revision, many bool) {
	t.Helper()
	var withTables, withFootnotes, withRows, size int
	for _, s := range rev.Sections {
		md := s.Body.Markdown
		size += len(md)
		if words := len(strings.Fields(md)); words < 300 || words > 1200 {
			t.Errorf("%s: %d words", s.Pos.File, words)
		}
		if !strings.Contains(md, "\n## ") || !strings.Contains(md, "\n- ") {
			t.Errorf("%s has no ## heading or no list:\n%s", s.Pos.File, md)
		}
		if strings.Contains(md, "\n|---") {
			withTables++
		}
		if strings.Contains(md, "\n[^1]: ") {
			withFootnotes++
		}
		if len(s.Activities) > 0 {
			withRows++
		}
	}
	if !many {
		return
	}
	if withRows == 0 || withRows == len(rev.Sections) {
		t.Errorf("%d: %d of %d sections have activities; want some but not all", rev.Year, withRows, len(rev.Sections))
	}
	if len(rev.Sections) >= 60 {
		if withTables == 0 || withFootnotes == 0 {
			t.Errorf("%d: %d sections with tables, %d with footnotes; want some of each", rev.Year, withTables, withFootnotes)
		}
		if size < 200_000 {
			t.Errorf("%d: the sections hold %d bytes of Markdown; want a few hundred KB", rev.Year, size)
		}
	}
}

// checkMarkdown renders the revision's Markdown the way the build does, which reports problems the loader does not
// look for, such as a # heading or a skipped heading level.
func checkMarkdown(t *testing.T, rev *content.Revision) {
	t.Helper()
	conv := markdown.New()
	check := func(text content.Text, opt markdown.Options) {
		for _, is := range conv.Convert([]byte(text.Markdown), opt).Issues {
			t.Errorf("%s:%d: %s", text.Pos.File, text.Pos.Line+is.Line-1, is.Msg)
		}
	}
	check(rev.Preface, markdown.Options{NoHeadings: true})
	ids := markdown.NewIDs()
	for _, s := range rev.Sections {
		check(s.Body, markdown.Options{Shift: 1, IDs: ids, FootnotePrefix: "fn-" + s.ID + "-"})
		for _, a := range s.Activities {
			for _, cell := range []content.Text{a.Aktivitet, a.Ansvarig, a.Tidplan, a.Uppfoljning} {
				check(cell, markdown.Options{NoHeadings: true})
			}
		}
	}
}

func TestSameSeedSameBytes(t *testing.T) {
	o := plangen.Options{Revisions: 5, Sections: 20, Activities: 30, Seed: 42}
	a, b := readTree(t, generate(t, o)), readTree(t, generate(t, o))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}

	o.Seed = 43
	c := readTree(t, generate(t, o))
	same := 0
	for p, data := range c {
		if bytes.Equal(data, a[p]) {
			same++
		}
	}
	if same > 2 { // the marker and the accessibility statement do not depend on the seed
		t.Errorf("%d of %d files are the same with another seed", same, len(c))
	}
}

// TestChurn checks that each revision changes the previous one the way a real revision does.
func TestChurn(t *testing.T) {
	plan := load(t, generate(t, medium))
	type row struct{ section, ansvarig, tidplan string }
	everSections, everRows := map[string]bool{}, map[string]string{} // a row's id → its text when last seen
	restored := 0
	var removed, added, renamed, reworded, unchanged, handedOver, moved, retimed, dropped, newRows int
	for i, rev := range plan.Revisions {
		sections := map[string]*content.Section{}
		for _, s := range rev.Sections {
			sections[s.ID] = s
		}
		rows := map[string]row{}
		texts := map[string]string{}
		for _, a := range rev.Activities() {
			rows[a.ID] = row{a.SectionID, a.Ansvarig.Markdown, a.Tidplan.Markdown}
			texts[a.ID] = a.Aktivitet.Markdown
		}
		if i > 0 {
			prev := plan.Revisions[i-1]
			shared := 0
			for _, p := range prev.Sections {
				s, ok := sections[p.ID]
				switch {
				case !ok:
					removed++
				case s.Title != p.Title:
					renamed++
				}
				if ok {
					shared++
					if s.Body.Markdown == p.Body.Markdown {
						unchanged++
					} else {
						reworded++
					}
				}
			}
			if shared < len(prev.Sections)-3 {
				t.Errorf("%d: only %d of %d section ids are kept from %d", rev.Year, shared, len(prev.Sections), prev.Year)
			}
			prevRows := map[string]bool{}
			for _, p := range prev.Activities() {
				prevRows[p.ID] = true
				a, ok := rows[p.ID]
				switch {
				case !ok:
					dropped++
				case a.section != p.SectionID:
					moved++
				}
				if ok && a.ansvarig != p.Ansvarig.Markdown {
					handedOver++
				}
				if ok && a.tidplan != p.Tidplan.Markdown {
					retimed++
				}
			}
			for _, s := range rev.Sections {
				if prev.Section(s.ID) == nil {
					added++
					if everSections[s.ID] {
						t.Errorf("%d: the id %s of a removed section is used again", rev.Year, s.ID)
					}
				}
			}
			for id := range rows {
				if !prevRows[id] {
					newRows++
					if text, ok := everRows[id]; ok {
						// A row that was done may come back as it was; its id never names another activity.
						if texts[id] != text {
							t.Errorf("%d: the id %s of a removed activity is used again for another one", rev.Year, id)
						}
						restored++
					}
				}
			}
		}
		for id := range sections {
			everSections[id] = true
		}
		for _, a := range rev.Activities() {
			everRows[a.ID] = a.Aktivitet.Markdown
		}
	}
	t.Logf("sections: %d removed, %d added, %d renamed, %d reworded, %d unchanged; "+
		"activities: %d dropped, %d added, %d moved, %d handed over, %d retimed",
		removed, added, renamed, reworded, unchanged, dropped, newRows, moved, handedOver, retimed)
	for name, n := range map[string]int{"removed sections": removed, "added sections": added, "renamed sections": renamed,
		"reworded sections": reworded, "unchanged sections": unchanged, "dropped activities": dropped,
		"new activities": newRows, "moved activities": moved, "activities with a new ansvarig": handedOver,
		"activities with a new tidplan": retimed, "activities back after being done": restored} {
		if n == 0 {
			t.Errorf("no %s in %d revisions", name, medium.Revisions)
		}
	}

	// Over the years the plan changes but stays recognisable.
	first, last := plan.Revisions[0], plan.Revisions[len(plan.Revisions)-1]
	gone := 0
	for _, s := range first.Sections {
		if last.Section(s.ID) == nil {
			gone++
		}
	}
	if gone == 0 || gone == len(first.Sections) {
		t.Errorf("%d of %d sections of %d are gone in %d; want some", gone, len(first.Sections), first.Year, last.Year)
	}
}

func TestReplacesOnlyItsOwnOutput(t *testing.T) {
	dir := generate(t, small)
	o := small
	o.Revisions = 2
	if _, err := plangen.Generate(dir, o); err != nil {
		t.Fatal(err)
	}
	if plan := load(t, dir); len(plan.Revisions) != 2 {
		t.Errorf("%d revisions after writing 2 over 3; the old ones were not removed", len(plan.Revisions))
	}

	other := t.TempDir()
	keep := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := plangen.Generate(other, small); err == nil {
		t.Error("Generate wrote into a folder that holds other files")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file in the folder is gone: %v", err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []plangen.Options{
		{Revisions: 0, Sections: 8, Activities: 12},
		{Revisions: 3, Sections: 0, Activities: 12},
		{Revisions: 3, Sections: 8, Activities: -1},
		{Revisions: 3, Sections: 8, Activities: 12, FirstYear: 9998},
		{Revisions: 3, Sections: 8, Activities: 12, FirstYear: 999},
	} {
		dir := filepath.Join(t.TempDir(), "content")
		if _, err := plangen.Generate(dir, o); err == nil {
			t.Errorf("Generate(%+v) gave no error", o)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("Generate(%+v) created the folder although the options are wrong", o)
		}
	}
}
