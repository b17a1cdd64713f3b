package site

// The layouts: html/template files, each page kind parsed together with baseof.html and partials.html, looked up first in the
// site's layouts folder and then among the built-in ones.

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/stockholm/plansite/layouts"
)

// The page kinds; each is a template file of the same name.
var pageKinds = []string{"revision.html", "page.html", "404.html", "index.html", "jamfor.html", "jamfor-index.html", "sok.html", "uppfoljning.html", "nyckeltal.html"}

type templates struct {
	pages  map[string]*template.Template
	assets map[string][]byte // assets/… files, by path
}

// overlay reads a file from the site's folder when it has it, else from the built-in layouts.
type overlay struct {
	site fs.FS // may be nil
	base fs.FS
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if o.site != nil {
		if b, err := fs.ReadFile(o.site, name); err == nil {
			return b, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return fs.ReadFile(o.base, name)
}

// loadTemplates parses the layouts. dir may be "" to use only the built-in ones.
func loadTemplates(dir string) (*templates, error) {
	o := overlay{base: layouts.FS()}
	if dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("the layouts folder %s does not exist", dir)
		}
		o.site = os.DirFS(dir)
	}
	t := &templates{pages: map[string]*template.Template{}, assets: map[string][]byte{}}
	baseSrc, err := o.ReadFile("baseof.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	partials, err := o.ReadFile("partials.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	for _, kind := range pageKinds {
		src, err := o.ReadFile(kind)
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		tp := template.New(kind).Funcs(funcs)
		if _, err := tp.New("baseof.html").Parse(string(baseSrc)); err != nil {
			return nil, fmt.Errorf("layouts/baseof.html: %w", err)
		}
		if _, err := tp.New("partials.html").Parse(string(partials)); err != nil {
			return nil, fmt.Errorf("layouts/partials.html: %w", err)
		}
		if _, err := tp.Parse(string(src)); err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", kind, err)
		}
		t.pages[kind] = tp
	}
	// Assets: the built-in ones, replaced or added to by the site's.
	names := map[string]bool{}
	for _, fsys := range []fs.FS{o.base, o.site} {
		if fsys == nil {
			continue
		}
		_ = fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !ignoredAsset(path.Base(p)) {
				names[p] = true
			}
			return nil
		})
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		b, err := o.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", n, err)
		}
		t.assets[n] = b
	}
	return t, nil
}

func ignoredAsset(name string) bool {
	return len(name) > 0 && (name[0] == '.' || name[len(name)-1] == '~')
}

var funcs = template.FuncMap{
	"datum":     swedishDate,
	"tel":       telHref,
	"spans":     spansHTML,
	"diffblock": blockHTML,
}

// telHref makes a phone number into a tel: link; only digits and + are kept, so it is always safe.
func telHref(number string) template.URL {
	var b strings.Builder
	for _, r := range number {
		if r >= '0' && r <= '9' || r == '+' && b.Len() == 0 {
			b.WriteRune(r)
		}
	}
	return template.URL("tel:" + b.String())
}
