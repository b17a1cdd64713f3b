package site

// Follow-up: each activity's status per report period (VP, T1, T2, VB) on the plan page, and the overview at
// /<year>/uppfoljning/ with its filtered views.

import (
	"errors"
	"fmt"
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
	AllHref    string
	CSVHref    string
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
