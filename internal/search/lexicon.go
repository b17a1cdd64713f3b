package search

// A general Swedish synonym lexicon, Folkets synonymlexikon (synlex/lexicon.txt, with its licence), for the words
// a searcher types that the plan does not have in any form: "snut" finds "polis", "tonåring" finds "ungdom". It is
// the search's last resort, below the coordinator's synonyms and every match of the word itself: the browser looks
// a word up in it only when nothing else matched.

import (
	_ "embed"
	"maps"
	"slices"
	"strings"
	"sync"
)

//go:embed synlex/lexicon.txt
var lexiconText string

// lexicon is the lexicon read: its folded words, with what a build asks of each (its root, whether
// it is a function word), and its pairs of word numbers, each pair once. Reading it costs more than the rest of
// a build's search, so it is read once, on first use, and only read after that.
type lexicon struct {
	words  []string
	index  map[string]int // a word → its number
	roots  []string       // for each word, its Root
	stop   []bool
	pairs  [][2]int
	byRoot map[string][]int // a root → the words that have it
	with   [][]int          // for each word, the words it is paired with
}

var readLexicon = sync.OnceValue(func() *lexicon { return newLexicon(parseLexicon(lexiconText)) })

// lexiconPairs is the lexicon as folded pairs.
func lexiconPairs() [][2]string {
	lx := readLexicon()
	out := make([][2]string, len(lx.pairs))
	for i, p := range lx.pairs {
		out[i] = [2]string{lx.words[p[0]], lx.words[p[1]]}
	}
	return out
}

func newLexicon(pairs [][2]string) *lexicon {
	lx := &lexicon{index: map[string]int{}, byRoot: map[string][]int{}}
	word := func(w string) int {
		n, ok := lx.index[w]
		if !ok {
			n = len(lx.words)
			lx.index[w] = n
			lx.words = append(lx.words, w)
			r := Root(w)
			lx.roots = append(lx.roots, r)
			lx.byRoot[r] = append(lx.byRoot[r], n)
			lx.stop = append(lx.stop, IsStopword(w))
		}
		return n
	}
	for _, p := range pairs {
		lx.pairs = append(lx.pairs, [2]int{word(p[0]), word(p[1])})
	}
	lx.with = make([][]int, len(lx.words))
	for _, p := range lx.pairs {
		lx.with[p[0]] = append(lx.with[p[0]], p[1])
		lx.with[p[1]] = append(lx.with[p[1]], p[0])
	}
	return lx
}

// parseLexicon reads the lexicon's lines ("word|synonym|synonym"; "#" begins a comment) into folded pairs.
func parseLexicon(text string) [][2]string {
	var out [][2]string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		words := strings.Split(line, "|")
		for _, s := range words[1:] {
			if words[0] != "" && s != "" {
				out = append(out, [2]string{Fold(words[0]), Fold(s)})
			}
		}
	}
	return out
}

// LexiconFiles writes the part of the lexicon a site can use, sok/i/x/<hex>.json by the first letter: a folded word
// the site does not have in any form, and the roots of its forms, → the folded words of the site it may mean (the
// site has one of their forms). Everything else in the lexicon could never find a document here, and is left out.
// The texts are read from docs; m, the memo Build used, saves tokenising them again.
func LexiconFiles(docs []Doc, glossary map[string]string, m *Memo) []File {
	return lexiconFiles(readLexicon(), docs, glossary, m)
}

func lexiconFiles(lx *lexicon, docs []Doc, glossary map[string]string, m *Memo) []File {
	keys := map[string]bool{}
	seen := map[string]bool{}
	add := func(toks []Token) {
		for _, t := range toks {
			keys[t.Key] = true
		}
	}
	fold := memoFold()
	for _, d := range docs {
		for _, f := range d.Fields {
			if seen[f.Text] {
				continue
			}
			seen[f.Text] = true
			toks, ok := []Token(nil), false
			if m != nil {
				toks, ok = m.tokens.Lookup(f.Text)
			}
			if !ok {
				toks = withNumerals(tokenize(f.Text, fold))
			}
			add(toks)
		}
	}
	for a, exp := range glossary {
		keys[Fold(a)] = true
		add(Tokens(exp))
	}
	// A word is the site's when the site has it in some form: a form that is the word with an ending of the plural
	// or the definite ("polisen" says "polis", whose root is "poli"), or a word of its root.
	has := make([]bool, len(lx.words))
	var had []int
	mark := func(i int) {
		if !has[i] {
			has[i] = true
			had = append(had, i)
		}
	}
	for k := range keys {
		for _, i := range lx.byRoot[Root(k)] {
			mark(i)
		}
		for _, e := range inflectionEndings {
			if base, ok := strings.CutSuffix(k, e); ok && base != "" {
				if i, ok := lx.index[base]; ok {
					mark(i)
				}
			}
		}
	}
	out := map[string]map[string][]string{} // shard → key → words
	for _, b := range had {
		if lx.stop[b] {
			continue
		}
		for _, a := range lx.with[b] {
			if lx.stop[a] || has[a] {
				continue
			}
			// Filed under the word and its root, which the browser looks up: the word as typed first, since words
			// of one root may differ in meaning ("formulär" and "formulera": formul), then the root of the form
			// typed ("snutarna": snut; "rektorer": rektor, the word).
			for _, k := range [2]string{lx.words[a], lx.roots[a]} {
				sh := ShardName(k, 1)
				if out[sh] == nil {
					out[sh] = map[string][]string{}
				}
				if !slices.Contains(out[sh][k], lx.words[b]) {
					out[sh][k] = append(out[sh][k], lx.words[b])
				}
			}
		}
	}
	var files []File
	for _, sh := range slices.Sorted(maps.Keys(out)) {
		for _, ws := range out[sh] {
			slices.Sort(ws)
		}
		// As json.Marshal writes it (TestLexiconFiles reads it back), without its reflection.
		data := []byte{'{'}
		for i, k := range slices.Sorted(maps.Keys(out[sh])) {
			if i > 0 {
				data = append(data, ',')
			}
			data = appendString(data, k)
			data = append(data, ':', '[')
			for j, w := range out[sh][k] {
				if j > 0 {
					data = append(data, ',')
				}
				data = appendString(data, w)
			}
			data = append(data, ']')
		}
		files = append(files, File{Path: "sok/i/x/" + sh + ".json", Data: append(data, '}')})
	}
	return files
}
