// Package followup prepares the follow-up of a revision's activities for the pages: each activity's status per
// report period (VP, T1, T2, VB), and the overview at /<year>/uppfoljning/ with its views filtered by status and by
// Ansvarig, counted by state, period and Ansvarig.
package followup

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/swedish"
)

// Status is a status as the pages show it: words and a symbol, never colour alone.
type Status struct {
	Period, Comment string
	Label           string // "Pågår"
	Symbol          string // ◐
	Class           string // for the stylesheet: ej-paborjad, pagar, genomford, stoppad
	// Line is the status line as the layouts' "status-line" template writes it, filled in by the site: the same
	// status is shown on several pages, and is written once.
	Line template.HTML
}

var stateLooks = map[content.State]struct{ label, symbol, class string }{
	content.NotStarted: {"Ej påbörjad", "○", "ej-paborjad"},
	content.Ongoing:    {"Pågår", "◐", "pagar"},
	content.Done:       {"Genomförd", "●", "genomford"},
	content.Stopped:    {"Stoppad/uppskjuten", "✕", "stoppad"},
}

// StatusOf is the follow-up as the pages show it, or nil for none.
func StatusOf(f *content.FollowUp) *Status {
	if f == nil {
		return nil
	}
	l := stateLooks[f.State]
	return &Status{Period: f.Period, Comment: f.Comment, Label: l.label, Symbol: l.symbol, Class: l.class}
}

// View is the overview of a revision's follow-up, or one filtered view of it.
type View struct {
	Year       int
	PlanHref   string
	Filter     string // what the view shows, e.g. "Status: Pågår"; "" for all
	Reported   bool   // any activity has a status; without any, there are no filtered views
	States     []Count
	Periods    []Period
	Ansvariga  []Ansvarig
	StateLinks []FilterLink
	Rows       []Row
	AllHref    string
	CSVHref    string
}

// Cell is an activity's status in one report period.
type Cell struct {
	Period string
	Status *Status // nil where not reported
}

// Count is the number of activities whose latest status is the state.
type Count struct {
	Status *Status
	Count  int
}

// Period counts a report period's statuses.
type Period struct {
	Period string
	Counts []int // per state, in the order of content.States
	None   int   // activities without a status in the period
}

// Ansvarig counts the latest statuses of one Ansvarig's activities.
type Ansvarig struct {
	Name   string
	Href   string
	Counts []int
	This   bool
}

// FilterLink leads to the view of one status.
type FilterLink struct {
	Label, Symbol, Href string
	This                bool
}

// Row is an activity with its status in each report period.
type Row struct {
	ID, Href, Aktivitet, Ansvarig string
	Cells                         [4]Cell // content.Periods: VP, T1, T2, VB
}

// Page is one page of a revision's follow-up: its path relative to the site's root, its title, and its view,
// made when asked for.
type Page struct {
	Path, Title string
	View        func() *View
}

// Pages are /<year>/uppfoljning/ and its filtered views: one per status and one per Ansvarig, when any activity has
// a status. plain holds each activity's four cells as text.
func Pages(rev *content.Revision, plain map[string][4]string) []Page {
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
	var view func(p, filter string, keep func(act) bool, thisState content.State, thisAns int) *View
	page := func(p, filter string, keep func(act) bool, thisState content.State, thisAns int) Page {
		title := fmt.Sprintf("Uppföljning %d", rev.Year)
		if filter != "" {
			title += " – " + filter
		}
		return Page{Path: p, Title: title, View: func() *View { return view(p, filter, keep, thisState, thisAns) }}
	}
	view = func(p, filter string, keep func(act) bool, thisState content.State, thisAns int) *View {
		depth := strings.Count(p, "/")
		up := strings.Repeat("../", depth-1) // from the page to the revision's folder
		v := &View{Year: rev.Year, PlanHref: up, Filter: filter, AllHref: up + "uppfoljning/", CSVHref: up + "aktiviteter.csv"}
		counts := make([]int, len(content.States))
		perAns := make([][]int, len(names))
		for i := range perAns {
			perAns[i] = make([]int, len(content.States))
		}
		periods := make([]Period, len(content.Periods))
		for i, p := range content.Periods {
			periods[i] = Period{Period: p, Counts: make([]int, len(content.States))}
		}
		for _, x := range acts {
			if !keep(x) {
				continue
			}
			row := Row{ID: x.a.ID, Href: fmt.Sprintf("%s#%s", up, x.a.ID), Aktivitet: swedish.Shorten(x.cells[0], 160),
				Ansvarig: x.cells[1]}
			for i, p := range content.Periods {
				row.Cells[i].Period = p
				found := false
				for _, f := range x.a.FollowUp {
					if f.Period == p {
						row.Cells[i].Status = StatusOf(&f)
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
			sv := StatusOf(&content.FollowUp{State: s})
			v.States = append(v.States, Count{Status: sv, Count: counts[i]})
			v.StateLinks = append(v.StateLinks, FilterLink{Label: sv.Label, Symbol: sv.Symbol,
				Href: up + "uppfoljning/status/" + sv.Class + "/", This: s == thisState})
		}
		v.Periods = periods
		for i, n := range names {
			v.Ansvariga = append(v.Ansvariga, Ansvarig{Name: n, Href: fmt.Sprintf("%suppfoljning/ansvarig/%d/", up, i+1),
				Counts: perAns[i], This: i == thisAns})
		}
		return v
	}
	pages := []Page{page(fmt.Sprintf("%d/uppfoljning/index.html", rev.Year), "", func(act) bool { return true }, "", -1)}
	reported := false
	for _, x := range acts {
		reported = reported || len(x.a.FollowUp) > 0
	}
	// Without any status there is nothing to filter: the overview says so, and links to no empty views.
	for _, s := range content.States {
		if !reported {
			break
		}
		sv := StatusOf(&content.FollowUp{State: s})
		keep := func(x act) bool { l := x.a.Latest(); return l != nil && l.State == s }
		pages = append(pages, page(fmt.Sprintf("%d/uppfoljning/status/%s/index.html", rev.Year, sv.Class), "Status: "+sv.Label, keep, s, -1))
	}
	for i, n := range names {
		if !reported {
			break
		}
		keep := func(x act) bool { return x.cells[1] == n }
		pages = append(pages, page(fmt.Sprintf("%d/uppfoljning/ansvarig/%d/index.html", rev.Year, i+1), "Ansvarig: "+swedish.Shorten(n, 80), keep, "", i))
	}
	return pages
}
