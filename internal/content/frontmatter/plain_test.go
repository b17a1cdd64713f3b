package frontmatter

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestStableIsNFC: every character stable accepts is in NFC, a starter that nothing before it combines with, and
// allowed in content, so a text of them and ASCII is in NFC and Parse may skip normalize and invisibleChars.
func TestStableIsNFC(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		if !stable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() || forbidden(r) || r == 0xfeff {
			t.Errorf("U+%04X is not stable", r)
		}
	}
}

// TestPlain: a file plain accepts is left as it is by normalize and has nothing invisibleChars reports; one it
// refuses goes the long way.
func TestPlain(t *testing.T) {
	for _, c := range []struct {
		src   string
		plain bool
	}{
		{"---\ntitel: Rutin vid oro – så gör du\n---\nÅtgärder ”nu”, 5 €.\n", true},
		{"\ufeff---\n", false},                // a byte-order mark
		{"---\r\ntitel: a\r\n---\r\n", false}, // CRLF
		{"a\u030a", false},                    // å as a and a combining ring
		{"\u212b", false},                     // the Ångström sign, Å in NFC
		{"a\x00b", false},
		{"a\u0085b", false}, // NEL
		{"a\u2028b", false},
		{"tab\there", true},
		{"eight ascii bytes and then a\x01 control", false},
		{"eight ascii bytes and then DEL\x7f", false},
		{"eight ascii bytes and then invalid \xff UTF-8", false},
		{"eight ascii bytes and then \xc3", false}, // cut short
		{"åäöÅÄÖ and some ASCII, enough for a few steps of eight – ”yes”", true},
	} {
		if got := plain([]byte(c.src)); got != c.plain {
			t.Errorf("plain(%q) = %v, want %v", c.src, got, c.plain)
		}
		if c.plain {
			if n := string(normalize([]byte(c.src))); n != c.src {
				t.Errorf("normalize(%q) = %q", c.src, n)
			}
		}
	}
}

// TestPlainEightAtATime: plain, which looks at ASCII eight bytes at a time, says what a look at each character
// says, wherever in the eight the character that decides stands.
func TestPlainEightAtATime(t *testing.T) {
	one := func(src []byte) bool {
		if !utf8.Valid(src) {
			return false
		}
		for _, r := range string(src) {
			if r < utf8.RuneSelf && (r < 0x20 && r != '\t' && r != '\n' || r == 0x7f) || r >= utf8.RuneSelf && !stable(r) {
				return false
			}
		}
		return true
	}
	pieces := []string{"a", "b", " ", "\t", "\n", "\r", "\x01", "\x1f", "\x7f", "~", "å", "–", "\u030a", "\xff", "\xc3"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b []byte
		for range rng.IntN(40) {
			if rng.IntN(4) == 0 {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			} else {
				b = append(b, pieces[rng.IntN(3)]...)
			}
		}
		if got, want := plain(b), one(b); got != want {
			t.Fatalf("plain(%q) = %v, want %v", b, got, want)
		}
	}
}
