// Package search builds the site's search index at build time: the plan's sections, subsections and activity rows
// as documents, their words folded, stemmed with a Swedish Snowball stemmer, split into compound parts and joined
// with the glossary's abbreviations, and ranked BM25-style. The index is written in small shards so the browser
// loads only what a query needs; the browser script (layouts/assets/sok.js) folds and splits a query exactly as
// Tokens does here, which testdata/tokens.golden proves for both.
package search

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text as the index sees it.
type Token struct {
	Form      string // lower case, as written (with å, ä, ö)
	Key       string // folded: no diacritics, so "återvändare" and "atervandare" meet
	Secondary bool   // a part of a hyphenated word, or a word joined with the one before it
}

// Fold lower-cases s and removes diacritics: "Återvändare" becomes "atervandare". Letters that are not a base
// letter with marks (ß, æ, ø) are kept as they are.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	// Swedish text is Latin letters: each folds on its own, so the table of them folds the word in one pass.
	// Any other letter, or a combining mark, takes the general way.
	table := latinFolds()
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r >= latinEnd {
			return foldAny(s)
		}
		b = append(b, table[r]...)
	}
	return string(b)
}

// foldAny is Fold for any text: lower case, decomposed, without its combining marks.
func foldAny(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinEnd is the first letter after Latin Extended-B, below which no letter is a combining mark: folding a word
// of such letters is folding each letter.
const latinEnd = 0x250

// latinFolds is foldAny of each letter below latinEnd, made on first use.
var latinFolds = sync.OnceValue(func() *[latinEnd]string {
	var t [latinEnd]string
	for r := range rune(latinEnd) {
		t[r] = foldAny(string(r))
	}
	return &t
})

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Tokens splits a text into words. A hyphenated word ("makt-miljön") gives the joined word ("maktmiljön") and, as
// secondary tokens, its parts and the joined word with the word before it ("vitmaktmiljön" after "vit"), so that
// "vit makt-miljön", "vitmakt-miljön" and "vitmaktmiljön" find each other. Digits count as letters.
func Tokens(text string) []Token {
	return tokenize(text, Fold)
}

// tokenize is Tokens with the folding given, so an index can fold each distinct word once.
func tokenize(text string, fold func(string) string) []Token {
	text = norm.NFC.String(text)
	out := make([]Token, 0, len(text)/6+2) // about one word in six bytes of Swedish
	prev := ""                             // the previous word, when only a space separates it from this one
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if !unicode.IsSpace(r) {
				prev = ""
			}
			i += n
			continue
		}
		if end, groups := numberAt(text, i); groups != nil {
			out = appendNumber(out, text[i:end], groups)
			i, prev = end, ""
			continue
		}
		// A word: letters and digits, with single hyphens inside.
		var parts []string
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if r == '-' && i+n < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(next) {
					parts = append(parts, text[start:i])
					i += n
					start = i
					continue
				}
			}
			break
		}
		var joined string
		if parts == nil { // most words have no hyphen: the word is the text's, without a copy
			joined = strings.ToLower(text[start:i])
		} else {
			parts = append(parts, text[start:i])
			joined = strings.ToLower(strings.Join(parts, ""))
		}
		out = append(out, Token{Form: joined, Key: fold(joined)})
		if len(parts) > 1 {
			for _, p := range parts {
				p = strings.ToLower(p)
				out = append(out, Token{Form: p, Key: fold(p), Secondary: true})
			}
			if prev != "" {
				out = append(out, Token{Form: prev + joined, Key: fold(prev + joined), Secondary: true})
			}
		}
		prev = joined
	}
	return out
}

// isNumberSep reports whether r may join the groups of digits of a number: "3.1.1-212/2020", "2001:453",
// "2019–2020", "75,9".
func isNumberSep(r rune) bool {
	return r == '.' || r == '/' || r == ':' || r == '-' || r == '\u2013' || r == ','
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numberAt returns the end of a number of two or more groups of digits that begins at i, and the groups' bounds
// (start, end, start, end, …); nil when there is none, or when a letter follows it ("1990-talet" is a word).
func numberAt(text string, i int) (int, []int) {
	var groups []int
	for {
		start := i
		for i < len(text) && isDigit(rune(text[i])) {
			i++
		}
		if i == start {
			return 0, nil // a separator not followed by a digit ends nothing: the caller checked
		}
		groups = append(groups, start, i)
		r, n := utf8.DecodeRuneInString(text[i:])
		if i < len(text) && isNumberSep(r) {
			if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && isDigit(next) {
				i += n
				continue
			}
		}
		if len(groups) < 4 || i < len(text) && isWordRune(r) {
			return 0, nil
		}
		return i, groups
	}
}

// appendNumber adds a number of several groups: the whole number, and every shorter run of its groups as a
// secondary token, so that "212/2020" and "212" both find "3.1.1-212/2020". A number's key is its groups joined
// by "/", whatever separates them in the text.
func appendNumber(out []Token, s string, groups []int) []Token {
	base := groups[0]
	key := func(from, to int) string {
		var ks []string
		for g := from; g < to; g++ {
			ks = append(ks, s[groups[2*g]-base:groups[2*g+1]-base])
		}
		return strings.Join(ks, "/")
	}
	n := len(groups) / 2
	out = append(out, Token{Form: s, Key: key(0, n)})
	for from := 0; from < n; from++ {
		for to := from + 1; to <= n; to++ {
			if to-from == n {
				continue
			}
			out = append(out, Token{Form: s[groups[2*from]-base : groups[2*to-1]-base], Key: key(from, to), Secondary: true})
		}
	}
	return out
}

// memoFold folds with a memory of the words it has folded: a site has far fewer distinct words than words.
func memoFold() func(string) string {
	seen := map[string]string{}
	return func(s string) string {
		if k, ok := seen[s]; ok {
			return k
		}
		k := Fold(s)
		seen[s] = k
		return k
	}
}

// numerals pairs the Swedish words for the numbers two to twelve with their digits, both ways: a plan writes "fyra
// målgrupper" and a reader searches for "4 målgrupper", or the other way round. One and six are left out: "en",
// "ett" and "sex" are other words far more often. Made on first use: folding the words makes the table of folded
// letters (latinFolds), some 170 kB that the program's start need not wait for.
var numerals = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for i, w := range strings.Fields("två tre fyra fem _ sju åtta nio tio elva tolv") {
		if w != "_" {
			d := strconv.Itoa(i + 2)
			m[Fold(w)], m[d] = d, w
		}
	}
	return m
})

// withNumerals adds, after each number word or number of two to twelve that a text says, the other way of writing
// it as a secondary token, for the index: a query finds a text that writes the number the other way, a little below
// one that writes it as the query does.
func withNumerals(toks []Token) []Token {
	n := 0
	for _, t := range toks {
		if _, ok := numerals()[t.Key]; ok && !t.Secondary {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]Token, 0, len(toks)+n)
	for _, t := range toks {
		out = append(out, t)
		if other, ok := numerals()[t.Key]; ok && !t.Secondary {
			out = append(out, Token{Form: other, Key: Fold(other), Secondary: true})
		}
	}
	return out
}
