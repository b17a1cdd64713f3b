package search

// Stems and compound parts, worked out once for the whole vocabulary of the site.
//
// Snowball's Swedish stemmer is light: it takes "radikaliseras" and "radikaliserar" to "radikaliser" but leaves
// "radikalisering" and "nätverket" alone. So a stem is also reduced by the Swedish noun endings -ing, -ingen, -et,
// -en and -n when what is left is itself a stem in the vocabulary: then "radikalisering" meets "radikaliser" and
// "nätverket" meets "nätverk", without inventing stems the text does not have.
//
// A long word is split into compound parts where its head is a word of the vocabulary (allowing the linking s, and
// a dropped final e or a: "avhoppar" from "avhoppare") and its tail is at least four letters. The parts are stemmed
// too, so "nätverk" finds "socialtjänstnätverket" and "bejakande" finds "våldsbejakande".

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/memo"
)

// snowballStopwords is Snowball's Swedish list of function words (testdata/snowball-stopwords.txt), written out so
// that the browser gets all of it, not only the words the site happens to have: a query's "min" or "mitt" is a
// function word whether or not the plan says it.
var snowballStopwords = []string{"och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var",
	"sig", "för", "så", "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig", "du", "henne", "då", "sin",
	"nu", "har", "inte", "hans", "honom", "skulle", "hennes", "där", "min", "man", "ej", "vid", "kunde", "något", "från",
	"ut", "när", "efter", "upp", "vi", "dem", "vara", "vad", "över", "än", "dig", "kan", "sina", "här", "ha", "mot",
	"alla", "under", "någon", "eller", "allt", "mycket", "sedan", "ju", "denna", "själv", "detta", "åt", "utan", "varit",
	"hur", "ingen", "mitt", "ni", "bli", "blev", "oss", "din", "dessa", "några", "deras", "blir", "mina", "samma",
	"vilken", "er", "sådan", "vår", "blivit", "dess", "inom", "mellan", "sådant", "varför", "varje", "vilka", "ditt",
	"vem", "vilket", "sitta", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert", "era", "vilkas"}

// extraStopwords are a few more function words of questions ("vad gör jag vid oro"), and the pronoun "sitt" (which
// Snowball's list misses: it has "sitta").
var extraStopwords = []string{"gör", "göra", "ska", "skall", "bör", "får", "finns", "kan", "vill", "också", "sitt"}

// stopwords are snowballStopwords and extraStopwords, to look a word up in.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range slices.Concat(snowballStopwords, extraStopwords) {
		m[w] = true
	}
	return m
}()

// IsStopword reports whether the lower-case word is a function word.
func IsStopword(form string) bool { return stopwords[form] }

// Stopwords lists every stopword, for the browser, sorted. They are compared as written: "är" is a stopword, "år"
// and "ar" are not.
func Stopwords() []string { return slices.Sorted(maps.Keys(stopwords)) }

// weakWords are the verbs and adverbs of questions that say little of what is asked: "var sitter samordnaren",
// "min elev verkar radikaliserad", "var ligger kompetenscentret", "hur når jag samordnaren", "få tag på", "hur
// många", "vart vänder jag mig". Unlike a function word, the browser looks them
// up, and a document that has one ranks a little higher, but they never decide which documents answer while the
// query has another word the site has (folded keys).
var weakWords = []string{"sitter", "satt", "ligger", "ligga", "hittar", "hitta", "hittas", "verkar", "verka",
	"pratar", "prata", "pratat", "sager", "saga", "sagt", "betyder", "betyda", "menas", "menar", "heter", "behover",
	"maste", "brukar", "tycker", "tror", "vet", "veta", "hander", "handa", "hant", "galler", "galla", "fungerar",
	"jobbar", "lasa", "laser", "mer", "mera", "anvander", "anvands", "anvanda", "egentligen", "ofta", "manga", "vander", "vanda", "sker", "ske", "nar", "na", "tag",
	// Light verbs and the particles of particle verbs: "vem tar emot blanketten", "hur tas lägesbilden fram", "hur
	// kan anhöriga få stöd", "när hålls workshoparna", "vad innebär sekretessbrytande regel".
	"ta", "tar", "tas", "tog", "tagit", "emot", "fram", "fa", "fatt", "ga", "gar", "gick", "gatt", "kommer", "komma",
	"kom", "star", "sta", "halls", "haller", "halla", "gors", "gjort", "gjorde", "innebar", "innebara", "handlar",
	"kallas", "raknas"}

// WeakWords lists the weak words of questions (folded), for the browser, sorted.
func WeakWords() []string {
	return slices.Sorted(slices.Values(weakWords))
}

// vocabulary maps the words of the site to their stems and compound parts.
type vocabulary struct {
	stem  map[string]string         // form → folded stem key
	parts map[string][]string       // form → folded stem keys of its compound parts
	stems map[string]bool           // Snowball's stems of the forms
	snow  *memo.Map[string, string] // Snowball's stem of any word looked at, so each is stemmed once
}

// snowball stems a word with Snowball's Swedish stemmer, once per word.
func (v *vocabulary) snowball(w string) string {
	return v.snow.Get(w, func() string { return snowballStem(w) })
}

// snowballStem is Snowball's Swedish stemmer, in the Go the Snowball compiler makes of the algorithm
// (github.com/blevesearch/snowballstem): twice as fast as a port written by hand (github.com/kljensen/snowball),
// which converted every ending it tried to runes, and the same stem for each of 21,612 Swedish words (the plan's,
// the example revision's and the synonym lexicon's).
func snowballStem(w string) string {
	env := snowballstem.NewEnv(w)
	swedish.Stem(env)
	return env.Current()
}

var nounEndings = []string{"ingen", "ing", "et", "en", "n"}

// newVocabulary works out stems and compound parts for a set of lower-case word forms; snow holds the Snowball
// stems already known, and may be nil.
func newVocabulary(forms []string, snow *memo.Map[string, string]) *vocabulary {
	sort.Strings(forms)
	if snow == nil {
		snow = memo.New[string, string]()
	}
	v := &vocabulary{stem: make(map[string]string, len(forms)), parts: map[string][]string{},
		stems: make(map[string]bool, len(forms)), snow: snow}
	// Snowball's stems, then the stems conflated with them, each on every core; the maps are filled in order.
	raw := make([]string, len(forms))
	cores.Ranges(len(forms), func(from, to int) {
		for i := from; i < to; i++ {
			raw[i] = v.snowball(forms[i])
		}
	})
	for _, s := range raw {
		v.stems[s] = true
	}
	folded := make([]string, len(forms))
	cores.Ranges(len(forms), func(from, to int) {
		for i := from; i < to; i++ {
			folded[i] = Fold(v.conflate(raw[i]))
		}
	})
	for i, f := range forms {
		v.stem[f] = folded[i]
	}
	// Splitting is most of the work, and each form is split on its own: the forms are shared out among the cores.
	parts := make([][]string, len(forms))
	cores.Ranges(len(forms), func(from, to int) {
		for i := from; i < to; i++ {
			parts[i] = v.split(forms[i], 0)
		}
	})
	for i, ps := range parts {
		if len(ps) > 0 {
			v.parts[forms[i]] = ps
		}
	}
	return v
}

// conflate reduces a Snowball stem by a noun ending when what is left is a stem of the vocabulary.
func (v *vocabulary) conflate(s string) string {
	for _, end := range nounEndings {
		if base, ok := strings.CutSuffix(s, end); ok && len([]rune(base)) >= 3 && v.stems[base] {
			return base
		}
	}
	return s
}

// stemOf stems a word that may not be in the vocabulary (a compound part).
func (v *vocabulary) stemOf(w string) string {
	if s, ok := v.stem[w]; ok {
		return s
	}
	return Fold(v.conflate(v.snowball(w)))
}

// maxCompound is the most letters of a word that is split into compound parts. Swedish compounds in use stay under
// 40 letters; a longer "word" is a web address or pasted data, and splitting takes time in the square of a word's
// length: a 50 kB base64 picture took 49 s.
const maxCompound = 64

// split returns the stem keys of the compound parts of w, or nil when it is not a compound of known words.
//
// It runs for every word of the site at every build, so it slices w where it could split it rather than making
// new strings, and looks at each place once.
func (v *vocabulary) split(w string, depth int) []string {
	if len(w) > 4*maxCompound { // more than maxCompound letters, however many bytes each takes
		return nil
	}
	var at [maxCompound + 1]int // at[i] is where the i-th letter of w begins
	n := 0
	for i := range w {
		if n >= maxCompound {
			return nil
		}
		at[n] = i
		n++
	}
	at[n] = len(w)
	if n < 7 || depth > 3 {
		return nil
	}
	// The longest head that is a word (not a function word) whose tail is a word too; failing that, whose tail is
	// at least six letters.
	fallback := -1
	for i := n - 4; i >= 3; i-- {
		head, tail := w[:at[i]], w[at[i]:]
		if !v.knownHead(head) || IsStopword(head) { // most heads are no word: the stopwords are looked up after
			continue
		}
		if v.known(tail) || v.known(v.snowball(tail)) {
			return v.splitAt(head, tail, depth)
		}
		if fallback < 0 && n-i >= 6 {
			fallback = i
		}
	}
	if fallback >= 0 {
		return v.splitAt(w[:at[fallback]], w[at[fallback]:], depth)
	}
	// No head is a word of the site: split after a linking s that follows one of the endings that take it
	// ("anmälnings|skyldighet", "utrednings|placering", "kunskaps|höjning", "verksamhets|berättelse").
	for i := n - 5; i >= 5; i-- {
		head, tail := w[:at[i]], w[at[i]:]
		for _, end := range linkingEndings {
			if strings.HasSuffix(head, end) {
				parts := []string{v.stemOf(strings.TrimSuffix(head, "s")), v.stemOf(tail)}
				return append(parts, v.split(tail, depth+1)...)
			}
		}
	}
	return nil
}

// splitAt returns the parts of a compound split into head and tail, and the parts of each.
func (v *vocabulary) splitAt(head, tail string, depth int) []string {
	base := v.trimLink(head)
	parts := []string{v.stemOf(base), v.stemOf(tail)}
	parts = append(parts, v.split(base, depth+1)...)
	return append(parts, v.split(tail, depth+1)...)
}

// linkingEndings are endings after which Swedish compounds put a linking s.
var linkingEndings = []string{"ings", "hets", "tions", "skaps", "doms", "ets", "nads"}

// knownHead reports whether a compound's head is a word: as it stands, without the linking s, or with the final
// e or a that compounds drop.
func (v *vocabulary) knownHead(head string) bool {
	if v.known(head) {
		return true
	}
	if base, ok := strings.CutSuffix(head, "s"); ok && len(base) >= 3 && v.known(base) {
		return true
	}
	// head+"e" and head+"a", looked up without making a string for each place a word could split: most are no
	// word.
	var buf [4*maxCompound + 1]byte
	b := append(buf[:0], head...)
	return v.knownBytes(append(b, 'e')) || v.knownBytes(append(b, 'a'))
}

// trimLink returns a compound's head as a word: without the linking s, or with the final e or a it dropped.
func (v *vocabulary) trimLink(head string) string {
	if base, ok := strings.CutSuffix(head, "s"); ok && len(base) >= 3 && v.known(base) {
		return base
	}
	if v.known(head) {
		return head
	}
	for _, e := range []string{"e", "a"} {
		if v.known(head + e) {
			return head + e
		}
	}
	return head
}

// Derivations. Snowball and the noun endings above join the inflections of one word; a root joins the words made
// from one another: "anmälan", "anmäler" and "orosanmälningar" (anmäl-), "islamism", "islamist" and "islamistiska"
// (islam-), "radikal" and "radikalisering", "demokrati" and "demokratisk", "granskning" and "granska",
// "organisera" and "organisation". Root strips one ending of the list (the longest that leaves four letters, or
// three for -ism and -ist: "nazism", "nazister"), or failing that the e of a final -en or -el ("vuxen", "vuxna"),
// then a final n, then a final vowel, so that both
// sides of a pair end up on the same letters. It works on folded words, without a lexicon, the same way in Go and
// in the browser (testdata/roots.golden is checked against both); a root is looked up only when a query word
// matches no word of the site as it stands, so its looseness costs no precision where the text has the word.

// rootEndings are the derivational and inflectional endings Root strips, longest first.
var rootEndings = func() []string {
	e := strings.Fields(`
		iseringarna iseringar iseringen isering iserades iserade iserad iserat iserar iseras isera
		eringarna eringar eringen ering erades erade erad erat erar eras era
		ningarnas ningarna ningar ningens ningen nings ning ingarna ingar ingen ing
		istiskas istiska istiskt istisk isterna isters isten ister ists ist ismens ismen ism iskas iska iskt isk
		isationerna isationer isationen isation ationerna ationer ationen ation ionerna ioner ionen ion itetens iteten itet ivas iva ivt iv
		lighetens ligheten lighet ligas liga ligt lig hetens heten heter het elsen elser else
		andets andet andes ande ende arnas arna arens aren ares are ernas erna ornas orna
		ans an ade at ar er or ens ets en et na a e s`)
	slices.SortStableFunc(e, func(a, b string) int { return len(b) - len(a) })
	return e
}()

// rootEndingsByLast are rootEndings by their last letter, in the same order: Root tries only the endings a word
// can have, a tenth of them, which matters when a build takes the roots of a lexicon's fifteen thousand words.
var rootEndingsByLast = func() map[byte][]string {
	m := map[byte][]string{}
	for _, e := range rootEndings {
		m[e[len(e)-1]] = append(m[e[len(e)-1]], e)
	}
	return m
}()

// Root returns the root that a folded word shares with the words derived from it. A word with a digit is its
// own root.
func Root(key string) string {
	if strings.ContainsAny(key, "0123456789") || len(key) > 4*maxCompound {
		return key
	}
	n := utf8.RuneCountInString(key)
	stripped := false
	var endings []string
	if key != "" {
		endings = rootEndingsByLast[key[len(key)-1]]
	}
	for _, e := range endings {
		if strings.HasSuffix(key, e) && (n-len(e) >= 4 || n-len(e) == 3 && isIsmIst(e)) {
			key, n, stripped = key[:len(key)-len(e)], n-len(e), true
			break
		}
	}
	// A word in -en or -el loses the e when an ending follows ("vuxen", "vuxna"; "regel", "regler"; "artikel",
	// "artiklar"): without an ending of its own, it loses it here too, so that both meet.
	if !stripped && n >= 5 && (strings.HasSuffix(key, "en") || strings.HasSuffix(key, "el")) {
		if c, _ := utf8.DecodeLastRuneInString(key[:len(key)-2]); !strings.ContainsRune("aeiouy", c) {
			key, n = key[:len(key)-2]+key[len(key)-1:], n-1
		}
	}
	if n > 4 && strings.HasSuffix(key, "n") {
		key, n = key[:len(key)-1], n-1
	}
	if last, size := utf8.DecodeLastRuneInString(key); n > 4 && strings.ContainsRune("aeiouy", last) {
		key, n = key[:len(key)-size], n-1
	}
	return verbToNoun(key, n)
}

// isIsmIst reports whether a root ending is one of -ism's or -ist's, which leave a root of three letters too:
// "nazism" and "nazister", "rasism" and "rasist" meet in "naz" and "ras".
func isIsmIst(e string) bool {
	return strings.HasPrefix(e, "ism") || strings.HasPrefix(e, "ist")
}

// verbToNoun joins a verb's root to its noun's where the noun is not the verb less its ending. A verb in -ja has a j
// that its noun lacks ("stödja", "stödjer" and "stöd"; "välja" and "val"), so a j after a consonant goes. A strong
// verb of the i–a series has its noun in å or a ("tvinga", "tvingas" and "tvång", "tvångsåtgärder"; "springa" and
// "språng"; "klinga" and "klang"): a root that ends in -ing, which no longer word keeps (Root strips -ing), takes
// the noun's vowel, a once folded.
func verbToNoun(key string, n int) string {
	if n >= 5 && strings.HasSuffix(key, "j") {
		if c, _ := utf8.DecodeLastRuneInString(key[:len(key)-1]); !strings.ContainsRune("aeiouy", c) {
			return key[:len(key)-1]
		}
	}
	if base, ok := strings.CutSuffix(key, "ing"); ok && n >= 4 {
		return base + "ang"
	}
	return key
}

// Suspended compounds: "barn- och ungdomspsykiatrin" says "barnpsykiatrin" and "ungdomspsykiatrin", "risk- och
// skyddsfaktorer" says "riskfaktorer". suspendedWords returns the words a text leaves to the reader this way, the
// head before the hyphen joined to the last part of the word that completes it.
// They are compiled on first use: a letter class is costly to compile, and most runs never need it.
var (
	suspendedAt = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*[\p{L}]+-(?:\s*,\s*|\s+(?:och|eller|samt|till)\s+|/)`)
	})
	firstWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([\p{L}]+)`) })
)

func (v *vocabulary) suspendedWords(text string) []string {
	var out []string
	for from := 0; ; {
		head, end := nextSuspended(text, from)
		if end < 0 {
			return out
		}
		from = end
		rest := text[end:]
		// The completing word is the first after the match that is not itself suspended ("risk-, hot- och …").
		for {
			loc := suspendedAt().FindStringIndex(rest)
			if loc == nil {
				break
			}
			rest = rest[loc[1]:]
		}
		if w := firstWord().FindStringSubmatch(rest); w != nil {
			if tail := v.lastPart(strings.ToLower(w[1])); tail != "" {
				out = append(out, strings.ToLower(head)+tail)
			}
		}
	}
}

// nextSuspended finds the first suspended word in text at or after from: letters, a hyphen, and a comma, a slash,
// or och, eller, samt or till between spaces. It returns the letters and where what follows them starts, or an end
// of -1. It is what the expression ([\p{L}]+)-(?:\s*,\s*|\s+(?:och|eller|samt|till)\s+|/) finds, found from the
// hyphens: an expression tries every run of letters, and hyphens are common ("VBE-samordnaren"), suspended words
// rare (TestSuspendedLikeTheExpression).
func nextSuspended(text string, from int) (head string, end int) {
	for {
		i := strings.IndexByte(text[from:], '-')
		if i < 0 {
			return "", -1
		}
		i += from
		if end = separatorEnd(text, i+1); end >= 0 {
			start := i
			for start > from {
				r, size := utf8.DecodeLastRuneInString(text[:start])
				if !unicode.IsLetter(r) {
					break
				}
				start -= size
			}
			if start < i {
				return text[start:i], end
			}
		}
		from = i + 1
	}
}

// separatorEnd returns the end of the separator of a suspended word that starts at i, just after its hyphen, or -1.
func separatorEnd(text string, i int) int {
	if strings.HasPrefix(text[i:], "/") {
		return i + 1
	}
	j := skipSpace(text, i)
	if strings.HasPrefix(text[j:], ",") {
		return skipSpace(text, j+1)
	}
	if j == i {
		return -1
	}
	for _, w := range [...]string{"och", "eller", "samt", "till"} {
		if k := j + len(w); strings.HasPrefix(text[j:], w) && k < len(text) && isSpace(text[k]) {
			return skipSpace(text, k)
		}
	}
	return -1
}

// skipSpace returns the index of the first byte at or after i that is not white space as \s has it.
func skipSpace(text string, i int) int {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// lastPart returns the last part of a compound as written: the shortest ending of four letters or more that is a
// word of the site ("träffar" of "arbetsplatsträffar"), or the part after a linking s whose head is a word
// ("faktorer" of "skyddsfaktorer"); "" when the word is no compound.
func (v *vocabulary) lastPart(w string) string {
	r := []rune(w)
	if len(r) < 7 || len(r) > maxCompound {
		return ""
	}
	known := func(s string) bool { return v.stems[s] || v.stem[s] != "" || v.stems[v.snowball(s)] }
	for i := len(r) - 4; i >= 3; i-- {
		if tail := string(r[i:]); known(tail) {
			return tail
		}
	}
	for i := 3; i <= len(r)-4; i++ {
		if r[i-1] == 's' && known(string(r[:i-1])) {
			return string(r[i:])
		}
	}
	return ""
}

// known reports whether w is a word of the site or the stem of one.
func (v *vocabulary) known(w string) bool { return v.stems[w] || v.stem[w] != "" }

// knownBytes is known for a word in a buffer (the maps are read without copying it).
func (v *vocabulary) knownBytes(w []byte) bool { return v.stems[string(w)] || v.stem[string(w)] != "" }

// add works out stems and compound parts for words found after the vocabulary was made.
func (v *vocabulary) add(forms []string) {
	for _, f := range forms {
		if _, ok := v.stem[f]; !ok {
			v.stem[f] = v.stemOf(f)
		}
	}
	for _, f := range forms {
		if ps := v.split(f, 0); len(ps) > 0 {
			v.parts[f] = ps
		}
	}
}

// Tails. A compound whose head is no word of the site ("Jobbtorg": the plan never says "jobb") is not split, yet
// an employee searches for its tail alone ("torg"). compoundTails guesses such tails of a folded word that was not
// split: the endings of four to eight letters that begin as a Swedish word can (a consonant or a cluster such as
// "st", "skr", then a vowel) after a head of four letters or more that ends in a consonant. A boundary between
// two consonants is where compounds join; one after a vowel is mostly inside a suffix ("radikalise|ring"), and a
// shorter head is mostly a prefix ("be|slut", "upp|drag").
// Endings that many words of the site share are suffixes, not words ("ning", "ring"): the index keeps only the
// tails that end at most maxTailWords of them (see Build).
func compoundTails(key string) []string {
	if n := utf8.RuneCountInString(key); n < 7 || n > maxCompound { // most words: before making runes of them
		return nil
	}
	r := []rune(key)
	var out []string
	for i := max(4, len(r)-8); i <= len(r)-4; i++ {
		if isVowel(r[i-1]) || !hasVowel(r[:i]) {
			continue
		}
		n := onset(r[i:])
		if n == 0 || i+n >= len(r) || !isVowel(r[i+n]) {
			continue
		}
		out = append(out, string(r[i:]))
	}
	return out
}

// maxTailWords is the most words of the site a guessed compound tail may end, to be kept as one.
const maxTailWords = 2

func isVowel(c rune) bool { return strings.ContainsRune("aeiouy", c) }

func hasVowel(r []rune) bool { return slices.ContainsFunc(r, isVowel) }

// onsets are the clusters of consonants a Swedish word can begin with (folded), longest first; a single
// consonant is one too.
var onsets = []string{"skj", "skr", "spl", "spr", "str", "stj",
	"bl", "br", "dr", "dv", "fj", "fl", "fr", "gl", "gn", "gr", "hj", "kl", "kn", "kr", "kv", "lj", "mj", "nj",
	"pl", "pr", "sj", "sk", "sl", "sm", "sn", "sp", "st", "sv", "tj", "tr", "tv", "vr"}

// onset returns the number of letters of the consonants w begins with when a word can begin so, or 0.
func onset(w []rune) int {
	if len(w) == 0 || isVowel(w[0]) || !unicode.IsLetter(w[0]) {
		return 0
	}
next:
	for _, o := range onsets { // folded clusters are ASCII: a letter is a byte
		if len(w) <= len(o) {
			continue
		}
		for i := range len(o) {
			if w[i] != rune(o[i]) {
				continue next
			}
		}
		return len(o)
	}
	return 1
}
