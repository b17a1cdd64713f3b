package markdown

import (
	"strings"
	"testing"
)

// TestMemo: a text is rendered once while it repeats; ids are claimed on each page as a fresh rendering would give
// them; another glossary renders it again.
func TestMemo(t *testing.T) {
	m := NewMemo(New())
	m.Begin(nil)
	a := m.Convert("Om VBE", Options{NoHeadings: true})
	if b := m.Convert("Om VBE", Options{NoHeadings: true}); a != b {
		t.Error("the same text was rendered twice")
	}
	if a.Plain() != "Om VBE" {
		t.Errorf("plain %q", a.Plain())
	}
	h1 := m.Convert("## Rubrik", Options{IDs: NewIDs(), HeadingPrefix: "s-"})
	if h := m.Convert("## Rubrik", Options{IDs: NewIDs(), HeadingPrefix: "s-"}); h != h1 {
		t.Error("a new page did not reuse the text whose ids it gives the same")
	}
	ids := NewIDs("s-rubrik")
	if h := m.Convert("## Rubrik", Options{IDs: ids, HeadingPrefix: "s-"}); h == h1 || h.Headings[0].ID != "s-rubrik-2" {
		t.Errorf("a page where the id is taken got %q", h.Headings[0].ID)
	}
	m.Next()
	m.Begin(map[string]string{"VBE": "våldsbejakande extremism"})
	c := m.Convert("Om VBE", Options{NoHeadings: true})
	if c == a || !strings.Contains(string(c.HTML), "<abbr") {
		t.Errorf("a new glossary kept the old rendering: %s", c.HTML)
	}
}
