// Package importer turns the adopted plan's Word document (.docx), or a text export of it, into a draft revision
// in the content format, word for word, and reports everything it left out or could not place.
package importer

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/stockholm/plansite/internal/importer/document"
	"github.com/stockholm/plansite/internal/importer/docx"
	"github.com/stockholm/plansite/internal/importer/textexport"
)

// Options say what to import and where.
type Options struct {
	Content string // the content folder; created when it does not exist
	Year    int    // the revision's year: Content/Year must not exist
	Onto    int    // when not 0, the earlier revision whose ids the import keeps where it recognises a part
}

// Result says what an import did. Its lines are in Swedish, for the coordinator.
type Result struct {
	File string // the imported file
	Dir  string // the revision's folder

	Headings       int // sections and their subheadings
	Sections       int
	Activities     int
	ActivityTables int
	OtherTables    int
	Footnotes      int
	Figures        int

	Dropped []string // left out on purpose: table of contents, page breaks, headers and footers …
	Onto    []string // how the parts matched the earlier revision
	Created []string // what the site needs besides the revision, created with defaults
	Todo    []string // what the coordinator must fill in or check
	Lost    []string // parts that could not be placed, each with its position
}

// Import reads file and writes the revision Options.Content/Options.Year as a draft whose wording is the
// document's own. On any error it writes nothing.
func Import(file string, opt Options) (*Result, error) {
	if opt.Year < 1000 || opt.Year > 9999 {
		return nil, fail(file, fmt.Sprintf("--year %d är inget årtal", opt.Year), "ange planens år, till exempel --year 2021")
	}
	dst := filepath.Join(opt.Content, strconv.Itoa(opt.Year))
	if _, err := os.Lstat(dst); err == nil {
		return nil, existsError(dst)
	}
	data, err := readInput(file)
	if err != nil {
		return nil, err
	}
	var prev *earlier
	if opt.Onto != 0 {
		if prev, err = loadEarlier(opt.Content, opt.Onto); err != nil {
			return nil, err
		}
	}
	media := func(src string) ([]byte, error) {
		return readMedia(filepath.Join(filepath.Dir(file), filepath.FromSlash(src)))
	}
	res, out, err := convert(file, data, opt.Year, prev, media)
	if err != nil {
		return nil, err
	}
	var page []byte
	if _, err := os.Stat(filepath.Join(opt.Content, "sidor", "tillganglighet.md")); errors.Is(err, os.ErrNotExist) {
		page = accessibility(res.board)
	}
	created, err := write(opt.Content, opt.Year, out, page)
	if err != nil {
		return nil, err
	}
	r := res.result
	r.Dir = dst
	for _, c := range created {
		r.Created = append(r.Created, c+": tillgänglighetsredogörelsen fanns inte, så den skapades med en standardtext; läs igenom den och fyll i hur man når er")
	}
	return r, nil
}

// readMedia reads a picture a Markdown export links to, with the same care as the export itself.
func readMedia(p string) ([]byte, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > maxPicture {
		return nil, errors.New("not a picture")
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxPicture))
}

type converted struct {
	result *Result
	board  string
}

// convert does the whole import in memory: read, shape, give ids and write the files' bytes. It is what the
// fuzz tests and the benchmark run.
func convert(file string, data []byte, year int, prev *earlier, media func(string) ([]byte, error)) (*converted, files, error) {
	kind, data, err := sniff(file, data)
	if err != nil {
		return nil, nil, err
	}
	var d *document.Document
	if kind == formatDocx {
		d, err = docx.Read(file, data)
	} else {
		d, err = textexport.Read(file, data, media)
	}
	if err != nil {
		return nil, nil, err
	}
	rev, err := shape(d, year)
	if err != nil {
		return nil, nil, err
	}
	onto := assignIDs(d, rev, prev)
	out := render(d, rev, prev)
	r := &Result{File: file, Headings: rev.headings, Sections: len(rev.sections), ActivityTables: rev.actTables,
		OtherTables: rev.otherTables, Footnotes: rev.footnotes, Figures: len(rev.figures), Onto: onto}
	for _, s := range rev.sections {
		r.Activities += len(s.activities)
	}
	// Positions first, in the document's order; what concerns the whole document last.
	place := func(n document.Note) int {
		if n.At == (document.Pos{}) {
			return math.MaxInt
		}
		return n.At.Line + n.At.Para
	}
	slices.SortStableFunc(d.Dropped, func(a, b document.Note) int { return cmp.Compare(place(a), place(b)) })
	for _, n := range d.Dropped {
		r.Dropped = append(r.Dropped, n.At.Prefix(file)+n.Msg)
	}
	for _, n := range rev.todo {
		if n.At == (document.Pos{}) {
			r.Todo = append(r.Todo, n.Msg)
		} else {
			r.Todo = append(r.Todo, n.At.Prefix(file)+n.Msg)
		}
	}
	for _, n := range d.Lost {
		r.Lost = append(r.Lost, n.At.Prefix(file)+n.Msg)
	}
	return &converted{result: r, board: rev.board}, out, nil
}

// Summary is the last line of the report, e.g. "18 avsnitt, 24 aktiviteter i 3 tabeller, 3 fotnoter, 1 figur;
// 0 delar kunde inte placeras". Avsnitt counts every heading: the sections and their subheadings.
func (r *Result) Summary() string {
	n := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return strconv.Itoa(k) + " " + many
	}
	s := fmt.Sprintf("%s, %s i %s", n(r.Headings, "avsnitt", "avsnitt"), n(r.Activities, "aktivitet", "aktiviteter"),
		n(r.ActivityTables, "tabell", "tabeller"))
	if r.OtherTables > 0 {
		s += ", " + n(r.OtherTables, "annan tabell", "andra tabeller")
	}
	s += fmt.Sprintf(", %s, %s; %s", n(r.Footnotes, "fotnot", "fotnoter"), n(r.Figures, "figur", "figurer"),
		n(len(r.Lost), "del kunde inte placeras", "delar kunde inte placeras"))
	return s
}

// Report writes the whole report: what was written, what was left out and why, what to do, and the summary.
func (r *Result) Report(w io.Writer) {
	fmt.Fprintf(w, "Importerade %s till %s som utkast med dokumentets egen ordalydelse (%d avsnittsfiler).\n", r.File, r.Dir, r.Sections)
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintln(w, title)
		for _, l := range lines {
			fmt.Fprintln(w, "  "+l)
		}
	}
	section("Utelämnat med avsikt:", r.Dropped)
	section("Jämfört med den tidigare revisionen:", r.Onto)
	section("Skapat:", r.Created)
	section("Att göra:", r.Todo)
	section("Kunde inte placeras:", r.Lost)
	fmt.Fprintln(w, r.Summary())
}

// Lines returns the report as lines, for tests.
func (r *Result) Lines() []string {
	var b strings.Builder
	r.Report(&b)
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}
