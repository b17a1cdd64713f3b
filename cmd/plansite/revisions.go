package main

// The yearly revision commands: diff compares two revisions for a terminal or a memo, new starts next year's.

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/stockholm/plansite/internal/command"
	"github.com/stockholm/plansite/internal/compare"
	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/history"
	"github.com/stockholm/plansite/internal/markdown"
)

// positional parses flags that may come before, between or after the positional arguments, and returns those.
func positional(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, synopsis string, n int) ([]string, int, bool) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if f := fs.Lookup(name); f != nil && !strings.Contains(a, "=") {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
		}
	}
	if code, stop := command.Parse(fs, flags, stdout, stderr, synopsis); stop {
		return nil, code, true
	}
	if len(pos) != n {
		fmt.Fprintf(stderr, "plansite: %s ska ha %d årtal, men fick %d\n", fs.Name(), n, len(pos))
		fs.Usage()
		return nil, 2, true
	}
	return pos, 0, false
}

func year(s string, stderr io.Writer) (int, bool) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		fmt.Fprintf(stderr, "plansite: %q är inte ett årtal (skriv till exempel 2021)\n", s)
		return 0, false
	}
	return y, true
}

// textCommand parses the flags of a command that reads the content and prints text or Markdown (diff, log), with
// args positional arguments named in synopsis. It returns the content folder, the format and the arguments, or an
// exit status when the command should stop.
func textCommand(name, synopsis string, n int, args []string, stdout, stderr io.Writer) (dir string, f compare.Format, pos []string, code int, stop bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	d := fs.String("content", "content", "the content `folder`")
	var settings string
	command.ConfigFlag(fs, &settings)
	format := fs.String("format", "text", "`text` for a terminal, or markdown for a memo")
	if pos, code, stop = positional(fs, args, stdout, stderr, synopsis, n); stop {
		return "", "", nil, code, true
	}
	if err := command.ApplySettings(fs, settings, map[string]*string{"content": d}); err != nil {
		return "", "", nil, command.ReportSettings(err, stderr), true
	}
	if *format != string(compare.Text) && *format != string(compare.Markdown) {
		fmt.Fprintf(stderr, "plansite: --format %q: använd text eller markdown\n", *format)
		return "", "", nil, 2, true
	}
	return *d, compare.Format(*format), pos, 0, false
}

func cmdDiff(args []string, stdout, stderr io.Writer) int {
	const synopsis = "plansite diff [--content DIR] [--config FILE] [--format text|markdown] FROM TO"
	dir, format, pos, code, stop := textCommand("diff", synopsis, 2, args, stdout, stderr)
	if stop {
		return code
	}
	from, ok1 := year(pos[0], stderr)
	to, ok2 := year(pos[1], stderr)
	if !ok1 || !ok2 {
		return 2
	}
	plan, err := content.Load(dir)
	if err != nil {
		return reportError(err, "", stderr)
	}
	find := func(y int) *content.Revision {
		for _, r := range plan.Revisions {
			if r.Year == y {
				return r
			}
		}
		return nil
	}
	a, b := find(from), find(to)
	if a == nil || b == nil {
		var years []string
		for _, r := range plan.Revisions {
			years = append(years, strconv.Itoa(r.Year))
		}
		missing := from
		if a != nil {
			missing = to
		}
		fmt.Fprintf(stderr, "plansite: det finns ingen revidering för %d i %s (det finns: %s)\n", missing, dir, strings.Join(years, ", "))
		return 2
	}
	conv := markdown.New()
	res := compare.Compare(compare.PrepareRevision(a, conv), compare.PrepareRevision(b, conv))
	if err := compare.Write(stdout, res, format); err != nil {
		fmt.Fprintf(stderr, "plansite: %v\n", err)
		return 1
	}
	return 0
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	dir := fs.String("content", "content", "the content `folder`")
	var settings string
	command.ConfigFlag(fs, &settings)
	pos, code, stop := positional(fs, args, stdout, stderr, "plansite new [--content DIR] [--config FILE] YEAR", 1)
	if stop {
		return code
	}
	if err := command.ApplySettings(fs, settings, map[string]*string{"content": dir}); err != nil {
		return command.ReportSettings(err, stderr)
	}
	y, ok := year(pos[0], stderr)
	if !ok {
		return 2
	}
	res, err := content.NewRevision(*dir, y)
	if err != nil {
		fmt.Fprintf(stderr, "plansite: %v\n", err)
		return 1
	}
	from := strings.TrimPrefix(res.From, *dir+"/")
	files := "filer"
	if res.Files == 1 {
		files = "fil"
	}
	activities := "aktiviteter"
	if res.Cleared == 1 {
		activities = "aktivitet"
	}
	fmt.Fprintf(stdout, "Skapade %s som ett utkast, en kopia av %s: %d %s kopierades.\n", res.Dir, res.From, res.Files, files)
	fmt.Fprintf(stdout, "- status är utkast, och datumen för besluten är borttagna.\n")
	fmt.Fprintf(stdout, "- Uppföljningen av %d %s är borttagen, eftersom ett nytt år inte har någon rapport än.\n", res.Cleared, activities)
	fmt.Fprintf(stdout, "- Indikatorerna behåller sin historik. Lägg till värdena för %d när de är mätta.\n", y)
	fmt.Fprintf(stdout, "Nästa steg:\n")
	fmt.Fprintf(stdout, "  1. Uppdatera dnr och nästa_revision i %s.\n", filepath.Join(res.Dir, "plan.md"))
	fmt.Fprintf(stdout, "  2. Revidera avsnitten och aktiviteterna. Se utkastet med: plansite serve\n")
	fmt.Fprintf(stdout, "  3. Granska ändringarna med: plansite diff %s %d\n", from, y)
	fmt.Fprintf(stdout, "  4. När nämnden har antagit planen: skriv status: antagen och uppgifterna om beslutet (se docs/arsrevision.md).\n")
	fmt.Fprintf(stdout, "Till dess publiceras utkastet bara om du bygger med --drafts.\n")
	return 0
}

func cmdLog(args []string, stdout, stderr io.Writer) int {
	const synopsis = "plansite log [--content DIR] [--config FILE] [--format text|markdown] ID"
	dir, format, pos, code, stop := textCommand("log", synopsis, 1, args, stdout, stderr)
	if stop {
		return code
	}
	plan, err := content.Load(dir)
	if err != nil {
		return reportError(err, "", stderr)
	}
	byID, order := history.OfPlan(plan)
	h := byID[pos[0]]
	if h == nil {
		hint := ""
		if s := closest(pos[0], order); s != "" {
			hint = fmt.Sprintf(" (menade du %q?)", s)
		}
		fmt.Fprintf(stderr, "plansite: inget avsnitt och ingen aktivitet har id %q i %s%s\n", pos[0], dir, hint)
		return 2
	}
	if err := history.Write(stdout, h, format); err != nil {
		fmt.Fprintf(stderr, "plansite: %v\n", err)
		return 1
	}
	return 0
}

// closest is the id most like id, by shared prefix, or "" when none is close.
func closest(id string, ids []string) string {
	best, score := "", 3
	for _, c := range ids {
		n := 0
		for n < len(c) && n < len(id) && c[n] == id[n] {
			n++
		}
		if n > score || strings.Contains(c, id) && len(id) > score {
			best, score = c, max(n, len(id))
		}
	}
	return best
}
