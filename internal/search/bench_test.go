package search

import (
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

// BenchmarkLexiconFiles filters the lexicon to the shipped plan's words, the texts already tokenised by Build (as
// in every build: LexiconFiles reads Build's memo).
func BenchmarkLexiconFiles(b *testing.B) {
	files, err := filepath.Glob("../../content/*/*/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no content: %v", err)
	}
	m := NewMemo()
	var docs []Doc
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Doc{ID: f, Fields: []Field{{Text: string(text), Weight: 1}}})
		m.tokens.Put(string(text), withNumerals(Tokens(string(text))))
	}
	b.ResetTimer()
	for range b.N {
		LexiconFiles(docs, nil, m)
	}
}
