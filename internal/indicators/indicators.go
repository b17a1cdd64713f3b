// Package indicators prepares the plan's indicators (nyckeltal) for the pages: each revision's own, and every
// indicator merged across the revisions, where a period keeps the figure of the first adopted revision that reported
// it, with the layout of its chart (an inline SVG with a text alternative, drawn by the layouts).
package indicators

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/stockholm/plansite/internal/content"
)

// View is an indicator with its values in period order.
type View struct {
	ID, Name, Unit string
	Target         string // formatted, "" when none
	Values         []Value
	Chart          *Chart // on /nyckeltal/
	From           string // the revisions the values come from, e.g. "2020–2021"
	Merged         bool   // from every revision, on /nyckeltal/: each value says where it comes from
}

// Value is one period's figure.
type Value struct {
	Period, Value, Count, Target, Source string
	ReportedIn                           string // on /nyckeltal/: the revision the value is taken from
	Later                                string // on /nyckeltal/: other figures later revisions give
	value                                float64
}

// number formats a figure the Swedish way: 75,9.
func number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

func withUnit(f float64, unit string) string {
	switch unit {
	case "procent", "%":
		return number(f) + " %"
	case "":
		return number(f)
	}
	return number(f) + " " + unit
}

func newIndicatorView(ind *content.Indicator, values []content.IndicatorValue) *View {
	v := &View{ID: ind.ID, Name: ind.Name, Unit: ind.Unit}
	if ind.Target != nil {
		v.Target = withUnit(*ind.Target, ind.Unit)
	}
	for _, x := range values {
		unit := ind.Unit
		if x.Unit != "" {
			unit = x.Unit
		}
		vv := Value{Period: x.Period, Value: withUnit(x.Value, unit), Count: x.Count, Source: x.Source, value: x.Value}
		switch {
		case x.Target != nil:
			vv.Target = withUnit(*x.Target, unit)
		case ind.Target != nil:
			vv.Target = v.Target
		}
		v.Values = append(v.Values, vv)
	}
	return v
}

// Of are a revision's own indicators, for its page.
func Of(rev *content.Revision) []*View {
	var out []*View
	for _, ind := range rev.Indicators {
		out = append(out, newIndicatorView(ind, ind.Values))
	}
	return out
}

// Merged merges the indicators of every revision by id, for /nyckeltal/. A period's figure is the one the
// oldest revision that reports it gave, and an adopted revision's always comes before a draft's: a later revision
// never silently replaces what an earlier adopted one reported. Each figure says which revision it comes from, and
// where a later revision gives another figure for the same period, that is said beside it. The name, unit and
// target are the latest revision's.
func Merged(plan *content.Plan) []*View {
	type owned struct {
		value content.IndicatorValue
		rev   *content.Revision
		later []string // other figures later revisions give for the period
	}
	type merged struct {
		ind         *content.Indicator
		byPeriod    map[string]*owned
		first, last int
	}
	var order []string
	byID := map[string]*merged{}
	for _, r := range plan.Revisions {
		for _, ind := range r.Indicators {
			m := byID[ind.ID]
			if m == nil {
				m = &merged{byPeriod: map[string]*owned{}, first: r.Year}
				byID[ind.ID] = m
				order = append(order, ind.ID)
			}
			m.ind, m.last = ind, r.Year
			for _, v := range ind.Values {
				o := m.byPeriod[v.Period]
				switch {
				case o == nil:
					m.byPeriod[v.Period] = &owned{value: v, rev: r}
				case o.rev.Status != content.Adopted && r.Status == content.Adopted:
					o.later = append(o.later, fmt.Sprintf("%s anger %s", revisionName(o.rev), withUnit(o.value.Value, unitOf(ind, o.value))))
					o.value, o.rev = v, r
				case v.Value != o.value.Value:
					o.later = append(o.later, fmt.Sprintf("%s anger %s", revisionName(r), withUnit(v.Value, unitOf(ind, v))))
				}
			}
		}
	}
	var out []*View
	for _, id := range order {
		m := byID[id]
		periods := make([]string, 0, len(m.byPeriod))
		for p := range m.byPeriod {
			periods = append(periods, p)
		}
		sort.Strings(periods)
		values := make([]content.IndicatorValue, len(periods))
		for i, p := range periods {
			values[i] = m.byPeriod[p].value
		}
		v := newIndicatorView(m.ind, values)
		v.Merged = true
		for i, p := range periods {
			o := m.byPeriod[p]
			v.Values[i].ReportedIn = revisionName(o.rev)
			v.Values[i].Later = strings.Join(o.later, "; ")
		}
		v.From = fmt.Sprint(m.first)
		if m.last != m.first {
			v.From = fmt.Sprintf("%d–%d", m.first, m.last)
		}
		v.Chart = chart(v, m.ind)
		out = append(out, v)
	}
	return out
}

// revisionName names a revision as a source of figures: "planen 2020", or "utkastet 2022" when not adopted.
func revisionName(r *content.Revision) string {
	switch r.Status {
	case content.Adopted:
		return fmt.Sprintf("planen %d", r.Year)
	case content.Example:
		return fmt.Sprintf("exemplet %d", r.Year)
	}
	return fmt.Sprintf("utkastet %d", r.Year)
}

// unitOf is the unit of a value: its own, or its indicator's.
func unitOf(ind *content.Indicator, v content.IndicatorValue) string {
	if v.Unit != "" {
		return v.Unit
	}
	return ind.Unit
}

// Chart is the geometry of an indicator's chart, which the layouts' "chart" template draws: its values over the
// periods, with the target as a dashed line. The SVG has a title and a description that say everything the picture
// shows, and the same figures are in the table beside it. Numbers are formatted here, as the SVG wants them.
type Chart struct {
	ID, Title, Desc, Values string
	Width, Height           string
	Left, Right, AxisX      string // the plot's left and right edges, and where the axis labels end
	Grid                    []ChartGrid
	Target                  *ChartTarget
	Line                    string // the polyline's points; "" for a single value
	Points                  []ChartPoint
	PeriodY                 string // where the periods are written
}

// ChartGrid is a grid line with its label.
type ChartGrid struct{ Y, Label string }

// ChartTarget is the target's dashed line with its label.
type ChartTarget struct{ Y, LabelX, LabelY, Label string }

// ChartPoint is a value's point with its labels.
type ChartPoint struct{ X, Y, LabelY, Value, Period string }

// chart lays out the indicator's chart.
func chart(v *View, ind *content.Indicator) *Chart {
	const w, h, left, right, top, bottom = 640.0, 300.0, 56.0, 56.0, 32.0, 44.0
	top100 := 0.0
	for _, x := range v.Values {
		top100 = math.Max(top100, x.value)
	}
	if ind.Target != nil {
		top100 = math.Max(top100, *ind.Target)
	}
	if ind.Unit == "procent" || ind.Unit == "%" {
		top100 = math.Max(top100, 100)
	}
	if top100 == 0 {
		top100 = 1
	}
	step := niceStep(top100 / 4)
	ymax := math.Ceil(top100/step) * step
	y := func(f float64) float64 { return top + (h-top-bottom)*(1-f/ymax) }
	n := len(v.Values)
	// The points keep clear of the axis: a value's label is centred on its point, and the first would otherwise be
	// drawn over the axis labels.
	const inset = 40.0
	x := func(i int) float64 {
		if n == 1 {
			return left + (w-left-right)/2
		}
		return left + inset + (w-left-right-2*inset)*float64(i)/float64(n-1)
	}
	g := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	one := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
	var desc []string
	for _, val := range v.Values {
		d := val.Period + ": " + val.Value
		if val.ReportedIn != "" {
			d += " (" + val.ReportedIn + ")"
		}
		desc = append(desc, d)
	}
	c := &Chart{ID: "nyckeltal-" + v.ID, Title: v.Name, Desc: strings.Join(desc, "; ") + ".",
		Values: strings.Join(valuesOf(v), " "), Width: g(w), Height: g(h), Left: g(left), Right: g(w - right),
		AxisX: g(left - 8), PeriodY: g(h - bottom + 22)}
	if v.Target != "" {
		c.Desc += " Mål: " + v.Target + "."
	}
	for f := 0.0; f <= ymax+step/2; f += step {
		c.Grid = append(c.Grid, ChartGrid{Y: one(y(f)), Label: number(f)})
	}
	if ind.Target != nil {
		c.Target = &ChartTarget{Y: one(y(*ind.Target)), LabelX: g(left + 6), LabelY: one(y(*ind.Target) - 6), Label: v.Target}
	}
	var pts []string
	for i, val := range v.Values {
		pts = append(pts, one(x(i))+","+one(y(val.value)))
		c.Points = append(c.Points, ChartPoint{X: one(x(i)), Y: one(y(val.value)), LabelY: one(y(val.value) - 12),
			Value: val.Value, Period: val.Period})
	}
	if n > 1 {
		c.Line = strings.Join(pts, " ")
	}
	return c
}

func valuesOf(v *View) []string {
	var out []string
	for _, x := range v.Values {
		out = append(out, x.Period+"="+strconv.FormatFloat(x.value, 'f', -1, 64))
	}
	return out
}

// niceStep rounds a step between grid lines to 1, 2 or 5 times a power of ten.
func niceStep(s float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(s)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= s {
			return m * p
		}
	}
	return 10 * p
}
