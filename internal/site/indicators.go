package site

// Indicators (nyckeltal): each revision's own on its page, and /nyckeltal/ with every indicator across all
// revisions as a chart drawn at build time (inline SVG with a text alternative) and the same figures as a table.

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/stockholm/plansite/internal/content"
)

// indicatorView is an indicator with its values in period order.
type indicatorView struct {
	ID, Name, Unit string
	Target         string // formatted, "" when none
	Values         []indicatorValueView
	Chart          template.HTML // on /nyckeltal/
	From           string        // the revisions the values come from, e.g. "2020–2021"
}

type indicatorValueView struct {
	Period, Value, Count, Target, Source string
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

func newIndicatorView(ind *content.Indicator, values []content.IndicatorValue) *indicatorView {
	v := &indicatorView{ID: ind.ID, Name: ind.Name, Unit: ind.Unit}
	if ind.Target != nil {
		v.Target = withUnit(*ind.Target, ind.Unit)
	}
	for _, x := range values {
		unit := ind.Unit
		if x.Unit != "" {
			unit = x.Unit
		}
		vv := indicatorValueView{Period: x.Period, Value: withUnit(x.Value, unit), Count: x.Count, Source: x.Source, value: x.Value}
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

// revisionIndicators are a revision's own indicators, for its page.
func revisionIndicators(rev *content.Revision) []*indicatorView {
	var out []*indicatorView
	for _, ind := range rev.Indicators {
		out = append(out, newIndicatorView(ind, ind.Values))
	}
	return out
}

// allIndicators merges the indicators of every revision by id: a later revision's value for a period replaces an
// earlier one's, and the name, unit and target are the latest revision's.
func allIndicators(plan *content.Plan) []*indicatorView {
	type merged struct {
		ind         *content.Indicator
		byPeriod    map[string]content.IndicatorValue
		first, last int
	}
	var order []string
	byID := map[string]*merged{}
	for _, r := range plan.Revisions {
		for _, ind := range r.Indicators {
			m := byID[ind.ID]
			if m == nil {
				m = &merged{byPeriod: map[string]content.IndicatorValue{}, first: r.Year}
				byID[ind.ID] = m
				order = append(order, ind.ID)
			}
			m.ind, m.last = ind, r.Year
			for _, v := range ind.Values {
				m.byPeriod[v.Period] = v
			}
		}
	}
	var out []*indicatorView
	for _, id := range order {
		m := byID[id]
		var values []content.IndicatorValue
		for _, v := range m.byPeriod {
			values = append(values, v)
		}
		sort.Slice(values, func(i, j int) bool { return values[i].Period < values[j].Period })
		v := newIndicatorView(m.ind, values)
		v.From = fmt.Sprint(m.first)
		if m.last != m.first {
			v.From = fmt.Sprintf("%d–%d", m.first, m.last)
		}
		v.Chart = chart(v, m.ind)
		out = append(out, v)
	}
	return out
}

// chart draws the indicator's values over the periods, with the target as a dashed line. The SVG has a title
// and a description that say everything the picture shows, and the same figures are in the table beside it.
func chart(v *indicatorView, ind *content.Indicator) template.HTML {
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
	x := func(i int) float64 {
		if n == 1 {
			return left + (w-left-right)/2
		}
		return left + (w-left-right)*float64(i)/float64(n-1)
	}
	id := "nyckeltal-" + v.ID
	var desc []string
	for _, val := range v.Values {
		desc = append(desc, val.Period+": "+val.Value)
	}
	d := strings.Join(desc, "; ") + "."
	if v.Target != "" {
		d += " Mål: " + v.Target + "."
	}
	var b strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="%s-titel %s-beskrivning" data-values="%s">`,
		w, h, e(id), e(id), e(strings.Join(valuesOf(v), " ")))
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title><desc id="%s-beskrivning">%s</desc>`, e(id), e(v.Name), e(id), e(d))
	for f := 0.0; f <= ymax+step/2; f += step {
		fmt.Fprintf(&b, `<line class="chart__grid" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, y(f), w-right, y(f))
		fmt.Fprintf(&b, `<text class="chart__axis" x="%g" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`, left-8, y(f), e(number(f)))
	}
	if ind.Target != nil {
		fmt.Fprintf(&b, `<line class="chart__target" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, y(*ind.Target), w-right, y(*ind.Target))
		fmt.Fprintf(&b, `<text class="chart__target-label" x="%g" y="%.1f" text-anchor="start">Mål %s</text>`, left+6, y(*ind.Target)-6, e(v.Target))
	}
	var pts []string
	for i, val := range v.Values {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(val.value)))
	}
	if n > 1 {
		fmt.Fprintf(&b, `<polyline class="chart__line" points="%s"/>`, strings.Join(pts, " "))
	}
	for i, val := range v.Values {
		fmt.Fprintf(&b, `<circle class="chart__point" cx="%.1f" cy="%.1f" r="5"/>`, x(i), y(val.value))
		fmt.Fprintf(&b, `<text class="chart__value" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x(i), y(val.value)-12, e(val.Value))
		fmt.Fprintf(&b, `<text class="chart__axis" x="%.1f" y="%g" text-anchor="middle">%s</text>`, x(i), h-bottom+22, e(val.Period))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func valuesOf(v *indicatorView) []string {
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
