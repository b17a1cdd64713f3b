package site

// Check: everything a build validates, without writing anything, and then the links — a link inside the site to
// a section, activity, heading, revision, page or file that does not exist.

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/problem"
)

// linkRef is a link in the content: where it is, and the page it is on.
type linkRef struct {
	page string // the page's folder, e.g. 2020/
	file string
	line int
	dest string
}

func (b *builder) noteLinks(page string, t content.Text, links []markdown.Ref) {
	if len(links) == 0 {
		return
	}
	b.linksMu.Lock()
	defer b.linksMu.Unlock()
	for _, l := range links {
		b.links = append(b.links, linkRef{page: page, file: t.Pos.File, line: t.Pos.Line + l.Line - 1, dest: l.Dest})
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
	probs = append(probs, b.checkLinks(mem)...)
	return stats, probs.Err()
}

var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// checkLinks checks every link of the content against the site made.
func (b *builder) checkLinks(site *output.Memory) problem.List {
	exists := map[string]bool{}         // file paths
	ids := map[string]map[string]bool{} // page folder → ids on it
	site.Each(func(p string, data []byte) {
		exists[p] = true
		if dir, ok := strings.CutSuffix(p, "index.html"); ok {
			set := map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(data, -1) {
				set[html.UnescapeString(string(m[1]))] = true
			}
			ids[dir] = set
		}
	})
	var years []string
	for _, r := range b.plan.Revisions {
		years = append(years, fmt.Sprint(r.Year))
	}
	root, _ := url.Parse("http://site.invalid/")
	var probs problem.List
	for _, l := range b.links {
		u, err := url.Parse(strings.TrimSpace(l.dest))
		if err != nil || u.Scheme != "" || u.Host != "" {
			continue // another site, mail or phone: not checked here
		}
		target := root.ResolveReference(&url.URL{Path: "/" + l.page}).ResolveReference(u)
		p := strings.TrimPrefix(target.Path, "/")
		page := p
		if !strings.HasSuffix(p, "/") && p != "" {
			if exists[p] {
				continue // a file, such as a figure
			}
			if _, ok := ids[p+"/"]; ok {
				page = p + "/"
			} else {
				probs.Add(l.file, l.line, fmt.Sprintf("länken %s leder till %s, som inte finns på webbplatsen", l.dest, "/"+p),
					"länka till en revidering (/2020/), ett avsnitt eller en aktivitet i den (/2020/#rutin-vid-oro), en sida eller en fil i revideringens mapp")
				continue
			}
		}
		set, ok := ids[page]
		if !ok {
			hint := "länka till en sida på webbplatsen, till exempel /" + strings.Join(years, "/, /") + "/"
			if first, _, _ := strings.Cut(page, "/"); len(first) == 4 && first[0] >= '0' && first[0] <= '9' {
				hint = "det finns revideringar för " + strings.Join(years, ", ")
			}
			probs.Add(l.file, l.line, fmt.Sprintf("länken %s leder till /%s, som inte finns", l.dest, page), hint)
			continue
		}
		if frag := target.Fragment; frag != "" && !set[frag] {
			probs.Add(l.file, l.line, fmt.Sprintf("länken %s leder till #%s, som inte finns på /%s", l.dest, frag, page),
				"använd id för ett avsnitt eller en aktivitet (raden id:), eller för en rubrik så som innehållsförteckningen länkar till den: "+
					closest(frag, set))
		}
	}
	probs.Sort()
	return probs
}

// closest suggests the ids most like the one that was not found.
func closest(id string, set map[string]bool) string {
	var all []string
	for k := range set {
		if !strings.HasPrefix(k, "fn-") {
			all = append(all, k)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		di, dj := common(id, all[i]), common(id, all[j])
		if di != dj {
			return di > dj
		}
		return all[i] < all[j]
	})
	if len(all) > 3 {
		all = all[:3]
	}
	for i := range all {
		all[i] = "#" + all[i]
	}
	return "kanske " + strings.Join(all, ", ")
}

// common is the length of the longest common prefix, as a cheap likeness.
func common(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
