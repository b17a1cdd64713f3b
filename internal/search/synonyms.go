package search

// Synonyms: the words employees search for that the plan says otherwise, kept by the coordinator on the glossary
// page (samarbeta: samverka). The browser looks a query word's root up and also matches the plan's words, below
// the documents that say the word searched for.

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// The endings a coordinator's word (a base form) takes in the plural and the definite forms, after a vowel and
// after a consonant. Root strips most of them, but not all alike: "rektor" has the root "rekt" (-or is a plural
// ending) and "rektorer" "rektor", so the word is filed under the root of each of its forms.
var (
	afterVowel     = []string{"", "n", "r", "rna", "s"}
	afterConsonant = []string{"", "en", "et", "er", "ar", "or", "na", "erna", "arna", "orna", "s"}
	// inflectionEndings are both lists' endings, the empty one aside.
	inflectionEndings = []string{"n", "r", "rna", "s", "en", "et", "er", "ar", "or", "na", "erna", "arna", "orna"}
)

// SynonymsFile writes the synonyms for the browser, sok/i/syn.json: the roots of each word searched for, in its
// inflections (so that "samarbetar" and "samarbete" find it as "samarbeta" does, and "rektorer" as "rektor"), with
// the folded words of the plan it also finds. The file is written, empty, for a site without synonyms, so that the
// browser's request always succeeds.
func SynonymsFile(words map[string][]string) File {
	out := map[string][]string{}
	for _, w := range slices.Sorted(maps.Keys(words)) {
		roots := formRoots(Fold(w))
		for _, r := range roots {
			for _, s := range words[w] {
				if sf := Fold(s); !slices.Contains(roots, Root(sf)) && !slices.Contains(out[r], sf) {
					out[r] = append(out[r], sf)
				}
			}
		}
	}
	data, _ := json.Marshal(out) // a map of strings always marshals
	return File{Path: "sok/i/syn.json", Data: data}
}

// formRoots lists the roots of a folded base form and of its plural and definite forms, the word's first.
func formRoots(f string) []string {
	endings := afterConsonant
	if f != "" && strings.ContainsRune("aeiouy", rune(f[len(f)-1])) {
		endings = afterVowel
	}
	var roots []string
	for _, e := range endings {
		if r := Root(f + e); !slices.Contains(roots, r) {
			roots = append(roots, r)
		}
	}
	return roots
}
