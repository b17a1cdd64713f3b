package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// xnode is an element of a .docx part. The parts a plan uses are small (a few MB for a hundred pages), so a tree is
// simpler to walk correctly than a stream, and the limits below keep a hostile file from making it large.
type xnode struct {
	space, local string
	attr         []xml.Attr
	kids         []*xnode
	text         string // the character data directly inside, e.g. the text of w:t
}

const (
	maxDepth = 200     // Word nests a handful of levels; deeper is an attack on the walker's stack
	maxNodes = 2000000 // about ten times the elements of a hundred-page plan
)

var errTooDeep = errors.New("XML-strukturen är för djup")
var errTooLarge = errors.New("XML-delen har för många element")

// parseXML reads a whole part into a tree.
func parseXML(data []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	// Word writes UTF-8; a part that declares another charset is not one Word wrote.
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return input, nil
		}
		return nil, errors.New("teckenkodningen " + label + " stöds inte")
	}
	root := &xnode{}
	stack := []*xnode{root}
	nodes := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			nodes++
			if nodes > maxNodes {
				return nil, errTooLarge
			}
			if len(stack) > maxDepth {
				return nil, errTooDeep
			}
			n := &xnode{space: t.Name.Space, local: t.Name.Local, attr: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if top != root {
				top.text += string(t)
			}
		}
	}
	if len(root.kids) == 0 {
		return nil, errors.New("delen har inget innehåll")
	}
	return root.kids[0], nil
}

// The WordprocessingML namespaces: transitional, as Word and LibreOffice write it, and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// w reports whether n is the WordprocessingML element local.
func (n *xnode) w(local string) bool {
	return n.local == local && (n.space == nsW || n.space == nsWStrict)
}

// child returns the first WordprocessingML child named local, or nil.
func (n *xnode) child(local string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.w(local) {
			return k
		}
	}
	return nil
}

// attr returns the value of the attribute with the local name, in any namespace: w:val, r:id and the
// unprefixed attributes of drawings all have distinct local names where the importer reads them.
func (n *xnode) attr1(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// val is the w:val of the child named local, and whether the child is there.
func (n *xnode) val(local string) (string, bool) {
	c := n.child(local)
	if c == nil {
		return "", false
	}
	return c.attr1("val"), true
}

// on reads a toggle property such as w:b: present means on, unless its value says off.
func (n *xnode) on(local string) (bool, bool) {
	v, ok := n.val(local)
	if !ok {
		return false, false
	}
	switch v {
	case "0", "false", "off":
		return false, true
	}
	return true, true
}

// find calls f for n and every element below it, depth first, until f returns false for a subtree.
func (n *xnode) find(f func(*xnode) bool) {
	if !f(n) {
		return
	}
	for _, k := range n.kids {
		k.find(f)
	}
}
