package frontmatter

// Checks of what a text or a value holds, beyond its YAML type: characters that must never be published,
// plausible years and dates, finite numbers, the contact's web address, e-mail address and phone number, and the
// YAML that parses without error yet does not say what its writer meant.

import (
	"bytes"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/stockholm/plansite/internal/problem"
)

// The years a plan, its folder and its dates may have. A year outside is a typing error (0000, 2202 for 2022)
// rather than a plan: the city's plans against violent extremism are from this century, and the bounds leave
// room for an older document imported for the record and for any revision this site will see. They are fixed,
// not counted from today, so the same content builds the same in every year.
const (
	MinYear = 1900
	MaxYear = 2100
)

// PlausibleYear reports whether y lies from MinYear to MaxYear.
func PlausibleYear(y int) bool { return y >= MinYear && y <= MaxYear }

// forbidden reports whether r may not be in content. These characters are invisible in most editors, yet they
// reach the pages, the feed and the exports: HTML parsers treat control characters and noncharacters as errors,
// XML (the Atom feed) does not allow C0 controls at all, and YAML reads NEL, LINE SEPARATOR and PARAGRAPH
// SEPARATOR as line breaks, so every line number after one would be wrong. Tab, newline and carriage return
// are ordinary text.
func forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f: // C0 controls and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls, among them NEL
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe: // noncharacters
		return true
	}
	return false
}

var c0Names = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
	"SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// runeName names a forbidden character as a reader can look it up: "U+0000 (NUL, a control character)".
func runeName(r rune) string {
	var what string
	switch {
	case r < 0x20:
		what = c0Names[r] + ", ett styrtecken"
	case r == 0x7f:
		what = "DEL, ett styrtecken"
	case r == 0x85:
		what = "NEL, ett styrtecken"
	case r >= 0x80 && r <= 0x9f:
		what = "ett styrtecken"
	case r == 0x2028:
		what = "LINE SEPARATOR"
	case r == 0x2029:
		what = "PARAGRAPH SEPARATOR"
	default:
		what = "ett tecken som inte får användas i text"
	}
	return fmt.Sprintf("U+%04X (%s)", r, what)
}

// lineBreakLike reports whether r is what a word processor writes for a line break; the fix is a real one.
func lineBreakLike(r rune) bool {
	return r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// maxCharProblems is how many lines with forbidden characters a file reports one by one; a file full of them is
// not text at all, and a thousand messages would hide the one that says so.
const maxCharProblems = 10

// utf16 reports whether src looks like text saved as UTF-16 without a byte-order mark: valid UTF-8 in which
// every other byte is NUL. Then it is one problem, not a NUL on every line.
func utf16(src []byte) bool {
	n := bytes.Count(src, []byte{0})
	return n > 0 && n >= len(src)/4
}

// invisibleChars reports each line of src (normalized) that holds a forbidden character, at its first one, and
// returns how many lines it found.
func invisibleChars(file string, src []byte, probs *problem.List) int {
	found := 0
	for i, line := range strings.Split(string(src), "\n") {
		col := 0
		for _, r := range line {
			col++
			if !forbidden(r) {
				continue
			}
			found++
			if found <= maxCharProblems {
				hint := fmt.Sprintf("ta bort det. Textredigerare visar det sällan, så skriv om texten runt kolumn %d", col)
				if lineBreakLike(r) {
					hint = "byt det mot en vanlig radbrytning. Ordbehandlare skriver det för en manuell radbrytning"
				}
				probs.Add(file, i+1, fmt.Sprintf("osynligt tecken %s i kolumn %d", runeName(r), col), hint)
			} else if found == maxCharProblems+1 {
				probs.Add(file, i+1, "fler rader härifrån innehåller osynliga styrtecken",
					"är det här en textfil? Spara den som ren text i UTF-8, eller skriv om raderna")
			}
			break
		}
	}
	return found
}

// invisibleEscapes reports every value of the frontmatter that holds a forbidden character. The file itself was
// checked already, so here they come from an escape in a double-quoted value, such as "\0" or "\e".
func (d *Doc) invisibleEscapes(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			d.invisibleEscapes(k, "en nyckel")
			d.invisibleEscapes(n.Content[i+1], k.Value)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			d.invisibleEscapes(c, key)
		}
	case yaml.ScalarNode:
		i := strings.IndexFunc(n.Value, forbidden)
		if i < 0 {
			return
		}
		r, _ := utf8.DecodeRuneInString(n.Value[i:])
		hint := `ta bort koden med \ från värdet inom citattecken`
		if lineBreakLike(r) {
			hint = `skriv en radbrytning som \n, eller skriv texten på indragna rader efter |`
		}
		if key == "" {
			key = "värdet"
		}
		d.probs.Add(d.file, d.line(n), fmt.Sprintf(`%s innehåller det osynliga tecknet %s, skrivet som en kod med \`, key, runeName(r)), hint)
	}
}

// documentEnd matches YAML's document end marker: three dots at the start of a line.
var documentEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\.\.\.(\s|$)`) })

// endsEarly reports a line of three dots in the frontmatter (the lines after the opening --- in lines): YAML
// reads it as the end of the document and silently drops every key after it. It returns whether it found one.
func endsEarly(file string, start int, lines []string, probs *problem.List) bool {
	for i, l := range lines[start:] {
		if strings.TrimSpace(l) == "---" {
			return false
		}
		if !documentEnd().MatchString(l) {
			continue
		}
		closed := slices.ContainsFunc(lines[start+i+1:], func(l string) bool { return strings.TrimSpace(l) == "---" })
		if closed {
			probs.Add(file, start+i+1, "en rad med tre punkter ... avslutar YAML här, så nycklarna efter den skulle inte läsas",
				"ta bort raden med ... eftersom huvudet slutar med raden med tre bindestreck --- längre ner")
		} else {
			probs.Add(file, start+i+1, "huvudet (frontmatter) slutar med en rad med tre punkter ..., inte tre bindestreck ---",
				"byt raden med ... mot ---")
		}
		return true
	}
	return false
}

// indentTab finds the tab in the indentation that made the frontmatter fail to parse. YAML names the line where
// the construct it was reading began, which can be a line or two above the tab, so the first line from there on
// that is indented with a tab is taken, or else the nearest one above. It returns the line in the file and the
// column, or 0.
func indentTab(start, errLine int, lines []string) (int, int) {
	tabAt := func(l string) int {
		for i, r := range l {
			switch r {
			case '\t':
				return i + 1
			case ' ':
				continue
			}
			return 0
		}
		return 0
	}
	end := len(lines)
	for n := start + 1; n <= len(lines); n++ {
		if strings.TrimSpace(lines[n-1]) == "---" {
			end = n - 1
			break
		}
	}
	from := min(max(start+errLine, start+1), end)
	for n := from; n <= end; n++ {
		if c := tabAt(lines[n-1]); c > 0 {
			return n, c
		}
	}
	for n := from - 1; n > start; n-- {
		if c := tabAt(lines[n-1]); c > 0 {
			return n, c
		}
	}
	return 0, 0
}

// plainKey reports a key that is not plain text ([a, b]: or "? - a"), or empty; it returns whether k is usable.
func (d *Doc) plainKey(k *yaml.Node) bool {
	switch {
	case k.Kind != yaml.ScalarNode:
		d.probs.Add(d.file, d.line(k), "en nyckel ska vara vanlig text, inte en lista eller en grupp av nycklar",
			"skriv nyckeln som ett ord följt av kolon, till exempel titel: …. Sätt text som börjar med [ eller { inom dubbla citattecken")
		return false
	case strings.TrimSpace(k.Value) == "":
		d.probs.Add(d.file, d.line(k), "ett värde saknar nyckel före kolonet", "skriv nyckeln före kolonet, till exempel titel: …")
		return false
	}
	return true
}

// Year returns a year value (år) that is a plausible year; like is the year the hint offers.
func (d *Doc) Year(key string, like int) (int, bool) {
	y, ok := d.Integer(key, true)
	if ok && !PlausibleYear(y) {
		d.probs.Add(d.file, d.line(d.keys[key].key), fmt.Sprintf("%s %s är inte ett rimligt årtal", key, strings.TrimSpace(d.keys[key].val.Value)),
			fmt.Sprintf("skriv året som planen gäller, från %d till %d, till exempel %s: %d", MinYear, MaxYear, key, like))
		return 0, false
	}
	return y, ok
}

// plausibleDate refuses a date that parsed but cannot be meant, such as 0001-01-01 (which the pages would show
// as "Datum ej angivet", since it is Go's zero time).
func (d *Doc) plausibleDate(key string, t time.Time, line int) bool {
	if PlausibleYear(t.Year()) {
		return true
	}
	d.probs.Add(d.file, line, fmt.Sprintf("%s %s är inte ett rimligt datum", key, t.Format(time.DateOnly)),
		fmt.Sprintf("skriv ett datum från %d till %d, till exempel %s: 2020-03-13. Ta bort raden om du inte vet datumet", MinYear, MaxYear, key))
	return false
}

// finite refuses NaN and infinities, which strconv.ParseFloat reads from "NaN", "Inf" and "-infinity".
func (d *Doc) finite(key string, f float64, v *yaml.Node, line int) bool {
	if !math.IsNaN(f) && !math.IsInf(f, 0) {
		return true
	}
	d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara ett uppmätt värde, inte %q", key, strings.TrimSpace(v.Value)),
		"skriv siffror, till exempel 75.9 eller 75,9. Ta bort en period som saknar värde")
	return false
}

// Web returns a value that must be an http or https address with a host.
func (d *Doc) Web(key, example string) string {
	u := d.Text(key, false)
	if u == "" {
		return ""
	}
	if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		d.probs.Add(d.file, d.line(d.keys[key].key), fmt.Sprintf("%s %q är inte en webbadress", key, u),
			"skriv en adress som börjar med https://, till exempel "+example)
		return ""
	}
	return u
}

// Email returns a value that must be one e-mail address, without a display name: the site writes it
// into a mailto: link as it is.
func (d *Doc) Email(key string) string {
	s := d.Text(key, false)
	if s == "" {
		return ""
	}
	a, err := mail.ParseAddress(s)
	ok := err == nil && a.Name == "" && a.Address == s
	if ok {
		domain := s[strings.LastIndex(s, "@")+1:]
		ok = strings.Contains(domain, ".") && !strings.HasPrefix(domain, "[") && !strings.HasSuffix(domain, ".")
	}
	if !ok {
		d.probs.Add(d.file, d.line(d.keys[key].key), fmt.Sprintf("%s %q är inte en e-postadress", key, s),
			"skriv en enda adress, till exempel vbe.samordnare@stockholm.se, utan namn, <> eller mailto:")
		return ""
	}
	return s
}

var phonePattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+?[0-9 \x{00A0}()-]+$`) })

// Phone returns a value that must be a phone number: digits with the separators people write (space, -,
// parentheses) and + first for a country code. The site dials the digits, so words (ring mig, vxl) are refused,
// and so are fewer than 3 digits or more than E.164's 15.
func (d *Doc) Phone(key string) string {
	s := d.Text(key, false)
	if s == "" {
		return ""
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if !phonePattern().MatchString(s) || digits < 3 || digits > 15 {
		d.probs.Add(d.file, d.line(d.keys[key].key), fmt.Sprintf("%s %q är inte ett telefonnummer", key, s),
			"skriv numret med siffror, gärna med mellanslag, - eller ( ), till exempel 08-508 000 00. Ett + får bara stå först, före landsnumret")
		return ""
	}
	return s
}

// Limits of sökord: phrases of a few words, a few dozen of them. More is a pasted text rather than what people
// search for, and would make the section come first for queries it does not answer.
const (
	maxKeywords     = 30
	maxKeywordRunes = 80
)

// Keywords reads sökord: a list of phrases an employee may search for, each on its own line after a dash, or one
// phrase on the key's line. Each phrase must have a letter or digit, be short, and be there once.
func (d *Doc) Keywords(key string) []string {
	e, ok := d.keys[key]
	if !ok {
		return nil
	}
	v := e.val
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	items := []*yaml.Node{v}
	switch {
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	case v.Kind != yaml.ScalarNode:
		d.probs.Add(d.file, d.line(e.key), fmt.Sprintf("%s ska vara en lista med fraser, en på varje rad efter ett bindestreck", key),
			"skriv sökord: ensamt på raden och varje fras på en indragen rad under, efter ett bindestreck, till exempel   - vem ska jag ringa")
		return nil
	case v.Tag == "!!null" || strings.TrimSpace(v.Value) == "":
		d.probs.Add(d.file, d.line(e.key), fmt.Sprintf("%s är tom", key), "skriv fraserna på raderna under, var och en efter ett bindestreck, eller ta bort raden")
		return nil
	}
	if len(items) > maxKeywords {
		d.probs.Add(d.file, d.line(e.key), fmt.Sprintf("%s har %d fraser; högst %d får stå här", key, len(items), maxKeywords),
			"behåll de frågor och ord som medarbetare verkligen söker på")
	}
	seen := map[string]int{}
	var out []string
	for _, it := range items {
		line := d.line(it)
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			d.probs.Add(d.file, line, fmt.Sprintf("varje rad i %s ska vara en fras, inte en lista eller en grupp av nycklar", key),
				"skriv frasen direkt efter bindestrecket, till exempel   - vem ska jag ringa")
			continue
		}
		p := strings.Join(strings.Fields(it.Value), " ")
		if !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			d.probs.Add(d.file, line, fmt.Sprintf("frasen %q i %s har inga ord", it.Value, key), "skriv ord som en medarbetare kan söka på, eller ta bort raden")
			continue
		}
		if n := utf8.RuneCountInString(p); n > maxKeywordRunes {
			d.probs.Add(d.file, line, fmt.Sprintf("frasen i %s är %d tecken lång; högst %d får den vara", key, n, maxKeywordRunes),
				"skriv en kort fråga eller några ord, inte en mening ur texten")
			continue
		}
		folded := strings.ToLower(p)
		if first, dup := seen[folded]; dup {
			d.probs.Add(d.file, line, fmt.Sprintf("frasen %q står två gånger i %s (första gången på rad %d)", p, key, first), "behåll en av dem")
			continue
		}
		seen[folded] = line
		out = append(out, p)
	}
	return out
}
