package exports

// For search engines: robots.txt, and the sitemap when the site's address is known.

import (
	"html"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/stockholm/plansite/internal/output"
)

// Crawlers makes robots.txt and, when the site's address base is known (--base-url), sitemap.xml with the address
// of every page but the 404 page. pages are the pages' paths, in any order.
func Crawlers(pages []string, base *url.URL) []output.File {
	robots := "User-agent: *\nAllow: /\n"
	if base == nil {
		return []output.File{{Path: "robots.txt", Data: []byte(robots)}}
	}
	pages = slices.DeleteFunc(slices.Clone(pages), func(p string) bool { return p == "404.html" })
	slices.Sort(pages)
	var sm strings.Builder
	sm.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range slices.Compact(pages) {
		u := *base
		u.Path = path.Join(u.Path, strings.TrimSuffix(p, "index.html"))
		if strings.HasSuffix(p, "index.html") && !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		sm.WriteString("<url><loc>" + html.EscapeString(u.String()) + "</loc></url>\n")
	}
	sm.WriteString("</urlset>\n")
	site := *base
	site.Path = path.Join(site.Path, "sitemap.xml")
	robots += "Sitemap: " + site.String() + "\n"
	return []output.File{{Path: "robots.txt", Data: []byte(robots)}, {Path: "sitemap.xml", Data: []byte(sm.String())}}
}
