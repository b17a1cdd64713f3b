// Package site builds the plan's website: it loads the content, renders every page through the layouts into
// memory, and only when nothing is wrong writes the whole site to the output folder in one swap.
package site

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/memo"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
	"github.com/stockholm/plansite/internal/swedish"
)

// Options say what to build and where.
type Options struct {
	Content string // the content folder
	Layouts string // a folder whose files replace the built-in layouts of the same name; "" for none
	Out     string // the output folder
	BaseURL string // the address the site is published at, e.g. https://intranet.example/vbe/; may be empty
	// EditURL, when set, makes each section and activity link to its source file for editing: the address of the
	// content folder in the repository's web editor, e.g. https://gitlab.example/org/plan/-/edit/main/content/.
	EditURL string
	// Replace lets a build replace an output folder that holds files no earlier build made.
	Replace bool
	// Drafts publishes drafts and examples too, each with its banner; without it only adopted revisions are.
	Drafts bool
}

// Stats describe a finished build.
type Stats struct {
	Revisions int
	Pages     int // HTML pages
	Files     int // every file written
	Elapsed   time.Duration
	// Leftover, when not empty, says what a build could not clean up after the new site was in place.
	Leftover string
	// Warnings are what the coordinator should look at, though nothing stops the build: drafts included.
	Warnings problem.List
}

// String is the line printed after a build, e.g. "Built 2 revisions, 3 pages in 12 ms".
func (s Stats) String() string {
	return fmt.Sprintf("Byggde %s, %s på %d ms", swedish.Count(s.Revisions, "revidering", "revideringar"),
		swedish.Count(s.Pages, "sida", "sidor"), s.Elapsed.Milliseconds())
}

// Build loads, renders and writes the site. Content problems come back as a problem.List and leave the output
// folder as it was.
func Build(opt Options) (Stats, error) {
	return BuildContext(context.Background(), opt)
}

// BuildContext is Build, stopped when ctx ends (on Ctrl-C, say): what was written so far is removed, and the
// output folder stays as it was. An output folder that the build must not replace is refused with an *OutputError
// before anything is written; a failure to write comes back as a *WriteError.
func BuildContext(ctx context.Context, opt Options) (Stats, error) {
	start := time.Now()
	if err := CheckOutput(opt); err != nil {
		return Stats{}, err
	}
	t, err := newTree(ctx, opt.Out)
	if err != nil {
		return Stats{}, &WriteError{Out: opt.Out, Err: err}
	}
	committed := false
	defer func() {
		if !committed {
			t.abort()
		}
	}()
	files, stats, err := render(opt, t.write)
	if err != nil {
		return stats, err
	}
	t.writeAll(files)
	if err := t.err(); err != nil {
		return stats, &WriteError{Out: opt.Out, Err: err, Needed: t.size.Load(), Dir: filepath.Dir(t.tmp)}
	}
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	leftover, err := t.commit()
	var lost *lostError
	if err == nil || errors.As(err, &lost) {
		committed = true // the tree is the site now, or must stay where the error says
	}
	if err != nil {
		return stats, &WriteError{Out: opt.Out, Err: err}
	}
	stats.Leftover = leftover
	stats.Files = t.files
	stats.Elapsed = time.Since(start)
	return stats, nil
}

// Render loads the content and renders every file of the site in memory, without writing anything.
func Render(opt Options) ([]file, Stats, error) {
	return render(opt, nil)
}

// render renders the site. The comparison pages, the bulk of a site with many revisions, are handed to emit as
// they are made when emit is not nil; the other files are returned.
func render(opt Options, emit func(file) error) ([]file, Stats, error) {
	_, files, stats, err := renderWith(opt, emit, nil)
	if err != nil {
		return nil, stats, err
	}
	return files, stats, err
}

// renderWith renders and returns the builder too, for the checks that look at the whole site. In a session (sess
// not nil) it reuses what the session's earlier renders worked out.
func renderWith(opt Options, emit func(file) error, sess *Session) (*builder, []file, Stats, error) {
	var stats Stats
	base, err := parseBaseURL(opt.BaseURL)
	if err != nil {
		return nil, nil, stats, err
	}
	var last *templates
	if sess != nil {
		sess.mu.Lock()
		defer sess.mu.Unlock()
		last = sess.tpl
	}
	tpl, err := loadTemplates(opt.Layouts, last)
	if err != nil {
		return nil, nil, stats, err
	}
	load := content.Load
	if sess != nil {
		load = sess.content.Load
	}
	plan, err := load(opt.Content)
	if err != nil {
		return nil, nil, stats, err
	}
	stats.Warnings = plan.Warnings()
	if !opt.Drafts {
		if plan, err = plan.Published(); err != nil {
			return nil, nil, stats, err
		}
	}
	edit, err := parseEditURL(opt.EditURL)
	if err != nil {
		return nil, nil, stats, err
	}
	b := &builder{plan: plan, tpl: tpl, base: base, emit: emit, abbr: newAbbreviator(plan.Glossary()), edit: edit,
		content: opt.Content}
	if sess != nil {
		sess.begin(b)
	} else {
		b.md, b.cmp, b.texts = markdown.New(), compare.NewCache(), memo.New[convertKey, *converted]()
	}
	files, probs := b.render()
	stats.Warnings = append(stats.Warnings, b.warnings...)
	stats.Warnings.Sort()
	if err := probs.Err(); err != nil {
		return b, files, stats, err // the files as far as they were made, for Check
	}
	if sess != nil {
		sess.end(tpl)
	}
	stats.Revisions = len(plan.Revisions)
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			stats.Pages++
		}
	}
	stats.Pages += int(b.emitted.Load())
	stats.Files = len(files) + int(b.emitted.Load())
	return b, files, stats, nil
}

// parseBaseURL accepts an absolute http(s) address or a path, and makes it end in a slash.
func parseBaseURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("--base-url %q är inte en webbadress (skriv till exempel https://intranet.example/vbe/)", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// parseEditURL accepts an absolute http(s) address and makes it end in a slash.
func parseEditURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--edit-url %q är inte en webbadress (skriv till exempel https://gitlab.example/org/plan/-/edit/main/content/)", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// editHref is the address that edits the content file, or "" without an edit URL.
func (b *builder) editHref(file string) string {
	if b.edit == nil {
		return ""
	}
	rel, err := filepath.Rel(b.content, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	u := *b.edit
	u.Path += filepath.ToSlash(rel)
	return u.String()
}

// IsContentError reports whether err is about the content (exit status 1) rather than the machine.
func IsContentError(err error) bool {
	var l problem.List
	return errors.As(err, &l)
}

// builder renders one build.
type builder struct {
	plan    *content.Plan
	tpl     *templates
	md      *markdown.Converter
	base    *url.URL
	cmp     *compare.Cache                    // shared by every revision, so comparisons repeat no work
	body    sync.Map                          // *compare.TextDiff → its marked HTML, shared by the comparison pages
	cells   cellsHTML                         // compared rows' cells, shared by the comparison pages
	texts   *memo.Map[convertKey, *converted] // Markdown without heading ids, rendered once per build or session
	reuse   *reuse                            // in a session: revisions and comparisons already rendered; else nil
	ctx     string                            // in a session: what every page depends on (contextKey)
	words   *search.Memo                      // the search index's word work; nil outside a session
	sizes   sync.Map                          // page kind → *atomic.Int64, the size of the last page of the kind
	emit    func(file) error
	emitted atomic.Int64 // pages handed to emit
	// comparePages are the paths of the comparison pages, which may have been handed to emit rather than returned.
	comparePages []string
	consecutive  sync.Map     // year → *compare.Result: the comparison with the revision before, made for its page
	abbr         *abbreviator // nil without a glossary
	changes      changeNotes  // what changed in each revision, for the feed
	edit         *url.URL     // the repository's editor for the content folder; nil for no edit links
	content      string       // the content folder, to make source paths relative to it

	warnings problem.List // found while rendering, such as a draft's picture without a text alternative

	linksMu sync.Mutex
	links   []linkRef // every link the content makes, for Check
}

// render produces every file; revisions are rendered in parallel.
func (b *builder) render() ([]file, problem.List) {
	type result struct {
		files []file
		rev   *renderedRevision
		probs problem.List
	}
	results := make([]result, len(b.plan.Revisions))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, rev := range b.plan.Revisions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i].files, results[i].rev, results[i].probs = b.revisionOnce(rev)
		}()
	}
	var files []file
	var probs problem.List
	pages, pp := b.pages()
	files = append(files, pages...)
	probs = append(probs, pp...)
	wg.Wait()
	revs := make([]*renderedRevision, len(results))
	for i, r := range results {
		files = append(files, r.files...)
		probs = append(probs, r.probs...)
		revs[i] = r.rev
		if r.rev != nil {
			b.warnings = append(b.warnings, r.rev.warnings...)
		}
	}
	rendered := !slices.Contains(revs, nil)
	if len(probs) == 0 || b.emit == nil && rendered {
		// The search index and the comparisons need only the rendered revisions: they are made side by side. With
		// problems they are made only for Check, whose links may lead to them.
		var sf []file
		var sp problem.List
		done := make(chan struct{})
		go func() {
			defer close(done)
			sf, sp = b.searchPages(revs)
		}()
		cf, cp := b.comparisons(revs)
		hf, hp := b.histories(revs) // after the comparisons, whose consecutive pairs it reuses
		<-done
		files = append(files, hf...)
		probs = append(probs, hp...)
		files = append(files, cf...)
		probs = append(probs, cp...)
		files = append(files, sf...)
		probs = append(probs, sp...)
		if f, err := b.feed(); err != nil {
			probs.Add("feed.xml", 0, err.Error(), "")
		} else {
			files = append(files, f)
		}
		files = append(files, b.crawlerFiles(files)...)
	}
	files = append(files, b.assets()...)
	return files, probs
}
