package site

// History pages: /historik/<id>/ tells the story of one section or activity through every revision, from the
// comparisons of consecutive revisions (internal/history), with the changed words marked as on the comparison
// pages and, for an activity, its follow-up in every report period of every year.

import (
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/diffhtml"
	"github.com/stockholm/plansite/internal/swedish"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/history"
	"github.com/stockholm/plansite/internal/problem"
)

// historyView is one history page.
type historyView struct {
	ID, Title, Kind string // Kind: "avsnittet" or "aktiviteten"
	Activity        bool
	Entries         []historyEntryView
	Periods         []string
	FollowUp        []followUpYear // empty when nothing was ever reported
}

type historyEntryView struct {
	Year    int
	Label   string
	Class   string        // the kind, for the stylesheet: added, changed, unchanged, moved, removed, restored, absent
	Href    string        // the item on the revision's page; "" when it is not there
	HTML    template.HTML // what changed, or the whole text when it came in; "" when nothing is to be shown
	Whole   bool          // the whole text is shown folded, loaded from Href when opened
	Renamed template.HTML // a renamed section's title, its words marked
}

type followUpYear struct {
	Year  int
	Cells []string
}

var historyClass = map[history.Kind]string{
	history.Added: "added", history.Changed: "changed", history.Unchanged: "unchanged", history.Moved: "moved",
	history.Removed: "removed", history.Restored: "restored", history.Absent: "absent",
}

// histories renders the history page of every section and activity of the site's revisions, handing each to b.out
// as it is made, and returns the list of ids that have one.
func (b *builder) histories(results []*compare.Result) ([]file, problem.List) {
	byID, order := history.Of(results)
	slices.Sort(order)
	var probs problem.List
	// The pages are made, and written, on every core: they come after the comparisons, when the cores are free
	// again.
	errs := make([]error, len(order))
	cores.EachWith(len(order), func() func(i int) {
		return func(i int) {
			var f file
			if b.historyPage(byID[order[i]], &f, &errs[i]); errs[i] == nil {
				b.out.put(f)
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			probs.Add("layouts/historik.html", 0, err.Error(), "")
			return nil, probs
		}
	}
	// The ids that have a history, for the version switcher: a page opened at an id it does not have opens the
	// id's history instead.
	ids, err := json.Marshal(order)
	if err != nil {
		probs.Add("historik/ids.json", 0, err.Error(), "")
	}
	return []file{{Path: "historik/ids.json", Data: ids}}, probs
}

// steps returns, for each revision, its comparison with the one before; the first is compared with an empty plan.
// The comparisons of consecutive revisions were made for their pages; in the preview, a page that was reused was
// not compared again, and its comparison is made here.
func (b *builder) steps(revs []*renderedRevision) []*compare.Result {
	results := make([]*compare.Result, len(revs))
	if len(revs) > 0 {
		results[0] = history.Results([]*compare.Doc{revs[0].doc})[0]
	}
	for k := 1; k < len(revs); k++ {
		if r, ok := b.consecutive.Load(revs[k].year); ok {
			results[k] = r.(*compare.Result)
		} else {
			results[k] = compare.Compare(revs[k-1].doc, revs[k].doc)
		}
	}
	return results
}

// plainTitle is the first line of an activity's text, without Markdown's marks, short enough for a title.
func plainTitle(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = strings.NewReplacer("**", "", "__", "", "*", "", "`", "").Replace(s)
	return swedish.Shorten(s, 90)
}

// historyPage renders the history page of h into f, or the error into err.
func (b *builder) historyPage(h *history.History, f *file, err *error) {
	id := h.ID
	v := &historyView{ID: id, Title: plainTitle(h.Title), Activity: h.Activity, Kind: "avsnittet", Periods: content.Periods}
	if h.Activity {
		v.Kind = "aktiviteten"
	}
	for _, e := range h.Entries {
		ev := historyEntryView{Year: e.Rev.Year, Label: e.Label(h.Activity), Class: historyClass[e.Kind]}
		if e.Kind != history.Removed && e.Kind != history.Absent {
			ev.Href = fmt.Sprintf("../../%d/#%s", e.Rev.Year, id)
		}
		switch {
		case e.Section != nil && (e.Kind == history.Added || e.Kind == history.Restored):
			// The whole text is on the revision's page, from where it is loaded when the reader opens it, as an
			// unchanged section on a comparison page is.
			ev.Whole = ev.Href != ""
		case e.Section != nil && (e.Kind == history.Changed || e.TextChanged):
			if e.Section.Renamed {
				ev.Renamed = diffhtml.Spans(e.Section.Title)
			}
			ev.HTML = b.marked(e.Section)
		case e.Row != nil && e.Kind != history.Removed:
			ev.HTML = diffhtml.RowTable(e.Row)
		}
		v.Entries = append(v.Entries, ev)
		if e.Activity != nil {
			v.FollowUp = append(v.FollowUp, followUpYear{Year: e.Rev.Year, Cells: history.FollowUpRow(e.Activity)})
		}
	}
	if !h.Periods() {
		v.FollowUp = nil // never reported: no table of dashes
	}
	p := "historik/" + id + "/index.html"
	data := b.newPage(p, "Historik: "+v.Title)
	data.History = v
	*f, *err = b.execute("historik.html", p, data)
}
