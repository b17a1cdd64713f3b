package compare

// Text: the comparison written for a terminal (git's word-diff markers, [-borttaget-]{+tillagt+}) or as Markdown
// for the memo to the board (~~borttaget~~ **tillagt**). Both start with the summary and then show only what
// changed.

import (
	"fmt"
	"io"
	"strings"

	"github.com/stockholm/plansite/internal/markdown"
)

// Format is an output format of Write.
type Format string

// The formats Write knows.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
)

// Write writes the comparison in the format.
func Write(w io.Writer, r *Result, f Format) error {
	p := &printer{f: f}
	p.result(r)
	_, err := io.WriteString(w, p.b.String())
	return err
}

type printer struct {
	f Format
	b strings.Builder
}

func (p *printer) line(format string, args ...any) {
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteByte('\n')
}

func (p *printer) heading(level int, s string) {
	if p.f == Markdown {
		p.line("%s %s\n", strings.Repeat("#", level), s)
		return
	}
	rule := "="
	if level > 1 {
		rule = "-"
	}
	p.line("%s", s)
	p.line("%s\n", strings.Repeat(rule, len([]rune(s))))
}

func (p *printer) spans(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch {
		case s.Op == Equal:
			b.WriteString(s.Text)
		case p.f == Markdown && s.Op == Insert:
			b.WriteString("**" + s.Text + "**")
		case p.f == Markdown:
			b.WriteString("~~" + s.Text + "~~")
		case s.Op == Insert:
			b.WriteString("{+" + s.Text + "+}")
		default:
			b.WriteString("[-" + s.Text + "-]")
		}
	}
	return b.String()
}

func (p *printer) item(s string) {
	p.line("- %s", s)
}

func (p *printer) result(r *Result) {
	p.heading(1, fmt.Sprintf("Ändringar från %d till %d", r.From.Year, r.To.Year))
	p.line("%s (%s) jämförd med %s (%s).", r.From.Title, r.From.Status, r.To.Title, r.To.Status)
	if p.f == Markdown {
		p.line("Tillagd text är **fetstilt**, borttagen text är ~~genomstruken~~.")
	} else {
		p.line("Tillagd text står inom {+ +}, borttagen text inom [- -].")
	}
	p.line("")
	if r.Empty() {
		p.line("Inga ändringar: de två revideringarna har samma innehåll.")
		return
	}
	p.summary(r)
	if len(r.Meta) > 0 || len(r.Preface) > 0 {
		p.heading(2, "Uppgifter om planen")
		for _, f := range r.Meta {
			p.item(f.Label + ": " + p.spans(f.Spans))
		}
		p.line("")
		p.blocks(r.Preface)
	}
	for _, s := range r.Sections {
		if s.Change == Unchanged {
			continue
		}
		title := s.CurrentTitle()
		if s.Renamed {
			title = p.spans(s.Title)
		}
		p.heading(2, fmt.Sprintf("%s (%s)", title, sectionLabel(s)))
		p.blocks(s.Blocks)
		for _, d := range s.Rows {
			p.row(d)
		}
	}
}

func (p *printer) summary(r *Result) {
	p.heading(2, "Sammanfattning")
	if len(r.Meta) > 0 {
		var labels []string
		for _, f := range r.Meta {
			labels = append(labels, f.Label)
		}
		p.item("Uppgifter om planen: " + strings.Join(labels, ", "))
	}
	if len(r.Preface) > 0 {
		p.item("Den inledande texten under rubriken har ändrats")
	}
	for _, g := range r.Summary() {
		if g.Len() == 0 {
			continue
		}
		var names []string
		for _, s := range g.Sections {
			if g.Renamed {
				names = append(names, fmt.Sprintf("%s (tidigare %s)", s.New.Title, s.Old.Title))
			} else {
				names = append(names, s.CurrentTitle())
			}
		}
		sep := "; "
		if len(g.Rows) > 0 {
			sep = ", "
		}
		for _, d := range g.Rows {
			names = append(names, d.ID)
		}
		p.item(fmt.Sprintf("%s (%d): %s", g.Label, g.Len(), strings.Join(names, sep)))
	}
	p.line("")
}

func (p *printer) blocks(bs []BlockDiff) {
	for _, b := range bs {
		if b.Change == Unchanged {
			continue
		}
		prefix := ""
		switch b.Kind {
		case markdown.HeadingBlock:
			prefix = "Rubrik: "
		case markdown.Item:
			prefix = strings.Repeat("  ", max(b.Level-1, 0)) + "• "
		case markdown.Footnote:
			prefix = fmt.Sprintf("Fotnot %d: ", b.Level)
		}
		mark := map[Change]string{Added: "Tillagt stycke", Removed: "Borttaget stycke", Changed: "Ändrat stycke"}[b.Change]
		p.line("%s:", mark)
		p.line("%s%s\n", prefix, p.spans(b.Spans))
	}
}

func (p *printer) row(d *RowDiff) {
	switch d.Change {
	case Moved:
		p.line("Aktivitet %s (flyttad från tabellen %q):", d.ID, d.From.TableCaption)
	default:
		p.line("Aktivitet %s (%s):", d.ID, rowLabel(d.Change))
	}
	for i, c := range d.Cells {
		if d.Change == Added || d.Change == Removed || c.Changed || (d.Change == Moved && i == 0) {
			p.item(Columns[i] + ": " + p.spans(c.Spans))
		}
	}
	p.line("")
}

func sectionLabel(s *SectionDiff) string {
	switch s.Change {
	case Added:
		return "nytt avsnitt"
	case Removed:
		return "borttaget avsnitt"
	}
	if s.Renamed {
		return "nytt namn, ändrat"
	}
	return "ändrat"
}

func rowLabel(c Change) string {
	return map[Change]string{Added: "ny", Removed: "borttagen", Moved: "flyttad", Changed: "ändrad", Unchanged: "oförändrad"}[c]
}

// Marked returns compared words in the format: {+tillagt+} and [-borttaget-], or **tillagt** and ~~borttaget~~.
func Marked(spans []Span, f Format) string {
	p := &printer{f: f}
	return p.spans(spans)
}

// WriteBlocks writes the blocks that changed, as Write does for a section.
func WriteBlocks(w io.Writer, bs []BlockDiff, f Format) error {
	p := &printer{f: f}
	p.blocks(bs)
	_, err := io.WriteString(w, p.b.String())
	return err
}

// WriteRow writes a compared activity row, as Write does.
func WriteRow(w io.Writer, d *RowDiff, f Format) error {
	p := &printer{f: f}
	p.row(d)
	_, err := io.WriteString(w, p.b.String())
	return err
}
