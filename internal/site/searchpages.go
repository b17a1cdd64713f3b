package site

// The search: the documents of each revision (sections, subsections and activity rows), the index built from them
// by package search, and the search page /sok/ that the browser script turns into results.

import (
	"fmt"
	"strings"
	"time"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

// sectionDocs makes a section into documents: its text before the first subsection, and each subsection (###
// heading, ## in the Markdown) with everything under it.
func sectionDocs(rev *content.Revision, s *content.Section, res markdown.Result) []search.Doc {
	intro := search.Doc{URL: fmt.Sprintf("%d/#%s", rev.Year, s.ID), Year: rev.Year, Kind: search.Section,
		Titles: []string{s.Title}}
	docs := []*search.Doc{&intro}
	cur := &intro
	var text []string
	flush := func() {
		cur.Text = strings.Join(text, " ")
		cur.Fields = append(cur.Fields, search.Field{Text: cur.Text, Weight: search.BodyWeight})
		text = nil
	}
	h := 0 // index into res.Headings, which are in the order of the heading blocks
	for _, bl := range res.Blocks {
		if bl.Kind == markdown.HeadingBlock {
			heading := res.Headings[min(h, len(res.Headings)-1)]
			h++
			if bl.Level == 3 {
				flush()
				sub := &search.Doc{URL: fmt.Sprintf("%d/#%s", rev.Year, heading.ID), Year: rev.Year, Kind: search.Section,
					Titles: []string{s.Title, bl.Text}}
				sub.Fields = []search.Field{{Text: bl.Text, Weight: search.TitleWeight}, {Text: s.Title, Weight: search.BodyWeight}}
				docs = append(docs, sub)
				cur = sub
				continue
			}
			cur.Fields = append(cur.Fields, search.Field{Text: bl.Text, Weight: search.HeadingWeight})
		}
		text = append(text, bl.Text)
	}
	flush()
	intro.Fields = append([]search.Field{{Text: s.Title, Weight: search.TitleWeight}}, intro.Fields...)
	intro.Fields = append(intro.Fields, keywordFields(s.Keywords)...)
	intro.Keywords = s.Keywords
	if s.Worry {
		// The contact box is shown with the routine: who to contact is part of what it answers.
		c := rev.Contact
		intro.Fields = append(intro.Fields, search.Field{Text: strings.Join([]string{"Kontakt", c.Name, c.Unit, c.Email, c.Phone}, " "),
			Weight: search.HeadingWeight})
	}
	out := make([]search.Doc, 0, len(docs))
	for _, d := range docs {
		out = append(out, *d)
	}
	return out
}

// activityDoc makes an activity row into a document; plain holds its four cells as text.
func activityDoc(rev *content.Revision, s *content.Section, a *content.Activity, plain [4]string) search.Doc {
	return search.Doc{
		URL: fmt.Sprintf("%d/#%s", rev.Year, a.ID), Year: rev.Year, Kind: search.Activity,
		Titles:   []string{s.TableCaption},
		Text:     plain[0],
		Ansvarig: plain[1],
		Tidplan:  plain[2],
		Fields: append([]search.Field{
			{Text: plain[0], Weight: 1.5},
			{Text: plain[1], Weight: search.BodyWeight},
			{Text: plain[2], Weight: search.BodyWeight},
			{Text: plain[3], Weight: search.BodyWeight},
			{Text: s.TableCaption, Weight: search.BodyWeight},
		}, keywordFields(a.Keywords)...),
		Keywords: a.Keywords,
	}
}

// keywordFields indexes the coordinator's phrases (sökord) as much as a title: each its own field, so that no
// phrase runs into the next.
func keywordFields(phrases []string) []search.Field {
	var out []search.Field
	for _, p := range phrases {
		out = append(out, search.Field{Text: p, Weight: search.BodyWeight})
	}
	return out
}

// planDoc makes the plan's own details (title, dnr, board, the next revision, the preface) into a document that
// leads to the top of the revision's page: a dnr or a date is searched for there.
func planDoc(rev *content.Revision) search.Doc {
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
	return search.Doc{
		URL: fmt.Sprintf("%d/#titel", rev.Year), Year: rev.Year, Kind: search.Section,
		Titles: []string{rev.Title},
		Text:   text,
		Fields: []search.Field{
			{Text: rev.Title, Weight: search.TitleWeight},
			{Text: "Dnr diarienummer " + rev.Dnr, Weight: search.TitleWeight},
			{Text: strings.Join(details, ". "), Weight: search.BodyWeight},
			{Text: rev.Preface.Markdown, Weight: search.BodyWeight},
		},
	}
}

// searchPages builds the index and the search page.
func (b *builder) searchPages(revs []*renderedRevision) ([]file, problem.List) {
	var docs []search.Doc
	var revisions []search.Revision
	for i, r := range revs {
		rev := b.plan.Revisions[i]
		docs = append(docs, planDoc(rev))
		docs = append(docs, r.search...)
		sr := search.Revision{Year: rev.Year, Status: rev.Status.Label()}
		if w := rev.Worry(); w != nil {
			sr.Worry = fmt.Sprintf("%d/#%s", rev.Year, w.ID)
		}
		revisions = append(revisions, sr)
	}
	glossary := map[string]string{}
	for _, a := range b.plan.Glossary() {
		glossary[a.Short] = a.Long
	}
	var files []file
	for _, f := range search.Build(docs, revisions, b.home().Year, glossary, b.words) {
		files = append(files, file{Path: f.Path, Data: f.Data})
	}
	var probs problem.List
	data := b.newPage("sok/index.html", "Sök i planen")
	f, err := b.execute("sok.html", "sok/index.html", data)
	if err != nil {
		probs.Add("layouts/sok.html", 0, err.Error(), "")
		return nil, probs
	}
	return append(files, f), probs
}
