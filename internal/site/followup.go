package site

// The follow-up pages: /<year>/uppfoljning/ and its filtered views (internal/followup), each with its layout.

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/followup"
)

// followUpPages renders a revision's follow-up pages. They are independent pages: they are made side by side,
// which shortens the preview's wait.
func (b *builder) followUpPages(rev *content.Revision, plain map[string][4]string) ([]file, error) {
	pages := followup.Pages(rev, plain)
	files := make([]file, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	for i, pg := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data := b.newPage(pg.Path, pg.Title)
			data.FollowUp = pg.View()
			for k := range data.FollowUp.Rows {
				r := &data.FollowUp.Rows[k]
				for j := range r.Cells {
					if r.Cells[j].Status, errs[i] = b.statusLine(r.Cells[j].Status); errs[i] != nil {
						return
					}
				}
			}
			data.Revision = &revisionView{Revision: rev, StatusLabel: rev.Status.Label(), Notice: statusNotices[rev.Status]}
			files[i], errs[i] = b.execute("uppfoljning.html", pg.Path, data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return files, nil
}

// statusLine returns the status with its Line filled in by the layouts' "status-line" template. A status reads the
// same on every page that shows it, so each is written once per render: html/template's reflection, cell by cell,
// made the follow-up pages a tenth of a large plan's render. Equal statuses get the same value, so that the rows
// that show them are alike for the template function shared.
func (b *builder) statusLine(st *followup.Status) (*followup.Status, error) {
	if st == nil {
		return nil, nil
	}
	k := *st
	k.Line = ""
	if s, ok := b.statusLines.Load(k); ok {
		return s.(*followup.Status), nil
	}
	var buf strings.Builder
	if err := b.tpl.Execute(&buf, "revision.html", "status-line", st); err != nil {
		return nil, fmt.Errorf("layouts/partials.html: %w", err)
	}
	line := k
	line.Line = template.HTML(buf.String())
	s, _ := b.statusLines.LoadOrStore(k, &line)
	return s.(*followup.Status), nil
}
