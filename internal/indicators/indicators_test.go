package indicators

import (
	"testing"

	"github.com/stockholm/plansite/internal/content"
)

// TestMergedKeepsAdoptedFigure: a period keeps the first adopted revision's figure, and a later other figure is
// said beside it.
func TestMergedKeepsAdoptedFigure(t *testing.T) {
	target := 80.0
	ind := func(v float64) *content.Indicator {
		return &content.Indicator{ID: "andel", Name: "Andel", Unit: "procent", Target: &target,
			Values: []content.IndicatorValue{{Period: "2019", Value: v}}}
	}
	plan := &content.Plan{Revisions: []*content.Revision{
		{Year: 2020, Status: content.Adopted, Indicators: []*content.Indicator{ind(75.9)}},
		{Year: 2021, Status: content.Draft, Indicators: []*content.Indicator{ind(10)}},
	}}
	got := Merged(plan)
	if len(got) != 1 || len(got[0].Values) != 1 {
		t.Fatalf("merged %+v", got)
	}
	v := got[0].Values[0]
	if v.Value != "75,9 %" || v.ReportedIn != "planen 2020" || v.Later != "utkastet 2021 anger 10 %" || got[0].From != "2020–2021" {
		t.Errorf("value %+v, from %q", v, got[0].From)
	}
	c := got[0].Chart
	if c.Target == nil || c.Target.Label != "80 %" || c.Line != "" || len(c.Points) != 1 || c.Desc != "2019: 75,9 % (planen 2020). Mål: 80 %." {
		t.Errorf("chart %+v", c)
	}
	if last := c.Grid[len(c.Grid)-1].Label; last != "100" {
		t.Errorf("a percentage's axis ends at %s, want 100", last)
	}
}

func TestNiceStep(t *testing.T) {
	for in, want := range map[float64]float64{0.3: 0.5, 7: 10, 12: 20, 23: 25, 26: 50, 1000: 1000} {
		if got := niceStep(in); got != want {
			t.Errorf("niceStep(%g) = %g, want %g", in, got, want)
		}
	}
}
