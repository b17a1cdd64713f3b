package site

// The follow-up pages: /<year>/uppfoljning/ and its filtered views (internal/followup), each with its layout.

import (
	"errors"
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
