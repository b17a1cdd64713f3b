package importer

import (
	"fmt"
	"strings"
)

// pos is a place in the imported document: a line of a text export, or a paragraph of a Word document (Word has no
// lines, and its paragraphs are what the coordinator can count and search for).
type pos struct {
	line int // 1-based line of a text export; 0 when para is set
	para int // 1-based paragraph of a Word document, counting table cells' paragraphs too
}

// prefix is the position prefix of a message: "file:12: " for a line, "file: stycke 12: " for a paragraph.
func (p pos) prefix(file string) string {
	switch {
	case p.line > 0:
		return fmt.Sprintf("%s:%d: ", file, p.line)
	case p.para > 0:
		return fmt.Sprintf("%s: stycke %d: ", file, p.para)
	}
	return file + ": "
}

// document is what a reader makes of a file: the title page's facts and the body as blocks in reading order. Both
// readers produce it, so the shaping into a revision is the same for both formats.
type document struct {
	file      string // as the user named it, for messages
	title     string // from the title page; "" when not found
	propTitle string // the title in the document's properties, used when the title page has none
	titlePos  pos
	dnr       string
	blocks    []block
	footnotes map[string]footnote // by the label written in the text as [^label]
	fnOrder   []string            // labels in the order their texts were read, for a stable report
	figures   []*figure
	dropped   []note // left out on purpose: table of contents, page breaks, headers and footers
	lost      []note // could not be placed: every one is reported with its position
}

// note is one line of the report, with its position.
type note struct {
	at  pos
	msg string
}

func (d *document) drop(at pos, format string, args ...any) {
	d.dropped = append(d.dropped, note{at, fmt.Sprintf(format, args...)})
}

func (d *document) lose(at pos, format string, args ...any) {
	d.lost = append(d.lost, note{at, fmt.Sprintf(format, args...)})
}

func (d *document) addFootnote(label, text string, at pos) {
	if d.footnotes == nil {
		d.footnotes = map[string]footnote{}
	}
	if _, dup := d.footnotes[label]; dup {
		d.lose(at, "fotnot %s finns två gånger; den andra texten kunde inte placeras: %s", label, excerpt(text))
		return
	}
	d.footnotes[label] = footnote{text: text, at: at}
	d.fnOrder = append(d.fnOrder, label)
}

type blockKind int

const (
	headingBlock   blockKind = iota + 1
	paragraphBlock           // Markdown text
	listBlock                // Markdown list, items on their own lines
	tableBlock
	figureBlock
)

// block is one part of the body.
type block struct {
	kind  blockKind
	level int    // headingBlock: the level the document gives it (1 is the highest)
	text  string // headingBlock: plain text; paragraphBlock and listBlock: Markdown
	// caption marks a paragraph the document styles as a caption: before a table it is the table's caption.
	caption bool
	table   *table
	fig     *figure
	at      pos
}

// table is a table with its merged cells already copied into every row they span.
type table struct {
	rows [][]cell // rows[0] is the header
	at   []pos    // per row
}

// cell is a table cell's paragraphs, in Markdown.
type cell []string

func (c cell) empty() bool {
	for _, p := range c {
		if strings.TrimSpace(p) != "" {
			return false
		}
	}
	return true
}

// figure is a picture. data is nil when the document had a picture whose bytes the export lost: the import then
// keeps its place with a stand-in that says so.
type figure struct {
	name  string // file name in figurer/
	data  []byte
	alt   string // the document's description of the picture; "" when it has none
	title string // a caption, when the document gives one
	at    pos
}

type footnote struct {
	text string // Markdown
	at   pos
}

// excerpt shortens a text for a message.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 60 {
		return "”" + string(r[:57]) + "…”"
	}
	return "”" + s + "”"
}

// clean replaces the characters the content format forbids (internal/content rejects them: they are invisible,
// and YAML and HTML read them wrongly) with what they stand for: a line separator is a line break, the rest is
// removed. It returns how many it replaced.
func clean(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			n++
			return '\n'
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe || r == 0xfeff:
			n++
			return -1
		}
		return r
	}, s)
	return out, n
}

func cleaned(s string) string {
	s, _ = clean(s)
	return s
}
