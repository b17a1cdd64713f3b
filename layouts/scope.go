package layouts

// Scoping a page kind's templates inside the one template set of a site. Each kind is parsed together with the
// frame (baseof.html) and the partials, and may define any of their templates again for its own pages: its blocks
// "main", "banner" and "head", or a partial. In the one set, what a kind defines is named "<kind>/<name>", and so
// is every template of the frame and the partials that leads to one of those (baseof.html leads to "main"): each
// gets a copy under the kind's name whose calls lead to the kind's definitions. The rest is in the set once, and
// html/template escapes it once for all the kinds, where a copy of the frame and partials for each kind had it
// parsed, copied and escaped ten times (docs/performance.md).

import (
	"fmt"
	"strconv"
	"strings"
	"text/template/parse"
)

// scopedName is the name of a kind's own template in the site's set.
func scopedName(kind, name string) string { return kind + "/" + name }

// scope returns the trees kind has of its own, by their scoped names: those it defines (own), and those of common
// (the frame and the partials) that call one of them, directly or through others. Their calls lead to the scoped
// ones. The trees of common are copied, not changed; those of own are changed.
func scope(kind string, own, common map[string]*parse.Tree) map[string]*parse.Tree {
	in := map[string]bool{}
	for name := range own {
		in[name] = true
	}
	for grown := true; grown; {
		grown = false
		for name, t := range common {
			if !in[name] && callsAny(t, in) {
				in[name], grown = true, true
			}
		}
	}
	out := make(map[string]*parse.Tree, len(in))
	for name := range in {
		t := own[name]
		if t == nil {
			t = common[name].Copy()
		}
		eachCall(t, func(name *string) {
			if in[*name] {
				*name = scopedName(kind, *name)
			}
		})
		out[scopedName(kind, name)] = t
	}
	return out
}

// callsAny reports whether t calls a template whose name is in names.
func callsAny(t *parse.Tree, names map[string]bool) bool {
	found := false
	eachCall(t, func(name *string) { found = found || names[*name] })
	return found
}

// eachCall calls do with the name of each template t calls, which do may change: {{template "name"}} (a {{block}}
// is one too), and {{shared "name" data}}, whose name checkShared holds to a quoted string.
func eachCall(t *parse.Tree, do func(name *string)) {
	walk(t.Root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.TemplateNode:
			do(&n.Name)
		case *parse.CommandNode:
			if s, ok := sharedName(n); ok {
				do(&s.Text)
				s.Quoted = strconv.Quote(s.Text)
			}
		}
	})
}

// sharedName returns the name a call of the template function shared renders, when c is one with a quoted name.
func sharedName(c *parse.CommandNode) (*parse.StringNode, bool) {
	if !callsShared(c) || len(c.Args) < 2 {
		return nil, false
	}
	s, ok := c.Args[1].(*parse.StringNode)
	return s, ok
}

// callsShared reports whether c calls the template function shared.
func callsShared(c *parse.CommandNode) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == "shared"
}

// checkShared reports a call of shared whose first argument is not a quoted name: the template it renders must be
// known from the layout itself, for a kind's own definition of it to be the one the kind's pages get.
func checkShared(t *parse.Tree) error {
	var err error
	walk(t.Root, func(n parse.Node) {
		c, ok := n.(*parse.CommandNode)
		if !ok || err != nil || !callsShared(c) {
			return
		}
		if _, ok := sharedName(c); !ok {
			loc, _ := t.ErrorContext(c)
			loc = loc[:max(0, strings.LastIndexByte(loc, ':'))] // file:line, without the column
			err = fmt.Errorf("template: %s: shared tar mallens namn inom citattecken (skriv {{shared \"namn\" data}})", loc)
		}
	})
	return err
}

// walk calls visit with n and every node under it.
func walk(n parse.Node, visit func(parse.Node)) {
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, visit)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, visit)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, visit)
		}
	case *parse.ChainNode:
		walk(n.Node, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	walk(b.Pipe, visit)
	walk(b.List, visit)
	walk(b.ElseList, visit)
}
