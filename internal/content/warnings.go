package content

// Warnings: what is allowed but probably not meant. They never stop a build; check and the preview show them so
// the coordinator can fix them before the plan is published.

import (
	"fmt"
	"regexp"
	"strings"

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
	formWord = regexp.MustCompile(`(?i)\b(blankett|formulär)`)
	linkish  = regexp.MustCompile(`\]\(|<https?://|https?://|\]\[`)
)

// formWithoutLink warns when the routine for a worry mentions a form but links to none: an employee who is worried
// must find the form at once, not search the intranet for it.
func formWithoutLink(s *Section, w *problem.List) {
	first := 0
	line := s.Body.Pos.Line
	for para := range strings.SplitSeq(s.Body.Markdown, "\n\n") {
		text := strings.TrimSpace(para)
		if !strings.HasPrefix(text, "#") && formWord.MatchString(text) {
			if linkish.MatchString(text) {
				return
			}
			if first == 0 {
				first = line + countLeadingNewlines(para)
			}
		}
		line += strings.Count(para, "\n") + 2
	}
	if first > 0 {
		w.Add(s.Body.Pos.File, first, "the routine for a worry mentions a form but does not link to it",
			"add a link where the form is named, like [blanketten för avidentifierad information](https://…)")
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
			w.Add(a.Pos.File, a.Pos.Line, fmt.Sprintf("this row and %s have the same ordning, %d, in the table of %q", b.Pos.File, a.Order, s.Title),
				"give each row its own ordning, e.g. 10, 20, 30, so the table keeps the order you mean")
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
	w.Add(pos.File, pos.Line, "the contact for a worry has neither a telephone number nor an e-mail address",
		"add telefon: or epost: under kontakt, so a worried employee can reach someone at once")
}

// decisionMissing warns when an adopted revision does not say when and where the board decided, or where its words
// come from: a reader of the intranet takes the plan for the board's decision, and must be able to find it.
func decisionMissing(r *Revision, w *problem.List) {
	pos := r.StatusPos
	if pos.File == "" {
		pos = r.Pos
	}
	if r.Wording == "" {
		w.Add(r.Pos.File, r.Pos.Line, "the plan does not say where its words come from; the site says they may differ from the adopted wording",
			"add ordalydelse: ordagrann if the text is the adopted document word for word, or ordalydelse: återgiven if it restates it")
	}
	if r.Status != Adopted {
		return
	}
	if r.Decided.IsZero() {
		w.Add(pos.File, pos.Line, "the plan is adopted, but the date of the decision is missing",
			"add beslutad: YYYY-MM-DD from the board's minutes")
	}
	if r.Paragraph == "" {
		w.Add(pos.File, pos.Line, "the plan is adopted, but the paragraph of the minutes is missing",
			"add paragraf: § N from the board's minutes")
	}
}
