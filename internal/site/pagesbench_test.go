package site

import "testing"

// BenchmarkPagesLarge renders the large plan's revision pages, with their follow-up pages, and its history pages
// again, each iteration as a new render would: the Markdown is rendered already, so this is mostly the layouts'
// execution.
func BenchmarkPagesLarge(b *testing.B) {
	dir := large(b)
	bl, _, err := newSession(false).render(Options{Content: dir, Drafts: true}, discard{}, false)
	if err != nil {
		b.Fatal(err)
	}
	revs := make([]*renderedRevision, len(bl.plan.Revisions))
	for b.Loop() {
		bl.tpl.Begin()
		bl.statusLines.Clear()
		bl.sites.Clear()
		for i, rev := range bl.plan.Revisions {
			_, revs[i], _ = bl.revision(rev, nil)
		}
		if _, probs := bl.histories(bl.steps(revs)); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}
