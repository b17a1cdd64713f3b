// Package exports makes the site's files for other programs than a browser: each revision's activities as CSV (for
// Swedish Excel) and JSON, and the Atom feed of the plan's revisions.
package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/output"
)

// exportRow is one activity in the exports; its JSON form is documented in docs/exports.md and
// docs/aktiviteter.schema.json.
type exportRow struct {
	ID          string         `json:"id"`
	Avsnitt     string         `json:"avsnitt"`
	Tabell      string         `json:"tabell"`
	Ordning     int            `json:"ordning"`
	Aktivitet   string         `json:"aktivitet"`
	Ansvarig    string         `json:"ansvarig"`
	Tidplan     string         `json:"tidplan"`
	Uppfoljning string         `json:"uppföljning"`
	Status      *exportStatus  `json:"status"`   // the latest, or null
	Historik    []exportStatus `json:"historik"` // every report period with a status, in order
	Adress      string         `json:"adress"`   // the row on the plan page, relative to the site's root
}

type exportStatus struct {
	Period    string `json:"period"`
	Status    string `json:"status"`
	Kommentar string `json:"kommentar,omitempty"`
}

type exportFile struct {
	Schema      string      `json:"$schema"`
	Ar          int         `json:"år"`
	Titel       string      `json:"titel"`
	Namnd       string      `json:"nämnd"`
	Dnr         string      `json:"dnr"`
	Status      string      `json:"status"`
	Beslutad    *string     `json:"beslutad"`
	Aktiviteter []exportRow `json:"aktiviteter"`
}

// Activities makes a revision's aktiviteter.csv and aktiviteter.json. plain holds each activity's four cells as
// text (the Markdown rendered, then its text).
func Activities(rev *content.Revision, plain map[string][4]string) ([]output.File, error) {
	var rows []exportRow
	for _, s := range rev.Sections {
		for _, a := range s.Activities {
			cells := plain[a.ID]
			r := exportRow{ID: a.ID, Avsnitt: s.ID, Tabell: s.TableCaption, Ordning: a.Order, Aktivitet: cells[0],
				Ansvarig: cells[1], Tidplan: cells[2], Uppfoljning: cells[3], Historik: []exportStatus{},
				Adress: fmt.Sprintf("%d/#%s", rev.Year, a.ID)}
			for _, f := range a.FollowUp {
				r.Historik = append(r.Historik, exportStatus{Period: f.Period, Status: string(f.State), Kommentar: f.Comment})
			}
			if n := len(r.Historik); n > 0 {
				latest := r.Historik[n-1]
				r.Status = &latest
			}
			rows = append(rows, r)
		}
	}

	// CSV for Swedish Excel: UTF-8 with a byte-order mark, semicolons, CRLF.
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	// Every cell goes through spreadsheetCell, not only those known to hold free text: a caption or a comment is
	// as much the coordinator's text as an activity is.
	write := func(cells ...string) {
		for i, c := range cells {
			cells[i] = spreadsheetCell(c)
		}
		_ = w.Write(cells)
	}
	write("Id", "Tabell", "Aktivitet", "Ansvarig", "Tidplan", "Uppföljning", "Status", "Period", "Kommentar")
	for _, r := range rows {
		st, period, comment := "", "", ""
		if r.Status != nil {
			st, period, comment = r.Status.Status, r.Status.Period, r.Status.Kommentar
		}
		write(r.ID, r.Tabell, oneLine(r.Aktivitet), oneLine(r.Ansvarig), oneLine(r.Tidplan),
			oneLine(r.Uppfoljning), st, period, comment)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}

	ef := exportFile{Schema: "../assets/aktiviteter.schema.json", Ar: rev.Year, Titel: rev.Title, Namnd: rev.Board, Dnr: rev.Dnr,
		Status: string(rev.Status), Aktiviteter: rows}
	if rows == nil {
		ef.Aktiviteter = []exportRow{}
	}
	if !rev.Decided.IsZero() {
		d := rev.Decided.Format("2006-01-02")
		ef.Beslutad = &d
	}
	j, err := json.MarshalIndent(ef, "", "  ")
	if err != nil {
		return nil, err
	}
	return []output.File{
		{Path: fmt.Sprintf("%d/aktiviteter.csv", rev.Year), Data: buf.Bytes()},
		{Path: fmt.Sprintf("%d/aktiviteter.json", rev.Year), Data: append(j, '\n')},
	}, nil
}

// oneLine joins a cell's paragraphs with a space, as a spreadsheet cell reads best, and makes it a safe cell.
func oneLine(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return spreadsheetCell(s)
}

// singleSpaced reports whether strings.Fields and a join with spaces would give s back: its only white space is
// ' ', and no two of them are side by side or at either end. Most cells are one line already, and splitting them
// was a tenth of a revision's exports.
func singleSpaced(s string) bool {
	space := true // at the start, as after a space
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			space = false
			continue
		}
		switch c {
		case '\t', '\n', '\v', '\f', '\r':
			return false
		case ' ':
			if space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return !space || s == ""
}

// spreadsheetCell puts an apostrophe before a cell that a spreadsheet would take for a formula, so content stays
// data when the file is opened. A formula starts with =, +, - or @; a tab or a carriage return before one is
// skipped by some spreadsheets, so those start a formula too (as OWASP's advice on CSV injection says).
func spreadsheetCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
