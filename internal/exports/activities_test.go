package exports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
)

// TestCSVEveryCellIsData: no cell of aktiviteter.csv reaches a spreadsheet as a formula, whichever of the
// coordinator's texts it holds: the table's caption and the status comment as much as the activity's columns.
func TestCSVEveryCellIsData(t *testing.T) {
	a := &content.Activity{ID: "natverk", SectionID: "rutin", Order: 10,
		Aktivitet: content.Text{Markdown: "=1+1"}, Ansvarig: content.Text{Markdown: "@SUM(A1)"},
		Tidplan: content.Text{Markdown: "-2"}, Uppfoljning: content.Text{Markdown: "+3"},
		FollowUp: []content.FollowUp{{Period: "T1", State: content.Ongoing, Comment: `=HYPERLINK("https://example.com","x")`}}}
	rev := &content.Revision{Year: 2020, Sections: []*content.Section{{ID: "rutin", Title: "Rutin",
		TableCaption: "=cmd|' /C calc'!A0", Activities: []*content.Activity{a}}}}
	plain := map[string][4]string{"natverk": {"=1+1", "@SUM(A1)", "-2", "\t+3"}}
	files, err := Activities(rev, plain)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files[0].Data, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want a header and one activity", len(rows))
	}
	for i, cell := range rows[1] {
		if cell != "" && bytes.ContainsRune([]byte("=+-@\t\r"), rune(cell[0])) {
			t.Errorf("column %s starts a formula: %q", rows[0][i], cell)
		}
	}
	if rows[1][1] != "'=cmd|' /C calc'!A0" {
		t.Errorf("the caption is %q, want it kept after an apostrophe", rows[1][1])
	}
}

func TestCSVFormulaIsData(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+46 8": "'+46 8", "Vanlig\n text": "Vanlig text", "": ""} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSingleSpaced: a cell kept as it is reads as strings.Fields would have made it.
func TestSingleSpaced(t *testing.T) {
	for _, in := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "å ä ö", "å\u00a0b", "a\u2003b", "a\u0085b",
		"a\tb", "a\nb", "a\r\nb", "\xff \xfe", "a\xc2", "Klart till VB 2033."} {
		want := strings.Join(strings.Fields(in), " ")
		if singleSpaced(in) != (in == want) {
			t.Errorf("singleSpaced(%q) = %t, but Fields gives %q", in, singleSpaced(in), want)
		}
	}
}
