package markdown

// Blocks: the text of a document as the reader sees it, split into the units that revisions are compared by —
// headings, paragraphs, list items, table rows, footnotes and figures — without markup.

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// BlockKind says what a Block is.
type BlockKind uint8

// The kinds of block.
const (
	Paragraph BlockKind = iota
	HeadingBlock
	Item     // a list item; Level is its depth, from 1
	Row      // a table row; Cells holds its cells
	Footnote // a footnote's text; Level is its number
	Figure   // a picture on its own line; Text is its text alternative and caption
	Code     // a code block
)

// Block is one unit of a document's plain text.
type Block struct {
	Kind  BlockKind
	Level int
	Text  string   // for a Row, its cells joined by " | "
	Cells []string // a Row's cells
}

// blocks collects the blocks of a parsed document in reading order.
func blocks(doc ast.Node, src []byte) []Block {
	c := &collector{src: src}
	c.children(doc)
	return c.out
}

type collector struct {
	src   []byte
	out   []Block
	depth int // of lists
}

func (c *collector) children(n ast.Node) {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		c.visit(k)
	}
}

func (c *collector) add(kind BlockKind, level int, text string) {
	c.out = append(c.out, Block{Kind: kind, Level: level, Text: text})
}

func (c *collector) visit(n ast.Node) {
	switch v := n.(type) {
	case *ast.Heading:
		c.add(HeadingBlock, v.Level, plainText(v, c.src))
	case *ast.Paragraph, *ast.TextBlock:
		c.add(Paragraph, 0, plainText(v, c.src))
	case *figure:
		c.add(Figure, 0, figureText(v, c.src))
	case *ast.List:
		c.depth++
		c.children(v)
		c.depth--
	case *ast.ListItem:
		// The item's own text, then its nested lists and other blocks as blocks of their own.
		var own []string
		for k := v.FirstChild(); k != nil; k = k.NextSibling() {
			switch k.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				own = append(own, plainText(k, c.src))
			}
		}
		c.add(Item, c.depth, strings.Join(own, " "))
		for k := v.FirstChild(); k != nil; k = k.NextSibling() {
			switch k.(type) {
			case *ast.Paragraph, *ast.TextBlock:
			default:
				c.visit(k)
			}
		}
	case *extast.TableHeader, *extast.TableRow:
		var cells []string
		for cell := v.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, plainText(cell, c.src))
		}
		c.out = append(c.out, Block{Kind: Row, Text: strings.Join(cells, " | "), Cells: cells})
	case *extast.Footnote:
		var parts []string
		for k := v.FirstChild(); k != nil; k = k.NextSibling() {
			parts = append(parts, plainText(k, c.src))
		}
		c.add(Footnote, v.Index, strings.Join(parts, " "))
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			b.Write(s.Value(c.src))
		}
		c.add(Code, 0, strings.TrimRight(b.String(), "\n"))
	default:
		c.children(n)
	}
}

func figureText(f *figure, src []byte) string {
	img, _ := f.FirstChild().(*ast.Image)
	if img == nil {
		return ""
	}
	t := "Bild: " + plainText(img, src)
	if len(img.Title) > 0 {
		t += " – " + string(img.Title)
	}
	return t
}

func footnoteRef(v *extast.FootnoteLink) string { return "[" + strconv.Itoa(v.Index) + "]" }
