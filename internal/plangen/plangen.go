// Package plangen writes a large synthetic plan in the content format of docs/content.md, for benchmarks and for
// trying the site with a plan of realistic size: yearly revisions of sections with Swedish prose and of activity
// rows, each revision the previous one with the churn of a real yearly revision (reworded sentences, new figures,
// sections removed, added and renamed, activities dropped, added, moved and handed over). The same Options always
// give byte-identical files.
package plangen

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Options say how large a plan to write.
type Options struct {
	Revisions  int   // number of yearly revisions, e.g. 20
	Sections   int   // sections per revision, e.g. 60
	Activities int   // activity rows per revision, e.g. 100
	Seed       int64 // same seed => byte-identical output
	FirstYear  int   // default 2020 when 0
}

// Large is the plan the benchmarks measure, the one `make large` writes: 20 revisions of 60 sections and about 100
// activities, seed 1.
func Large() Options { return Options{Revisions: 20, Sections: 60, Activities: 100, Seed: 1} }

// marker marks a folder as plangen's output, so that a later run may replace it. The loader ignores files whose
// names start with a dot.
const marker = ".plangen"

// Generate writes a content folder into dir (creating it) and returns the number of files written, the marker
// file .plangen included. A dir that holds anything but an earlier output of plangen is left alone and an error
// returned; an earlier output is replaced as a whole.
func Generate(dir string, o Options) (int, error) {
	if o.FirstYear == 0 {
		o.FirstYear = 2020
	}
	switch {
	case o.Revisions < 1:
		return 0, fmt.Errorf("%d revisions; there must be at least 1", o.Revisions)
	case o.Sections < 1:
		return 0, fmt.Errorf("%d sections; there must be at least 1", o.Sections)
	case o.Activities < 0:
		return 0, fmt.Errorf("%d activities; there cannot be fewer than 0", o.Activities)
	case o.FirstYear < 1000 || o.FirstYear+o.Revisions-1 > 9999:
		return 0, fmt.Errorf("the years %d to %d are not all written with four digits",
			o.FirstYear, o.FirstYear+o.Revisions-1)
	}
	if err := prepare(dir); err != nil {
		return 0, err
	}
	w := &writer{dir: dir, made: map[string]bool{}}
	w.write(marker, []byte("Written by plangen, which replaces this folder when it is run again.\n"))
	w.write(filepath.Join("sidor", "tillganglighet.md"), []byte(statement))
	g := newGenerator(o)
	for i := range o.Revisions {
		if i > 0 {
			g.revise()
		}
		g.writeRevision(w, i == o.Revisions-1)
	}
	return w.n, w.err
}

// prepare makes dir an empty folder, refusing to empty one that plangen did not write.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
		return fmt.Errorf("%s is not empty and was not written by plangen; give a new or empty folder", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// writer writes files below dir, counting them and keeping the first error.
type writer struct {
	dir  string
	n    int
	err  error
	made map[string]bool // folders already created
}

func (w *writer) write(rel string, data []byte) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, rel)
	if d := filepath.Dir(p); !w.made[d] {
		if w.err = os.MkdirAll(d, 0o755); w.err != nil {
			return
		}
		w.made[d] = true
	}
	if w.err = os.WriteFile(p, data, 0o644); w.err == nil {
		w.n++
	}
}

// A section is one part of the plan. Its text is kept as blocks of sentences so that a revision can reword some.
type section struct {
	id, title string
	topic     int // index in topics, kept when the section is renamed; -1 for the routine vid oro
	order     int
	caption   string // tabell; "" for the default caption
	table     bool   // activity rows may be put in this section
	worry     bool
	blocks    []block
	note      string // the footnote's definition; "" when the section has none
}

type blockKind int

const (
	para     blockKind = iota // a paragraph; lines are its sentences
	lead                      // a paragraph that introduces a list, a table or the plan's routine; never reworded
	heading2                  // lines[0] is the heading
	heading3
	bullets  // lines are the items
	numbered // lines are the steps
	table    // lines are the rows, the header and the delimiter row first
)

type block struct {
	kind  blockKind
	lines []string
}

// An activity is one row of a section's table.
type activity struct {
	id, section                               string
	order                                     int
	aktivitet, ansvarig, tidplan, uppfoljning string
}

// generator holds the plan as it stands in year, and the random source every choice is drawn from.
type generator struct {
	o          Options
	rng        *rand.Rand
	year       int
	used       map[string]bool // every id ever given out, so that a removed id is never reused
	retired    []*activity     // rows that were done, which a later revision now and then takes up again
	titles     map[string]bool // every section title ever given out
	sections   []*section      // by ordning
	activities []*activity
	changes    string // what this revision changed since the previous one, for plan.md
}

func newGenerator(o Options) *generator {
	g := &generator{
		o:      o,
		rng:    rand.New(rand.NewPCG(uint64(o.Seed), 0x706c616e67656e)), // "plangen"
		year:   o.FirstYear,
		used:   map[string]bool{},
		titles: map[string]bool{},
	}
	for _, id := range []string{"huvudinnehall", "innehall", "titel", "kontakt"} { // ids of the page itself
		g.used[id] = true
	}
	worryAt := min(2, o.Sections-1)
	for i := range o.Sections {
		var s *section
		if i == worryAt {
			s = g.newWorrySection()
		} else {
			s = g.newSection()
		}
		s.order = 10 * (i + 1)
		g.sections = append(g.sections, s)
	}
	g.ensureTable()
	for len(g.activities) < o.Activities {
		g.addActivity()
	}
	return g
}

// revise turns the plan into the next year's revision.
func (g *generator) revise() {
	g.year++
	var added, removed, renamed, moved, newRows, dropped int

	// Now and then a section is removed and a new one written; once in a while one gets a new title.
	n := 0
	if g.chance(0.6) {
		n++
	}
	if g.chance(0.25) {
		n++
	}
	for range n {
		if g.removeSection() {
			removed++
		}
	}
	for _, s := range g.sections {
		if !s.worry && g.chance(0.03) {
			s.title, s.topic = g.newTitle(s.topic)
			renamed++
		}
	}
	for len(g.sections) < g.o.Sections {
		g.insertSection()
		added++
	}
	g.ensureTable()

	// About a third of the sections are edited: some of their sentences reworded and figures brought up to date,
	// a few percent of the plan's sentences in all.
	for _, s := range g.sections {
		if g.chance(0.3) {
			g.reword(s)
		}
	}

	// The rows of removed sections go, and a few others are done. Some change hands or get a new timetable.
	kept := g.activities[:0]
	for _, a := range g.activities {
		if g.section(a.section) == nil || g.chance(0.04) {
			dropped++
			if g.section(a.section) != nil {
				g.retired = append(g.retired, a)
			}
			continue
		}
		kept = append(kept, a)
	}
	g.activities = kept
	for _, a := range g.activities {
		if g.chance(0.08) {
			a.ansvarig = g.other(responsible, a.ansvarig)
		}
		if g.chance(0.12) {
			a.tidplan = g.tidplan()
		}
		if g.chance(0.03) {
			a.uppfoljning = g.other(followUps, a.uppfoljning)
		}
		if g.chance(0.04) {
			a.aktivitet = g.aktivitet(pick(g.rng, verbs), pick(g.rng, objects))
		}
	}
	if tables := g.tableSections(); len(tables) > 1 && len(g.activities) > 0 {
		for range 1 + g.rng.IntN(2) {
			a := g.activities[g.rng.IntN(len(g.activities))]
			if to := tables[g.rng.IntN(len(tables))]; to.id != a.section {
				a.section, a.order = to.id, g.nextOrder(to.id)
				moved++
			}
		}
	}
	// Now and then a row that was done comes back, with its old id, where its section still is.
	if len(g.retired) > 0 && g.chance(0.5) {
		i := g.rng.IntN(len(g.retired))
		if a := g.retired[i]; g.section(a.section) != nil {
			a.order = g.nextOrder(a.section)
			g.activities = append(g.activities, a)
			g.retired = append(g.retired[:i], g.retired[i+1:]...)
			newRows++
		}
	}
	for len(g.activities) < g.o.Activities {
		g.addActivity()
		newRows++
	}
	g.changes = fmt.Sprintf("Jämfört med %d har %d avsnitt tillkommit, %d tagits bort och %d fått ny rubrik. "+
		"%d aktiviteter är nya, %d har utgått och %d har flyttats till ett annat avsnitt.",
		g.year-1, added, removed, renamed, newRows, dropped, moved)
}

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// other picks a value from list that differs from old.
func (g *generator) other(list []string, old string) string {
	for {
		if v := pick(g.rng, list); v != old {
			return v
		}
	}
}

// newID returns base, or base-2, base-3, … when base was given out before.
func (g *generator) newID(base string) string {
	id := base
	for n := 2; g.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	g.used[id] = true
	return id
}

// newTitle returns a title not given out before, preferably on the topic.
func (g *generator) newTitle(topic int) (string, int) {
	if topic < 0 {
		topic = g.rng.IntN(len(topics))
	}
	var title string
	for try := range 40 {
		if try >= 10 {
			topic = g.rng.IntN(len(topics))
		}
		if title = topics[topic] + pick(g.rng, qualifiers); !g.titles[title] {
			break
		}
	}
	g.titles[title] = true
	return title, topic
}

func (g *generator) newSection() *section {
	s := &section{table: g.chance(0.4)}
	s.title, s.topic = g.newTitle(-1)
	s.id = g.newID(slug(s.title))
	if s.table && g.chance(0.5) {
		s.caption = pick(g.rng, captions)
	}
	s.blocks, s.note = g.body()
	return s
}

// newWorrySection is the routine for when an employee is worried about someone: the section marked vid_oro.
func (g *generator) newWorrySection() *section {
	s := &section{id: g.newID("rutin-vid-oro"), title: "Rutin vid oro eller händelse rörande våldsbejakande extremism",
		topic: -1, worry: true}
	g.titles[s.title] = true
	s.blocks = []block{
		{kind: lead, lines: []string{"Det finns en framtagen rutin som gör det tydligt vad du som medarbetare ska göra " +
			"när du känner oro för en person, eller när något har hänt som kan ha koppling till våldsbejakande " +
			"extremism (VBE)."}},
		{kind: heading2, lines: []string{"Blankett för avidentifierad information"}},
		{kind: lead, lines: []string{"Vid oro eller en händelse med koppling till VBE ska blanketten för " +
			"avidentifierad information användas. Gör så här:"}},
		{kind: numbered, lines: []string{
			"Hämta blanketten för avidentifierad information. Den finns på intranätet.",
			"Fyll i blanketten utan namn eller andra uppgifter som kan identifiera personen.",
			"Skicka den ifyllda blanketten till förvaltningens VBE-samordnare.",
			"Ring 112 om det finns en akut fara.",
		}},
	}
	body, note := g.body()
	s.blocks = append(s.blocks, body...)
	s.note = note
	return s
}

// removeSection removes a section other than the routine vid oro, reporting whether there was one.
func (g *generator) removeSection() bool {
	var candidates []int
	for i, s := range g.sections {
		if !s.worry {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		return false
	}
	i := pick(g.rng, candidates)
	g.sections = slices.Delete(g.sections, i, i+1)
	return true
}

// insertSection puts a new section between two others, or at the end when there is no gap in ordning.
func (g *generator) insertSection() {
	s := g.newSection()
	i := 1 + g.rng.IntN(len(g.sections))
	prev := g.sections[i-1].order
	if i < len(g.sections) && g.sections[i].order-prev >= 2 {
		s.order = (prev + g.sections[i].order) / 2
	} else {
		i = len(g.sections)
		s.order = g.sections[i-1].order + 10
	}
	g.sections = slices.Insert(g.sections, i, s)
}

// ensureTable makes sure some section can take activity rows when there are any.
func (g *generator) ensureTable() {
	if g.o.Activities == 0 || len(g.tableSections()) > 0 {
		return
	}
	var candidates []*section
	for _, s := range g.sections {
		if !s.worry {
			candidates = append(candidates, s)
		}
	}
	if len(candidates) == 0 {
		candidates = g.sections
	}
	pick(g.rng, candidates).table = true
}

func (g *generator) tableSections() []*section {
	var tables []*section
	for _, s := range g.sections {
		if s.table {
			tables = append(tables, s)
		}
	}
	return tables
}

func (g *generator) section(id string) *section {
	for _, s := range g.sections {
		if s.id == id {
			return s
		}
	}
	return nil
}

// nextOrder is the ordning of a row added at the end of the section's table.
func (g *generator) nextOrder(sectionID string) int {
	last := 0
	for _, a := range g.activities {
		if a.section == sectionID {
			last = max(last, a.order)
		}
	}
	return last + 10
}

func (g *generator) addActivity() {
	s := pick(g.rng, g.tableSections())
	v, obj := pick(g.rng, verbs), pick(g.rng, objects)
	g.activities = append(g.activities, &activity{
		id:          g.newID(slug(join(v.inf, v.particle)) + "-" + obj.key),
		section:     s.id,
		order:       g.nextOrder(s.id),
		aktivitet:   g.aktivitet(v, obj),
		ansvarig:    pick(g.rng, responsible),
		tidplan:     g.tidplan(),
		uppfoljning: pick(g.rng, followUps),
	})
}

func (g *generator) aktivitet(v verb, obj object) string {
	text := upperFirst(join(v.inf, v.particle, obj.text, pick(g.rng, adverbials))) + "."
	if g.chance(0.5) {
		text += " " + g.sentence()
	}
	return wrap(text, 110)
}

func (g *generator) tidplan() string {
	return strings.ReplaceAll(pick(g.rng, timetables), "{år}", strconv.Itoa(g.year))
}

// body writes a section's text: an introduction, two to four ## subsections, a list, now and then a table, a
// ### part and a footnote; 300 to 900 words of prose.
func (g *generator) body() ([]block, string) {
	target := 300 + g.rng.IntN(601)
	subs := 2 + g.rng.IntN(3)
	heads := g.rng.Perm(len(subheadings))[:subs]
	parts := make([][]block, subs+1) // parts[0] is the text before the first ## heading
	words := 0
	addPara := func(i int) {
		b := g.paragraph()
		for _, s := range b.lines {
			words += len(strings.Fields(s))
		}
		parts[i] = append(parts[i], b)
	}
	for i := range parts {
		if i > 0 {
			parts[i] = append(parts[i], block{kind: heading2, lines: []string{subheadings[heads[i-1]]}})
		}
		addPara(i)
	}
	i := 1 + g.rng.IntN(subs)
	parts[i] = append(parts[i], g.list()...)
	if g.chance(0.2) {
		i := 1 + g.rng.IntN(subs)
		parts[i] = append(parts[i], g.table()...)
	}
	if g.chance(0.3) {
		i := 1 + g.rng.IntN(subs)
		parts[i] = append(parts[i], block{kind: heading3, lines: []string{pick(g.rng, subsubheadings)}})
		addPara(i)
	}
	for words < target {
		addPara(g.rng.IntN(len(parts)))
	}
	note := ""
	if g.chance(0.3) {
		first := parts[0][0].lines
		first[len(first)-1] += "[^1]"
		note = pick(g.rng, sources)
	}
	var blocks []block
	for _, p := range parts {
		blocks = append(blocks, p...)
	}
	return blocks, note
}

func (g *generator) paragraph() block {
	n := 3 + g.rng.IntN(4)
	lines := make([]string, n)
	for i := range lines {
		lines[i] = g.sentence()
	}
	return block{kind: para, lines: lines}
}

func (g *generator) list() []block {
	n := 3 + g.rng.IntN(4)
	items := make([]string, n)
	for i, o := range g.rng.Perm(len(objects))[:n] {
		items[i] = upperFirst(objects[o].text)
		if g.chance(0.5) {
			items[i] += " " + pick(g.rng, adverbials)
		}
		items[i] += "."
	}
	return []block{{kind: lead, lines: []string{pick(g.rng, listLeads)}}, {kind: bullets, lines: items}}
}

func (g *generator) table() []block {
	rows := []string{"| Miljö | Antal händelser | Vanligast |", "|---|--:|---|"}
	labels, comments := milieus, incidents
	intro := "Tabellen visar de händelser som rapporterades in under året, per miljö."
	if g.chance(0.5) {
		rows = []string{"| Stadsdelsområde | Utbildade medarbetare | Kommentar |", "|---|--:|---|"}
		labels, comments = districts, trainingNotes
		intro = "Tabellen visar hur många medarbetare som har gått grundutbildningen, per stadsdelsområde."
	}
	n := 3 + g.rng.IntN(3)
	for _, i := range g.rng.Perm(len(labels))[:n] {
		rows = append(rows, fmt.Sprintf("| %s | %d | %s |", labels[i], 2+g.rng.IntN(60), pick(g.rng, comments)))
	}
	return []block{{kind: lead, lines: []string{intro}}, {kind: table, lines: rows}}
}

// sentence writes one sentence about the plan's work.
func (g *generator) sentence() string {
	r := g.rng
	subj, v, obj, adv := pick(r, subjects), pick(r, verbs), pick(r, objects).text, pick(r, adverbials)
	switch r.IntN(10) {
	case 0, 1:
		return upperFirst(join(subj, v.pres, v.particle, obj, adv)) + "."
	case 2:
		return join(pick(r, connectives), v.pres, subj, v.particle, obj, adv) + "."
	case 3:
		v2, obj2 := pick(r, verbs), pick(r, objects).text
		return upperFirst(join(subj, "ska", v.inf, v.particle, obj, "för att", v2.inf, v2.particle, obj2)) + "."
	case 4:
		return "Det är viktigt att " + join(subj, v.pres, v.particle, obj, adv) + ", " + pick(r, reasons) + "."
	case 5:
		return upperFirst(join(subj, v.pres, v.particle, obj)) + ", " + pick(r, reasons) + "."
	case 6:
		return "Enligt stadens riktlinjer ska " + join(subj, v.inf, v.particle, obj, adv) + "."
	case 7:
		whole := pick(r, wholes)
		return upperFirst(obj) + " är en viktig del av " + whole + "."
	case 8:
		v2, obj2 := pick(r, verbs), pick(r, objects).text
		return "För att " + join(v.inf, v.particle, obj, adv, "behöver", subj, v2.inf, v2.particle, obj2) + "."
	default:
		f := pick(r, figures)
		return strings.ReplaceAll(f.text, "{n}", strconv.Itoa(f.lo+r.IntN(f.hi-f.lo+1)))
	}
}

var figure = regexp.MustCompile(`[0-9]+`)

// reword replaces some of a section's sentences and changes some of its figures.
func (g *generator) reword(s *section) {
	for j := range s.blocks {
		b := &s.blocks[j]
		if b.kind != para && b.kind != table {
			continue
		}
		for i, line := range b.lines {
			switch {
			case strings.Contains(line, "[^"):
			case b.kind == para && g.chance(0.08):
				b.lines[i] = g.sentence()
			case figure.MatchString(line) && g.chance(0.3):
				b.lines[i] = g.changeFigure(line)
			}
		}
	}
}

// changeFigure changes the first number in line by up to 30 percent.
func (g *generator) changeFigure(line string) string {
	loc := figure.FindStringIndex(line)
	n, _ := strconv.Atoi(line[loc[0]:loc[1]])
	m := max(2, n*(70+g.rng.IntN(61))/100)
	if m == n {
		m++
	}
	return line[:loc[0]] + strconv.Itoa(m) + line[loc[1]:]
}

// writeRevision writes content/<year>/ as the plan stands; the last revision is a draft.
func (g *generator) writeRevision(w *writer, draft bool) {
	y := strconv.Itoa(g.year)
	w.write(filepath.Join(y, "plan.md"), g.planFile(draft))
	for _, s := range g.sections {
		meta := sectionMeta{ID: s.id, Title: s.title, Order: s.order, Caption: s.caption, Worry: s.worry}
		w.write(filepath.Join(y, "avsnitt", fmt.Sprintf("%03d-%s.md", s.order, s.id)), file(meta, s.text()))
	}
	for _, a := range g.activities {
		meta := activityMeta{ID: a.id, Section: a.section, Order: a.order, Aktivitet: a.aktivitet,
			Ansvarig: a.ansvarig, Tidplan: a.tidplan, Uppfoljning: a.uppfoljning}
		w.write(filepath.Join(y, "aktiviteter", a.id+".md"), file(meta, ""))
	}
}

type planMeta struct {
	Title          string  `yaml:"titel"`
	Board          string  `yaml:"nämnd"`
	Administration string  `yaml:"förvaltning"`
	Year           int     `yaml:"år"`
	Dnr            string  `yaml:"dnr"`
	Status         string  `yaml:"status"`
	Decided        string  `yaml:"beslutad,omitempty"`
	ApprovedKS     string  `yaml:"godkänd_av_ks,omitempty"`
	NextRevision   string  `yaml:"nästa_revision"`
	Contact        contact `yaml:"kontakt"`
}

type contact struct {
	Name  string `yaml:"namn"`
	Unit  string `yaml:"enhet"`
	Email string `yaml:"epost"`
	Phone string `yaml:"telefon"`
	Web   string `yaml:"webb"`
}

type sectionMeta struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"titel"`
	Order   int    `yaml:"ordning"`
	Caption string `yaml:"tabell,omitempty"`
	Worry   bool   `yaml:"vid_oro,omitempty"`
}

type activityMeta struct {
	ID          string `yaml:"id"`
	Section     string `yaml:"avsnitt"`
	Order       int    `yaml:"ordning"`
	Aktivitet   string `yaml:"aktivitet"`
	Ansvarig    string `yaml:"ansvarig"`
	Tidplan     string `yaml:"tidplan"`
	Uppfoljning string `yaml:"uppföljning"`
}

func (g *generator) planFile(draft bool) []byte {
	meta := planMeta{
		Title:          fmt.Sprintf("Socialnämndens handlingsplan mot våldsbejakande extremism %d", g.year),
		Board:          "Socialnämnden",
		Administration: "Socialförvaltningen",
		Year:           g.year,
		Dnr:            fmt.Sprintf("3.1.1-%d/%d", 100+g.rng.IntN(900), g.year),
		Status:         "antagen",
		NextRevision:   fmt.Sprintf("I samband med tertialrapport 1 %d", g.year+1),
		Contact: contact{
			Name:  "Socialförvaltningens VBE-samordnare",
			Unit:  "Kompetenscenter barn och unga, avdelningen för stadsövergripande sociala frågor",
			Email: "vbe-samordnare@example.se",
			Phone: "08-000 00 00",
			Web:   "https://intranat.example.se/valdsbejakande-extremism/",
		},
	}
	preface := fmt.Sprintf("Det här är Socialnämndens handlingsplan mot våldsbejakande extremism för %d. "+
		"Planen är påhittad: programmet plangen har skrivit den för att prova och mäta webbplatsen.", g.year)
	if draft {
		meta.Status = "utkast"
		preface = fmt.Sprintf("Det här är ett utkast till revideringen för %d. ", g.year) + preface
	} else {
		decided := time.Date(g.year, time.Month(2+g.rng.IntN(4)), 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)
		meta.Decided = decided.Format(time.DateOnly)
		meta.ApprovedKS = decided.AddDate(0, 0, 30+g.rng.IntN(60)).Format(time.DateOnly)
	}
	if g.changes != "" {
		preface += " " + g.changes
	}
	return file(meta, wrap(preface, 115)+"\n")
}

// file is a content file: the frontmatter, then the body.
func file(meta any, body string) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(meta); err != nil {
		panic(err) // the metadata types above hold only strings, numbers and booleans
	}
	_ = enc.Close()
	b.WriteString("---\n")
	b.WriteString(body)
	return b.Bytes()
}

// text is the section's Markdown.
func (s *section) text() string {
	var b strings.Builder
	for i, bl := range s.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch bl.kind {
		case para, lead:
			b.WriteString(wrap(strings.Join(bl.lines, " "), 115) + "\n")
		case heading2:
			b.WriteString("## " + bl.lines[0] + "\n")
		case heading3:
			b.WriteString("### " + bl.lines[0] + "\n")
		case bullets:
			for _, item := range bl.lines {
				b.WriteString("- " + item + "\n")
			}
		case numbered:
			for i, step := range bl.lines {
				fmt.Fprintf(&b, "%d. %s\n", i+1, step)
			}
		case table:
			for _, row := range bl.lines {
				b.WriteString(row + "\n")
			}
		}
	}
	if s.note != "" {
		b.WriteString("\n[^1]: " + s.note + "\n")
	}
	return b.String()
}

// wrap breaks text into lines of at most width characters, as a person would write it in an editor.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		l := utf8.RuneCountInString(word)
		if n > 0 && n+1+l > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

// join joins the words that are not empty with spaces.
func join(words ...string) string {
	return strings.Join(slices.DeleteFunc(words, func(w string) bool { return w == "" }), " ")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// slug makes an id from a title the way the shipped content does: "Lokal lägesbild" becomes "lokal-lagesbild".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä':
			r = 'a'
		case 'ö':
			r = 'o'
		case 'é':
			r = 'e'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// The vocabulary. Sentences are put together from these; every combination is meant to be grammatical Swedish.

// A verb in the present tense and the infinitive, with the particle or preposition that follows the subject in
// an inverted sentence ("Därför följer socialtjänsten upp …").
type verb struct{ pres, inf, particle string }

var verbs = []verb{
	{"samordnar", "samordna", ""},
	{"följer", "följa", "upp"},
	{"utvecklar", "utveckla", ""},
	{"stärker", "stärka", ""},
	{"förankrar", "förankra", ""},
	{"dokumenterar", "dokumentera", ""},
	{"utvärderar", "utvärdera", ""},
	{"ansvarar", "ansvara", "för"},
	{"säkerställer", "säkerställa", ""},
	{"prioriterar", "prioritera", ""},
	{"bidrar", "bidra", "till"},
	{"ser", "se", "över"},
	{"informerar", "informera", "om"},
	{"leder", "leda", ""},
	{"stödjer", "stödja", ""},
	{"granskar", "granska", ""},
	{"tydliggör", "tydliggöra", ""},
	{"konkretiserar", "konkretisera", ""},
}

// An object of the work, with the short name activity ids are made from.
type object struct{ text, key string }

var objects = []object{
	{"det förebyggande arbetet", "forebyggande-arbete"},
	{"arbetet mot våldsbejakande extremism", "arbetet-mot-vbe"},
	{"den lokala lägesbilden", "lagesbild"},
	{"rutinen vid oro", "rutinen"},
	{"stödet till återvändare och deras familjer", "atervandare"},
	{"samverkan med polisen", "samverkan-polisen"},
	{"insatserna för unga i riskzonen", "unga-i-riskzonen"},
	{"kunskapen om radikalisering", "kunskap-radikalisering"},
	{"informationsutbytet mellan förvaltningarna", "informationsutbyte"},
	{"användningen av blanketten för avidentifierad information", "blankett"},
	{"uppföljningen av föreningsbidrag", "foreningsbidrag"},
	{"kontrollen av lokaler som hyrs ut", "lokaler"},
	{"arbetet med avhoppare", "avhoppare"},
	{"stödet till anhöriga", "anhoriga"},
	{"de sociala insatsgrupperna", "sociala-insatsgrupper"},
	{"handläggningen av orosanmälningar som rör radikalisering", "orosanmalningar"},
	{"rådgivningen till medarbetare", "radgivning"},
	{"riskbedömningarna på individnivå", "riskbedomningar"},
	{"handlingsplanens aktiviteter", "aktiviteter"},
	{"skyddsfaktorerna kring barn och unga", "skyddsfaktorer"},
	{"det demokratifrämjande arbetet", "demokratiframjande"},
	{"utbildningen för nyanställda", "utbildning-nyanstallda"},
	{"samarbetet med civilsamhället", "civilsamhallet"},
	{"tillämpningen av den sekretessbrytande regeln", "sekretess"},
	{"socialtjänstnätverket mot våldsbejakande extremism", "socialtjanstnatverket"},
	{"stadsdelsförvaltningens fältarbete", "faltarbete"},
	{"lägesbildsenkäten till enhetscheferna", "lagesbildsenkat"},
}

var subjects = []string{
	"stadsdelsförvaltningen",
	"socialtjänsten",
	"VBE-samordnaren",
	"förvaltningens enhetschefer",
	"socialnämnden",
	"fältassistenterna",
	"den lokala samverkansgruppen",
	"förvaltningens ledningsgrupp",
	"stadens centrala VBE-samordnare",
	"avdelningen för stadsövergripande sociala frågor",
	"kompetenscenter barn och unga",
	"uppsökande enheten",
	"förstärkningsteamet",
	"socialjouren",
	"stadsledningskontoret",
}

var adverbials = []string{
	"i samråd med elevhälsan",
	"inom socialtjänstnätverket",
	"på stadsövergripande nivå",
	"under året",
	"utifrån den lokala lägesbilden",
	"i enlighet med stadens riktlinjer",
	"med stöd av Center mot våldsbejakande extremism (CVE)",
	"i stadsdelens verksamheter",
	"på individ-, grupp- och strukturell nivå",
	"i nära dialog med skolan",
	"inom ramen för den ordinarie verksamheten",
	"tillsammans med fritidsgårdarna",
	"vid varje tertialrapport",
	"i första hand genom befintliga strukturer",
	"utan onödigt dröjsmål",
	"i hela staden",
	"löpande under planperioden",
}

var connectives = []string{
	"Under året", "Därför", "Samtidigt", "Dessutom", "I dag", "På sikt", "Sedan förra revideringen",
	"Under planperioden", "Vid behov", "I första hand",
}

var reasons = []string{
	"eftersom miljöerna förändras snabbt",
	"eftersom radikalisering ofta sker i det tysta",
	"eftersom behovet av stöd har ökat",
	"eftersom samverkan är en förutsättning för ett effektivt förebyggande arbete",
	"eftersom våldsbejakande propaganda sprids via sociala medier",
	"eftersom flera aktörer delar ansvaret",
	"så att medarbetarna vet hur de ska agera vid oro",
	"så att insatserna når rätt målgrupp",
	"vilket stärker skyddsfaktorerna kring unga",
}

var wholes = []string{
	"stadens arbete mot våldsbejakande extremism",
	"det brottsförebyggande arbetet",
	"socialtjänstens uppdrag",
	"den lokala handlingsplanen",
	"arbetet för en trygg och säker stad",
	"det förebyggande arbetet på individnivå",
}

type figureSentence struct {
	text   string
	lo, hi int
}

var figures = []figureSentence{
	{"Under perioden rapporterades {n} händelser med koppling till våldsbejakande extremism.", 5, 60},
	{"Sammanlagt har {n} medarbetare gått stadens webbaserade grundutbildning om våldsbejakande extremism.", 50, 900},
	{"Av förvaltningens enhetschefer svarade {n} på lägesbildsenkäten.", 20, 80},
	{"Förvaltningen tog under året emot {n} orosanmälningar som rörde radikalisering.", 3, 40},
	{"Socialtjänsten har gett stöd till {n} återvändare och deras anhöriga.", 2, 25},
	{"Socialtjänstnätverket träffades {n} gånger under året.", 4, 12},
	{"Inför beslut om bidrag granskades {n} föreningar.", 10, 120},
	{"Sammanlagt deltog {n} personer i föreläsningarna för skolpersonal.", 40, 600},
}

var topics = []string{
	"Förebyggande arbete", "Lokal lägesbild", "Samverkan med polisen", "Stöd till återvändare",
	"Föreningsbidrag och lokaler", "Kompetenshöjande insatser", "Ansvar och samverkan", "Stöd till anhöriga",
	"Arbete med avhoppare", "Insatser för unga i riskzonen", "Informationsdelning och sekretess",
	"Uppföljning och utvärdering", "Riskbedömning", "Demokratifrämjande arbete", "Skyddsfaktorer",
	"Samordning och styrning", "Kommunikation och information", "Hantering av orosanmälningar",
	"Arbete mot näthat och propaganda", "Säkerhet för medarbetare", "Samverkan med civilsamhället",
	"Stöd till skolor och fritidsgårdar", "Krisstöd efter händelser", "Uthyrning av lokaler",
	"Utbildning för nyanställda", "Metodutveckling", "Ensamkommande barn och unga", "Socialt fältarbete",
	"Lägesbildsenkäten", "Nätverk och omvärldsbevakning",
}

var qualifiers = []string{
	"", " inom socialtjänsten", " i stadsdelsförvaltningen", " på stadsövergripande nivå", " för barn och unga",
	" för vuxna", " i skolan", " inom fritidsverksamheten", " på individnivå", " på gruppnivå",
	" under planperioden",
}

var subheadings = []string{
	"Bakgrund", "Nuläge", "Mål och inriktning", "Ansvar", "Samverkan", "Uppföljning", "Kartläggning",
	"Insatser på individnivå", "Insatser på gruppnivå", "Insatser på strukturell nivå", "Risk- och skyddsfaktorer",
	"Arbetssätt", "Erfarenheter från året", "Utvecklingsområden", "Rutiner", "Kompetens",
	"Information och kommunikation", "Lokala förutsättningar",
}

var subsubheadings = []string{
	"Exempel från verksamheten", "Särskilda behov", "Ansvarsfördelning", "Metoder", "Målgrupper", "Resultat",
}

var listLeads = []string{
	"Arbetet omfattar bland annat:",
	"I arbetet ingår följande:",
	"Särskilt prioriterade områden under året är:",
	"Förvaltningen lägger fokus på:",
}

var sources = []string{
	"Säkerhetspolisens årsbok 2019, s. 24–27.",
	"*Våldsbejakande extremism i Sverige – nuläge och tendenser* (Ds 2014:4), s. 17.",
	"Center mot våldsbejakande extremism, *Lägesbild över våldsbejakande extremism*.",
	"Stockholms stads riktlinjer mot våldsbejakande extremism, dnr 155-943/2015.",
	"Brottsförebyggande rådet, *Våldsbejakande extremism – en forskningsöversikt*, rapport 2009:15.",
	"Socialstyrelsen, *Barn och unga som riskerar att radikaliseras*, vägledning för socialtjänsten.",
}

var milieus = []string{
	"Vit makt-miljön", "Den våldsbejakande islamistiska miljön", "Den autonoma miljön",
	"Ensamagerande utan tydlig tillhörighet", "Miljöer med oklar ideologi",
}

var incidents = []string{
	"Skadegörelse och symboler", "Hot och kränkningar", "Försök till rekrytering", "Spridning av propaganda",
	"Våldsbejakande uttalanden",
}

var districts = []string{
	"Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm", "Östermalm",
	"Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta", "Älvsjö", "Hägersten-Liljeholmen", "Skärholmen",
}

var trainingNotes = []string{
	"Samtliga enhetschefer deltog", "Kompletteras under hösten", "Workshop genomförd",
	"Uppföljning planerad till T2", "Obligatorisk för nyanställda",
}

var captions = []string{
	"Aktiviteter för Socialnämnden", "Planerade aktiviteter", "Kompetenshöjande aktiviteter",
	"Aktiviteter under året", "Aktiviteter i samverkan",
}

var responsible = []string{
	"Den lokala VBE-samordnaren.",
	"Socialförvaltningens VBE-samordnare i samverkan med stadens centrala VBE-samordnare.",
	"Enhetscheferna inom socialtjänsten.",
	"Avdelningschefen för stadsövergripande sociala frågor.",
	"Fältassistenterna i samverkan med skolan.",
	"Stadsdelsförvaltningens säkerhetssamordnare.",
	"Förstärkningsteamet.",
	"Uppsökande enheten och socialjouren.",
	"Kompetenscenter barn och unga.",
	"Administrativa avdelningen.",
	"Förvaltningens HR-avdelning.",
	"Stadens centrala VBE-samordnare leder arbetet, och den lokala VBE-samordnaren deltar.",
	"Handläggarna i organisations- och föreningsutskottet.",
	"Enheten för mottagande av nyanlända.",
}

var timetables = []string{
	"Löpande under {år}.",
	"Under våren {år}.",
	"Under hösten {år}.",
	"Senast till tertialrapport 2 {år}.",
	"Klart till verksamhetsberättelsen {år}.",
	"Fyra gånger per år.",
	"En gång i månaden.",
	"Två gånger per termin.",
	"En gång i månaden för nätverket.\n\nNio tillfällen per år för externa samverkansmöten.",
}

var followUps = []string{
	"VP, T1, T2, VB", "VB, T1 och T2", "Löpande", "T1 och VB", "Uppföljning vid årsskiftet.", "T2 och VB",
	"Uppföljning, VB, T1 och T2.",
}

// statement is content/sidor/tillganglighet.md, the accessibility statement every site must have.
const statement = `---
titel: Tillgänglighetsredogörelse
---
Den här webbplatsen visar en påhittad handlingsplan mot våldsbejakande extremism. Programmet plangen har skrivit
den för att prova och mäta webbplatsen med en plan av verklig storlek. Här beskriver vi hur webbplatsen förhåller
sig till lagen (2018:1937) om tillgänglighet till digital offentlig service.

## Hur tillgänglig är webbplatsen?

Vårt mål är att webbplatsen ska uppfylla riktlinjerna för tillgänglighet WCAG 2.1 på nivå AA. Varje gång
webbplatsen ändras testas den automatiskt med verktyget axe-core i en riktig webbläsare.

## Kända brister

- Texten är genererad och har ingen egentlig mening.
- Det kan finnas brister som vi ännu inte har upptäckt.

## Rapportera brister i webbplatsens tillgänglighet

Om du upptäcker brister som inte är beskrivna här, kontakta Socialförvaltningens VBE-samordnare.
`
