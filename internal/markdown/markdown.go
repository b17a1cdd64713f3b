// Package markdown turns the plan's Markdown into safe HTML: goldmark with tables, footnotes and Swedish
// typography; heading ids that keep å, ä and ö; figures with required text alternatives; raw HTML shown as text and
// links to javascript:, vbscript:, data: and file: addresses removed. It reports problems with their line.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"github.com/stockholm/plansite/internal/slug"
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md      goldmark.Markdown
	writers sync.Pool // *bufio.Writer, reused by Convert
}

// New returns a Converter configured for the plan.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.NewFootnote(
				extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
					if d := n.OwnerDocument(); d != nil {
						if v, ok := d.AttributeString(footnotePrefixAttr); ok {
							return v.([]byte)
						}
					}
					return nil
				}),
				extension.WithFootnoteLinkTitle("Gå till fotnoten"),
				extension.WithFootnoteBacklinkTitle("Tillbaka till texten"),
				extension.WithFootnoteBacklinkHTML(`↩<span class="visually-hidden"> Tillbaka till texten</span>`),
			),
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				// Swedish quotation marks are the same at both ends: ”så här” and ’så här’.
				extension.LeftDoubleQuote:  "&rdquo;",
				extension.RightDoubleQuote: "&rdquo;",
				extension.LeftSingleQuote:  "&rsquo;",
				extension.RightSingleQuote: "&rsquo;",
				extension.Apostrophe:       "&rsquo;",
				extension.LeftAngleQuote:   "&raquo;",
				extension.RightAngleQuote:  "&raquo;",
				extension.EnDash:           "&ndash;",
				extension.EmDash:           "&ndash;",
				extension.Ellipsis:         "&hellip;",
			})),
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(abbreviations{}, 500))),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&safeRenderer{}, 1), util.Prioritized(abbrRenderer{}, 1)),
		),
	)
	c := &Converter{md: md}
	c.writers.New = func() any { return bufio.NewWriter(nil) }
	return c
}

const footnotePrefixAttr = "plansite-footnote-prefix"

// Options say where a piece of Markdown sits on its page.
type Options struct {
	// Shift is added to every heading level: a section's text starts at ## and sits under the section's <h2>,
	// so its headings are shifted by one.
	Shift int
	// IDs gives headings ids unique on the page; nil leaves headings without ids.
	IDs *IDs
	// FootnotePrefix keeps the footnote ids of several texts on one page apart.
	FootnotePrefix string
	// HeadingPrefix starts every heading's id, such as the id of the section the text belongs to: a heading's
	// id then depends on its section and its own words only, not on the headings before it on the page, and a
	// link to it lasts from year to year while the heading does.
	HeadingPrefix string
	// NoHeadings reports any heading as a problem (table cells, the preface).
	NoHeadings bool
	// Glossary maps abbreviations to what they stand for; each that stands as a word of its own in the text is
	// marked with <abbr title="…">.
	Glossary map[string]string
}

// Heading is a heading of the text, as rendered.
type Heading struct {
	Level int // rendered level, after Shift
	ID    string
	Text  string
	Line  int
}

// Ref is an address the text points at, with its line.
type Ref struct {
	Dest string
	Line int
}

// Issue is a problem in the text; Line counts from 1 at the text's first line.
type Issue struct {
	Line      int
	Msg, Hint string
	// Unfinished marks a gap a draft may still have, such as a picture without a text alternative (an import
	// of a Word document often gives one): a warning while the text is a draft, a problem once it is published.
	Unfinished bool
}

// Result is rendered HTML with what was learnt while rendering it.
type Result struct {
	HTML     []byte
	Headings []Heading
	Images   []Ref // local pictures, to check that they exist
	Links    []Ref
	Issues   []Issue
	Blocks   []Block // the plain text by block, for comparing revisions
}

// Convert renders src.
func (c *Converter) Convert(src []byte, opt Options) Result {
	var res Result
	ctx := parser.NewContext()
	ctx.Set(glossaryKey, opt.Glossary)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	if opt.FootnotePrefix != "" {
		doc.SetAttributeString(footnotePrefixAttr, []byte(opt.FootnotePrefix))
	}
	w := &walker{src: src, opt: opt, res: &res, lines: newLineIndex(src), prevLevel: 1}
	w.walk(doc)
	w.undefinedFootnotes(doc)
	res.Blocks = blocks(doc, src)
	// goldmark wraps any writer that is not buffered in a new 4 kB buffer; a big site converts thousands of
	// texts, so the buffered writers are reused.
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	bw := c.writers.Get().(*bufio.Writer)
	bw.Reset(&buf)
	err := c.md.Renderer().Render(bw, src, doc)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	c.writers.Put(bw)
	if err != nil {
		res.Issues = append(res.Issues, Issue{Line: 1, Msg: "texten går inte att visa: " + err.Error()})
	}
	res.HTML = buf.Bytes()
	return res
}

// walker checks and rewrites the tree before it is rendered.
type walker struct {
	src       []byte
	opt       Options
	res       *Result
	lines     lineIndex
	prevLevel int // source level of the previous heading; a section's own title counts as level 1
}

func (w *walker) issue(line int, msg, hint string) {
	w.res.Issues = append(w.res.Issues, Issue{Line: line, Msg: msg, Hint: hint})
}

func (w *walker) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling() // c may be replaced below
		switch v := c.(type) {
		case *ast.Heading:
			w.heading(v)
		case *ast.Paragraph:
			if img := soleImage(v, w.src); img != nil {
				line := w.lineOf(v)
				fig := &figure{}
				n.ReplaceChild(n, c, fig)
				fig.AppendChild(fig, img)
				w.image(img, line)
				c = next
				continue
			}
		case *ast.Image:
			w.image(v, w.lineOf(v))
		case *ast.Link:
			w.res.Links = append(w.res.Links, Ref{Dest: string(v.Destination), Line: w.lineOf(v)})
			if !safeURL(string(v.Destination)) {
				unwrap(n, v)
				c = next
				continue
			}
		case *ast.AutoLink:
			url := string(v.URL(w.src))
			if v.AutoLinkType == ast.AutoLinkURL && !safeURL(url) {
				n.ReplaceChild(n, v, ast.NewString(v.Label(w.src)))
				c = next
				continue
			}
			w.res.Links = append(w.res.Links, Ref{Dest: url, Line: w.lineOf(v)})
		}
		w.walk(c)
		c = next
	}
}

// undefinedFootnotes reports references like [^2] that goldmark left as text because no [^2]: line defines them.
func (w *walker) undefinedFootnotes(doc ast.Node) {
	if bytes.IndexByte(w.src, '^') < 0 {
		return // the text nodes are pieces of the source: without a ^ there is no reference
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || !n.HasChildren() || n.FirstChild().Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		// The text of the block as goldmark left it: a reference it did not resolve is split over text nodes.
		var b strings.Builder
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			switch t := c.(type) {
			case *ast.Text:
				if entering {
					b.Write(t.Segment.Value(w.src))
				}
			case *extast.FootnoteLink:
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
		for _, m := range undefinedRef.FindAllString(b.String(), -1) {
			w.issue(w.lineOf(n), fmt.Sprintf("fotnoten %s saknar text", m),
				fmt.Sprintf("lägg till en rad %s: … med fotnotens text, eller ta bort hänvisningen", m))
		}
		return ast.WalkSkipChildren, nil
	})
}

var undefinedRef = regexp.MustCompile(`\[\^[^\]\s]+\]`)

func (w *walker) heading(h *ast.Heading) {
	line := w.lineOf(h)
	label := plainText(h, w.src)
	switch {
	case w.opt.NoHeadings:
		w.issue(line, fmt.Sprintf("en rubrik (%s %s) där rubriker inte är tillåtna", strings.Repeat("#", h.Level), label),
			"skriv texten som ett stycke. Rubriker hör hemma i texten till ett avsnitt")
	case h.Level == 1:
		w.issue(line, fmt.Sprintf("en rubrik med # (%s) i texten", label),
			"rubriken ovanför texten kommer från titel. Börja textens egna rubriker med ##")
	case h.Level > w.prevLevel+1:
		w.issue(line, fmt.Sprintf("rubriken %q hoppar över en nivå (%s efter %s)", label,
			strings.Repeat("#", h.Level), strings.Repeat("#", w.prevLevel)),
			fmt.Sprintf("använd %s här, eftersom rubrikerna ska gå ner en nivå i taget", strings.Repeat("#", w.prevLevel+1)))
	}
	w.prevLevel = h.Level
	h.Level = min(h.Level+w.opt.Shift, 6)
	id := ""
	if w.opt.IDs != nil {
		id = w.opt.IDs.Unique(w.opt.HeadingPrefix + Slug(label))
		h.SetAttributeString("id", []byte(id))
	}
	w.res.Headings = append(w.res.Headings, Heading{Level: h.Level, ID: id, Text: label, Line: line})
}

func (w *walker) image(img *ast.Image, line int) {
	dest := string(img.Destination)
	if strings.TrimSpace(plainText(img, w.src)) == "" {
		w.issue(line, fmt.Sprintf("bilden %s saknar textalternativ", dest),
			"skriv vad bilden visar mellan hakparenteserna: ![Textalternativ]("+dest+")")
		w.res.Issues[len(w.res.Issues)-1].Unfinished = true
	}
	switch {
	case !safeURL(dest):
		w.issue(line, fmt.Sprintf("bildens adress %q är inte tillåten", dest),
			"använd en fil i revideringens mapp, till exempel figurer/bild.svg")
		img.Destination = nil
	case !isRemote(dest) && !strings.HasPrefix(dest, "#"):
		w.res.Images = append(w.res.Images, Ref{Dest: dest, Line: line})
	}
}

// unwrap replaces a link by its text.
func unwrap(parent ast.Node, link ast.Node) {
	for c := link.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, link, c)
		c = next
	}
	parent.RemoveChild(parent, link)
}

// soleImage returns the image when a paragraph holds nothing else.
func soleImage(p *ast.Paragraph, src []byte) *ast.Image {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = v
		case *ast.Text:
			if strings.TrimSpace(string(v.Segment.Value(src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// plainText is the text of a node without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var rec func(ast.Node)
	rec = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				b.Write(v.Segment.Value(src))
				if v.SoftLineBreak() || v.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(html.UnescapeString(string(v.Value)))
			case *ast.AutoLink:
				b.Write(v.Label(src))
			case *extast.FootnoteLink:
				b.WriteString(footnoteRef(v))
			case *ast.RawHTML:
				for i := 0; i < v.Segments.Len(); i++ {
					s := v.Segments.At(i)
					b.Write(s.Value(src))
				}
			default:
				rec(c)
			}
		}
	}
	rec(n)
	return strings.TrimSpace(b.String())
}

// lineOf finds the source line of a node: its own lines for blocks, its first text for inlines.
func (w *walker) lineOf(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			if l := n.Lines(); l != nil && l.Len() > 0 {
				return w.lines.line(l.At(0).Start)
			}
		}
		if t, ok := n.(*ast.Text); ok {
			return w.lines.line(t.Segment.Start)
		}
		if c, ok := n.FirstChild().(*ast.Text); ok {
			return w.lines.line(c.Segment.Start)
		}
	}
	return 1
}

// lineIndex maps byte offsets to lines.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) line(offset int) int {
	lo, hi := 0, len(l)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// safeURL allows web, mail and phone addresses and relative ones. Browsers ignore tabs and newlines inside a URL
// and leading spaces and control characters, so those are removed before the scheme is read.
func safeURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	colon := strings.IndexByte(u, ':')
	if colon < 0 {
		return true
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 && i < colon {
		return true // the colon is in the path, not after a scheme
	}
	switch strings.ToLower(u[:colon]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

func isRemote(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http:") || strings.HasPrefix(l, "https:") || strings.HasPrefix(l, "//") ||
		strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "tel:")
}

// Slug makes an id of a heading's words the way section and activity ids are written: lower case a-z, digits and
// dashes, with å, ä and ö (and other accents) as a, a and o, so that an address reads the same in every program.
// A heading with no letter or digit to keep gets "rubrik".
func Slug(s string) string {
	if id := slug.Make(s, slug.ASCII); id != "" {
		return id
	}
	return "rubrik"
}

// IDs hands out ids that are unique on one page.
type IDs struct {
	used map[string]bool
	// next is, for a base that was taken, the first suffix that may still be free: every base-n below it is
	// taken, and ids are never given back. Without it, the nth equal heading would try n-1 taken ids first, and a
	// text of 20,000 equal headings would take minutes.
	next map[string]int
}

// NewIDs returns a set in which the given ids are already taken.
func NewIDs(taken ...string) *IDs {
	s := &IDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range taken {
		s.used[id] = true
	}
	return s
}

// Unique returns base, or base-2, base-3, … when base is taken, and marks it taken.
func (s *IDs) Unique(base string) string {
	id, n := s.free(base, nil, nil)
	s.used[id] = true
	if n > 0 {
		s.next[base] = n + 1
	}
	return id
}

// free returns the id Unique would give base, with its suffix (0 for none). Ids in claimed count as taken too, and
// next, when not nil, holds suffixes found during a Claim, which override s.next.
func (s *IDs) free(base string, claimed map[string]bool, next map[string]int) (string, int) {
	if !s.used[base] && !claimed[base] {
		return base, 0
	}
	n, ok := next[base]
	if !ok {
		n = max(s.next[base], 2)
	}
	for {
		id := base + "-" + strconv.Itoa(n)
		if !s.used[id] && !claimed[id] {
			return id, n
		}
		n++
	}
}

// Claim gives the headings with the slugs bases, in order, the ids Unique would give them, and reports whether
// those are want. When they are not, nothing is marked taken: a text converted on another page can be reused on
// this one only if its headings get the same ids here.
func (s *IDs) Claim(bases, want []string) bool {
	if len(bases) != len(want) {
		return false
	}
	claimed := map[string]bool{}
	next := map[string]int{}
	for i, base := range bases {
		id, n := s.free(base, claimed, next)
		if id != want[i] {
			return false
		}
		claimed[id] = true
		if n > 0 {
			next[base] = n + 1
		}
	}
	for id := range claimed {
		s.used[id] = true
	}
	for base, n := range next {
		s.next[base] = n
	}
	return true
}

// Take marks an id as taken, reporting whether it was free.
func (s *IDs) Take(id string) bool {
	if s.used[id] {
		return false
	}
	s.used[id] = true
	return true
}

// figure is a picture on a paragraph of its own, rendered with its caption.
type figure struct {
	ast.BaseBlock
}

var kindFigure = ast.NewNodeKind("Figure")

func (f *figure) Kind() ast.NodeKind            { return kindFigure }
func (f *figure) Dump(source []byte, level int) { ast.DumpHelper(f, source, level, nil, nil) }

// safeRenderer renders what must never reach the page as code, and figures.
type safeRenderer struct{}

func (r *safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(kindFigure, r.figure)
	reg.Register(extast.KindFootnoteList, r.footnoteList)
	reg.Register(extast.KindStrikethrough, r.strikethrough)
}

// strikethrough writes ~~text~~ as <s>, text that is no longer accurate, and not as GFM's <del>: on this site
// <ins> and <del> mark the words a comparison found added and removed, and a screen reader is told so
// (style.css), which would be wrong for text struck through in the plan itself.
func (r *safeRenderer) strikethrough(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<s>")
	} else {
		_, _ = w.WriteString("</s>")
	}
	return ast.WalkContinue, nil
}

// rawHTML shows inline HTML as the text it is.
func (r *safeRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			s := segs.At(i)
			_, _ = w.WriteString(html.EscapeString(string(s.Value(src))))
		}
	}
	return ast.WalkSkipChildren, nil
}

// htmlBlock shows a block of HTML as a paragraph of text.
func (r *safeRenderer) htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var t strings.Builder
	for i := 0; i < b.Lines().Len(); i++ {
		s := b.Lines().At(i)
		t.Write(s.Value(src))
	}
	if b.HasClosure() {
		t.Write(b.ClosureLine.Value(src))
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.WriteString(html.EscapeString(strings.TrimSpace(t.String())))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func (r *safeRenderer) figure(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	img, _ := n.FirstChild().(*ast.Image)
	if img == nil {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<figure><img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(img.Destination, true)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.WriteString(html.EscapeString(plainText(img, src)))
	_, _ = w.WriteString(`">`)
	if len(img.Title) > 0 {
		_, _ = w.WriteString("<figcaption>")
		_, _ = w.WriteString(html.EscapeString(string(img.Title)))
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}

// footnoteList is goldmark's list with a Swedish name for screen readers and no rule above it.
func (r *safeRenderer) footnoteList(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="footnotes" role="doc-endnotes" aria-label="Fotnoter"><ol>` + "\n")
	} else {
		_, _ = w.WriteString("</ol></div>\n")
	}
	return ast.WalkContinue, nil
}
