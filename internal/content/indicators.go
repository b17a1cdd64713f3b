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
		d.probs.Add(d.file, d.line(e.key), "nyckeltal ska vara en lista där varje nyckeltal börjar med - id: på en egen rad",
			"se exemplet i docs/content.md")
		return nil
	}
	var out []*Indicator
	seen := map[string]int{}
	for _, item := range e.val.Content {
		g := d.mapping(item, "ett nyckeltal i nyckeltal")
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
			d.probs.Add(d.file, line, fmt.Sprintf("id %q används redan av själva sidan", ind.ID), reservedHint)
		case strings.HasSuffix(ind.ID, "-tabell"):
			d.probs.Add(d.file, line, fmt.Sprintf("nyckeltalets id %q slutar på -tabell, som sidorna lägger till för nyckeltalets tabell", ind.ID),
				"välj ett id som inte slutar på -tabell")
		}
		if first, dup := seen[ind.ID]; dup && ind.ID != "" {
			d.probs.Add(d.file, line, fmt.Sprintf("nyckeltalet %s står två gånger (första gången på rad %d)", ind.ID, first), "ge varje nyckeltal ett eget id")
		}
		seen[ind.ID] = line
		ve, ok := g.keys["värden"]
		if !ok || ve.val.Kind != yaml.SequenceNode || len(ve.val.Content) == 0 {
			d.probs.Add(d.file, g.anchor, fmt.Sprintf("nyckeltalet %s saknar värden", ind.ID),
				"lägg till värden: med en rad - period: … och värde: … för varje mätning")
			continue
		}
		for _, vi := range ve.val.Content {
			v := d.mapping(vi, "ett värde i värden")
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
		d.probs.Add(d.file, d.line(n), what+" ska vara indragna rader med nyckel: värde", "se exemplet i docs/content.md")
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
		d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara ett tal, inte %q", key, v.Value), "skriv siffror, till exempel 75.9 eller 75,9")
		return nil
	}
	if !d.finite(key, f, v, line) {
		return nil
	}
	return &f
}
