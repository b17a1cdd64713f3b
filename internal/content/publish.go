package content

// What a build publishes: only what the board adopted, unless drafts and examples are asked for.

import "github.com/stockholm/plansite/internal/problem"

// Published returns the plan as it is published: the adopted revisions only, with the pages. Nothing of a draft
// or an example is left in it, so no page, menu, comparison, search document, feed entry, export or chart made from
// it can show one. The revisions are shared with p, which is left as it is. When no revision is adopted, Published
// returns a problem that says how to proceed.
func (p *Plan) Published() (*Plan, error) {
	out := &Plan{Pages: p.Pages}
	for _, r := range p.Revisions {
		if r.Status == Adopted {
			out.Revisions = append(out.Revisions, r)
		}
	}
	if len(out.Revisions) == 0 && len(p.Revisions) > 0 {
		var probs problem.List
		newest := p.Revisions[len(p.Revisions)-1]
		probs.Add(newest.Pos.File, newest.Pos.Line,
			"ingen revidering är antagen, så det finns inget att publicera",
			"när nämnden har antagit en revidering skriver du status: antagen och uppgifterna om beslutet. Bygg med --drafts för att se utkast och exempel")
		return nil, probs.Err()
	}
	return out, nil
}
