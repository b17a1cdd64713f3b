package search

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// shippedForms returns the word forms of the shipped plan's content, as the index sees them.
func shippedForms(tb testing.TB) []string {
	files, err := filepath.Glob("../../content/*/*/*.md")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no content: %v", err)
	}
	set := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, t := range Tokens(string(b)) {
			set[t.Form] = true
		}
	}
	var forms []string
	for f := range set {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	return forms
}

// BenchmarkVocabulary works out the stems and compound parts of the shipped plan's words, Snowball's stems
// already known (as in the live preview).
func BenchmarkVocabulary(b *testing.B) {
	forms := shippedForms(b)
	snow := newVocabulary(slices.Clone(forms), nil).snow
	b.ResetTimer()
	for range b.N {
		newVocabulary(slices.Clone(forms), snow)
	}
}

// BenchmarkLexiconFiles filters the lexicon to the shipped plan's words, as Build does beside the rest of its index.
func BenchmarkLexiconFiles(b *testing.B) {
	keys := map[string]bool{}
	for _, f := range shippedForms(b) {
		keys[Fold(f)] = true
	}
	list := slices.Sorted(maps.Keys(keys))
	for b.Loop() {
		lexiconFiles(list)
	}
}
