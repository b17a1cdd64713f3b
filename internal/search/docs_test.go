package search

import (
	"reflect"
	"testing"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
)

// TestSectionDocsAnchors: every heading of a section's text that readers link to leads a document of its own, a
// subsection's subsection too, so that a search for what it says lands on its heading, not on the one above it.
func TestSectionDocsAnchors(t *testing.T) {
	rev := &content.Revision{Year: 2020}
	tests := []struct {
		name, body string
		want       [][]string // per document: its id, then its title path
	}{
		{"intro only", "Text.\n",
			[][]string{{"s", "Avsnitt"}}},
		{"subsections", "Inledning.\n\n## Ansvar\n\nA.\n\n## Samverkan\n\nB.\n",
			[][]string{{"s", "Avsnitt"}, {"s-ansvar", "Avsnitt", "Ansvar"}, {"s-samverkan", "Avsnitt", "Samverkan"}}},
		{"a subsection's subsection", "## Samverkan\n\nB.\n\n### Kring individer\n\nSamtycke.\n\n## Sist\n\nC.\n",
			[][]string{{"s", "Avsnitt"}, {"s-samverkan", "Avsnitt", "Samverkan"},
				{"s-kring-individer", "Avsnitt", "Samverkan", "Kring individer"}, {"s-sist", "Avsnitt", "Sist"}}},
		{"### without a ## above stays in the section's text", "Text.\n\n### Fristående\n\nD.\n",
			[][]string{{"s", "Avsnitt"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &content.Section{ID: "s", Title: "Avsnitt", Body: content.Text{Markdown: tt.body}}
			res := markdown.New().Convert([]byte(tt.body), markdown.Options{Shift: 1, IDs: markdown.NewIDs(), HeadingPrefix: "s-"})
			var got [][]string
			for _, d := range SectionDocs(rev, s, res) {
				got = append(got, append([]string{d.ID}, d.Titles...))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("documents %q, want %q", got, tt.want)
			}
		})
	}
}

// TestIndicatorDoc: a key figure's table is a document that leads to the table and says what its cells say.
func TestIndicatorDoc(t *testing.T) {
	d := IndicatorDoc(&content.Revision{Year: 2020}, "webbutbildning", "Andel som gått webbutbildningen",
		[][]string{{"2019", "50 %", "cirka hälften", "100 %", "Stadsrevisionens projektrapport nr 2/2019"}, {"2020", "75,9 %", "725 av 955", "", "Lägesbilden"}})
	if d.ID != "webbutbildning-tabell" || d.Kind != Indicator {
		t.Errorf("id %q kind %q, want webbutbildning-tabell n", d.ID, d.Kind)
	}
	want := "2019, 50 %, cirka hälften, 100 %, Stadsrevisionens projektrapport nr 2/2019. 2020, 75,9 %, 725 av 955, Lägesbilden"
	if d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	files := Build([]Doc{d}, []Revision{{Year: 2020}}, 2020, nil, nil)
	for _, w := range []string{"projektrapport", "stadsrevisionens", "2/2019", "725"} {
		if len(query(t, files, w)) == 0 {
			t.Errorf("%s finds nothing: the index lacks the table's words", w)
		}
	}
}
