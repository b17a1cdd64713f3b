// Package linkcheck finds the links of the content that lead nowhere on the built site: to a revision, page or file
// that does not exist, or to an id (a section, activity or heading) that is not on the page.
package linkcheck

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/problem"
)

// Link is a link in the content: where it is, and the page it is on.
type Link struct {
	Page string // the page's folder, e.g. 2020/
	File string
	Line int
	Dest string
}

var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// Check checks every link against the site made: a link inside the site to a page, file or id that does not exist
// is a problem at the link's line. years are the plan's revisions, for the hints.
func Check(site *output.Memory, links []Link, years []int) problem.List {
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
	var yearList []string
	for _, y := range years {
		yearList = append(yearList, fmt.Sprint(y))
	}
	root, _ := url.Parse("http://site.invalid/")
	var probs problem.List
	for _, l := range links {
		u, err := url.Parse(strings.TrimSpace(l.Dest))
		if err != nil || u.Scheme != "" || u.Host != "" {
			continue // another site, mail or phone: not checked here
		}
		target := root.ResolveReference(&url.URL{Path: "/" + l.Page}).ResolveReference(u)
		p := strings.TrimPrefix(target.Path, "/")
		page := p
		if !strings.HasSuffix(p, "/") && p != "" {
			if exists[p] {
				continue // a file, such as a figure
			}
			if _, ok := ids[p+"/"]; ok {
				page = p + "/"
			} else {
				probs.Add(l.File, l.Line, fmt.Sprintf("länken %s leder till %s, som inte finns på webbplatsen", l.Dest, "/"+p),
					"länka till en revidering (/2020/), ett avsnitt eller en aktivitet i den (/2020/#rutin-vid-oro), en sida eller en fil i revideringens mapp")
				continue
			}
		}
		set, ok := ids[page]
		if !ok {
			hint := "länka till en sida på webbplatsen, till exempel /" + strings.Join(yearList, "/, /") + "/"
			if first, _, _ := strings.Cut(page, "/"); len(first) == 4 && first[0] >= '0' && first[0] <= '9' {
				hint = "det finns revideringar för " + strings.Join(yearList, ", ")
			}
			probs.Add(l.File, l.Line, fmt.Sprintf("länken %s leder till /%s, som inte finns", l.Dest, page), hint)
			continue
		}
		if frag := target.Fragment; frag != "" && !set[frag] {
			probs.Add(l.File, l.Line, fmt.Sprintf("länken %s leder till #%s, som inte finns på /%s", l.Dest, frag, page),
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
