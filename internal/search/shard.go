package search

// A shard of the index and its JSON. A big site's index is tens of thousands of posting lists, and encoding them
// with encoding/json's reflection was a fifth of the live preview's render of a large plan; appendJSON writes the
// same bytes directly, from lists already in the order of their keys (TestShardJSON compares it with encoding/json
// writing the same lists as maps).

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// shard is one file of terms, named by their first letters. Each list is sorted by key, without repeats.
type shard struct {
	S []posting // "s": stem → document, weight, …
	P []posting // "p": compound part → document, weight, …
	G []posting // "g": stem → document, weight, … for the documents that have it only through the glossary
	B []posting // "b": "stem stem" of two words in a row → documents
	K []posting // "k": a coordinator's phrase (phraseKey) → documents
	Q []posting // "q": a phrase of three or more words less one of them → documents
	A []posting // "a": stem → the documents that have it only in their sökord, not in their text
	R []rooted  // "r": root → stems
	F []entry   // "f": folded form → stem, then form and its documents, …
}

// posting is a key and its list of numbers.
type posting struct {
	key  string
	list []int
}

// rooted is a root and the stems that have it.
type rooted struct {
	key   string
	stems []string
}

// entry is a folded form and what the browser needs of it: the stem, then each form written so and its documents.
type entry struct {
	key    string
	stem   string
	byForm []formDocs
}

// formDocs is a form as written and the documents that say it.
type formDocs struct {
	form string
	docs []int
}

// appendJSON appends the shard as json.Marshal writes the same lists as maps: keys sorted, strings escaped the
// same way, the lists other than s and f left out when empty.
func (sh *shard) appendJSON(b []byte) []byte {
	b = append(b, `{"s":`...)
	b = appendPostings(b, sh.S)
	for _, l := range []struct {
		name string
		l    []posting
	}{{`,"p":`, sh.P}, {`,"g":`, sh.G}, {`,"b":`, sh.B}, {`,"k":`, sh.K}, {`,"q":`, sh.Q}, {`,"a":`, sh.A}} {
		if len(l.l) > 0 {
			b = append(b, l.name...)
			b = appendPostings(b, l.l)
		}
	}
	if len(sh.R) > 0 {
		b = append(b, `,"r":{`...)
		for i, r := range sh.R {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, r.key)
			b = append(b, ':')
			if r.stems == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '[')
			for j, st := range r.stems {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, st)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	b = append(b, `,"f":{`...)
	for i, e := range sh.F {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, e.key)
		b = append(b, ":["...)
		b = appendString(b, e.stem)
		for _, f := range e.byForm {
			b = append(b, ',')
			b = appendString(b, f.form)
			b = append(b, ',')
			b = appendInts(b, f.docs)
		}
		b = append(b, ']')
	}
	return append(b, "}}"...)
}

func appendPostings(b []byte, l []posting) []byte {
	b = append(b, '{')
	for i, p := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, p.key)
		b = append(b, ':')
		b = appendInts(b, p.list)
	}
	return append(b, '}')
}

func appendInts(b []byte, v []int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// appendString writes s as a JSON string. Words need no escaping, and are written as they are; anything else is
// left to encoding/json, so that the output is always the same as its.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
			return appendStringSlow(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendStringSlow handles the strings with other than ASCII letters: valid UTF-8 other than U+2028 and U+2029
// is written as it is too, and the rest by encoding/json.
func appendStringSlow(b []byte, s string) []byte {
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
