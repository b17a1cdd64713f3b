package history

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// histories reads testdata/plan: three revisions in which an activity moves to another table, one is removed and
// comes back, a section is reworded and another renamed.
func histories(t *testing.T) map[string]*History {
	t.Helper()
	plan, err := content.Load("testdata/plan")
	if err != nil {
		t.Fatal(err)
	}
	byID, order := OfPlan(plan)
	if len(order) != len(byID) {
		t.Fatalf("%d ids in order, %d histories", len(order), len(byID))
	}
	return byID
}

// TestKinds: what happened to each item, revision by revision.
func TestKinds(t *testing.T) {
	byID := histories(t)
	for id, want := range map[string][]Kind{
		"inledning":  {Added, Changed, Unchanged},
		"uppdrag":    {Added, Unchanged, Unchanged},
		"kompetens":  {Added, Unchanged, Changed},
		"natverk":    {Added, Changed, Unchanged},
		"utbildning": {Added, Moved, Unchanged},
		"nyhetsbrev": {Added, Removed, Restored},
	} {
		h := byID[id]
		if h == nil {
			t.Errorf("no history of %s", id)
			continue
		}
		var got []Kind
		for _, e := range h.Entries {
			got = append(got, e.Kind)
		}
		if len(got) != len(want) {
			t.Errorf("%s: kinds %v, want %v", id, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: kinds %v, want %v", id, got, want)
				break
			}
		}
	}
	if e := byID["utbildning"].Entries[1]; e.From == nil || e.To == nil || e.From.ID != "uppdrag" || e.To.ID != "kompetens" {
		t.Errorf("utbildning moved from %v to %v", e.From, e.To)
	}
	if !byID["natverk"].Activity || byID["kompetens"].Activity {
		t.Error("sections and activities mixed up")
	}
}

// TestWrite compares `plansite log` output, in both formats, with testdata/log/*.golden.
func TestWrite(t *testing.T) {
	byID := histories(t)
	for _, id := range []string{"inledning", "kompetens", "natverk", "utbildning", "nyhetsbrev"} {
		for _, f := range []compare.Format{compare.Text, compare.Markdown} {
			var b strings.Builder
			if err := Write(&b, byID[id], f); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "log", id+"."+string(f)+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s (run go test -update after a deliberate change):\n%s", id, golden, b.String())
			}
		}
	}
}
