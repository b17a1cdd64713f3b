package markdown

// Rendering a text once: most texts repeat from one revision to the next, and the live preview renders the whole
// site after every save.

import (
	"html/template"
	"maps"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/memo"
)

// Memo renders with a Converter and keeps what it rendered for the rest of the render and the next one (see
// package memo). It is safe for concurrent use.
type Memo struct {
	c        *Converter
	mu       sync.Mutex
	texts    *memo.Map[memoKey, *Rendered]
	glossary map[string]string // the abbreviations the kept texts were marked with
}

// NewMemo returns a Memo that has rendered nothing.
func NewMemo(c *Converter) *Memo {
	return &Memo{c: c, texts: memo.New[memoKey, *Rendered]()}
}

// Rendered is a text rendered. It is shared and must not be changed.
type Rendered struct {
	Result
	HTML       template.HTML // Result.HTML, for the layouts
	bases, ids []string      // the headings' slugs and the ids they were given

	plainOnce sync.Once
	plainText string
}

// Plain is the text of the blocks, separated by spaces.
func (r *Rendered) Plain() string {
	r.plainOnce.Do(func() {
		texts := make([]string, len(r.Blocks))
		for i, bl := range r.Blocks {
			texts[i] = bl.Text
		}
		r.plainText = strings.Join(texts, " ")
	})
	return r.plainText
}

// memoKey is what a rendering depends on, apart from the glossary and the ids a page has already given.
type memoKey struct {
	src        string
	shift      int
	prefix     string // for footnote ids
	headings   string // the start of heading ids
	noHeadings bool
	ids        bool // headings get ids unique on the page
}

// Begin starts a render with the glossary: the kept texts are dropped when it differs from the last render's, as
// they have the old glossary's abbreviations marked in them.
func (m *Memo) Begin(glossary map[string]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !maps.Equal(glossary, m.glossary) {
		m.texts = memo.New[memoKey, *Rendered]()
		m.glossary = glossary
	}
}

// Next ends a render that succeeded: the texts it did not ask for are dropped.
func (m *Memo) Next() { m.current().Next() }

// current is the map of the glossary in use.
func (m *Memo) current() *memo.Map[memoKey, *Rendered] {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.texts
}

// Convert renders src with the glossary of Begin. Without heading ids (opt.IDs nil) a text depends on nothing else;
// with them, a kept rendering is used when its headings get the same ids on this page as where it was rendered, as
// a fresh rendering would give them.
func (m *Memo) Convert(src string, opt Options) *Rendered {
	texts := m.current()
	k := memoKey{src, opt.Shift, opt.FootnotePrefix, opt.HeadingPrefix, opt.NoHeadings, opt.IDs != nil}
	fresh := func() *Rendered {
		opt.Glossary = m.glossary
		res := m.c.Convert([]byte(src), opt)
		r := &Rendered{Result: res, HTML: template.HTML(res.HTML)}
		for _, h := range res.Headings {
			r.bases = append(r.bases, opt.HeadingPrefix+Slug(h.Text))
			r.ids = append(r.ids, h.ID)
		}
		return r
	}
	if opt.IDs == nil {
		return texts.Get(k, fresh)
	}
	if r, ok := texts.Lookup(k); ok && opt.IDs.Claim(r.bases, r.ids) {
		return r
	}
	r := fresh()
	texts.Put(k, r)
	return r
}
