// Package preview is `plansite serve`: it renders the site in memory, serves it with live reload, and renders
// again once per burst of changes to the content, the layouts or the settings file. A build that fails leaves the
// last good site in place and shows its problems on the open pages until they are fixed.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/serve"
	"github.com/stockholm/plansite/internal/site"
	"github.com/stockholm/plansite/internal/watch"
	"github.com/stockholm/plansite/layouts"
)

// Server is a running preview.
type Server struct {
	Site site.Options
	Log  io.Writer // one line per build; may be nil
	// Settings is the settings file, watched beside the content and layouts; may be empty.
	Settings string
	// Options, when not nil, makes the options anew before every render (from the flags and the settings file),
	// so that a change of settings shows at once; Site is then only the first options.
	Options func() (site.Options, error)
	// Built receives the time each build ended, successful or not (for tests and measurements); may be nil.
	Built chan<- Result

	live *serve.Live
	sess *site.Session // what one render lends the next
	last fs.FS         // the site of the last good build; nil before the first
}

// Result describes one build of the preview.
type Result struct {
	Stats    site.Stats
	Problems []string // nil when the build succeeded
	Started  time.Time
	Early    time.Time // when the pages of the revisions rendered anew were served, before the rest; zero if not
	Ended    time.Time // when the pages were told
}

// Run builds, serves on ln and watches until ctx ends. It returns nil when ctx ends.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	if s.Log == nil {
		s.Log = io.Discard
	}
	s.live = serve.NewLive() // until the first good build: a page that waits for it
	s.sess = site.NewSession()
	var files []string
	if s.Settings != "" {
		files = append(files, s.Settings)
	}
	// The watch covers the folders of the current options; when the settings name other folders, it is started
	// again on those.
	var batches <-chan watch.Batch
	var errs <-chan error
	var roots []string
	stopWatch := func() {}
	defer func() { stopWatch() }()
	rewatch := func(o site.Options) error {
		next := []string{o.Content}
		if o.Layouts != "" {
			next = append(next, o.Layouts)
		}
		if slices.Equal(next, roots) {
			return nil
		}
		wctx, cancel := context.WithCancel(ctx)
		b, e, err := watch.Watch(wctx, next, watch.Options{Ignore: content.Ignored, Files: files})
		if err != nil {
			cancel()
			return fmt.Errorf("kan inte bevaka ändringar i %s: %w", strings.Join(next, ", "), err)
		}
		stopWatch()
		batches, errs, roots, stopWatch = b, e, next, cancel
		return nil
	}
	// Watch first, then build: a change made while the first build runs is then not missed.
	if err := rewatch(s.Site); err != nil {
		return err
	}
	s.rebuild(time.Now(), nil, rewatch)
	srv := &http.Server{Handler: withPolicy(s.live), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shutdown)
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-errs:
			fmt.Fprintf(s.Log, "Bevakningen av ändringar: %v\n", err)
		case b, ok := <-batches:
			if !ok {
				return nil
			}
			if len(b.Paths) > 0 {
				s.rebuild(time.Now(), b.Paths, rewatch)
			}
		}
	}
}

// withPolicy sends the pages' Content-Security-Policy as a header too, where it can also forbid framing, which a
// meta tag cannot.
func withPolicy(h http.Handler) http.Handler {
	policy := layouts.ContentSecurityPolicy + "; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		h.ServeHTTP(w, r)
	})
}

// BasePath is the path the preview serves the site under: that of the address it is published at, so that the
// pages that need absolute links (the 404 page) work in the preview too; "/" without one.
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// rebuild renders the site with the current options in memory, serves it and tells the pages, or shows what is
// wrong; changed are the paths that changed (nil for the first build), and rewatch moves the watch when the options
// name other folders. Nothing is written to disk: the preview never touches public/, and a rebuild costs only the
// rendering.
//
// When only Markdown files of the content changed, the pages of each revision rendered anew are served as soon as
// they are made, over the last site, and the open pages that show one of them patch themselves. The render waits
// until they have (at most maxWait), so that the browser has the machine to itself; the comparisons, histories
// and search index follow with the whole site. A change to anything else (the layouts, their styles and
// scripts, a picture, the settings) makes the open pages reload whole once the site is complete, unless the site
// came out the same as before.
func (s *Server) rebuild(start time.Time, changed []string, rewatch func(site.Options) error) {
	var fsys fs.FS
	var stats site.Stats
	var err error
	whole := changed == nil
	if s.Options != nil {
		var o site.Options
		if o, err = s.Options(); err == nil {
			s.Site = o
			if werr := rewatch(o); werr != nil {
				fmt.Fprintf(s.Log, "%v\n", werr)
			}
		}
	}
	for _, p := range changed {
		if !textOnly(s.Site.Content, p) {
			whole = true
		}
	}
	res := Result{Started: start}
	var early func(fs.FS)
	if !whole && s.last != nil {
		var mu sync.Mutex
		over := s.last
		base := BasePath(s.Site.BaseURL)
		wait := maxWait
		early = func(pages fs.FS) {
			mu.Lock()
			defer mu.Unlock()
			over = overlay{top: pages, under: over}
			now := time.Now()
			wait -= s.live.Early(serve.HandlerFS(over, base), max(wait, 0))
			if res.Early.IsZero() {
				res.Early = now
			}
		}
	}
	if err == nil {
		fsys, stats, err = s.sess.RenderFSEarly(s.Site, early)
	}
	res.Stats = stats
	if err != nil {
		if probs, ok := problem.AsList(err); ok {
			for _, p := range probs {
				res.Problems = append(res.Problems, p.Error())
			}
		} else {
			res.Problems = []string{err.Error()}
		}
		s.live.Failed(res.Problems)
		// "problem" is the same word in the singular and the plural.
		fmt.Fprintf(s.Log, "Bygget misslyckades: %d problem. Förhandsvisningen visar den senaste versionen som gick att bygga.\n", len(res.Problems))
		for _, p := range res.Problems {
			fmt.Fprintln(s.Log, "  "+p)
		}
	} else {
		// A site that came out the same, byte for byte, as the last (a file saved unchanged, or emptied and then
		// filled again in two builds) reloads no page: the reader keeps the place, and a form half filled in.
		reload := whole && (s.last == nil || !output.Same(s.last, fsys))
		s.last = fsys
		s.live.Serve(serve.HandlerFS(fsys, BasePath(s.Site.BaseURL)))
		var warnings []string
		for _, w := range stats.Warnings {
			warnings = append(warnings, w.Error())
		}
		s.live.Built(warnings, reload)
		fmt.Fprintln(s.Log, stats)
	}
	res.Ended = time.Now()
	if s.Built != nil {
		s.Built <- res
	}
}

// maxWait is the longest a render waits, in all, for the open pages to patch themselves before it goes on with the
// rest of the site: a tab that never answers, or answers slowly, delays the rest by no more.
const maxWait = 300 * time.Millisecond

// textOnly reports whether a change of the path p, inside the content folder or not, is one a patch of the open
// pages shows: that of a Markdown file, or of a folder or a file gone (such as an editor's temporary file, renamed
// over the one saved). A picture, a layout, a style, a script or the settings make them reload.
func textOnly(content, p string) bool {
	rel, err := filepath.Rel(content, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	if strings.EqualFold(filepath.Ext(p), ".md") {
		return true
	}
	info, err := os.Stat(p)
	return err != nil || info.IsDir()
}

// overlay is a site with some files made anew over the last one.
type overlay struct {
	top, under fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.under.Open(name)
}
