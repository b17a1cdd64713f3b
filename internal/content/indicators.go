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
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

func indicators(d *doc) []*Indicator {
	e, ok := d.keys["nyckeltal"]
	if !ok {
		return nil
	}
	if e.val.Kind != yaml.SequenceNode {
		d.probs.Add(d.file, d.line(e.key), "nyckeltal must be a list: each indicator starts with - id: on a line of its own",
			"see docs/content.md for an example")
		return nil
	}
	var out []*Indicator
	seen := map[string]int{}
	for _, item := range e.val.Content {
		g := d.mapping(item, "an indicator in nyckeltal")
		if g == nil {
			continue
		}
		g.known("id", "namn", "enhet", "mål", "värden")
		ind := &Indicator{Name: g.text("namn", true), Unit: g.text("enhet", false), Target: g.number("mål", false)}
		var line int
		ind.ID, line = g.id("id")
		ind.Pos = Pos{d.file, line}
		// /nyckeltal/ gives each indicator's heading its id and its table the id followed by -tabell, beside the
		// ids of the page itself.
		switch {
		case reservedID(ind.ID):
			d.probs.Add(d.file, line, fmt.Sprintf("the id %q is taken by the page itself", ind.ID), reservedHint)
		case strings.HasSuffix(ind.ID, "-tabell"):
			d.probs.Add(d.file, line, fmt.Sprintf("the indicator's id %q ends in -tabell, which the pages add for an indicator's table", ind.ID),
				"choose an id that does not end in -tabell")
		}
		if first, dup := seen[ind.ID]; dup && ind.ID != "" {
			d.probs.Add(d.file, line, fmt.Sprintf("the indicator %s appears twice (first on line %d)", ind.ID, first), "give each indicator its own id")
		}
		seen[ind.ID] = line
		ve, ok := g.keys["värden"]
		if !ok || ve.val.Kind != yaml.SequenceNode || len(ve.val.Content) == 0 {
			d.probs.Add(d.file, g.anchor, fmt.Sprintf("the indicator %s has no values", ind.ID),
				"add värden: with a line - period: … and värde: … for each measurement")
			continue
		}
		for _, vi := range ve.val.Content {
			v := d.mapping(vi, "a value in värden")
			if v == nil {
				continue
			}
			v.known("period", "värde", "antal", "mål", "enhet", "källa")
			val := IndicatorValue{Period: v.text("period", true), Count: v.text("antal", false), Target: v.number("mål", false),
				Unit: v.text("enhet", false), Source: v.text("källa", true), Pos: Pos{d.file, v.anchor}}
			if n := v.number("värde", true); n != nil {
				val.Value = *n
				ind.Values = append(ind.Values, val)
			}
		}
		out = append(out, ind)
	}
	return out
}

// mapping returns a YAML mapping inside the frontmatter as a doc of its own, or reports that it is not one.
func (d *doc) mapping(n *yaml.Node, what string) *doc {
	if n.Kind != yaml.MappingNode {
		d.probs.Add(d.file, d.line(n), what+" must be indented key: value lines", "see docs/content.md for an example")
		return nil
	}
	g := &doc{file: d.file, start: d.start, anchor: d.line(n), keys: map[string]entry{}, probs: d.probs}
	g.addKeys(n, "")
	return g
}

// number returns a decimal number; a decimal comma is accepted, as Swedish writes it.
func (d *doc) number(key string, required bool) *float64 {
	v, line, ok := d.scalar(key, required)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(v.Value), ",", ".", 1), 64)
	if err != nil {
		d.probs.Add(d.file, line, fmt.Sprintf("%s must be a number, not %q", key, v.Value), "write digits, like 75.9 or 75,9")
		return nil
	}
	if !d.finite(key, f, v, line) {
		return nil
	}
	return &f
}
