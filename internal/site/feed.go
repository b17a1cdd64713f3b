package site

// The Atom feed /feed.xml: one entry per revision, newest first, each with its status and what changed since the
// revision before it, so a reader's feed tells them when the plan is revised.

import (
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
)

// changeNotes remembers, for each revision, a sentence on what changed since the one before it.
type changeNotes struct {
	mu    sync.Mutex
	notes map[int]string
}

// set records the sentence on what changed in the revision of the year.
func (c *changeNotes) set(year int, note string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.notes == nil {
		c.notes = map[int]string{}
	}
	c.notes[year] = note
}

// get returns the sentence on what changed in the revision of the year.
func (c *changeNotes) get(year int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.notes[year]
}

func (c *changeNotes) note(year int, r *compare.Result) {
	var parts []string
	for _, g := range r.Summary() {
		if g.Len() > 0 {
			parts = append(parts, g.Count())
		}
	}
	text := fmt.Sprintf("Inga ändringar sedan %d.", r.From.Year)
	if len(parts) > 0 {
		text = fmt.Sprintf("Ändringar sedan %d: %s.", r.From.Year, strings.Join(parts, ", "))
	}
	c.set(year, text)
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

// feed renders /feed.xml. Addresses are absolute when --base-url is given, relative to the feed otherwise.
func (b *builder) feed() (file, error) {
	root, alt := "", "./"
	if b.base != nil {
		root = b.base.String()
		alt = root
	}
	board := b.home().Board
	f := atomFeed{Lang: "sv", Title: "Handlingsplan mot våldsbejakande extremism – " + board,
		ID: "urn:plansite:" + slugID(board), Author: atomAuthor{Name: board},
		Links: []atomLink{{Rel: "self", Href: root + "feed.xml"}, {Rel: "alternate", Href: alt}}}
	var newest time.Time
	for i := len(b.plan.Revisions) - 1; i >= 0; i-- {
		r := b.plan.Revisions[i]
		d := revisionDate(r)
		if d.After(newest) {
			newest = d
		}
		summary := fmt.Sprintf("Status: %s.", strings.ToLower(statusLabels[r.Status]))
		if n := b.changes.notes[r.Year]; n != "" {
			summary += " " + n
		} else {
			summary += " Den första revideringen på webbplatsen."
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: r.Title, ID: fmt.Sprintf("%s:%d", f.ID, r.Year), Updated: d.Format(time.RFC3339),
			Link:     atomLink{Rel: "alternate", Href: fmt.Sprintf("%s%d/", root, r.Year)},
			Category: atomTerm{Term: string(r.Status), Label: statusLabels[r.Status]},
			Summary:  summary,
		})
	}
	f.Updated = newest.Format(time.RFC3339)
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return file{}, err
	}
	return file{Path: "feed.xml", Data: append([]byte(xml.Header), append(data, '\n')...)}, nil
}

// slugID makes a name into a URN part: lower-case letters and digits with dashes.
func slugID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'å' || r == 'ä':
			b.WriteRune('a')
		case r == 'ö':
			b.WriteRune('o')
		default:
			b.WriteRune('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
