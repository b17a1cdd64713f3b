package search

// The index: documents in, JSON files out.
//
//	sok/i/meta.json        revisions, the revisions and kind of each document, stopwords, the Ansvarig filter: read once
//	sok/i/<hex>.json       one shard per first letter (two on a big site) of a term: stems, parts and word forms
//	sok/f/<n>.json         the fragments of eight documents: anchor, titles and text, for the results shown
//
// A query loads meta.json, the shards of its words and the fragments of the first results, nothing else.
//
// A document is a distinct text: a section unchanged over twenty revisions is one document, stored and indexed
// once with the list of its revisions. The browser makes each revision's address from the anchor and the year.

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/memo"
)

// Kind is what a document is.
type Kind string

// The kinds of document.
const (
	Section   Kind = "s" // a section, or a subsection of one
	Activity  Kind = "a" // an activity row
	Indicator Kind = "n" // a key figure (nyckeltal): its table on the revision's page
)

// Field is a part of a document's text with the weight its words get: a title counts more than the body.
type Field struct {
	Text   string
	Weight float64
	// Aside marks words the reader does not see in the text, the coordinator's phrases (sökord): they are found,
	// but do not make the document longer, so that a section's phrases never weaken the words its text says.
	Aside bool
}

// Doc is one search result: a section, subsection or activity of one revision.
type Doc struct {
	ID       string   // its anchor on the revision's page, e.g. rutin-vid-oro
	Year     int      // the revision
	Kind     Kind     //
	Titles   []string // the title path, outermost first
	Text     string   // the text shown in snippets
	Ansvarig string   // activities
	Tidplan  string   // activities
	Fields   []Field  // what is indexed
	// Keywords are the phrases the coordinator keeps for the document (sökord), such as the questions it answers:
	// a query with the same words, function words aside, finds it first. Their text is indexed in Fields too.
	Keywords []string
	// Worry marks the routine for a worry (vid_oro): a question of what to do ("vad gör jag om …") leads there
	// first among the documents that answer it.
	Worry bool
}

// Revision describes one revision for the filters.
type Revision struct {
	Year   int    `json:"y"`
	Status string `json:"s"`
	Worry  string `json:"w,omitempty"` // the address of its routine for when an employee is worried, for the page of no results
}

// Field weights.
const (
	TitleWeight   = 3
	HeadingWeight = 2
	BodyWeight    = 1
	partFactor    = 0.6 // a compound part ranks below the whole word
	glossFactor   = 0.8 // an abbreviation's expansion, or the abbreviation of a phrase
)

// File is one file of the index, relative to the site's root.
type File struct {
	Path string
	Data []byte
}

// Memo keeps the index's word work from one build to the next, for the live preview: the tokens of each text and
// Snowball's stem of each word. Both depend on nothing else, so an index built with a Memo is the same as one
// built without.
type Memo struct {
	tokens *memo.Map[string, []Token]
	stems  *memo.Map[string, string]
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{tokens: memo.New[string, []Token](), stems: memo.New[string, string]()}
}

// Next ends a build: what it did not use is forgotten.
func (m *Memo) Next() {
	m.tokens.Next()
	m.stems.Next()
}

// Build makes the index of the documents, each revision's in the order of its page, and returns its files in the
// order of their paths. glossary maps abbreviations to what they stand for. m may be nil.
func Build(docs []Doc, revisions []Revision, current int, glossary map[string]string, m *Memo) []File {
	var mu sync.Mutex
	var files []File
	Write(docs, revisions, current, glossary, m, func(fs []File) {
		mu.Lock()
		files = append(files, fs...)
		mu.Unlock()
	})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// Write makes the index as Build does, and hands its files to emit as they are made, from any goroutine, each file
// once, in three batches: the documents' fragments and the synonym lexicon's part come before the shards, so that
// they can be written while the index is being finished. It returns when every file has been handed to emit.
func Write(docs []Doc, revisions []Revision, current int, glossary map[string]string, m *Memo, emit func([]File)) {
	if m == nil {
		m = NewMemo()
	}
	// Revisions repeat most of their text: each distinct document is indexed once, and each distinct field text
	// tokenised and counted once, whatever number of documents has it. Vocabulary first: stems and parts depend on
	// every word of the site.
	set := distinct(docs, revisions, current)
	docs, texts, fieldText := set.docs, set.texts, set.fieldText
	// The documents' fragments need nothing else: they are written beside the rest.
	var others sync.WaitGroup
	others.Go(func() { emit(fragmentFiles(docs)) })
	toks := make([][]Token, len(texts))
	var missing []int
	for n, t := range texts {
		var ok bool
		if toks[n], ok = m.tokens.Lookup(t); !ok {
			missing = append(missing, n)
		}
	}
	cores.RangesWith(len(missing), func() func(from, to int) {
		fold := memoFold()
		return func(from, to int) {
			for _, n := range missing[from:to] {
				toks[n] = withNumerals(tokenize(texts[n], fold))
			}
		}
	})
	for _, n := range missing {
		m.tokens.Put(texts[n], toks[n])
	}
	// Every form is numbered once, in the order of the texts, then the glossary's.
	num := newNumbering(len(texts))
	ids := make([][]int32, len(texts))
	for n, ts := range toks {
		ids[n] = make([]int32, len(ts))
		for j, t := range ts {
			ids[n][j] = num.form(t.Key, t.Form)
		}
	}
	gloss := newGlossary(glossary)
	for a, exp := range glossary {
		lower := strings.ToLower(a)
		num.form(Fold(lower), lower)
		for _, t := range Tokens(exp) {
			num.form(t.Key, t.Form)
		}
	}
	// The general synonym lexicon needs only the site's words: its files are made beside the rest, once the roots
	// and phrases are under way (below), which the index needs sooner.
	keys := num.keys()
	formSet := make(map[string]bool, len(num.forms))
	vocab := make([]string, 0, len(num.forms))
	for _, f := range num.forms {
		if !formSet[f.form] {
			formSet[f.form] = true
			vocab = append(vocab, f.form)
		}
	}
	voc := newVocabulary(vocab, m.stems)
	// Words a text leaves to the reader ("barn- och ungdomspsykiatrin" says "barnpsykiatrin") count as secondary
	// words of that text. They are looked for on every core (the vocabulary is only read), and added in the order
	// of the texts.
	suspended := make([][]string, len(texts))
	cores.Ranges(len(texts), func(from, to int) {
		for n := from; n < to; n++ {
			suspended[n] = voc.suspendedWords(texts[n])
		}
	})
	var extraForms []string
	for n := range texts {
		if len(suspended[n]) == 0 {
			continue
		}
		toks[n] = slices.Clip(toks[n]) // the memo's tokens stay as they are
		for _, w := range suspended[n] {
			t := Token{Form: w, Key: Fold(w), Secondary: true}
			toks[n] = append(toks[n], t)
			ids[n] = append(ids[n], num.form(t.Key, t.Form))
			if !formSet[w] {
				formSet[w] = true
				extraForms = append(extraForms, w)
				vocab = append(vocab, w)
			}
		}
	}
	voc.add(extraForms)
	// Function words count for nothing, except those the glossary has as abbreviations ("SIG").
	stop := map[string]bool{}
	for f := range formSet {
		if IsStopword(f) && gloss.tokens[Fold(f)] == nil {
			stop[f] = true
		}
	}
	num.describe(voc, gloss, stop)
	// The roots and the coordinator's phrases need only the vocabulary: they are made beside the counting.
	type besides struct {
		roots            map[string][]string
		phrases, partial map[string][]int
	}
	aside := make(chan besides, 1)
	go func() {
		var r besides
		r.roots = rootsOf(vocab, num.partsSaid(ids), voc, stop)
		r.phrases, r.partial = phrasesOf(docs, voc, stop)
		aside <- r
	}()
	others.Go(func() { emit(lexiconFiles(keys)) })

	// What each distinct text adds to a document, at weight 1.
	contribs := make([]contrib, len(texts))
	cores.RangesWith(len(texts), func() func(from, to int) {
		sc := newScratch(num)
		return func(from, to int) {
			for n := from; n < to; n++ {
				contribs[n] = count(toks[n], ids[n], num, voc, gloss, sc)
			}
		}
	})
	// Pairs of words in a row are numbered in the order of the texts, each with its key the first time.
	pairIDs := make([][]int32, len(texts))
	pairNumber := map[uint64]int32{}
	var pairKeys []string
	for n, c := range contribs {
		for _, p := range c.pairs {
			id, ok := pairNumber[p]
			if !ok {
				id = int32(len(pairKeys))
				pairNumber[p] = id
				pairKeys = append(pairKeys, num.terms[p>>32]+" "+num.terms[uint32(p)])
			}
			pairIDs[n] = append(pairIDs[n], id)
		}
	}

	// Weighted term frequencies per document, appended to each term's list in document order; the documents'
	// forms, pairs and lengths beside them, on a goroutine of their own.
	terms := len(num.terms)
	stemTF := make([][]tf, terms)
	stemAside := make([][]int, terms) // the documents that have a stem only in their sökord
	partTF := make([][]tf, terms)
	glossTF := make([][]tf, terms)
	formDocIDs := make([][]int, len(num.forms))
	pairDocIDs := make([][]int, len(pairKeys))
	dl := make([]float64, len(docs))
	cores.All(
		func() {
			stems, parts, glosses := newAccumulator(terms), newAccumulator(terms), newAccumulator(terms)
			for i, d := range docs {
				stems.reset()
				parts.reset()
				glosses.reset()
				// The text first, then the coordinator's phrases (aside), which add a term only where the text does
				// not have it, and then at most as much as the body saying it once: a phrase says what the text does
				// not, and never outranks the text that says a word ("samordnarens epost" on the routine is not the
				// coordinator's section).
				for _, aside := range []bool{false, true} {
					for fi, f := range d.Fields {
						if f.Aside != aside {
							continue
						}
						c := &contribs[fieldText[i][fi]]
						for _, e := range c.stems {
							stems.addField(e.term, e.w*f.Weight, aside)
						}
						for _, e := range c.parts {
							parts.addField(e.term, e.w*f.Weight, aside)
						}
						for _, e := range c.gloss {
							glosses.addField(e.term, e.w*f.Weight, aside)
						}
					}
				}
				for _, id := range stems.touched {
					stemTF[id] = append(stemTF[id], tf{i, stems.sum[id]})
					if stems.aside[id] {
						stemAside[id] = append(stemAside[id], i)
					}
				}
				for _, id := range parts.touched {
					partTF[id] = append(partTF[id], tf{i, parts.sum[id]})
				}
				for _, id := range glosses.touched {
					glossTF[id] = append(glossTF[id], tf{i, glosses.sum[id]})
				}
			}
		},
		func() {
			formMark := make([]int, len(num.forms)) // the document a form was last seen in, plus one
			pairMark := make([]int, len(pairKeys))
			for i, d := range docs {
				for fi, f := range d.Fields {
					t := fieldText[i][fi]
					for _, id := range contribs[t].forms {
						if formMark[id] != i+1 {
							formMark[id] = i + 1
							formDocIDs[id] = append(formDocIDs[id], i)
						}
					}
					for _, id := range pairIDs[t] {
						if pairMark[id] != i+1 {
							pairMark[id] = i + 1
							pairDocIDs[id] = append(pairDocIDs[id], i)
						}
					}
					if !f.Aside { // a coordinator's phrases do not count in the document's length
						dl[i] += contribs[t].words
					}
				}
			}
		},
	)
	// BM25's statistics count a document once for each revision that has it, as if the revisions were indexed
	// apart: the weights are those of a document of one revision, and a revision's ranking does not depend on how
	// its texts are shared with others. Lengths are whole numbers of words, so the sums are exact in any order.
	var avgdl, n float64
	for i, l := range dl {
		avgdl += l * float64(set.copies[i])
		n += float64(set.copies[i])
	}
	if n > 0 {
		avgdl /= n
	}
	if avgdl == 0 {
		avgdl = 1
	}
	bm25 := func(tfs []tf) []int {
		var df float64
		for _, e := range tfs {
			df += float64(set.copies[e.doc])
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		out := make([]int, 0, 2*len(tfs))
		for _, e := range tfs {
			w := idf * e.n * 2.2 / (e.n + 1.2*(0.25+0.75*dl[e.doc]/avgdl))
			out = append(out, e.doc, max(1, int(math.Round(w*100))))
		}
		return out
	}

	// Shards by the first two letters of each key.
	// A small site's index is split by the first letter only, a big one's by the first two: the files stay few
	// where there are few words, and small where there are many. Each list is made in the order of its keys, and
	// shared out to the shards in that order.
	var stemCount, partCount int
	for id := range num.terms {
		if len(stemTF[id]) > 0 {
			stemCount++
		}
		if len(partTF[id]) > 0 {
			partCount++
		}
	}
	prefix := 2
	if stemCount+partCount < smallIndex {
		prefix = 1
	}
	// Each kind of list is made beside the others, in the order of its keys, and then shared out to the shards in
	// that order: the stems' (with the sökord's, the parts' and the glossary's), the pairs', the coordinator's
	// phrases' and the roots' (made beside the counting), and the forms'.
	var stemL, asideL, partL, glossL, pairL, phraseL, partialL []posting
	var rootL []rooted
	var formL []entry
	var meta File
	cores.All(
		func() { meta = metaFile(set, revisions, current, prefix, gloss) },
		func() {
			byTerm := make([]int32, len(num.terms))
			for id := range byTerm {
				byTerm[id] = int32(id)
			}
			slices.SortFunc(byTerm, func(a, b int32) int { return strings.Compare(num.terms[a], num.terms[b]) })
			for _, id := range byTerm {
				key := num.terms[id]
				if len(stemTF[id]) > 0 {
					stemL = append(stemL, posting{key, bm25(stemTF[id])})
				}
				// A word only a document's sökord say is found, but does not make it answer a query whose word
				// other documents' text says (the browser's rule): the routine's "orolig för en elev eller ungdom"
				// does not make it a text about "ungdomar".
				if len(stemAside[id]) > 0 {
					asideL = append(asideL, posting{key, stemAside[id]})
				}
				if len(partTF[id]) > 0 {
					partL = append(partL, posting{key, bm25(partTF[id])})
				}
				if len(glossTF[id]) > 0 {
					glossL = append(glossL, posting{key, bm25(glossTF[id])})
				}
			}
		},
		func() {
			// Two words that follow each other, by their stems: a phrase finds the places that say it.
			byPair := make([]int32, len(pairKeys))
			for id := range byPair {
				byPair[id] = int32(id)
			}
			slices.SortFunc(byPair, func(a, b int32) int { return strings.Compare(pairKeys[a], pairKeys[b]) })
			for _, id := range byPair {
				pairL = append(pairL, posting{pairKeys[id], pairDocIDs[id]})
			}
		},
		func() {
			made := <-aside
			// The coordinator's phrases, by their words' stems in order of the alphabet, and less one word.
			for _, key := range slices.Sorted(maps.Keys(made.phrases)) {
				phraseL = append(phraseL, posting{key, made.phrases[key]})
			}
			for _, key := range slices.Sorted(maps.Keys(made.partial)) {
				partialL = append(partialL, posting{key, made.partial[key]})
			}
			// Roots, for the words a query has that the site does not: each root with the stems of the site's
			// words and parts that have it, when that is more than the root itself.
			for _, r := range slices.Sorted(maps.Keys(made.roots)) {
				if sts := made.roots[r]; len(sts) != 1 || sts[0] != r {
					sort.Strings(sts)
					rootL = append(rootL, rooted{r, sts})
				}
			}
		},
		func() {
			// The forms, under their folded keys: each key with the stem of its first form, then each form and its
			// documents, in order of the alphabet.
			var byForm []int32
			for id, docs := range formDocIDs {
				if len(docs) > 0 {
					byForm = append(byForm, int32(id))
				}
			}
			slices.SortFunc(byForm, func(a, b int32) int {
				x, y := num.forms[a], num.forms[b]
				return cmp.Or(strings.Compare(x.key, y.key), strings.Compare(x.form, y.form))
			})
			for i := 0; i < len(byForm); {
				key := num.forms[byForm[i]].key
				e := entry{key: key, stem: voc.stem[num.forms[byForm[i]].form]}
				for ; i < len(byForm) && num.forms[byForm[i]].key == key; i++ {
					f := num.forms[byForm[i]]
					e.byForm = append(e.byForm, formDocs{f.form, formDocIDs[byForm[i]]})
				}
				formL = append(formL, e)
			}
		},
	)
	// Each list is in the order of its keys: a key mostly begins as the one before it, and goes to its shard.
	shards := map[string]*shard{}
	var lastBegin string
	var last *shard
	get := func(key string) *shard {
		begin, ok := keyBegin(key, prefix)
		if ok && last != nil && begin == lastBegin {
			return last
		}
		name := ShardName(key, prefix)
		sh := shards[name]
		if sh == nil {
			sh = &shard{}
			shards[name] = sh
		}
		lastBegin, last = begin, sh
		if !ok {
			last = nil
		}
		return sh
	}
	for _, l := range []struct {
		list  []posting
		field func(*shard) *[]posting
	}{
		{stemL, func(sh *shard) *[]posting { return &sh.S }},
		{asideL, func(sh *shard) *[]posting { return &sh.A }},
		{partL, func(sh *shard) *[]posting { return &sh.P }},
		{glossL, func(sh *shard) *[]posting { return &sh.G }},
		{pairL, func(sh *shard) *[]posting { return &sh.B }},
		{phraseL, func(sh *shard) *[]posting { return &sh.K }},
		{partialL, func(sh *shard) *[]posting { return &sh.Q }},
	} {
		for _, p := range l.list {
			f := l.field(get(p.key))
			*f = append(*f, p)
		}
	}
	for _, r := range rootL {
		sh := get(r.key)
		sh.R = append(sh.R, r)
	}
	for _, e := range formL {
		sh := get(e.key)
		sh.F = append(sh.F, e)
	}

	names := make([]string, 0, len(shards))
	for name := range shards {
		names = append(names, name)
	}
	sort.Strings(names)
	files := make([]File, len(names))
	cores.RangesWith(len(names), func() func(from, to int) {
		var buf []byte // grown once per goroutine, each shard copied out at its size
		return func(from, to int) {
			for i := from; i < to; i++ {
				buf = shards[names[i]].appendJSON(buf[:0])
				files[i] = File{Path: "sok/i/" + names[i] + ".json", Data: slices.Clone(buf)}
			}
		}
	})

	emit(append(files, meta))
	others.Wait()
}

// metaFile writes sok/i/meta.json: the revisions, and the kind, Ansvarig and revisions of each document; stopwords.
func metaFile(set *docSet, revisions []Revision, current, prefix int, gloss *glossary) File {
	docs := set.docs
	meta := struct {
		Version   int        `json:"v"`
		Prefix    int        `json:"pl"` // letters of a term that name its shard
		Chunk     int        `json:"fc"` // documents per fragment file
		Current   int        `json:"cur"`
		Revisions []Revision `json:"revs"`
		Stop      []string   `json:"stop"`
		Weak      []string   `json:"weak"`
		Ansvarig  []string   `json:"ans"`
		Kinds     string     `json:"k"`            // per document: its kind, one letter
		DocAns    []int      `json:"da"`           // per document: index in Ansvarig, or -1
		DocRevs   [][]int    `json:"dr"`           // per document: its revisions, as runs [from, to) of indices into revs
		Worry     []int      `json:"wd,omitempty"` // the documents that are a routine for a worry
	}{Version: 2, Prefix: prefix, Chunk: FragmentsPerFile, Current: current, Revisions: revisions}
	for _, w := range Stopwords() {
		if gloss.tokens[Fold(w)] == nil {
			meta.Stop = append(meta.Stop, w)
		}
	}
	meta.Weak = WeakWords()
	ansIndex := map[string]int{}
	for _, d := range docs {
		if d.Kind == Activity && d.Ansvarig != "" {
			ansIndex[d.Ansvarig] = 0
		}
	}
	for a := range ansIndex {
		meta.Ansvarig = append(meta.Ansvarig, a)
	}
	sort.Strings(meta.Ansvarig)
	for i, a := range meta.Ansvarig {
		ansIndex[a] = i
	}
	kinds := make([]byte, 0, len(docs))
	for i, d := range docs {
		kinds = append(kinds, d.Kind...)
		if d.Kind == Activity && d.Ansvarig != "" {
			meta.DocAns = append(meta.DocAns, ansIndex[d.Ansvarig])
		} else {
			meta.DocAns = append(meta.DocAns, -1)
		}
		meta.DocRevs = append(meta.DocRevs, runs(set.revs[i]))
		if d.Worry {
			meta.Worry = append(meta.Worry, i)
		}
	}
	meta.Kinds = string(kinds)
	return File{Path: "sok/i/meta.json", Data: mustJSON(meta)}

}

// fragmentFiles writes the documents' texts for the results, FragmentsPerFile documents a file, sok/f/<n>.json.
func fragmentFiles(docs []Doc) []File {
	type fragment struct {
		ID       string   `json:"u"`
		Titles   []string `json:"t"`
		Text     string   `json:"x"`
		Ansvarig string   `json:"a,omitempty"`
		Tidplan  string   `json:"p,omitempty"`
	}
	frags := make([]File, (len(docs)+FragmentsPerFile-1)/FragmentsPerFile)
	cores.Ranges(len(frags), func(from, to int) {
		for k := from; k < to; k++ {
			var chunk []fragment
			for _, d := range docs[k*FragmentsPerFile : min((k+1)*FragmentsPerFile, len(docs))] {
				chunk = append(chunk, fragment{d.ID, d.Titles, d.Text, d.Ansvarig, d.Tidplan})
			}
			frags[k] = File{Path: fmt.Sprintf("sok/f/%d.json", k), Data: mustJSON(chunk)}
		}
	})
	return frags
}

// docSet is the distinct documents of the index.
type docSet struct {
	docs      []Doc   // one of each distinct document
	revs      [][]int // for each, the revisions that have it: indices into the revisions, ascending
	copies    []int   // for each, the number of documents it stands for
	texts     []string
	fieldText [][]int // for each, the number in texts of each of its fields' texts
}

// distinct gathers the documents that are the same in several revisions. Two documents are the same result when
// they have the same anchor, kind, titles, text, Ansvarig, Tidplan, fields and sökord. The documents of the
// revision in force come first, in the order of its page, so that the browser breaks ties between them as it did
// when each revision had its own; then the others, in the order they first appear. Documents of a year that is
// not among the revisions are left out.
func distinct(docs []Doc, revisions []Revision, current int) *docSet {
	revIndex := make(map[int]int, len(revisions))
	for i, r := range revisions {
		revIndex[r.Year] = i
	}
	set := &docSet{}
	textIndex := map[string]int{} // field texts, which are tokenised
	strs := map[string]int{}      // the other strings, numbered for the key only
	byKey := map[string]int{}
	var key []byte
	add := func(d *Doc, rev int) {
		key = key[:0]
		str := func(s string) {
			n, ok := strs[s]
			if !ok {
				n = len(strs)
				strs[s] = n
			}
			key = binary.AppendUvarint(key, uint64(n))
		}
		str(string(d.Kind))
		str(d.ID)
		str(d.Text)
		str(d.Ansvarig)
		str(d.Tidplan)
		key = binary.AppendUvarint(key, uint64(len(d.Titles)))
		for _, t := range d.Titles {
			str(t)
		}
		if d.Worry {
			key = append(key, 1)
		}
		key = binary.AppendUvarint(key, uint64(len(d.Keywords)))
		for _, k := range d.Keywords {
			str(k)
		}
		fields := make([]int, len(d.Fields))
		key = binary.AppendUvarint(key, uint64(len(d.Fields)))
		for j, f := range d.Fields {
			n, ok := textIndex[f.Text]
			if !ok {
				n = len(set.texts)
				textIndex[f.Text] = n
				set.texts = append(set.texts, f.Text)
			}
			fields[j] = n
			key = binary.AppendUvarint(key, uint64(n))
			key = binary.AppendUvarint(key, math.Float64bits(f.Weight))
			if f.Aside {
				key = append(key, 1)
			}
		}
		i, ok := byKey[string(key)]
		if !ok {
			i = len(set.docs)
			byKey[string(key)] = i
			set.docs = append(set.docs, *d)
			set.revs = append(set.revs, nil)
			set.copies = append(set.copies, 0)
			set.fieldText = append(set.fieldText, fields)
		}
		set.revs[i] = append(set.revs[i], rev)
		set.copies[i]++
	}
	for _, first := range []bool{true, false} {
		for i := range docs {
			if r, ok := revIndex[docs[i].Year]; ok && (docs[i].Year == current) == first {
				add(&docs[i], r)
			}
		}
	}
	for _, rs := range set.revs {
		slices.Sort(rs)
	}
	return set
}

// runs writes ascending numbers as runs: [from, to) pairs, flat.
func runs(ns []int) []int {
	var out []int
	for i, n := range ns {
		if i > 0 && n <= ns[i-1]+1 {
			out[len(out)-1] = n + 1
			continue
		}
		out = append(out, n, n+1)
	}
	return out
}

// FragmentsPerFile is how many documents' fragments share a file: neighbouring documents (sections of one
// revision) often answer the same query, and fewer files make the build faster.
const FragmentsPerFile = 8

// smallIndex is the number of terms below which shards are named by one letter.
const smallIndex = 20000

// seen is a word form a document has, under its folded key.
type seen struct{ key, form string }

// phraseKey is the key of a coordinator's phrase, or of a query: the stems of its words, function words and
// weak words aside ("var hittar jag blanketten" is "var finns blanketten"), without repeats, in order of the
// alphabet, joined by spaces. "" when it has no such word.
func phraseKey(toks []Token, voc *vocabulary, stop map[string]bool) string {
	var keys []string
	for _, t := range toks {
		if t.Secondary || stop[t.Form] || IsStopword(t.Form) || slices.Contains(weakWords, t.Key) {
			continue
		}
		keys = append(keys, voc.stemOf(t.Form))
	}
	sort.Strings(keys)
	return strings.Join(slices.Compact(keys), " ")
}

// accumulator sums weights by number for one document at a time, remembering which numbers it touched.
type accumulator struct {
	sum     []float64
	mark    []bool
	aside   []bool // the term came from the coordinator's phrases only
	touched []int32
}

func newAccumulator(n int) *accumulator {
	return &accumulator{sum: make([]float64, n), mark: make([]bool, n), aside: make([]bool, n)}
}

// addField adds a field's weight; from the coordinator's phrases (aside), nothing when the text has the term, and
// at most BodyWeight in all.
func (a *accumulator) addField(id int32, w float64, aside bool) {
	if !aside {
		a.add(id, w)
		return
	}
	if a.mark[id] && !a.aside[id] {
		return
	}
	if !a.mark[id] {
		a.add(id, 0)
		a.aside[id] = true
	}
	a.sum[id] = min(a.sum[id]+w, BodyWeight)
}

func (a *accumulator) add(id int32, w float64) {
	if !a.mark[id] {
		a.mark[id] = true
		a.sum[id] = 0
		a.touched = append(a.touched, id)
	}
	a.sum[id] += w
}

func (a *accumulator) reset() {
	for _, id := range a.touched {
		a.mark[id] = false
		a.aside[id] = false
	}
	a.touched = a.touched[:0]
}

// tf is a weighted term frequency in one document.
type tf struct {
	doc int
	n   float64
}

// keyBegin returns the first prefix letters of key, which name its shard, and false when key is not UTF-8.
func keyBegin(key string, prefix int) (string, bool) {
	end := 0
	for n := 0; n < prefix && end < len(key); n++ {
		r, size := utf8.DecodeRuneInString(key[end:])
		if r == utf8.RuneError && size == 1 {
			return "", false
		}
		end += size
	}
	return key[:end], true
}

// ShardName is the file name (without .json) of the shard holding a folded key: its first letters (prefix of
// them), in hex so that any letter makes a safe file name.
func ShardName(key string, prefix int) string {
	if begin, ok := keyBegin(key, prefix); ok {
		return hex.EncodeToString([]byte(begin))
	}
	r := []rune(key) // not UTF-8: its letters are what []rune makes of it
	return hex.EncodeToString([]byte(string(r[:min(len(r), prefix)])))
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps, slices, strings and numbers: cannot fail
	}
	return b
}

// pluralDefinite are the endings of a noun's definite plural, with the genitive's s, longer than the three letters
// inflectedAs takes of any ending: "nämnderna", "förvaltningarnas".
var pluralDefinite = []string{"arna", "erna", "orna", "arnas", "ernas", "ornas"}

// inflectedAs reports whether the folded word k is w with an inflectional ending: any of up to three letters ("-en",
// "-ar", "-ets"), or a definite plural.
func inflectedAs(k, w string) bool {
	if !strings.HasPrefix(k, w) {
		return false
	}
	ending := k[len(w):]
	return len(ending) <= 3 || slices.Contains(pluralDefinite, ending)
}

// glossary holds the abbreviations, by folded abbreviation, with the tokens of what they stand for.
type glossary struct {
	tokens  map[string][]Token
	phrases [][]string // folded keys of each expansion, with the abbreviation's form last
	// The phrases by their first word, for phrasesIn: those of several words, whose first word is said as it is,
	// and those of one, which may be inflected.
	byFirst, single map[string][]int
}

func newGlossary(m map[string]string) *glossary {
	g := &glossary{tokens: map[string][]Token{}, byFirst: map[string][]int{}, single: map[string][]int{}}
	abbrs := make([]string, 0, len(m))
	for a := range m {
		abbrs = append(abbrs, a)
	}
	sort.Strings(abbrs)
	for _, a := range abbrs {
		toks := Tokens(m[a])
		g.tokens[Fold(a)] = toks
		var keys []string
		for _, t := range toks {
			if !t.Secondary {
				keys = append(keys, t.Key)
			}
		}
		if len(keys) > 0 {
			if len(keys) == 1 {
				g.single[keys[0]] = append(g.single[keys[0]], len(g.phrases))
			} else {
				g.byFirst[keys[0]] = append(g.byFirst[keys[0]], len(g.phrases))
			}
			g.phrases = append(g.phrases, append(keys, strings.ToLower(a)))
		}
	}
	return g
}

// phrasesIn returns the abbreviations whose expansions appear in the tokens, word for word (folded, and with the
// expansion's last word allowed an ending: "stadsledningskontoret" for "stadsledningskontor", "stadsdelsnämnderna"
// for "stadsdelsnämnd"). It gathers the tokens' keys in buf, and returns buf for the next text.
func (g *glossary) phrasesIn(toks []Token, buf []string) ([]string, []string) {
	if len(g.phrases) == 0 {
		return nil, buf
	}
	keys := buf[:0]
	for _, t := range toks {
		if !t.Secondary {
			keys = append(keys, t.Key)
		}
	}
	// Each word is looked up among the phrases' first words: as it is, and for a phrase of one word, less each
	// ending inflectedAs allows.
	var found []int
	for i, k := range keys {
		for _, n := range g.byFirst[k] {
			if words := g.phrases[n][:len(g.phrases[n])-1]; saysFrom(keys[i:], words) {
				found = append(found, n)
			}
		}
		if len(g.single) == 0 {
			continue
		}
		for e := 0; e <= 3 && e < len(k); e++ {
			found = append(found, g.single[k[:len(k)-e]]...)
		}
		for _, e := range pluralDefinite {
			if base, ok := strings.CutSuffix(k, e); ok && base != "" {
				found = append(found, g.single[base]...)
			}
		}
	}
	if len(found) == 0 {
		return nil, keys
	}
	slices.Sort(found)
	found = slices.Compact(found)
	out := make([]string, len(found))
	for i, n := range found {
		out[i] = g.phrases[n][len(g.phrases[n])-1]
	}
	return out, keys
}

// saysFrom reports whether keys begin with the phrase's words, its last word perhaps inflected.
func saysFrom(keys, words []string) bool {
	if len(keys) < len(words) {
		return false
	}
	for j, w := range words {
		if k := keys[j]; k != w && !(j == len(words)-1 && inflectedAs(k, w)) {
			return false
		}
	}
	return true
}

// phrasesOf gathers the documents of the coordinator's phrases (sökord), by the phrases' keys; and those of a phrase
// of three words or more less any one of them, so that a question that says all but one of a phrase's words
// ("telefonnummer till samordnaren" for "telefonnummer och mejl till samordnaren") finds it too, below a whole
// phrase.
func phrasesOf(docs []Doc, voc *vocabulary, stop map[string]bool) (phrases, partial map[string][]int) {
	phrases, partial = map[string][]int{}, map[string][]int{}
	for i, d := range docs {
		for _, k := range d.Keywords {
			key := phraseKey(Tokens(k), voc, stop)
			if key == "" {
				continue
			}
			if l := phrases[key]; len(l) == 0 || l[len(l)-1] != i {
				phrases[key] = append(l, i)
			}
			if stems := strings.Split(key, " "); len(stems) >= 3 {
				for j := range stems {
					less := strings.Join(slices.Delete(slices.Clone(stems), j, j+1), " ")
					if l := partial[less]; len(l) == 0 || l[len(l)-1] != i {
						partial[less] = append(l, i)
					}
				}
			}
		}
	}
	return phrases, partial
}

// rootsOf gives the roots of the site's words (vocab) and compound parts (the parts' terms), each with the stems
// that have it, and the roots of the tails guessed for the compounds that were not split.
func rootsOf(vocab, parts []string, voc *vocabulary, stop map[string]bool) map[string][]string {
	roots := map[string][]string{}
	words := make([]seen, 0, len(vocab)) // the forms that have a root, with their folded keys
	for _, f := range vocab {
		k := Fold(f)
		if stop[f] || strings.ContainsAny(k, "0123456789") {
			continue
		}
		words = append(words, seen{k, f})
		r, st := Root(k), voc.stem[f]
		if !slices.Contains(roots[r], st) {
			roots[r] = append(roots[r], st)
		}
	}
	for _, p := range parts { // "anmälan" finds the "anmälning" of "orosanmälningar"
		if r := Root(p); !strings.ContainsAny(p, "0123456789") && !slices.Contains(roots[r], p) {
			roots[r] = append(roots[r], p)
		}
	}
	// The guessed tails of the compounds that were not split ("torg" of "jobbtorg"), under their roots: a query
	// for the tail finds the compound below the words that say it. A tail that ends many words is a suffix, and
	// the root of a word of the site is that word's ("roll" is a word, not what "kontroll" ends in).
	ending := map[string][]string{} // a guessed tail → the stems of the words that end so, up to one too many
	type guess struct {
		form  string
		tails []string
	}
	var guesses []guess
	for _, w := range words {
		if len(voc.parts[w.form]) == 0 {
			if ts := compoundTails(w.key); len(ts) > 0 {
				guesses = append(guesses, guess{w.form, ts})
				for _, t := range ts {
					ending[t] = nil
				}
			}
		}
	}
	if len(ending) > 0 {
		for _, w := range words {
			st := voc.stem[w.form]
			for i, n := len(w.key), 0; i > 0 && n < 8; n++ {
				_, size := utf8.DecodeLastRuneInString(w.key[:i])
				if i -= size; n < 3 || i == 0 {
					continue
				}
				if l, ok := ending[w.key[i:]]; ok && len(l) <= maxTailWords && !slices.Contains(l, st) {
					ending[w.key[i:]] = append(l, st)
				}
			}
		}
	}
	tails := map[string][]string{}
	for _, g := range guesses {
		for _, t := range g.tails {
			r, st := Root(t), voc.stem[g.form]
			if _, ofWord := roots[r]; len(ending[t]) <= maxTailWords && !ofWord && !slices.Contains(tails[r], st) {
				tails[r] = append(tails[r], st)
			}
		}
	}
	maps.Copy(roots, tails)
	return roots
}
