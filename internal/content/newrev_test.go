package content

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/demo"
)

// TestNewRevision starts 2021 from the valid fixture's newest revision and checks that it loads as a draft with
// no decision dates, and that the command refuses to overwrite or go back in time.
func TestNewRevision(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
		t.Fatal(err)
	}
	before, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	newest := before.Revisions[len(before.Revisions)-1]
	year := newest.Year + 1
	res, err := NewRevision(dir, year)
	if err != nil {
		t.Fatal(err)
	}
	after, err := Load(dir)
	if err != nil {
		t.Fatalf("the new revision does not load: %v", err)
	}
	rev := after.Revisions[len(after.Revisions)-1]
	if rev.Year != year || rev.Status != Draft || !rev.Decided.IsZero() || !rev.ApprovedKS.IsZero() {
		t.Errorf("new revision: year %d status %s decided %v ks %v", rev.Year, rev.Status, rev.Decided, rev.ApprovedKS)
	}
	if strings.Contains(rev.Title, itoa(newest.Year)) && !strings.Contains(rev.Title, itoa(year)) {
		t.Errorf("title %q still names %d", rev.Title, newest.Year)
	}
	if len(rev.Sections) != len(newest.Sections) || len(rev.Activities()) != len(newest.Activities()) {
		t.Errorf("copied %d sections, %d rows; want %d, %d", len(rev.Sections), len(rev.Activities()),
			len(newest.Sections), len(newest.Activities()))
	}
	if filepath.Base(res.Dir) != itoa(year) {
		t.Errorf("folder %s", res.Dir)
	}
	if _, err := NewRevision(dir, year); err == nil || !strings.Contains(err.Error(), "finns redan, och en revidering skrivs aldrig över") {
		t.Errorf("second NewRevision: %v, want a refusal", err)
	}
	if _, err := NewRevision(dir, newest.Year-5); err == nil {
		t.Error("a year before the newest revision was accepted")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".new-*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestNewRevisionCopiesOnlyFiles: a link in the revision being copied (to a device that never ends, or to a file
// outside the content) is refused by name, and no new revision is left half made.
func TestNewRevisionCopiesOnlyFiles(t *testing.T) {
	for _, target := range []string{"/dev/zero", "/etc/hostname"} {
		dir := filepath.Join(t.TempDir(), "content")
		if err := os.CopyFS(dir, os.DirFS("../site/testdata/minimal")); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "2020", "avsnitt", "lank.md")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		_, err := NewRevision(dir, 2021)
		if err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "är inte en vanlig fil") {
			t.Errorf("a link to %s: %v", target, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "2021")); err == nil {
			t.Errorf("a link to %s: 2021 was made all the same", target)
		}
	}
}

// TestNewRevisionClearsFollowUp starts 2022 from the example 2021 revision, whose activities have follow-up
// statuses of every kind: the new year has none, while its indicators keep every value of their history and gain
// none for 2022, and its sections and rows keep their ids.
func TestNewRevisionClearsFollowUp(t *testing.T) {
	dir := demo.Content(t)
	before, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	old := before.Revisions[len(before.Revisions)-1]
	reported := 0
	for _, a := range old.Activities() {
		if a.Latest() != nil {
			reported++
		}
	}
	if reported == 0 {
		t.Fatal("the example has no follow-up to clear; the test proves nothing")
	}
	res, err := NewRevision(dir, old.Year+1)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cleared != reported {
		t.Errorf("cleared %d activities, want the %d that had a follow-up", res.Cleared, reported)
	}
	after, err := Load(dir)
	if err != nil {
		t.Fatalf("the new revision does not load: %v", err)
	}
	rev := after.Revisions[len(after.Revisions)-1]
	for i, a := range rev.Activities() {
		if len(a.FollowUp) > 0 {
			t.Errorf("%s keeps its follow-up %v", a.ID, a.FollowUp)
		}
		if a.ID != old.Activities()[i].ID {
			t.Errorf("activity %d: id %s, was %s", i, a.ID, old.Activities()[i].ID)
		}
	}
	if len(rev.Indicators) != len(old.Indicators) {
		t.Fatalf("%d indicators, was %d", len(rev.Indicators), len(old.Indicators))
	}
	for i, ind := range rev.Indicators {
		if len(ind.Values) != len(old.Indicators[i].Values) {
			t.Errorf("%s: %d values, was %d", ind.ID, len(ind.Values), len(old.Indicators[i].Values))
		}
		for _, v := range ind.Values {
			if strings.Contains(v.Period, itoa(rev.Year)) {
				t.Errorf("%s gained a value for %s", ind.ID, v.Period)
			}
		}
	}
}
