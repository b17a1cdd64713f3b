package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplitKeepsSwedishWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Återvändare från krigsdrabbade områden", "Återvändare|från|krigsdrabbade|områden"},
		{"VBE-samordnaren, 725 av 955.", "VBE-samordnaren|,|725|av|955|."},
		{"vid årsskiftet 2020/2021 – ”se”", "vid|årsskiftet|2020/2021|–|”|se|”"},
		{"  Ö-vägen  ", "Ö-vägen"},
		{"", ""},
	} {
		if got := strings.Join(split(c.in).keys, "|"); got != c.want {
			t.Errorf("split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDiffWordsWhole checks that words with å, ä and ö change as whole words, never letter by letter, and that the
// text is put back together exactly from the spans of either side.
func TestDiffWordsWhole(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"förebyggande arbete", "förebyggandet av arbete", "[-förebyggande-]{+förebyggandet av+} arbete"},
		{"Stöd till anhöriga.", "Stöd till äldre anhöriga.", "Stöd till {+äldre+} anhöriga."},
		{"Under 2020 får detta hög prioritet", "Under 2021 får detta fortsatt hög prioritet", "Under [-2020-]{+2021+} får detta {+fortsatt+} hög prioritet"},
		{"samma text", "samma text", "samma text"},
	} {
		spans, _ := diffWords(split(c.a), split(c.b))
		var got, oldText, newText strings.Builder
		for _, s := range spans {
			switch s.Op {
			case Insert:
				got.WriteString("{+" + s.Text + "+}")
				newText.WriteString(s.Text)
			case Delete:
				got.WriteString("[-" + s.Text + "-]")
				oldText.WriteString(s.Text)
			default:
				got.WriteString(s.Text)
				oldText.WriteString(s.Text)
				newText.WriteString(s.Text)
			}
		}
		if got.String() != c.want {
			t.Errorf("diff %q → %q = %q, want %q", c.a, c.b, got.String(), c.want)
		}
		if norm(oldText.String()) != norm(c.a) || norm(newText.String()) != norm(c.b) {
			t.Errorf("spans of %q → %q do not give back the texts: %q, %q", c.a, c.b, oldText.String(), newText.String())
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSplitAsWritten: split finds the tokens that a character-by-character reading with unicode's classes finds,
// and the space before each and after the last; its look-up of ASCII characters must not change them.
func TestSplitAsWritten(t *testing.T) {
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	reference := func(s string) (keys, spaces []string, tail string) {
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
				return keys, spaces, sp
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
			keys = append(keys, s[start:i])
			spaces = append(spaces, sp)
		}
	}
	pieces := []string{"a", "Ö", "7", " ", "\t", "\n", "\u00a0", "\u0085", "\u2003", "-", ".", ",", "/", ":", "'", "’",
		"–", "!", "\"", "\u0301", "\xff", "_", "\x00", "\x7f", "”"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		keys, spaces, tail := reference(s)
		w := split(s)
		ok := slices.Equal(w.keys, keys) && w.tail() == tail
		for k := range w.keys {
			ok = ok && w.space(k) == spaces[k]
		}
		if !ok {
			t.Fatalf("split(%q) = %q, want %q", s, w.keys, keys)
		}
	}
}
