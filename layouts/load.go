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
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// PageKinds are the kinds of page; each is a template file of the same name.
var PageKinds = []string{"revision.html", "page.html", "404.html", "index.html", "jamfor.html", "jamfor-index.html", "sok.html", "uppfoljning.html", "nyckeltal.html", "historik.html"}

// Set is the layouts of a site, parsed.
type Set struct {
	set      *template.Template       // every kind's layouts, each kind's own under its name (scope.go)
	rendered atomic.Pointer[sync.Map] // sharedKey → what the template function shared rendered in this render
	assets   map[string][]byte        // assets/… files, by path
	sources  map[string][]byte        // every file read, by name: the layouts are parsed again only when one changes
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
	t := &Set{assets: map[string][]byte{}, sources: src}
	t.Begin()
	// The frame and the partials are parsed once, each page kind on its own beside the others, and all of them go
	// into one set, each kind with what it defines under its own name (scope.go).
	common, err := parseTrees("baseof.html", src)
	if err != nil {
		return nil, err
	}
	partials, err := parseTrees("partials.html", src)
	if err != nil {
		return nil, err
	}
	dropEmpty(partials, common)
	maps.Copy(common, partials)
	own := make([]map[string]*parse.Tree, len(PageKinds))
	errs := make([]error, len(PageKinds))
	cores.Each(len(PageKinds), func(i int) {
		own[i], errs[i] = parseTrees(PageKinds[i], src)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err // the first kind's, as one after the other would find it
		}
	}
	t.set = template.New("").Funcs(funcs).Funcs(template.FuncMap{"shared": t.shared})
	for name, tree := range common {
		if _, err := t.set.AddParseTree(name, tree); err != nil {
			return nil, err
		}
	}
	for i, kind := range PageKinds {
		dropEmpty(own[i], common)
		for name, tree := range scope(kind, own[i], common) {
			if _, err := t.set.AddParseTree(name, tree); err != nil {
				return nil, fmt.Errorf("layouts/%s: %w", kind, err)
			}
		}
	}
	for name, b := range src {
		if strings.HasPrefix(name, "assets/") {
			t.assets[name] = b
		}
	}
	return t, nil
}

// parseTrees parses the layout file name on its own and returns the templates it defines, by name: the file's own
// text under its name, and each {{define}} and {{block}}.
func parseTrees(name string, src map[string][]byte) (map[string]*parse.Tree, error) {
	tp, err := template.New(name).Funcs(funcs).Parse(string(src[name]))
	if err != nil {
		return nil, fmt.Errorf("layouts/%s: %w", name, err)
	}
	trees := map[string]*parse.Tree{}
	for _, d := range tp.Templates() {
		if d.Tree == nil {
			continue
		}
		if err := checkShared(d.Tree); err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", name, err)
		}
		trees[d.Name()] = d.Tree
	}
	return trees, nil
}

// dropEmpty takes from trees the empty definitions of templates that common has: a file parsed into a set that
// has a template leaves it in place when the file's definition of it is empty, and so do the kinds and the
// partials here.
func dropEmpty(trees, common map[string]*parse.Tree) {
	for name, tree := range trees {
		if common[name] != nil && parse.IsEmptyTree(tree.Root) {
			delete(trees, name)
		}
	}
}

// Execute renders the template name of a page kind's layouts, such as "revision.html" or a partial, as the kind
// has it: its own definition when it has one, else the frame's or the partials'.
func (s *Set) Execute(w io.Writer, kind, name string, data any) error {
	if s.set.Lookup(scopedName(kind, name)) != nil {
		name = scopedName(kind, name)
	}
	return s.set.ExecuteTemplate(w, name, data)
}

// Begin starts a render: what the template function shared rendered for the last one is forgotten. Renders with
// one Set must not run at once.
func (s *Set) Begin() { s.rendered.Store(new(sync.Map)) }

// sharedKey is a template rendered by shared: its name in the set and its data.
type sharedKey struct {
	name string
	data any
}

// shared is the template function shared: {{shared "name" data}} is what {{template "name" data}} gives in the
// text of an HTML element, rendered once per render for all equal data, which must be comparable. A part that many
// pages or rows show alike, such as the frame's header with its list of every revision, then costs one execution
// instead of one for each page. The name is the one in the set: scope.go has made it the page kind's own where the
// kind defines the template.
func (s *Set) shared(name string, data any) (template.HTML, error) {
	if data != nil && !canCompare(data) {
		return "", fmt.Errorf("shared %q: %T kan inte jämföras; använd template", name, data)
	}
	m := s.rendered.Load()
	k := sharedKey{name, data}
	if h, ok := m.Load(k); ok {
		return h.(template.HTML), nil
	}
	b := sharedBuffers.Get().(*bytes.Buffer)
	defer sharedBuffers.Put(b)
	b.Reset()
	if err := s.set.ExecuteTemplate(b, name, data); err != nil {
		return "", err
	}
	h, _ := m.LoadOrStore(k, template.HTML(b.String()))
	return h.(template.HTML), nil
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
	// bound to a Set by Load (Set.shared)
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
