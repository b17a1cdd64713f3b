package exports

// The Atom feed /feed.xml: one entry per revision, newest first, each with its status and what changed since the
// revision before it, so a reader's feed tells them when the plan is revised.

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/slug"
)

// Feed makes /feed.xml for the revisions, oldest first. changes[i] compares revision i with the one before it and
// is ignored for the first. Addresses are absolute when base is given, relative to the feed otherwise; board names
// the plan's owner.
func Feed(revs []*content.Revision, changes []*compare.Result, board string, base *url.URL) (output.File, error) {
	root, alt := "", "./"
	if base != nil {
		root = base.String()
		alt = root
	}
	f := atomFeed{Lang: "sv", Title: "Handlingsplan mot våldsbejakande extremism – " + board,
		ID: "urn:plansite:" + slug.Make(board, slug.ASCII), Author: atomAuthor{Name: board},
		Links: []atomLink{{Rel: "self", Href: root + "feed.xml"}, {Rel: "alternate", Href: alt}}}
	var newest time.Time
	for i := len(revs) - 1; i >= 0; i-- {
		r := revs[i]
		d := revisionDate(r)
		if d.After(newest) {
			newest = d
		}
		summary := fmt.Sprintf("Status: %s.", strings.ToLower(r.Status.Label()))
		if i > 0 {
			summary += " " + changeNote(changes[i])
		} else {
			summary += " Den första revideringen på webbplatsen."
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: r.Title, ID: fmt.Sprintf("%s:%d", f.ID, r.Year), Updated: d.Format(time.RFC3339),
			Link:     atomLink{Rel: "alternate", Href: fmt.Sprintf("%s%d/", root, r.Year)},
			Category: atomTerm{Term: string(r.Status), Label: r.Status.Label()},
			Summary:  summary,
		})
	}
	f.Updated = newest.Format(time.RFC3339)
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return output.File{}, err
	}
	return output.File{Path: "feed.xml", Data: append([]byte(xml.Header), append(data, '\n')...)}, nil
}

// changeNote is a sentence on what changed from one revision to the next, counted by the summary's groups.
func changeNote(r *compare.Result) string {
	var parts []string
	for _, g := range r.Summary() {
		if g.Len() > 0 {
			parts = append(parts, g.Count())
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Inga ändringar sedan %d.", r.From.Year)
	}
	return fmt.Sprintf("Ändringar sedan %d: %s.", r.From.Year, strings.Join(parts, ", "))
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string   `xml:"title"`
	ID       string   `xml:"id"`
	Updated  string   `xml:"updated"`
	Link     atomLink `xml:"link"`
	Category atomTerm `xml:"category"`
	Summary  string   `xml:"summary"`
}

type atomTerm struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// revisionDate is when a revision counts as published: the board's decision, else the first day of its year.
func revisionDate(r *content.Revision) time.Time {
	if !r.Decided.IsZero() {
		return r.Decided
	}
	return time.Date(r.Year, 1, 1, 0, 0, 0, 0, time.UTC)
}
