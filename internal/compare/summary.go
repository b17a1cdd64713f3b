package compare

// The summary of a comparison: the one list of the kinds of change a reader is told about, in the order they are
// told. The comparison pages, `plansite diff` and the feed all speak of changes in these groups.

import "github.com/stockholm/plansite/internal/swedish"

// Group is one kind of change with the sections or activity rows that changed so.
type Group struct {
	Label     string // the heading, e.g. "Nya avsnitt"
	One, Many string // a change of the kind, counted: "nytt avsnitt", "nya avsnitt"
	Change    Change // Added, Removed, Moved or Changed
	Renamed   bool   // the group of sections with a new title
	Sections  []*SectionDiff
	Rows      []*RowDiff
}

// Len is the number of sections or rows in the group.
func (g Group) Len() int { return len(g.Sections) + len(g.Rows) }

// Count is the group's size in words, e.g. "1 nytt avsnitt" or "3 nya avsnitt".
func (g Group) Count() string { return swedish.Count(g.Len(), g.One, g.Many) }

// Summary returns the eight groups of changes to sections and activities, in order, the empty ones included:
// new, removed, renamed and changed sections, then new, removed, moved and changed activities.
func (r *Result) Summary() []Group {
	return []Group{
		{Label: "Nya avsnitt", One: "nytt avsnitt", Many: "nya avsnitt", Change: Added, Sections: r.SectionsBy(Added)},
		{Label: "Borttagna avsnitt", One: "borttaget avsnitt", Many: "borttagna avsnitt", Change: Removed, Sections: r.SectionsBy(Removed)},
		{Label: "Avsnitt med nytt namn", One: "avsnitt med nytt namn", Many: "avsnitt med nya namn", Change: Changed, Renamed: true, Sections: r.Renamed()},
		{Label: "Ändrade avsnitt", One: "ändrat avsnitt", Many: "ändrade avsnitt", Change: Changed, Sections: r.ContentChanged()},
		{Label: "Nya aktiviteter", One: "ny aktivitet", Many: "nya aktiviteter", Change: Added, Rows: r.RowsBy(Added)},
		{Label: "Borttagna aktiviteter", One: "borttagen aktivitet", Many: "borttagna aktiviteter", Change: Removed, Rows: r.RowsBy(Removed)},
		{Label: "Flyttade aktiviteter", One: "flyttad aktivitet", Many: "flyttade aktiviteter", Change: Moved, Rows: r.RowsBy(Moved)},
		{Label: "Ändrade aktiviteter", One: "ändrad aktivitet", Many: "ändrade aktiviteter", Change: Changed, Rows: r.RowsBy(Changed)},
	}
}
