package importer

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// imported imports data (saved as name) into a fresh content folder and returns the report and every file written,
// with the temporary folder's path replaced by TMP.
func imported(t *testing.T, name string, data []byte) string {
	t.Helper()
	tmp := t.TempDir()
	in := filepath.Join(tmp, name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "content")
	res, err := Import(in, Options{Content: dir, Year: 2031})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	var b strings.Builder
	for _, l := range res.Lines() {
		b.WriteString(l + "\n")
	}
	b.WriteString(dumpDir(t, dir))
	return strings.ReplaceAll(b.String(), tmp, "TMP")
}

func dumpDir(t *testing.T, dir string) string {
	t.Helper()
	var paths []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !e.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		b.WriteString("\n== " + filepath.ToSlash(rel) + "\n")
		switch {
		case rel == filepath.Join("sidor", "tillganglighet.md"):
			b.WriteString("(standardtext)\n")
		case strings.HasSuffix(rel, ".md"):
			b.Write(data)
		default:
			b.WriteString("(" + strconv.Itoa(len(data)) + " byte)\n")
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", path, got)
	}
}

var headingStyles = styleDef("Heading1", "heading 1", `<w:pPr><w:outlineLvl w:val="0"/></w:pPr>`) +
	styleDef("Heading2", "heading 2", `<w:pPr><w:outlineLvl w:val="1"/></w:pPr>`) +
	styleDef("Title", "Title", "") +
	styleDef("Caption", "caption", "") +
	styleDef("ListParagraph", "List Paragraph", "")

var listNumbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`

func listItem(num, level, text string) string {
	return pPr(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="`+level+`"/><w:numId w:val="`+num+`"/></w:numPr>`, r(text))
}

// The fixtures: each is a small plan in our own words that shows one thing real documents do.
var docxCases = []struct {
	name string
	doc  docxFixture
}{
	{"engelska-rubriker", docxFixture{
		styles:    headingStyles,
		numbering: listNumbering,
		links:     map[string]string{"rIdL1": "https://example.se/plan?del=1&amp;sida=2"},
		media:     map[string][]byte{"image1.png": pngPixel},
		footnotes: noteXML("1", "Kommunfullmäktiges beslut från 2030."),
		body: p("Title", r("Kulturnämndens handlingsplan mot våldsbejakande extremism 2031")) +
			p("", r("Dnr: 9.9.9-123/2031")) +
			p("Heading1", r("Bakgrund")) +
			p("", r("Planen beskriver hur "), rFmt(`<w:b/>`, "nämnden"), r(" arbetar, och "), rFmt(`<w:i/>`, "varför "),
				r(". Läs mer på "), `<w:hyperlink r:id="rIdL1">`+r("stadens webbplats")+`</w:hyperlink>`, r("."), footnoteRef("1")) +
			listItem("1", "0", "Första punkten") + listItem("1", "1", "En underpunkt") + listItem("1", "0", "Andra punkten") +
			listItem("2", "0", "Ring samordnaren") + listItem("2", "0", "Fyll i blanketten") +
			p("Heading2", r("Rutin vid oro")) +
			p("", r("1. Det här är ingen lista utan text som börjar med en siffra, och *stjärnor* och [hakar] är tecken.")) +
			p("", drawing("image1.png", "En stjärna med sju uddar")) +
			p("Caption", r("Figur 1. Stjärnan")) +
			p("Heading1", r("Uppföljning")) +
			p("", r("Planen följs upp två gånger om året.")),
	}},
	{"svenska-rubriker", docxFixture{
		styles: styleDef("Rubrik1", "Rubrik 1", "") + styleDef("Rubrik3", "Rubrik 3", "") +
			styleDef("Kapitel", "Kapitel", `<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>`),
		media:     map[string][]byte{"bild.png": pngPixel},
		footnotes: noteXML("2", "Första källan.") + noteXML("3", "Andra källan."),
		title:     "Titeln i dokumentets egenskaper",
		body: p("", rFmt(`<w:b/>`, "Stadsdelsnämndens handlingsplan 2031")) +
			p("", r("Diarienummer: 1.2.3-4/2031")) +
			p("Kapitel", r("Inledning")) +
			p("", r("Text i inledningen."), footnoteRef("2")) +
			p("Rubrik3", r("En rubrik som hoppar över en nivå")) +
			p("", r("Mer text."), footnoteRef("3")) +
			p("Rubrik1", r("Vid oro för någon")) +
			pPr(`<w:outlineLvl w:val="1"/>`, r("Kontakta samordnaren")) +
			p("", r("Ring eller skriv.")) +
			p("", drawing("bild.png", "")),
	}},
	{"aktivitetstabell", docxFixture{
		styles: headingStyles,
		body: p("Title", r("Socialnämndens plan 2031")) +
			p("Heading1", r("Uppdrag")) +
			p("", r("Nämnden har två uppdrag.")) +
			p("Heading2", r("Aktiviteter för uppdraget")) +
			tbl(
				tr(tc("", "TIDPLAN"), tc("", " uppföljning "), tc("", "Aktivitet"), tc("", "Ansvarig  ")),
				tr(tc("", "Under våren"), tc(`<w:vMerge w:val="restart"/>`, "Varje tertial"), tc("", "Utbilda alla chefer."),
					tc("", "Samordnaren.", "Personalenheten hjälper till.")),
				tr(tc("", "Under hösten"), tc(`<w:vMerge/>`), tc("", "Ordna en workshop | för två enheter."), tc("", "Samordnaren.")),
				tr(tc(""), tc(""), tc(""), tc("")),
			) +
			p("", r("Tabellen nedan är ingen aktivitetstabell.")) +
			tbl(
				tr(tc("", "År"), tc("", "Antal")),
				tr(tc("", "2030"), tc("", "12")),
				tr(tc("", "2031"), tc("", "15", "(preliminärt)")),
				tr(tc(`<w:gridSpan w:val="2"/>`, "Summa saknas")),
			) +
			p("Heading1", r("Rutin vid oro")) +
			p("", r("Ring samordnaren.")),
	}},
	{"innehall-och-sidbrytningar", docxFixture{
		styles: headingStyles + styleDef("TOC1", "toc 1", ""),
		parts: map[string]string{
			"word/header1.xml": `<w:hdr ` + wNS + `>` + p("", r("Sidhuvud")) + `</w:hdr>`,
			"word/footer1.xml": `<w:ftr ` + wNS + `>` + p("", r("Sidfot")) + `</w:ftr>`,
		},
		body: p("Title", r("Nämndens plan 2031")) +
			`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>` +
			p("", r("Innehåll")) + p("TOC1", r("Inledning\t3")) + p("TOC1", r("Oro\t4")) + `</w:sdtContent></w:sdt>` +
			p("Heading1", r("Inledning")) +
			p("", r("Första sidans text. "), `<w:r><w:br w:type="page"/></w:r>`, r("Andra sidans text."),
				`<w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r>`) +
			p("", r("Sidan "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>`+
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("4")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
				`<w:del><w:r><w:delText>struken</w:delText></w:r></w:del>`, r(" slutar här.")) +
			p("Heading1", r("Oro")) +
			p("", r("Vid oro, ring.")),
	}},
}

func TestImportDocx(t *testing.T) {
	for _, c := range docxCases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name, imported(t, c.name+".docx", c.doc.bytes(t)))
		})
	}
}

// textExport is a text export of our own with what a PDF's pages leave in one: a table of contents, a running
// header, a page break in the middle of a paragraph with the page's footnotes in between, tab-separated tables with
// cells in <p>, a row that goes on after a page break, a merged cell split by one, and a lost picture.
const textExport = "**Fritidsnämndens  \nhandlingsplan 2031**\n\n**Fritidsnämndens handlingsplan 2031**\n\n**Dnr: 5.5-55/2031**\n\n" +
	"## Innehåll\n\n<b>Inledning .....</b>\t<b>2</b>\nAktiviteter .....\t3\n\n" +
	"## Inledning\n\nNämnden arbetar förebyggande.<sup>1</sup> Arbetet ska beskrivas\n\n---\n\n<sup>1</sup> *En källa*, s. 4\n\n" +
	"i en plan som nämnden antar varje år.\n\n### **Ansvar**\n\nAnsvaret ligger hos nämnden.\n\n\n\nEfter bilden kommer mer text.\n\n" +
	"- en punkt\n- en annan punkt\n\n" +
	"## Aktiviteter vid oro\n\nText före tabellen.\n\n#### Aktiviteter:\n\n" +
	"<b>Aktivitet</b>\t<b>Ansvarig</b>\t<b>Tidplan</b>\t<b>Uppföljning</b>\n" +
	"<p>Utbilda personalen.</p>\t<p>Samordnaren och</p>\t<p>Våren.</p><p>Hösten.</p>\t<p>VB</p>\n\n" +
	"\tenhetscheferna.\t\t\n" +
	"Hålla workshops\tStadens samordnare i samverkan med\tHela året\tT1\n\n" +
	"Hålla fler workshops\tlokala samordnare.\t\t\n\n" +
	"| Kolumn | Annan |\n|---|---|\n| a | b \\| c |\n\n## Uppföljning\n\nPlanen följs upp. Nästa revidering sker i samband med tertialrapport 1 2032.\n"

func TestImportText(t *testing.T) {
	golden(t, "textexport", imported(t, "plan.md", []byte(textExport)))
}
