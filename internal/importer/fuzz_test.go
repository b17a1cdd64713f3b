package importer

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// maxPerInput is how long one input may take. A plan imports in milliseconds; an input that takes seconds is
// one a coordinator's machine would hang on.
const maxPerInput = 2 * time.Second

func fuzzConvert(t *testing.T, name string, data []byte) {
	start := time.Now()
	res, out, err := convert(name, data, 2031, nil, nil)
	if d := time.Since(start); d > maxPerInput {
		t.Fatalf("the import took %v", d)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), name+":") {
			t.Fatalf("the message does not name the file: %v", err)
		}
		return
	}
	if res == nil || out["2031/plan.md"] == nil {
		t.Fatal("an import without error wrote no plan.md")
	}
}

// FuzzImportDocx feeds the Word reader zips made from the fixtures and their mutations: it must never panic,
// never take long, and always name the file when it refuses.
func FuzzImportDocx(f *testing.F) {
	for _, c := range docxCases {
		f.Add(c.doc.bytes(f))
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzConvert(t, "fuzz.docx", data)
	})
}

// FuzzImportText does the same for text exports.
func FuzzImportText(f *testing.F) {
	f.Add([]byte(textExport))
	f.Add([]byte("# A\n\n\tb\tc\n\t\t\n<sup>1</sup> x\n\n---\n\n| a |\n|---|\n| b |\n"))
	if seed, err := os.ReadFile(seedFile); err == nil {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && data[0] == 'P' {
			return // FuzzImportDocx covers zips
		}
		fuzzConvert(t, "fuzz.txt", data)
	})
}

// bigPlan is a generated plan of about a hundred pages: 40 sections of two subsections with four paragraphs of
// 120 words each, and an activity table of 10 rows in every fourth section.
func bigPlan(tb testing.TB) []byte {
	var body strings.Builder
	body.WriteString(p("Title", r("Nämndens handlingsplan 2031")) + p("", r("Dnr 1-2031")))
	words := strings.Repeat("nämnden arbetar förebyggande med stöd och samverkan i hela staden ", 12)
	for s := range 40 {
		body.WriteString(p("Heading1", r(fmt.Sprintf("Avsnitt %d om oro", s+1))))
		for sub := range 2 {
			body.WriteString(p("Heading2", r(fmt.Sprintf("Del %d.%d", s+1, sub+1))))
			for range 4 {
				body.WriteString(p("", r(words), rFmt("<w:b/>", "viktigt"), r(" och mer.")))
			}
		}
		if s%4 == 0 {
			rows := []string{tr(tc("", "Aktivitet"), tc("", "Ansvarig"), tc("", "Tidplan"), tc("", "Uppföljning"))}
			for a := range 10 {
				rows = append(rows, tr(tc("", fmt.Sprintf("Aktivitet %d i avsnitt %d med text", a+1, s+1)), tc("", "Samordnaren", "Enheten"), tc("", "Löpande"), tc("", "VB")))
			}
			body.WriteString(tbl(rows...))
		}
	}
	return docxFixture{styles: headingStyles, body: body.String()}.bytes(tb)
}

// BenchmarkImport imports the hundred-page plan and writes it to disk, as the command does.
func BenchmarkImport(b *testing.B) {
	data := bigPlan(b)
	tmp := b.TempDir()
	in := tmp + "/plan.docx"
	if err := os.WriteFile(in, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/1024, "KiB/doc")
	i := 0
	for b.Loop() {
		i++
		if _, err := Import(in, Options{Content: fmt.Sprintf("%s/c%d", tmp, i), Year: 2031}); err != nil {
			b.Fatal(err)
		}
	}
}
