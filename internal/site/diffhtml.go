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
func escapeTo(b io.StringWriter, s string) {
	for {
		i := strings.IndexAny(s, `&<>"'`)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteString("&#39;")
		}
		s = s[i+1:]
	}
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
