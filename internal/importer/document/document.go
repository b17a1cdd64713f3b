// Package document is the model both of the importer's readers produce: a plan's title page and body as blocks in
// reading order, with its footnotes and figures and what the reader left out or could not place. Shaping it into a
// revision is then the same for a Word document and a text export.
package document

import (
	"fmt"
	"strings"
)

// Pos is a place in the imported document: a line of a text export, or a paragraph of a Word document (Word has no
// lines, and its paragraphs are what the coordinator can count and search for).
type Pos struct {
	Line int // 1-based line of a text export; 0 when Para is set
	Para int // 1-based paragraph of a Word document, counting table cells' paragraphs too
}

// Prefix is the position prefix of a message: "file:12: " for a line, "file: stycke 12: " for a paragraph.
func (p Pos) Prefix(file string) string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: ", file, p.Line)
	case p.Para > 0:
		return fmt.Sprintf("%s: stycke %d: ", file, p.Para)
	}
	return file + ": "
}

// Document is what a reader makes of a file: the title page's facts and the body as blocks in reading order. Both
// readers produce it, so the shaping into a revision is the same for both formats.
type Document struct {
	File      string // as the user named it, for messages
	Title     string // from the title page; "" when not found
	PropTitle string // the title in the document's properties, used when the title page has none
	TitlePos  Pos
	Dnr       string
	Blocks    []Block
	Footnotes map[string]Footnote // by the label written in the text as [^label]
	FnOrder   []string            // labels in the order their texts were read, for a stable report
	Figures   []*Figure
	Dropped   []Note // left out on purpose: table of contents, page breaks, headers and footers
	Lost      []Note // could not be placed: every one is reported with its position
}

// Note is one line of the report, with its position.
type Note struct {
	At  Pos
	Msg string
}

// Drop notes something left out on purpose.
func (d *Document) Drop(at Pos, format string, args ...any) {
	d.Dropped = append(d.Dropped, Note{at, fmt.Sprintf(format, args...)})
}

// Lose notes something that could not be placed.
func (d *Document) Lose(at Pos, format string, args ...any) {
	d.Lost = append(d.Lost, Note{at, fmt.Sprintf(format, args...)})
}

// AddFootnote adds a footnote's text under its label; a second text for the same label is lost, and reported.
func (d *Document) AddFootnote(label, text string, at Pos) {
	if d.Footnotes == nil {
		d.Footnotes = map[string]Footnote{}
	}
	if _, dup := d.Footnotes[label]; dup {
		d.Lose(at, "fotnot %s finns två gånger; den andra texten kunde inte placeras: %s", label, Excerpt(text))
		return
	}
	d.Footnotes[label] = Footnote{Text: text, At: at}
	d.FnOrder = append(d.FnOrder, label)
}

// BlockKind says what a block is.
type BlockKind int

const (
	HeadingBlock   BlockKind = iota + 1
	ParagraphBlock           // Markdown text
	ListBlock                // Markdown list, items on their own lines
	TableBlock
	FigureBlock
)

// Block is one part of the body.
type Block struct {
	Kind  BlockKind
	Level int    // HeadingBlock: the level the document gives it (1 is the highest)
	Text  string // HeadingBlock: plain text; ParagraphBlock and ListBlock: Markdown
	// Caption marks a paragraph the document styles as a caption: before a table it is the table's caption.
	Caption bool
	Table   *Table
	Fig     *Figure
	At      Pos
}

// Table is a table with its merged cells already copied into every row they span.
type Table struct {
	Rows [][]Cell // Rows[0] is the header
	At   []Pos    // per row
}

// Cell is a table cell's paragraphs, in Markdown.
type Cell []string

// Empty reports whether the cell has no text.
func (c Cell) Empty() bool {
	for _, p := range c {
		if strings.TrimSpace(p) != "" {
			return false
		}
	}
	return true
}

// Figure is a picture. Data is nil when the document had a picture whose bytes the export lost: the import then
// keeps its place with a stand-in that says so.
type Figure struct {
	Name  string // file name in figurer/
	Data  []byte
	Alt   string // the document's description of the picture; "" when it has none
	Title string // a caption, when the document gives one
	At    Pos
}

// Footnote is a footnote's text and where it was read.
type Footnote struct {
	Text string // Markdown
	At   Pos
}
