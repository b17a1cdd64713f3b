package compare

// Words: text split into word tokens, and the word-by-word comparison of two texts with go-udiff's LCS, cleaned up
// so that a changed phrase reads as one deletion and one insertion rather than alternating fragments.

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff/lcs"
)

// Op says whether a span of text is in both revisions, only the new one or only the old one.
type Op uint8

// The operations of a Span.
const (
	Equal Op = iota
	Insert
	Delete
)

// Span is a run of text with its operation. Text keeps the spaces between words.
type Span struct {
	Op   Op
	Text string
}

// words is a text split into tokens: a word (letters and digits, with inner hyphens, dots, commas, slashes and
// apostrophes, so "VBE-samordnaren", "2020/2021" and "1,5" are one word each), or one punctuation mark. The text
// is kept with where each token starts, so that the white space before a token, and any run of tokens with the
// spaces between them, is a piece of the text as it was written.
type words struct {
	src   string
	keys  []string // the tokens, for comparing
	start []int32  // where each token starts in src
}

// end is where token k ends in src; the end of token -1 is the start of src.
func (w words) end(k int) int {
	if k < 0 {
		return 0
	}
	return int(w.start[k]) + len(w.keys[k])
}

// space is the white space before token k.
func (w words) space(k int) string { return w.src[w.end(k-1):w.start[k]] }

// tail is the white space after the last token.
func (w words) tail() string { return w.src[w.end(len(w.keys)-1):] }

func split(s string) words {
	sc := scratch.Get().(*tokenScratch)
	for i := 0; ; {
		start, end := nextToken(s, i)
		if start < 0 {
			break
		}
		sc.keys = append(sc.keys, s[start:end])
		sc.start = append(sc.start, int32(start))
		i = end
	}
	w := words{src: s, keys: slices.Clone(sc.keys), start: slices.Clone(sc.start)}
	clear(sc.keys)
	sc.keys, sc.start = sc.keys[:0], sc.start[:0]
	scratch.Put(sc)
	return w
}

// tokenScratch is where split gathers a text's tokens before it copies them, at their number, into the words.
type tokenScratch struct {
	keys  []string
	start []int32
}

var scratch = sync.Pool{New: func() any { return new(tokenScratch) }}

// nextToken returns where the first token of s from i on starts and ends, or -1, -1 when only space is left.
func nextToken(s string, i int) (int, int) {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isSpace(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return -1, -1
	}
	start := i
	r, n := runeAt(s, i)
	i += n
	if isWord(r) {
		for i < len(s) {
			r, n := runeAt(s, i)
			if isWord(r) {
				i += n
				continue
			}
			if joins(r) && i+n < len(s) {
				if next, _ := runeAt(s, i+n); isWord(next) {
					i += n
					continue
				}
			}
			break
		}
	}
	return start, i
}

// runeAt decodes the character at s[i], ASCII at once.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// joins reports whether r joins two words into one: "VBE-samordnaren", "2020/2021", "1,5".
func joins(r rune) bool {
	switch r {
	case '-', '.', ',', '/', ':', '\'', '’':
		return true
	}
	return false
}

// asciiKind is what each ASCII character is to split, as unicode says: space, part of a word, or neither.
var asciiKind = func() (k [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsSpace(c):
			k[c] = kindSpace
		case isWordRune(c):
			k[c] = kindWord
		}
	}
	return k
}()

const (
	kindSpace = 1 + iota
	kindWord
)

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiKind[r] == kindSpace
	}
	return unicode.IsSpace(r)
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiKind[r] == kindWord
	}
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// text is tokens [from, to) with the spaces between them; lead says whether to keep the space before the first
// one. It is a piece of the text, not a copy.
func (w words) text(from, to int, lead bool) string {
	if from >= to {
		return ""
	}
	i := int(w.start[from])
	if lead {
		i = w.end(from - 1)
	}
	return w.src[i:w.end(to-1)]
}

// diffWords compares two texts word by word. It returns the spans and the share of tokens in common (0 to 1).
func diffWords(a, b words) ([]Span, float64) {
	edits := cleanup(diffKeys(a.keys, b.keys), a, b)
	var spans []Span
	add := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += s
			return
		}
		spans = append(spans, Span{op, s})
	}
	pa, pb, same := 0, 0, 0
	for _, e := range edits {
		if e.Start > pa {
			add(Equal, b.text(pb, e.ReplStart, true))
			same += e.Start - pa
		}
		// Spaces belong outside the marks: " <del>old</del><ins>new</ins>" reads better than "<del> old</del>".
		lead := ""
		if e.ReplStart < len(b.keys) && e.ReplEnd > e.ReplStart {
			lead = b.space(e.ReplStart)
		} else if e.Start < len(a.keys) && e.End > e.Start {
			lead = a.space(e.Start)
		}
		add(Equal, lead)
		add(Delete, a.text(e.Start, e.End, false))
		add(Insert, b.text(e.ReplStart, e.ReplEnd, false))
		pa, pb = e.End, e.ReplEnd
	}
	if pa < len(a.keys) {
		add(Equal, b.text(pb, len(b.keys), true))
		same += len(a.keys) - pa
	}
	add(Equal, b.tail())
	total := len(a.keys) + len(b.keys)
	if total == 0 {
		return spans, 1
	}
	return spans, 2 * float64(same) / float64(total)
}

// diffKeys runs the LCS on what follows the common prefix: most edits touch a few words of a block.
func diffKeys(a, b []string) []lcs.Diff {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	// Only the prefix: trimming a common suffix too would tie a sentence's final full stop to the old sentence
	// and start the inserted one with it.
	edits := lcs.DiffLines(a[pre:], b[pre:])
	for i := range edits {
		edits[i].Start += pre
		edits[i].End += pre
		edits[i].ReplStart += pre
		edits[i].ReplEnd += pre
	}
	return edits
}

// cleanup merges two edits separated by a short run of equal tokens — at most two words, or only punctuation —
// into one, when the run is shorter than the edits around it. Without it, a reworded phrase that happens to share
// "och" or "i" with the old one shows as alternating fragments.
func cleanup(edits []lcs.Diff, a, b words) []lcs.Diff {
	if len(edits) < 2 {
		return edits
	}
	out := []lcs.Diff{edits[0]}
	for _, e := range edits[1:] {
		last := &out[len(out)-1]
		gap := e.Start - last.End
		changed := max(last.End-last.Start, last.ReplEnd-last.ReplStart, e.End-e.Start, e.ReplEnd-e.ReplStart)
		if gap <= 2 && gap < changed && !hasNumber(a.keys[last.End:e.Start]) {
			last.End, last.ReplEnd = e.End, e.ReplEnd
			continue
		}
		out = append(out, e)
	}
	return out
}

// hasNumber keeps figures as their own context: "725 av 955" stays readable when only one number changes.
func hasNumber(keys []string) bool {
	for _, k := range keys {
		if r, _ := utf8.DecodeRuneInString(k); unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
