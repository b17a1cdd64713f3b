// Package slug makes the words of a text into an id or a part of an address: lower-case letters and digits joined
// by single dashes. Every id the site makes from text, and every id plansite suggests, comes from Make.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Strategy says which letters a slug keeps.
type Strategy int

const (
	// ASCII spells every letter in ASCII: å and ä become a, ö becomes o, é becomes e, æ becomes ae. Letters of
	// other scripts, which have no such spelling, are left out. For heading ids and names in addresses.
	ASCII Strategy = iota
	// Swedish is ASCII, but keeps å, ä and ö, as the ids of sections and activities may.
	Swedish
)

// Make returns the slug of s, or "" when s has no letter or digit to keep. Anything that is neither a letter nor a
// digit separates words; the slug neither starts nor ends with a dash.
func Make(s string, st Strategy) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(s) {
		r = unicode.ToLower(r)
		var keep string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			keep = string(r)
		case st == Swedish && (r == 'å' || r == 'ä' || r == 'ö'):
			keep = string(r)
		case folded[r] != "":
			keep = folded[r]
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			keep = ascii(r)
			if keep == "" {
				continue // a letter of another script: no ASCII spelling to give it
			}
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(keep)
	}
	return b.String()
}

// ascii is the letter without its accents, when that is an ASCII letter or digit: é is e and å is a.
func ascii(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case d >= 'a' && d <= 'z' || d >= '0' && d <= '9':
			b.WriteRune(d)
		default:
			return ""
		}
	}
	return b.String()
}

// folded are the letters that do not decompose into a Latin letter and an accent.
var folded = map[rune]string{'æ': "ae", 'ø': "o", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'þ': "th", 'ð': "d", 'ı': "i"}
