package compare

// Meta: the revision's metadata compared field by field, with Swedish labels as on the title block.

import (
	"time"

	"github.com/stockholm/plansite/internal/content"
)

func meta(a, b *content.Revision) []Field {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	fields := []struct{ label, old, new string }{
		{"Titel", a.Title, b.Title},
		{"Nämnd", a.Board, b.Board},
		{"Förvaltning", a.Administration, b.Administration},
		{"Diarienummer", a.Dnr, b.Dnr},
		{"Status", string(a.Status), string(b.Status)},
		{"Beslutad av nämnden", date(a.Decided), date(b.Decided)},
		{"Godkänd av kommunstyrelsen", date(a.ApprovedKS), date(b.ApprovedKS)},
		{"Nästa revidering", a.NextRevision, b.NextRevision},
		{"Kontakt", a.Contact.Name, b.Contact.Name},
		{"Kontaktens enhet", a.Contact.Unit, b.Contact.Unit},
		{"E-post", a.Contact.Email, b.Contact.Email},
		{"Telefon", a.Contact.Phone, b.Contact.Phone},
		{"Intranät", a.Contact.Web, b.Contact.Web},
	}
	var out []Field
	for _, f := range fields {
		if f.old == f.new {
			continue
		}
		spans, _ := diffWords(split(f.old), split(f.new))
		out = append(out, Field{Label: f.label, Old: f.old, New: f.new, Spans: spans})
	}
	return out
}
