package layouts

// Loading the layouts: html/template files, each page kind parsed together with baseof.html and partials.html,
// looked up first in the site's layouts folder and then among the built-in ones.

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/diffhtml"
	"github.com/stockholm/plansite/internal/swedish"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
)

// PageKinds are the kinds of page; each is a template file of the same name.
var PageKinds = []string{"revision.html", "page.html", "404.html", "index.html", "jamfor.html", "jamfor-index.html", "sok.html", "uppfoljning.html", "nyckeltal.html", "historik.html"}

// Set is the layouts of a site, parsed.
type Set struct {
	pages   map[string]*template.Template
	shared  atomic.Pointer[sync.Map] // sharedKey → what the template function shared rendered in this render
	assets  map[string][]byte        // assets/… files, by path
	sources map[string][]byte        // every file read, by name: the layouts are parsed again only when one changes
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

// Load reads and parses the layouts. dir may be "" to use only the built-in ones. When last was parsed from the same
// files, byte for byte, it is returned as it is: parsing and escaping the layouts is a good part of a small site's
// render, and the preview renders after every save.
func Load(dir string, last *Set) (*Set, error) {
	src, err := readLayouts(dir)
	if err != nil {
		return nil, err
	}
	if last != nil && maps.EqualFunc(src, last.sources, bytes.Equal) {
		return last, nil
	}
	t := &Set{pages: map[string]*template.Template{}, assets: map[string][]byte{}, sources: src}
	t.Begin()
	// The frame and the partials are parsed once, and each page kind gets its own copy to define its blocks in:
	// parsing them again for each of the ten kinds was two thirds of the parsing.
	common := template.New("baseof.html").Funcs(funcs)
	if _, err := common.Parse(string(src["baseof.html"])); err != nil {
		return nil, fmt.Errorf("layouts/baseof.html: %w", err)
	}
	if _, err := common.New("partials.html").Parse(string(src["partials.html"])); err != nil {
		return nil, fmt.Errorf("layouts/partials.html: %w", err)
	}
	// The kinds are parsed side by side: the loading of the content, beside which the layouts are read, leaves a
	// core before they are done, and the revisions wait for both.
	pages := make([]*template.Template, len(PageKinds))
	errs := make([]error, len(PageKinds))
	cores.Each(len(PageKinds), func(i int) {
		kind := PageKinds[i]
		c, err := common.Clone()
		if err != nil {
			errs[i] = fmt.Errorf("layouts/%s: %w", kind, err)
			return
		}
		c.Funcs(template.FuncMap{"shared": t.sharedFunc(kind)})
		tp := c.New(kind)
		if _, err := tp.Parse(string(src[kind])); err != nil {
			errs[i] = fmt.Errorf("layouts/%s: %w", kind, err)
			return
		}
		pages[i] = tp
	})
	for i, kind := range PageKinds {
		if errs[i] != nil {
			return nil, errs[i] // the first kind's, as one after the other would find it
		}
		t.pages[kind] = pages[i]
	}
	for name, b := range src {
		if strings.HasPrefix(name, "assets/") {
			t.assets[name] = b
		}
	}
	return t, nil
}

// Begin starts a render: what the template function shared rendered for the last one is forgotten. Renders with
// one Set must not run at once.
func (s *Set) Begin() { s.shared.Store(new(sync.Map)) }

// sharedKey is a template rendered by shared: the page kind whose layouts it is from, its name and its data.
type sharedKey struct {
	kind, name string
	data       any
}

// sharedFunc is the template function shared of a page kind's layouts: {{shared "name" data}} is what
// {{template "name" data}} gives in the text of an HTML element, rendered once per render for all equal data,
// which must be comparable. A part that many pages or rows show alike, such as the frame's header with its list of
// every revision, then costs one execution instead of one for each page.
func (s *Set) sharedFunc(kind string) func(name string, data any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		if data != nil && !canCompare(data) {
			return "", fmt.Errorf("shared %q: %T kan inte jämföras; använd template", name, data)
		}
		m := s.shared.Load()
		k := sharedKey{kind, name, data}
		if h, ok := m.Load(k); ok {
			return h.(template.HTML), nil
		}
		b := sharedBuffers.Get().(*bytes.Buffer)
		defer sharedBuffers.Put(b)
		b.Reset()
		if err := s.pages[kind].ExecuteTemplate(b, name, data); err != nil {
			return "", err
		}
		h, _ := m.LoadOrStore(k, template.HTML(b.String()))
		return h.(template.HTML), nil
	}
}

// sharedBuffers are shared's buffers to render into: its result is copied out at its size.
var sharedBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// canCompare reports whether data can be a map key. Only a value that holds an interface needs to be looked at
// (reflect.Value.Comparable, a fifth of shared's time on a revision page): for the rest, its type tells.
func canCompare(data any) bool {
	t := reflect.TypeOf(data)
	plain, ok := plainTypes.Load(t)
	if !ok {
		plain, _ = plainTypes.LoadOrStore(t, plainComparable(t))
	}
	return plain.(bool) || reflect.ValueOf(data).Comparable()
}

// plainTypes holds plainComparable by reflect.Type.
var plainTypes sync.Map

// plainComparable reports whether every value of t can be compared: t is comparable and holds no interface,
// whose dynamic value might not be.
func plainComparable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return false
	case reflect.Array:
		return plainComparable(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !plainComparable(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return t.Comparable()
}

// Page is the template of a page kind, such as "revision.html"; it executes by the kind's name.
func (s *Set) Page(kind string) *template.Template { return s.pages[kind] }

// Assets are the files published under assets/ (CSS, scripts, the icon), by path.
func (s *Set) Assets() map[string][]byte { return s.assets }

// readLayouts reads every file the layouts are made of, by name: the site's own where it has one, else the
// built-in one. Assets are the built-in ones, replaced or added to by the site's.
func readLayouts(dir string) (map[string][]byte, error) {
	o := overlay{base: FS()}
	if dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("layoutmappen %s finns inte", dir)
		}
		o.site = os.DirFS(dir)
	}
	src := map[string][]byte{}
	for _, name := range append([]string{"baseof.html", "partials.html"}, PageKinds...) {
		b, err := o.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		src[name] = b
	}
	var readErr error
	for _, fsys := range []fs.FS{o.base, o.site} {
		if fsys == nil {
			continue
		}
		_ = fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
			if _, done := src[p]; err != nil || d.IsDir() || ignoredAsset(path.Base(p)) || done {
				return nil
			}
			b, err := o.ReadFile(p)
			if err != nil {
				readErr = fmt.Errorf("layouts/%s: %w", p, err)
				return fs.SkipAll
			}
			src[p] = b
			return nil
		})
	}
	return src, readErr
}

func ignoredAsset(name string) bool {
	return len(name) > 0 && (name[0] == '.' || name[len(name)-1] == '~')
}

var funcs = template.FuncMap{
	"csp": func() template.HTML {
		return `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
	},
	"datum":     swedish.Date,
	"add":       func(a, b int) int { return a + b },
	"tel":       telHref,
	"spans":     diffhtml.Spans,
	"diffblock": diffhtml.Block,
	// bound to each page kind's layouts by Load (Set.sharedFunc)
	"shared": func(string, any) (template.HTML, error) { return "", errors.New("shared: not bound") },
}

// ContentSecurityPolicy is what every page allows itself: the site's own scripts, styles, images and data, and
// nothing from elsewhere, no inline script or style, no plugins. Content that slipped past the checks could then
// still not run code. The pages carry it in a meta tag, since a static site cannot count on its server's headers.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

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
