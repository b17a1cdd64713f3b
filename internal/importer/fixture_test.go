package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// docxFixture is a small Word document written by the tests: each test names the parts it needs, in the
// WordprocessingML that Word and LibreOffice write, with text of our own.
type docxFixture struct {
	body      string            // the inside of w:body
	styles    string            // w:style elements
	footnotes string            // w:footnote elements
	numbering string            // w:abstractNum and w:num elements
	links     map[string]string // relationship id → external address
	media     map[string][]byte // file name in word/media → bytes
	title     string            // docProps/core.xml's title
	parts     map[string]string // any other part, by name
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

func (f docxFixture) bytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, data string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="`+relNS+`/officeDocument" Target="word/document.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`)
	var rels strings.Builder
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rels.WriteString(`<Relationship Id="rIdStyles" Type="` + relNS + `/styles" Target="styles.xml"/>`)
	if f.footnotes != "" {
		rels.WriteString(`<Relationship Id="rIdNotes" Type="` + relNS + `/footnotes" Target="footnotes.xml"/>`)
	}
	if f.numbering != "" {
		rels.WriteString(`<Relationship Id="rIdNum" Type="` + relNS + `/numbering" Target="numbering.xml"/>`)
	}
	ids := make([]string, 0, len(f.links))
	for id := range f.links {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(&rels, `<Relationship Id="%s" Type="%s/hyperlink" Target="%s" TargetMode="External"/>`, id, relNS, f.links[id])
	}
	names := make([]string, 0, len(f.media))
	for name := range f.media {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&rels, `<Relationship Id="rIdImg-%s" Type="%s/image" Target="media/%s"/>`, name, relNS, name)
		w, err := zw.Create("word/media/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.media[name])
	}
	rels.WriteString(`</Relationships>`)
	add("word/_rels/document.xml.rels", rels.String())
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document `+wNS+`><w:body>`+f.body+
		`<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr></w:body></w:document>`)
	add("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles `+wNS+`>`+
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>`+f.styles+`</w:styles>`)
	if f.footnotes != "" {
		add("word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes `+wNS+`>`+
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+f.footnotes+`</w:footnotes>`)
	}
	if f.numbering != "" {
		add("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering `+wNS+`>`+f.numbering+`</w:numbering>`)
	}
	add("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+f.title+`</dc:title></cp:coreProperties>`)
	partNames := make([]string, 0, len(f.parts))
	for name := range f.parts {
		partNames = append(partNames, name)
	}
	sort.Strings(partNames)
	for _, name := range partNames {
		add(name, f.parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Helpers that write the XML of one paragraph, run or table, so a test reads like the document it describes.

func p(style string, runs ...string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + strings.Join(runs, "") + `</w:p>`
}

func pPr(ppr string, runs ...string) string {
	return `<w:p><w:pPr>` + ppr + `</w:pPr>` + strings.Join(runs, "") + `</w:p>`
}

func r(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func rFmt(rpr, text string) string {
	return `<w:r><w:rPr>` + rpr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func styleDef(id, name, extra string) string {
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` + extra + `</w:style>`
}

// tc is a table cell of one or more paragraphs; tcpr is its w:tcPr content.
func tc(tcpr string, paras ...string) string {
	if tcpr != "" {
		tcpr = `<w:tcPr>` + tcpr + `</w:tcPr>`
	}
	var b strings.Builder
	for _, para := range paras {
		b.WriteString(p("", r(para)))
	}
	if len(paras) == 0 {
		b.WriteString(`<w:p/>`)
	}
	return `<w:tc>` + tcpr + b.String() + `</w:tc>`
}

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr/><w:tblGrid/>` + strings.Join(rows, "") + `</w:tbl>`
}

// drawing is an inline picture with Word's description (its alt text) in descr.
func drawing(name, descr string) string {
	return `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Bild 1" descr="` + descr + `"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill>` +
		`<a:blip r:embed="rIdImg-` + name + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

func footnoteRef(id string) string {
	return `<w:r><w:rPr><w:rStyle w:val="Fotnotsreferens"/></w:rPr><w:footnoteReference w:id="` + id + `"/></w:r>`
}

func noteXML(id, text string) string {
	return `<w:footnote w:id="` + id + `"><w:p><w:r><w:footnoteRef/></w:r>` + r(" "+text) + `</w:p></w:footnote>`
}

// pngPixel is a one-pixel PNG.
var pngPixel = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// bytesRaw writes only the fixture's parts: a zip that is not a Word document.
func (f docxFixture) bytesRaw(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range f.parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
