package site

// The marks of the comparison pages: inserted and deleted words as <ins> and <del>, each with words a screen
// reader says ("Tillagt:", "Borttaget:"), so that a change is never shown by colour alone.

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/markdown"
)

// spansHTML renders compared words.
func spansHTML(spans []compare.Span) template.HTML {
	var b strings.Builder
	b.Grow(spansSize(spans))
	writeSpans(&b, spans)
	return template.HTML(b.String())
}

func writeSpans(b io.StringWriter, spans []compare.Span) {
	for _, s := range spans {
		switch s.Op {
		case compare.Insert:
			b.WriteString(`<ins><span class="visually-hidden">Tillagt: </span>`)
			escapeTo(b, s.Text)
			b.WriteString(`<span class="visually-hidden"> (slut på tillägg)</span></ins>`)
		case compare.Delete:
			b.WriteString(`<del><span class="visually-hidden">Borttaget: </span>`)
			escapeTo(b, s.Text)
			b.WriteString(`<span class="visually-hidden"> (slut på borttaget)</span></del>`)
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

var blockClass = map[compare.Change]string{
	compare.Unchanged: "diff-block diff-block--same", compare.Added: "diff-block diff-block--added",
	compare.Removed: "diff-block diff-block--removed", compare.Changed: "diff-block diff-block--changed",
}

// blockHTML renders one compared block as the element it is on the page.
func blockHTML(d compare.BlockDiff) template.HTML {
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
			n += 110
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
		b.WriteString(`<ul class="` + class + ` diff-list diff-list--` + strconv.Itoa(min(d.Level, 4)) + `"><li>`)
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
