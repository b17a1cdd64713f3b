package search

import (
	"bufio"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// formatTokens writes tokens as the golden file has them: form/key, with * after a secondary token.
func formatTokens(toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := t.Form + "/" + t.Key
		if t.Secondary {
			s += "*"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// TestTokensGolden checks Tokens on testdata/tokens.txt against testdata/tokens.golden, the file the browser
// script is tested on too (internal/site's TestBrowserSearchTokens). UPDATE=1 rewrites it.
func TestTokensGolden(t *testing.T) {
	f, err := os.Open("testdata/tokens.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		in, _ := json.Marshal(line)
		b.WriteString(string(in) + "\t" + formatTokens(Tokens(line)) + "\n")
	}
	if os.Getenv("UPDATE") != "" {
		if err := os.WriteFile("testdata/tokens.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/tokens.golden")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("tokens:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Återvändare": "atervandare", "ÖVERSIKT": "oversikt", "Café": "cafe",
		"vitmaktmiljön": "vitmaktmiljon", "ß": "ß", "": ""} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStems(t *testing.T) {
	forms := []string{"radikalisering", "radikaliseras", "radikaliserar", "anhörig", "anhöriga", "nätverk", "nätverket",
		"samordnare", "samordnaren", "miljön", "extremism"}
	v := newVocabulary(forms, nil)
	for _, same := range [][]string{{"radikalisering", "radikaliseras", "radikaliserar"}, {"anhörig", "anhöriga"},
		{"nätverk", "nätverket"}, {"samordnare", "samordnaren"}} {
		for _, f := range same[1:] {
			if v.stem[f] != v.stem[same[0]] {
				t.Errorf("%s → %q but %s → %q", f, v.stem[f], same[0], v.stem[same[0]])
			}
		}
	}
	if v.stem["extremism"] == v.stem["nätverk"] {
		t.Error("different words share a stem")
	}
}

func TestCompounds(t *testing.T) {
	forms := []string{"socialtjänsten", "socialtjänstnätverket", "nätverk", "avhoppare", "avhopparverksamhet",
		"verksamhet", "våld", "våldsbejakande", "förvaltningen", "för", "stadsdelsförvaltning", "stad", "stadsdel",
		"anmälningsskyldighet"}
	v := newVocabulary(forms, nil)
	for word, part := range map[string]string{
		"socialtjänstnätverket": v.stem["nätverk"],
		"avhopparverksamhet":    v.stem["avhoppare"],
		"våldsbejakande":        "bejak",
		"stadsdelsförvaltning":  v.stemOf("förvaltning"),
		"anmälningsskyldighet":  v.stemOf("skyldighet"),
	} {
		if !slices.Contains(v.parts[word], part) {
			t.Errorf("parts of %s = %q, want %q among them", word, v.parts[word], part)
		}
	}
	if ps := v.parts["förvaltningen"]; len(ps) > 0 {
		t.Errorf("förvaltningen split into %q: a function word is no head", ps)
	}
}

// query evaluates a one-word query against an index the simple way the browser does, for testing the weights.
func query(t *testing.T, files []File, word string) map[int]int {
	t.Helper()
	key := Fold(word)
	var shard struct {
		S map[string][]int `json:"s"`
		P map[string][]int `json:"p"`
		G map[string][]int `json:"g"`
		F map[string][]any `json:"f"`
	}
	for _, f := range files {
		if f.Path == "sok/i/"+ShardName(key, 1)+".json" {
			if err := json.Unmarshal(f.Data, &shard); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := map[int]int{}
	if e, ok := shard.F[key]; ok {
		stem := e[0].(string)
		for i := 0; i+1 < len(shard.S[stem]); i += 2 {
			out[shard.S[stem][i]] = shard.S[stem][i+1]
		}
		for i := 0; i+1 < len(shard.G[stem]); i += 2 {
			if _, ok := out[shard.G[stem][i]]; !ok {
				out[shard.G[stem][i]] = shard.G[stem][i+1]
			}
		}
	}
	for _, list := range [][]int{shard.P[key], shard.G[key]} {
		for i := 0; i+1 < len(list); i += 2 {
			if _, ok := out[list[i]]; !ok {
				out[list[i]] = list[i+1]
			}
		}
	}
	return out
}

func TestRanking(t *testing.T) {
	docs := []Doc{
		{Year: 2020, Kind: Section, Titles: []string{"Samverkan"}, Fields: []Field{{Text: "Samverkan", Weight: TitleWeight}, {Text: "Förvaltningen samarbetar med polisen.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"Ansvar"}, Fields: []Field{{Text: "Ansvar", Weight: TitleWeight}, {Text: "Samverkan sker i ett nätverk. Polisen deltar.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"Övrigt"}, Fields: []Field{{Text: "Övrigt", Weight: TitleWeight}, {Text: "Socialtjänstnätverket träffas varje månad, och socialtjänsten leder det.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Activity, Titles: []string{"Tabell"}, Ansvarig: "SLK", Fields: []Field{{Text: "Följs upp i VB.", Weight: 1.5}, {Text: "SLK", Weight: BodyWeight}}},
	}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, map[string]string{"VB": "verksamhetsberättelse", "SLK": "stadsledningskontoret"}, nil)
	if r := query(t, files, "samverkan"); !(r[0] > r[1] && r[1] > 0) {
		t.Errorf("samverkan: %v; the title hit must outrank the body hit", r)
	}
	if r := query(t, files, "nätverk"); !(r[1] > r[2] && r[2] > 0) {
		t.Errorf("nätverk: %v; the word must outrank the compound part, and the compound must be found", r)
	}
	if r := query(t, files, "verksamhetsberättelse"); r[3] == 0 {
		t.Errorf("verksamhetsberättelse: %v; VB stands for it", r)
	}
	if r := query(t, files, "slk"); r[3] == 0 {
		t.Errorf("slk: %v", r)
	}
	if r := query(t, files, "polisen"); r[0] == 0 || r[1] == 0 || r[0] <= r[1] {
		t.Errorf("polisen: %v; the shorter document, with the word once, ranks higher (BM25 length)", r)
	}
}

// TestGlossaryInflectedExpansion: an abbreviation finds the text that says what it stands for in any inflection,
// the definite plural with its genitive included, and not a longer word that begins with it.
func TestGlossaryInflectedExpansion(t *testing.T) {
	docs := []Doc{
		{Year: 2020, Kind: Section, Titles: []string{"A"}, Fields: []Field{{Text: "Stadsdelsnämnderna ansvarar.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"B"}, Fields: []Field{{Text: "Stadsdelsförvaltningarnas uppdrag.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"C"}, Fields: []Field{{Text: "Arbetsplatsträffar hålls.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"D"}, Fields: []Field{{Text: "Stadsdelsnämndsordföranden talar.", Weight: BodyWeight}}},
	}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020,
		map[string]string{"SDN": "stadsdelsnämnd", "SDF": "stadsdelsförvaltning", "APT": "arbetsplatsträff"}, nil)
	for _, c := range []struct {
		q    string
		want []int // documents the abbreviation must find; the others it must not
	}{{"sdn", []int{0}}, {"sdf", []int{1}}, {"apt", []int{2}}} {
		r := query(t, files, c.q)
		for d := range docs {
			if found := r[d] > 0; found != slices.Contains(c.want, d) {
				t.Errorf("%s: document %d (%s) found %v, want %v", c.q, d, docs[d].Fields[0].Text, found, !found)
			}
		}
	}
}

// TestNumeralsBothWays: a number of two to twelve finds the text that writes it as a word, and the word the text
// that writes it in digits, below a text that writes it as the query does; one, six and the parts of a longer
// number are left alone.
func TestNumeralsBothWays(t *testing.T) {
	docs := []Doc{
		{Year: 2020, Kind: Section, Titles: []string{"A"}, Fields: []Field{{Text: "Arbetet riktar sig till fyra målgrupper.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"B"}, Fields: []Field{{Text: "Planen har 7 sakområden och 4 mål.", Weight: BodyWeight}}},
		{Year: 2020, Kind: Section, Titles: []string{"C"}, Fields: []Field{{Text: "Sex veckor, en dag och projektrapport 2/2019.", Weight: BodyWeight}}},
	}
	files := Build(docs, []Revision{{Year: 2020, Status: "Antagen"}}, 2020, nil, nil)
	for _, c := range []struct {
		q    string
		want []int
	}{{"4", []int{0, 1}}, {"fyra", []int{0, 1}}, {"sju", []int{1}}, {"7", []int{1}}, {"6", nil}, {"1", nil}, {"två", nil}} {
		r := query(t, files, c.q)
		for d := range docs {
			if found := r[d] > 0; found != slices.Contains(c.want, d) {
				t.Errorf("%s: document %d found %v, want %v", c.q, d, found, !found)
			}
		}
	}
	// The text that says the number as the query writes it comes first.
	if r := query(t, files, "4"); r[1] <= r[0] {
		t.Errorf("4: %v; the text that writes 4 must outrank the one that writes fyra", r)
	}
	if r := query(t, files, "fyra"); r[0] <= r[1] {
		t.Errorf("fyra: %v; the text that writes fyra must outrank the one that writes 4", r)
	}
}

// TestRootsGolden checks Root on testdata/roots.txt against testdata/roots.golden, the file the browser script's
// root() is tested on too (internal/site's TestBrowserSearchTokens): the derivations that must meet, and those
// that must not. UPDATE=1 rewrites it.
func TestRootsGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/roots.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, w := range strings.Fields(string(in)) {
		b.WriteString(Fold(w) + "\t" + Root(Fold(w)) + "\n")
	}
	if os.Getenv("UPDATE") != "" {
		if err := os.WriteFile("testdata/roots.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/roots.golden")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("roots:\n%s\nwant:\n%s", b.String(), want)
	}
	// The pairs of the issue meet.
	for _, same := range [][]string{{"anmälan", "anmälningar"}, {"islamism", "islamistiska"}, {"psykiatri", "psykiatrin"},
		{"radikal", "radikalisering"}, {"demokrati", "demokratisk"}, {"granska", "granskning"}, {"samordna", "samordning"},
		{"rådgivare", "rådgivning"}, {"prevention", "preventiv"},
		// -isera and -isation; a final -en or -el that loses its e before an ending.
		{"organisera", "organisation"}, {"organisering", "organisationer"}, {"vuxen", "vuxna"}, {"öppen", "öppna"},
		{"regel", "regler"}, {"artikel", "artiklar"}, {"exempel", "exemplet"},
		// -ism and -ist on a root of three letters.
		{"nazism", "nazister"}, {"rasism", "rasistiska"}} {
		if a, b := Root(Fold(same[0])), Root(Fold(same[1])); a != b {
			t.Errorf("%s → %q but %s → %q", same[0], a, same[1], b)
		}
	}
	// Short words keep their endings: four letters must be left, so "oro" and "orolig" stay apart (the prefix
	// match of a query word finds "orolig" from "oro" instead).
	if Root("orolig") == Root("oro") {
		t.Error("oro and orolig share a root")
	}
}

// TestCompoundTails: a compound whose head the site never says alone is found by its tail, and what is only a
// suffix ("ring" of "förändring") or a word of the site itself ("roll", not "kontroll") is not taken for a tail.
func TestCompoundTails(t *testing.T) {
	for word, want := range map[string][]string{
		"jobbtorg":       {"torg"},
		"folkmord":       {"mord"},
		"radikalisering": nil, // every boundary with a consonant-led tail follows a vowel: "radikalise|ring"
		"team":           nil, // too short to be a compound
	} {
		if got := compoundTails(word); !slices.Equal(got, want) {
			t.Errorf("compoundTails(%q) = %q, want %q", word, got, want)
		}
	}
	docs := []Doc{
		{ID: "a", Year: 2020, Kind: Section, Fields: []Field{{Text: "Workshop för Jobbtorg Hässelby.", Weight: BodyWeight}}},
		{ID: "b", Year: 2020, Kind: Section, Fields: []Field{{Text: "Kontroll och uppföljning. Vilken roll har nämnden?", Weight: BodyWeight}}},
		{ID: "c", Year: 2020, Kind: Section, Fields: []Field{{Text: "En förändring, en ändring, en utvärdering.", Weight: BodyWeight}}},
	}
	roots := map[string][]string{}
	for _, f := range Build(docs, []Revision{{Year: 2020}}, 2020, nil, nil) {
		var sh struct {
			R map[string][]string `json:"r"`
		}
		if strings.HasPrefix(f.Path, "sok/i/") && f.Path != "sok/i/meta.json" {
			if err := json.Unmarshal(f.Data, &sh); err != nil {
				t.Fatal(err)
			}
			maps.Copy(roots, sh.R)
		}
	}
	if !slices.Contains(roots["torg"], "jobbtorg") {
		t.Errorf("torg does not lead to jobbtorg: roots[torg] = %q", roots["torg"])
	}
	if slices.Contains(roots[Root("roll")], "kontroll") {
		t.Errorf("roll, a word of the site, leads to kontroll: %q", roots[Root("roll")])
	}
	if sts := roots[Root("ring")]; len(sts) > 0 {
		t.Errorf("ring, a suffix, leads to %q", sts)
	}
}

// TestFoldLikeFoldAny holds Fold's table of Latin letters to the general fold, letter by letter and in words that
// mix them with combining marks, other scripts and broken UTF-8.
func TestFoldLikeFoldAny(t *testing.T) {
	var words []string
	for r := range rune(0x400) {
		words = append(words, string(r), "x"+string(r)+"Å", string(r)+"\u0301", "é"+string(r))
	}
	words = append(words, "Återvändare", "ÅÄÖ", "Straße", "Ærø", "e\u0301", "İstanbul", "ǅemal", "a\xffb", "Ⅻ", "ﬁsk", "Ωmega")
	for _, w := range words {
		if got, want := Fold(w), foldAny(w); got != want {
			t.Errorf("Fold(%q) = %q, foldAny says %q", w, got, want)
		}
	}
}

// TestPhrasesIn: the abbreviations whose expansions a text says, word for word with the last word perhaps
// inflected, are those a scan of every expansion at every place finds, in the glossary's order.
func TestPhrasesIn(t *testing.T) {
	g := newGlossary(map[string]string{
		"SLK":  "stadsledningskontoret",
		"SDN":  "stadsdelsnämnd",
		"SoF":  "socialförvaltningen",
		"VBE":  "våldsbejakande extremism",
		"KS":   "kommunstyrelsen",
		"SDF":  "stadsdelsförvaltning",
		"Dup":  "stadsdelsnämnd",
		"Lång": "en plan mot våldsbejakande extremism",
	})
	scan := func(toks []Token) []string { // every expansion at every place, as phrasesIn did before its index
		var keys, out []string
		for _, tk := range toks {
			if !tk.Secondary {
				keys = append(keys, tk.Key)
			}
		}
		for _, p := range g.phrases {
			words := p[:len(p)-1]
			for i := 0; i+len(words) <= len(keys); i++ {
				if saysFrom(keys[i:], words) {
					out = append(out, p[len(p)-1])
					break
				}
			}
		}
		return out
	}
	for _, text := range []string{
		"Stadsledningskontoret och stadsdelsnämnderna samverkar.",
		"stadsdelsnämndernas ansvar; stadsdelsnämnds",
		"Våldsbejakande extremismen, en plan mot våldsbejakande extremism.",
		"våldsbejakande, extremism",
		"Kommunstyrelsen kommunstyrelsen stadsdelsförvaltningarna",
		"ingenting av det",
		"",
	} {
		toks := Tokens(text)
		got, _ := g.phrasesIn(toks, nil)
		if want := scan(toks); !slices.Equal(got, want) {
			t.Errorf("%q: phrasesIn %q, a scan %q", text, got, want)
		}
	}
	if got, _ := g.phrasesIn(Tokens("Stadsledningskontoret och stadsdelsnämnderna"), nil); len(got) != 3 {
		t.Errorf("got %q, want slk, sdn and dup", got)
	}
}
