package content

// Indicators (nyckeltal) in plan.md:
//
//	nyckeltal:
//	  - id: webbutbildning
//	    namn: Andel anställda som har gått stadens webbutbildning
//	    enhet: procent
//	    mål: 100
//	    värden:
//	      - period: 2020
//	        värde: 75.9
//	        antal: 725 av 955
//	        källa: Handlingsplanen 2020

import (
	"fmt"
	"strings"

	"github.com/stockholm/plansite/internal/content/frontmatter"
)

// indicators reads nyckeltal from a revision's plan.md.
func indicators(d *frontmatter.Doc) []*Indicator {
	if !d.Has("nyckeltal") {
		return nil
	}
	items, _, ok := d.Items("nyckeltal", "ett nyckeltal i nyckeltal")
	if !ok {
		d.Problem(d.Line("nyckeltal"), "nyckeltal ska vara en lista där varje nyckeltal börjar med - id: på en egen rad",
			"se exemplet i docs/content.md")
		return nil
	}
	var out []*Indicator
	seen := map[string]int{}
	for g := range items {
		g.Known("id", "namn", "enhet", "mål", "värden")
		ind := &Indicator{Name: g.Text("namn", true), Unit: g.Text("enhet", false), Target: g.Number("mål", false)}
		var line int
		ind.ID, line = g.ID("id")
		ind.Pos = Pos{d.File(), line}
		// /nyckeltal/ gives each indicator's heading its id and its table the id followed by -tabell, beside the
		// ids of the page itself.
		switch {
		case reservedID(ind.ID):
			d.Problem(line, fmt.Sprintf("id %q används redan av själva sidan", ind.ID), reservedHint)
		case strings.HasSuffix(ind.ID, "-tabell"):
			d.Problem(line, fmt.Sprintf("nyckeltalets id %q slutar på -tabell, som sidorna lägger till för nyckeltalets tabell", ind.ID),
				"välj ett id som inte slutar på -tabell")
		}
		if first, dup := seen[ind.ID]; dup && ind.ID != "" {
			d.Problem(line, fmt.Sprintf("nyckeltalet %s står två gånger (första gången på rad %d)", ind.ID, first), "ge varje nyckeltal ett eget id")
		}
		seen[ind.ID] = line
		values, n, ok := g.Items("värden", "ett värde i värden")
		if !ok || n == 0 {
			d.Problem(g.Anchor(), fmt.Sprintf("nyckeltalet %s saknar värden", ind.ID),
				"lägg till värden: med en rad - period: … och värde: … för varje mätning")
			continue
		}
		for v := range values {
			v.Known("period", "värde", "antal", "mål", "enhet", "källa")
			val := IndicatorValue{Period: v.Text("period", true), Count: v.Text("antal", false), Target: v.Number("mål", false),
				Unit: v.Text("enhet", false), Source: v.Text("källa", true), Pos: Pos{d.File(), v.Anchor()}}
			if n := v.Number("värde", true); n != nil {
				val.Value = *n
				ind.Values = append(ind.Values, val)
			}
		}
		out = append(out, ind)
	}
	return out
}
