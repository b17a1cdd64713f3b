package document

import (
	"regexp"
	"strings"
	"sync"
)

// This file holds what both readers and the shaping need to read and write text: excerpts for messages, the
// characters the content format forbids, plain text from inline Markdown and HTML, and what a table of contents
// looks like.

// Excerpt shortens a text for a message.
func Excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 60 {
		return "”" + string(r[:57]) + "…”"
	}
	return "”" + s + "”"
}

// Clean replaces the characters the content format forbids (internal/content rejects them: they are invisible,
// and YAML and HTML read them wrongly) with what they stand for: a line separator is a line break, the rest is
// removed. It returns how many it replaced.
func Clean(s string) (string, int) {
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

// Cleaned is s with Clean applied.
func Cleaned(s string) string {
	s, _ = Clean(s)
	return s
}

// PlainMarkdown strips emphasis markers and escapes from inline Markdown, for titles and captions.
func PlainMarkdown(s string) string {
	var b strings.Builder
	esc := false
	for _, r := range s {
		switch {
		case esc:
			b.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == '*':
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tagRe matches the inline HTML tags a converter leaves in a text export.
var tagRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)</?(?:b|strong|i|em|p|span)\s*>`) })

// StripTags removes the inline HTML tags a converter leaves in a text export (<b>, <i>, <p>, <span> …).
func StripTags(s string) string { return tagRe().ReplaceAllString(s, "") }

// Markdown is the figure as a Markdown image, linked from the revision's figurer/ folder.
func (f *Figure) Markdown() string {
	alt := strings.NewReplacer("\\", "\\\\", "[", "\\[", "]", "\\]", "\n", " ").Replace(f.Alt)
	s := "![" + alt + "](figurer/" + f.Name
	if f.Title != "" {
		s += ` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(f.Title) + `"`
	}
	return s + ")"
}

// SafeExt reports whether ext (lower case, with the dot) is a picture format the import keeps under its own name.
func SafeExt(ext string) bool {
	switch ext {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".emf", ".wmf", ".bmp", ".tif", ".tiff":
		return true
	}
	return false
}

var (
	leaderRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\.{4,}|…{2,}|\t)\s*\d+\s*$`) })
	tocHeading = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i)(innehåll|innehållsförteckning|contents|table of contents)\s*:?$`)
	})
)

// TOCHeading reports whether text is the heading of a table of contents ("Innehåll", "Contents" …).
func TOCHeading(text string) bool { return tocHeading().MatchString(text) }

// TOCEntry reports whether a line ends as an entry of a table of contents does: dot leaders or a tab, then a page
// number.
func TOCEntry(line string) bool { return leaderRe().MatchString(line) }
