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
	"time"

	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/diffhtml"
	"github.com/stockholm/plansite/internal/exports"
	"github.com/stockholm/plansite/internal/linkcheck"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/layouts"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
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
	// Armed, when not nil, is closed once the build would be stopped cleanly by a signal (cmd/plansite sets up its
	// signals beside the build): nothing is made beside the output folder before.
	Armed <-chan struct{}
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
// output folder stays as it was. An output folder that the build must not replace is refused with an
// *output.OutputError before anything is written; a failure to write comes back as an *output.WriteError.
func BuildContext(ctx context.Context, opt Options) (Stats, error) {
	start := time.Now()
	// The output folder is checked and prepared beside the loading of the content: the files wait for it.
	prepared := &pendingFolder{ready: make(chan struct{})}
	go func() {
		defer close(prepared.ready)
		if err := output.Check(output.Target{Out: opt.Out, Content: opt.Content, Layouts: opt.Layouts, Replace: opt.Replace}); err != nil {
			prepared.err = err
			return
		}
		if opt.Armed != nil {
			<-opt.Armed
		}
		folder, err := output.NewFolder(ctx, opt.Out)
		if err != nil {
			prepared.err = &output.WriteError{Out: opt.Out, Err: err}
			return
		}
		prepared.folder = folder
	}()
	_, stats, err := newSession(false).render(opt, prepared, false)
	<-prepared.ready
	if prepared.err != nil {
		return Stats{}, prepared.err // an output folder that cannot be used is said first, as nothing is written
	}
	folder := prepared.folder
	committed := false
	defer func() {
		if !committed {
			folder.Abort()
		}
	}()
	if err != nil {
		return stats, err
	}
	if err := folder.Err(); err != nil {
		return stats, &output.WriteError{Out: opt.Out, Err: err, Needed: folder.Needed(), Dir: filepath.Dir(folder.Dir())}
	}
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	leftover, err := folder.Commit()
	var lost *output.LostError
	if err == nil || errors.As(err, &lost) {
		committed = true // the folder is the site now, or must stay where the error says
	}
	if err != nil {
		return stats, &output.WriteError{Out: opt.Out, Err: err, Needed: folder.Needed(), Dir: filepath.Dir(folder.Dir())}
	}
	stats.Leftover = leftover
	stats.Files = folder.Files()
	stats.Elapsed = time.Since(start)
	return stats, nil
}

// pendingFolder is the output folder while it is being prepared: a file put before it is ready waits for it, and
// one put into a folder that could not be prepared is dropped (BuildContext reports why).
type pendingFolder struct {
	ready  chan struct{}
	folder *output.Folder
	err    error
}

// failed reports whether the folder is ready and could not be prepared.
func (p *pendingFolder) failed() bool {
	select {
	case <-p.ready:
		return p.err != nil
	default:
		return false
	}
}

// errNoOutput stops a render whose output folder could not be prepared; BuildContext reports why.
var errNoOutput = errors.New("the output folder could not be prepared")

func (p *pendingFolder) Put(f output.File) error {
	<-p.ready
	if p.err != nil {
		return nil
	}
	return p.folder.Put(f)
}

// render renders the site into sink, reusing what the session's earlier renders worked out, and returns the
// builder too, for the checks that look at the whole site. With complete, the pages that need every revision
// (comparisons, histories, search) are made even when there are problems, for Check, whose links may lead to them.
func (sess *Session) render(opt Options, sink output.Sink, complete bool) (*builder, Stats, error) {
	var stats Stats
	base, err := parseBaseURL(opt.BaseURL)
	if err != nil {
		return nil, stats, err
	}
	sess.mu.Lock()
	defer sess.mu.Unlock()
	// The layouts and the content do not depend on each other: they are read side by side, and a problem in the
	// layouts is reported first, as before.
	var tpl *layouts.Set
	var tplErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		tpl, tplErr = layouts.Load(opt.Layouts, sess.tpl)
	}()
	plan, err := sess.content.Load(opt.Content)
	<-loaded
	if p, ok := sink.(*pendingFolder); ok && p.failed() {
		return nil, stats, errNoOutput // an output folder that cannot be used: nothing to render for
	}
	if tplErr != nil {
		return nil, stats, tplErr
	}
	if err != nil {
		return nil, stats, err
	}
	stats.Warnings = plan.Warnings()
	if !opt.Drafts {
		if plan, err = plan.Published(); err != nil {
			return nil, stats, err
		}
	}
	edit, err := parseEditURL(opt.EditURL)
	if err != nil {
		return nil, stats, err
	}
	b := &builder{plan: plan, tpl: tpl, base: base, out: &recorder{sink: sink}, complete: complete,
		glossary: glossary(plan), edit: edit, content: opt.Content}
	sess.begin(b)
	tpl.Begin()
	probs := b.render()
	stats.Warnings = append(stats.Warnings, b.warnings...)
	stats.Warnings.Sort()
	if err := b.out.err; err != nil {
		return b, stats, err
	}
	if err := probs.Err(); err != nil {
		return b, stats, err
	}
	sess.end(tpl)
	stats.Revisions = len(plan.Revisions)
	stats.Pages = len(b.out.pages)
	stats.Files = b.out.files
	return b, stats, nil
}

// recorder passes the files of a render on to the sink, and notes the pages made, for the sitemap and the count.
type recorder struct {
	sink  output.Sink
	mu    sync.Mutex
	pages []string // the paths of the HTML pages
	files int
	err   error // the first error of the sink
}

// put hands the files to the sink.
func (r *recorder) put(files ...file) {
	for _, f := range files {
		err := r.sink.Put(f)
		r.mu.Lock()
		r.files++
		if strings.HasSuffix(f.Path, ".html") {
			r.pages = append(r.pages, f.Path)
		}
		if err != nil && r.err == nil {
			r.err = err
		}
		r.mu.Unlock()
	}
}

// putAll hands the files to the sink on every core: writing a file is mostly the system's time, and a few
// hundred of them one after the other kept a core idle.
func (r *recorder) putAll(files []file) {
	cores.EachWith(len(files), func() func(i int) {
		return func(i int) { r.put(files[i]) }
	})
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
	_, ok := problem.AsList(err)
	return ok
}

// glossary maps the abbreviations of the glossary page, the plan's and the general ones, to what they stand for,
// or is nil when it has none. Both are marked in the text and searched alike; the page lists them apart.
func glossary(plan *content.Plan) map[string]string {
	list := append(slices.Clone(plan.Glossary()), plan.GeneralAbbreviations()...)
	if len(list) == 0 {
		return nil
	}
	m := make(map[string]string, len(list))
	for _, a := range list {
		if _, ok := m[a.Short]; !ok {
			m[a.Short] = a.Long
		}
	}
	return m
}

// file is one file of the site, as the sinks of package output take it.
type file = output.File

// builder renders one build.
type builder struct {
	plan  *content.Plan
	tpl   *layouts.Set
	md    *markdown.Converter
	base  *url.URL
	cmp   *compare.Cache // shared by every revision, so comparisons repeat no work
	body  sync.Map       // *compare.TextDiff → its marked HTML, shared by the comparison pages
	cells diffhtml.Cells // compared rows' cells, shared by the comparison pages
	texts *markdown.Memo // Markdown rendered once per build or session
	reuse *reuse         // the session's revisions and comparisons already rendered
	ctx   string         // what every page depends on (contextKey)
	words *search.Memo   // the search index's word work
	sizes sync.Map       // page kind → *atomic.Int64, the size of the last page of the kind
	// statusLines are the follow-up statuses written by the "status-line" template, by followup.Status without
	// its Line.
	statusLines sync.Map
	out         *recorder // where the files go
	// complete makes the pages that need every revision even when there are problems, for Check.
	complete    bool
	consecutive sync.Map          // year → *compare.Result: the comparison with the revision before, made for its page
	glossary    map[string]string // abbreviation → what it stands for; nil without a glossary
	edit        *url.URL          // the repository's editor for the content folder; nil for no edit links
	content     string            // the content folder, to make source paths relative to it

	sites sync.Map // the frames' *siteView, by root and revision shown (builder.site)

	warnings problem.List // found while rendering, such as a draft's picture without a text alternative

	linksMu sync.Mutex
	links   []linkcheck.Link // every link the content makes, for Check
}

// render makes every file and hands it to b.out; revisions are rendered in parallel.
func (b *builder) render() problem.List {
	type result struct {
		rev   *renderedRevision
		probs problem.List
	}
	results := make([]result, len(b.plan.Revisions))
	// The search index needs only each revision's documents, which a revision has before its page is made. It is
	// begun as soon as every revision has them, on the core the other pages leave idle (the shipped plan's one
	// revision is rendered on one core), and kept only when the build has no problems.
	found := make([][]search.Doc, len(b.plan.Revisions))
	got := make([]bool, len(found))
	var finding sync.WaitGroup
	finding.Add(len(found))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, rev := range b.plan.Revisions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var once sync.Once
			have := func(docs []search.Doc) {
				once.Do(func() { found[i], got[i] = docs, true; finding.Done() })
				// The index is the build's longest path: the revision that lets it begin hands it its core, and
				// makes its page after (the index would wait for a core until this goroutine blocked).
				runtime.Gosched()
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			var files []file
			files, results[i].rev, results[i].probs = b.revisionOnce(rev, have)
			if r := results[i].rev; r != nil {
				have(r.search) // a revision taken from an earlier render
			}
			once.Do(finding.Done) // a revision that failed before it had its documents: its build keeps no index
			b.out.put(files...)
		}()
	}
	// The index's files come in three batches (search.Write), the last when it is done; the channel holds them
	// all, so that the index never waits for the writing.
	indexFiles := make(chan []file, 8)
	go func() {
		defer close(indexFiles)
		finding.Wait()
		if b.reuse.early != nil {
			// A preview serving each revision as soon as it is made waits for the open pages to patch themselves,
			// leaving the machine to the browser: the index waits too.
			wg.Wait()
		}
		if !slices.Contains(got, false) {
			b.searchIndex(found, func(fs []file) { indexFiles <- fs })
		}
	}()
	var probs problem.List
	// The revisions lead to the index, the longest path: the last one started runs on this core at once, and the
	// other pages wait for the next core to wake.
	runtime.Gosched()
	pages, pp := b.pages()
	b.out.put(pages...)
	probs = append(probs, pp...)
	wg.Wait()
	revs := make([]*renderedRevision, len(results))
	for i, r := range results {
		probs = append(probs, r.probs...)
		revs[i] = r.rev
		if r.rev != nil {
			b.warnings = append(b.warnings, r.rev.warnings...)
		}
	}
	rendered := !slices.Contains(revs, nil)
	if len(probs) == 0 || b.complete && rendered {
		// The comparisons and the histories need the rendered revisions; the search index is being made beside
		// them. Under the memory limit (cmd/plansite) this costs no memory: the large plan peaked at 228–229 MiB
		// either way, in 10 % less time (docs/performance.md).
		probs = append(probs, b.comparisons(revs)...)
		steps := b.steps(revs) // after the comparisons, whose consecutive pairs it reuses
		hf, hp := b.histories(steps)
		b.out.put(hf...)
		probs = append(probs, hp...)
		if f, err := exports.Feed(b.plan.Revisions, steps, b.home().Board, b.base); err != nil {
			probs.Add("feed.xml", 0, err.Error(), "")
		} else {
			b.out.put(f)
		}
		sf, sp := b.searchPage()
		b.out.put(sf...)
		probs = append(probs, sp...)
		for fs := range indexFiles { // written as they come, while the index is being finished
			b.out.putAll(fs)
		}
		b.out.put(b.crawlerFiles()...)
	}
	for range indexFiles { // an index begun for a build with problems is not kept, but never left running
	}
	b.out.put(b.assets()...)
	return probs
}
