package markdown

// Abbreviations: every abbreviation of the plan's glossary that stands as a word of its own in the text becomes
// <abbr title="…">, so a reader can see what it stands for where it is used. It is done on the tree, as goldmark's
// own footnote extension does its work: the text nodes are split around each abbreviation, never inside code, raw
// HTML or a picture's text alternative.

import (
	"html"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAbbr is the kind of an Abbr node.
var KindAbbr = ast.NewNodeKind("Abbr")

// Abbr is an abbreviation in the text; its child is the abbreviation's text.
type Abbr struct {
	ast.BaseInline
	Title string // what the abbreviation stands for
}

// Kind implements ast.Node.
func (n *Abbr) Kind() ast.NodeKind { return KindAbbr }

// Dump implements ast.Node.
func (n *Abbr) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": n.Title}, nil)
}

var glossaryKey = parser.NewContextKey()

// abbreviations marks the glossary's abbreviations, which Convert puts in the parser's context.
type abbreviations struct{}

// Transform implements parser.ASTTransformer.
func (abbreviations) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	glossary, _ := pc.Get(glossaryKey).(map[string]string)
	if len(glossary) == 0 {
		return
	}
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.RawHTML, *ast.HTMLBlock, *ast.Image, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !v.IsRaw() {
				texts = append(texts, v)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		split(t, src, glossary)
	}
}

// split replaces the text node t by pieces of text and Abbr nodes, when it holds an abbreviation. The line break
// that ends t ends its last piece, after any abbreviation.
func split(t *ast.Text, src []byte, glossary map[string]string) {
	seg := t.Segment
	s := src[seg.Start:seg.Stop]
	parent := t.Parent()
	at := seg.Start // the start of the text not yet placed
	found := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if r == '&' { // an entity such as &amp;: its letters are not a word
			end := i + n
			for k := end; k < len(s) && k < i+12; k++ {
				if s[k] == ';' {
					end = k + 1
					break
				}
			}
			i = end
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRune(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += n
		}
		long, ok := glossary[string(s[start:i])]
		if !ok {
			continue
		}
		found = true
		if seg.Start+start > at {
			parent.InsertBefore(parent, t, piece(t, text.NewSegment(at, seg.Start+start)))
		}
		a := &Abbr{Title: long}
		a.AppendChild(a, piece(t, text.NewSegment(seg.Start+start, seg.Start+i)))
		parent.InsertBefore(parent, t, a)
		at = seg.Start + i
	}
	if !found {
		return
	}
	rest := piece(t, text.NewSegment(at, seg.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	parent.ReplaceChild(parent, t, rest)
}

// piece is a text node for part of t.
func piece(t *ast.Text, seg text.Segment) *ast.Text {
	p := ast.NewTextSegment(seg)
	p.SetRaw(t.IsRaw())
	return p
}

// abbrRenderer writes an Abbr node.
type abbrRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (abbrRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAbbr, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<abbr title="` + html.EscapeString(n.(*Abbr).Title) + `">`)
		} else {
			_, _ = w.WriteString("</abbr>")
		}
		return ast.WalkContinue, nil
	})
}
