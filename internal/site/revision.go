package site

// The plan of one year: content/<year>/ rendered to <year>/index.html with its exports and follow-up pages, and
// its text prepared for the comparisons, histories and search that come after. Markdown that repeats from one
// revision to the next is rendered once (convert).

import (
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/followup"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/exports"
	"github.com/stockholm/plansite/internal/indicators"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

type revisionView struct {
	*content.Revision
	StatusLabel    string
	Notice         string // banner text for revisions that are not adopted; "" when adopted
	Older          bool   // an older revision than the current one
	CurrentHref    string
	CurrentYear    int
	SinceHref      string // an older revision: its comparison with the plan in force
	PrevYear       int    // the revision before, 0 when this is the first
	ChangesHref    string // "Ändringar sedan PrevYear"
	Preface        template.HTML
	Sections       []*sectionView
	Indicators     []*indicators.View
	IndicatorsHref string
}

type sectionView struct {
	ID, Title string
	EditHref  string // the source file in the repository's editor; "" without --edit-url
	HTML      template.HTML
	Subs      []markdown.Heading // level-3 headings, for the contents
	Worry     bool
	Table     *tableView
	InCurrent string // in an older revision: the same section in the current one
}

type tableView struct {
	ID, Caption string
	Rows        []rowView
}

type rowView struct {
	ID, EditHref                              string
	Status                                    *followup.Status // the latest follow-up; nil when none
	Aktivitet, Ansvarig, Tidplan, Uppfoljning template.HTML
}

// revision renders content/<year>/ to <year>/index.html, and returns its text prepared for comparing. Its
// documents for the search index are given to found, unless it is nil, as soon as they are made, before the page.
func (b *builder) revision(rev *content.Revision, found func([]search.Doc)) ([]file, *renderedRevision, problem.List) {
	var probs problem.List
	var warns problem.List // kept with the rendered revision, so a preview that reuses it still shows them
	report := func(t content.Text, res markdown.Result) {
		for _, is := range res.Issues {
			if is.Unfinished && rev.Status != content.Adopted {
				warns.Add(t.Pos.File, t.Pos.Line+is.Line-1, is.Msg, is.Hint)
				continue
			}
			probs.Add(t.Pos.File, t.Pos.Line+is.Line-1, is.Msg, is.Hint)
		}
		b.noteLinks(fmt.Sprintf("%d/", rev.Year), t, res.Links)
		for _, img := range res.Images {
			rel := path.Clean(img.Dest)
			if strings.HasPrefix(rel, "../") || !slices.ContainsFunc(rev.Assets, func(a content.Asset) bool { return a.Rel == rel }) {
				probs.Add(t.Pos.File, t.Pos.Line+img.Line-1, fmt.Sprintf("bilden %s finns inte i %s", img.Dest, rev.Dir),
					"lägg filen i revideringens mapp, till exempel i figurer/, och skriv sökvägen från den mappen")
			}
		}
	}
	// Sections, rows and the page's own parts (see layouts/revision.html and partials.html) own their ids;
	// headings get what is left.
	taken := []string{"huvudinnehall", "sok-falt", "innehall", "titel", "kontakt", "nyckeltal"}
	for _, ind := range rev.Indicators {
		taken = append(taken, ind.ID+"-tabell")
	}
	for _, s := range rev.Sections {
		taken = append(taken, s.ID, "tabell-"+s.ID, "tabell-"+s.ID+"-caption")
		for _, a := range s.Activities {
			taken = append(taken, a.ID)
		}
	}
	ids := markdown.NewIDs(taken...)

	home := b.home()
	view := &revisionView{Revision: rev, StatusLabel: rev.Status.Label(), Notice: statusNotices[rev.Status],
		Older: rev.Year < home.Year, CurrentHref: fmt.Sprintf("../%d/", home.Year), CurrentYear: home.Year,
		Indicators: indicators.Of(rev), IndicatorsHref: "../nyckeltal/"}
	if view.Older {
		view.SinceHref = fmt.Sprintf("../jamfor/%d-%d/", rev.Year, home.Year)
	}
	if prev := b.previous(rev); prev != nil {
		view.PrevYear = prev.Year
		view.ChangesHref = fmt.Sprintf("../jamfor/%d-%d/", prev.Year, rev.Year)
	}
	rendered := map[*content.Text]*markdown.Rendered{} // every text as rendered here, for comparing
	var docs, actDocs []search.Doc                     // for the search index: sections first, then activities
	for _, ind := range view.Indicators {
		// The key figures come before the sections on the page, and are found as their tables show them.
		var rows [][]string
		for _, v := range ind.Values {
			rows = append(rows, []string{v.Period, v.Value, v.Count, v.Target, v.Source})
		}
		docs = append(docs, search.IndicatorDoc(rev, ind.ID, ind.Name, rows))
	}
	if strings.TrimSpace(rev.Preface.Markdown) != "" {
		c := b.texts.Convert(rev.Preface.Markdown, markdown.Options{NoHeadings: true, FootnotePrefix: "fn-inledning-"})
		report(rev.Preface, c.Result)
		view.Preface = c.HTML
		rendered[&rev.Preface] = c
	}
	for _, s := range rev.Sections {
		c := b.texts.Convert(s.Body.Markdown, markdown.Options{Shift: 1, IDs: ids, FootnotePrefix: "fn-" + s.ID + "-", HeadingPrefix: s.ID + "-"})
		res := c.Result
		report(s.Body, res)
		rendered[&s.Body] = c
		sv := &sectionView{ID: s.ID, Title: s.Title, HTML: c.HTML, Worry: s.Worry,
			EditHref: b.editHref(s.Pos.File)}
		docs = append(docs, search.SectionDocs(rev, s, res)...)
		if view.Older && home.Section(s.ID) != nil {
			sv.InCurrent = fmt.Sprintf("../%d/#%s", home.Year, s.ID)
		}
		for _, h := range res.Headings {
			if h.Level == 3 {
				sv.Subs = append(sv.Subs, h)
			}
		}
		if len(s.Activities) > 0 {
			t := &tableView{ID: "tabell-" + s.ID, Caption: s.TableCaption}
			for _, a := range s.Activities {
				var plain [4]string
				col := 0
				cell := func(t *content.Text) template.HTML {
					c := b.texts.Convert(t.Markdown, markdown.Options{NoHeadings: true})
					report(*t, c.Result)
					rendered[t] = c
					plain[col] = c.Plain()
					col++
					return c.HTML
				}
				st, err := b.statusLine(followup.StatusOf(a.Latest()))
				if err != nil {
					probs.Add("layouts/partials.html", 0, err.Error(), "")
				}
				t.Rows = append(t.Rows, rowView{
					ID:          a.ID,
					EditHref:    b.editHref(a.Pos.File),
					Status:      st,
					Aktivitet:   cell(&a.Aktivitet),
					Ansvarig:    cell(&a.Ansvarig),
					Tidplan:     cell(&a.Tidplan),
					Uppfoljning: cell(&a.Uppfoljning),
				})
				actDocs = append(actDocs, search.ActivityDoc(rev, s, a, plain))
			}
			sv.Table = t
		}
		view.Sections = append(view.Sections, sv)
	}
	docs = append(docs, actDocs...)
	if found != nil {
		found(docs)
	}
	p := fmt.Sprintf("%d/index.html", rev.Year)
	data := b.newPage(p, rev.Title)
	data.Revision = view
	if rev == home {
		// On the plan in force the routine is on the same page; every other revision leads to the one in force.
		data.WorryHref = "#" + rev.Worry().ID
	}
	f, err := b.execute("revision.html", p, data)
	if err != nil {
		probs.Add("layouts/revision.html", 0, err.Error(), "")
		return nil, nil, probs
	}
	files := []file{f}
	in := compare.InputOf(rev, func(t *content.Text) []markdown.Block {
		if c := rendered[t]; c != nil {
			return c.Blocks
		}
		return nil // a preface of only spaces is not rendered
	}, func(t *content.Text) string { return rendered[t].Plain() })
	ex, err := exports.Activities(rev, in.Cells)
	if err != nil {
		probs.Add(rev.Pos.File, 0, "exportfilerna går inte att skapa: "+err.Error(), "")
	}
	files = append(files, ex...)
	fu, err := b.followUpPages(rev, in.Cells)
	if err != nil {
		probs.Add("layouts/uppfoljning.html", 0, err.Error(), "")
	}
	files = append(files, fu...)
	for _, a := range rev.Assets {
		files = append(files, file{Path: fmt.Sprintf("%d/%s", rev.Year, a.Rel), Src: a.Src})
	}
	rr := &renderedRevision{doc: b.cmp.Prepare(in), search: docs, year: rev.Year, digest: rev.Digest,
		warnings: warns}
	return files, rr, probs
}

// renderedRevision is what the comparison pages need of a rendered revision.
type renderedRevision struct {
	doc      *compare.Doc
	search   []search.Doc
	year     int
	digest   [32]byte // the revision's content.Revision.Digest
	warnings problem.List
}
