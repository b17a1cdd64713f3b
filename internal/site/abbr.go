package site

// Abbreviations on the pages: every abbreviation of the glossary in the text becomes <abbr title="…">, so a reader
// can see what it stands for where it is used.

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/content"
)

// abbreviator marks abbreviations in rendered HTML.
type abbreviator struct {
	long map[string]string // abbreviation → what it stands for
}

func newAbbreviator(list []content.Abbreviation) *abbreviator {
	if len(list) == 0 {
		return nil
	}
	a := &abbreviator{long: map[string]string{}}
	for _, e := range list {
		a.long[e.Short] = e.Long
	}
	return a
}

// mark wraps each abbreviation that stands as a word of its own in the text of h — never inside a tag, an
// attribute, an existing <abbr>, or code — in <abbr title="…">. It expects the well-formed HTML goldmark writes.
func (a *abbreviator) mark(h string) string {
	if a == nil {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + len(h)/8)
	skip := 0 // depth inside <abbr>, <code> or <pre>
	for len(h) > 0 {
		if h[0] == '<' {
			end := strings.IndexByte(h, '>')
			if end < 0 {
				b.WriteString(h)
				break
			}
			tag := h[:end+1]
			switch tagName(tag) {
			case "abbr", "code", "pre":
				if strings.HasPrefix(tag, "</") {
					skip = max(skip-1, 0)
				} else {
					skip++
				}
			}
			b.WriteString(tag)
			h = h[end+1:]
			continue
		}
		next := strings.IndexByte(h, '<')
		if next < 0 {
			next = len(h)
		}
		text := h[:next]
		h = h[next:]
		if skip > 0 {
			b.WriteString(text)
			continue
		}
		a.markText(&b, text)
	}
	return b.String()
}

// tagName is the lower-case name of a tag such as <abbr title="x">, </code> or <br/>.
func tagName(tag string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(tag, "<"), "/")
	end := strings.IndexAny(t, " \t\n/>")
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end])
}

// markText marks the words of a run of text (already escaped HTML, whose entities have no letters to match).
func (a *abbreviator) markText(b *strings.Builder, text string) {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '&' { // an entity such as &amp; or &#39;: copy it whole
			end := i + n
			if semi := strings.IndexByte(text[end:], ';'); semi >= 0 && semi < 10 {
				end += semi + 1
			}
			b.WriteString(text[i:end])
			i = end
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += n
		}
		word := text[start:i]
		if long, ok := a.long[word]; ok {
			b.WriteString(`<abbr title="` + html.EscapeString(long) + `">` + word + `</abbr>`)
		} else {
			b.WriteString(word)
		}
	}
}
