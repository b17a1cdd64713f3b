package site

// Follow-up: each activity's status per report period (VP, T1, T2, VB) on the plan page, and the overview at
// /<year>/uppfoljning/ with its filtered views.

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/content"
)

// statusView is a status as the pages show it: words and a symbol, never colour alone.
type statusView struct {
	Period, Comment string
	Label           string // "Pågår"
	Symbol          string // ◐
	Class           string // for the stylesheet: ej-paborjad, pagar, genomford, stoppad
}

var stateLooks = map[content.State]struct{ label, symbol, class string }{
	content.NotStarted: {"Ej påbörjad", "○", "ej-paborjad"},
	content.Ongoing:    {"Pågår", "◐", "pagar"},
	content.Done:       {"Genomförd", "●", "genomford"},
	content.Stopped:    {"Stoppad/uppskjuten", "✕", "stoppad"},
}

// HTML is the status as the pages show it: a symbol hidden from screen readers, the state in words, the report
// period and the comment. The plan's tables and the follow-up views share it.
func (st *statusView) HTML() template.HTML {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<p class="status-line status-line--%s"><span class="status-symbol" aria-hidden="true">%s</span> <strong>%s</strong> (%s)`,
		st.Class, st.Symbol, esc(st.Label), esc(st.Period))
	if st.Comment != "" {
		b.WriteString(": " + esc(st.Comment))
	}
	b.WriteString("</p>")
	return template.HTML(b.String())
}

func newStatusView(f *content.FollowUp) *statusView {
	if f == nil {
		return nil
	}
	l := stateLooks[f.State]
	return &statusView{Period: f.Period, Comment: f.Comment, Label: l.label, Symbol: l.symbol, Class: l.class}
}

// followUpView is the overview of a revision's follow-up, or one filtered view of it.
type followUpView struct {
	Year       int
	PlanHref   string
	Filter     string // what the view shows, e.g. "Status: Pågår"; "" for all
	Reported   bool   // any activity has a status; without any, there are no filtered views
	States     []countView
	Periods    []periodView
	Ansvariga  []ansvarigView
	StateLinks []filterLink
	Rows       []followUpRow
	// The tables' rows, rendered here: a revision has a view per Ansvarig, each with a cell per activity and
	// report period and a count per Ansvarig and state, and html/template took most of a preview's time on them.
	StatesHTML, PeriodsHTML, AnsvarigaHTML, RowsHTML template.HTML
	AllHref                                          string
	CSVHref                                          string
}

// PeriodNames are the report periods, for the column labels.
func (*followUpView) PeriodNames() []string { return content.Periods }

type countView struct {
	Status *statusView
	Count  int
}

type periodView struct {
	Period string
	Counts []int // per state, in the order of content.States
	None   int   // activities without a status in the period
}

type ansvarigView struct {
	Name   string
	Href   string
	Counts []int
	This   bool
}

type filterLink struct {
	Label, Symbol, Href string
	This                bool
}

type followUpRow struct {
	ID, Href, Aktivitet, Ansvarig string
	Periods                       []*statusView // VP, T1, T2, VB; nil where not reported
	Latest                        *statusView
}

// followUpPages renders /<year>/uppfoljning/ and its filtered views: one per status and one per Ansvarig.
func (b *builder) followUpPages(rev *content.Revision, plain map[string][4]string) ([]file, error) {
	type act struct {
		a     *content.Activity
		cells [4]string
	}
	var acts []act
	for _, s := range rev.Sections {
		for _, a := range s.Activities {
			acts = append(acts, act{a, plain[a.ID]})
		}
	}
	// Ansvarig values, in the order they first appear.
	var names []string
	index := map[string]int{}
	for _, x := range acts {
		if _, ok := index[x.cells[1]]; !ok {
			index[x.cells[1]] = len(names)
			names = append(names, x.cells[1])
		}
	}
	stateIndex := map[content.State]int{}
	for i, s := range content.States {
		stateIndex[s] = i
	}
	render := func(p, filter string, keep func(act) bool, thisState content.State, thisAns int) (file, error) {
		depth := strings.Count(p, "/")
		up := strings.Repeat("../", depth-1) // from the page to the revision's folder
		v := &followUpView{Year: rev.Year, PlanHref: up, Filter: filter, AllHref: up + "uppfoljning/", CSVHref: up + "aktiviteter.csv"}
		counts := make([]int, len(content.States))
		perAns := make([][]int, len(names))
		for i := range perAns {
			perAns[i] = make([]int, len(content.States))
		}
		periods := make([]periodView, len(content.Periods))
		for i, p := range content.Periods {
			periods[i] = periodView{Period: p, Counts: make([]int, len(content.States))}
		}
		for _, x := range acts {
			if !keep(x) {
				continue
			}
			row := followUpRow{ID: x.a.ID, Href: fmt.Sprintf("%s#%s", up, x.a.ID), Aktivitet: shorten(x.cells[0], 160),
				Ansvarig: x.cells[1], Periods: make([]*statusView, len(content.Periods)), Latest: newStatusView(x.a.Latest())}
			for i, p := range content.Periods {
				found := false
				for _, f := range x.a.FollowUp {
					if f.Period == p {
						row.Periods[i] = newStatusView(&f)
						periods[i].Counts[stateIndex[f.State]]++
						found = true
					}
				}
				if !found {
					periods[i].None++
				}
			}
			if l := x.a.Latest(); l != nil {
				v.Reported = true
				counts[stateIndex[l.State]]++
				perAns[index[x.cells[1]]][stateIndex[l.State]]++
			}
			v.Rows = append(v.Rows, row)
		}
		for i, s := range content.States {
			sv := newStatusView(&content.FollowUp{State: s})
			v.States = append(v.States, countView{Status: sv, Count: counts[i]})
			v.StateLinks = append(v.StateLinks, filterLink{Label: sv.Label, Symbol: sv.Symbol,
				Href: up + "uppfoljning/status/" + sv.Class + "/", This: s == thisState})
		}
		v.Periods = periods
		for i, n := range names {
			v.Ansvariga = append(v.Ansvariga, ansvarigView{Name: n, Href: fmt.Sprintf("%suppfoljning/ansvarig/%d/", up, i+1),
				Counts: perAns[i], This: i == thisAns})
		}
		v.StatesHTML, v.PeriodsHTML, v.AnsvarigaHTML = countsHTML(v)
		v.RowsHTML = followUpRowsHTML(v.Rows)
		data := b.newPage(p, fmt.Sprintf("Uppföljning %d", rev.Year)+map[bool]string{true: " – " + filter}[filter != ""])
		data.FollowUp = v
		data.Revision = &revisionView{Revision: rev, StatusLabel: rev.Status.Label(), Notice: statusNotices[rev.Status]}
		return b.execute("uppfoljning.html", p, data)
	}
	views := []func() (file, error){func() (file, error) {
		return render(fmt.Sprintf("%d/uppfoljning/index.html", rev.Year), "", func(act) bool { return true }, "", -1)
	}}
	reported := false
	for _, x := range acts {
		reported = reported || len(x.a.FollowUp) > 0
	}
	// Without any status there is nothing to filter: the overview says so, and links to no empty views.
	for _, s := range content.States {
		if !reported {
			break
		}
		sv := newStatusView(&content.FollowUp{State: s})
		keep := func(x act) bool { l := x.a.Latest(); return l != nil && l.State == s }
		views = append(views, func() (file, error) {
			return render(fmt.Sprintf("%d/uppfoljning/status/%s/index.html", rev.Year, sv.Class), "Status: "+sv.Label, keep, s, -1)
		})
	}
	for i, n := range names {
		if !reported {
			break
		}
		keep := func(x act) bool { return x.cells[1] == n }
		views = append(views, func() (file, error) {
			return render(fmt.Sprintf("%d/uppfoljning/ansvarig/%d/index.html", rev.Year, i+1), "Ansvarig: "+shorten(n, 80), keep, "", i)
		})
	}
	// The views are independent pages: they are made side by side, which shortens the preview's wait.
	files := make([]file, len(views))
	errs := make([]error, len(views))
	var wg sync.WaitGroup
	for i, view := range views {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], errs[i] = view()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return files, nil
}

// countsHTML renders the rows of the three tables of counts: by latest state, by report period and by Ansvarig.
func countsHTML(v *followUpView) (states, periods, ansvariga template.HTML) {
	esc := html.EscapeString
	var b strings.Builder
	for _, c := range v.States {
		b.WriteString(`<tr><th scope="row"><span aria-hidden="true">` + c.Status.Symbol + "</span> " + esc(c.Status.Label) +
			"</th><td>" + strconv.Itoa(c.Count) + "</td></tr>\n")
	}
	states = template.HTML(b.String())
	b.Reset()
	cells := func(counts []int) {
		for _, n := range counts {
			b.WriteString("<td>" + strconv.Itoa(n) + "</td>")
		}
	}
	for _, p := range v.Periods {
		b.WriteString(`<tr><th scope="row">` + esc(p.Period) + "</th>")
		cells(p.Counts)
		b.WriteString("<td>" + strconv.Itoa(p.None) + "</td></tr>\n")
	}
	periods = template.HTML(b.String())
	b.Reset()
	for _, a := range v.Ansvariga {
		b.WriteString(`<tr><th scope="row">`)
		switch {
		case v.Reported && a.This:
			b.WriteString(`<a href="` + esc(a.Href) + `" aria-current="page">` + esc(a.Name) + "</a>")
		case v.Reported:
			b.WriteString(`<a href="` + esc(a.Href) + `">` + esc(a.Name) + "</a>")
		default:
			b.WriteString(esc(a.Name))
		}
		b.WriteString("</th>")
		cells(a.Counts)
		b.WriteString("</tr>\n")
	}
	return states, periods, template.HTML(b.String())
}

// followUpRowsHTML renders the activities of a follow-up view, a cell per report period.
func followUpRowsHTML(rows []followUpRow) template.HTML {
	var b strings.Builder
	esc := html.EscapeString
	for _, r := range rows {
		fmt.Fprintf(&b, `<tr id="%s"><td data-label="Aktivitet"><a href="%s">%s</a></td><td data-label="Ansvarig">%s</td>`,
			esc(r.ID), esc(r.Href), esc(r.Aktivitet), esc(r.Ansvarig))
		for i, st := range r.Periods {
			fmt.Fprintf(&b, `<td data-label="%s">`, content.Periods[i])
			if st == nil {
				b.WriteString(`<span class="follow-up__none">–<span class="visually-hidden"> ingen rapport</span></span>`)
			} else {
				b.WriteString(string(st.HTML()))
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}
