package site

// The search: the index built by package search from every revision's documents, and the search page /sok/ that
// the browser script turns into results.

import (
	"fmt"

	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

// searchIndex makes the search index of every revision's documents (found, by revision), and hands its files to put
// as they are made: the fragments and the synonym lexicon's part come before the shards.
func (b *builder) searchIndex(found [][]search.Doc, put func([]file)) {
	docs, revisions := b.searchDocs(found)
	search.Write(docs, revisions, b.home().Year, b.glossary, b.words, func(fs []search.File) {
		files := make([]file, len(fs))
		for i, f := range fs {
			files[i] = file{Path: f.Path, Data: f.Data}
		}
		put(files)
	})
}

// searchPage makes the search page and the coordinator's synonyms, which its script reads with the index.
func (b *builder) searchPage() ([]file, problem.List) {
	synonyms := map[string][]string{}
	for _, s := range b.plan.Synonyms() {
		synonyms[s.Word] = s.Same
	}
	syn := search.SynonymsFile(synonyms)
	files := []file{{Path: syn.Path, Data: syn.Data}}
	var probs problem.List
	data := b.newPage("sok/index.html", "Sök i planen")
	f, err := b.execute("sok.html", "sok/index.html", data)
	if err != nil {
		probs.Add("layouts/sok.html", 0, err.Error(), "")
		return nil, probs
	}
	return append(files, f), probs
}

// searchDocs gathers what the index is made of: every revision's documents (found, by revision), the plan's own
// details first, and the revisions for the filters.
func (b *builder) searchDocs(found [][]search.Doc) ([]search.Doc, []search.Revision) {
	var docs []search.Doc
	var revisions []search.Revision
	for i, revDocs := range found {
		rev := b.plan.Revisions[i]
		docs = append(docs, search.PlanDoc(rev))
		docs = append(docs, revDocs...)
		sr := search.Revision{Year: rev.Year, Status: rev.Status.Label()}
		if w := rev.Worry(); w != nil {
			sr.Worry = fmt.Sprintf("%d/#%s", rev.Year, w.ID)
		}
		revisions = append(revisions, sr)
	}
	return docs, revisions
}
