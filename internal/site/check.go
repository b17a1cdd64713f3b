package site

// Check: everything a build validates, without writing anything, and then the links of the content, against the
// site made in memory (internal/linkcheck).

import (
	"github.com/stockholm/plansite/internal/linkcheck"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/problem"
)

func (b *builder) noteLinks(page string, t content.Text, links []markdown.Ref) {
	if len(links) == 0 {
		return
	}
	b.linksMu.Lock()
	defer b.linksMu.Unlock()
	for _, l := range links {
		b.links = append(b.links, linkcheck.Link{Page: page, File: t.Pos.File, Line: t.Pos.Line + l.Line - 1, Dest: l.Dest})
	}
}

// Check renders the site in memory and reports every problem a build would, and every broken link inside the
// site. It writes nothing.
func Check(opt Options) (Stats, error) {
	// Drafts and examples are checked as the preview shows them; the links, also as they are published, since a
	// page of an adopted revision may lead to one that only a draft has.
	opt.Drafts = true
	stats, err := check(opt)
	probs, ok := problem.AsList(err)
	if err != nil && !ok {
		return stats, err
	}
	opt.Drafts = false
	if _, perr := check(opt); perr != nil {
		pp, ok := problem.AsList(perr)
		if !ok {
			return stats, perr
		}
		seen := map[string]bool{}
		for _, p := range probs {
			seen[p.Error()] = true
		}
		for _, p := range pp {
			if !seen[p.Error()] {
				probs = append(probs, p)
			}
		}
	}
	return stats, probs.Err()
}

// check renders the site as opt says and checks its links.
func check(opt Options) (Stats, error) {
	mem := output.NewMemory()
	b, stats, err := newSession(false).render(opt, mem, true)
	probs, ok := problem.AsList(err)
	if err != nil && !ok || b == nil {
		return stats, err // the content could not be loaded, or a layout is broken
	}
	var years []int
	for _, r := range b.plan.Revisions {
		years = append(years, r.Year)
	}
	probs = append(probs, linkcheck.Check(mem, b.links, years)...)
	return stats, probs.Err()
}
