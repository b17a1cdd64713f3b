// Package docx reads a plan's Word document (.docx) into a document.Document: the document part, its styles,
// numbering, footnotes, relationships, pictures and the core properties. It reads them with archive/zip and
// encoding/xml: no OOXML library for Go is both maintained and served here, and a plan uses a small part of
// WordprocessingML.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/stockholm/plansite/internal/importer/document"
	"github.com/stockholm/plansite/internal/swedish"
)

// Size limits, far above any real plan and far below what would hurt the machine.
const (
	maxPart = 20 << 20 // one part of a .docx once decompressed: defeats zip bombs, whatever the zip claims
	maxAll  = 200 << 20
)

func fail(file, msg, hint string) error { return &document.Error{File: file, Msg: msg, Hint: hint} }

// pkg is an opened .docx.
type pkg struct {
	file  string
	parts map[string]*zip.File // by lower-case name: part names are case-insensitive
	read  int64                // bytes decompressed so far, against maxAll
}

func openDocx(file string, data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(file, "dokumentet är trasigt eller avkortat ("+err.Error()+")",
			"öppna det i Word och spara det på nytt som .docx, eller hämta det antagna dokumentet igen")
	}
	p := &pkg{file: file, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

// part returns a part's bytes; ok is false when the package has no such part.
func (p *pkg) part(name string) (data []byte, ok bool, err error) {
	f := p.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, p.broken(name, err)
	}
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, true, p.broken(name, err)
	}
	if len(data) > maxPart {
		return nil, true, fail(p.file, fmt.Sprintf("delen %s är större än %d MB när den packas upp", name, maxPart>>20),
			"ett Word-dokument med en plan är långt mindre; spara det på nytt i Word")
	}
	p.read += int64(len(data))
	if p.read > maxAll {
		return nil, true, fail(p.file, fmt.Sprintf("dokumentet är större än %d MB när det packas upp", maxAll>>20),
			"ett Word-dokument med en plan är långt mindre; spara det på nytt i Word")
	}
	return data, true, nil
}

func (p *pkg) broken(name string, err error) error {
	return fail(p.file, fmt.Sprintf("dokumentet är trasigt eller avkortat: delen %s går inte att läsa (%v)", name, err),
		"öppna det i Word och spara det på nytt som .docx, eller hämta det antagna dokumentet igen")
}

// xmlPart reads and parses a part; nil without error when the package has no such part.
func (p *pkg) xmlPart(name string) (*xnode, error) {
	data, ok, err := p.part(name)
	if err != nil || !ok {
		return nil, err
	}
	n, err := parseXML(data)
	if err != nil {
		return nil, fail(p.file, fmt.Sprintf("dokumentet är trasigt: delen %s är ingen giltig XML (%v)", name, err),
			"öppna det i Word och spara det på nytt som .docx")
	}
	return n, nil
}

type rel struct {
	typ, target string
	external    bool
}

// rels reads the relationships of a part: "word/document.xml" has "word/_rels/document.xml.rels".
func (p *pkg) rels(source string) (map[string]rel, error) {
	dir, base := path.Split(source)
	root, err := p.xmlPart(dir + "_rels/" + base + ".rels")
	if err != nil || root == nil {
		return map[string]rel{}, err
	}
	out := map[string]rel{}
	for _, r := range root.kids {
		if r.local != "Relationship" {
			continue
		}
		t := r.attr1("Target")
		ext := strings.EqualFold(r.attr1("TargetMode"), "External")
		if !ext {
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join(dir, t)
			}
		}
		out[r.attr1("Id")] = rel{typ: r.attr1("Type"), target: t, external: ext}
	}
	return out, nil
}

func relOfType(rels map[string]rel, suffix string) (rel, bool) {
	for _, r := range rels {
		if strings.HasSuffix(r.typ, suffix) {
			return r, true
		}
	}
	return rel{}, false
}

// style is what the importer needs of a paragraph or character style.
type style struct {
	name, basedOn string
	outline       int // 0–8 from w:outlineLvl, -1 when the style sets none
	numID, ilvl   string
	bold, italic  *bool
}

// reader holds what is read while walking the document part.
type reader struct {
	doc      *document.Document
	pkg      *pkg
	styles   map[string]*style
	numFmt   map[string]map[string]string // numId → ilvl → numFmt
	rels     map[string]rel
	notes    map[string]*xnode // footnote id → w:footnote
	endnotes map[string]*xnode
	fnLabel  map[string]string // "f3" or "e3" → the label written as [^label]

	para       int  // paragraphs counted so far, the position in messages
	seenHead   bool // a heading has been read: the title page is over
	inTOC      bool // between a table-of-contents heading and the next heading
	fields     []field
	tocParas   int
	tocAt      document.Pos
	pageBreaks int
	pageNums   int
	tracked    int
	hidden     int
	invisible  int
}

// field is an open complex field (w:fldChar begin … end): its instruction decides whether its result is shown.
type field struct {
	instr  string
	result bool // past w:fldChar separate
}

func (f field) kind() string {
	k, _, _ := strings.Cut(strings.TrimSpace(f.instr), " ")
	return strings.ToUpper(k)
}

// Read reads a .docx into a document; file names it in messages.
func Read(file string, data []byte) (*document.Document, error) {
	p, err := openDocx(file, data)
	if err != nil {
		return nil, err
	}
	if _, ok := p.parts["mimetype"]; ok {
		return nil, fail(file, "är ett OpenDocument-dokument (.odt), inte .docx",
			"öppna det i LibreOffice eller Word och spara det som Word-dokument (.docx)")
	}
	pkgRels, err := p.rels("")
	if err != nil {
		return nil, err
	}
	main := "word/document.xml"
	if r, ok := relOfType(pkgRels, "/officeDocument"); ok && !r.external {
		main = r.target
	}
	body, err := p.xmlPart(main)
	if err != nil {
		return nil, err
	}
	if body == nil || !body.w("document") {
		return nil, fail(file, "är inget Word-dokument (dokumentdelen saknas)",
			"ange det antagna Word-dokumentet (.docx); ett kalkylark eller en presentation går inte att importera")
	}
	x := &reader{doc: &document.Document{File: file}, pkg: p, fnLabel: map[string]string{}}
	if x.rels, err = p.rels(main); err != nil {
		return nil, err
	}
	if err := x.readStyles(); err != nil {
		return nil, err
	}
	if err := x.readNumbering(); err != nil {
		return nil, err
	}
	if x.notes, err = x.readNotes("/footnotes", "footnote"); err != nil {
		return nil, err
	}
	if x.endnotes, err = x.readNotes("/endnotes", "endnote"); err != nil {
		return nil, err
	}
	x.body(body.child("body"))
	x.finish()
	x.doc.PropTitle = p.coreTitle()
	return x.doc, nil
}

func (x *reader) readStyles() error {
	x.styles = map[string]*style{}
	r, ok := relOfType(x.rels, "/styles")
	if !ok {
		return nil
	}
	root, err := x.pkg.xmlPart(r.target)
	if err != nil || root == nil {
		return err
	}
	for _, s := range root.kids {
		if !s.w("style") {
			continue
		}
		st := &style{outline: -1}
		st.name, _ = s.val("name")
		st.basedOn, _ = s.val("basedOn")
		if ppr := s.child("pPr"); ppr != nil {
			if v, ok := ppr.val("outlineLvl"); ok {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 8 {
					st.outline = n
				}
			}
			if np := ppr.child("numPr"); np != nil {
				st.numID, _ = np.val("numId")
				st.ilvl, _ = np.val("ilvl")
			}
		}
		if rpr := s.child("rPr"); rpr != nil {
			if b, ok := rpr.on("b"); ok {
				st.bold = &b
			}
			if i, ok := rpr.on("i"); ok {
				st.italic = &i
			}
		}
		x.styles[s.attr1("styleId")] = st
	}
	return nil
}

// chain calls f for the style and the styles it is based on, nearest first, until f returns true.
func (x *reader) chain(id string, f func(*style) bool) {
	for range 20 { // basedOn may loop in a broken file
		st := x.styles[id]
		if st == nil || f(st) {
			return
		}
		id = st.basedOn
	}
}

var headingName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i)(heading|rubrik|overskrift|överskrift)\s*([1-9])$`)
})

// headingLevel is the heading level a paragraph style gives, 0 for none: by its name in English or Swedish
// ("heading 1", "Rubrik 1", and the style ids Word writes in a Swedish document), or by its outline level.
func (x *reader) headingLevel(id string) int {
	level := 0
	x.chain(id, func(st *style) bool {
		if m := headingName().FindStringSubmatch(st.name); m != nil {
			level = int(m[2][0] - '0')
			return true
		}
		if st.outline >= 0 {
			level = st.outline + 1
			return true
		}
		return false
	})
	if level == 0 {
		if m := headingName().FindStringSubmatch(id); m != nil {
			level = int(m[2][0] - '0')
		}
	}
	return level
}

// styleIs reports whether the style, or one it is based on, has one of the names or ids (lower case).
func (x *reader) styleIs(id string, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(id, n) {
			return true
		}
	}
	found := false
	x.chain(id, func(st *style) bool {
		for _, n := range names {
			if strings.EqualFold(st.name, n) {
				found = true
			}
		}
		return found
	})
	return found
}

var tocStyle = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i)(toc|innehåll|innehll|innehallsforteckning|innehållsförteckning)\s*[1-9]$`)
})

func (x *reader) isTOCStyle(id string) bool {
	if tocStyle().MatchString(id) {
		return true
	}
	found := false
	x.chain(id, func(st *style) bool {
		found = tocStyle().MatchString(st.name)
		return found
	})
	return found
}

func (x *reader) readNumbering() error {
	x.numFmt = map[string]map[string]string{}
	r, ok := relOfType(x.rels, "/numbering")
	if !ok {
		return nil
	}
	root, err := x.pkg.xmlPart(r.target)
	if err != nil || root == nil {
		return err
	}
	abstract := map[string]map[string]string{}
	for _, a := range root.kids {
		if !a.w("abstractNum") {
			continue
		}
		lv := map[string]string{}
		for _, l := range a.kids {
			if l.w("lvl") {
				lv[l.attr1("ilvl")], _ = l.val("numFmt")
			}
		}
		abstract[a.attr1("abstractNumId")] = lv
	}
	for _, n := range root.kids {
		if n.w("num") {
			id, _ := n.val("abstractNumId")
			x.numFmt[n.attr1("numId")] = abstract[id]
		}
	}
	return nil
}

func (x *reader) readNotes(relSuffix, elem string) (map[string]*xnode, error) {
	out := map[string]*xnode{}
	r, ok := relOfType(x.rels, relSuffix)
	if !ok {
		return out, nil
	}
	root, err := x.pkg.xmlPart(r.target)
	if err != nil || root == nil {
		return out, err
	}
	for _, n := range root.kids {
		if !n.w(elem) {
			continue
		}
		switch n.attr1("type") {
		case "separator", "continuationSeparator", "continuationNotice":
			continue
		}
		out[n.attr1("id")] = n
	}
	return out, nil
}

// coreTitle is the title in the document's properties, the last resort for the revision's title.
func (p *pkg) coreTitle() string {
	root, err := p.xmlPart("docProps/core.xml")
	if err != nil || root == nil {
		return ""
	}
	for _, k := range root.kids {
		if k.local == "title" {
			return strings.Join(strings.Fields(k.text), " ")
		}
	}
	return ""
}

// body walks the document's body in order.
func (x *reader) body(n *xnode) {
	if n == nil {
		return
	}
	for _, k := range n.kids {
		switch {
		case k.w("p"):
			x.paragraph(k)
		case k.w("tbl"):
			x.table(k)
		case k.w("sdt"):
			if gallery := sdtGallery(k); strings.Contains(strings.ToLower(gallery), "table of contents") {
				x.dropTOC(k)
				continue
			}
			x.body(k.child("sdtContent"))
		case k.w("customXml"), k.w("ins"), k.w("moveTo"):
			x.body(k)
		case k.w("del"), k.w("moveFrom"):
			x.tracked++
		case k.w("altChunk"):
			x.doc.Lose(document.Pos{Para: x.para + 1}, "ett inbäddat dokument (altChunk) kunde inte läsas; kopiera in dess text för hand")
		}
	}
}

func sdtGallery(n *xnode) string {
	g := ""
	n.child("sdtPr").find(func(k *xnode) bool {
		if k.w("docPartGallery") {
			g = k.attr1("val")
		}
		return g == ""
	})
	return g
}

// dropTOC drops a table of contents that Word keeps in a content control.
func (x *reader) dropTOC(n *xnode) {
	n.find(func(k *xnode) bool {
		if k.w("p") {
			x.para++
			if x.tocParas == 0 {
				x.tocAt = document.Pos{Para: x.para}
			}
			x.tocParas++
			return false
		}
		return true
	})
}

// para is one paragraph converted.
type para struct {
	md, plain string
	figs      []*document.Figure
	pageBreak bool
}

func (x *reader) paragraph(n *xnode) {
	x.para++
	at := document.Pos{Para: x.para}
	ppr := n.child("pPr")
	styleID, _ := ppr.val("pStyle")
	if b, _ := ppr.on("pageBreakBefore"); b {
		x.pageBreaks++
	}
	if x.isTOCStyle(styleID) || x.inFieldKind("TOC") {
		x.runs(n, &inline{}, at) // the field's end may be in this paragraph
		x.countTOC(at)
		return
	}
	in := &inline{}
	x.runs(n, in, at)
	p := in.finish()
	if p.pageBreak {
		x.pageBreaks++
	}
	level := 0
	if v, ok := ppr.val("outlineLvl"); ok {
		if l, err := strconv.Atoi(v); err == nil && l >= 0 && l <= 8 {
			level = l + 1
		}
	}
	if level == 0 {
		level = x.headingLevel(styleID)
	}
	text := strings.Join(strings.Fields(p.plain), " ")
	isTitle := x.styleIs(styleID, "title", "rubrik")
	switch {
	case text == "" && len(p.figs) == 0:
		return
	case document.TOCHeading(text) || x.styleIs(styleID, "toc heading", "tocheading", "innehållsförteckningsrubrik"):
		x.inTOC = true
		x.countTOC(at)
		return
	case x.inTOC && level == 0 && document.TOCEntry(p.plain):
		x.countTOC(at)
		return
	case !x.seenHead && level == 0 && document.TOCEntry(p.plain):
		x.countTOC(at)
		return
	case isTitle && !x.seenHead:
		if x.doc.Title == "" {
			x.doc.Title, x.doc.TitlePos = text, at
			return
		}
	case level > 0 && text != "":
		x.seenHead, x.inTOC = true, false
		x.doc.Blocks = append(x.doc.Blocks, document.Block{Kind: document.HeadingBlock, Level: level, Text: text, At: at})
		x.figures(p.figs, at)
		return
	}
	if num := x.listItem(ppr, styleID); num != nil && text != "" {
		x.listLine(num, p.md, at)
	} else if text != "" {
		x.doc.Blocks = append(x.doc.Blocks, document.Block{Kind: document.ParagraphBlock, Text: p.md, At: at,
			Caption: x.styleIs(styleID, "caption", "beskrivning", "bildtext")})
	}
	x.figures(p.figs, at)
}

func (x *reader) countTOC(at document.Pos) {
	if x.tocParas == 0 {
		x.tocAt = at
	}
	x.tocParas++
}

func (x *reader) inFieldKind(kind string) bool {
	for _, f := range x.fields {
		if f.kind() == kind {
			return true
		}
	}
	return false
}

func (x *reader) figures(figs []*document.Figure, at document.Pos) {
	for _, f := range figs {
		f.At = at
		x.doc.Figures = append(x.doc.Figures, f)
		x.doc.Blocks = append(x.doc.Blocks, document.Block{Kind: document.FigureBlock, Fig: f, At: at})
	}
}

// listNum is a paragraph's place in a numbered or bulleted list.
type listNum struct {
	level   int
	ordered bool
}

func (x *reader) listItem(ppr *xnode, styleID string) *listNum {
	numID, ilvl := "", ""
	if np := ppr.child("numPr"); np != nil {
		numID, _ = np.val("numId")
		ilvl, _ = np.val("ilvl")
	}
	if numID == "" {
		x.chain(styleID, func(st *style) bool {
			if st.numID != "" {
				numID = st.numID
				if ilvl == "" {
					ilvl = st.ilvl
				}
				return true
			}
			return false
		})
	}
	if numID == "" || numID == "0" {
		return nil
	}
	level, _ := strconv.Atoi(ilvl)
	level = max(0, min(level, 8))
	f := x.numFmt[numID][strconv.Itoa(level)]
	return &listNum{level: level, ordered: f != "" && f != "bullet" && f != "none"}
}

// listLine adds an item to the list the previous block is, or starts a list.
func (x *reader) listLine(num *listNum, md string, at document.Pos) {
	marker := "- "
	if num.ordered {
		marker = "1. "
	}
	// Nested items are indented past their parent's marker; three spaces cover both "- " and "1. ".
	line := strings.Repeat("   ", num.level) + marker + strings.ReplaceAll(md, "\n", "\n"+strings.Repeat("   ", num.level+1))
	if n := len(x.doc.Blocks); n > 0 && x.doc.Blocks[n-1].Kind == document.ListBlock {
		x.doc.Blocks[n-1].Text += "\n" + line
		return
	}
	x.doc.Blocks = append(x.doc.Blocks, document.Block{Kind: document.ListBlock, Text: line, At: at})
}

// runs converts the inline content of a paragraph (or of anything holding runs) into in.
func (x *reader) runs(n *xnode, in *inline, at document.Pos) {
	for _, k := range n.kids {
		switch {
		case k.w("r"):
			x.run(k, in, at)
		case k.w("hyperlink"):
			link := ""
			if id := k.attr1("id"); id != "" {
				if r, ok := x.rels[id]; ok && r.external {
					link = r.target
				}
			}
			old := in.link
			if link != "" {
				in.link = link
			}
			x.runs(k, in, at)
			in.link = old
		case k.w("fldSimple"):
			f := field{instr: k.attr1("instr"), result: true}
			x.fields = append(x.fields, f)
			x.runs(k, in, at)
			x.fields = x.fields[:len(x.fields)-1]
			x.fieldDropped(f)
		case k.w("ins"), k.w("moveTo"), k.w("smartTag"), k.w("customXml"), k.w("dir"), k.w("bdo"):
			x.runs(k, in, at)
		case k.w("sdt"):
			x.runs(k.child("sdtContent"), in, at)
		case k.w("del"), k.w("moveFrom"):
			x.tracked++
		case k.local == "AlternateContent":
			if c := firstLocal(k, "Choice"); c != nil {
				x.runs(c, in, at)
			}
		case k.local == "oMath" || k.local == "oMathPara":
			x.doc.Lose(at, "en formel kunde inte läsas; skriv in den för hand")
		}
	}
}

func firstLocal(n *xnode, local string) *xnode {
	for _, k := range n.kids {
		if k.local == local {
			return k
		}
	}
	return nil
}

// fieldDropped counts a field whose result the import leaves out.
func (x *reader) fieldDropped(f field) {
	switch f.kind() {
	case "PAGE", "NUMPAGES", "SECTIONPAGES":
		x.pageNums++
	}
}

// hiddenField reports whether the runs now read are the result of a field the site has no use for: page numbers,
// and the page references of a table of contents.
func (x *reader) hiddenField() bool {
	for _, f := range x.fields {
		if !f.result {
			return true // the instruction itself is never text
		}
		switch f.kind() {
		case "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "TOC":
			return true
		}
	}
	return false
}

func (x *reader) fieldLink() string {
	for i := len(x.fields) - 1; i >= 0; i-- {
		f := x.fields[i]
		if f.kind() == "HYPERLINK" && f.result {
			for _, part := range strings.Fields(f.instr)[1:] {
				if u := strings.Trim(part, `"`); strings.Contains(u, "://") || strings.HasPrefix(u, "mailto:") {
					return u
				}
			}
		}
	}
	return ""
}

func (x *reader) run(r *xnode, in *inline, at document.Pos) {
	rpr := r.child("rPr")
	if h, _ := rpr.on("vanish"); h {
		x.hidden++
		return
	}
	bold, italic := false, false
	if rs, ok := rpr.val("rStyle"); ok {
		x.chain(rs, func(st *style) bool {
			if st.bold != nil {
				bold = *st.bold
			}
			if st.italic != nil {
				italic = *st.italic
			}
			return st.bold != nil || st.italic != nil
		})
	}
	if b, ok := rpr.on("b"); ok {
		bold = b
	}
	if i, ok := rpr.on("i"); ok {
		italic = i
	}
	for _, k := range r.kids {
		switch {
		case k.w("fldChar"):
			switch k.attr1("fldCharType") {
			case "begin":
				x.fields = append(x.fields, field{})
			case "separate":
				if n := len(x.fields); n > 0 {
					x.fields[n-1].result = true
				}
			case "end":
				if n := len(x.fields); n > 0 {
					x.fieldDropped(x.fields[n-1])
					x.fields = x.fields[:n-1]
				}
			}
			continue
		case k.w("instrText"):
			if n := len(x.fields); n > 0 && !x.fields[n-1].result {
				x.fields[n-1].instr += k.text
			}
			continue
		}
		if x.hiddenField() {
			continue
		}
		link := in.link
		if l := x.fieldLink(); l != "" {
			link = l
		}
		add := func(s string) {
			s, n := document.Clean(s)
			x.invisible += n
			in.add(seg{text: s, bold: bold, italic: italic, link: link})
		}
		switch {
		case k.w("t"):
			add(k.text)
		case k.w("tab"), k.w("ptab"):
			add("\t")
		case k.w("br"), k.w("cr"):
			switch k.attr1("type") {
			case "page":
				in.pageBreak = true
			case "column":
			default:
				in.add(seg{raw: "\\\n", plain: " ", link: link})
			}
		case k.w("noBreakHyphen"):
			add("-")
		case k.w("sym"):
			if c, err := strconv.ParseUint(k.attr1("char"), 16, 32); err == nil && c < 0xF000 && c > 0x1F {
				add(string(rune(c)))
			} else {
				x.doc.Lose(at, "ett symboltecken (%s %s) kunde inte läsas; skriv in det för hand", k.attr1("font"), k.attr1("char"))
			}
		case k.w("footnoteReference"):
			in.add(seg{raw: "[^" + x.noteLabel("f", k.attr1("id"), x.notes) + "]"})
		case k.w("endnoteReference"):
			in.add(seg{raw: "[^" + x.noteLabel("e", k.attr1("id"), x.endnotes) + "]"})
		case k.w("drawing"), k.w("pict"), k.w("object"):
			if f := x.picture(k, at); f != nil {
				in.figs = append(in.figs, f)
			}
		case k.local == "AlternateContent":
			if c := firstLocal(k, "Choice"); c != nil {
				x.run(&xnode{space: r.space, local: "r", kids: append([]*xnode{rpr}, c.kids...)}, in, at)
			}
		}
	}
}

// noteLabel numbers footnotes and endnotes in the order their marks appear, and reads the note's text the first time.
func (x *reader) noteLabel(kind, id string, notes map[string]*xnode) string {
	key := kind + id
	if l, ok := x.fnLabel[key]; ok {
		return l
	}
	label := strconv.Itoa(len(x.fnLabel) + 1)
	x.fnLabel[key] = label
	n := notes[id]
	if n == nil {
		x.doc.Lose(document.Pos{Para: x.para}, "fotnot %s saknar text i dokumentet", label)
		return label
	}
	var paras []string
	for _, p := range n.kids {
		if !p.w("p") {
			continue
		}
		in := &inline{}
		saved := x.fields
		x.fields = nil
		x.runs(p, in, document.Pos{Para: x.para})
		x.fields = saved
		if t := strings.TrimSpace(in.finish().md); t != "" {
			paras = append(paras, t)
		}
	}
	// A footnote's later paragraphs are indented, or Markdown ends the footnote at the first.
	x.doc.AddFootnote(label, strings.Join(paras, "\n\n    "), document.Pos{Para: x.para})
	return label
}

// picture reads a drawing or a VML picture: the image's bytes and the description Word keeps as its alt text.
func (x *reader) picture(n *xnode, at document.Pos) *document.Figure {
	alt, title, id, external := "", "", "", false
	n.find(func(k *xnode) bool {
		switch k.local {
		case "docPr":
			alt, title = k.attr1("descr"), k.attr1("title")
		case "shape":
			if alt == "" {
				alt = k.attr1("alt")
			}
		case "blip":
			for _, a := range k.attr {
				switch a.Name.Local {
				case "embed":
					id = a.Value
				case "link":
					external = true
				}
			}
		case "imagedata":
			if id == "" {
				id = k.attr1("id")
			}
		case "txbxContent":
			x.doc.Lose(at, "en textruta kunde inte placeras: %s", document.Excerpt(plainText(k)))
			return false
		case "chart", "relIds":
			x.doc.Lose(at, "ett diagram eller en SmartArt-bild kunde inte läsas; spara den som bild (PNG) i Word och importera igen")
			return false
		}
		return true
	})
	if alt == "" {
		alt = title
	}
	if id == "" {
		if external {
			x.doc.Lose(at, "en länkad bild (inte inbäddad i dokumentet) kunde inte läsas; bädda in den i Word")
		}
		return nil
	}
	r, ok := x.rels[id]
	if !ok || r.external {
		x.doc.Lose(at, "en länkad bild (inte inbäddad i dokumentet) kunde inte läsas; bädda in den i Word")
		return nil
	}
	data, ok, err := x.pkg.part(r.target)
	if err != nil || !ok {
		x.doc.Lose(at, "bilden %s saknas i dokumentet", r.target)
		return nil
	}
	ext := strings.ToLower(path.Ext(r.target))
	if !document.SafeExt(ext) {
		ext = ".bin"
	}
	return &document.Figure{Name: fmt.Sprintf("figur-%d%s", len(x.doc.Figures)+1, ext), Data: data,
		Alt: strings.Join(strings.Fields(document.Cleaned(alt)), " "), At: at}
}

func plainText(n *xnode) string {
	var b strings.Builder
	n.find(func(k *xnode) bool {
		if k.w("t") {
			b.WriteString(k.text)
		}
		if k.w("p") && b.Len() > 0 {
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}

// table reads a table. Vertically merged cells (w:vMerge) are copied into every row they span, since each row
// becomes an activity of its own; a cell spanning columns (w:gridSpan) stands in its first column.
func (x *reader) table(n *xnode) {
	t := &document.Table{}
	var rows []*xnode
	var collect func(*xnode)
	collect = func(n *xnode) {
		for _, k := range n.kids {
			switch {
			case k.w("tr"):
				rows = append(rows, k)
			case k.w("sdt"):
				collect(k.child("sdtContent"))
			case k.w("customXml"), k.w("ins"):
				collect(k)
			}
		}
	}
	collect(n)
	width := 0
	for ri, tr := range rows {
		var row []document.Cell
		at := document.Pos{Para: x.para + 1}
		var cells []*xnode
		var collectCells func(*xnode)
		collectCells = func(n *xnode) {
			for _, k := range n.kids {
				switch {
				case k.w("tc"):
					cells = append(cells, k)
				case k.w("sdt"):
					collectCells(k.child("sdtContent"))
				case k.w("customXml"):
					collectCells(k)
				}
			}
		}
		collectCells(tr)
		for _, tc := range cells {
			tcpr := tc.child("tcPr")
			span := 1
			if v, ok := tcpr.val("gridSpan"); ok {
				if s, err := strconv.Atoi(v); err == nil && s > 1 && s < 64 {
					span = s
				}
			}
			c := x.cell(tc)
			if v, ok := tcpr.val("vMerge"); ok && v != "restart" && ri > 0 {
				col := len(row)
				if above := t.Rows[ri-1]; col < len(above) {
					c = above[col]
				}
			}
			row = append(row, c)
			for range span - 1 {
				row = append(row, nil)
			}
		}
		width = max(width, len(row))
		t.Rows = append(t.Rows, row)
		t.At = append(t.At, at)
	}
	if len(t.Rows) == 0 {
		return
	}
	for i := range t.Rows {
		for len(t.Rows[i]) < width {
			t.Rows[i] = append(t.Rows[i], nil)
		}
	}
	x.doc.Blocks = append(x.doc.Blocks, document.Block{Kind: document.TableBlock, Table: t, At: t.At[0]})
}

// cell reads a table cell's paragraphs; each stays a paragraph.
func (x *reader) cell(tc *xnode) document.Cell {
	var c document.Cell
	var walk func(*xnode)
	walk = func(n *xnode) {
		for _, k := range n.kids {
			switch {
			case k.w("p"):
				x.para++
				at := document.Pos{Para: x.para}
				in := &inline{}
				x.runs(k, in, at)
				p := in.finish()
				md := strings.TrimSpace(p.md)
				ppr := k.child("pPr")
				styleID, _ := ppr.val("pStyle")
				if num := x.listItem(ppr, styleID); num != nil && md != "" {
					marker := "- "
					if num.ordered {
						marker = "1. "
					}
					md = marker + md
					if n := len(c); n > 0 && listLike(c[n-1]) {
						c[n-1] += "\n" + md
						md = ""
					}
				}
				if md != "" {
					c = append(c, md)
				}
				for i, f := range p.figs {
					f.At = at
					x.doc.Figures = append(x.doc.Figures, f)
					_ = i
					c = append(c, f.Markdown())
				}
			case k.w("tbl"):
				x.doc.Lose(document.Pos{Para: x.para + 1}, "en tabell inuti en tabellcell kunde inte placeras: %s", document.Excerpt(plainText(k)))
			case k.w("sdt"):
				walk(k.child("sdtContent"))
			case k.w("customXml"), k.w("ins"):
				walk(k)
			}
		}
	}
	walk(tc)
	return c
}

func listLike(s string) bool {
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "1. ")
}

// finish reports what was left out on purpose, and joins captions to the figures they stand beside.
func (x *reader) finish() {
	d := x.doc
	if x.tocParas > 0 {
		d.Drop(x.tocAt, "innehållsförteckningen (%s) togs inte med: webbplatsen gör sin egen", swedish.Count(x.tocParas, "stycke", "stycken"))
	}
	if x.pageBreaks > 0 {
		d.Drop(document.Pos{}, "%s togs inte med", swedish.Count(x.pageBreaks, "sidbrytning", "sidbrytningar"))
	}
	if x.pageNums > 0 {
		d.Drop(document.Pos{}, "%s togs inte med", swedish.Count(x.pageNums, "sidnummer", "sidnummer"))
	}
	headers := 0
	for name := range x.pkg.parts {
		if strings.HasPrefix(name, "word/header") || strings.HasPrefix(name, "word/footer") {
			headers++
		}
	}
	if headers > 0 {
		d.Drop(document.Pos{}, "sidhuvuden och sidfötter (%s) togs inte med", swedish.Count(headers, "del", "delar"))
	}
	if x.tracked > 0 {
		d.Drop(document.Pos{}, "%s togs inte med; texten är den med ändringarna godkända — kontrollera att dokumentet är det antagna", swedish.Count(x.tracked, "spårad borttagning", "spårade borttagningar"))
	}
	if x.hidden > 0 {
		d.Drop(document.Pos{}, "%s togs inte med", swedish.Count(x.hidden, "dold text", "dolda texter"))
	}
	if x.invisible > 0 {
		d.Drop(document.Pos{}, "%s togs bort", swedish.Count(x.invisible, "osynligt tecken", "osynliga tecken"))
	}
	if _, ok := x.pkg.parts["word/comments.xml"]; ok {
		d.Drop(document.Pos{}, "kommentarerna i dokumentet togs inte med")
	}
	joinCaptions(d)
}

// joinCaptions makes a caption paragraph just before or after a figure the figure's caption.
func joinCaptions(d *document.Document) {
	var out []document.Block
	for i := 0; i < len(d.Blocks); i++ {
		b := d.Blocks[i]
		if b.Kind == document.FigureBlock && b.Fig.Title == "" {
			if i+1 < len(d.Blocks) && d.Blocks[i+1].Caption {
				b.Fig.Title = document.PlainMarkdown(d.Blocks[i+1].Text)
				out = append(out, b)
				i++
				continue
			}
			if n := len(out); n > 0 && out[n-1].Caption {
				b.Fig.Title = document.PlainMarkdown(out[n-1].Text)
				out[n-1] = b
				continue
			}
		}
		out = append(out, b)
	}
	d.Blocks = out
}

// seg is a piece of a paragraph with its formatting; raw pieces are Markdown already.
type seg struct {
	text         string
	raw          string
	plain        string // raw's plain-text form
	bold, italic bool
	link         string
}

// inline collects a paragraph's pieces and writes them as Markdown.
type inline struct {
	segs      []seg
	link      string
	figs      []*document.Figure
	pageBreak bool
}

func (in *inline) add(s seg) { in.segs = append(in.segs, s) }

func (in *inline) finish() para {
	var md, plain strings.Builder
	segs := in.segs
	for i := 0; i < len(segs); {
		if segs[i].link != "" {
			j := i
			for j < len(segs) && segs[j].link == segs[i].link {
				j++
			}
			text := emphasis(segs[i:j], &plain)
			if strings.TrimSpace(text) == "" {
				md.WriteString(text)
			} else {
				md.WriteString("[" + text + "](" + linkDest(segs[i].link) + ")")
			}
			i = j
			continue
		}
		j := i
		for j < len(segs) && segs[j].link == "" {
			j++
		}
		md.WriteString(emphasis(segs[i:j], &plain))
		i = j
	}
	return para{md: escapeLineStarts(strings.TrimSpace(md.String())), plain: plain.String(), figs: in.figs, pageBreak: in.pageBreak}
}

// emphasis writes pieces grouped by their formatting. Spaces are kept outside the markers, where CommonMark needs
// them for the emphasis to count.
func emphasis(segs []seg, plain *strings.Builder) string {
	var b strings.Builder
	for i := 0; i < len(segs); {
		s := segs[i]
		if s.raw != "" {
			b.WriteString(s.raw)
			plain.WriteString(s.plain)
			i++
			continue
		}
		j := i
		var text strings.Builder
		for j < len(segs) && segs[j].raw == "" && segs[j].bold == s.bold && segs[j].italic == s.italic {
			text.WriteString(segs[j].text)
			j++
		}
		t := text.String()
		plain.WriteString(t)
		marker := ""
		switch {
		case s.bold && s.italic:
			marker = "***"
		case s.bold:
			marker = "**"
		case s.italic:
			marker = "*"
		}
		core := strings.TrimSpace(t)
		if marker == "" || core == "" {
			b.WriteString(escapeInline(t))
		} else {
			lead := t[:len(t)-len(strings.TrimLeftFunc(t, unicode.IsSpace))]
			trail := t[len(strings.TrimRightFunc(t, unicode.IsSpace)):]
			b.WriteString(escapeInline(lead) + marker + escapeInline(core) + marker + escapeInline(trail))
		}
		i = j
	}
	return b.String()
}

// escapeInline makes document text literal in Markdown: what Word shows is what the page shows.
func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '[', ']', '`', '<', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			if i+1 < len(s) && (s[i+1] == '#' || isAlnum(s[i+1])) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '\t', '\n', '\r', '\u00a0':
			// A tab is layout in Word; a no-break space stays what it is visually, but Markdown would not keep it
			// apart from a space anyway.
			if r == '\u00a0' {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var blockStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^( *)([#=+>-]|[0-9]+[.)])`) })

// escapeLineStarts keeps a line that begins like a heading, a list item or a rule ("1. ", "- ", "#") from becoming
// one: in the document it is text.
func escapeLineStarts(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, " ")
		if m := blockStart().FindStringSubmatchIndex(l); m != nil {
			at := m[5] - 1 // the marker's last character: "1." is escaped as "1\.", "-" as "\-"
			if m[5]-m[4] == 1 {
				at = m[4]
			}
			l = l[:at] + "\\" + l[at:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func linkDest(u string) string {
	u = strings.TrimSpace(u)
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">"
	}
	return u
}
