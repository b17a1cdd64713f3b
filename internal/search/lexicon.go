package search

// A general Swedish synonym lexicon, Folkets synonymlexikon (synlex/lexicon.txt, with its licence), for the words
// a searcher types that the plan does not have in any form: "snut" finds "polis", "tonåring" finds "ungdom". It is
// the search's last resort, below the coordinator's synonyms and every match of the word itself: the browser looks
// a word up in it only when nothing else matched.
//
// The file is read once a build, line by line, without making a map of its 15,000 words: each word is written
// folded, with its root and whether it is a function word (synlex/gen.go works them out, TestLexiconData checks
// them against Fold, Root and IsStopword), so a build only looks each word up among the site's.

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
)

//go:embed synlex/lexicon.txt
var lexiconText string

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

// lexiconFiles writes the part of the lexicon a site can use, sok/i/x/<hex>.json by the first letter: a folded word
// the site does not have in any form, and the roots of its forms, → the folded words of the site it may mean (the
// site has one of their forms). Everything else in the lexicon could never find a document here, and is left out.
// keys are the folded words of the site's texts and glossary (repeats do no harm); Build gives them as soon as it
// has them, and writes these files beside the rest of its index.
func lexiconFiles(text string, keys []string) []File {
	// A word is the site's when the site has it in some form: a form that is the word with an ending of the plural
	// or the definite ("polisen" says "polis", whose root is "poli"), or a word of its root.
	roots := make(map[string]bool, len(keys))
	bases := map[string]bool{}
	for _, k := range keys {
		roots[Root(k)] = true
		for _, e := range inflectionEndings {
			if base, ok := strings.CutSuffix(k, e); ok && base != "" {
				bases[base] = true
			}
		}
	}
	has := func(w lexiconWord) bool { return roots[w.root] || bases[w.word] }
	// Each pair the site can use, under the word it lacks and that word's root, which the browser looks up: the word
	// as typed first, since words of one root may differ in meaning ("formulär" and "formulera": formul), then the
	// root of the form typed ("snutarna": snut; "rektorer": rektor, the word).
	type filed struct{ key, word string }
	var out []filed
	eachLexiconPair(text, func(a, b lexiconWord) {
		if a.stop || b.stop {
			return
		}
		file := func(lacked, had lexiconWord) {
			out = append(out, filed{lacked.word, had.word})
			if lacked.root != lacked.word {
				out = append(out, filed{lacked.root, had.word})
			}
		}
		switch ha, hb := has(a), has(b); {
		case hb && !ha:
			file(a, b)
		case ha && !hb:
			file(b, a)
		}
	})
	slices.SortFunc(out, func(x, y filed) int { return cmp.Or(strings.Compare(x.key, y.key), strings.Compare(x.word, y.word)) })
	out = slices.Compact(out)
	// Sorted by key, the keys of a shard follow one another. Written as json.Marshal writes a map of lists
	// (TestLexiconFiles reads it back), without its reflection.
	var files []File
	var data []byte
	name := ""
	for i, f := range out {
		if i == 0 || f.key != out[i-1].key {
			if sh := ShardName(f.key, 1); i == 0 || sh != name {
				if i > 0 {
					files = append(files, File{Path: "sok/i/x/" + name + ".json", Data: append(data, "]}"...)})
				}
				name, data = sh, []byte{'{'}
			} else {
				data = append(data, "],"...)
			}
			data = appendString(data, f.key)
			data = append(data, ':', '[')
		} else {
			data = append(data, ',')
		}
		data = appendString(data, f.word)
	}
	if len(out) > 0 {
		files = append(files, File{Path: "sok/i/x/" + name + ".json", Data: append(data, "]}"...)})
	}
	return files
}
