// Package compare finds what changed between two revisions of the plan. Sections are matched by their stable id,
// their text is aligned block by block (paragraphs, list items, table rows) and changed blocks are compared word by
// word; activity rows are matched by id, so added, removed, moved and changed rows are told apart; and the
// revision's metadata is compared field by field.
//
// A revision is prepared once (Prepare) and can then be compared with any number of others cheaply: sections and
// rows that did not change are recognised by their text without being split into words again.
package compare

import (
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff/lcs"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/markdown"
)

// Change says how an item differs between the two revisions.
type Change uint8

// The kinds of change. Moved is for activities: the row belongs to another table than before.
const (
	Unchanged Change = iota
	Added
	Removed
	Changed
	Moved
)

// Doc is a revision prepared for comparing.
type Doc struct {
	cache    *Cache
	Rev      *content.Revision
	Preface  []block
	sections map[string]*docSection
	rows     map[string]*docRow
}

type docSection struct {
	s      *content.Section
	blocks []block
	key    string // title and text: equal keys mean an unchanged section
	n      int    // key's number in the cache
}

type docRow struct {
	a     *content.Activity
	cells [4]block // Aktivitet, Ansvarig, Tidplan, Uppföljning
	n     int      // the cells' number in the cache
}

type block struct {
	markdown.Block
	key string // kind, level and text
	*tokens
}

// tokens are a text's words, made once per build however many revisions have the text.
type tokens struct {
	words words
	bag   []uint64 // the words' hashes, sorted: an upper bound of what two blocks have in common, cheaply
}

// Input is a revision with its Markdown already turned into plain-text blocks, as the site has it after rendering.
type Input struct {
	Rev      *content.Revision
	Preface  []markdown.Block
	Sections map[string][]markdown.Block // by section id
	Cells    map[string][4]string        // by activity id: the plain text of Aktivitet, Ansvarig, Tidplan, Uppföljning
}

// Cache remembers the comparisons of section texts and rows, so that when many revisions are compared pair by
// pair, a section or row that reads the same in several revisions is compared with each other version once. Docs
// prepared with the same Cache share it; it is safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	keys map[string]int
	// The words and keys of blocks by their text, and the keys, numbers and blocks of sections and rows by their
	// parts, made once however many revisions have them: a revision's keys are most of its text again.
	blockTexts  map[string]*blockText
	sectionKeys map[[3]string]*prepared
	rowKeys     map[[4]string]*prepared
	texts       map[[2]int]*cached[*TextDiff]
	words       map[[2]*tokens]*cached[wordDiff]
	rows        map[[2]int]*cached[[4]Cell]
}

type cached[T any] struct {
	once sync.Once
	v    T
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{keys: map[string]int{}, blockTexts: map[string]*blockText{}, sectionKeys: map[[3]string]*prepared{}, rowKeys: map[[4]string]*prepared{}, words: map[[2]*tokens]*cached[wordDiff]{}, texts: map[[2]int]*cached[*TextDiff]{}, rows: map[[2]int]*cached[[4]Cell]{}}
}

// Size is the number of distinct texts and rows the cache has numbered.
func (c *Cache) Size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.keys)
}

func (c *Cache) number(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.keys[key]
	if !ok {
		n = len(c.keys)
		c.keys[key] = n
	}
	return n
}

// renumber copies a Doc into this cache.
func (c *Cache) renumber(d *Doc) *Doc {
	nd := &Doc{cache: c, Rev: d.Rev, Preface: d.Preface, sections: map[string]*docSection{}, rows: map[string]*docRow{}}
	for id, s := range d.sections {
		ns := *s
		ns.n = c.number(s.key)
		nd.sections[id] = &ns
	}
	for id, r := range d.rows {
		nr := *r
		var texts []string
		for _, b := range r.cells {
			texts = append(texts, b.Text)
		}
		nr.n = c.number("\x01" + strings.Join(texts, "\x00"))
		nd.rows[id] = &nr
	}
	return nd
}

// wordDiff is two texts compared word by word, with the share of words they have in common.
type wordDiff struct {
	spans []Span
	score float64
}

// diffTokens compares two blocks' words. A block text that stays the same over several revisions is compared with
// each version of its counterpart once.
func (c *Cache) diffTokens(a, b *tokens) ([]Span, float64) {
	d := lookup(c, c.words, [2]*tokens{a, b}, func() wordDiff {
		spans, score := diffWords(a.words, b.words)
		return wordDiff{spans, score}
	})
	return d.spans, d.score
}

func lookup[K comparable, T any](c *Cache, m map[K]*cached[T], key K, compute func() T) T {
	c.mu.Lock()
	e := m[key]
	if e == nil {
		e = &cached[T]{}
		m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v = compute() })
	return e.v
}

// Prepare makes a Doc from an Input, with a Cache of its own.
func Prepare(in Input) *Doc { return NewCache().Prepare(in) }

// Prepare makes a Doc from an Input that shares the cache with the other Docs it prepares.
func (c *Cache) Prepare(in Input) *Doc {
	d := &Doc{cache: c, Rev: in.Rev, Preface: c.toBlocks(in.Preface), sections: map[string]*docSection{}, rows: map[string]*docRow{}}
	for _, s := range in.Rev.Sections {
		p := intern(c, c.sectionKeys, [3]string{s.Title, s.TableCaption, s.Body.Markdown}, func() string {
			return s.Title + "\x00" + s.TableCaption + "\x00" + s.Body.Markdown
		})
		ds := &docSection{s: s, key: p.key, n: p.n, blocks: c.sectionBlocks(p, in.Sections[s.ID])}
		d.sections[s.ID] = ds
		for _, a := range s.Activities {
			texts := in.Cells[a.ID]
			p := intern(c, c.rowKeys, texts, func() string { return "\x01" + strings.Join(texts[:], "\x00") })
			d.rows[a.ID] = &docRow{a: a, n: p.n, cells: c.rowCells(p, texts)}
		}
	}
	return d
}

// InputOf gathers a revision's text for Prepare: the preface's and each section's blocks, and each activity's cells
// as plain text. blocks gives a text's blocks and text a cell's plain text (its blocks' text joined by spaces): the
// site passes what it rendered, PrepareRevision renders them itself.
func InputOf(rev *content.Revision, blocks func(t *content.Text) []markdown.Block, text func(t *content.Text) string) Input {
	in := Input{Rev: rev, Preface: blocks(&rev.Preface), Sections: map[string][]markdown.Block{}, Cells: map[string][4]string{}}
	for _, s := range rev.Sections {
		in.Sections[s.ID] = blocks(&s.Body)
		for _, a := range s.Activities {
			in.Cells[a.ID] = [4]string{text(&a.Aktivitet), text(&a.Ansvarig), text(&a.Tidplan), text(&a.Uppfoljning)}
		}
	}
	return in
}

// PrepareRevision converts the revision's Markdown itself; use it when the revision has not been rendered.
func PrepareRevision(rev *content.Revision, conv *markdown.Converter) *Doc {
	blocks := func(t *content.Text) []markdown.Block {
		return conv.Convert([]byte(t.Markdown), markdown.Options{Shift: 1}).Blocks
	}
	text := func(t *content.Text) string {
		var b strings.Builder
		for i, bl := range blocks(t) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(bl.Text)
		}
		return b.String()
	}
	return Prepare(InputOf(rev, blocks, text))
}

func (c *Cache) newBlock(b markdown.Block) block {
	c.mu.Lock()
	bt := c.blockTexts[b.Text]
	if bt != nil {
		if key, ok := bt.key(b.Kind, b.Level); ok {
			c.mu.Unlock()
			return block{Block: b, key: key, tokens: bt.tokens}
		}
	}
	c.mu.Unlock()
	if bt == nil {
		w := split(b.Text)
		bag := make([]uint64, len(w.keys))
		for i, k := range w.keys {
			bag[i] = fnv64(k)
		}
		slices.Sort(bag)
		bt = &blockText{tokens: &tokens{words: w, bag: bag}}
	}
	key := string(rune('a'+b.Kind)) + string(rune('0'+b.Level)) + b.Text
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.blockTexts[b.Text]; old != nil {
		bt = old // made meanwhile by another revision
	} else {
		c.blockTexts[b.Text] = bt
	}
	if old, ok := bt.key(b.Kind, b.Level); ok {
		key = old
	} else {
		bt.keys = append(bt.keys, blockKey{b.Kind, b.Level, key})
	}
	return block{Block: b, key: key, tokens: bt.tokens}
}

// blockText is a block's text split into words, and the keys of the blocks with the text: nearly always one.
type blockText struct {
	tokens *tokens
	keys   []blockKey
}

// blockKey is the key of the blocks of a kind and level.
type blockKey struct {
	kind  markdown.BlockKind
	level int
	key   string // kind, level and text
}

// key returns the key of a block of the text with kind and level, when one was made.
func (bt *blockText) key(kind markdown.BlockKind, level int) (string, bool) {
	for _, k := range bt.keys {
		if k.kind == kind && k.level == level {
			return k.key, true
		}
	}
	return "", false
}

// prepared is a section's or row's text as the cache knows it: its key and number, and the blocks it was made
// into the first time (under the Cache's lock).
type prepared struct {
	key string
	n   int
	// A section's blocks, and the blocks of the Input they were made from: a section whose text another revision
	// has is most likely rendered into the same blocks.
	in     []markdown.Block
	blocks []block
	// A row's cells, which its texts make.
	cells [4]block
	made  bool
}

// intern returns the text made of parts, kept in m, with its key made with make the first time.
func intern[K comparable](c *Cache, m map[K]*prepared, parts K, make func() string) *prepared {
	c.mu.Lock()
	p, ok := m[parts]
	c.mu.Unlock()
	if ok {
		return p
	}
	key := make()
	n := c.number(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := m[parts]; ok {
		return old
	}
	p = &prepared{key: key, n: n}
	m[parts] = p
	return p
}

// sectionBlocks returns the blocks of a section's text p, rendered as bs: those made the first time when bs are
// the same blocks again, else made anew.
func (c *Cache) sectionBlocks(p *prepared, bs []markdown.Block) []block {
	c.mu.Lock()
	in, blocks, made := p.in, p.blocks, p.made
	c.mu.Unlock()
	if made && slices.EqualFunc(in, bs, func(a, b markdown.Block) bool {
		return a.Kind == b.Kind && a.Level == b.Level && a.Text == b.Text && slices.Equal(a.Cells, b.Cells)
	}) {
		return blocks
	}
	blocks = c.toBlocks(bs)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !p.made {
		p.in, p.blocks, p.made = bs, blocks, true
	}
	return blocks
}

// rowCells returns the cells of a row with the texts p.
func (c *Cache) rowCells(p *prepared, texts [4]string) [4]block {
	c.mu.Lock()
	cells, made := p.cells, p.made
	c.mu.Unlock()
	if made {
		return cells
	}
	for i, t := range texts {
		cells[i] = c.newBlock(markdown.Block{Kind: markdown.Paragraph, Text: t})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !p.made {
		p.cells, p.made = cells, true
	}
	return cells
}

func (c *Cache) toBlocks(bs []markdown.Block) []block {
	out := make([]block, len(bs))
	for i, b := range bs {
		out[i] = c.newBlock(b)
	}
	return out
}

// fnv64 is FNV-1a: a fixed hash, so the comparison never depends on a random seed.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// overlap counts the words two sorted bags have in common, with repeats.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n, i, j = n+1, i+1, j+1
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// Result is the comparison of two revisions.
type Result struct {
	From, To   *content.Revision
	Meta       []Field        // the metadata fields that changed
	Preface    []BlockDiff    // the text under the title block, when it changed
	Sections   []*SectionDiff // every section of either revision: the new order, removed ones where they stood
	Activities []*RowDiff     // every row of either revision that changed, in the order of Sections
}

// Field is a changed metadata field.
type Field struct {
	Label    string
	Old, New string
	Spans    []Span
}

// TextDiff is the comparison of a section's title and text. Pairs of revisions in which the section reads the same
// share one TextDiff.
type TextDiff struct {
	Renamed bool
	Title   []Span      // the title word by word when renamed
	Blocks  []BlockDiff // the text, block by block
	Changed bool        // anything but the rows changed
}

// SectionDiff is one section in the comparison.
type SectionDiff struct {
	Text      *TextDiff // shared: nil when the section is unchanged, added or removed
	ID        string
	Change    Change // Unchanged, Added, Removed or Changed
	Old, New  *content.Section
	Renamed   bool
	Title     []Span      // the title word by word when renamed
	Blocks    []BlockDiff // the text, block by block; nil when unchanged
	Rows      []*RowDiff  // the rows of this section's table in the new revision, and rows removed from it
	Unchanged int         // rows of the table that did not change
}

// CurrentTitle returns the section's current title (the old one when it was removed).
func (s *SectionDiff) CurrentTitle() string {
	if s.New != nil {
		return s.New.Title
	}
	return s.Old.Title
}

// BlockDiff is one block of text in the comparison.
type BlockDiff struct {
	Change Change // Unchanged, Added, Removed or Changed
	Kind   markdown.BlockKind
	Level  int
	Spans  []Span // the words; for Added and Removed one span of the whole text
}

// RowDiff is one activity row in the comparison.
type RowDiff struct {
	ID       string
	Change   Change // Added, Removed, Moved, Changed or Unchanged
	Old, New *content.Activity
	From     *content.Section // for Moved: the section whose table the row was in
	Cells    [4]Cell
	// Texts identifies the old and the new cells' texts in the Cache, -1 for a row added or removed: rows with
	// equal Texts have equal Cells, so what is made of the Cells can be shared.
	Texts [2]int
}

// Cell is one column of a row, with its words compared when it changed.
type Cell struct {
	Changed bool
	Spans   []Span
}

// Columns are the names of an activity row's cells, in order.
var Columns = [4]string{"Aktivitet", "Ansvarig", "Tidplan", "Uppföljning"}

// Empty reports whether nothing changed at all.
func (r *Result) Empty() bool {
	if len(r.Meta) > 0 || len(r.Preface) > 0 || len(r.Activities) > 0 {
		return false
	}
	for _, s := range r.Sections {
		if s.Change != Unchanged {
			return false
		}
	}
	return true
}

// SectionsBy returns the sections with the change, in page order.
func (r *Result) SectionsBy(c Change) []*SectionDiff {
	return r.sectionsWhere(func(s *SectionDiff) bool { return s.Change == c })
}

// Renamed returns the sections whose title changed.
func (r *Result) Renamed() []*SectionDiff {
	return r.sectionsWhere(func(s *SectionDiff) bool { return s.Renamed })
}

// ContentChanged returns the sections that were in both revisions and whose text or rows changed.
func (r *Result) ContentChanged() []*SectionDiff {
	return r.sectionsWhere(func(s *SectionDiff) bool {
		return s.Change == Changed && (changed(s.Blocks) || len(s.Rows) > 0 || s.Old.TableCaption != s.New.TableCaption)
	})
}

// sectionsWhere returns the sections for which keep is true, in page order.
func (r *Result) sectionsWhere(keep func(*SectionDiff) bool) []*SectionDiff {
	var out []*SectionDiff
	for _, s := range r.Sections {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

// RowsBy returns the activity rows with the change, in page order.
func (r *Result) RowsBy(c Change) []*RowDiff {
	var out []*RowDiff
	for _, a := range r.Activities {
		if a.Change == c {
			out = append(out, a)
		}
	}
	return out
}

// Compare compares two prepared revisions, from the older to the newer.
func Compare(from, to *Doc) *Result {
	c := from.cache
	if c != to.cache {
		c = NewCache() // docs from different caches have different numbers for the same text
		from, to = c.renumber(from), c.renumber(to)
	}
	r := &Result{From: from.Rev, To: to.Rev}
	r.Meta = meta(from.Rev, to.Rev)
	if pre := c.diffBlocks(from.Preface, to.Preface); changed(pre) {
		r.Preface = pre
	}

	// Sections: the new order, with each removed section placed after the one it followed before.
	var order []string
	removedAfter := map[string][]string{}
	prev := ""
	for _, s := range from.Rev.Sections {
		if to.sections[s.ID] == nil {
			removedAfter[prev] = append(removedAfter[prev], s.ID)
		} else {
			prev = s.ID
		}
	}
	order = append(order, removedAfter[""]...)
	for _, s := range to.Rev.Sections {
		order = append(order, s.ID)
		order = append(order, removedAfter[s.ID]...)
	}
	index := map[string]*SectionDiff{}
	for _, id := range order {
		sd := c.compareSection(from.sections[id], to.sections[id])
		sd.ID = id
		index[id] = sd
		r.Sections = append(r.Sections, sd)
	}

	// Rows: the rows of the new revision, then those only in the old one, each under its section.
	for _, s := range to.Rev.Sections {
		for _, a := range s.Activities {
			rd := c.compareRow(from.rows[a.ID], to.rows[a.ID])
			if rd.Change == Moved {
				rd.From = from.Rev.Section(rd.Old.SectionID)
			}
			index[s.ID].add(rd)
		}
	}
	for _, s := range from.Rev.Sections {
		for _, a := range s.Activities {
			if to.rows[a.ID] == nil {
				index[s.ID].add(c.compareRow(from.rows[a.ID], nil))
			}
		}
	}
	for _, sd := range r.Sections {
		slices.SortStableFunc(sd.Rows, func(a, b *RowDiff) int { return rowOrder(a) - rowOrder(b) })
		r.Activities = append(r.Activities, sd.Rows...)
	}
	return r
}

// rowOrder keeps removed rows near where they stood.
func rowOrder(d *RowDiff) int {
	if d.New != nil {
		return d.New.Order
	}
	return d.Old.Order
}

func (s *SectionDiff) add(d *RowDiff) {
	if d.Change == Unchanged {
		s.Unchanged++
		return
	}
	s.Rows = append(s.Rows, d)
	if s.Change == Unchanged {
		s.Change = Changed
	}
}

func (c *Cache) compareSection(a, b *docSection) *SectionDiff {
	switch {
	case a == nil:
		return &SectionDiff{Change: Added, New: b.s, Blocks: whole(b.blocks, Added)}
	case b == nil:
		return &SectionDiff{Change: Removed, Old: a.s, Blocks: whole(a.blocks, Removed)}
	}
	sd := &SectionDiff{Change: Unchanged, Old: a.s, New: b.s}
	if a.key == b.key {
		return sd
	}
	td := lookup(c, c.texts, [2]int{a.n, b.n}, func() *TextDiff { return c.compareText(a, b) })
	sd.Text, sd.Renamed, sd.Title, sd.Blocks = td, td.Renamed, td.Title, td.Blocks
	if td.Changed {
		sd.Change = Changed
	}
	return sd
}

func (c *Cache) compareText(a, b *docSection) *TextDiff {
	td := &TextDiff{}
	if a.s.Title != b.s.Title {
		td.Renamed = true
		td.Title, _ = diffWords(split(a.s.Title), split(b.s.Title))
	}
	td.Blocks = c.diffBlocks(a.blocks, b.blocks)
	td.Changed = td.Renamed || changed(td.Blocks) || a.s.TableCaption != b.s.TableCaption
	return td
}

func (c *Cache) compareRow(a, b *docRow) *RowDiff {
	switch {
	case a == nil:
		d := &RowDiff{ID: b.a.ID, Change: Added, New: b.a, Texts: [2]int{-1, b.n}}
		for i := range d.Cells {
			d.Cells[i] = Cell{Spans: []Span{{Insert, b.cells[i].Text}}}
		}
		return d
	case b == nil:
		d := &RowDiff{ID: a.a.ID, Change: Removed, Old: a.a, Texts: [2]int{a.n, -1}}
		for i := range d.Cells {
			d.Cells[i] = Cell{Spans: []Span{{Delete, a.cells[i].Text}}}
		}
		return d
	}
	d := &RowDiff{ID: a.a.ID, Change: Unchanged, Old: a.a, New: b.a, Texts: [2]int{a.n, b.n}}
	cellsChanged := a.n != b.n
	if cellsChanged {
		d.Cells = lookup(c, c.rows, [2]int{a.n, b.n}, func() [4]Cell { return compareCells(a, b) })
	} else {
		for i := range d.Cells {
			d.Cells[i] = Cell{Spans: []Span{{Equal, b.cells[i].Text}}}
		}
	}
	switch {
	case a.a.SectionID != b.a.SectionID:
		d.Change = Moved
	case cellsChanged:
		d.Change = Changed
	}
	return d
}

func compareCells(a, b *docRow) [4]Cell {
	var cells [4]Cell
	for i := range cells {
		if a.cells[i].Text == b.cells[i].Text {
			cells[i] = Cell{Spans: []Span{{Equal, b.cells[i].Text}}}
			continue
		}
		spans, _ := diffWords(a.cells[i].words, b.cells[i].words)
		cells[i] = Cell{Changed: true, Spans: spans}
	}
	return cells
}

func changed(bs []BlockDiff) bool {
	for _, b := range bs {
		if b.Change != Unchanged {
			return true
		}
	}
	return false
}

func whole(bs []block, c Change) []BlockDiff {
	op := Insert
	if c == Removed {
		op = Delete
	}
	out := make([]BlockDiff, len(bs))
	for i, b := range bs {
		out[i] = BlockDiff{Change: c, Kind: b.Kind, Level: b.Level, Spans: []Span{{op, b.Text}}}
	}
	return out
}

// similar is the share of words two blocks must have in common to be shown as one changed block rather than one
// removed and one added.
const similar = 0.5

// window is how many new blocks an old block is compared with to find its changed version.
const window = 4

// diffBlocks aligns two sequences of blocks by their text, then pairs the blocks of each changed stretch that are
// similar enough to be compared word by word.
func (c *Cache) diffBlocks(a, b []block) []BlockDiff {
	ak := make([]string, len(a))
	for i := range a {
		ak[i] = a[i].key
	}
	bk := make([]string, len(b))
	for i := range b {
		bk[i] = b[i].key
	}
	var out []BlockDiff
	pa, pb := 0, 0
	equal := func(toA int) {
		for ; pa < toA; pa, pb = pa+1, pb+1 {
			out = append(out, BlockDiff{Change: Unchanged, Kind: b[pb].Kind, Level: b[pb].Level,
				Spans: []Span{{Equal, b[pb].Text}}})
		}
	}
	for _, e := range lcs.DiffLines(ak, bk) {
		equal(e.Start)
		out = append(out, c.pairBlocks(a[e.Start:e.End], b[e.ReplStart:e.ReplEnd])...)
		pa, pb = e.End, e.ReplEnd
	}
	equal(len(a))
	return out
}

// pairBlocks turns a stretch of removed blocks and the added blocks that replace it into changed blocks where an
// old and a new block of the same kind are similar, in order, and removed and added blocks elsewhere.
func (c *Cache) pairBlocks(a, b []block) []BlockDiff {
	var out []BlockDiff
	j := 0
	for i := range a {
		// Look for the most similar block of the same kind among the next few new blocks: edits are local, and
		// looking further would compare every old block with every new one.
		best, bestScore := -1, similar
		var bestSpans []Span
		la := len(a[i].words.keys)
		for k := j; k < len(b) && k < j+window; k++ {
			lb := len(b[k].words.keys)
			if b[k].Kind != a[i].Kind || (la+lb > 0 && 2*float64(overlap(a[i].bag, b[k].bag))/float64(la+lb) < bestScore) {
				continue // the words in common rule out beating the best so far
			}
			spans, score := c.diffTokens(a[i].tokens, b[k].tokens)
			if score > bestScore || (score == bestScore && best < 0) {
				best, bestScore, bestSpans = k, score, spans
			}
		}
		if best < 0 {
			out = append(out, BlockDiff{Change: Removed, Kind: a[i].Kind, Level: a[i].Level, Spans: []Span{{Delete, a[i].Text}}})
			continue
		}
		for ; j < best; j++ {
			out = append(out, BlockDiff{Change: Added, Kind: b[j].Kind, Level: b[j].Level, Spans: []Span{{Insert, b[j].Text}}})
		}
		out = append(out, BlockDiff{Change: Changed, Kind: b[best].Kind, Level: b[best].Level, Spans: bestSpans})
		j = best + 1
	}
	for ; j < len(b); j++ {
		out = append(out, BlockDiff{Change: Added, Kind: b[j].Kind, Level: b[j].Level, Spans: []Span{{Insert, b[j].Text}}})
	}
	return out
}
