package search

// A shard of the index and its JSON. A big site's index is tens of thousands of posting lists, and encoding them
// with encoding/json's reflection was a fifth of the live preview's render of a large plan; appendJSON writes the
// same bytes directly (TestShardJSON compares the two).

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// shard is one file of terms, named by their first letters.
type shard struct {
	S map[string][]int    `json:"s"`           // stem → document, weight, …
	P map[string][]int    `json:"p,omitempty"` // compound part → document, weight, …
	G map[string][]int    `json:"g,omitempty"` // stem → document, weight, … for the documents that have it only through the glossary
	B map[string][]int    `json:"b,omitempty"` // "stem stem" of two words in a row → documents
	K map[string][]int    `json:"k,omitempty"` // a coordinator's phrase (phraseKey) → documents
	Q map[string][]int    `json:"q,omitempty"` // a phrase of three or more words less one of them → documents
	A map[string][]int    `json:"a,omitempty"` // stem → the documents that have it only in their sökord, not in their text
	R map[string][]string `json:"r,omitempty"` // root → stems
	F map[string][]any    `json:"f"`           // folded form → stem, then form and its documents, …
}

// appendJSON appends the shard as json.Marshal writes it: keys sorted, strings escaped the same way.
func (sh *shard) appendJSON(b []byte) []byte {
	b = append(b, `{"s":`...)
	b = appendPostings(b, sh.S)
	for _, m := range []struct {
		name string
		m    map[string][]int
	}{{`,"p":`, sh.P}, {`,"g":`, sh.G}, {`,"b":`, sh.B}, {`,"k":`, sh.K}, {`,"q":`, sh.Q}, {`,"a":`, sh.A}} {
		if len(m.m) > 0 {
			b = append(b, m.name...)
			b = appendPostings(b, m.m)
		}
	}
	if len(sh.R) > 0 {
		b = append(b, `,"r":{`...)
		for i, k := range slices.Sorted(maps.Keys(sh.R)) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			if sh.R[k] == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '[')
			for j, st := range sh.R[k] {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, st)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	b = append(b, `,"f":`...)
	if sh.F == nil {
		return append(b, "null}"...)
	}
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(sh.F)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendAny(b, sh.F[k])
	}
	return append(b, "}}"...)
}

func appendPostings(b []byte, m map[string][]int) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendInts(b, m[k])
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

// appendAny writes the values a form's entry holds: strings and lists of documents; anything else through
// encoding/json.
func appendAny(b []byte, v []any) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		switch x := x.(type) {
		case string:
			b = appendString(b, x)
		case []int:
			b = appendInts(b, x)
		default:
			b = append(b, mustJSON(x)...)
		}
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
