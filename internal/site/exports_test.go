package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestExports reads the shipped plan's exports back: the CSV as Swedish Excel does (byte-order mark, semicolons,
// CRLF), and the JSON against its published schema, with the follow-up of the 2021 example.
func TestExports(t *testing.T) {
	out, _ := build(t, "../../content", Options{})
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

func TestCSVFormulaIsData(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+46 8": "'+46 8", "Vanlig\n text": "Vanlig text", "": ""} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
