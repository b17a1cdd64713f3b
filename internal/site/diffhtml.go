package site

// The marks of the comparison pages: inserted and deleted words as <ins> and <del>, each with words a screen
// reader says ("Tillagt:", "Borttaget:"), so that a change is never shown by colour alone.

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/markdown"
)

// spansHTML renders compared words.
func spansHTML(spans []compare.Span) template.HTML {
	var b strings.Builder
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

var blockChange = map[compare.Change]string{
	compare.Unchanged: "same", compare.Added: "added", compare.Removed: "removed", compare.Changed: "changed",
}

// blockHTML renders one compared block as the element it is on the page.
func blockHTML(d compare.BlockDiff) template.HTML {
	var b strings.Builder
	class := "diff-block diff-block--" + blockChange[d.Change]
	switch d.Kind {
	case markdown.HeadingBlock:
		level := min(max(d.Level, 3), 6)
		fmt.Fprintf(&b, `<h%d class="%s">`, level, class)
		writeSpans(&b, d.Spans)
		fmt.Fprintf(&b, "</h%d>", level)
	case markdown.Item:
		fmt.Fprintf(&b, `<ul class="%s diff-list diff-list--%d"><li>`, class, min(d.Level, 4))
		writeSpans(&b, d.Spans)
		b.WriteString("</li></ul>")
	case markdown.Code:
		fmt.Fprintf(&b, `<pre class="%s">`, class)
		writeSpans(&b, d.Spans)
		b.WriteString("</pre>")
	default:
		fmt.Fprintf(&b, `<p class="%s">`, class)
		switch d.Kind {
		case markdown.Footnote:
			fmt.Fprintf(&b, "Fotnot %d: ", d.Level)
		case markdown.Row:
			b.WriteString(`<span class="diff-kind">Tabellrad: </span>`)
		}
		writeSpans(&b, d.Spans)
		b.WriteString("</p>")
	}
	return template.HTML(b.String())
}
