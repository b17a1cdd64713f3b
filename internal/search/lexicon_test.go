package search

import (
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write synlex/lexicon.bin anew from synlex/lexicon.txt")

// TestLexiconFiles: the site keeps only the lexicon's pairs that can lead a word it lacks to a word it has, filed by
// the root of the word it lacks, in a file named by that root's first letter.
func TestLexiconFiles(t *testing.T) {
	docs := []Doc{
		{ID: "a", Year: 2020, Fields: []Field{{Text: "Samverka med polisen om ungdomar.", Weight: 1}}},
		{ID: "b", Year: 2020, Fields: []Field{{Text: "Blanketten skickas till SLK.", Weight: 1}}},
	}
	pairs := [][2]string{
		{"polis", "snut"},         // the site has polis (as "polisen"): snut → polis
		{"tonar", "ungdom"},       // and ungdom (as "ungdomar"): tonår → ungdom
		{"formular", "blankett"},  // "blanketten"
		{"samarbeta", "samverka"}, // the site has samverka: samarbeta → samverka
		{"polis", "ungdom"},       // both are the site's: nothing to add
		{"pojke", "grabb"},        // neither: nothing can be found
		{"och", "samt"},           // function words: never
		{"stadsledning", "slk"},   // the glossary's abbreviation is a word of the site
		{"polisen", "polis"},      // one root: nothing to add
	}
	glossary := map[string]string{"SLK": "stadsledningskontoret"}
	lx := lexiconFrom(t, lexiconOf(pairs))
	files := lx.files(siteKeys(docs, glossary))
	got := map[string]map[string][]string{}
	for _, f := range files {
		m := map[string][]string{}
		if err := json.Unmarshal(f.Data, &m); err != nil {
			t.Fatal(err)
		}
		got[f.Path] = m
	}
	want := map[string]map[string][]string{
		"sok/i/x/66.json": {"formul": {"blankett"}, "formular": {"blankett"}},
		"sok/i/x/73.json": {"snut": {"polis"}, "samarbet": {"samverka"}, "samarbeta": {"samverka"}, "stadsled": {"slk"},
			"stadsledning": {"slk"}}, // the word, and its root
		"sok/i/x/74.json": {"tonar": {"ungdom"}},
	}
	// The word itself is filed too, and the browser tries it before its root: "formulär" is a form, "formulera"
	// (formul, as "formulär") a way of saying.
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// A second build of the same site writes the same bytes.
	again := lexiconFrom(t, lexiconOf(pairs)).files(siteKeys(docs, glossary))
	if !reflect.DeepEqual(files, again) {
		t.Error("two builds of one site wrote different lexicon files")
	}
}

// siteKeys are the folded words of the documents' texts and of the glossary, as Build numbers them.
func siteKeys(docs []Doc, glossary map[string]string) []string {
	var keys []string
	for _, d := range docs {
		for _, f := range d.Fields {
			for _, t := range Tokens(f.Text) {
				keys = append(keys, t.Key)
			}
		}
	}
	for a, exp := range glossary {
		keys = append(keys, Fold(a))
		for _, t := range Tokens(exp) {
			keys = append(keys, t.Key)
		}
	}
	return keys
}

// lexiconFrom encodes the text of a lexicon as lexicon.bin has it, and reads it back.
func lexiconFrom(t *testing.T, text string) *lexicon {
	t.Helper()
	b, err := encodeLexicon(text)
	if err != nil {
		t.Fatal(err)
	}
	lx, err := decodeLexicon(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

// lexiconOf writes pairs of folded words as lexicon.txt has them.
func lexiconOf(pairs [][2]string) string {
	var b strings.Builder
	for _, p := range pairs {
		b.WriteString(formatLexiconWord(p[0]) + "|" + formatLexiconWord(p[1]) + "\n")
	}
	return b.String()
}

// TestLexiconData: the lexicon carries its licence notice, reads into pairs of folded single words whose roots
// and function-word marks are those Root and IsStopword give now, and has the pairs the search's examples rest on;
// synlex/lexicon.bin, which the binary carries, is what synlex/lexicon.txt gives (-update writes it anew).
func TestLexiconData(t *testing.T) {
	raw, err := os.ReadFile("synlex/lexicon.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if !strings.Contains(text, "Copyright: 2009 Viggo Kann") || !strings.Contains(text, "Modified for plansite") {
		t.Error("synlex/lexicon.txt has lost its licence notice or the notice of its modification")
	}
	has := map[[2]string]bool{}
	stale := 0
	eachLexiconPair(text, func(a, b lexiconWord) {
		for _, w := range []lexiconWord{a, b} {
			if strings.ContainsAny(w.word, " -|!>") || w.word != Fold(w.word) {
				t.Fatalf("%q is not a folded word", w.word)
			}
			if w.root != Root(w.word) || w.stop != IsStopword(w.word) {
				if stale++; stale <= 5 {
					t.Errorf("%s: root %q and function word %v in lexicon.txt, but Root gives %q and IsStopword %v",
						w.word, w.root, w.stop, Root(w.word), IsStopword(w.word))
				}
			}
		}
		has[[2]string{a.word, b.word}] = true
		has[[2]string{b.word, a.word}] = true
	})
	if stale > 0 {
		t.Errorf("%d words of synlex/lexicon.txt have a root or mark that is no longer Root's or IsStopword's: write them "+
			"anew with go run ./internal/search/synlex/gen.go internal/search/synlex/lexicon.txt > /tmp/lexicon.txt && "+
			"mv /tmp/lexicon.txt internal/search/synlex/lexicon.txt, then go test ./internal/search -run TestLexiconData -update", stale)
	}
	if len(has) < 2*15000 {
		t.Errorf("%d pairs, want the whole lexicon (about 17,700)", len(has)/2)
	}
	for _, p := range [][2]string{{"polis", "snut"}, {"tonar", "ungdom"}, {"arbetskamrat", "medarbetare"}, {"knark", "narkotika"}} {
		if !has[p] {
			t.Errorf("the lexicon lacks %q", p)
		}
	}
	bin, err := encodeLexicon(text)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("synlex/lexicon.bin", bin, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if string(bin) != lexiconBin {
		t.Error("synlex/lexicon.bin is not what synlex/lexicon.txt gives: write it anew with go test ./internal/search -run TestLexiconData -update")
	}
	if !strings.HasPrefix(lexiconBin, "# Swedish synonyms") || !strings.Contains(lexiconBin, "Copyright: 2009 Viggo Kann") {
		t.Error("synlex/lexicon.bin does not begin with the lexicon's licence notice")
	}
	if _, err := decodeLexicon(lexiconBin); err != nil {
		t.Error(err)
	}
	for _, cut := range []int{0, 10, len(lexiconBin) / 2, max(0, len(lexiconBin)-1)} {
		if _, err := decodeLexicon(lexiconBin[:cut]); err == nil {
			t.Errorf("a lexicon.bin cut at %d bytes was read", cut)
		}
	}
}
