package search

// A general Swedish synonym lexicon, Folkets synonymlexikon (synlex/lexicon.txt, with its licence), for the words
// a searcher types that the plan does not have in any form: "snut" finds "polis", "tonåring" finds "ungdom". It is
// the search's last resort, below the coordinator's synonyms and every match of the word itself: the browser looks
// a word up in it only when nothing else matched.
//
// The lexicon is kept in two forms. synlex/lexicon.txt, with its licence, is the one to read and to change: a line
// is a word and its synonyms, each word folded, with its root and whether it is a function word (synlex/gen.go
// works them out, TestLexiconData checks them against Fold, Root and IsStopword). synlex/lexicon.bin is made from
// it (TestLexiconData -update) and is the one a build reads: every word and root in alphabetical order, and the
// pairs as numbers, so that a build looks up only its own words and sorts numbers, not strings (docs/performance.md).

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"strings"
)

//go:embed synlex/lexicon.bin
var lexiconBin string

// lexiconWord is a word of the lexicon: folded, with its root and whether it is a function word.
type lexiconWord struct {
	word, root string
	stop       bool
}

// parseLexiconWord reads a word as the file writes it: "!" before a function word, ">root" after a word whose
// root is not the word itself.
func parseLexiconWord(s string) lexiconWord {
	var w lexiconWord
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		s, w.stop = rest, true
	}
	var hasRoot bool
	w.word, w.root, hasRoot = strings.Cut(s, ">")
	if !hasRoot {
		w.root = w.word
	}
	return w
}

// formatLexiconWord writes a folded word as the file has it.
func formatLexiconWord(w string) string {
	s := w
	if r := Root(w); r != w {
		s += ">" + r
	}
	if IsStopword(w) {
		s = "!" + s
	}
	return s
}

// eachLexiconPair calls do for each pair of words of the lexicon's lines ("word|synonym|synonym"; "#" begins a
// comment): a line's first word with each of the others.
func eachLexiconPair(text string, do func(a, b lexiconWord)) {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		head, rest, _ := strings.Cut(line, "|")
		a := parseLexiconWord(head)
		for rest != "" {
			var s string
			s, rest, _ = strings.Cut(rest, "|")
			if a.word != "" && s != "" {
				do(a, parseLexiconWord(s))
			}
		}
	}
}

// lexicon is the synonym lexicon as a build reads it (synlex/lexicon.bin).
type lexicon struct {
	keys     []string // every word of the pairs and every root of one, folded, in alphabetical order, each once
	wordKey  []uint16 // per word of the pairs: its place in keys
	wordRoot []uint16 // per word: its root's place in keys
	pairs    []uint16 // two words by their numbers for each pair of synonyms; pairs with a function word are left out
}

// The encoded lexicon: the notice of lexicon.txt and a NUL; the number of keys, their lengths (a byte each) and
// the keys one after the other; the number of words, each word's key and root's key; the number of pairs and
// their words' numbers. Counts take four bytes, numbers two, both little-endian.

// encodeLexicon makes lexicon.bin from the text of lexicon.txt.
func encodeLexicon(text string) ([]byte, error) {
	var notice strings.Builder
	for line := range strings.Lines(text) {
		if !strings.HasPrefix(line, "#") {
			break
		}
		notice.WriteString(line)
	}
	var pairs [][2]lexiconWord
	keySet := map[string]bool{}
	wordSet := map[string]lexiconWord{}
	eachLexiconPair(text, func(a, b lexiconWord) {
		if a.stop || b.stop {
			return // a function word never leads anywhere
		}
		pairs = append(pairs, [2]lexiconWord{a, b})
		for _, w := range []lexiconWord{a, b} {
			keySet[w.word], keySet[w.root] = true, true
			wordSet[w.word] = w
		}
	})
	keys := slices.Sorted(maps.Keys(keySet))
	if len(keys) > 0xffff {
		return nil, errors.New("the lexicon has more words and roots than two bytes can number")
	}
	if i := slices.IndexFunc(keys, func(k string) bool { return len(k) > 0xff }); i >= 0 {
		return nil, errors.New("the lexicon's word " + keys[i] + " is longer than a byte can count")
	}
	key := func(s string) uint16 { i, _ := slices.BinarySearch(keys, s); return uint16(i) }
	words := slices.Sorted(maps.Keys(wordSet))
	number := make(map[string]uint16, len(words))
	b := []byte(notice.String())
	b = append(b, 0)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	for _, k := range keys {
		b = append(b, byte(len(k)))
	}
	for _, k := range keys {
		b = append(b, k...)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
	for i, w := range words {
		number[w] = uint16(i)
		b = binary.LittleEndian.AppendUint16(b, key(w))
	}
	for _, w := range words {
		b = binary.LittleEndian.AppendUint16(b, key(wordSet[w].root))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(pairs)))
	for _, p := range pairs {
		b = binary.LittleEndian.AppendUint16(b, number[p[0].word])
		b = binary.LittleEndian.AppendUint16(b, number[p[1].word])
	}
	return b, nil
}

// decodeLexicon reads lexicon.bin. The keys are slices of data, not copies.
func decodeLexicon(data string) (*lexicon, error) {
	bad := errors.New("synlex/lexicon.bin is cut short or not a lexicon")
	_, rest, ok := strings.Cut(data, "\x00")
	if !ok {
		return nil, bad
	}
	// short is set once the data ends before what it says it holds; what is read after is empty.
	short := false
	count := func() int {
		if len(rest) < 4 {
			short = true
			return 0
		}
		n := int(binary.LittleEndian.Uint32([]byte(rest[:4])))
		rest = rest[4:]
		return n
	}
	take := func(n int) string {
		if len(rest) < n {
			short = true
			return ""
		}
		b := rest[:n]
		rest = rest[n:]
		return b
	}
	numbers := func(n int) []uint16 {
		b := take(2 * n)
		if short {
			return nil
		}
		out := make([]uint16, n)
		for i := range out {
			out[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return out
	}
	lx := &lexicon{}
	lengths := take(count())
	lx.keys = make([]string, len(lengths))
	for i := range lx.keys {
		lx.keys[i] = take(int(lengths[i]))
	}
	words := count()
	lx.wordKey, lx.wordRoot = numbers(words), numbers(words)
	lx.pairs = numbers(2 * count())
	if short || rest != "" {
		return nil, bad
	}
	for _, ns := range [][]uint16{lx.wordKey, lx.wordRoot} {
		for _, n := range ns {
			if int(n) >= len(lx.keys) {
				return nil, bad
			}
		}
	}
	for _, n := range lx.pairs {
		if int(n) >= words {
			return nil, bad
		}
	}
	return lx, nil
}

// lexiconFiles writes the part of the shipped lexicon a site with the folded words keys can use (lexicon.files).
// The lexicon is read anew for each build, in a fraction of a millisecond; were it ever unreadable, TestLexiconData
// would have failed first, and the search would do without it.
func lexiconFiles(keys []string) []File {
	lx, err := decodeLexicon(lexiconBin)
	if err != nil {
		return nil
	}
	return lx.files(keys)
}

// files writes the part of the lexicon a site can use, sok/i/x/<hex>.json by the first letter: a folded word the site
// does not have in any form, and the roots of its forms, → the folded words of the site it may mean (the site has
// one of their forms). Everything else in the lexicon could never find a document here, and is left out. keys are
// the folded words of the site's texts and glossary (repeats do no harm); Build gives them as soon as it has them,
// and writes these files beside the rest of its index.
func (lx *lexicon) files(keys []string) []File {
	// A word is the site's when the site has it in some form: a form that is the word with an ending of the plural
	// or the definite ("polisen" says "polis", whose root is "poli"), or a word of its root. Only the site's own
	// words are looked up, among the lexicon's keys.
	rootHas := make([]bool, len(lx.keys))
	baseHas := make([]bool, len(lx.keys))
	for _, k := range keys {
		if i, ok := slices.BinarySearch(lx.keys, Root(k)); ok {
			rootHas[i] = true
		}
		for _, e := range inflectionEndings {
			if base, ok := strings.CutSuffix(k, e); ok && base != "" {
				if i, ok := slices.BinarySearch(lx.keys, base); ok {
					baseHas[i] = true
				}
			}
		}
	}
	has := func(w uint16) bool { return rootHas[lx.wordRoot[w]] || baseHas[lx.wordKey[w]] }
	// Each pair the site can use, under the word it lacks and that word's root, which the browser looks up: the word
	// as typed first, since words of one root may differ in meaning ("formulär" and "formulera": formul), then the
	// root of the form typed ("snutarna": snut; "rektorer": rektor, the word). An entry is the numbers of its key and
	// word, which sort as the strings do.
	var out []uint32
	file := func(lacked, had uint16) {
		out = append(out, uint32(lx.wordKey[lacked])<<16|uint32(lx.wordKey[had]))
		if lx.wordRoot[lacked] != lx.wordKey[lacked] {
			out = append(out, uint32(lx.wordRoot[lacked])<<16|uint32(lx.wordKey[had]))
		}
	}
	for i := 0; i+1 < len(lx.pairs); i += 2 {
		a, b := lx.pairs[i], lx.pairs[i+1]
		switch ha, hb := has(a), has(b); {
		case hb && !ha:
			file(a, b)
		case ha && !hb:
			file(b, a)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	// Sorted by key, the keys of a shard follow one another. Written as json.Marshal writes a map of lists
	// (TestLexiconFiles reads it back), without its reflection.
	var files []File
	var data []byte
	name := ""
	for i, e := range out {
		key, word := lx.keys[e>>16], lx.keys[e&0xffff]
		if i == 0 || e>>16 != out[i-1]>>16 {
			if sh := ShardName(key, 1); i == 0 || sh != name {
				if i > 0 {
					files = append(files, File{Path: "sok/i/x/" + name + ".json", Data: append(data, "]}"...)})
				}
				name, data = sh, []byte{'{'}
			} else {
				data = append(data, "],"...)
			}
			data = appendString(data, key)
			data = append(data, ':', '[')
		} else {
			data = append(data, ',')
		}
		data = appendString(data, word)
	}
	if len(out) > 0 {
		files = append(files, File{Path: "sok/i/x/" + name + ".json", Data: append(data, "]}"...)})
	}
	return files
}
