package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stockholm/plansite/internal/demo"
)

// TestExports reads the shipped plan's exports back: the CSV as Swedish Excel does (byte-order mark, semicolons,
// CRLF), and the JSON against its published schema, with the follow-up of the 2021 example.
func TestExports(t *testing.T) {
	out, _ := build(t, demo.Content(t), Options{Drafts: true})
	files := readTree(t, out)
	for _, year := range []string{"2020", "2021"} {
		data := files[year+"/aktiviteter.csv"]
		if !bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Fatalf("%s CSV has no byte-order mark", year)
		}
		if bytes.Count(data, []byte("\r\n")) != bytes.Count(data, []byte("\n")) {
			t.Errorf("%s CSV has line ends without CR", year)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s CSV: %v", year, err)
		}
		if len(rows) != 25 || strings.Join(rows[0], ";") != "Id;Tabell;Aktivitet;Ansvarig;Tidplan;Uppföljning;Status;Period;Kommentar" {
			t.Fatalf("%s CSV: %d rows, header %q", year, len(rows), rows[0])
		}
		for _, row := range rows[1:] {
			if year == "2020" && row[6] != "" {
				t.Errorf("2020 has no follow-up in the seeds, but %s has status %q", row[0], row[6])
			}
			if row[0] == "webbutbildning-alla" && year == "2021" &&
				(row[6] != "pågår" || row[7] != "T2" || row[8] != "941 av 968 anställda har gått utbildningen.") {
				t.Errorf("webbutbildning-alla 2021: %q", row[6:])
			}
			if row[2] == "" || row[3] == "" {
				t.Errorf("%s %s: empty Aktivitet or Ansvarig", year, row[0])
			}
		}
	}

	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(files["assets/aktiviteter.schema.json"]))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("aktiviteter.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("aktiviteter.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []string{"2020", "2021"} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(files[year+"/aktiviteter.json"]))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s JSON does not follow its schema: %v", year, err)
		}
	}
	var ex struct {
		Aktiviteter []struct {
			ID       string `json:"id"`
			Historik []struct{ Period, Status string }
		} `json:"aktiviteter"`
	}
	if err := json.Unmarshal(files["2021/aktiviteter.json"], &ex); err != nil {
		t.Fatal(err)
	}
	for _, a := range ex.Aktiviteter {
		if a.ID == "workshop-skarholmen-globen" && (len(a.Historik) != 2 || a.Historik[1].Status != "stoppad/uppskjuten") {
			t.Errorf("workshop-skarholmen-globen history %+v", a.Historik)
		}
	}
	// The schema catches a broken export.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"år": "2021", "aktiviteter": []}`))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepts an export without title and with a text year")
	}
}

// TestFeed parses /feed.xml as Atom: one entry per revision, newest first, with its status and what changed.
func TestFeed(t *testing.T) {
	out, _ := build(t, demo.Content(t), Options{Drafts: true, BaseURL: "https://intranet.example/vbe/"})
	var f struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Category struct {
				Term string `xml:"term,attr"`
			} `xml:"category"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(readTree(t, out)["feed.xml"], &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 2 || !strings.HasSuffix(f.Entries[0].Title, "2021") || !strings.HasSuffix(f.Entries[1].Title, "2020") {
		t.Fatalf("entries %+v", f.Entries)
	}
	e := f.Entries[0]
	if e.Link.Href != "https://intranet.example/vbe/2021/" || e.Category.Term != "exempel" || e.Updated != "2021-03-23T00:00:00Z" {
		t.Errorf("2021 entry %+v", e)
	}
	for _, want := range []string{"Status: exempel.", "Ändringar sedan 2020:", "1 nytt avsnitt", "3 nya aktiviteter", "1 flyttad aktivitet"} {
		if !strings.Contains(e.Summary, want) {
			t.Errorf("summary %q lacks %q", e.Summary, want)
		}
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil || f.Updated != e.Updated {
		t.Errorf("feed updated %q", f.Updated)
	}
}
