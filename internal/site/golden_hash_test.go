package site

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestShippedBuildUnchanged keeps a hash of every file of the shipped plan's build in testdata/shipped.sha256, so a
// change to the code that changes the site, even by a byte, shows here with the files it changed. After a change
// meant to alter the output, run `go test ./internal/site -run TestShippedBuildUnchanged -update` and read the diff.
func TestShippedBuildUnchanged(t *testing.T) {
	out, _ := build(t, "../../content", Options{})
	files := readTree(t, out)
	var lines []string
	for p, data := range files {
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(data), p))
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[66:], b[66:]) })
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "shipped.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	wantBy := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		if len(l) > 66 {
			wantBy[l[66:]] = l[:64]
		}
	}
	for _, l := range lines {
		p := l[66:]
		switch h, ok := wantBy[p]; {
		case !ok:
			t.Errorf("new file %s", p)
		case h != l[:64]:
			t.Errorf("%s differs from the golden build", p)
		}
		delete(wantBy, p)
	}
	for p := range wantBy {
		t.Errorf("%s is no longer made", p)
	}
}
