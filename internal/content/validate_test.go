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
			[]string{`a.md:13: invisible character U+0000 (NUL, a control character) at column 9 (delete it;`}},
		{"char-in-frontmatter", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "Delta i", "Delta\x1b i", 1)},
			[]string{`x.md:5: invisible character U+001B (ESC, a control character) at column 17`}},
		{"char-line-separator", map[string]string{"2020/avsnitt/a.md": section + "En rad\u2028en till\u0085\n"},
			[]string{`a.md:13: invisible character U+2028 (LINE SEPARATOR) at column 7 (replace it with an ordinary line break`}},
		{"char-noncharacter", map[string]string{"2020/avsnitt/a.md": section + "\n\nx\uFFFE\n"},
			[]string{`a.md:15: invisible character U+FFFE (a noncharacter) at column 2`}},
		{"char-escape-in-value", map[string]string{"2020/aktiviteter/x.md": strings.Replace(strings.Replace(activity,
			"aktivitet: Delta i nätverket.", `aktivitet: "Delta\0 i nätverket."`, 1), "tidplan: Varje månad", `tidplan: "Varje\e månad"`, 1)},
			[]string{`x.md:5: aktivitet holds the invisible character U+0000 (NUL, a control character), written with a \ escape (remove the escape`,
				`x.md:7: tidplan holds the invisible character U+001B (ESC`}},
		{"char-escape-nested", map[string]string{"2020/plan.md": strings.Replace(plan, "namn: VBE-samordnaren", `namn: "VBE\a-samordnaren"`, 1)},
			[]string{`plan.md:10: namn holds the invisible character U+0007 (BEL`}},
		{"char-utf16", map[string]string{"2020/aktiviteter/x.md": utf16le(activity)},
			[]string{`x.md:1: the file is saved as UTF-16, not UTF-8`}},
		{"year-0000", map[string]string{"2020/plan.md": strings.Replace(plan, "år: 2020", "år: 0000", 1)},
			[]string{`plan.md:4: år 0000 is not a plausible year (write the year the plan is for, from 1900 to 2100, like år: 2020)`}},
		{"date-0001", map[string]string{"2020/plan.md": strings.Replace(plan, "beslutad: 2020-03-13", "beslutad: 0001-01-01", 1)},
			[]string{`plan.md:7: beslutad 0001-01-01 is not a plausible date`}},
		{"indicator-nan", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1), "värde: 75.9", "värde: NaN", 1)},
			[]string{`plan.md:14: värde must be a measured figure, not "NaN"`}},
		{"indicator-infinity", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"värde: 75.9", "värde: -inf\n        mål: Infinity", 1)},
			[]string{`plan.md:14: värde must be a measured figure, not "-inf"`, `plan.md:15: mål must be a measured figure, not "Infinity"`}},
		{"contact-web-javascript", map[string]string{"2020/plan.md": strings.Replace(plan, "  telefon:", "  webb: javascript:alert(1)\n  telefon:", 1)},
			[]string{`plan.md:12: webb "javascript:alert(1)" is not a web address (write an address that starts with https://`}},
		{"contact-email", map[string]string{"2020/plan.md": strings.Replace(plan, "epost: vbe@example.se", "epost: inte en adress", 1)},
			[]string{`plan.md:11: epost "inte en adress" is not an e-mail address`}},
		{"contact-email-with-name", map[string]string{"2020/plan.md": strings.Replace(plan, "epost: vbe@example.se", "epost: VBE <vbe@example.se>", 1)},
			[]string{`plan.md:11: epost "VBE <vbe@example.se>" is not an e-mail address`}},
		{"contact-phone", map[string]string{"2020/plan.md": strings.Replace(plan, "telefon: 08-123 45 67", "telefon: ring mig", 1)},
			[]string{`plan.md:12: telefon "ring mig" is not a phone number`}},
		{"id-indicator-table", map[string]string{
			"2020/plan.md":          strings.Replace(plan, "kontakt:", indicator, 1),
			"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: webbutbildning-tabell", 1)},
			[]string{`x.md:2: the id "webbutbildning-tabell" is taken by the table of the indicator webbutbildning (content/2020/plan.md:10)`}},
		{"id-follow-up-page", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: lage-caption", 1)},
			[]string{`x.md:2: the id "lage-caption" is taken by the page itself`}},
		{"id-search-field", map[string]string{"2020/avsnitt/a.md": strings.Replace(section, "id: inledning", "id: sok-falt", 1)},
			[]string{`a.md:2: the id "sok-falt" is taken by the page itself`}},
		{"id-indicator-reserved", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"id: webbutbildning", "id: huvudinnehall", 1)},
			[]string{`plan.md:10: the id "huvudinnehall" is taken by the page itself`}},
		{"id-indicator-ends-in-tabell", map[string]string{"2020/plan.md": strings.Replace(strings.Replace(plan, "kontakt:", indicator, 1),
			"id: webbutbildning", "id: webbutbildning-tabell", 1)},
			[]string{`plan.md:10: the indicator's id "webbutbildning-tabell" ends in -tabell`}},
		{"yaml-empty-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n\"\": 20\n", 1)},
			[]string{`x.md:5: a value has no key before its colon (write the key before the colon`}},
		{"yaml-tab-indent", map[string]string{"2020/plan.md": strings.Replace(plan, "  epost:", "\tepost:", 1)},
			[]string{`plan.md:11: the line is indented with a tab (column 1); YAML indents with spaces only (replace the tab with spaces`}},
		{"yaml-tab-after-spaces", map[string]string{"2020/plan.md": strings.Replace(plan, "  epost:", "  \tepost:", 1)},
			[]string{`plan.md:11: the line is indented with a tab (column 3)`}},
		{"yaml-tab-in-block", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "tidplan: Varje månad", "tidplan: |\n  Varje månad\n\tockså i juli", 1)},
			[]string{`x.md:9: the line is indented with a tab (column 1)`}},
		{"yaml-document-end", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n...\n", 1)},
			[]string{`x.md:5: a line of three dots ... ends the YAML here, so the keys after it would not be read`}},
		{"yaml-dots-close", map[string]string{"2020/aktiviteter/x.md": strings.TrimSuffix(activity, "---\n") + "...\n"},
			[]string{`x.md:9: the frontmatter ends with a line of three dots ..., not three dashes --- (replace the line ... with ---)`}},
		{"yaml-list-as-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\n[a, b]: c\n", 1)},
			[]string{`x.md:5: a key must be plain text, not a list or a group of keys`}},
		{"yaml-list-as-period", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "uppföljning: VB, T1 och T2\n",
			"uppföljning: VB, T1 och T2\nstatus:\n  ? - VP\n  : pågår\n", 1)},
			[]string{`x.md:10: a key must be plain text`}},
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
	want := "content/0000: the folder's name 0000 is not a plausible year (name the folder by the year the plan is for, from 1900 to 2100, like 2020)"
	if !strings.Contains(got, want) {
		t.Errorf("output lacks %q; got:\n%s", want, got)
	}
	if strings.Contains(got, "år is") {
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
	if want := `x.md:6: unknown key "ansvrig"`; !strings.Contains(got, want) {
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
