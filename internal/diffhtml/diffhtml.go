// Package diffhtml writes a comparison of two revisions as HTML: inserted and deleted words as <ins> and <del>, to
// which style.css adds the words a screen reader says ("Tillagt:", "Borttaget:"), so that a change is never shown
// by colour alone (they were spans in every <ins> and <del>, a quarter of a comparison page's bytes); the
// compared blocks, activity rows and sections, and the summary. It is written in Go rather than in the layouts for
// speed: a comparison of distant revisions has thousands of marked cells, and html/template's reflection made them
// the slowest part of the build.
package diffhtml

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/swedish"
)

// Group is a group of a comparison's summary, with its items.
type Group struct {
	Label string
	Items []Item
}

// Item is a change in the summary, with the address of its place on the page.
type Item struct {
	Href, Text, Note string
}

// Section is a compared section as a comparison page shows it.
type Section struct {
	*compare.SectionDiff
	Anchor  string
	Label   string
	Caption string
	Href    string        // an unchanged section: its place on the newer revision's page
	Body    template.HTML // a changed section's blocks, marked
	// Whole, when the body leaves out unchanged paragraphs, is the section's place on the newer revision's page,
	// from where the reader can open it whole.
	Whole string
}

// Spans renders compared words.
func Spans(spans []compare.Span) template.HTML {
	var b strings.Builder
	b.Grow(spansSize(spans))
	writeSpans(&b, spans)
	return template.HTML(b.String())
}

func writeSpans(b io.StringWriter, spans []compare.Span) {
	for _, s := range spans {
		switch s.Op {
		case compare.Insert:
			b.WriteString(`<ins>`)
			escapeTo(b, s.Text)
			b.WriteString(`</ins>`)
		case compare.Delete:
			b.WriteString(`<del>`)
			escapeTo(b, s.Text)
			b.WriteString(`</del>`)
		default:
			escapeTo(b, s.Text)
		}
	}
}

// escapeTo writes s with &, <, >, " and ' escaped, as html.EscapeString does, without a copy when nothing needs it.
// It is the innermost loop of the comparison pages, so it scans bytes itself.
func escapeTo(b io.StringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		default:
			continue
		}
		_, _ = b.WriteString(s[last:i])
		_, _ = b.WriteString(rep)
		last = i + 1
	}
	_, _ = b.WriteString(s[last:])
}

// blockClass is a compared block's class by its change. (There is no class for every block: the style sheet
// needs none, and a long comparison has tens of thousands of blocks.)
var blockClass = map[compare.Change]string{
	compare.Unchanged: "diff-block--same", compare.Added: "diff-block--added",
	compare.Removed: "diff-block--removed", compare.Changed: "diff-block--changed",
}

// Block renders one compared block as the element it is on the page.
func Block(d compare.BlockDiff) template.HTML {
	var b strings.Builder
	b.Grow(spansSize(d.Spans) + 64)
	writeBlock(&b, d)
	return template.HTML(b.String())
}

// spansSize is about the size of the spans' HTML, to size a buffer once.
func spansSize(spans []compare.Span) int {
	n := 0
	for _, s := range spans {
		n += len(s.Text) + 8
		if s.Op != compare.Equal {
			n += 11
		}
	}
	return n
}

// writeBlock writes one compared block as the element it is on the page.
func writeBlock(b *strings.Builder, d compare.BlockDiff) {
	class := blockClass[d.Change]
	switch d.Kind {
	case markdown.HeadingBlock:
		level := strconv.Itoa(min(max(d.Level, 3), 6))
		b.WriteString("<h" + level + ` class="` + class + `">`)
		writeSpans(b, d.Spans)
		b.WriteString("</h" + level + ">")
	case markdown.Item:
		list := " diff-list"
		if d.Level > 1 {
			list += " diff-list--" + strconv.Itoa(min(d.Level, 4))
		}
		b.WriteString(`<ul class="` + class + list + `"><li>`)
		writeSpans(b, d.Spans)
		b.WriteString("</li></ul>")
	case markdown.Code:
		b.WriteString(`<pre class="` + class + `">`)
		writeSpans(b, d.Spans)
		b.WriteString("</pre>")
	default:
		b.WriteString(`<p class="` + class + `">`)
		switch d.Kind {
		case markdown.Footnote:
			b.WriteString("Fotnot " + strconv.Itoa(d.Level) + ": ")
		case markdown.Row:
			b.WriteString(`<span class="diff-kind">Tabellrad: </span>`)
		}
		writeSpans(b, d.Spans)
		b.WriteString("</p>")
	}
}

// Blocks renders a compared section's blocks, one element a line. The page carries what changed: a run of
// unchanged paragraphs is one line that says how many there are (as a changed table says how many rows it leaves
// out), and the comparison page offers the whole section (Section.Whole). A heading stays when its part of the
// section has a change, to show where the change is; so does a run too short to be worth the line.
func Blocks(blocks []compare.BlockDiff) template.HTML {
	size := 0
	for _, bl := range blocks {
		size += spansSize(bl.Spans) + 64
	}
	var body strings.Builder
	body.Grow(size)
	for _, r := range runs(blocks) {
		if r.folded {
			note := swedish.Count(r.paragraphs, "oförändrat stycke", "oförändrade stycken")
			if r.headings > 0 {
				note += " under " + swedish.Count(r.headings, "rubrik", "rubriker")
			}
			body.WriteString(`<p class="diff-skipped">` + note + " visas inte</p>\n")
			continue
		}
		for _, bl := range blocks[r.from:r.to] {
			writeBlock(&body, bl)
			body.WriteByte('\n')
		}
	}
	return template.HTML(body.String())
}

// Folds reports whether Blocks leaves out any of the blocks.
func Folds(blocks []compare.BlockDiff) bool {
	return slices.ContainsFunc(runs(blocks), func(r run) bool { return r.folded })
}

// run is a stretch of a section's blocks that Blocks shows, or leaves out (folded) with a line that counts them.
type run struct {
	from, to             int
	folded               bool
	paragraphs, headings int
}

// runs divides blocks into what is shown and what is left out: the unchanged blocks, but for the headings of a
// part with a change, in runs of at least minSkipped bytes of text.
func runs(blocks []compare.BlockDiff) []run {
	keep := make([]bool, len(blocks))
	for i, bl := range blocks {
		keep[i] = bl.Change != compare.Unchanged
		if keep[i] || bl.Kind != markdown.HeadingBlock {
			continue
		}
		for _, in := range blocks[i+1:] { // the heading's part: up to a heading of its level or above
			if in.Kind == markdown.HeadingBlock && in.Level <= bl.Level {
				break
			}
			if in.Change != compare.Unchanged {
				keep[i] = true
				break
			}
		}
	}
	var out []run
	for i := 0; i < len(blocks); {
		r := run{from: i, to: i + 1}
		for r.to < len(blocks) && keep[r.to] == keep[i] {
			r.to++
		}
		if !keep[i] {
			size := 0
			for _, bl := range blocks[r.from:r.to] {
				if bl.Kind == markdown.HeadingBlock {
					r.headings++
				} else {
					r.paragraphs++
				}
				for _, sp := range bl.Spans {
					size += len(sp.Text)
				}
			}
			r.folded = size >= minSkipped && r.paragraphs > 0
		}
		if n := len(out); n > 0 && !r.folded && !out[n-1].folded {
			out[n-1].to = r.to // two stretches shown one after the other are one
		} else {
			out = append(out, r)
		}
		i = r.to
	}
	return out
}

// minSkipped is the least text a run of unchanged blocks must have to be left out: about two lines.
const minSkipped = 200

var sectionClass = map[compare.Change]string{compare.Added: "added", compare.Removed: "removed", compare.Changed: "changed"}

// Sections writes the compared sections into b and returns its bytes: unchanged ones folded in <details> with a
// link to their text, the others with their marked blocks and changed rows.
func Sections(b *bytes.Buffer, sections []*Section, cells *Cells) []byte {
	size := 0
	for _, s := range sections {
		size += len(s.Body) + 512
		for _, r := range s.Rows {
			size += 400
			for _, c := range r.Cells {
				size += spansSize(c.Spans)
			}
		}
	}
	b.Grow(size)
	esc := html.EscapeString
	for _, s := range sections {
		if s.Change == compare.Unchanged {
			// The page carries what changed: an unchanged section is a link to it, which the site's script
			// replaces with the section itself, loaded from the newer revision's page, when the reader opens it.
			title, href := esc(s.CurrentTitle()), esc(s.Href)
			b.WriteString(`<details class="diff-unchanged" id="` + esc(s.Anchor) + `" data-src="` + href + `">` + "\n")
			b.WriteString(`<summary><span class="diff-label">Oförändrat:</span> ` + title + "</summary>\n")
			b.WriteString(`<div class="diff-unchanged__body">` + "\n")
			b.WriteString(`<p><a href="` + href + `">Läs avsnittet ”` + title + `” i planen</a></p>`)
			b.WriteString("\n</div>\n</details>\n")
			continue
		}
		a := esc(s.Anchor)
		b.WriteString(`<section class="diff-section diff-section--` + sectionClass[s.Change] + `" id="` + a +
			`" aria-labelledby="` + a + `-rubrik">` + "\n")
		b.WriteString(`<h2 id="` + a + `-rubrik">`)
		if s.Renamed {
			writeSpans(b, s.Title)
		} else {
			b.WriteString(esc(s.CurrentTitle()))
		}
		b.WriteString(` <span class="diff-label">` + esc(s.Label) + "</span></h2>\n")
		b.WriteString(string(s.Body))
		if s.Whole != "" {
			// Loaded as an unchanged section is, when opened.
			href := esc(s.Whole)
			b.WriteString(`<details class="diff-whole" data-src="` + href + `">` + "\n")
			b.WriteString(`<summary>Hela avsnittet som det lyder nu<span class="visually-hidden">: ”` + esc(s.CurrentTitle()) +
				`”</span></summary>` + "\n")
			b.WriteString(`<div class="diff-unchanged__body">` + "\n")
			b.WriteString(`<p><a href="` + href + `">Läs avsnittet ”` + esc(s.CurrentTitle()) + `” i planen</a></p>`)
			b.WriteString("\n</div>\n</details>\n")
		}
		if len(s.Rows) > 0 {
			b.WriteString(`<div class="table-wrap" role="region" aria-labelledby="` + a + `-tabell" tabindex="0">` + "\n")
			b.WriteString(`<table class="activities diff-rows">` + "\n")
			b.WriteString(`<caption id="` + a + `-tabell">Ändrade aktiviteter: ` + esc(s.Caption))
			if s.Unchanged > 0 {
				fmt.Fprintf(b, " (%d oförändrade visas inte)", s.Unchanged)
			}
			b.WriteString("</caption>\n<thead>\n" + `<tr><th scope="col">Ändring</th><th scope="col">Aktivitet</th>` +
				`<th scope="col">Ansvarig</th><th scope="col">Tidplan</th><th scope="col">Uppföljning</th></tr>` +
				"\n</thead>\n<tbody>\n")
			writeRows(b, s.Rows, cells)
			b.WriteString("</tbody>\n</table>\n</div>\n")
		}
		b.WriteString("</section>\n")
	}
	return b.Bytes()
}

// writeRows writes the compared rows of a table as <tr> elements. It is done here rather than in the layout
// because a comparison of distant revisions has thousands of cells, and the template's reflection made it the
// slowest part of the build.
func writeRows(b *bytes.Buffer, rows []*compare.RowDiff, cells *Cells) {
	for _, d := range rows {
		class, label := "changed", "Ändrad aktivitet"
		switch d.Change {
		case compare.Added:
			class, label = "added", "Ny aktivitet"
		case compare.Removed:
			class, label = "removed", "Borttagen aktivitet"
		case compare.Moved:
			class, label = "moved", "Flyttad från tabellen ”"+d.From.TableCaption+"”"
		}
		b.WriteString(`<tr id="aktivitet-`)
		escapeTo(b, d.ID)
		b.WriteString(`" class="diff-row diff-row--` + class + "\">\n<td data-label=\"Ändring\"><strong>")
		escapeTo(b, label)
		b.WriteString("</strong></td>\n")
		b.WriteString(cells.html(d))
		b.WriteString("</tr>\n")
	}
}

// Cells keeps the <td> elements of compared rows by the rows' texts: a row that changed once is compared with
// every later revision, and its cells read the same on all those pages. Its zero value is ready to use; the rows
// must come from comparisons made in one compare.Cache, whose numbers the texts are kept by.
type Cells struct{ m sync.Map } // [2]int → string

func (c *Cells) html(d *compare.RowDiff) string {
	if h, ok := c.m.Load(d.Texts); ok {
		return h.(string)
	}
	h, _ := c.m.LoadOrStore(d.Texts, rowCellsHTML(d))
	return h.(string)
}

// rowCellsHTML renders a compared row's <td> elements.
func rowCellsHTML(d *compare.RowDiff) string {
	var b strings.Builder
	n := 0
	for _, cell := range d.Cells {
		n += spansSize(cell.Spans) + 64
	}
	b.Grow(n)
	for i, cell := range d.Cells {
		b.WriteString(`<td data-label="` + compare.Columns[i] + `"`)
		if cell.Changed {
			b.WriteString(` class="diff-cell--changed"`)
		}
		b.WriteByte('>')
		writeSpans(&b, cell.Spans)
		b.WriteString("</td>\n")
	}
	return b.String()
}

// SectionLabel says how a section changed, as its heading on a comparison page does: "Nytt avsnitt", "Ändrat".
func SectionLabel(s *compare.SectionDiff) string {
	switch {
	case s.Change == compare.Added:
		return "Nytt avsnitt"
	case s.Change == compare.Removed:
		return "Borttaget avsnitt"
	case s.Change == compare.Unchanged:
		return "Oförändrat"
	case s.Renamed:
		return "Nytt namn"
	}
	return "Ändrat"
}

// SummaryOf lists every change of the comparison with a link to it below.
func SummaryOf(r *compare.Result) []Group {
	var groups []Group
	add := func(label string, items []Item) {
		if len(items) > 0 {
			groups = append(groups, Group{Label: fmt.Sprintf("%s (%d)", label, len(items)), Items: items})
		}
	}
	var meta []Item
	for _, f := range r.Meta {
		meta = append(meta, Item{Href: "#uppgifter", Text: f.Label})
	}
	if len(r.Preface) > 0 {
		meta = append(meta, Item{Href: "#uppgifter", Text: "Inledande text"})
	}
	add("Uppgifter om planen", meta)
	for _, g := range r.Summary() {
		var items []Item
		for _, s := range g.Sections {
			it := Item{Href: "#avsnitt-" + s.ID, Text: s.CurrentTitle()}
			if g.Renamed {
				it.Note = "tidigare ”" + s.Old.Title + "”"
			}
			items = append(items, it)
		}
		for _, d := range g.Rows {
			items = append(items, Item{Href: "#aktivitet-" + d.ID, Text: swedish.Shorten(Plain(d.Cells[0].Spans, g.Change == compare.Removed), 90)})
		}
		add(g.Label, items)
	}
	return groups
}

// Summary renders the groups of a comparison's summary as headed lists of links.
func Summary(groups []Group) template.HTML {
	var b strings.Builder
	for _, g := range groups {
		b.WriteString("<h3>" + html.EscapeString(g.Label) + "</h3>\n<ul>\n")
		for _, it := range g.Items {
			b.WriteString(`<li><a href="` + html.EscapeString(it.Href) + `">` + html.EscapeString(it.Text) + "</a>")
			if it.Note != "" {
				b.WriteString(" (" + html.EscapeString(it.Note) + ")")
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	return template.HTML(b.String())
}

// Plain is the new text of compared words, or the old text when old is set.
func Plain(spans []compare.Span, old bool) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Op == compare.Equal || (s.Op == compare.Delete) == old {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// RowTable is one compared activity row as a small table of its own. Its cells are not taken from a Cells: that
// keeps them by the texts' numbers, and the history pages' comparisons may number texts in another cache (the first
// revision is compared with an empty plan, and the preview may keep an older cache's revision), where the same
// numbers mean other texts.
func RowTable(d *compare.RowDiff) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="table-wrap" role="region" aria-label="Aktiviteten" tabindex="0">` + "\n" +
		`<table class="activities diff-rows">` + "\n<thead>\n<tr><th scope=\"col\">Aktivitet</th><th scope=\"col\">Ansvarig</th>" +
		`<th scope="col">Tidplan</th><th scope="col">Uppföljning</th></tr>` + "\n</thead>\n<tbody>\n<tr>\n")
	b.WriteString(rowCellsHTML(d))
	b.WriteString("</tr>\n</tbody>\n</table>\n</div>\n")
	return template.HTML(b.String())
}
