package search

// The plan's documents for the index: each revision's details, its sections and subsections, and its activity
// rows, with the fields they are ranked by and the anchor on the revision's page each leads to.

import (
	"strings"
	"time"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
)

// SectionDocs makes a section into documents: its text before the first subsection, and each subsection (###
// heading, ## in the Markdown) with everything under it.
func SectionDocs(rev *content.Revision, s *content.Section, res markdown.Result) []Doc {
	intro := Doc{ID: s.ID, Year: rev.Year, Kind: Section,
		Titles: []string{s.Title}}
	docs := []*Doc{&intro}
	cur := &intro
	var text []string
	flush := func() {
		cur.Text = strings.Join(text, " ")
		cur.Fields = append(cur.Fields, Field{Text: cur.Text, Weight: BodyWeight})
		text = nil
	}
	h := 0            // index into res.Headings, which are in the order of the heading blocks
	var parent string // the subsection a sub-subsection is in
	for _, bl := range res.Blocks {
		if bl.Kind == markdown.HeadingBlock {
			heading := res.Headings[min(h, len(res.Headings)-1)]
			h++
			// A subsection, and a subsection of one (### in the Markdown), is a document of its own, so that a
			// search for what it says leads to its heading, not to the one above it.
			if bl.Level == 3 || bl.Level == 4 && parent != "" {
				flush()
				sub := &Doc{ID: heading.ID, Year: rev.Year, Kind: Section,
					Titles: []string{s.Title, bl.Text}}
				sub.Fields = []Field{{Text: bl.Text, Weight: TitleWeight}, {Text: s.Title, Weight: BodyWeight}}
				if bl.Level == 3 {
					parent = bl.Text
				} else {
					sub.Titles = []string{s.Title, parent, bl.Text}
					sub.Fields = append(sub.Fields, Field{Text: parent, Weight: BodyWeight})
				}
				docs = append(docs, sub)
				cur = sub
				continue
			}
			cur.Fields = append(cur.Fields, Field{Text: bl.Text, Weight: HeadingWeight})
		}
		text = append(text, bl.Text)
	}
	flush()
	intro.Fields = append([]Field{{Text: s.Title, Weight: TitleWeight}}, intro.Fields...)
	intro.Fields = append(intro.Fields, keywordFields(s.Keywords)...)
	intro.Keywords = s.Keywords
	if s.Worry {
		intro.Worry = true
		// The contact box is shown with the routine: who to contact is part of what it answers.
		c := rev.Contact
		intro.Fields = append(intro.Fields, Field{Text: strings.Join([]string{"Kontakt", c.Name, c.Unit, c.Email, c.Phone}, " "),
			Weight: HeadingWeight})
	}
	out := make([]Doc, 0, len(docs))
	for _, d := range docs {
		out = append(out, *d)
	}
	return out
}

// ActivityDoc makes an activity row into a document; plain holds its four cells as text.
func ActivityDoc(rev *content.Revision, s *content.Section, a *content.Activity, plain [4]string) Doc {
	return Doc{
		ID: a.ID, Year: rev.Year, Kind: Activity,
		Titles:   []string{s.TableCaption},
		Text:     plain[0],
		Ansvarig: plain[1],
		Tidplan:  plain[2],
		Fields: append([]Field{
			{Text: plain[0], Weight: 1.5},
			{Text: plain[1], Weight: BodyWeight},
			{Text: plain[2], Weight: BodyWeight},
			{Text: plain[3], Weight: BodyWeight},
			{Text: s.TableCaption, Weight: BodyWeight},
		}, keywordFields(a.Keywords)...),
		Keywords: a.Keywords,
	}
}

// keywordFields indexes the coordinator's phrases (sökord) as body text, each its own field, so that no phrase
// runs into the next, and aside: they do not count in the document's length.
func keywordFields(phrases []string) []Field {
	var out []Field
	for _, p := range phrases {
		out = append(out, Field{Text: p, Weight: BodyWeight, Aside: true})
	}
	return out
}

// PlanDoc makes the plan's own details (title, dnr, board, the next revision, the preface) into a document that
// leads to the top of the revision's page: a dnr or a date is searched for there.
func PlanDoc(rev *content.Revision) Doc {
	var details []string
	for _, d := range [][2]string{{"Nämnd", rev.Board}, {"Förvaltning", rev.Administration}, {"Paragraf", rev.Paragraph},
		{"Nästa revidering", rev.NextRevision}} {
		if d[1] != "" {
			details = append(details, d[0]+": "+d[1])
		}
	}
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"Beslutad", rev.Decided}, {"Godkänd av kommunstyrelsen", rev.ApprovedKS}} {
		if !d.t.IsZero() {
			details = append(details, d.name+": "+d.t.Format(time.DateOnly))
		}
	}
	text := "Diarienummer " + rev.Dnr + ". " + strings.Join(details, ". ")
	return Doc{
		ID: "titel", Year: rev.Year, Kind: Section,
		Titles: []string{rev.Title},
		Text:   text,
		Fields: []Field{
			{Text: rev.Title, Weight: TitleWeight},
			{Text: "Dnr diarienummer " + rev.Dnr, Weight: TitleWeight},
			{Text: strings.Join(details, ". "), Weight: BodyWeight},
			{Text: rev.Preface.Markdown, Weight: BodyWeight},
		},
	}
}

// IndicatorDoc makes a key figure (nyckeltal) into a document that leads to its table on the revision's page
// (id followed by -tabell): its name, and each period's figure, basis, target and source as the table shows them,
// so that a source such as "projektrapport nr 2/2019" is found where the reader sees it. rows holds the table's
// rows, each its cells in order.
func IndicatorDoc(rev *content.Revision, id, name string, rows [][]string) Doc {
	var lines []string
	for _, r := range rows {
		var cells []string
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		lines = append(lines, strings.Join(cells, ", "))
	}
	text := strings.Join(lines, ". ")
	return Doc{
		ID: id + "-tabell", Year: rev.Year, Kind: Indicator,
		Titles: []string{"Nyckeltal", name},
		Text:   text,
		Fields: []Field{
			{Text: name, Weight: TitleWeight},
			{Text: "Nyckeltal", Weight: HeadingWeight},
			{Text: text, Weight: BodyWeight},
		},
	}
}
