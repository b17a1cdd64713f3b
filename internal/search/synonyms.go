package search

// Synonyms: the words employees search for that the plan says otherwise, kept by the coordinator on the glossary
// page (samarbeta: samverka). The browser looks a query word's root up and also matches the plan's words, below
// the documents that say the word searched for.

import (
	"encoding/json"
	"maps"
	"slices"
)

// SynonymsFile writes the synonyms for the browser, sok/i/syn.json: the root of each word searched for (so that
// "samarbetar" and "samarbete" find it as "samarbeta" does) with the folded words of the plan it also finds. The
// file is written, empty, for a site without synonyms, so that the browser's request always succeeds.
func SynonymsFile(words map[string][]string) File {
	out := map[string][]string{}
	for _, w := range slices.Sorted(maps.Keys(words)) {
		r := Root(Fold(w))
		for _, s := range words[w] {
			if f := Fold(s); Root(f) != r && !slices.Contains(out[r], f) {
				out[r] = append(out[r], f)
			}
		}
	}
	data, _ := json.Marshal(out) // a map of strings always marshals
	return File{Path: "sok/i/syn.json", Data: data}
}
