package content

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRefusedValues: content that parses, yet holds what must not be published (invisible characters, an
// impossible year, date or figure, a contact that is not one, an id the page uses itself), or YAML whose error
// message would mislead, is refused at its line with the fix. The messages are in testdata/errors/<name>.golden;
// run go test -update to rewrite them after a deliberate change.
func TestRefusedValues(t *testing.T) {
	plan := readValid(t, "2020/plan.md")
	section := readValid(t, "2020/avsnitt/a.md")
	indicator := "nyckeltal:\n  - id: webbutbildning\n    namn: Andel\n    värden:\n      - period: \"2020\"\n        värde: 75.9\n        källa: Planen\nkontakt:"
	cases := []struct {
		name    string
		changes map[string]string
		want    []string // substrings that must be in the output, besides the golden comparison
	}{
		{"char-nul-in-body", map[string]string{"2020/avsnitt/a.md": section + "Text med\x00 NUL.\n"},
			[]string{`a.md:13: osynligt tecken U+0000 (NUL, ett styrtecken) i kolumn 9 (ta bort det. Textredigerare visar det sällan, så skriv om texten runt kolumn 9)`}},
		{"char-in-frontmatter", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "Delta i", "Delta\x1b i", 1)},
			[]string{`x.md:5: osynligt tecken U+001B (ESC, ett styrtecken) i kolumn 17`}},
		{"char-line-separator", map[string]string{"2020/avsnitt/a.md": section + "En rad\u2028en till\u0085\n"},
			[]string{`a.md:13: osynligt tecken U+2028 (LINE SEPARATOR) i kolumn 7 (byt det mot en vanlig radbrytning. Ordbehandlare skriver det för en manuell radbrytning)`}},
		{"char-noncharacter", map[string]string{"2020/avsnitt/a.md": section + "\n\nx\uFFFE\n"},
			[]string{`a.md:15: osynligt tecken U+FFFE (ett tecken som inte får användas i text) i kolumn 2`}},
		{"char-escape-in-value", map[string]string{"2020/aktiviteter/x.md": strings.Replace(strings.Replace(activity,
			"aktivitet: Delta i nätverket.", `aktivitet: "Delta\0 i nätverket."`, 1), "tidplan: Varje månad", `tidplan: "Varje\e månad"`, 1)},
			[]string{`x.md:5: aktivitet innehåller det osynliga tecknet U+0000 (NUL, ett styrtecken), skrivet som en kod med \ (ta bort koden med \ från värdet inom citattecken)`,
				`x.md:7: tidplan innehåller det osynliga tecknet U+001B (ESC, ett styrtecken), skrivet som en kod med \`}},
		{"char-escape-nested", map[string]string{"2020/plan.md": strings.Replace(plan, "namn: VBE-samordnaren", `namn: "VBE\a-samordnaren"`, 1)},
			[]string{`plan.md:10: namn innehåller det osynliga tecknet U+0007 (BEL, ett styrtecken), skrivet som en kod med \`}},
		{"char-utf16", map[string]string{"2020/aktiviteter/x.md": utf16le(activity)},
			[]string{`x.md:1: filen är sparad som UTF-16, inte UTF-8 (vartannat tecken är NUL)`}},
		{"year-0000", map[string]string{"2020/plan.md": strings.Replace(plan, "år: 2020", "år: 0000", 1)},
			[]string{`plan.md:4: år 0000 är inte ett rimligt årtal (skriv året som planen gäller, från 1900 till 2100, till exempel år: 2020)`}},
		{"date-0001", map[string]string{"2020/plan.md": strings.Replace(plan, "beslutad: 2020-03-13", "beslutad: 0001-01-01", 1)},
			[]string{`plan.md:7: beslutad 0001-01-01 är inte ett rimligt datum`}},
		{"indicator-nan", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1), "värde: 75.9", "värde: NaN", 1)},
			[]string{`plan.md:14: värde ska vara ett uppmätt värde, inte "NaN"`}},
		{"indicator-infinity", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"värde: 75.9", "värde: -inf\n        mål: Infinity", 1)},
			[]string{`plan.md:14: värde ska vara ett uppmätt värde, inte "-inf"`, `plan.md:15: mål ska vara ett uppmätt värde, inte "Infinity"`}},
		{"contact-web-javascript", map[string]string{"2020/plan.md": strings.Replace(plan, "  telefon:", "  webb: javascript:alert(1)\n  telefon:", 1)},
			[]string{`plan.md:12: webb "javascript:alert(1)" är inte en webbadress (skriv en adress som börjar med https://, till exempel https://intranat.stockholm.se/vbe)`}},
		{"contact-email", map[string]string{"2020/plan.md": strings.Replace(plan, "epost: vbe@example.se", "epost: inte en adress", 1)},
			[]string{`plan.md:11: epost "inte en adress" är inte en e-postadress`}},
		{"contact-email-with-name", map[string]string{"2020/plan.md": strings.Replace(plan, "epost: vbe@example.se", "epost: VBE <vbe@example.se>", 1)},
			[]string{`plan.md:11: epost "VBE <vbe@example.se>" är inte en e-postadress`}},
		{"contact-phone", map[string]string{"2020/plan.md": strings.Replace(plan, "telefon: 08-123 45 67", "telefon: ring mig", 1)},
			[]string{`plan.md:12: telefon "ring mig" är inte ett telefonnummer`}},
		{"id-indicator-table", map[string]string{
			"2020/plan.md":          strings.Replace(plan, "kontakt:", indicator, 1),
			"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: webbutbildning-tabell", 1)},
			[]string{`x.md:2: id "webbutbildning-tabell" används redan av tabellen för nyckeltalet webbutbildning (content/2020/plan.md:10)`}},
		{"id-follow-up-page", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: lage-caption", 1)},
			[]string{`x.md:2: id "lage-caption" används redan av själva sidan`}},
		{"id-search-field", map[string]string{"2020/avsnitt/a.md": strings.Replace(section, "id: inledning", "id: sok-falt", 1)},
			[]string{`a.md:2: id "sok-falt" används redan av själva sidan`}},
		{"id-indicator-reserved", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"id: webbutbildning", "id: huvudinnehall", 1)},
			[]string{`plan.md:10: id "huvudinnehall" används redan av själva sidan`}},
		{"id-indicator-ends-in-tabell", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"id: webbutbildning", "id: webbutbildning-tabell", 1)},
			[]string{`plan.md:10: nyckeltalets id "webbutbildning-tabell" slutar på -tabell, som sidorna lägger till för nyckeltalets tabell`}},
		{"keywords-refused", map[string]string{
			"2020/avsnitt/a.md":     strings.Replace(section, "ordning: 10\n", "ordning: 10\nsökord:\n  - vem ska jag ringa\n  - Vem ska  jag ringa\n  - [a, b]\n  - \"?\"\n  - "+strings.Repeat("lång ", 20)+"\n", 1),
			"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\nsökord:\n  fråga: svar\n", 1)},
			[]string{`a.md:7: frasen "Vem ska jag ringa" står två gånger i sökord (första gången på rad 6) (behåll en av dem)`,
				`a.md:8: varje rad i sökord ska vara en fras, inte en lista eller en grupp av nycklar`,
				`a.md:9: frasen "?" i sökord har inga ord`,
				`a.md:10: frasen i sökord är 99 tecken lång; högst 80 får den vara`,
				`x.md:5: sökord ska vara en lista med fraser, en på varje rad efter ett bindestreck`}},
		{"yaml-empty-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n\"\": 20\n", 1)},
			[]string{`x.md:5: ett värde saknar nyckel före kolonet (skriv nyckeln före kolonet, till exempel titel: …)`}},
		{"yaml-tab-indent", map[string]string{"2020/plan.md": strings.Replace(plan, "  epost:", "\tepost:", 1)},
			[]string{`plan.md:11: raden är indragen med ett tabbtecken (kolumn 1). I YAML får indrag bara göras med mellanslag (byt tabbtecknet mot lika många mellanslag som raderna runt omkring har)`}},
		{"yaml-tab-after-spaces", map[string]string{"2020/plan.md": strings.Replace(plan, "  epost:", "  \tepost:", 1)},
			[]string{`plan.md:11: raden är indragen med ett tabbtecken (kolumn 3). I YAML får indrag bara göras med mellanslag`}},
		{"yaml-tab-in-block", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "tidplan: Varje månad", "tidplan: |\n  Varje månad\n\tockså i juli", 1)},
			[]string{`x.md:9: raden är indragen med ett tabbtecken (kolumn 1). I YAML får indrag bara göras med mellanslag`}},
		{"yaml-document-end", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n...\n", 1)},
			[]string{`x.md:5: en rad med tre punkter ... avslutar YAML här, så nycklarna efter den skulle inte läsas`}},
		{"yaml-dots-close", map[string]string{"2020/aktiviteter/x.md": strings.TrimSuffix(activity, "---\n") + "...\n"},
			[]string{`x.md:9: huvudet (frontmatter) slutar med en rad med tre punkter ..., inte tre bindestreck --- (byt raden med ... mot ---)`}},
		{"yaml-list-as-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n[a, b]: c\n", 1)},
			[]string{`x.md:5: en nyckel ska vara vanlig text, inte en lista eller en grupp av nycklar`}},
		{"yaml-list-as-period", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "uppföljning: VB, T1 och T2\n",
			"uppföljning: VB, T1 och T2\nstatus:\n  ? - VP\n  : pågår\n", 1)},
			[]string{`x.md:10: en nyckel ska vara vanlig text, inte en lista eller en grupp av nycklar`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := messages(t, tree(t, c.changes))
			if got == "" {
				t.Fatal("the content loaded without a problem")
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q; got:\n%s", w, got)
				}
			}
			golden(t, filepath.Join("testdata", "errors", c.name+".golden"), got)
		})
	}
}

func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // the test text is ASCII apart from å, ä, ö, which UTF-16 writes in one unit too
		b.WriteByte(0)
	}
	return b.String()
}

// TestYearFolder: a revision's folder is named by a plausible year.
func TestYearFolder(t *testing.T) {
	dir := tree(t, nil)
	if err := os.Rename(filepath.Join(dir, "2020"), filepath.Join(dir, "0000")); err != nil {
		t.Fatal(err)
	}
	got := messages(t, dir)
	want := "content/0000: mappens namn 0000 är inte ett rimligt årtal (ge mappen namn efter året som planen gäller, från 1900 till 2100, till exempel 2020)"
	if !strings.Contains(got, want) {
		t.Errorf("output lacks %q; got:\n%s", want, got)
	}
	if strings.Contains(got, "år är") {
		t.Errorf("år is compared with the implausible folder name; got:\n%s", got)
	}
}

// TestOldMacLineEndings: a file whose lines end in a carriage return alone (old Mac files, some exports) reads as
// its lines, and a problem in it is reported at the line an editor shows.
func TestOldMacLineEndings(t *testing.T) {
	cr := strings.ReplaceAll(activity, "\n", "\r")
	plan, err := Load(tree(t, map[string]string{"2020/aktiviteter/x.md": cr}))
	if err != nil {
		t.Fatal(err)
	}
	if a := plan.Revisions[0].Activities()[0]; a.ID != "natverk" || a.Pos.Line != 2 || a.Tidplan.Markdown != "Varje månad" {
		t.Errorf("a CR-only file read as %+v", a)
	}
	got := messages(t, tree(t, map[string]string{"2020/aktiviteter/x.md": strings.Replace(cr, "ansvarig:", "ansvrig:", 1)}))
	if want := `x.md:6: okänd nyckel "ansvrig"`; !strings.Contains(got, want) {
		t.Errorf("output lacks %q; got:\n%s", want, got)
	}
}

// TestAcceptedValues: what people really write for a contact, an indicator and a date loads.
func TestAcceptedValues(t *testing.T) {
	plan := readValid(t, "2020/plan.md")
	for _, kontakt := range []string{
		"  epost: förnamn.efternamn@stockholm.se\n  telefon: +46 (0)8-508 000 00\n  webb: https://intranat.stockholm.se/Sidor/vbe?a=1#b",
		"  epost: vbe@example.se\n  telefon: 08\u00a0508 000 00\n  webb: http://intranat/vbe",
		"  epost: vbe@example.se\n  telefon: \"112\"",
	} {
		p := strings.Replace(plan, "  epost: vbe@example.se\n  telefon: 08-123 45 67", kontakt, 1)
		p = strings.Replace(p, "beslutad: 2020-03-13", "beslutad: 2019-12-31\ngodkänd_av_ks: 2100-12-31", 1)
		p = strings.Replace(p, "kontakt:", "nyckeltal:\n  - id: webbutbildning\n    namn: A\n    värden:\n      - period: \"2020\"\n        värde: \"-0,5\"\n        källa: P\nkontakt:", 1)
		if got := messages(t, tree(t, map[string]string{"2020/plan.md": p})); got != "" {
			t.Errorf("with\n%s\nthe plan is refused:\n%s", kontakt, got)
		}
	}
	// sökord: a list of phrases, or one phrase on the key's line.
	for _, kw := range []string{"sökord:\n  - vem ska jag ringa\n  - orosanmälan\n", "sökord: vem ska jag ringa\n"} {
		dir := tree(t, map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n"+kw, 1)})
		plan, err := Load(dir)
		if err != nil {
			t.Fatalf("sökord %q refused: %v", kw, err)
		}
		if got := plan.Revisions[0].Activities()[0].Keywords; len(got) == 0 || got[0] != "vem ska jag ringa" {
			t.Errorf("sökord %q read as %q", kw, got)
		}
	}
	// A tab inside a block's text, after the indentation, is text.
	a := strings.Replace(activity, "tidplan: Varje månad", "tidplan: |\n  Varje\tmånad\n  \tockså i juli", 1)
	if got := messages(t, tree(t, map[string]string{"2020/aktiviteter/x.md": a})); got != "" {
		t.Errorf("a tab inside the text is refused:\n%s", got)
	}
}

// TestReservedIDsCoverLayouts: every id that the layouts of the pages carrying section, row or indicator ids write
// as it is, rather than from the content, is reserved, so a section, row or indicator cannot take it. Those pages
// are the plan's page, the follow-up pages and /nyckeltal/, with baseof.html around each; the other pages (the
// comparisons, a section's history) give content ids a prefix, so their own ids cannot collide.
func TestReservedIDsCoverLayouts(t *testing.T) {
	for _, name := range []string{"baseof.html", "revision.html", "partials.html", "uppfoljning.html", "nyckeltal.html"} {
		f := filepath.Join("..", "..", "layouts", name)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literalID.FindAllStringSubmatch(string(b), -1) {
			if !reservedID(m[1]) {
				t.Errorf("%s: the id %q is not in reservedIDs", name, m[1])
			}
		}
	}
}

var literalID = regexp.MustCompile(`\sid="([^"{}]+)"`)

// TestAbbreviationLikeThePattern holds isAbbreviation to the regular expression it replaced.
func TestAbbreviationLikeThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[\p{L}\p{N}]{1,12}$`)
	for _, s := range []string{"", "VBE", "T1", "SiS", "ÅÄÖ", "abcdefghijkl", "abcdefghijklm", "V B E", "VBE.", "Ⅻ", "٣", "é",
		"e\u0301", "a\xffb", "\xff", "12345678901", "LSS-handläggare", "日本語", "ǅ", "ab\n"} {
		if got, want := isAbbreviation(s), pattern.MatchString(s); got != want {
			t.Errorf("isAbbreviation(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
