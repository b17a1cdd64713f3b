package search

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestStopwordsWhole checks that the written-out list is Snowball's, word for word, and that the browser gets every
// function word, not only those the site has: a query's "min" or "mitt" is one whether or not the plan says it.
// And that the pronoun "sitt" is one.
func TestStopwordsWhole(t *testing.T) {
	raw, err := os.ReadFile("testdata/snowball-stopwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	var snowball []string
	for _, line := range strings.Split(string(raw), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			snowball = append(snowball, line)
		}
	}
	if !slices.Equal(snowball, snowballStopwords) {
		t.Errorf("snowballStopwords is not Snowball's list:\n got %q\nwant %q", snowballStopwords, snowball)
	}
	stop := Stopwords()
	for _, w := range snowballStopwords {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) is false", w)
		}
		if !slices.Contains(stop, w) {
			t.Errorf("Stopwords() lacks %q", w)
		}
	}
	for _, w := range []string{"min", "mitt", "sitt", "vem", "hur", "när", "vad", "gör", "jag", "om", "ska", "kan", "finns"} {
		if !IsStopword(w) || !slices.Contains(stop, w) {
			t.Errorf("%q must be a stopword", w)
		}
	}
	if !slices.IsSorted(stop) {
		t.Error("Stopwords() is not sorted")
	}
}

// TestMetaStopAndWeak checks meta.json: the whole list of function words (less the glossary's abbreviations), and
// the weak words of questions, folded, none of them a function word.
func TestMetaStopAndWeak(t *testing.T) {
	docs := []Doc{{ID: "a", Year: 2020, Kind: Section, Fields: []Field{{Text: "Samordnaren sitter på SIG. Det ligger nära.", Weight: BodyWeight}}}}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, map[string]string{"SIG": "sociala insatsgrupper"}, nil)
	var meta struct {
		Stop []string `json:"stop"`
		Weak []string `json:"weak"`
	}
	for _, f := range files {
		if f.Path == "sok/i/meta.json" {
			if err := json.Unmarshal(f.Data, &meta); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, w := range []string{"min", "mitt", "vem", "sitt"} {
		if !slices.Contains(meta.Stop, w) {
			t.Errorf("meta.stop lacks %q, which the site does not say", w)
		}
	}
	if slices.Contains(meta.Stop, "sig") {
		t.Error(`meta.stop has "sig", which the glossary has as an abbreviation`)
	}
	for _, w := range []string{"sitter", "ligger", "verkar", "hittar", "hander", "betyder", "fa", "tar", "emot", "fram", "manga", "vander"} {
		if !slices.Contains(meta.Weak, w) {
			t.Errorf("meta.weak lacks %q", w)
		}
	}
	for _, w := range meta.Weak {
		if w != Fold(w) || IsStopword(w) {
			t.Errorf("weak word %q: must be folded, and no function word", w)
		}
	}
}

// TestKeywordsAside checks that the coordinator's phrases are found, but do not make a document longer: a
// section's many sökord never weaken the words its text says (BM25's length); nor do they add to a word the text
// says ("blanketten" in a phrase too), and a word only the phrases have weighs as if said once, however many
// phrases have it.
func TestKeywordsAside(t *testing.T) {
	text := Field{Text: "Rutinen vid oro. Skicka blanketten till samordnaren.", Weight: BodyWeight}
	other := Doc{ID: "b", Year: 2020, Kind: Section, Fields: []Field{{Text: "Blanketten finns på intranätet, och samordnaren har den.", Weight: BodyWeight}}}
	plain := Build([]Doc{{ID: "a", Year: 2020, Kind: Section, Fields: []Field{text}}, other},
		[]Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	kw := []string{"orolig för en kollega", "orolig för en elev eller ungdom", "någon uttrycker våldsbejakande åsikter",
		"var finns blanketten", "kollega med våldsbejakande åsikter"}
	with := Build([]Doc{{ID: "a", Year: 2020, Kind: Section, Fields: append([]Field{text}, keywordFields(kw)...), Keywords: kw}, other},
		[]Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	for _, w := range []string{"blanketten", "samordnaren"} {
		if a, b := query(t, plain, w), query(t, with, w); a[0] != b[0] || a[1] != b[1] {
			t.Errorf("%s: %v without sökord, %v with: the phrases must not change the weights of the text's words", w, a, b)
		}
	}
	if r := query(t, with, "kollega"); r[0] == 0 || len(r) != 1 {
		t.Errorf("kollega: %v; the phrase finds its section", r)
	}
	if k, e := query(t, with, "kollega"), query(t, with, "elev"); k[0] != e[0] {
		t.Errorf("kollega %v, elev %v: a word in two phrases weighs as one in one", k, e)
	}
}

// TestPhraseKeys checks the keys of the coordinator's phrases: weak words aside, as function words are ("var hittar
// jag blanketten" is "var finns blanketten"), and a phrase of three words or more also under each key less one of
// its words, apart from its whole key.
func TestPhraseKeys(t *testing.T) {
	kw := []string{"telefonnummer och mejl till samordnaren", "var hittar jag blanketten"}
	docs := []Doc{{ID: "a", Year: 2020, Kind: Section, Fields: append([]Field{{Text: "Blanketten skickas till samordnaren.", Weight: BodyWeight}}, keywordFields(kw)...), Keywords: kw}}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	k, q := map[string][]int{}, map[string][]int{}
	for _, f := range files {
		var sh struct {
			K map[string][]int `json:"k"`
			Q map[string][]int `json:"q"`
		}
		if strings.HasPrefix(f.Path, "sok/i/") && f.Path != "sok/i/meta.json" {
			if err := json.Unmarshal(f.Data, &sh); err != nil {
				t.Fatal(err)
			}
			maps.Copy(k, sh.K)
			maps.Copy(q, sh.Q)
		}
	}
	if !slices.Equal(slices.Sorted(maps.Keys(k)), []string{"blanket", "mejl samordn telefonnumm"}) {
		t.Errorf("whole phrases: %v", k)
	}
	if !slices.Equal(slices.Sorted(maps.Keys(q)), []string{"mejl samordn", "mejl telefonnumm", "samordn telefonnumm"}) {
		t.Errorf("phrases less a word: %v", q)
	}
}

// TestMetaWorry checks that meta.json names the routine for a worry, so that a question of what to do ("vad gör
// jag om …") can lead there first.
func TestMetaWorry(t *testing.T) {
	docs := []Doc{
		{ID: "a", Year: 2020, Kind: Section, Fields: []Field{{Text: "Ansvar och samverkan.", Weight: BodyWeight}}},
		{ID: "rutin", Year: 2020, Kind: Section, Worry: true, Fields: []Field{{Text: "Gör så här vid oro.", Weight: BodyWeight}}},
	}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	for _, f := range files {
		if f.Path != "sok/i/meta.json" {
			continue
		}
		var meta struct {
			Worry []int `json:"wd"`
		}
		if err := json.Unmarshal(f.Data, &meta); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(meta.Worry, []int{1}) {
			t.Errorf("wd = %v, want [1]", meta.Worry)
		}
	}
}

// TestSokordOnlyListed checks that the index lists, per stem, the documents that have it only in their sökord
// (shard key a), so that the browser can keep a sökord from deciding for a word other texts say: "kollega" and
// "orolig" of the first document's phrase, not "samordnaren", which its text says, nor any word of the second.
func TestSokordOnlyListed(t *testing.T) {
	kw := []string{"orolig för en kollega", "samordnaren"}
	docs := []Doc{
		{ID: "a", Year: 2020, Kind: Section, Fields: append([]Field{{Text: "Ring samordnaren.", Weight: BodyWeight}}, keywordFields(kw)...), Keywords: kw},
		{ID: "b", Year: 2020, Kind: Section, Fields: []Field{{Text: "En kollega kan vara orolig.", Weight: BodyWeight}}},
	}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	a := map[string][]int{}
	for _, f := range files {
		var sh struct {
			A map[string][]int `json:"a"`
		}
		if strings.HasPrefix(f.Path, "sok/i/") && f.Path != "sok/i/meta.json" {
			if err := json.Unmarshal(f.Data, &sh); err != nil {
				t.Fatal(err)
			}
			maps.Copy(a, sh.A)
		}
	}
	want := map[string][]int{"kolleg": {0}, "oro": {0}}
	if !maps.EqualFunc(a, want, slices.Equal) {
		t.Errorf("sökord only: %v, want %v", a, want)
	}
}
