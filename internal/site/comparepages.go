package site

// The comparison pages: /jamfor/<from>-<to>/ for each revision and the one before it and for each revision and the
// plan in force, older first, and /jamfor/ listing them. Each revision's text was prepared once while its page was
// rendered; the pairs are compared in parallel.

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/diffhtml"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/problem"
)

type compareView struct {
	*compare.Result
	FromHref, ToHref   string
	FromLabel, ToLabel string
	Notice             string // when either revision is not adopted
	Summary            []diffhtml.Group
	SummaryHTML        template.HTML // the same, rendered here: a distant pair has hundreds of items
	Sections           []*diffhtml.Section
	SectionsHTML       template.HTML // the sections, rendered here for speed: 190 pages of up to 60 sections
	Meta               bool          // the metadata or the preface changed
}

// pairLink is one comparison in the index.
type pairLink struct {
	From, To int
	Href     string
}

// comparisons renders the comparison pages and the index of them, handing each page to b.out as it is made.
//
// A page is made for each revision and the one before it ("what changed this year"), and for each revision and
// the plan in force ("what changed since my version"): at most two per revision, so the site grows in step with
// the years. Every pair of revisions would grow with their square: 190 pages and 145 MB for 20 revisions, 1,225
// pages and 1.2 GB for 50. The index's form says where a pair without a page of its own is told.
func (b *builder) comparisons(revs []*renderedRevision) problem.List {
	type pair struct{ i, j int }
	var pairs []pair
	home := slices.Index(b.plan.Revisions, b.home())
	for j := range revs {
		for i := range j {
			if j == i+1 || i == home || j == home {
				pairs = append(pairs, pair{i, j})
			}
		}
	}
	errs := make([]error, len(pairs))
	cores.EachWith(len(pairs), func() func(k int) {
		// A worker's buffers are free again once a page is handed on, and the next page reuses them instead of
		// allocating a megabyte afresh; a session that keeps the pages gives each its own.
		var bufs *pageBuffers
		if !b.reuse.keep {
			bufs = new(pageBuffers)
		}
		return func(k int) {
			var f file
			f, errs[k] = b.comparison(revs[pairs[k].i], revs[pairs[k].j], pairs[k].j == pairs[k].i+1, bufs)
			if errs[k] == nil {
				b.out.put(f)
			}
		}
	})
	var probs problem.List
	for _, err := range errs {
		if err != nil {
			probs.Add("layouts/jamfor.html", 0, err.Error(), "")
			return probs
		}
	}
	// The index, newest pairs first: year by year, then against the plan in force.
	data := b.newPage("jamfor/index.html", "Jämför versioner")
	data.HomeYear = b.plan.Revisions[home].Year
	var published []string
	for k := len(pairs) - 1; k >= 0; k-- {
		from, to := b.plan.Revisions[pairs[k].i].Year, b.plan.Revisions[pairs[k].j].Year
		link := pairLink{From: from, To: to, Href: fmt.Sprintf("%d-%d/", from, to)}
		data.Pairs = append(data.Pairs, link)
		published = append(published, fmt.Sprintf("%d-%d", from, to))
		if pairs[k].j == pairs[k].i+1 {
			data.Steps = append(data.Steps, link)
		} else {
			data.ToHome = append(data.ToHome, link)
		}
	}
	data.Published = strings.Join(published, " ")
	for _, r := range b.plan.Revisions {
		data.Years = append(data.Years, r.Year)
	}
	idx, err := b.execute("jamfor-index.html", "jamfor/index.html", data)
	if err != nil {
		probs.Add("layouts/jamfor-index.html", 0, err.Error(), "")
		return probs
	}
	b.out.put(idx)
	return nil
}

// pageBuffers are the buffers a comparison page is made in.
type pageBuffers struct {
	frame, sections bytes.Buffer
}

// comparison renders the page comparing two revisions, keeping the comparison when they are consecutive; with bufs,
// in those buffers, reset first. In a session, a pair whose revisions and context are unchanged is not compared
// again.
func (b *builder) comparison(from, to *renderedRevision, consecutive bool, bufs *pageBuffers) (file, error) {
	if !b.reuse.keep {
		return b.comparePair(from, to, consecutive, bufs)
	}
	k := pairKey{from: from.digest, to: to.digest, ctx: b.ctx}
	if p, ok := b.reuse.pairs.Lookup(k); ok {
		return p.page, nil
	}
	f, err := b.comparePair(from, to, consecutive, bufs)
	if err == nil {
		b.reuse.pairs.Put(k, &pairRender{page: f})
	}
	return f, err
}

// comparePair compares two revisions and renders the page.
func (b *builder) comparePair(from, to *renderedRevision, consecutive bool, bufs *pageBuffers) (file, error) {
	if bufs == nil {
		bufs = new(pageBuffers)
	}
	bufs.frame.Reset()
	bufs.sections.Reset()
	r := compare.Compare(from.doc, to.doc)
	a, z := r.From, r.To
	if consecutive {
		b.consecutive.Store(z.Year, r) // for the history pages and the feed
	}
	p := fmt.Sprintf("jamfor/%d-%d/index.html", a.Year, z.Year)
	data := b.newPage(p, fmt.Sprintf("Ändringar från %d till %d", a.Year, z.Year))
	v := &compareView{Result: r,
		FromHref: fmt.Sprintf("../../%d/", a.Year), ToHref: fmt.Sprintf("../../%d/", z.Year),
		FromLabel: a.Status.Label(), ToLabel: z.Status.Label(),
		Meta: len(r.Meta) > 0 || len(r.Preface) > 0,
	}
	for _, rev := range []*content.Revision{a, z} {
		if rev.Status != content.Adopted {
			v.Notice = fmt.Sprintf("Revideringen %d är %s, inte en antagen plan. Jämförelsen visar hur planen skulle ändras.",
				rev.Year, map[content.Status]string{content.Draft: "ett utkast", content.Consultation: "ett remissförslag", content.Example: "ett exempel"}[rev.Status])
		}
	}
	v.Summary = diffhtml.SummaryOf(r)
	v.SummaryHTML = diffhtml.Summary(v.Summary)
	for _, s := range r.Sections {
		cs := &diffhtml.Section{SectionDiff: s, Anchor: "avsnitt-" + s.ID, Label: diffhtml.SectionLabel(s)}
		if s.New != nil {
			cs.Caption = s.New.TableCaption
		} else {
			cs.Caption = s.Old.TableCaption
		}
		if s.Change == compare.Unchanged {
			cs.Href = fmt.Sprintf("../../%d/#%s", to.year, s.ID)
		} else {
			cs.Body = b.marked(s)
			if s.New != nil && diffhtml.Folds(s.Blocks) {
				cs.Whole = fmt.Sprintf("../../%d/#%s", to.year, s.ID)
			}
		}
		v.Sections = append(v.Sections, cs)
	}
	// The sections are most of the page, up to a megabyte: the layout gets a marker in their place, and they are
	// spliced in afterwards, sparing the template engine two copies of them.
	v.SectionsHTML = sectionsMarker
	data.Compare = v
	f, err := b.executeInto(&bufs.frame, "jamfor.html", p, data)
	if err != nil {
		return f, err
	}
	i := bytes.Index(f.Data, []byte(sectionsMarker))
	if i < 0 {
		return f, fmt.Errorf("layouts/jamfor.html ska visa {{.SectionsHTML}} en gång")
	}
	f.Data, f.More = f.Data[:i], [][]byte{diffhtml.Sections(&bufs.sections, v.Sections, &b.cells), f.Data[i+len(sectionsMarker):]}
	return f, nil
}

// marked renders a compared section's blocks; sections whose comparison is shared by several pairs of revisions
// are rendered once.
func (b *builder) marked(s *compare.SectionDiff) template.HTML {
	if s.Text != nil {
		if h, ok := b.body.Load(s.Text); ok {
			return h.(template.HTML)
		}
	}
	h := diffhtml.Blocks(s.Blocks)
	if s.Text != nil {
		b.body.Store(s.Text, h)
	}
	return h
}

const sectionsMarker = "<!--plansite:sections-->"
