package site

// The search: the index built by package search from every revision's documents, and the search page /sok/ that
// the browser script turns into results.

import (
	"fmt"

	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

// searchPages builds the index and the search page.
func (b *builder) searchPages(found [][]search.Doc) ([]file, problem.List) {
	docs, revisions := b.searchDocs(found)
	var files []file
	for _, f := range search.Build(docs, revisions, b.home().Year, b.glossary, b.words) {
		files = append(files, file{Path: f.Path, Data: f.Data})
	}
	synonyms := map[string][]string{}
	for _, s := range b.plan.Synonyms() {
		synonyms[s.Word] = s.Same
	}
	syn := search.SynonymsFile(synonyms)
	files = append(files, file{Path: syn.Path, Data: syn.Data})
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
