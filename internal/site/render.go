package site

// From the model to pages: the view of a revision (sections, tables, contents), the site's other pages, and the
// data every layout gets.

import (
	"bytes"
	"fmt"
	"github.com/stockholm/plansite/internal/exports"
	"github.com/stockholm/plansite/internal/indicators"
	"html/template"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

// page is what every layout gets.
type page struct {
	Title      string // the <title>
	Root       string // relative path from the page to the site's root: "", "../"
	Canonical  string // absolute address of the page when --base-url is given
	Site       siteView
	WorryHref  string // the "Vid oro" link
	Revision   *revisionView
	Page       *pageView
	Compare    *compareView
	FollowUp   *followUpView
	History    *historyView
	Indicators []*indicators.View
	Pairs      []pairLink // the comparison index
	Years      []int      // every revision's year, for the comparison index's form
}

// siteView is what the header and footer show.
type siteView struct {
	Name           string // e.g. "Handlingsplan mot våldsbejakande extremism"
	Board          string
	StatementHref  string
	CurrentHref    string
	CurrentYear    int
	Versions       []versionLink // every revision, for the version switcher
	CompareHref    string        // the index of comparisons
	GlossaryHref   string        // the list of abbreviations, "" when there is none
	IndicatorsHref string        // the indicators page, "" when there are none
}

// versionLink is one revision in the version switcher.
type versionLink struct {
	Year  int
	Label string // its status, e.g. "gällande", "utkast"
	Href  string
	This  bool // the page shows this revision
}

type revisionView struct {
	*content.Revision
	StatusLabel    string
	Notice         string // banner text for revisions that are not adopted; "" when adopted
	Older          bool   // an older revision than the current one
	CurrentHref    string
	CurrentYear    int
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

	rebasedOnce sync.Once
	rebasedHTML template.HTML
	tableOnce   sync.Once
	tableHTML   template.HTML
	tableErr    error
	year        int
}

// withTable is the section's rebased HTML followed by its activity table, rendered once with the layouts'
// "activities" template for every comparison page that shows the section unchanged.
func (s *sectionView) withTable(tpl *template.Template) (template.HTML, error) {
	s.tableOnce.Do(func() {
		h := string(s.rebased())
		if s.Table != nil {
			var buf bytes.Buffer
			if s.tableErr = tpl.ExecuteTemplate(&buf, "activities", s.Table); s.tableErr != nil {
				return
			}
			h += rebase(buf.String(), fmt.Sprintf("../../%d/", s.year))
		}
		s.tableHTML = template.HTML(h)
	})
	return s.tableHTML, s.tableErr
}

// rebased is the section's HTML with its relative addresses made to work from a comparison page; it is made once,
// however many comparisons show the section.
func (s *sectionView) rebased() template.HTML {
	s.rebasedOnce.Do(func() {
		s.rebasedHTML = template.HTML(rebase(string(s.HTML), fmt.Sprintf("../../%d/", s.year)))
	})
	return s.rebasedHTML
}

type tableView struct {
	ID, Caption string
	Rows        []rowView
}

type rowView struct {
	ID, EditHref                              string
	Status                                    *statusView // the latest follow-up; nil when none
	Aktivitet, Ansvarig, Tidplan, Uppfoljning template.HTML
}

type pageView struct {
	Slug, Title   string
	HTML          template.HTML
	Abbreviations []content.Abbreviation // the glossary page's
}

var statusNotices = map[content.Status]string{
	content.Draft:        "Det här är ett utkast. Planen är inte antagen och gäller inte.",
	content.Consultation: "Det här är ett förslag som är ute på remiss. Planen är inte antagen och gäller inte.",
	content.Example:      "Det här är ett exempel, inte en antagen plan. Innehållet visar hur en revidering kan se ut och gäller inte.",
}

// home is the revision the site opens on: the current one, or the newest when none is adopted yet.
func (b *builder) home() *content.Revision {
	if c := b.plan.Current(); c != nil {
		return c
	}
	return b.plan.Revisions[len(b.plan.Revisions)-1]
}

// newPage fills in what every page shows, for a page at path p (slash-separated, relative to the root).
func (b *builder) newPage(p, title string) *page {
	depth := strings.Count(p, "/")
	root := strings.Repeat("../", depth)
	if p == "404.html" {
		// The 404 page is served at any depth, so its links cannot be relative.
		root = "/"
		if b.base != nil {
			root = b.base.Path
		}
	}
	home := b.home()
	pg := &page{
		Title: title,
		Root:  root,
		Site: siteView{
			Name:          "Handlingsplan mot våldsbejakande extremism",
			Board:         home.Board,
			StatementHref: root + content.StatementSlug + "/",
			CurrentHref:   fmt.Sprintf("%s%d/", root, home.Year),
			CurrentYear:   home.Year,
		},
		WorryHref: fmt.Sprintf("%s%d/#%s", root, home.Year, home.Worry().ID),
	}
	pg.Site.CompareHref = root + "jamfor/"
	for _, r := range b.plan.Revisions {
		if len(r.Indicators) > 0 {
			pg.Site.IndicatorsHref = root + "nyckeltal/"
		}
	}
	if b.plan.Page(content.GlossarySlug) != nil {
		pg.Site.GlossaryHref = root + content.GlossarySlug + "/"
	}
	for i := len(b.plan.Revisions) - 1; i >= 0; i-- {
		r := b.plan.Revisions[i]
		label := strings.ToLower(r.Status.Label())
		switch {
		case r == home && r.Status == content.Adopted:
			label = "gällande"
		case r.Status == content.Adopted && r.Year < home.Year:
			label = "äldre"
		}
		pg.Site.Versions = append(pg.Site.Versions, versionLink{Year: r.Year, Label: label,
			Href: fmt.Sprintf("%s%d/", root, r.Year), This: p == fmt.Sprintf("%d/index.html", r.Year)})
	}
	if b.base != nil {
		u := *b.base
		u.Path = path.Join(u.Path, strings.TrimSuffix(p, "index.html"))
		if strings.HasSuffix(p, "/index.html") || p == "index.html" {
			u.Path = strings.TrimSuffix(u.Path, "/") + "/"
		}
		pg.Canonical = u.String()
	}
	return pg
}

// execute renders a page with its layout.
func (b *builder) execute(kind, p string, data *page) (file, error) {
	return b.executeInto(new(bytes.Buffer), kind, p, data)
}

// executeInto renders into buf, which the file's Data then shares.
func (b *builder) executeInto(buf *bytes.Buffer, kind, p string, data *page) (file, error) {
	// Pages of a kind are alike in size: start from the size of the last one, not from nothing.
	size, _ := b.sizes.LoadOrStore(kind, new(atomic.Int64))
	buf.Grow(int(size.(*atomic.Int64).Load() * 9 / 8))
	defer func() { size.(*atomic.Int64).Store(int64(buf.Len())) }()
	if err := b.tpl.Page(kind).ExecuteTemplate(buf, kind, data); err != nil {
		return file{}, fmt.Errorf("layouts/%s: %w", kind, err)
	}
	return file{Path: p, Data: buf.Bytes()}, nil
}

// converted is a piece of Markdown rendered, with abbreviations marked.
type converted struct {
	markdown.Result
	HTML       template.HTML
	bases, ids []string // the headings' slugs and the ids they were given

	plainOnce sync.Once
	plainText string
}

// plain is the text of the blocks, separated by spaces.
func (c *converted) plain() string {
	c.plainOnce.Do(func() {
		texts := make([]string, len(c.Blocks))
		for i, bl := range c.Blocks {
			texts[i] = bl.Text
		}
		c.plainText = strings.Join(texts, " ")
	})
	return c.plainText
}

// convertKey is what a rendering depends on, apart from the ids a page has already given.
type convertKey struct {
	src        string
	shift      int
	prefix     string // for footnote ids
	headings   string // the start of heading ids
	noHeadings bool
	ids        bool // headings get ids unique on the page
}

// convert renders Markdown. A text that repeats, as most texts do from one revision to the next, is rendered once
// per build: without heading ids (opt.IDs nil) it depends on nothing else; with them, the rendering is reused
// when its headings get the same ids on this page as where it was rendered, as a fresh rendering would give them.
// The result is shared and must not be changed.
func (b *builder) convert(src string, opt markdown.Options) *converted {
	k := convertKey{src, opt.Shift, opt.FootnotePrefix, opt.HeadingPrefix, opt.NoHeadings, opt.IDs != nil}
	fresh := func() *converted {
		opt.Glossary = b.glossary
		res := b.md.Convert([]byte(src), opt)
		c := &converted{Result: res, HTML: template.HTML(res.HTML)}
		for _, h := range res.Headings {
			c.bases = append(c.bases, opt.HeadingPrefix+markdown.Slug(h.Text))
			c.ids = append(c.ids, h.ID)
		}
		return c
	}
	if opt.IDs == nil {
		return b.texts.Get(k, fresh)
	}
	if c, ok := b.texts.Lookup(k); ok && opt.IDs.Claim(c.bases, c.ids) {
		return c
	}
	c := fresh()
	b.texts.Put(k, c)
	return c
}

// revision renders content/<year>/ to <year>/index.html, and returns its text prepared for comparing.
func (b *builder) revision(rev *content.Revision) ([]file, *renderedRevision, problem.List) {
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
	if prev := b.previous(rev); prev != nil {
		view.PrevYear = prev.Year
		view.ChangesHref = fmt.Sprintf("../jamfor/%d-%d/", prev.Year, rev.Year)
	}
	in := compare.Input{Rev: rev, Sections: map[string][]markdown.Block{}, Cells: map[string][4]string{}}
	var docs, actDocs []search.Doc // for the search index: sections first, then activities
	if strings.TrimSpace(rev.Preface.Markdown) != "" {
		c := b.convert(rev.Preface.Markdown, markdown.Options{NoHeadings: true, FootnotePrefix: "fn-inledning-"})
		report(rev.Preface, c.Result)
		view.Preface = c.HTML
		in.Preface = c.Blocks
	}
	for _, s := range rev.Sections {
		c := b.convert(s.Body.Markdown, markdown.Options{Shift: 1, IDs: ids, FootnotePrefix: "fn-" + s.ID + "-", HeadingPrefix: s.ID + "-"})
		res := c.Result
		report(s.Body, res)
		in.Sections[s.ID] = res.Blocks
		sv := &sectionView{ID: s.ID, Title: s.Title, HTML: c.HTML, Worry: s.Worry, year: rev.Year,
			EditHref: b.editHref(s.Pos.File)}
		docs = append(docs, sectionDocs(rev, s, res)...)
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
				cell := func(t content.Text) template.HTML {
					c := b.convert(t.Markdown, markdown.Options{NoHeadings: true})
					report(t, c.Result)
					plain[col] = c.plain()
					col++
					return c.HTML
				}
				t.Rows = append(t.Rows, rowView{
					ID:          a.ID,
					EditHref:    b.editHref(a.Pos.File),
					Status:      newStatusView(a.Latest()),
					Aktivitet:   cell(a.Aktivitet),
					Ansvarig:    cell(a.Ansvarig),
					Tidplan:     cell(a.Tidplan),
					Uppfoljning: cell(a.Uppfoljning),
				})
				in.Cells[a.ID] = plain
				actDocs = append(actDocs, activityDoc(rev, s, a, plain))
			}
			sv.Table = t
		}
		view.Sections = append(view.Sections, sv)
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
	rr := &renderedRevision{doc: b.cmp.Prepare(in), sections: map[string]*sectionView{}, search: append(docs, actDocs...),
		year: rev.Year, digest: rev.Digest, warnings: warns}
	for _, sv := range view.Sections {
		rr.sections[sv.ID] = sv
	}
	return files, rr, probs
}

// renderedRevision is what the comparison pages need of a rendered revision.
type renderedRevision struct {
	doc      *compare.Doc
	sections map[string]*sectionView
	search   []search.Doc
	year     int
	digest   [32]byte // the revision's content.Revision.Digest
	warnings problem.List
}

// previous returns the revision before rev, or nil.
func (b *builder) previous(rev *content.Revision) *content.Revision {
	for i, r := range b.plan.Revisions {
		if r == rev && i > 0 {
			return b.plan.Revisions[i-1]
		}
	}
	return nil
}

// pages renders the root, the 404 page and the pages of content/sidor/.
func (b *builder) pages() ([]file, problem.List) {
	var files []file
	var probs problem.List
	add := func(kind, p string, data *page) {
		f, err := b.execute(kind, p, data)
		if err != nil {
			probs.Add("layouts/"+kind, 0, err.Error(), "")
			return
		}
		files = append(files, f)
	}
	home := b.home()
	add("index.html", "index.html", b.newPage("index.html", home.Title))
	add("404.html", "404.html", b.newPage("404.html", "Sidan finns inte"))
	if ind := indicators.Merged(b.plan); len(ind) > 0 {
		data := b.newPage("nyckeltal/index.html", "Nyckeltal")
		data.Indicators = ind
		add("nyckeltal.html", "nyckeltal/index.html", data)
	}
	for _, pg := range b.plan.Pages {
		res := b.md.Convert([]byte(pg.Body.Markdown), markdown.Options{IDs: markdown.NewIDs("huvudinnehall"), FootnotePrefix: "fn-",
			Glossary: b.glossary})
		for _, is := range res.Issues {
			probs.Add(pg.Body.Pos.File, pg.Body.Pos.Line+is.Line-1, is.Msg, is.Hint)
		}
		b.noteLinks(pg.Slug+"/", pg.Body, res.Links)
		p := pg.Slug + "/index.html"
		data := b.newPage(p, pg.Title)
		data.Page = &pageView{Slug: pg.Slug, Title: pg.Title, HTML: template.HTML(res.HTML),
			Abbreviations: pg.Abbreviations}
		add("page.html", p, data)
	}
	return files, probs
}

// crawlerFiles are robots.txt and, with --base-url, sitemap.xml with every page made so far.
func (b *builder) crawlerFiles() []file {
	b.out.mu.Lock()
	pages := slices.Clone(b.out.pages)
	b.out.mu.Unlock()
	return exports.Crawlers(pages, b.base)
}

// assets are the layouts' CSS and other files, published under assets/.
func (b *builder) assets() []file {
	var files []file
	for p, data := range b.tpl.Assets() {
		files = append(files, file{Path: p, Data: data})
	}
	slices.SortFunc(files, func(a, c file) int { return strings.Compare(a.Path, c.Path) })
	return files
}
