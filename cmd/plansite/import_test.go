package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The coordinator imports a text export into an empty folder, and the draft builds; a second import of the same
// year is refused with exit status 1 and leaves the first as it was.
func TestImportCommand(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "plan.md")
	os.WriteFile(in, []byte("**Fritidsnämndens handlingsplan 2031**\n\n**Dnr: 1-2031**\n\n## Inledning\n\nText.\n\n## Rutin vid oro\n\nRing.\n"), 0o644)
	dir := filepath.Join(tmp, "content")
	var out, errb bytes.Buffer
	if code := run([]string{"import", in, "--year", "2031", "--content", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "2 avsnitt, 0 aktiviteter i 0 tabeller, 0 fotnoter, 0 figurer; 0 delar kunde inte placeras") {
		t.Errorf("no summary in:\n%s", out.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"build", "--drafts", "--content", dir, "--out", filepath.Join(tmp, "public"), "--layouts", ""}, &out, &errb); code != 0 {
		t.Fatalf("the imported draft does not build (exit %d): %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"import", "--year", "2031", "--content", dir, in}, &out, &errb); code != 1 {
		t.Errorf("exit %d for an existing year, want 1", code)
	}
	if !strings.Contains(errb.String(), "finns redan") || !strings.Contains(errb.String(), "Inget importerades") {
		t.Errorf("message: %s", errb.String())
	}
	if code := run([]string{"import", "--content", dir, in}, &out, &errb); code != 2 {
		t.Errorf("exit %d without --year, want 2", code)
	}
}
