// Package textexport reads a text export of a plan into a document.Document: Markdown as converters write it
// (headings with #, lists, tables with tabs or pipes, some HTML such as <sup>, <b> and <p>), with what a PDF's pages
// leave behind: page breaks in the middle of a paragraph or a table row, footnote texts at the foot of each page, and
// running headers.
package textexport

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/importer/document"
	"github.com/stockholm/plansite/internal/swedish"
)

// textReader reads one text export.
type textReader struct {
	doc   *document.Document
	lines []string
	i     int
	// media reads a picture a Markdown export links to, relative to the export; nil reads none.
	media func(src string) ([]byte, error)

	para      []string // the paragraph being read
	paraLine  int
	list      bool // the paragraph being read is a list
	blanks    int  // empty lines before the block being read
	gapLine   int  // the first of those empty lines
	inTOC     bool
	tocLines  int
	tocAt     document.Pos
	breaks    int
	seenHead  bool
	lastBlank int // empty lines before the current paragraph began
	lastGap   int
}

// The patterns of a text export, each compiled on first use: every run of plansite starts this package, and a
// build, which never imports, need not compile them.
var (
	atxRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	})
	ruleRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	})
	setext1Re = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}=+[ \t]*$`) })
	setext2Re = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}-+[ \t]*$`) })
	fnDefRe   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:<sup>\s*([\p{L}\p{N}]{1,10})\s*</sup>|\[\^([^\]\s]{1,20})\]:)\s*(.*)$`)
	})
	listRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}([-*+]|[0-9]{1,9}[.)])[ \t]+\S`) })
	imageRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"([^"]*)")?\s*\)$`)
	})
	pipeDelim  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`) })
	supRe      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<sup>\s*([\p{L}\p{N}]{1,10})\s*</sup>`) })
	boldTagRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)</?(?:b|strong)\s*>`) })
	italTagRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)</?(?:i|em)\s*>`) })
	brRe       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<br\s*/?>`) })
	cellParaRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<p>(.*?)</p>`) })
)

// Read reads a text export, already UTF-8, into a document. file names it in messages; media reads a picture the
// export links to, by its path relative to the export, and may be nil.
func Read(file string, data []byte, media func(string) ([]byte, error)) (*document.Document, error) {
	text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	// A form feed is a page break (pdftotext ends each page with one); the other invisible characters go.
	breaks := strings.Count(text, "\f")
	text = strings.ReplaceAll(text, "\f", "\n")
	text, invisible := document.Clean(text)
	r := &textReader{doc: &document.Document{File: file}, lines: strings.Split(text, "\n"), media: media, breaks: breaks}
	r.read()
	d := r.doc
	if invisible > 0 {
		d.Drop(document.Pos{}, "%s togs bort eller blev radbrytningar", swedish.Count(invisible, "osynligt tecken", "osynliga tecken"))
	}
	if r.tocLines > 0 {
		d.Drop(r.tocAt, "innehållsförteckningen (%s) togs inte med: webbplatsen gör sin egen", swedish.Count(r.tocLines, "rad", "rader"))
	}
	if r.breaks > 0 {
		d.Drop(document.Pos{}, "%s togs inte med", swedish.Count(r.breaks, "sidbrytning", "sidbrytningar"))
	}
	return d, nil
}

func (r *textReader) at(line int) document.Pos { return document.Pos{Line: line} }

func (r *textReader) read() {
	for r.i = 0; r.i < len(r.lines); r.i++ {
		raw := r.lines[r.i]
		ln := r.i + 1
		t := strings.TrimSpace(raw)
		if t == "" {
			r.flush()
			if r.blanks == 0 {
				r.gapLine = ln
			}
			r.blanks++
			continue
		}
		if len(r.para) == 0 {
			// A block begins: remember the empty lines before it, where a lost picture may have been.
			r.lastBlank, r.lastGap = r.blanks, r.gapLine
			r.blanks = 0
		}
		if len(r.para) == 1 && !r.list && (setext1Re().MatchString(raw) || setext2Re().MatchString(raw)) {
			level := 1
			if setext2Re().MatchString(raw) {
				level = 2
			}
			title := r.para[0]
			r.para = nil
			r.heading(level, title, r.paraLine)
			r.blanks = 0
			continue
		}
		if m := atxRe().FindStringSubmatch(raw); m != nil {
			r.flush()
			r.heading(len(m[1]), m[2], ln)
			r.blanks = 0
			continue
		}
		if r.inTOC {
			r.tocLines++
			continue
		}
		if ruleRe().MatchString(raw) {
			// In an export of a paged document a rule is where a page ended (and its footnotes begin).
			r.flush()
			r.breaks++
			continue
		}
		if !r.seenHead && document.TOCEntry(document.StripTags(t)) {
			r.flush()
			r.toc(ln)
			continue
		}
		if m := fnDefRe().FindStringSubmatch(t); m != nil && len(r.para) == 0 {
			r.footnote(m, ln)
			continue
		}
		if strings.Contains(raw, "\t") && len(r.para) == 0 {
			r.tabTable()
			continue
		}
		if strings.HasPrefix(t, "|") && len(r.para) == 0 && r.i+1 < len(r.lines) && pipeDelim().MatchString(strings.TrimSpace(r.lines[r.i+1])) {
			r.pipeTable()
			continue
		}
		if m := imageRe().FindStringSubmatch(t); m != nil && len(r.para) == 0 {
			r.image(m, ln)
			continue
		}
		if listRe().MatchString(raw) && (len(r.para) == 0 || r.list) {
			if len(r.para) == 0 {
				r.start(ln)
				r.list = true
			}
			r.para = append(r.para, strings.TrimRight(raw, " \t"))
			continue
		}
		if len(r.para) == 0 {
			r.start(ln)
		}
		if r.list {
			r.para = append(r.para, strings.TrimRight(raw, " \t"))
		} else {
			r.para = append(r.para, strings.TrimLeft(strings.TrimRight(raw, "\t"), " \t"))
		}
	}
	r.flush()
}

func (r *textReader) start(ln int) {
	r.paraLine = ln
	r.list = false
}

func (r *textReader) toc(ln int) {
	if r.tocLines == 0 {
		r.tocAt = r.at(ln)
	}
	r.tocLines++
}

func (r *textReader) heading(level int, title string, ln int) {
	text := headingText(title)
	r.blanks = 0
	if document.TOCHeading(text) {
		r.inTOC = true
		r.toc(ln)
		return
	}
	r.inTOC = false
	if text == "" {
		return
	}
	r.seenHead = true
	r.doc.Blocks = append(r.doc.Blocks, document.Block{Kind: document.HeadingBlock, Level: level, Text: text, At: r.at(ln)})
}

// headingText is a heading's words without the bold or italic a converter wraps around them: the heading's look
// is the site's, its words are the document's.
func headingText(s string) string {
	s = document.StripTags(s)
	s = strings.TrimSpace(s)
	for {
		t := s
		for _, m := range []string{"***", "**", "__", "*", "_"} {
			if len(t) > 2*len(m) && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) {
				t = strings.TrimSpace(t[len(m) : len(t)-len(m)])
				break
			}
		}
		if t == s {
			break
		}
		s = t
	}
	return unescapeMarkdown(strings.Join(strings.Fields(s), " "))
}

func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// flush ends the paragraph or list being read.
func (r *textReader) flush() {
	if len(r.para) == 0 {
		return
	}
	lines := r.para
	r.para = nil
	at := r.at(r.paraLine)
	if r.list {
		r.push(document.Block{Kind: document.ListBlock, Text: inlineHTML(strings.Join(lines, "\n")), At: at})
		return
	}
	text := inlineHTML(strings.Join(lines, "\n"))
	// A paragraph that starts in lower case, after one that ends without a full stop, is the same paragraph going on
	// after a page break (and perhaps after the page's footnotes).
	if n := len(r.doc.Blocks); n > 0 && r.doc.Blocks[n-1].Kind == document.ParagraphBlock && startsLower(text) && !endsSentence(r.doc.Blocks[n-1].Text) {
		r.doc.Blocks[n-1].Text += " " + text
		r.doc.Drop(at, "stycket fortsätter efter en sidbrytning och fogades ihop med stycket ovan")
		return
	}
	r.push(document.Block{Kind: document.ParagraphBlock, Text: text, At: at})
}

// push adds a block. Three or more empty lines between two paragraphs is where the export lost a picture: the
// import keeps its place with a stand-in.
func (r *textReader) push(b document.Block) {
	if n := len(r.doc.Blocks); r.lastBlank >= 3 && n > 0 && r.doc.Blocks[n-1].Kind == document.ParagraphBlock {
		f := &document.Figure{Name: fmt.Sprintf("figur-%d.svg", len(r.doc.Figures)+1), At: r.at(r.lastGap)}
		r.doc.Figures = append(r.doc.Figures, f)
		r.doc.Blocks = append(r.doc.Blocks, document.Block{Kind: document.FigureBlock, Fig: f, At: f.At})
	}
	r.lastBlank = 0
	r.doc.Blocks = append(r.doc.Blocks, b)
}

func startsLower(s string) bool {
	s = strings.TrimLeft(s, "*_ ")
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(c)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "*_ )]”\"'")
	c, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;", c)
}

// inlineHTML turns the HTML a converter leaves in the text into Markdown: <sup>1</sup> is a footnote mark, <b> and
// <i> are emphasis. Any other HTML stays, and the site shows it as text.
func inlineHTML(s string) string {
	s = supRe().ReplaceAllString(s, "[^$1]")
	s = boldTagRe().ReplaceAllString(s, "**")
	s = italTagRe().ReplaceAllString(s, "*")
	s = brRe().ReplaceAllString(s, "\\\n")
	return s
}

func (r *textReader) footnote(m []string, ln int) {
	r.flush()
	label := m[1] + m[2]
	text := []string{m[3]}
	// The footnote's text goes on until an empty line.
	for r.i+1 < len(r.lines) && strings.TrimSpace(r.lines[r.i+1]) != "" && !fnDefRe().MatchString(strings.TrimSpace(r.lines[r.i+1])) &&
		!atxRe().MatchString(r.lines[r.i+1]) {
		r.i++
		text = append(text, strings.TrimSpace(r.lines[r.i]))
	}
	r.doc.AddFootnote(label, inlineHTML(strings.Join(text, " ")), r.at(ln))
	r.blanks = 0
}

func (r *textReader) image(m []string, ln int) {
	r.flush()
	f := &document.Figure{Alt: m[1], Title: m[3], At: r.at(ln)}
	ext := strings.ToLower(path.Ext(m[2]))
	src := path.Clean(m[2])
	if r.media != nil && document.SafeExt(ext) && !path.IsAbs(src) && !strings.HasPrefix(src, "../") && src != ".." && !strings.Contains(m[2], "://") {
		if data, err := r.media(src); err == nil {
			f.Data = data
		}
	}
	if f.Data == nil {
		ext = ".svg"
	}
	f.Name = fmt.Sprintf("figur-%d%s", len(r.doc.Figures)+1, ext)
	r.doc.Figures = append(r.doc.Figures, f)
	r.push(document.Block{Kind: document.FigureBlock, Fig: f, At: f.At})
}

// tabTable reads a table whose cells are separated by tabs. A row whose first cell is empty continues the row above
// (the row went on after a page break), and a cell that starts in lower case where the cell above ends mid-sentence
// is one merged cell split by the page: its text is copied into both rows, and so are the cells left empty beside
// it.
func (r *textReader) tabTable() {
	t := &document.Table{}
	for ; r.i < len(r.lines); r.i++ {
		raw := r.lines[r.i]
		if strings.TrimSpace(raw) == "" {
			// An empty line ends the table unless a row follows it.
			j := r.i + 1
			for j < len(r.lines) && strings.TrimSpace(r.lines[j]) == "" {
				j++
			}
			if j < len(r.lines) && strings.Contains(r.lines[j], "\t") && !atxRe().MatchString(r.lines[j]) {
				continue
			}
			break
		}
		if !strings.Contains(raw, "\t") || atxRe().MatchString(raw) {
			break
		}
		ln := r.i + 1
		parts := strings.Split(strings.TrimRight(raw, " "), "\t")
		row := make([]document.Cell, len(parts))
		for i, p := range parts {
			row[i] = cellParas(p)
		}
		r.addRow(t, row, ln)
	}
	r.i-- // the loop in read moves on
	r.endTable(t)
}

func (r *textReader) addRow(t *document.Table, row []document.Cell, ln int) {
	at := r.at(ln)
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, row)
		t.At = append(t.At, at)
		return
	}
	if len(t.Rows) > 1 && sameRow(row, t.Rows[0]) {
		r.doc.Drop(at, "tabellhuvudet upprepas efter en sidbrytning och togs inte med")
		return
	}
	above := t.Rows[len(t.Rows)-1]
	if len(t.Rows) > 1 && (len(row) == 0 || row[0].Empty()) {
		for c := range row {
			if row[c].Empty() {
				continue
			}
			for len(above) <= c {
				above = append(above, nil)
			}
			above[c] = joinCell(above[c], row[c])
		}
		t.Rows[len(t.Rows)-1] = above
		r.doc.Drop(at, "tabellraden fortsätter raden ovan efter en sidbrytning och fogades ihop med den")
		return
	}
	merged := false
	if len(t.Rows) > 1 {
		for c := 1; c < len(row) && c < len(above); c++ {
			if !row[c].Empty() && !above[c].Empty() && startsLower(row[c][0]) && !endsSentence(above[c][len(above[c])-1]) {
				joined := joinCell(above[c], row[c])
				above[c], row[c] = joined, joined
				merged = true
			}
		}
		if merged {
			for c := 1; c < len(row) && c < len(above); c++ {
				if row[c].Empty() {
					row[c] = above[c]
				}
			}
			r.doc.Drop(at, "sammanslagna celler som delats av en sidbrytning kopierades till båda raderna")
		}
	}
	t.Rows = append(t.Rows, row)
	t.At = append(t.At, at)
}

func joinCell(a, b document.Cell) document.Cell {
	if a.Empty() {
		return b
	}
	out := append(document.Cell{}, a...)
	out[len(out)-1] += " " + b[0]
	return append(out, b[1:]...)
}

func sameRow(a, b []document.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(strings.Join(a[i], " "), strings.Join(b[i], " ")) {
			return false
		}
	}
	return true
}

// cellParas reads a cell: <p>…</p> elements are its paragraphs.
func cellParas(s string) document.Cell {
	s = strings.TrimSpace(s)
	if ms := cellParaRe().FindAllStringSubmatch(s, -1); ms != nil && strings.HasPrefix(strings.ToLower(s), "<p>") {
		var c document.Cell
		for _, m := range ms {
			if t := strings.TrimSpace(m[1]); t != "" {
				c = append(c, inlineHTML(t))
			}
		}
		return c
	}
	if s == "" {
		return nil
	}
	return document.Cell{inlineHTML(s)}
}

func (r *textReader) pipeTable() {
	t := &document.Table{}
	for ; r.i < len(r.lines); r.i++ {
		l := strings.TrimSpace(r.lines[r.i])
		if !strings.HasPrefix(l, "|") {
			break
		}
		if len(t.Rows) == 1 && pipeDelim().MatchString(l) {
			continue
		}
		var row []document.Cell
		for _, p := range splitPipes(l) {
			row = append(row, cellParas(p))
		}
		r.addRow(t, row, r.i+1)
	}
	r.i--
	r.endTable(t)
}

// splitPipes splits a pipe-table row at the pipes that are not escaped.
func splitPipes(l string) []string {
	l = strings.TrimPrefix(l, "|")
	if strings.HasSuffix(l, "|") && !strings.HasSuffix(l, `\|`) {
		l = l[:len(l)-1]
	}
	var out []string
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			b.WriteString(`\|`)
			i++
		case l[i] == '|':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(l[i])
		}
	}
	return append(out, b.String())
}

func (r *textReader) endTable(t *document.Table) {
	width := 0
	for _, row := range t.Rows {
		width = max(width, len(row))
	}
	for i := range t.Rows {
		for len(t.Rows[i]) < width {
			t.Rows[i] = append(t.Rows[i], nil)
		}
	}
	if len(t.Rows) > 0 {
		r.push(document.Block{Kind: document.TableBlock, Table: t, At: t.At[0]})
	}
	r.blanks = 0
}
