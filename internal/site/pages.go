package site

// The site's other pages: the root, the 404 page, the indicators, the pages of content/sidor/; and the files that
// are not pages: the layouts' assets and the crawlers' files.

import (
	"html/template"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/exports"
	"github.com/stockholm/plansite/internal/indicators"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/problem"
)

type pageView struct {
	Slug, Title   string
	HTML          template.HTML
	Abbreviations []content.Abbreviation // the glossary page's
	General       []content.Abbreviation // the glossary page's general ones, the city's
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
		res := b.md.Convert([]byte(pg.Body.Markdown), markdown.Options{IDs: markdown.NewIDs("huvudinnehall", generalID), FootnotePrefix: "fn-",
			Glossary: b.glossary})
		for _, is := range res.Issues {
			probs.Add(pg.Body.Pos.File, pg.Body.Pos.Line+is.Line-1, is.Msg, is.Hint)
		}
		b.noteLinks(pg.Slug+"/", pg.Body, res.Links)
		p := pg.Slug + "/index.html"
		data := b.newPage(p, pg.Title)
		data.Page = &pageView{Slug: pg.Slug, Title: pg.Title, HTML: template.HTML(res.HTML),
			Abbreviations: pg.Abbreviations, General: pg.General}
		add("page.html", p, data)
	}
	return files, probs
}

// generalID is the heading of the glossary page's general abbreviations (layouts/page.html), which no heading of a
// page's text may take.
const generalID = "allmanna-forkortningar"

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
