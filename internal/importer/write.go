package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/importer/document"
)

// files are the files of an import, by path relative to the content folder.
type files map[string][]byte

// Stand-ins for what the document does not say. They are shown on the draft, and each one is reported, so the
// coordinator fills it in before the revision is sent out.
const (
	fillTitle   = "Fyll i planens titel"
	fillBoard   = "Fyll i nämnden"
	fillDnr     = "Fyll i dnr"
	fillNext    = "Fyll i när planen ska revideras nästa gång"
	fillContact = "Fyll i VBE-samordnarens namn"
)

var nextRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)nästa revidering (?:sker|görs|blir|ska ske)\s+([^.\n]{3,120})\.`)
})

// render writes the revision's files in the content format.
func render(d *document.Document, rev *revision, prev *earlier) files {
	out := files{}
	year := strconv.Itoa(rev.year)
	need := func(val *string, fill, key, why string) {
		if *val == "" {
			*val = fill
			rev.todo = append(rev.todo, document.Note{At: document.Pos{}, Msg: fmt.Sprintf("fyll i %s i %s/plan.md: %s", key, year, why)})
		}
	}
	if prev != nil {
		rev.adm, rev.contact = prev.adm, prev.contact
		if rev.next == "" && prev.next != "" {
			rev.next = prev.next
			rev.todo = append(rev.todo, document.Note{At: document.Pos{}, Msg: fmt.Sprintf("nästa_revision i %s/plan.md kommer från %d: uppdatera den", year, prev.year)})
		}
	}
	if rev.next == "" {
		for _, s := range rev.sections {
			if m := nextRe().FindStringSubmatch(strings.Join(s.body, " ")); m != nil {
				rev.next = strings.Join(strings.Fields(document.PlainMarkdown(m[1])), " ")
				break
			}
		}
	}
	need(&rev.title, fillTitle, "titel", "dokumentet har ingen titelsida")
	need(&rev.board, fillBoard, "nämnd", "titeln nämner ingen nämnd")
	need(&rev.dnr, fillDnr, "dnr", "titelsidan har inget diarienummer")
	need(&rev.next, fillNext, "nästa_revision", "dokumentet säger inte när planen revideras nästa gång")
	need(&rev.contact.name, fillContact, "kontakt", "dokumentet säger inte vem som är VBE-samordnare")

	var b strings.Builder
	b.WriteString("---\n")
	yamlField(&b, "", "titel", rev.title)
	yamlField(&b, "", "nämnd", rev.board)
	if rev.adm != "" {
		yamlField(&b, "", "förvaltning", rev.adm)
	}
	yamlField(&b, "", "år", year)
	yamlField(&b, "", "dnr", rev.dnr)
	yamlField(&b, "", "status", "utkast")
	yamlField(&b, "", "ordalydelse", "ordagrann")
	yamlField(&b, "", "nästa_revision", rev.next)
	b.WriteString("kontakt:\n")
	yamlField(&b, "  ", "namn", rev.contact.name)
	for _, kv := range [][2]string{{"enhet", rev.contact.unit}, {"epost", rev.contact.email}, {"telefon", rev.contact.phone}, {"webb", rev.contact.web}} {
		if kv[1] != "" {
			yamlField(&b, "  ", kv[0], kv[1])
		}
	}
	b.WriteString("---\n")
	if len(rev.preface) > 0 {
		b.WriteString(strings.Join(rev.preface, "\n\n") + "\n")
	}
	out[year+"/plan.md"] = []byte(b.String())

	for i, s := range rev.sections {
		b.Reset()
		b.WriteString("---\n")
		yamlField(&b, "", "id", s.id)
		yamlField(&b, "", "titel", s.title)
		s.order = (i + 1) * 10
		yamlField(&b, "", "ordning", strconv.Itoa(s.order))
		if s.caption != "" {
			yamlField(&b, "", "tabell", s.caption)
		}
		if s.worry {
			b.WriteString("vid_oro: true\n")
		}
		b.WriteString("---\n")
		if len(s.body) > 0 {
			b.WriteString(strings.Join(s.body, "\n\n") + "\n")
		}
		out[fmt.Sprintf("%s/avsnitt/%02d-%s.md", year, s.order, s.id)] = []byte(b.String())
		for j, a := range s.activities {
			b.Reset()
			b.WriteString("---\n")
			yamlField(&b, "", "id", a.id)
			yamlField(&b, "", "avsnitt", s.id)
			a.order = (j + 1) * 10
			yamlField(&b, "", "ordning", strconv.Itoa(a.order))
			for k, key := range activityCols {
				yamlField(&b, "", key, a.cols[k])
			}
			b.WriteString("---\n")
			out[fmt.Sprintf("%s/aktiviteter/%d%02d-%s.md", year, i+1, j+1, a.id)] = []byte(b.String())
		}
	}
	for _, f := range rev.figures {
		data := f.Data
		if data == nil {
			data = []byte(standIn)
			rev.todo = append(rev.todo, document.Note{At: f.At, Msg: fmt.Sprintf("här fanns en bild som exporten saknar; byt %s/figurer/%s mot bilden ur dokumentet", year, f.Name)})
		}
		if f.Alt == "" {
			rev.todo = append(rev.todo, document.Note{At: f.At, Msg: fmt.Sprintf("bilden figurer/%s har inget textalternativ i dokumentet; skriv vad den visar mellan hakparenteserna i ![…](figurer/%s)", f.Name, f.Name)})
		}
		switch strings.ToLower(filepath.Ext(f.Name)) {
		case ".emf", ".wmf", ".bmp", ".tif", ".tiff", ".bin":
			rev.todo = append(rev.todo, document.Note{At: f.At, Msg: fmt.Sprintf("bilden figurer/%s är i ett format som webbläsare inte visar; spara den som PNG eller SVG och ändra länken", f.Name)})
		}
		out[year+"/figurer/"+f.Name] = data
	}
	return out
}

// standIn is the picture written where a text export lost one: it says so on the draft itself.
const standIn = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120">
<rect x="1" y="1" width="478" height="118" fill="#f3f3f3" stroke="#767676" stroke-dasharray="6 4"/>
<text x="240" y="66" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#333">Bilden saknas i exporten: lägg in bilden ur dokumentet</text>
</svg>
`

// yamlField writes "key: value" so that YAML reads back exactly value: plain where that is safe, as a literal block
// when it has several lines, otherwise in double quotes.
func yamlField(b *strings.Builder, indent, key, val string) {
	b.WriteString(indent + key + ":")
	switch {
	case strings.Contains(val, "\n") && blockSafe(val):
		ind := indent + "  "
		b.WriteString(" |")
		if strings.HasPrefix(val, " ") {
			b.WriteString("2") // the first line's spaces are text, not indentation
		}
		b.WriteString("\n")
		for _, l := range strings.Split(strings.TrimRight(val, "\n"), "\n") {
			if strings.TrimSpace(l) == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString(ind + l + "\n")
		}
	case plainSafe(val):
		b.WriteString(" " + val + "\n")
	default:
		b.WriteString(" " + quote(val) + "\n")
	}
}

// blockSafe reports whether a literal block keeps the text as it is: YAML allows no control characters in it, and
// reads some Unicode line separators as line ends, and a line of only spaces would lose them.
func blockSafe(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l != "" && strings.TrimSpace(l) == "" || strings.HasPrefix(l, "\t") {
			return false
		}
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError) {
			return false
		}
	}
	return true
}

func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == '\u0085' {
			return false
		}
	}
	return true
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == '\u0085':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// accessibility is the accessibility statement an empty content folder gets: the site is not built without one.
func accessibility(board string) []byte {
	if board == "" || board == fillBoard {
		board = "nämndens"
	} else {
		board += "s"
	}
	return []byte(`---
titel: Tillgänglighetsredogörelse
---
Den här webbplatsen visar ` + board + ` handlingsplan mot våldsbejakande extremism. Vi vill att så många som
möjligt ska kunna använda webbplatsen. Här beskriver vi hur webbplatsen förhåller sig till lagen (2018:1937) om
tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till
oss.

## Hur tillgänglig är webbplatsen?

Vårt mål är att webbplatsen ska uppfylla riktlinjerna för tillgänglighet WCAG 2.1 på nivå AA. Automatiska tester
hittar inte alla slags brister, och vi kan därför inte lova att webbplatsen uppfyller alla krav.

## Kända brister

- Innehållet är överfört från handlingsplanens Word-dokument. Det kan finnas ställen där strukturen inte blivit
  helt rätt.
- Det kan finnas brister som vi ännu inte har upptäckt.

## Rapportera brister i webbplatsens tillgänglighet

Om du upptäcker brister som inte är beskrivna här, eller behöver innehållet i en annan form, kontakta
förvaltningens VBE-samordnare.

## Tillsyn

Myndigheten för digital förvaltning (DIGG) ansvarar för tillsynen över lagen (2018:1937) om tillgänglighet till
digital offentlig service. Om du inte är nöjd med hur vi har hanterat dina synpunkter kan du kontakta DIGG och påtala
det: [www.digg.se](https://www.digg.se/).

## Hur vi har testat webbplatsen

Redogörelsen bygger på en självskattning, det vill säga en bedömning som vi själva har gjort av webbplatsen. Den ses
över vid varje årlig revidering av handlingsplanen.
`)
}

// write puts the files in place all at once: the revision is written into a hidden folder inside the content folder
// (the loader skips names starting with a dot) and renamed into place, so a failed import leaves nothing behind and
// a reader never sees half a revision. It never replaces anything that exists. It returns the paths it created
// besides the revision.
func write(contentDir string, year int, out files, page []byte) (created []string, err error) {
	dst := filepath.Join(contentDir, strconv.Itoa(year))
	madeContent := false
	if _, err := os.Stat(contentDir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(contentDir, 0o755); err != nil {
			return nil, fail(contentDir, "mappen kan inte skapas: "+err.Error(), "")
		}
		madeContent = true
	}
	defer func() {
		if err != nil && madeContent {
			os.RemoveAll(contentDir)
		}
	}()
	tmp, err := os.MkdirTemp(contentDir, ".import-"+strconv.Itoa(year)+"-")
	if err != nil {
		return nil, fail(contentDir, "kan inte skriva i mappen: "+err.Error(), "kontrollera mappens behörigheter")
	}
	defer os.RemoveAll(tmp) // after a successful rename there is nothing left to remove
	prefix := strconv.Itoa(year) + "/"
	paths := make([]string, 0, len(out))
	for p := range out {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		rel := strings.TrimPrefix(p, prefix)
		target := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return nil, fail(contentDir, "kan inte skriva: "+err.Error(), "")
		}
		if err := os.WriteFile(target, out[p], 0o644); err != nil {
			return nil, fail(contentDir, "kan inte skriva: "+err.Error(), "")
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fail(contentDir, "kan inte skriva: "+err.Error(), "")
	}
	var pageTmp, pagePath string
	if page != nil {
		pages := filepath.Join(contentDir, "sidor")
		if err := os.MkdirAll(pages, 0o755); err != nil {
			return nil, fail(pages, "mappen kan inte skapas: "+err.Error(), "")
		}
		pagePath = filepath.Join(pages, "tillganglighet.md")
		pageTmp = filepath.Join(tmp, ".tillganglighet.md")
		if err := os.WriteFile(pageTmp, page, 0o644); err != nil {
			return nil, fail(contentDir, "kan inte skriva: "+err.Error(), "")
		}
	}
	if _, err := os.Lstat(dst); err == nil {
		return nil, existsError(dst)
	}
	// rename never replaces a folder that has anything in it, so a folder made meanwhile is not lost either.
	if err := os.Rename(tmp, dst); err != nil {
		return nil, fail(dst, "revisionen kan inte flyttas på plats: "+err.Error(), "")
	}
	if page != nil {
		staged := filepath.Join(dst, ".tillganglighet.md")
		_, statErr := os.Lstat(pagePath)
		if statErr == nil {
			os.Remove(staged) // someone wrote one meanwhile: theirs stays
			return created, nil
		}
		if err := os.Rename(staged, pagePath); err != nil {
			os.RemoveAll(dst)
			return nil, fail(pagePath, "kan inte skrivas: "+err.Error(), "")
		}
		created = append(created, pagePath)
	}
	return created, nil
}

func existsError(dst string) error {
	return fail(dst, "mappen finns redan; en revision skrivs aldrig över",
		"välj ett annat år, eller ta bort mappen (den finns kvar i git) om du vill importera på nytt")
}
