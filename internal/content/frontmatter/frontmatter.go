// Package frontmatter reads one content file as the loader sees it: the limits on what it may hold, its encoding,
// and its frontmatter, read through adrg/frontmatter with a YAML decoder that keeps line numbers, as typed values.
// Anything wrong is recorded as a problem at its line; package content builds the model from the values.
package frontmatter

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	adrg "github.com/adrg/frontmatter"
	"github.com/agnivade/levenshtein"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/slug"
)

// A Doc is one content file's frontmatter and body, with the problems found reading it. Its methods return the
// value of a key, typed and checked, and record a problem at the key's line for a value that is wrong.
type Doc struct {
	file     string
	start    int // line of the opening ---; YAML line n is file line start+n
	anchor   int // where a missing key is reported
	keys     map[string]entry
	misspelt map[string]bool // required keys already reported as misspelt, not to be reported missing too
	body     string
	bodyLine int // line where body starts
	probs    *problem.List
}

// normalize accepts what Windows editors write: a UTF-8 byte-order mark and CRLF line endings. A carriage return
// alone, the line ending of old Mac files (and of some exports still), is a line break too: YAML and CommonMark
// both read it as one, so the file's meaning is plain, and counting it keeps the lines we report the lines an
// editor shows. Unicode is put in NFC so that "å" typed as a plus a combining ring is the same key and the same
// word as a precomposed "å".
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	return norm.NFC.Bytes(src)
}

// invalidUTF8Line returns the 1-based line of the first byte that is not UTF-8, or 0.
func invalidUTF8Line(src []byte) int {
	if utf8.Valid(src) {
		return 0
	}
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' || r == '\r' && !bytes.HasPrefix(src[size:], []byte("\n")) {
			line++
		}
		src = src[size:]
	}
	return line
}

// yamlFormat is the frontmatter as adrg/frontmatter reads it: YAML between lines of ---, decoded with yaml.v3 into
// a yaml.Node, which keeps line numbers.
var yamlFormat = adrg.NewFormat("---", "---", func(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return yaml.Unmarshal(data, v)
})

// plain reports whether src is valid UTF-8, already as normalize leaves it, and holds no character that
// invisibleChars reports: no byte-order mark, no carriage return, no control character but tab and newline, and
// only characters that are stable under NFC (see stable). ASCII is looked at eight bytes at a time.
func plain(src []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(src); {
		if i+8 <= len(src) {
			// Eight ASCII bytes, none below space (where tab and newline are) and none DEL, go in one step. A
			// byte below space, or DEL, makes the subtraction borrow into its high bit.
			x := binary.LittleEndian.Uint64(src[i:])
			if x&highs == 0 && (x-0x20*ones)&highs == 0 && ((x^0x7f*ones)-ones)&highs == 0 {
				i += 8
				continue
			}
		}
		if c := src[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if !stable(r) { // utf8.RuneError among them
			return false
		}
		i += n
	}
	return true
}

// stable reports whether r is a character that NFC leaves as it is wherever it stands among other stable ones,
// and that may be in content: it is in NFC, and it is a starter that combines with nothing before it (canonical
// combining class 0, no backward composition). These are the Latin letters with their accents up to U+02FF
// (å, ä, ö, é, ü, ß, ...) and the punctuation U+2002 to U+20CF (dashes, quotation marks, €, ...), less the line
// and paragraph separators; TestStableIsNFC checks each of them against golang.org/x/text.
func stable(r rune) bool {
	return r >= 0xa0 && r <= 0x2ff || r >= 0x2002 && r <= 0x20cf && r != 0x2028 && r != 0x2029
}

// entry is a key and its value in the frontmatter.
type entry struct{ key, val *yaml.Node }

// Parse reads a file's frontmatter. It returns nil when the file cannot be read as a content file at all; the
// reason is in probs.
func Parse(file string, raw []byte, probs *problem.List) (d *Doc) {
	// Most files are plain text already: valid UTF-8, which normalize would copy unchanged, and in which
	// invisibleChars would find nothing.
	src, invisible := raw, 0
	if !plain(raw) {
		if line := invalidUTF8Line(raw); line > 0 {
			probs.Add(file, line, "filen är inte giltig UTF-8-text", "spara filen med teckenkodningen UTF-8 i din textredigerare")
			return nil
		}
		src = normalize(raw)
		if utf16(src) {
			probs.Add(file, 1, "filen är sparad som UTF-16, inte UTF-8 (vartannat tecken är NUL)",
				"spara filen med teckenkodningen UTF-8 i din textredigerare")
			return nil
		}
		invisible = invisibleChars(file, src, probs)
	}

	// Find the opening delimiter ourselves to know its line; adrg/frontmatter skips blank lines the same way. The
	// lines after it are looked at up to the closing one, the first that is --- too, as adrg/frontmatter does:
	// for a line of three dots before it (see endsEarly), and so that adrg/frontmatter is given the file only up
	// to the end of the closing line, sparing it a copy of the body line by line.
	start, cut, n := 0, len(src), 0
	for rest := src; len(rest) > 0 && cut == len(src); n++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		t := bytes.TrimSpace(l)
		switch {
		case start == 0 && len(t) == 0:
		case start == 0:
			if string(t) != "---" {
				rest = nil // no frontmatter
				break
			}
			start = n + 1
		case string(t) == "---":
			cut = len(src) - len(rest)
		case bytes.HasPrefix(l, []byte("...")) && documentEnd().Match(l):
			if endsEarly(file, start, strings.Split(string(src), "\n"), probs) {
				return nil
			}
		}
	}
	if start == 0 {
		probs.Add(file, 1, "filen börjar inte med ett huvud (frontmatter)",
			"börja filen med en rad med tre bindestreck ---, sedan nycklarna och sist en rad ---; se docs/content.md")
		return nil
	}

	var node yaml.Node
	rest, err := adrg.MustParse(bytes.NewReader(src[:cut]), &node, yamlFormat)
	if err != nil {
		if errors.Is(err, adrg.ErrNotFound) {
			probs.Add(file, start, "huvudet (frontmatter) är inte avslutat",
				"avsluta nycklarna med en rad med tre bindestreck ---")
			return nil
		}
		if invisible > 0 {
			return nil // YAML refuses most of them too; the character, named at its line, is the news
		}
		line, msg := yamlError(err)
		if strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token") {
			if ln, col := indentTab(start, line, strings.Split(string(src), "\n")); ln > 0 {
				probs.Add(file, ln, fmt.Sprintf("raden är indragen med ett tabbtecken (kolumn %d). I YAML får indrag bara göras med mellanslag", col),
					"byt tabbtecknet mot lika många mellanslag som raderna runt omkring har")
				return nil
			}
		}
		probs.Add(file, start+line, "huvudet (frontmatter) är inte giltig YAML: "+problem.YAML(msg),
			`sätt text som innehåller ": " eller börjar med ett citattecken, [, {, *, & eller ! inom dubbla citattecken`)
		return nil
	}
	// adrg/frontmatter returns what follows the frontmatter in what it was given; the body runs on to the end.
	bodyStart := cut - len(rest)
	body := src[bodyStart:]
	d = &Doc{file: file, start: start, anchor: start, keys: map[string]entry{}, probs: probs}
	d.body = string(body)
	d.bodyLine = bytes.Count(src[:bodyStart], []byte("\n")) + 1

	if len(node.Content) == 0 { // empty frontmatter
		return d
	}
	m := node.Content[0]
	if m.Kind != yaml.MappingNode {
		probs.Add(file, d.line(m), "huvudet (frontmatter) ska bestå av rader med nyckel: värde", "se docs/content.md")
		return nil
	}
	if invisible == 0 { // else they are reported already, as what the file holds
		d.invisibleEscapes(m, "")
	}
	d.addKeys(m, "")
	return d
}

// addKeys records the keys of mapping m, reporting duplicates.
func (d *Doc) addKeys(m *yaml.Node, in string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !d.plainKey(k) {
			continue
		}
		if prev, ok := d.keys[k.Value]; ok {
			d.probs.Add(d.file, d.line(k), fmt.Sprintf("nyckeln %q står två gånger%s (första gången på rad %d)", k.Value, in, d.line(prev.key)),
				"behåll en av dem")
			continue
		}
		d.keys[k.Value] = entry{k, v}
	}
}

// File is the file the Doc was read from.
func (d *Doc) File() string { return d.file }

// Start is the line of the opening ---.
func (d *Doc) Start() int { return d.start }

// Anchor is the line where a missing key is reported: the opening --- of a file, or the key of a group.
func (d *Doc) Anchor() int { return d.anchor }

// Body returns the Markdown after the frontmatter and the line it starts on.
func (d *Doc) Body() (string, int) { return d.body, d.bodyLine }

// Has reports whether key is written, whatever its value.
func (d *Doc) Has(key string) bool {
	_, ok := d.keys[key]
	return ok
}

// Line is the line of key, or the Start when it is not written.
func (d *Doc) Line(key string) int { return d.line(d.keys[key].key) }

// Problem records a problem at line of the Doc's file.
func (d *Doc) Problem(line int, msg, hint string) { d.probs.Add(d.file, line, msg, hint) }

// line converts a line inside the frontmatter to a line of the file.
func (d *Doc) line(n *yaml.Node) int {
	if n == nil || n.Line == 0 {
		return d.start
	}
	return d.start + n.Line
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlError splits a yaml.v3 error into a line inside the frontmatter and its message.
func yamlError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

// Known reports every key that is not in allowed, suggesting the closest allowed key.
func (d *Doc) Known(allowed ...string) {
	var unknown []string
	for k := range d.keys {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		hint := "nycklarna som får stå här är " + strings.Join(allowed, ", ")
		if s := Suggest(k, allowed); s != "" {
			hint = fmt.Sprintf("menade du %q?", s)
			if _, present := d.keys[s]; !present {
				if d.misspelt == nil {
					d.misspelt = map[string]bool{}
				}
				d.misspelt[s] = true
			}
		}
		d.probs.Add(d.file, d.line(d.keys[k].key), fmt.Sprintf("okänd nyckel %q", k), hint)
	}
}

// Suggest returns the allowed key closest to k, compared without case and diacritics, or "" if none is close.
func Suggest(k string, allowed []string) string {
	best, bestDist := "", 0
	fk := foldKey(k)
	for _, a := range allowed {
		dist := levenshtein.ComputeDistance(fk, foldKey(a))
		if best == "" || dist < bestDist {
			best, bestDist = a, dist
		}
	}
	if bestDist <= max(2, len([]rune(k))/3) {
		return best
	}
	return ""
}

// foldKey lowers case, drops diacritics and treats - and space as _.
func foldKey(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.NewReplacer("-", "_", " ", "_").Replace(out)
}

// scalar returns the value of key when it is a single value. It records a problem when a required key is missing
// or empty, or when the value is a list or a mapping.
func (d *Doc) scalar(key string, required bool) (*yaml.Node, int, bool) {
	e, ok := d.keys[key]
	if !ok {
		if required && !d.misspelt[key] {
			d.probs.Add(d.file, d.anchor, fmt.Sprintf("nyckeln %q saknas, och den är obligatorisk", key),
				fmt.Sprintf("lägg till en rad %s: … i huvudet", key))
		}
		return nil, 0, false
	}
	v, line := e.val, d.line(e.key)
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind != yaml.ScalarNode {
		d.probs.Add(d.file, line, fmt.Sprintf("%s ska ha ett enda värde, inte en lista eller en grupp av nycklar", key),
			"skriv värdet på samma rad efter kolonet, eller efter | på indragna rader")
		return nil, line, false
	}
	if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		if required {
			d.probs.Add(d.file, line, fmt.Sprintf("%s är tom", key), "skriv ett värde efter kolonet")
		}
		return nil, line, false
	}
	return v, line, true
}

// Text returns a text value; numbers and dates are read as the text written.
func (d *Doc) Text(key string, required bool) string {
	v, _, ok := d.scalar(key, required)
	if !ok {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// Markdown returns a text value with the line it starts on, for values that are rendered as Markdown. A value that
// is absent is "" at the Anchor.
func (d *Doc) Markdown(key string, required bool) (string, int) {
	v, line, ok := d.scalar(key, required)
	if !ok {
		return "", d.anchor
	}
	if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		line++ // the text begins on the line after "key: |"
	}
	return strings.TrimSpace(v.Value), line
}

// Integer returns a whole-number value.
func (d *Doc) Integer(key string, required bool) (int, bool) {
	v, line, ok := d.scalar(key, required)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Value))
	if err != nil || (v.Tag != "!!int" && v.Tag != "!!str") {
		d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara ett heltal, inte %q", key, v.Value),
			"skriv bara siffror, till exempel "+key+": 10")
		return 0, false
	}
	return n, true
}

// Boolean returns a true/false value.
func (d *Doc) Boolean(key string) bool {
	v, line, ok := d.scalar(key, false)
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v.Value)) {
	case "true", "ja":
		return true
	case "false", "nej":
		return false
	}
	d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara true eller false, inte %q", key, v.Value),
		"skriv "+key+": true, eller ta bort raden")
	return false
}

// Date returns a YYYY-MM-DD date value; zero when absent.
func (d *Doc) Date(key string) time.Time {
	v, line, ok := d.scalar(key, false)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(v.Value))
	if err != nil {
		d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara ett datum som skrivs ÅÅÅÅ-MM-DD, inte %q", key, v.Value),
			"för 13 mars 2020 skriver du "+key+": 2020-03-13. Ta bort raden om du inte vet datumet")
		return time.Time{}
	}
	if !d.plausibleDate(key, t, line) {
		return time.Time{}
	}
	return t
}

// Group returns a nested mapping as a Doc of its own, so its keys are checked the same way.
func (d *Doc) Group(key string, required bool) *Doc {
	e, ok := d.keys[key]
	if !ok {
		if required {
			d.probs.Add(d.file, d.anchor, fmt.Sprintf("nyckeln %q saknas, och den är obligatorisk", key),
				fmt.Sprintf("lägg till %s: och indragna rader under, se docs/content.md", key))
		}
		return nil
	}
	if e.val.Kind != yaml.MappingNode {
		d.probs.Add(d.file, d.line(e.key), fmt.Sprintf("%s ska vara en grupp av indragna rader med nyckel: värde", key),
			"se exemplet i docs/content.md")
		return nil
	}
	g := &Doc{file: d.file, start: d.start, anchor: d.line(e.key), keys: map[string]entry{}, probs: d.probs}
	g.addKeys(e.val, " i "+key)
	return g
}

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9åäö]+(-[a-z0-9åäö]+)*$`) })

// ValidID reports whether s is spelt as an id must be: small letters and digits, words joined by single dashes.
func ValidID(s string) bool { return idPattern().MatchString(s) }

// ID returns an id value, checking its spelling, and the line of its key.
func (d *Doc) ID(key string) (string, int) {
	v, line, ok := d.scalar(key, true)
	if !ok {
		return "", d.anchor
	}
	id := strings.TrimSpace(v.Value)
	if !idPattern().MatchString(id) {
		d.probs.Add(d.file, line, fmt.Sprintf("%s %q får bara innehålla små bokstäver, siffror och enkla bindestreck", key, id),
			fmt.Sprintf("till exempel %s: %s", key, SuggestID(id)))
	}
	return id, line
}

// SuggestID suggests an id for a malformed one.
func SuggestID(s string) string {
	if id := slug.Make(s, slug.Swedish); id != "" {
		return id
	}
	return "mitt-id"
}

// A Pair is a key of a mapping and its value, as written.
type Pair struct {
	Key    string
	Value  string // when Scalar
	Scalar bool   // whether the value is a single value, not a list or a mapping
	Line   int    // the key's line in the file
}

// Pairs returns the pairs of the mapping under key, reporting a key that is not plain text as it comes to it; ok
// is false when key is absent or holds something else.
func (d *Doc) Pairs(key string) (pairs iter.Seq[Pair], ok bool) {
	e, ok := d.keys[key]
	if !ok || e.val.Kind != yaml.MappingNode {
		return nil, false
	}
	return func(yield func(Pair) bool) {
		for i := 0; i+1 < len(e.val.Content); i += 2 {
			k, v := e.val.Content[i], e.val.Content[i+1]
			if !d.plainKey(k) {
				continue
			}
			if !yield(Pair{Key: k.Value, Value: v.Value, Scalar: v.Kind == yaml.ScalarNode, Line: d.line(k)}) {
				return
			}
		}
	}, true
}

// Items returns the items of the list under key, each a Doc of its own, and how many there are. An item that is
// not a mapping is reported, as what it should be, when it is come to. ok is false when key is absent or holds
// something else.
func (d *Doc) Items(key, what string) (items iter.Seq[*Doc], n int, ok bool) {
	e, ok := d.keys[key]
	if !ok || e.val.Kind != yaml.SequenceNode {
		return nil, 0, false
	}
	return func(yield func(*Doc) bool) {
		for _, item := range e.val.Content {
			if g := d.mapping(item, what); g != nil && !yield(g) {
				return
			}
		}
	}, len(e.val.Content), true
}

// mapping returns a YAML mapping inside the frontmatter as a Doc of its own, or reports that it is not one.
func (d *Doc) mapping(n *yaml.Node, what string) *Doc {
	if n.Kind != yaml.MappingNode {
		d.probs.Add(d.file, d.line(n), what+" ska vara indragna rader med nyckel: värde", "se exemplet i docs/content.md")
		return nil
	}
	g := &Doc{file: d.file, start: d.start, anchor: d.line(n), keys: map[string]entry{}, probs: d.probs}
	g.addKeys(n, "")
	return g
}

// Number returns a decimal number; a decimal comma is accepted, as Swedish writes it.
func (d *Doc) Number(key string, required bool) *float64 {
	v, line, ok := d.scalar(key, required)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(v.Value), ",", ".", 1), 64)
	if err != nil {
		d.probs.Add(d.file, line, fmt.Sprintf("%s ska vara ett tal, inte %q", key, v.Value), "skriv siffror, till exempel 75.9 eller 75,9")
		return nil
	}
	if !d.finite(key, f, v, line) {
		return nil
	}
	return &f
}
