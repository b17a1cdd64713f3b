package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/content"
)

// Next year's document imported onto last year's revision keeps the ids of what is recognisably the same: a
// renamed section, a reworded activity; it gives new ids to what is new and reports what is gone.
func TestImportOnto(t *testing.T) {
	activityTable := func(rows ...[4]string) string {
		out := []string{tr(tc("", "Aktivitet"), tc("", "Ansvarig"), tc("", "Tidplan"), tc("", "Uppföljning"))}
		for _, row := range rows {
			out = append(out, tr(tc("", row[0]), tc("", row[1]), tc("", row[2]), tc("", row[3])))
		}
		return tbl(out...)
	}
	year1 := docxFixture{styles: headingStyles, body: p("Title", r("Miljönämndens handlingsplan 2031")) + p("", r("Dnr 1-2031")) +
		p("Heading1", r("Inledning")) + p("", r("Planen beskriver hur nämnden förebygger våldsbejakande extremism i sina verksamheter.")) +
		p("Heading1", r("Rutin vid oro")) + p("", r("Den som känner oro ringer samordnaren samma dag.")) +
		p("Heading1", r("Utbildning")) + p("", r("Alla medarbetare ska gå stadens webbutbildning.")) +
		activityTable(
			[4]string{"Alla chefer går webbutbildningen om extremism", "Samordnaren", "Våren", "VB"},
			[4]string{"Samordnaren besöker arbetsplatsträffar", "Samordnaren", "Hösten", "T2"},
			[4]string{"En engångsinsats som avslutas", "Enheten", "Våren", "VB"},
		) +
		p("Heading1", r("Lokaler")) + p("", r("Föreningar som får lokaler granskas."))}
	year2 := docxFixture{styles: headingStyles, body: p("Title", r("Miljönämndens handlingsplan 2032")) + p("", r("Dnr 1-2032")) +
		p("Heading1", r("Inledning och syfte")) + p("", r("Planen beskriver hur nämnden förebygger våldsbejakande extremism i sina verksamheter.")) +
		p("Heading1", r("Rutin vid oro")) + p("", r("Den som känner oro ringer samordnaren samma dag eller nästa.")) +
		p("Heading1", r("Utbildning")) + p("", r("Alla medarbetare ska gå stadens webbutbildning.")) +
		activityTable(
			[4]string{"Alla chefer och medarbetare går webbutbildningen om extremism", "Samordnaren", "Hela året", "VB"},
			[4]string{"Samordnaren besöker arbetsplatsträffar", "Samordnaren", "Hösten", "T2"},
			[4]string{"En ny workshop för skolorna", "Samordnaren", "Hösten", "T2"},
		) +
		p("Heading1", r("Samverkan")) + p("", r("Nämnden samverkar med polisen."))}

	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	for _, y := range []struct {
		year, onto int
		doc        docxFixture
	}{{2031, 0, year1}, {2032, 2031, year2}} {
		in := filepath.Join(tmp, "plan.docx")
		os.WriteFile(in, y.doc.bytes(t), 0o644)
		res, err := Import(in, Options{Content: dir, Year: y.year, Onto: y.onto})
		if err != nil {
			t.Fatal(err)
		}
		if y.onto != 0 {
			report := strings.Join(res.Onto, "\n")
			for _, want := range []string{
				"avsnitt: 3 kändes igen och behåller sina id, 1 nytt, 1 borta",
				"aktiviteter: 2 kändes igen och behåller sina id, 1 ny, 1 borta",
				"avsnittet ”Inledning och syfte” behåller id inledning (hette ”Inledning”)",
				"nya avsnitt: samverkan", "avsnitt som är borta: lokaler",
				"nya aktiviteter: ny-workshop-skolorna", "aktiviteter som är borta: engangsinsats-avslutas",
			} {
				if !strings.Contains(report, want) {
					t.Errorf("the report lacks %q:\n%s", want, report)
				}
			}
		}
	}
	plan, err := content.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(r *content.Revision) (out []string) {
		for _, s := range r.Sections {
			out = append(out, s.ID)
			for _, a := range s.Activities {
				out = append(out, a.ID)
			}
		}
		return out
	}
	got := strings.Join(ids(plan.Revisions[1]), " ")
	want := "inledning rutin-vid-oro utbildning alla-chefer-gar-webbutbildningen-extremism samordnaren-besoker-arbetsplatstraffar ny-workshop-skolorna samverkan"
	if got != want {
		t.Errorf("ids of 2032:\n got %s\nwant %s", got, want)
	}
	if w := plan.Revisions[1].Worry(); w == nil || w.ID != "rutin-vid-oro" {
		t.Errorf("vid_oro is on %v", w)
	}
}
