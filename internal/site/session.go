package site

// A preview session: what one render of the site lends the next. The live preview renders the whole site after
// every save, and most of what it works out is the same as last time: the parsed layouts, the Markdown of texts
// that did not change, the words of the search index. Every value kept is keyed by all it depends on, so a render
// in a session gives exactly the files a fresh build gives; only the time differs.

import (
	"io/fs"
	"maps"
	"sync"

	"github.com/stockholm/plansite/internal/markdown"
	"github.com/stockholm/plansite/internal/memo"
	"github.com/stockholm/plansite/internal/search"
)

// Session renders the site again and again, reusing what is unchanged. Its methods may be called from several
// goroutines, but renders run one at a time.
type Session struct {
	mu       sync.Mutex
	md       *markdown.Converter
	tpl      *templates        // the layouts of the last render, with the files they were parsed from
	glossary map[string]string // the abbreviations the kept Markdown was marked with
	texts    *memo.Map[convertKey, *converted]
	words    *search.Memo
}

// NewSession returns a session that has rendered nothing yet.
func NewSession() *Session {
	return &Session{md: markdown.New(), texts: memo.New[convertKey, *converted](), words: search.NewMemo()}
}

// RenderFS renders the site in memory, as the package's RenderFS does, reusing what the session's last renders
// worked out.
func (s *Session) RenderFS(opt Options) (fs.FS, Stats, error) {
	return renderFS(opt, s)
}

// begin prepares the builder of a render in the session; the caller holds s.mu.
func (s *Session) begin(b *builder) {
	b.md = s.md
	var long map[string]string
	if b.abbr != nil {
		long = b.abbr.long
	}
	if !maps.Equal(long, s.glossary) {
		// The kept Markdown has the old glossary's abbreviations marked in it.
		s.texts = memo.New[convertKey, *converted]()
		s.glossary = long
	}
	b.texts = s.texts
	b.words = s.words
}

// end closes a render that succeeded: what it did not use is forgotten.
func (s *Session) end(tpl *templates) {
	s.tpl = tpl
	s.texts.Next()
	s.words.Next()
}
