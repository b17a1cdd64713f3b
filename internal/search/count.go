package search

// Counting: what each distinct text adds to a document. Every word form of the site and every term (a stem, a
// compound part, the stem of an abbreviation's expansion: folded stem keys, numbered together) is numbered once,
// so that counting a text adds up numbers in slices rather than strings in maps.

// numbering gives the word forms and terms of an index their numbers, and holds what each form counts for.
type numbering struct {
	formID map[seen]int32
	forms  []seen
	termID map[string]int32
	terms  []string

	// By form, set by describe once the vocabulary is known.
	stem  []int32       // its stem's term
	parts [][]int32     // its compound parts' terms
	stop  []bool        // a function word: counts for nothing
	gloss [][]expansion // the words of what it stands for, when it is an abbreviation
}

// expansion is a word of what an abbreviation stands for.
type expansion struct {
	term, form int32
	secondary  bool
}

func newNumbering(forms int) *numbering {
	return &numbering{formID: make(map[seen]int32, forms), termID: make(map[string]int32, forms)}
}

// form returns the number of a form, numbering it when it is new.
func (l *numbering) form(key, form string) int32 { return number(l.formID, &l.forms, seen{key, form}) }

// keys returns the folded keys of the forms numbered so far (a key written in two ways comes twice).
func (l *numbering) keys() []string {
	out := make([]string, len(l.forms))
	for i, f := range l.forms {
		out[i] = f.key
	}
	return out
}

// term returns the number of a term, numbering it when it is new.
func (l *numbering) term(k string) int32 { return number(l.termID, &l.terms, k) }

// number returns the number of k in m, giving it the next one, and adding it to list, when it has none.
func number[K comparable](m map[K]int32, list *[]K, k K) int32 {
	n, ok := m[k]
	if !ok {
		n = int32(len(*list))
		m[k] = n
		*list = append(*list, k)
	}
	return n
}

// describe works out what each form counts for, from the vocabulary, the glossary and the function words.
func (l *numbering) describe(voc *vocabulary, gloss *glossary, stop map[string]bool) {
	for id := len(l.stem); id < len(l.forms); id++ { // an expansion's form is numbered already, or described in turn
		f := l.forms[id]
		var parts []int32
		for _, p := range voc.parts[f.form] {
			parts = append(parts, l.term(p))
		}
		var exp []expansion
		for _, e := range gloss.tokens[f.key] {
			if !stop[e.Form] {
				exp = append(exp, expansion{l.term(voc.stem[e.Form]), l.form(e.Key, e.Form), e.Secondary})
			}
		}
		l.stem = append(l.stem, l.term(voc.stem[f.form]))
		l.parts = append(l.parts, parts)
		l.stop = append(l.stop, stop[f.form])
		l.gloss = append(l.gloss, exp)
	}
}

// partsSaid returns the terms of the compound parts of the forms the texts say, function words aside: the parts
// that documents have.
func (l *numbering) partsSaid(ids [][]int32) []string {
	said := make([]bool, len(l.forms))
	had := make([]bool, len(l.terms))
	var out []string
	for _, ts := range ids {
		for _, f := range ts {
			if said[f] || l.stop[f] {
				continue
			}
			said[f] = true
			for _, p := range l.parts[f] {
				if !had[p] {
					had[p] = true
					out = append(out, l.terms[p])
				}
			}
		}
	}
	return out
}

// contrib is what one text adds to a document at weight 1: its terms with their counts (as stems, as compound
// parts, and through the glossary), its pairs of words in a row, its word forms, and its number of words.
type contrib struct {
	stems, parts, gloss []weighted
	pairs               []uint64 // the stems of two words in a row: first<<32 | second
	forms               []int32
	words               float64
}

type weighted struct {
	term int32
	w    float64
}

// scratch is the working space of count, reused from one text to the next: sums by term, and marks of the terms,
// forms and pairs the text has so far (a mark is the text's turn).
type scratch struct {
	turn                          int32
	stem, part, gloss             []float64
	stemMark, partMark, glossMark []int32
	formMark                      []int32
	pairs                         map[uint64]bool
	stemOrder, partOrder          []int32
	glossOrder, formList          []int32
	pairList                      []uint64
	keys                          []string // its words' keys, for the glossary's phrases
}

func newScratch(l *numbering) *scratch {
	t, f := len(l.terms), len(l.forms)
	return &scratch{stem: make([]float64, t), part: make([]float64, t), gloss: make([]float64, t),
		stemMark: make([]int32, t), partMark: make([]int32, t), glossMark: make([]int32, t), formMark: make([]int32, f),
		pairs: map[uint64]bool{}}
}

// count works out a text's contribution from its tokens and their forms' numbers. Function words count for
// nothing; an abbreviation counts for its expansion too, and an expansion for its abbreviation, apart from the
// words the text says itself.
func count(toks []Token, ids []int32, l *numbering, voc *vocabulary, gloss *glossary, sc *scratch) contrib {
	var c contrib
	sc.turn++
	turn := sc.turn
	clear(sc.pairs)
	stemOrder, partOrder, glossOrder := sc.stemOrder[:0], sc.partOrder[:0], sc.glossOrder[:0]
	formList, pairList := sc.formList[:0], sc.pairList[:0]
	addForm := func(f int32) {
		if sc.formMark[f] != turn {
			sc.formMark[f] = turn
			formList = append(formList, f)
		}
	}
	addGloss := func(k int32, w float64) {
		if sc.glossMark[k] != turn {
			sc.glossMark[k] = turn
			sc.gloss[k] = 0
			glossOrder = append(glossOrder, k)
		}
		sc.gloss[k] += w
	}
	prev := int32(-1)
	for i, t := range toks {
		f := ids[i]
		if l.stop[f] {
			continue
		}
		w := 1.0
		if t.Secondary {
			w = 0.5
		}
		k := l.stem[f]
		if sc.stemMark[k] != turn {
			sc.stemMark[k] = turn
			sc.stem[k] = 0
			stemOrder = append(stemOrder, k)
		}
		sc.stem[k] += w
		addForm(f)
		for _, p := range l.parts[f] {
			if sc.partMark[p] != turn {
				sc.partMark[p] = turn
				sc.part[p] = 0
				partOrder = append(partOrder, p)
			}
			sc.part[p] += w * partFactor
		}
		if !t.Secondary {
			c.words++
			// Each pair once, in the order the text first has it.
			if pair := uint64(prev)<<32 | uint64(k); prev >= 0 && prev != k && !sc.pairs[pair] {
				sc.pairs[pair] = true
				pairList = append(pairList, pair)
			}
			prev = k
		}
		for _, e := range l.gloss[f] {
			w := glossFactor
			if e.secondary {
				w *= 0.5
			}
			addGloss(e.term, w)
			addForm(e.form)
		}
	}
	var abbrs []string
	abbrs, sc.keys = gloss.phrasesIn(toks, sc.keys)
	for _, abbr := range abbrs {
		addGloss(l.termID[voc.stemOf(abbr)], glossFactor)
		addForm(l.formID[seen{Fold(abbr), abbr}])
	}
	c.forms, c.pairs = clone(formList), clone(pairList)
	c.stems = make([]weighted, len(stemOrder))
	for i, k := range stemOrder {
		c.stems[i] = weighted{k, sc.stem[k]}
	}
	c.parts = make([]weighted, len(partOrder))
	for i, k := range partOrder {
		c.parts[i] = weighted{k, sc.part[k]}
	}
	for _, k := range glossOrder {
		if sc.stemMark[k] != turn { // the text says the word itself: the gloss adds nothing
			c.gloss = append(c.gloss, weighted{k, sc.gloss[k]})
		}
	}
	sc.stemOrder, sc.partOrder, sc.glossOrder, sc.formList, sc.pairList = stemOrder, partOrder, glossOrder, formList, pairList
	return c
}

// clone copies a list at its length; nil when it is empty.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
