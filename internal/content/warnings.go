package content

// Warnings: what is allowed but probably not meant. They never stop a build; check and the preview show them so
// the coordinator can fix them before the plan is published.

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/problem"
)

// Warnings returns what the coordinator should look at in the plan, in a stable order.
func (p *Plan) Warnings() problem.List {
	var w problem.List
	for _, r := range p.Revisions {
		if s := r.Worry(); s != nil {
			formWithoutLink(s, &w)
		}
		for _, s := range r.Sections {
			sameOrder(s, &w)
		}
		contactWithoutWay(r, &w)
		decisionMissing(r, &w)
	}
	w.Sort()
	return w
}

var (
	formWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(blankett|formulär)`) })
	linkish  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\]\(|<https?://|https?://|\]\[`) })
)

// formWithoutLink warns when the routine for a worry mentions a form but links to none: an employee who is worried
// must find the form at once, not search the intranet for it.
func formWithoutLink(s *Section, w *problem.List) {
	first := 0
	line := s.Body.Pos.Line
	for para := range strings.SplitSeq(s.Body.Markdown, "\n\n") {
		text := strings.TrimSpace(para)
		if !strings.HasPrefix(text, "#") && formWord().MatchString(text) {
			if linkish().MatchString(text) {
				return
			}
			if first == 0 {
				first = line + countLeadingNewlines(para)
			}
		}
		line += strings.Count(para, "\n") + 2
	}
	if first > 0 {
		w.Add(s.Body.Pos.File, first, "rutinen vid oro nämner en blankett men länkar inte till den",
			"lägg till en länk där blanketten nämns, till exempel [blanketten för avidentifierad information](https://…)")
	}
}

func countLeadingNewlines(s string) int {
	return len(s) - len(strings.TrimLeft(s, "\n"))
}

// sameOrder warns when two rows of one table have the same ordning: their order on the page then depends on their
// ids, which nobody meant.
func sameOrder(s *Section, w *problem.List) {
	seen := map[int]*Activity{}
	for _, a := range s.Activities {
		if b := seen[a.Order]; b != nil {
			w.Add(a.Pos.File, a.Pos.Line, fmt.Sprintf("den här raden och %s har samma ordning, %d, i tabellen för %q", b.Pos.File, a.Order, s.Title),
				"ge varje rad en egen ordning, till exempel 10, 20, 30, så att tabellen får den ordning du vill")
			continue
		}
		seen[a.Order] = a
	}
}

// contactWithoutWay warns when the contact that the routine for a worry shows has neither a telephone number nor
// an e-mail address: a worried employee must be able to reach someone.
func contactWithoutWay(r *Revision, w *problem.List) {
	if r.Worry() == nil || r.Contact.Phone != "" || r.Contact.Email != "" {
		return
	}
	pos := r.ContactPos
	if pos.File == "" {
		pos = r.Pos
	}
	w.Add(pos.File, pos.Line, "kontakten vid oro har varken telefonnummer eller e-postadress",
		"lägg till telefon: eller epost: under kontakt, så att en medarbetare som känner oro kan nå någon direkt")
}

// decisionMissing warns when an adopted revision does not say when and where the board decided, or where its words
// come from: a reader of the intranet takes the plan for the board's decision, and must be able to find it.
func decisionMissing(r *Revision, w *problem.List) {
	pos := r.StatusPos
	if pos.File == "" {
		pos = r.Pos
	}
	if r.Wording == "" {
		w.Add(r.Pos.File, r.Pos.Line, "planen säger inte var texten kommer ifrån, så webbplatsen skriver att den kan skilja sig från den antagna lydelsen",
			"lägg till ordalydelse: ordagrann om texten är det antagna dokumentet ord för ord, eller ordalydelse: återgiven om den återger det")
	}
	if r.Status != Adopted {
		return
	}
	if r.Decided.IsZero() {
		w.Add(pos.File, pos.Line, "planen är antagen, men datumet för beslutet saknas",
			"lägg till beslutad: ÅÅÅÅ-MM-DD från nämndens protokoll")
	}
	if r.Paragraph == "" {
		w.Add(pos.File, pos.Line, "planen är antagen, men paragrafen i protokollet saknas",
			"lägg till paragraf: § N från nämndens protokoll")
	}
}
