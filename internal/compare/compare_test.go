package compare

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/plangen"
	"golang.org/x/tools/txtar"
)

// load unpacks a txtar archive of a content folder and compares its two revisions.
func load(t *testing.T, archive string) *Result {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatalf("%s: %v", archive, err)
	}
	if len(plan.Revisions) != 2 {
		t.Fatalf("%s: %d revisions, want 2", archive, len(plan.Revisions))
	}
	conv := markdown.New()
	return Compare(PrepareRevision(plan.Revisions[0], conv), PrepareRevision(plan.Revisions[1], conv))
}

// TestGolden compares each synthetic pair in testdata/*.txtar, one per kind of change, and checks the text and
// Markdown output against testdata/*.text.golden and *.md.golden. UPDATE=1 rewrites them.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, a := range archives {
		name := strings.TrimSuffix(filepath.Base(a), ".txtar")
		t.Run(name, func(t *testing.T) {
			r := load(t, a)
			for _, f := range []Format{Text, Markdown} {
				var buf bytes.Buffer
				if err := Write(&buf, r, f); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", name+"."+map[Format]string{Text: "text", Markdown: "md"}[f]+".golden")
				if os.Getenv("UPDATE") != "" {
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if buf.String() != string(want) {
					t.Errorf("%s output:\n%s\nwant:\n%s", f, buf.String(), want)
				}
			}
		})
	}
}

// TestSharedCache compares every pair of a generated plan's revisions twice: with one Cache shared by all
// revisions, as the site does, and with a fresh one per pair. The results must read the same.
func TestSharedCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := plangen.Generate(dir, plangen.Options{Revisions: 5, Sections: 10, Activities: 15, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New()
	shared := NewCache()
	docs := make([]*Doc, len(plan.Revisions))
	for i, r := range plan.Revisions {
		in := PrepareRevision(r, conv)
		docs[i] = shared.renumber(in)
	}
	changes := 0
	for j := range docs {
		for i := range j {
			var a, b bytes.Buffer
			if err := Write(&a, Compare(docs[i], docs[j]), Text); err != nil {
				t.Fatal(err)
			}
			fresh := Compare(PrepareRevision(plan.Revisions[i], conv), PrepareRevision(plan.Revisions[j], conv))
			if err := Write(&b, fresh, Text); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Errorf("%d-%d: the shared cache gives another comparison", plan.Revisions[i].Year, plan.Revisions[j].Year)
			}
			if !fresh.Empty() {
				changes++
			}
		}
	}
	if changes == 0 {
		t.Error("no pair of generated revisions differs: the test compares nothing")
	}
}
