package followup

import (
	"slices"
	"testing"

	"github.com/stockholm/plansite/internal/content"
)

func TestPages(t *testing.T) {
	a := &content.Activity{ID: "a", FollowUp: []content.FollowUp{{Period: "T1", State: content.Ongoing, Comment: "bra"}}}
	b := &content.Activity{ID: "b"}
	rev := &content.Revision{Year: 2021, Sections: []*content.Section{{ID: "s", Activities: []*content.Activity{a, b}}}}
	plain := map[string][4]string{"a": {"Utbilda", "Enhet A"}, "b": {"Samverka", "Enhet B"}}
	pages := Pages(rev, plain)
	if len(pages) != 1+len(content.States)+2 {
		t.Fatalf("%d pages, want the overview, one per status and one per Ansvarig", len(pages))
	}
	if pages[0].Path != "2021/uppfoljning/index.html" || pages[0].Title != "Uppföljning 2021" {
		t.Errorf("overview %q %q", pages[0].Path, pages[0].Title)
	}
	v := pages[0].View()
	if !v.Reported || len(v.Rows) != 2 || v.Rows[0].Cells[1].Status == nil || v.Rows[0].Cells[1].Status.Label != "Pågår" || v.Rows[0].Cells[1].Period != "T1" || slices.ContainsFunc(v.Rows[1].Cells[:], func(c Cell) bool { return c.Status != nil }) {
		t.Errorf("overview rows %+v", v.Rows)
	}
	if v.Periods[1].None != 1 || v.Periods[0].None != 2 {
		t.Errorf("periods %+v", v.Periods)
	}
	last := pages[len(pages)-1]
	if last.Path != "2021/uppfoljning/ansvarig/2/index.html" || last.Title != "Uppföljning 2021 – Ansvarig: Enhet B" {
		t.Errorf("last page %q %q", last.Path, last.Title)
	}
	if rows := last.View().Rows; len(rows) != 1 || rows[0].ID != "b" || rows[0].Href != "../../../#b" {
		t.Errorf("Enhet B's rows %+v", rows)
	}
	// Without any status there is nothing to filter.
	a.FollowUp = nil
	if n := len(Pages(rev, plain)); n != 1 {
		t.Errorf("%d pages without any status, want the overview only", n)
	}
}
