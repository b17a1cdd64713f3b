package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/demo"
)

// TestHeadingsAvoidPageIDs: a heading whose anchor would be an id the plan's page gives its own parts (an
// indicator's table, an activity table's caption) gets another anchor, so no page has two elements with one id.
// Section and row ids that would collide are refused when the content is loaded; headings are the page's own
// and simply give way.
func TestHeadingsAvoidPageIDs(t *testing.T) {
	dir := demo.Content(t)
	sec := filepath.Join(dir, "2020", "avsnitt", "50-uppdrag.md")
	raw, err := os.ReadFile(sec)
	if err != nil {
		t.Fatal(err)
	}
	raw = append(raw, "\n## Webbutbildning tabell\n\nText.\n\n## Tabell uppdrag caption\n\nText.\n"...)
	if err := os.WriteFile(sec, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, dir, Options{Drafts: true})
	id := regexp.MustCompile(`\sid="([^"]*)"`)
	for p, b := range readTree(t, out) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		seen := map[string]bool{}
		for _, m := range id.FindAllStringSubmatch(string(b), -1) {
			if seen[m[1]] {
				t.Errorf("%s: the id %q appears twice", p, m[1])
			}
			seen[m[1]] = true
		}
	}
}
