package compare

// Words: text split into word tokens, and the word-by-word comparison of two texts with go-udiff's LCS, cleaned up
// so that a changed phrase reads as one deletion and one insertion rather than alternating fragments.

import (
	"strings"
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
// apostrophes, so "VBE-samordnaren", "2020/2021" and "1,5" are one word each), or one punctuation mark. Each token
// remembers the space before it, so the text can be put back together exactly.
type words struct {
	keys   []string // the tokens, for comparing
	spaces []string // the white space before each token
	tail   string   // white space after the last token
}

func split(s string) words {
	var w words
	i := 0
	space := func() string {
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		return s[start:i]
	}
	for {
		sp := space()
		if i >= len(s) {
			w.tail = sp
			return w
		}
		start := i
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isWordRune(r) {
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if strings.ContainsRune("-.,/:'’", r) && i+n < len(s) {
					if next, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(next) {
						i += n
						continue
					}
				}
				break
			}
		}
		w.keys = append(w.keys, s[start:i])
		w.spaces = append(w.spaces, sp)
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// text puts tokens [from, to) back together with their spaces; lead says whether to keep the space before the
// first one.
func (w words) text(from, to int, lead bool) string {
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from || lead {
			b.WriteString(w.spaces[k])
		}
		b.WriteString(w.keys[k])
	}
	return b.String()
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
			lead = b.spaces[e.ReplStart]
		} else if e.Start < len(a.keys) && e.End > e.Start {
			lead = a.spaces[e.Start]
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
	add(Equal, b.tail)
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
