package content

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/content/frontmatter"
	"github.com/stockholm/plansite/internal/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tree copies testdata/valid into a temporary folder and applies changes: a path mapped to new contents, or to
// "" to delete it.
func tree(t *testing.T, changes map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	err := filepath.WalkDir("testdata/valid", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/valid", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range changes {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if data == "" {
			if err := os.RemoveAll(full); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// messages loads dir and returns the problems with the temporary folder replaced by "content".
func messages(t *testing.T, dir string) string {
	t.Helper()
	_, err := Load(dir)
	if err == nil {
		return ""
	}
	return strings.ReplaceAll(err.Error(), dir, "content") + "\n"
}

const activity = `---
id: natverk
avsnitt: rutin
ordning: 10
aktivitet: Delta i nätverket.
ansvarig: VBE-samordnaren
tidplan: Varje månad
uppföljning: VB, T1 och T2
---
`

func TestLoadValid(t *testing.T) {
	plan, err := Load("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Revisions) != 1 {
		t.Fatalf("got %d revisions, want 1", len(plan.Revisions))
	}
	r := plan.Revisions[0]
	if r.Year != 2020 || r.Status != Adopted || r.Dnr != "1.2.3-4/2020" || r.Board != "Testnämnden" {
		t.Errorf("metadata read wrong: %+v", r)
	}
	if want := time.Date(2020, 3, 13, 0, 0, 0, 0, time.UTC); !r.Decided.Equal(want) {
		t.Errorf("beslutad = %v, want %v", r.Decided, want)
	}
	if !r.ApprovedKS.IsZero() {
		t.Errorf("godkänd_av_ks = %v, want none", r.ApprovedKS)
	}
	if r.Contact.Name != "VBE-samordnaren" || r.Contact.Email != "vbe@example.se" {
		t.Errorf("contact = %+v", r.Contact)
	}
	if got := []string{r.Sections[0].ID, r.Sections[1].ID}; got[0] != "inledning" || got[1] != "rutin" {
		t.Errorf("sections in order %v, want [inledning rutin]", got)
	}
	if r.Worry() == nil || r.Worry().ID != "rutin" {
		t.Errorf("vid_oro section = %v, want rutin", r.Worry())
	}
	acts := r.Activities()
	if len(acts) != 1 || acts[0].SectionID != "rutin" || acts[0].Tidplan.Markdown != "En gång i månaden.\n\nNio gånger per år." {
		t.Fatalf("activities = %+v", acts)
	}
	if acts[0].Tidplan.Pos.Line != 8 { // "tidplan: |" is on line 7; the text starts on 8
		t.Errorf("tidplan starts on line %d, want 8", acts[0].Tidplan.Pos.Line)
	}
	if r.Sections[0].Body.Pos.Line != 6 {
		t.Errorf("section body starts on line %d, want 6", r.Sections[0].Body.Pos.Line)
	}
	if len(r.Assets) != 1 || r.Assets[0].Rel != "figurer/s.svg" {
		t.Errorf("assets = %+v", r.Assets)
	}
	if plan.Current() != r {
		t.Errorf("the adopted 2020 revision is not current")
	}
}

// TestWindowsFiles: CRLF line endings and a byte-order mark are what Windows editors write; they load the same.
func TestWindowsFiles(t *testing.T) {
	crlf := "\ufeff" + strings.ReplaceAll(activity, "\n", "\r\n")
	dir := tree(t, map[string]string{"2020/aktiviteter/x.md": crlf})
	plan, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := plan.Revisions[0].Activities()[0]
	if a.ID != "natverk" || a.Uppfoljning.Markdown != "VB, T1 och T2" || a.Pos.Line != 2 {
		t.Errorf("CRLF file read as %+v", a)
	}
}

// TestBadInput: each kind of broken content gives its message with file and line. The messages are in
// testdata/errors/<name>.golden; run go test -update to rewrite them after a deliberate change.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name    string
		changes map[string]string
		want    []string // substrings that must be in the output, besides the golden comparison
	}{
		{"unknown-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ansvarig:", "ansvrig:", 1)},
			[]string{`x.md:6: okänd nyckel "ansvrig" (menade du "ansvarig"?)`}},
		{"unknown-key-without-diacritics", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "uppföljning:", "uppfoljning:", 1)},
			[]string{`x.md:8: okänd nyckel "uppfoljning" (menade du "uppföljning"?)`}},
		{"missing-required", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "tidplan: Varje månad\n", "", 1)},
			[]string{`x.md:1: nyckeln "tidplan" saknas, och den är obligatorisk`}},
		{"empty-required", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "tidplan: Varje månad", "tidplan:", 1)},
			[]string{`x.md:7: tidplan är tom`}},
		{"wrong-type", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10", "ordning: tio", 1)},
			[]string{`x.md:4: ordning ska vara ett heltal, inte "tio"`}},
		{"list-instead-of-text", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ansvarig: VBE-samordnaren", "ansvarig: [a, b]", 1)},
			[]string{`x.md:6: ansvarig ska ha ett enda värde, inte en lista eller en grupp av nycklar`}},
		{"duplicate-id", map[string]string{"2020/aktiviteter/y.md": strings.Replace(activity, "ordning: 10", "ordning: 20", 1)},
			[]string{`y.md:2: id "natverk" används redan i content/2020/aktiviteter/x.md:2`}},
		{"id-used-by-section", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: inledning", 1)},
			[]string{`id "inledning" används redan i content/2020/avsnitt/a.md:2`}},
		{"reserved-id", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: kontakt", 1)},
			[]string{`x.md:2: id "kontakt" används redan av själva sidan`}},
		{"bad-id", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "id: natverk", "id: Nätverk Träffar", 1)},
			[]string{`x.md:2: id "Nätverk Träffar" får bara innehålla små bokstäver, siffror och enkla bindestreck (till exempel id: nätverk-träffar)`}},
		{"unknown-section", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "avsnitt: rutin", "avsnitt: rutn", 1)},
			[]string{`x.md:3: avsnitt "rutn" är inte ett avsnitt i 2020 (menade du "rutin"?)`}},
		{"year-mismatch", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "år: 2020", "år: 2021", 1)},
			[]string{`plan.md:4: år är 2021, men mappen heter 2020 (skriv år: 2020, eller byt namn på mappen till 2021)`}},
		{"bad-status", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "status: antagen", "status: antagenn", 1)},
			[]string{`plan.md:6: okänd status "antagenn" (menade du "antagen"?)`}},
		{"bad-date", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "beslutad: 2020-03-13", "beslutad: 13 mars 2020", 1)},
			[]string{`plan.md:7: beslutad ska vara ett datum som skrivs ÅÅÅÅ-MM-DD, inte "13 mars 2020"`}},
		{"impossible-date", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "beslutad: 2020-03-13", "beslutad: 2020-02-30", 1)},
			[]string{`plan.md:7: beslutad ska vara ett datum som skrivs ÅÅÅÅ-MM-DD, inte "2020-02-30"`}},
		{"contact-key", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "  epost:", "  e-post:", 1)},
			[]string{`plan.md:11: okänd nyckel "e-post" (menade du "epost"?)`}},
		{"bad-follow-up", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "uppföljning: VB, T1 och T2\n",
			"uppföljning: VB, T1 och T2\nstatus:\n  VP: pågår\n  T3: klar\n  T1: halvklar – snart\n  VP: genomförd\n", 1)},
			[]string{`x.md:11: "T3" är inte en rapportperiod (använd VP, T1, T2 eller VB)`, `x.md:12: "halvklar" är inte ett läge`,
				`x.md:13: rapportperioden VP står två gånger`}},
		{"bad-indicator", map[string]string{"2020/plan.md": strings.Replace(readValid(t, "2020/plan.md"), "kontakt:",
			"nyckeltal:\n  - id: webb\n    namn: Andel\n    värden:\n      - period: \"2020\"\n        värde: tre fjärdedelar\n        källa: Planen\n  - id: tom\n    namn: Utan värden\nkontakt:", 1)},
			[]string{`plan.md:14: värde ska vara ett tal, inte "tre fjärdedelar" (skriv siffror, till exempel 75.9 eller 75,9)`,
				`nyckeltalet tom saknar värden`}},
		{"invalid-utf8", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "nätverket", "n\xe4tverket", 1)},
			[]string{`x.md:5: filen är inte giltig UTF-8-text (spara filen med teckenkodningen UTF-8 i din textredigerare)`}},
		{"yaml-syntax", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "aktivitet: Delta i nätverket.", "aktivitet: Delta: i nätverket: nu", 1)},
			[]string{`x.md:5: huvudet (frontmatter) är inte giltig YAML: ett kolon följt av mellanslag får inte stå här`}},
		{"not-closed", map[string]string{"2020/aktiviteter/x.md": strings.TrimSuffix(activity, "---\n")},
			[]string{`x.md:1: huvudet (frontmatter) är inte avslutat`}},
		{"no-frontmatter", map[string]string{"2020/aktiviteter/x.md": "Bara text.\n"},
			[]string{`x.md:1: filen börjar inte med ett huvud (frontmatter)`}},
		{"duplicate-key", map[string]string{"2020/aktiviteter/x.md": strings.Replace(activity, "ordning: 10\n", "ordning: 10\nordning: 20\n", 1)},
			[]string{`x.md:5: nyckeln "ordning" står två gånger (första gången på rad 4)`}},
		{"text-under-activity", map[string]string{"2020/aktiviteter/x.md": activity + "\nMer text.\n"},
			[]string{`x.md:11: en aktivitetsrad har ingen text under huvudet`}},
		{"no-worry-section", map[string]string{"2020/avsnitt/b.md": strings.Replace(readValid(t, "2020/avsnitt/b.md"), "vid_oro: true\n", "", 1)},
			[]string{`plan.md:1: inget avsnitt har vid_oro: true`}},
		{"no-plan", map[string]string{"2020/plan.md": ""},
			[]string{`2020/plan.md: revideringen saknar plan.md`}},
		{"markdown-outside", map[string]string{"2020/notes.md": "text"},
			[]string{`2020/notes.md: en Markdown-fil utanför avsnitt/ och aktiviteter/`}},
		{"general-abbreviation-twice", map[string]string{"sidor/forkortningar.md": "---\ntitel: Förkortningar\nförkortningar:\n  sdf: stadsdelsförvaltning\n  KS: kommunstyrelsen\nallmänna_förkortningar:\n  APT: arbetsplatsträff\n  SDF: stadsdelsförvaltning\n  KS: kommunstyrelsen\n  KF:\n---\nText.\n"},
			[]string{`forkortningar.md:8: förkortningen SDF står redan bland planens förkortningar (rad 4)`,
				`forkortningar.md:9: förkortningen KS står redan bland planens förkortningar (rad 5)`,
				`forkortningar.md:10: efter KF ska det stå vad förkortningen står för`}},
		{"general-abbreviations-not-a-list", map[string]string{"sidor/forkortningar.md": "---\ntitel: Förkortningar\nförkortningar:\n  KS: kommunstyrelsen\nallmänna_förkortningar: APT\n---\nText.\n"},
			[]string{`forkortningar.md:5: allmänna_förkortningar ska vara indragna rader med förkortning: vad den står för`}},
		{"synonyms", map[string]string{"sidor/forkortningar.md": "---\ntitel: Förkortningar\nförkortningar:\n  KS: kommunstyrelsen\nsynonymer:\n  samarbeta: samverka\n  Samarbeta: samverkan\n  samverka: samverka\n  polis:\n  två ord: ett\n  skola: skolan, 2 skolor\n---\nText.\n"},
			[]string{`forkortningar.md:7: ordet Samarbeta står två gånger (första gången på rad 6)`,
				`forkortningar.md:8: samverka står som synonym till sig själv`,
				`forkortningar.md:9: efter polis ska det stå vilket ord i planen det ska hitta`,
				`forkortningar.md:10: "två ord" är inte ett ord`,
				`forkortningar.md:11: "2 skolor" är inte ett ord`}},
		{"no-statement", map[string]string{"sidor/tillganglighet.md": ""},
			[]string{`sidor/tillganglighet.md: tillgänglighetsredogörelsen saknas`}},
		{"many-at-once", map[string]string{
			"2020/aktiviteter/x.md": strings.Replace(strings.Replace(activity, "ansvarig:", "ansvrig:", 1), "avsnitt: rutin", "avsnitt: ingen", 1),
			"2020/avsnitt/a.md":     strings.Replace(readValid(t, "2020/avsnitt/a.md"), "ordning: 10", "ordning: först", 1),
			"2020/plan.md":          strings.Replace(readValid(t, "2020/plan.md"), "år: 2020", "år: 2019", 1),
		}, []string{`okänd nyckel "ansvrig"`, "avsnitt \"ingen\"", `ordning ska vara ett heltal, inte "först"`, `år är 2019, men mappen heter 2020`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := messages(t, tree(t, c.changes))
			if got == "" {
				t.Fatal("the broken content loaded without a problem")
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

func readValid(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/valid", p))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
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
		t.Errorf("output differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".a.md.swp": true, "a.md~": true, ".#a.md": true, "4913": true, "_utkast.md": true, ".git": true,
		"a.md": false, "stjarna.svg": false, "natverk-2.md": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzLoadFile: no content file, however broken, makes the loader panic, or take more than a second (far more
// than any file within the limits takes; see frontmatter/limits.go).
func FuzzLoadFile(f *testing.F) {
	f.Add([]byte(activity))
	f.Add([]byte("---\nid: [\n---\n"))
	f.Add([]byte("\ufeff---\r\nid: x\r\n---\r\n"))
	f.Add([]byte("---\na: &a [*a]\nid: *a\n---\n"))
	f.Add([]byte("---\nkontakt: {namn: 1}\nbeslutad: 2020-13-45\n---\n# rubrik\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A panic on another goroutine ends the process, so the fuzzer records even an input that never ends.
		watchdog := time.AfterFunc(time.Second, func() { panic(fmt.Sprintf("reading %q took more than a second", data)) })
		defer watchdog.Stop()
		var probs = new(problemList)
		if len(data) <= frontmatter.MaxFileSize && !frontmatter.OverLimits("x.md", data, &probs.l) {
			readActivity("x.md", data, &probs.l)
			readSection("x.md", data, &probs.l)
			readRevision("x.md", data, 2020, &probs.l)
		}
		for _, p := range probs.l {
			if p.File != "x.md" || p.Line < 0 || p.Msg == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
	})
}

type problemList struct{ l problem.List }

// TestDigest: a revision's digest is the same for the same files and changes with any Markdown byte, a file
// added or removed, or a picture added.
func TestDigest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
		t.Fatal(err)
	}
	digest := func() [32]byte {
		t.Helper()
		plan, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return plan.Revisions[0].Digest
	}
	first := digest()
	if first == ([32]byte{}) || digest() != first {
		t.Fatal("two loads of the same files differ, or the digest is empty")
	}
	sections, _ := filepath.Glob(filepath.Join(dir, "2020", "avsnitt", "*.md"))
	raw, err := os.ReadFile(sections[0])
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[32]byte]string{first: "the start"}
	step := func(what string, change func()) {
		t.Helper()
		change()
		d := digest()
		if prev, ok := seen[d]; ok {
			t.Errorf("%s: the digest is the same as after %s", what, prev)
		}
		seen[d] = what
	}
	step("one byte of a section", func() { os.WriteFile(sections[0], append(raw, ' '), 0o644) })
	step("a picture added", func() { os.WriteFile(filepath.Join(dir, "2020", "figurer", "ny.png"), []byte("png"), 0o644) })
	step("the section renamed", func() { os.Rename(sections[0], sections[0]+".md") })
	os.Rename(sections[0]+".md", sections[0])
	os.Remove(filepath.Join(dir, "2020", "figurer", "ny.png"))
	os.WriteFile(sections[0], raw, 0o644)
	if digest() != first {
		t.Error("the same files again give another digest")
	}
}

// TestLoaderReusesUnchangedRevisions: a Loader gives back the same revision when its files are unchanged, a new
// one when any file changed, and never keeps a revision that had problems.
func TestLoaderReusesUnchangedRevisions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
		t.Fatal(err)
	}
	var ld Loader
	load := func() *Revision {
		t.Helper()
		plan, err := ld.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return plan.Revisions[0]
	}
	first := load()
	if load() != first {
		t.Fatal("an unchanged revision was read again")
	}
	sections, _ := filepath.Glob(filepath.Join(dir, "2020", "avsnitt", "*.md"))
	raw, err := os.ReadFile(sections[0])
	if err != nil {
		t.Fatal(err)
	}
	write := func(data []byte) {
		t.Helper()
		if err := os.WriteFile(sections[0], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(append(raw, []byte("\nEn ny mening.\n")...))
	second := load()
	if second == first || second.Digest == first.Digest {
		t.Fatal("a changed revision was not read again")
	}
	write(append([]byte("---\nfärg: röd\n"), raw[4:]...))
	if _, err := ld.Load(dir); err == nil {
		t.Fatal("a broken file loaded")
	}
	write(raw)
	if third := load(); third == first || third == second || third.Digest != first.Digest {
		t.Fatal("after a broken load, the revision was not read afresh")
	}
}

// TestSameFilesReadOnce: a file with the bytes of another is not parsed again but copied, and the copy must be
// what parsing it at its own path gives, down to every position, with activities of its own revision.
func TestSameFilesReadOnce(t *testing.T) {
	section := "---\nid: rutin\ntitel: Rutin vid oro\nordning: 1\ntabell: Aktiviteter\nvid_oro: true\nsökord:\n  - vem ska jag ringa\n---\nText om **oro**.\n"
	row := activity[:len(activity)-4] + "sökord: [blankett]\nstatus:\n  VP: pågår\n  T1: genomförd – klar\n---\n"
	for _, kind := range []string{"section", "activity"} {
		raw := section
		read := func(file string) (*Section, *Activity) { return readSection(file, []byte(raw), new(problem.List)), nil }
		if kind == "activity" {
			raw = row
			read = func(file string) (*Section, *Activity) {
				return nil, readActivity(file, []byte(raw), new(problem.List))
			}
		}
		s, a := read("2020/x.md")
		copyS, copyA := parsed{s, a}.at("2021/y.md")
		freshS, freshA := read("2021/y.md")
		if !reflect.DeepEqual(copyS, freshS) || !reflect.DeepEqual(copyA, freshA) {
			t.Errorf("%s: the copy differs from the file read at its own path:\n%+v %+v\n%+v %+v", kind, copyS, copyA, freshS, freshA)
		}
	}

	// Two revisions with the same files: each has sections of its own, at its own paths, with its own rows.
	dir := tree(t, nil)
	if err := os.CopyFS(filepath.Join(dir, "2021"), os.DirFS(filepath.Join(dir, "2020"))); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(dir, "2021", "plan.md")
	b, _ := os.ReadFile(planFile)
	os.WriteFile(planFile, []byte(strings.ReplaceAll(string(b), "2020", "2021")), 0o644)
	plan, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	old, cur := plan.Revisions[0], plan.Revisions[1]
	for i, s := range cur.Sections {
		o := old.Sections[i]
		if s == o || !strings.Contains(s.Pos.File, "2021") || !strings.Contains(s.Body.Pos.File, "2021") {
			t.Errorf("section %s of 2021 is 2020's or is placed in %s", s.ID, s.Pos.File)
		}
		for j, a := range s.Activities {
			if a == o.Activities[j] || !strings.Contains(a.Pos.File, "2021") || !strings.Contains(a.Aktivitet.Pos.File, "2021") {
				t.Errorf("activity %s of 2021 is 2020's or is placed in %s", a.ID, a.Pos.File)
			}
		}
	}
	if n, m := len(old.Activities()), len(cur.Activities()); n == 0 || n != m {
		t.Errorf("2020 has %d activities, 2021 %d", n, m)
	}
}
