package frontmatter

import (
	"testing"

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
