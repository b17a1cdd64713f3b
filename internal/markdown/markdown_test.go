package markdown

import (
	"flag"
	"fmt"
	"golang.org/x/net/html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestConvert renders each testdata/*.md as a section's text and compares the HTML and the problems found with
// testdata/*.golden.
func TestConvert(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test inputs: %v", err)
	}
	c := New()
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := c.Convert(src, Options{Shift: 1, IDs: NewIDs("inledning"), FootnotePrefix: "fn-x-"})
			var b strings.Builder
			b.Write(res.HTML)
			b.WriteString("-- headings --\n")
			for _, h := range res.Headings {
				fmt.Fprintf(&b, "h%d #%s %q line %d\n", h.Level, h.ID, h.Text, h.Line)
			}
			b.WriteString("-- problems --\n")
			for _, is := range res.Issues {
				fmt.Fprintf(&b, "line %d: %s (%s)\n", is.Line, is.Msg, is.Hint)
			}
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", golden, b.String(), want)
			}
		})
	}
}

// TestNoCodeReachesThePage: whatever the coordinator writes, no script, event handler or dangerous link comes
// out as markup.
func TestNoCodeReachesThePage(t *testing.T) {
	inputs := []string{
		`<script>alert(1)</script>`,
		"<script>\nalert(1)\n</script>",
		`Text <img src=x onerror=alert(1)> mer`,
		`<a href="javascript:alert(1)">x</a>`,
		`[x](javascript:alert(1))`,
		`[x](JaVaScRiPt:alert(1))`,
		"[x](java\tscript:alert(1))",
		`[x](&#106;avascript:alert(1))`,
		`[x]( javascript:alert(1))`,
		`[x](<javascript:alert(1)>)`,
		`[x](vbscript:msgbox(1))`,
		`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
		`[x](data:image/png;base64,iVBORw0KGgo=)`,
		`[x](file:///etc/passwd)`,
		`<javascript:alert(1)>`,
		`![bild](javascript:alert(1))`,
		`![bild](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)`,
		"[x][ref]\n\n[ref]: javascript:alert(1)",
		`<iframe src="https://example.com"></iframe>`,
		`<style>body{display:none}</style>`,
		"| a |\n|---|\n| <script>x</script> |",
		"Fotnot[^1]\n\n[^1]: <script>x</script> [y](javascript:alert(1))",
	}
	allowed := map[string]bool{"p": true, "a": true, "sup": true, "div": true, "ol": true, "li": true, "span": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "em": true, "strong": true,
		"figure": true, "img": true, "figcaption": true, "br": true}
	c := New()
	for _, in := range inputs {
		out := string(c.Convert([]byte(in), Options{Shift: 1}).HTML)
		z := html.NewTokenizer(strings.NewReader(out))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			if !allowed[tok.Data] {
				t.Errorf("%q produced the element <%s>:\n%s", in, tok.Data, out)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					t.Errorf("%q produced the attribute %s:\n%s", in, a.Key, out)
				}
				if (a.Key == "href" || a.Key == "src") && !safeURL(a.Val) {
					t.Errorf("%q kept the address %s=%q:\n%s", in, a.Key, a.Val, out)
				}
			}
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://intranat.stockholm.se/": true, "http://a.se": true, "mailto:a@b.se": true, "tel:+468": true,
		"figurer/a.svg": true, "#inledning": true, "../2021/#x": true, "/sok/?q=a:b": true, "a/b:c": true,
		"javascript:alert(1)": false, " JAVASCRIPT:x": false, "\x01javascript:x": false, "java\nscript:x": false,
		"vbscript:x": false, "data:text/html,x": false, "data:image/png;base64,AA": false, "file:///etc": false,
		"ftp://x": false,
	} {
		if got := safeURL(u); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestSlug: heading ids are written as section ids are, a-z, digits and dashes, whatever the heading's letters.
func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Förebyggande arbete":           "forebyggande-arbete",
		"Stöd till anhöriga":            "stod-till-anhoriga",
		"VBE - team":                    "vbe-team",
		"Rutin vid oro/händelse":        "rutin-vid-oro-handelse",
		"Kompetenshöjande aktiviteter:": "kompetenshojande-aktiviteter",
		"Mål 1.2":                       "mal-1-2",
		"  ":                            "rubrik",
		"Återvändare (ÅÄÖ)":             "atervandare-aao",
		"Fo\u0308rebyggande":            "forebyggande", // a decomposed ö is the same word
		"Café Ørestad, Straße":          "cafe-orestad-strasse",
		"Ελληνικά":                      "rubrik",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		for _, r := range Slug(in) {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Errorf("Slug(%q) = %q holds %q", in, Slug(in), r)
			}
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	ids := NewIDs("ansvar")
	got := []string{ids.Unique("ansvar"), ids.Unique("samverkan"), ids.Unique("ansvar"), ids.Unique("ansvar-2")}
	want := []string{"ansvar-2", "samverkan", "ansvar-3", "ansvar-2-2"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestClaimIDs: Claim gives the ids Unique would, in order, and takes none when they are not the ones wanted.
func TestClaimIDs(t *testing.T) {
	tests := []struct {
		taken, bases, want []string
		ok                 bool
		next               string // what Unique("ansvar") gives afterwards
	}{
		{nil, []string{"ansvar", "ansvar"}, []string{"ansvar", "ansvar-2"}, true, "ansvar-3"},
		{[]string{"ansvar"}, []string{"ansvar"}, []string{"ansvar-2"}, true, "ansvar-3"},
		{[]string{"ansvar"}, []string{"ansvar"}, []string{"ansvar"}, false, "ansvar-2"},
		{nil, []string{"samverkan", "ansvar"}, []string{"samverkan", "ansvar-2"}, false, "ansvar"},
		{nil, []string{"ansvar"}, []string{"ansvar", "x"}, false, "ansvar"},
		{nil, nil, nil, true, "ansvar"},
	}
	for _, tt := range tests {
		ids := NewIDs(tt.taken...)
		if got := ids.Claim(tt.bases, tt.want); got != tt.ok {
			t.Errorf("taken %v: Claim(%v, %v) = %v, want %v", tt.taken, tt.bases, tt.want, got, tt.ok)
		}
		if next := ids.Unique("ansvar"); next != tt.next {
			t.Errorf("taken %v, claimed %v: then Unique(ansvar) = %q, want %q", tt.taken, tt.want, next, tt.next)
		}
	}
}
