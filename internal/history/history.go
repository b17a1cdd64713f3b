// Package history follows one section or activity through the revisions of the plan: when it came in, how its text
// changed, when it moved, went and came back, and for an activity its follow-up status in every report period of
// every year. Sections and activities share one set of ids, so an id names one history.
package history

import (
	"slices"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
)

// Kind is what happened to the item in one revision.
type Kind uint8

// The kinds of entry, in the words the pages use for them.
const (
	Added     Kind = iota // first in the plan
	Changed               // its text changed
	Unchanged             // the same as in the revision before
	Moved                 // an activity in another table, or a section or row in another place, its text the same
	Removed               // gone from the plan
	Restored              // back after being gone
	Absent                // not in the plan, after it was removed
)

// Entry is the item in one revision.
type Entry struct {
	Rev  *content.Revision
	Kind Kind
	// Section is the section's comparison with the revision before (for Added and Restored, its whole text);
	// nil for an activity.
	Section *compare.SectionDiff
	// Row is the activity's comparison with the revision before (for Added and Restored, its whole row); nil for
	// a section, and for an activity that did not change.
	Row *compare.RowDiff
	// Activity is the activity as it is in this revision (nil when absent or removed).
	Activity *content.Activity
	// From and To are the sections an activity moved between (for Moved to another table).
	From, To *content.Section
	// Reordered is set when the item kept its text but changed place within its table or among the sections.
	Reordered bool
	// Changed is also set with Moved when the text changed too.
	TextChanged bool
}

// History is one item's story, with an entry for every revision from the one it came in.
type History struct {
	ID       string
	Activity bool   // an activity row, rather than a section
	Title    string // the section's latest title, or the start of the activity's latest text
	Entries  []Entry
}

// Periods reports whether any entry has a follow-up, so a page knows whether to show the follow-up table.
func (h *History) Periods() bool {
	for _, e := range h.Entries {
		if e.Activity != nil && len(e.Activity.FollowUp) > 0 {
			return true
		}
	}
	return false
}

// Of builds the history of every section and activity from the comparisons of consecutive revisions: results[0]
// compares an empty plan with the first revision, results[k] revision k-1 with revision k. It returns them by id,
// and the ids in the order they first appear.
func Of(results []*compare.Result) (map[string]*History, []string) {
	byID := map[string]*History{}
	var order []string
	get := func(id string, activity bool) *History {
		h := byID[id]
		if h == nil {
			h = &History{ID: id, Activity: activity}
			byID[id] = h
			order = append(order, id)
		}
		return h
	}
	everPresent := map[string]bool{}
	for _, r := range results {
		present := map[string]bool{}
		// Sections: every section of either revision is in r.Sections.
		for _, s := range r.Sections {
			h := get(s.ID, false)
			e := Entry{Rev: r.To, Section: s}
			switch s.Change {
			case compare.Added:
				e.Kind = Added
				if everPresent[s.ID] {
					e.Kind = Restored
				}
			case compare.Removed:
				e.Kind = Removed
			case compare.Changed:
				e.Kind = Changed
				e.TextChanged = s.Text != nil && s.Text.Changed
				if !e.TextChanged {
					// Only the table's rows changed, which their own histories tell.
					e.Kind = Unchanged
				}
			default:
				e.Kind = Unchanged
			}
			if s.Old != nil && s.New != nil && s.Old.Order != s.New.Order && e.Kind == Unchanged {
				e.Kind, e.Reordered = Moved, true
			}
			if s.New != nil {
				present[s.ID] = true
				h.Title = s.New.Title
			}
			h.Entries = append(h.Entries, e)
		}
		// Activities: the rows that changed are in r.Activities; the others are unchanged rows of r.To.
		changed := map[string]*compare.RowDiff{}
		for _, d := range r.Activities {
			changed[d.ID] = d
		}
		seen := map[string]bool{}
		add := func(id string, d *compare.RowDiff, now *content.Activity, before *content.Activity) {
			h := get(id, true)
			seen[id] = true
			e := Entry{Rev: r.To, Row: d, Activity: now}
			switch {
			case d == nil:
				e.Kind = Unchanged
				if before != nil && before.Order != now.Order {
					e.Kind, e.Reordered = Moved, true
				}
			case d.Change == compare.Added:
				e.Kind = Added
				if everPresent[id] {
					e.Kind = Restored
				}
			case d.Change == compare.Removed:
				e.Kind = Removed
			case d.Change == compare.Moved:
				e.Kind, e.From = Moved, d.From
				e.To = r.To.Section(now.SectionID)
				e.TextChanged = slices.ContainsFunc(d.Cells[:], func(c compare.Cell) bool { return c.Changed })
			default:
				e.Kind, e.TextChanged = Changed, true
			}
			if now != nil {
				present[id] = true
				h.Title = now.Aktivitet.Markdown
			}
			h.Entries = append(h.Entries, e)
		}
		var old map[string]*content.Activity
		if r.From != nil {
			old = map[string]*content.Activity{}
			for _, a := range r.From.Activities() {
				old[a.ID] = a
			}
		}
		for _, a := range r.To.Activities() {
			add(a.ID, changed[a.ID], a, old[a.ID])
		}
		for _, d := range r.Activities {
			if !seen[d.ID] {
				add(d.ID, d, nil, nil)
			}
		}
		// What was removed earlier and is still gone is absent from this revision.
		for id, h := range byID {
			if !present[id] && everPresent[id] && len(h.Entries) > 0 && h.Entries[len(h.Entries)-1].Rev != r.To {
				h.Entries = append(h.Entries, Entry{Rev: r.To, Kind: Absent})
			}
		}
		for id := range present {
			everPresent[id] = true
		}
	}
	return byID, order
}

// Results compares consecutive revisions as Of needs them, the first with an empty plan. docs are the revisions
// prepared for comparing, oldest first, all from one compare.Cache.
func Results(docs []*compare.Doc) []*compare.Result {
	if len(docs) == 0 {
		return nil
	}
	empty := compare.Prepare(compare.Input{Rev: &content.Revision{}})
	out := make([]*compare.Result, len(docs))
	out[0] = compare.Compare(empty, docs[0])
	for k := 1; k < len(docs); k++ {
		out[k] = compare.Compare(docs[k-1], docs[k])
	}
	return out
}

// OfPlan builds the history of every section and activity of the plan's revisions, converting their Markdown
// itself; the site, which has the revisions rendered already, uses Of.
func OfPlan(plan *content.Plan) (map[string]*History, []string) {
	conv := markdown.New()
	docs := make([]*compare.Doc, len(plan.Revisions))
	for i, r := range plan.Revisions {
		docs[i] = compare.PrepareRevision(r, conv)
	}
	return Of(Results(docs))
}
