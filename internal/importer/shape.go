package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/stockholm/plansite/internal/importer/document"
)

// This file shapes a document into a revision: the top-level headings become sections, deeper headings their
// subheadings, activity tables one row each, and the title page the revision's metadata.

type revision struct {
	year     int
	title    string
	board    string
	dnr      string
	adm      string // förvaltning, from the revision it is imported onto
	next     string // nästa_revision
	contact  contact
	preface  []string
	sections []*section
	figures  []*document.Figure

	headings, actTables, otherTables, footnotes int

	todo []document.Note // what the coordinator must do before the revision can be adopted
}

type contact struct{ name, unit, email, phone, web string }

type section struct {
	id, title  string
	order      int
	caption    string
	worry      bool
	body       []string // Markdown blocks
	activities []*activity
	at         document.Pos
	text       string // plain words of the body, for matching onto an earlier revision
}

// The columns of an activity table, in the order of the activity file's keys.
var activityCols = [4]string{"aktivitet", "ansvarig", "tidplan", "uppföljning"}

type activity struct {
	id    string
	cols  [4]string // Markdown
	order int
	at    document.Pos
}

// shape turns a document into a revision of the year.
func shape(d *document.Document, year int) (*revision, error) {
	rev := &revision{year: year, title: d.Title, dnr: d.Dnr, figures: d.Figures}
	first := -1
	for i, b := range d.Blocks {
		if b.Kind == document.HeadingBlock {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, fail(d.File, "dokumentet har inga rubriker, så det går inte att dela i avsnitt",
			"ge avsnittens rubriker formatmallen Rubrik 1 (Heading 1) i Word, eller # framför dem i en textexport, och importera igen")
	}
	titlePage(d, rev, d.Blocks[:first])
	if rev.title == "" {
		rev.title = d.PropTitle
	}

	body := d.Blocks[first:]
	// A heading just before an activity table is the table's caption, once a section is open for the table to be in.
	captions := map[int]bool{}
	for i, b := range body {
		if i > 0 && b.Kind == document.HeadingBlock && i+1 < len(body) && body[i+1].Kind == document.TableBlock && activityColumns(body[i+1].Table) != nil {
			captions[i] = true
		}
	}
	top := 9
	for i, b := range body {
		if b.Kind == document.HeadingBlock && !captions[i] {
			top = min(top, b.Level)
		}
	}
	var s *section
	var stack []int // the levels of the open subheadings
	caption := ""   // a caption heading or paragraph waiting for its table
	for i, b := range body {
		if caption != "" && b.Kind != document.TableBlock {
			caption = ""
		}
		switch b.Kind {
		case document.HeadingBlock:
			if captions[i] {
				caption = b.Text
				continue
			}
			rev.headings++
			if s == nil || b.Level <= top {
				if b.Level > top {
					d.Drop(b.At, "rubriken %s står på nivå %d före första avsnittet och blev ett avsnitt", document.Excerpt(b.Text), b.Level)
				}
				s = &section{title: b.Text, at: b.At}
				rev.sections = append(rev.sections, s)
				stack = stack[:0]
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1] >= b.Level {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, b.Level)
			depth := min(len(stack)+1, 6)
			if want := b.Level - top + 1; want != depth {
				d.Drop(b.At, "rubriken %s hoppar över en nivå och står som %s", document.Excerpt(b.Text), strings.Repeat("#", depth))
			}
			s.body = append(s.body, strings.Repeat("#", depth)+" "+escapeHeading(b.Text))
		case document.ParagraphBlock:
			if b.Caption && i+1 < len(body) && body[i+1].Kind == document.TableBlock && activityColumns(body[i+1].Table) != nil {
				caption = document.PlainMarkdown(b.Text)
				continue
			}
			s.body = append(s.body, b.Text)
		case document.ListBlock:
			s.body = append(s.body, b.Text)
		case document.FigureBlock:
			s.body = append(s.body, b.Fig.Markdown())
		case document.TableBlock:
			if cols := activityColumns(b.Table); cols != nil {
				rev.actTables++
				activities(d, s, b.Table, cols, caption)
			} else {
				rev.otherTables++
				s.body = append(s.body, markdownTable(d, b.Table))
			}
		}
	}
	placeFootnotes(d, rev)
	for _, s := range rev.sections {
		s.text = plainWords(strings.Join(s.body, " "))
	}
	rev.board = boardOf(rev.title)
	return rev, nil
}

var dnrRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(?:dnr|diarienummer|diarienr)\.?\s*:?\s*(\S.*?)\s*$`)
})

// titlePage reads what stands before the first heading: the title, the dnr and, repeated on every page, the
// running header. Anything else there is kept as the revision's preface.
func titlePage(d *document.Document, rev *revision, blocks []document.Block) {
	for _, b := range blocks {
		if b.Kind != document.ParagraphBlock {
			if b.Kind == document.TableBlock && activityColumns(b.Table) != nil {
				d.Lose(b.At, "en aktivitetstabell före första rubriken kunde inte placeras i något avsnitt")
				continue
			}
			if b.Kind == document.TableBlock {
				rev.otherTables++
				rev.preface = append(rev.preface, markdownTable(d, b.Table))
				continue
			}
			if b.Kind == document.FigureBlock {
				rev.preface = append(rev.preface, b.Fig.Markdown())
				continue
			}
			rev.preface = append(rev.preface, b.Text)
			continue
		}
		plain := document.PlainMarkdown(document.StripTags(b.Text))
		switch {
		case plain == "":
		case rev.title == "" && len([]rune(plain)) <= 250:
			rev.title, d.TitlePos = plain, b.At
		case rev.dnr == "" && dnrRe().MatchString(plain):
			rev.dnr = dnrRe().FindStringSubmatch(plain)[1]
		case rev.title != "" && similarity(plain, rev.title) >= 0.6:
			d.Drop(b.At, "sidhuvudet %s togs inte med", document.Excerpt(plain))
		default:
			rev.preface = append(rev.preface, b.Text)
		}
	}
}

var boardRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b([\p{L}-]*nämnd)(en|ens|s)?\b`) })

// boardOf reads the board from the title: "Socialnämndens handlingsplan …" is Socialnämnden's.
func boardOf(title string) string {
	m := boardRe().FindStringSubmatch(title)
	if m == nil {
		return ""
	}
	r := []rune(m[1] + "en")
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// activityColumns maps an activity table's columns to the activity's keys: cols[k] is the column of
// activityCols[k]. It is nil for any other table.
func activityColumns(t *document.Table) []int {
	if t == nil || len(t.Rows) == 0 {
		return nil
	}
	cols := []int{-1, -1, -1, -1}
	for c, cl := range t.Rows[0] {
		name := strings.ToLower(strings.Join(strings.Fields(document.PlainMarkdown(document.StripTags(strings.Join(cl, " ")))), " "))
		name = strings.TrimRight(name, ":")
		for k, want := range activityCols {
			if name == want && cols[k] < 0 {
				cols[k] = c
			}
		}
	}
	for _, c := range cols {
		if c < 0 {
			return nil
		}
	}
	return cols
}

func activities(d *document.Document, s *section, t *document.Table, cols []int, caption string) {
	if s.caption != "" && caption != "" && caption != s.caption {
		d.Lose(t.At[0], "avsnittet %s har redan en aktivitetstabell; rubriken %s kunde inte placeras (raderna står i samma tabell)",
			document.Excerpt(s.title), document.Excerpt(caption))
	} else if caption != "" {
		s.caption = caption
	}
	for r, row := range t.Rows[1:] {
		at := t.At[r+1]
		var a activity
		empty := true
		for k, c := range cols {
			a.cols[k] = cellText(row[c])
			if a.cols[k] != "" {
				empty = false
			}
		}
		if empty {
			d.Drop(at, "en tom tabellrad togs inte med")
			continue
		}
		for c, cl := range row {
			if !cl.Empty() && !containsInt(cols, c) {
				d.Lose(at, "kolumnen %s kunde inte placeras: %s", document.Excerpt(strings.Join(t.Rows[0][c], " ")), document.Excerpt(strings.Join(cl, " ")))
			}
		}
		for k := range a.cols {
			if a.cols[k] == "" {
				a.cols[k] = "–"
				d.Drop(at, "tom cell i kolumnen %s skrevs som –", strings.ToUpper(activityCols[k][:1])+activityCols[k][1:])
			}
		}
		a.at = at
		s.activities = append(s.activities, &a)
	}
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// cellText is a cell's paragraphs, each kept a paragraph.
func cellText(c document.Cell) string {
	var ps []string
	for _, p := range c {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return strings.Join(ps, "\n\n")
}

// markdownTable writes a table that is not an activity table as a Markdown table. A Markdown table's cell holds one
// paragraph, so a cell's paragraphs are joined, and that is reported.
func markdownTable(d *document.Document, t *document.Table) string {
	var b strings.Builder
	for r, row := range t.Rows {
		b.WriteString("|")
		for _, c := range row {
			var ps []string
			for _, p := range c {
				if p = strings.TrimSpace(p); p != "" {
					ps = append(ps, strings.ReplaceAll(strings.ReplaceAll(p, "\\\n", " "), "\n", " "))
				}
			}
			if len(ps) > 1 {
				d.Drop(t.At[r], "en tabellcell med %d stycken står som ett stycke: en Markdown-tabell har ett stycke per cell", len(ps))
			}
			b.WriteString(" " + pipeSafe(strings.Join(ps, " ")) + " |")
		}
		b.WriteString("\n")
		if r == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(row)) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// pipeSafe escapes the pipes a cell's text has not escaped already.
func pipeSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func escapeHeading(s string) string {
	return strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "\\<", "`", "\\`").Replace(s)
}

var fnRefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]+)\]`) })

// placeFootnotes writes each footnote's text at the end of the Markdown that has its mark: a section's text, an
// activity's cell or the preface. The site lists them at the end of the section.
func placeFootnotes(d *document.Document, rev *revision) {
	used := map[string]bool{}
	place := func(md string, at document.Pos) string {
		var defs []string
		seen := map[string]bool{}
		for _, m := range fnRefRe().FindAllStringSubmatchIndex(md, -1) {
			if m[1] < len(md) && md[m[1]] == ':' {
				continue
			}
			label := md[m[2]:m[3]]
			if seen[label] {
				continue
			}
			seen[label] = true
			fn, ok := d.Footnotes[label]
			if !ok {
				d.Lose(at, "fotnotsmarkeringen %s har ingen fotnotstext i dokumentet", label)
				continue
			}
			used[label] = true
			defs = append(defs, "[^"+label+"]: "+fn.Text)
		}
		if len(defs) == 0 {
			return md
		}
		return md + "\n\n" + strings.Join(defs, "\n\n")
	}
	if len(rev.preface) > 0 {
		rev.preface = []string{place(strings.Join(rev.preface, "\n\n"), d.TitlePos)}
	}
	for _, s := range rev.sections {
		if len(s.body) > 0 {
			s.body = []string{place(strings.Join(s.body, "\n\n"), s.at)}
		}
		for _, a := range s.activities {
			for k := range a.cols {
				a.cols[k] = place(a.cols[k], a.at)
			}
		}
	}
	for _, label := range d.FnOrder {
		if used[label] {
			rev.footnotes++
		} else {
			d.Lose(d.Footnotes[label].At, "fotnot %s har ingen markering i texten: %s", label, document.Excerpt(d.Footnotes[label].Text))
		}
	}
}

var wordRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\p{L}\p{N}]+`) })

// plainWords is a text's words in lower case, for comparing texts.
func plainWords(s string) string {
	return strings.Join(wordRe().FindAllString(strings.ToLower(s), -1), " ")
}

// similarity is the Dice coefficient of two texts' sets of words: 1 for the same words, 0 for none in common. It
// does not care about order, so a reworded sentence that keeps its words is still recognised.
func similarity(a, b string) float64 {
	wa := wordSet(a)
	wb := wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range wordRe().FindAllString(strings.ToLower(s), -1) {
		m[w] = true
	}
	return m
}

// Ids. They are made from the text, in the same way each time, so the same document gives the same ids.

var stopWords = map[string]bool{"i": true, "och": true, "att": true, "för": true, "med": true, "som": true, "den": true,
	"det": true, "en": true, "ett": true, "av": true, "på": true, "till": true, "om": true, "de": true, "vid": true}

// slug makes an id of at most words words from a text: lower case, a–z and digits, å, ä and ö written a, a, o
// as in the shipped plan's ids.
func slug(s string, words int, skipStop bool) string {
	var parts []string
	for _, w := range wordRe().FindAllString(strings.ToLower(document.PlainMarkdown(s)), -1) {
		if skipStop && stopWords[w] {
			continue
		}
		var b strings.Builder
		for _, r := range w {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case r == 'å' || r == 'ä' || r == 'à' || r == 'á':
				b.WriteByte('a')
			case r == 'ö' || r == 'ø' || r == 'ó':
				b.WriteByte('o')
			case r == 'é' || r == 'è':
				b.WriteByte('e')
			case r == 'ü':
				b.WriteByte('u')
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
		if len(parts) == words {
			break
		}
	}
	id := strings.Join(parts, "-")
	for len(id) > 60 {
		i := strings.LastIndexByte(id, '-')
		if i < 0 {
			id = id[:60]
			break
		}
		id = id[:i]
	}
	return id
}

// The ids the site's pages use for their own parts (see internal/content): a section or row must not take them.
var (
	reservedIDs      = []string{"huvudinnehall", "innehall", "titel", "kontakt", "nyckeltal", "uppgifter", "sammanfattning", "teckenforklaring"}
	reservedPrefixes = []string{"tabell-", "fn-", "avsnitt-", "aktivitet-"}
)

// ids hands out unique ids within a revision; taken holds the ids that must not be used again.
type ids struct{ taken map[string]bool }

func (x *ids) make(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	reserved := containsStr(reservedIDs, base)
	for _, p := range reservedPrefixes {
		reserved = reserved || strings.HasPrefix(base, p)
	}
	if reserved {
		base = "del-" + base
	}
	id := base
	for n := 2; x.taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	x.taken[id] = true
	return id
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
