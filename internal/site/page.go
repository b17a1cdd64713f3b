package site

// What every page is given: the page's frame (title, addresses, the header's version switcher), and its execution
// with its layout.

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/stockholm/plansite/internal/followup"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/indicators"
)

// page is what every layout gets.
type page struct {
	Title      string // the <title>
	Canonical  string // absolute address of the page when --base-url is given
	Frame             // .Root, .Site and .WorryHref
	Revision   *revisionView
	Page       *pageView
	Compare    *compareView
	FollowUp   *followup.View
	History    *historyView
	Indicators []*indicators.View
	Pairs      []pairLink // the comparison index: every pair with a page
	Steps      []pairLink // the pairs of consecutive revisions
	ToHome     []pairLink // the other pairs with the plan in force
	HomeYear   int        // the year of the plan in force
	Published  string     // the pairs with a page, "2020-2021 2021-2022", for the index's form
	Years      []int      // every revision's year, for the comparison index's form
}

// Frame is what a page has in common with many others: the frame's header and footer show only it, and are
// rendered once for all pages with the same (the template function shared).
type Frame struct {
	Root      string    // relative path from the page to the site's root: "", "../"
	Site      *siteView // shared by every page with the same root and revision
	WorryHref string    // the "Vid oro" link
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
	// The revision the page shows, if it is a revision's page, for the version switcher.
	this, shows := 0, false
	if y, ok := strings.CutSuffix(p, "/index.html"); ok {
		n, err := strconv.Atoi(y)
		this, shows = n, err == nil && strconv.Itoa(n) == y
	}
	pg := &page{Title: title, Frame: Frame{
		Root:      root,
		Site:      b.site(root, this, shows),
		WorryHref: fmt.Sprintf("%s%d/#%s", root, home.Year, home.Worry().ID),
	}}
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

// site is what the header and footer show on a page at root, that shows the revision of the year this when shows
// is true; made once per build.
func (b *builder) site(root string, this int, shows bool) *siteView {
	type key struct {
		root  string
		this  int
		shows bool
	}
	if !shows {
		this = 0
	}
	if s, ok := b.sites.Load(key{root, this, shows}); ok {
		return s.(*siteView)
	}
	home := b.home()
	s := &siteView{
		Name:          "Handlingsplan mot våldsbejakande extremism",
		Board:         home.Board,
		StatementHref: root + content.StatementSlug + "/",
		CurrentHref:   fmt.Sprintf("%s%d/", root, home.Year),
		CurrentYear:   home.Year,
		CompareHref:   root + "jamfor/",
	}
	for _, r := range b.plan.Revisions {
		if len(r.Indicators) > 0 {
			s.IndicatorsHref = root + "nyckeltal/"
		}
	}
	if b.plan.Page(content.GlossarySlug) != nil {
		s.GlossaryHref = root + content.GlossarySlug + "/"
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
		s.Versions = append(s.Versions, versionLink{Year: r.Year, Label: label,
			Href: fmt.Sprintf("%s%d/", root, r.Year), This: shows && r.Year == this})
	}
	actual, _ := b.sites.LoadOrStore(key{root, this, shows}, s)
	return actual.(*siteView)
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
	if err := b.tpl.Execute(buf, kind, kind, data); err != nil {
		return file{}, fmt.Errorf("layouts/%s: %w", kind, err)
	}
	return file{Path: p, Data: buf.Bytes()}, nil
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
