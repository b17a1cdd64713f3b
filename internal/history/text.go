package history

// Text: a history written for a terminal or as Markdown, as `plansite log` prints it. The marks are those of
// `plansite diff`: {+tillagt+} and [-borttaget-], or **tillagt** and ~~borttaget~~.

import (
	"fmt"
	"io"
	"strings"

	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
)

// Label is how an entry's kind reads, for a section or for an activity.
func (e Entry) Label(activity bool) string {
	switch e.Kind {
	case Added:
		if activity {
			return "Ny aktivitet"
		}
		return "Nytt avsnitt"
	case Changed:
		return "Ändrad"
	case Moved:
		switch {
		case e.From != nil && e.To != nil && e.TextChanged:
			return fmt.Sprintf("Flyttad från tabellen ”%s” till ”%s”, och ändrad", e.From.TableCaption, e.To.TableCaption)
		case e.From != nil && e.To != nil:
			return fmt.Sprintf("Flyttad från tabellen ”%s” till ”%s”", e.From.TableCaption, e.To.TableCaption)
		}
		return "Flyttad till en annan plats, oförändrad"
	case Removed:
		return "Borttagen"
	case Restored:
		return "Tillbaka i planen"
	case Absent:
		return "Inte med i planen"
	}
	return "Oförändrad"
}

// Write writes the history in the format.
func Write(w io.Writer, h *History, f compare.Format) error {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	heading := func(level int, s string) {
		if f == compare.Markdown {
			line("%s %s\n", strings.Repeat("#", level), s)
			return
		}
		rule := "="
		if level > 1 {
			rule = "-"
		}
		line("%s\n%s\n", s, strings.Repeat(rule, len([]rune(s))))
	}
	kind := "avsnittet"
	if h.Activity {
		kind = "aktiviteten"
	}
	heading(1, fmt.Sprintf("Historik för %s %s", kind, h.ID))
	line("%s\n", firstLine(h.Title))
	if f == compare.Markdown {
		line("Tillagd text är **fetstilt**, borttagen text är ~~genomstruken~~.\n")
	} else {
		line("Tillagd text står inom {+ +}, borttagen text inom [- -].\n")
	}
	for _, e := range h.Entries {
		heading(2, fmt.Sprintf("%d: %s", e.Rev.Year, e.Label(h.Activity)))
		switch {
		case e.Section != nil && (e.Kind == Changed || e.TextChanged):
			if e.Section.Renamed {
				line("Rubrik: %s\n", compare.Marked(e.Section.Title, f))
			}
			if err := compare.WriteBlocks(&b, e.Section.Blocks, f); err != nil {
				return err
			}
		case e.Row != nil && e.Kind != Removed && e.Kind != Unchanged:
			if err := compare.WriteRow(&b, e.Row, f); err != nil {
				return err
			}
		}
	}
	if h.Periods() {
		heading(2, "Uppföljning")
		line("| År | %s |", strings.Join(content.Periods, " | "))
		line("|---|%s", strings.Repeat("---|", len(content.Periods)))
		for _, e := range h.Entries {
			if e.Activity == nil {
				continue
			}
			cells := FollowUpRow(e.Activity)
			line("| %d | %s |", e.Rev.Year, strings.Join(cells, " | "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FollowUpRow is an activity's status in each report period of its year, "–" where none was reported.
func FollowUpRow(a *content.Activity) []string {
	out := make([]string, len(content.Periods))
	for i, p := range content.Periods {
		out[i] = "–"
		for _, f := range a.FollowUp {
			if f.Period == p {
				out[i] = string(f.State)
			}
		}
	}
	return out
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}
