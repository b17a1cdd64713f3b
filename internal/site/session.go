package site

// A preview session: what one render of the site lends the next. The live preview renders the whole site after
// every save, and most of what it works out is the same as last time: the parsed layouts, the Markdown of texts
// that did not change, the words of the search index. Every value kept is keyed by all it depends on, so a render
// in a session gives exactly the files a fresh build gives; only the time differs.

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/layouts"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/memo"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/search"
)

// Session renders the site again and again, reusing what is unchanged. Its methods may be called from several
// goroutines, but renders run one at a time.
type Session struct {
	mu      sync.Mutex
	content content.Loader // reads again only the revisions whose files changed
	md      *markdown.Converter
	tpl     *layouts.Set // the layouts of the last render, with the files they were parsed from
	layouts int          // counts the changes of tpl, for the context of the pages kept
	texts   *markdown.Memo
	words   *search.Memo
	cmp     *compare.Cache // the kept revisions' texts are numbered in it
	reuse   *reuse
	keep    bool // keep the pages of a render for the next: false in a build, which renders once

	run   sync.Mutex   // held through a render and the setting of early around it
	early func([]file) // see RenderFSEarly; nil for none
}

// NewSession returns a session that has rendered nothing yet.
func NewSession() *Session { return newSession(true) }

// newSession returns a session; one that does not keep renders only once, as a build does, and holds no pages
// for a next render.
func newSession(keep bool) *Session {
	md := markdown.New()
	s := &Session{md: md, texts: markdown.NewMemo(md), words: search.NewMemo(), keep: keep}
	s.forget()
	return s
}

// forget drops the kept revisions and comparisons, and the comparison cache they were prepared in.
func (s *Session) forget() {
	s.cmp = compare.NewCache()
	s.reuse = &reuse{revs: memo.New[revKey, *revisionRender](), pairs: memo.New[pairKey, *pairRender](), keep: s.keep}
}

// maxTexts bounds the comparison cache of a session: it numbers every version of every text the session has seen,
// and is started afresh, with the revisions prepared in it, when it holds more.
const maxTexts = 1 << 17

// RenderFS renders the site in memory, as the package's RenderFS does, reusing what the session's last renders
// worked out.
func (s *Session) RenderFS(opt Options) (fs.FS, Stats, error) {
	return s.RenderFSEarly(opt, nil)
}

// renderFS renders the site into a memory sink.
func (s *Session) renderFS(opt Options) (fs.FS, Stats, error) {
	start := time.Now()
	mem := output.NewMemory()
	_, stats, err := s.render(opt, mem, false)
	if err != nil {
		return nil, stats, err
	}
	stats.Elapsed = time.Since(start)
	return mem.FS(), stats, nil
}

// begin prepares the builder of a render in the session; the caller holds s.mu.
func (s *Session) begin(b *builder) {
	b.md = s.md
	if b.tpl != s.tpl {
		s.layouts++
	}
	if s.cmp.Size() > maxTexts {
		s.forget()
	}
	b.cmp = s.cmp
	b.reuse = s.reuse
	b.reuse.early = s.early
	b.ctx = b.contextKey(s.layouts)
	s.texts.Begin(b.glossary)
	b.texts = s.texts
	b.words = s.words
}

// end closes a render that succeeded: what it did not use is forgotten.
func (s *Session) end(tpl *layouts.Set) {
	s.tpl = tpl
	s.texts.Next()
	s.words.Next()
	s.reuse.revs.Next()
	s.reuse.pairs.Next()
}

// reuse holds the revisions and comparison pages of earlier renders of a session that keeps them.
type reuse struct {
	revs  *memo.Map[revKey, *revisionRender]
	pairs *memo.Map[pairKey, *pairRender]
	keep  bool         // false: nothing is kept, as in a build
	early func([]file) // given the files of each revision rendered anew, as soon as they are made; may be nil
}

// revKey is all a revision's pages depend on: its files, the revision before it, and the context.
type revKey struct {
	digest [32]byte
	prev   int
	ctx    string
}

type revisionRender struct {
	files []file
	rev   *renderedRevision
}

// pairKey is all a comparison page depends on.
type pairKey struct {
	from, to [32]byte
	ctx      string
}

type pairRender struct {
	page file
}

// revisionOnce renders a revision, or in a session takes its pages from an earlier render when nothing they
// depend on has changed. A revision with problems is never kept. A revision rendered anew gives its search
// documents to found before its page is made (see revision).
func (b *builder) revisionOnce(rev *content.Revision, found func([]search.Doc)) ([]file, *renderedRevision, problem.List) {
	if !b.reuse.keep {
		return b.revision(rev, found)
	}
	k := revKey{digest: rev.Digest, ctx: b.ctx}
	if p := b.previous(rev); p != nil {
		k.prev = p.Year
	}
	if r, ok := b.reuse.revs.Lookup(k); ok {
		return r.files, r.rev, nil
	}
	files, rr, probs := b.revision(rev, found)
	if len(probs) == 0 && rr != nil {
		b.reuse.revs.Put(k, &revisionRender{files: files, rev: rr})
		if b.reuse.early != nil {
			b.reuse.early(files)
		}
	}
	return files, rr, probs
}

// contextKey is what every page of a revision depends on beyond the revision itself: the layouts, the
// addresses, the glossary, the revisions and pages there are, and which revision is in force and what it holds.
func (b *builder) contextKey(layouts int) string {
	var k strings.Builder
	fmt.Fprintf(&k, "layouts %d\nbase %v\nedit %v %s\n", layouts, b.base, b.edit, b.content)
	for _, a := range slices.Sorted(maps.Keys(b.glossary)) {
		fmt.Fprintf(&k, "abbr %q %q\n", a, b.glossary[a])
	}
	for _, r := range b.plan.Revisions {
		fmt.Fprintf(&k, "revision %d %s %t\n", r.Year, r.Status, len(r.Indicators) > 0)
	}
	for _, p := range b.plan.Pages {
		fmt.Fprintf(&k, "page %q\n", p.Slug)
	}
	home := b.home()
	fmt.Fprintf(&k, "home %d %q", home.Year, home.Board)
	if w := home.Worry(); w != nil {
		fmt.Fprintf(&k, " %q", w.ID)
	}
	for _, s := range home.Sections {
		fmt.Fprintf(&k, " %q", s.ID)
	}
	return k.String()
}
