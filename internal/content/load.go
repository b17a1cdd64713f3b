package content

// Walking the content folder: which file is what, reading each kind, and the checks that need more than one
// file (duplicate ids, activities pointing at sections, the year of a folder).

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unsafe"

	"github.com/stockholm/plansite/internal/content/frontmatter"
	"github.com/stockholm/plansite/internal/cores"
	"github.com/stockholm/plansite/internal/memo"
	"github.com/stockholm/plansite/internal/problem"
)

// The folder and file names of the content format.
const (
	pagesDir      = "sidor"
	sectionsDir   = "avsnitt"
	activitiesDir = "aktiviteter"
	revisionFile  = "plan.md"
	// StatementSlug is the page every footer links to: the accessibility statement.
	StatementSlug = "tillganglighet"
)

var yearDir = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{4}$`) })

// Ignored reports whether a file or folder name is one that editors and tools leave behind (hidden files, swap
// and backup files), which the builder skips.
func Ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasPrefix(name, "#") {
		return true
	}
	if strings.HasSuffix(name, "~") {
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig":
		return true
	}
	return name == "4913" // vim's write test file
}

// Load reads the content folder dir. When anything is wrong it returns a problem.List with every problem found.
func Load(dir string) (*Plan, error) {
	return new(Loader).Load(dir)
}

// A Loader reads the content folder again and again, as the live preview does: a revision whose files are the
// same as at the last load (the same Digest) is not parsed again, and the same *Revision is returned. The model
// is never changed after loading, so sharing it is safe. A Loader is not safe for concurrent use.
//
// Within a load and from one load to the next, a section or activity file whose bytes another file had is not
// parsed again either: revisions copy most of their files from the year before, and a save in the preview
// changes one file of a revision.
type Loader struct {
	last  map[string]*Revision // by folder: the revisions last read without problems
	files *memo.Map[parsedKey, parsed]
}

// Load reads the content folder dir, as the package's Load does.
func (ld *Loader) Load(dir string) (*Plan, error) {
	if ld.files == nil {
		ld.files = memo.New[parsedKey, parsed]()
	}
	defer ld.files.Next()
	var probs problem.List
	entries, err := os.ReadDir(dir)
	if err != nil {
		probs.Add(dir, 0, "innehållsmappen går inte att läsa: "+errText(err),
			"kör plansite i mappen där content/ finns, eller ange mappen med --content MAPP")
		return nil, probs.Err()
	}
	// Links are followed only to files inside the folder: its real path tells them from the others.
	root, err := realPath(dir)
	if err != nil {
		msg, hint := readProblem(err)
		probs.Add(dir, 0, msg, hint)
		return nil, probs.Err()
	}
	plan := &Plan{}
	// Revisions are read in parallel, each with its own problems, then put together in the folders' order.
	type loaded struct {
		rev   *Revision
		probs problem.List
	}
	var revs []*loaded
	var wg sync.WaitGroup
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		switch {
		case Ignored(name):
		case e.IsDir() && yearDir().MatchString(name):
			l := &loaded{}
			revs = append(revs, l)
			wg.Add(1)
			last := ld.last[p]
			go func() {
				defer wg.Done()
				l.rev = loadRevision(root, p, name, &l.probs, last, ld.files)
			}()
		case e.IsDir() && name == pagesDir:
			plan.Pages = loadPages(root, p, &probs)
		case e.Type()&fs.ModeSymlink != 0 && (yearDir().MatchString(name) || name == pagesDir):
			probs.Add(p, 0, "mappen är en länk, och plansite läser bara riktiga mappar",
				"byt länken mot mappen den pekar på, till exempel genom att flytta eller kopiera mappen hit")
		case e.IsDir():
			probs.Add(p, 0, "okänd mapp i innehållsmappen",
				"en revidering har en mapp som heter som året, till exempel 2020. Sidor ska ligga i sidor/")
		default:
			probs.Add(p, 0, "okänd fil i innehållsmappen",
				"lägg filen i en revidering, till exempel 2020/, eller i sidor/ om den är en sida")
		}
	}
	wg.Wait()
	kept := map[string]*Revision{}
	for _, l := range revs {
		probs = append(probs, l.probs...)
		if l.rev != nil {
			plan.Revisions = append(plan.Revisions, l.rev)
			if len(l.probs) == 0 {
				kept[l.rev.Dir] = l.rev
			}
		}
	}
	ld.last = kept
	if len(plan.Revisions) == 0 && len(probs) == 0 {
		probs.Add(dir, 0, "innehållsmappen har ingen revidering",
			"skapa en mapp som heter som året, till exempel 2020/, med filen plan.md i. Se docs/content.md")
	}
	if plan.Page(StatementSlug) == nil && len(probs) == 0 {
		probs.Add(filepath.Join(dir, pagesDir, StatementSlug+".md"), 0, "tillgänglighetsredogörelsen saknas",
			"alla offentliga webbplatser måste ha en. Skapa filen så som docs/content.md visar")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return plan, nil
}

func errText(err error) string { return problem.Reason(err) }

// loadRevision reads content/<year>/. The files are read first; when they are what last was read from, last is
// returned as it is, and otherwise they are parsed, on every core.
func loadRevision(root, dir, name string, probs *problem.List, last *Revision, files *memo.Map[parsedKey, parsed]) *Revision {
	folderYear, _ := strconv.Atoi(name)
	metaFile := filepath.Join(dir, revisionFile)
	if _, err := os.Lstat(metaFile); errors.Is(err, fs.ErrNotExist) {
		probs.Add(metaFile, 0, "revideringen saknar plan.md", "skapa filen med uppgifterna om revideringen, se docs/content.md")
		return nil
	}
	raw, ok := readFile(root, metaFile, probs)
	if !ok {
		return nil
	}
	digest := sha256.New()
	source := func(rel string, raw []byte) {
		fmt.Fprintf(digest, "%s\x00%d\x00", rel, len(raw))
		digest.Write(raw)
	}
	source(revisionFile, raw)

	type parse struct {
		p       string
		raw     []byte
		section bool
		s       *Section
		a       *Activity
		probs   problem.List
	}
	var parses []*parse
	var assets []Asset
	var walkProbs problem.List
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			msg, hint := readProblem(err)
			walkProbs.Add(p, 0, msg, hint)
			return nil
		}
		if p == dir {
			return nil
		}
		if Ignored(e.Name()) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		top, _, _ := strings.Cut(rel, "/")
		isMD := strings.EqualFold(path.Ext(rel), ".md")
		switch {
		case rel == revisionFile:
		case !isMD:
			if !e.Type().IsRegular() {
				walkProbs.Add(p, 0, "bara vanliga filer kan publiceras", "byt länken mot själva filen eller mappen")
				return nil
			}
			assets = append(assets, Asset{Rel: rel, Src: p})
			source(rel, nil)
		case (top == sectionsDir || top == activitiesDir) && rel != top:
			if raw, ok := readFile(root, p, &walkProbs); ok {
				source(rel, raw)
				parses = append(parses, &parse{p: p, raw: raw, section: top == sectionsDir})
			}
		default:
			walkProbs.Add(p, 0, "en Markdown-fil utanför avsnitt/ och aktiviteter/",
				"flytta ett avsnitt till "+filepath.Join(dir, sectionsDir)+" och en aktivitetsrad till "+filepath.Join(dir, activitiesDir))
		}
		return nil
	})
	if err != nil {
		walkProbs.Add(dir, 0, "går inte att läsa: "+errText(err), "")
	}
	var sum [32]byte
	digest.Sum(sum[:0])
	if last != nil && last.Digest == sum && len(walkProbs) == 0 {
		return last
	}
	*probs = append(*probs, walkProbs...)

	if frontmatter.OverLimits(metaFile, raw, probs) {
		return nil
	}
	rev := readRevision(metaFile, raw, folderYear, probs)
	if rev == nil {
		return nil
	}
	rev.Dir = dir
	rev.Assets = assets
	rev.Digest = sum
	cores.Each(len(parses), func(i int) {
		f := parses[i]
		// The file's bytes are never changed once read, so the key is made of them as they are, sparing a copy
		// of every file of the content folder.
		key := parsedKey{f.section, unsafe.String(unsafe.SliceData(f.raw), len(f.raw))}
		if r, ok := files.Lookup(key); ok {
			f.s, f.a = r.at(f.p)
			return
		}
		if frontmatter.OverLimits(f.p, f.raw, &f.probs) {
			return
		}
		if f.section {
			f.s = readSection(f.p, f.raw, &f.probs)
		} else {
			f.a = readActivity(f.p, f.raw, &f.probs)
		}
		if len(f.probs) == 0 {
			r := parsed{f.s, f.a}
			files.Put(key, r)
			f.s, f.a = r.at(f.p) // the revision changes its sections, so it gets a copy too
		}
	})
	var sections []*Section
	var activities []*Activity
	for _, f := range parses {
		*probs = append(*probs, f.probs...)
		if f.s != nil {
			sections = append(sections, f.s)
		}
		if f.a != nil {
			activities = append(activities, f.a)
		}
	}
	assemble(rev, sections, activities, probs)
	return rev
}

// parsedKey is a section or activity file by its bytes.
type parsedKey struct {
	section bool
	raw     string
}

// parsed is what a section or activity file without problems read as, before its activities were assembled. It
// is never changed: each file with the same bytes gets a copy, at its own path.
type parsed struct {
	s *Section
	a *Activity
}

// at returns copies of the parsed section or activity as if read from file.
func (r parsed) at(file string) (*Section, *Activity) {
	if r.s != nil {
		s := *r.s
		s.Pos.File, s.Body.Pos.File = file, file
		return &s, nil
	}
	if r.a == nil {
		return nil, nil
	}
	a := *r.a
	a.Pos.File = file
	for _, t := range []*Text{&a.Aktivitet, &a.Ansvarig, &a.Tidplan, &a.Uppfoljning} {
		t.Pos.File = file
	}
	a.FollowUp = slices.Clone(a.FollowUp)
	for i := range a.FollowUp {
		a.FollowUp[i].Pos.File = file
	}
	return nil, &a
}

// readFile reads a Markdown file of the content folder root (a real path, see realPath). Only a plain file is
// read: a named pipe would never end, a device such as /dev/zero never stops giving, and a link out of the content
// folder would publish a file the coordinator never meant to. A link to a plain file inside the folder is read.
// The file is read up to frontmatter.MaxFileSize; its other limits are checked before it is parsed (checked), so
// that the files of a revision the preview does not parse again are not checked again either.
func readFile(root, p string, probs *problem.List) ([]byte, bool) {
	fail := func(msg, hint string) ([]byte, bool) {
		probs.Add(p, 0, msg, hint)
		return nil, false
	}
	if raw, ok := readPlain(p); ok {
		return raw, true
	}
	info, err := os.Lstat(p)
	if err != nil {
		return fail(readProblem(err))
	}
	open := p
	if info.Mode()&fs.ModeSymlink != 0 {
		if info, err = os.Stat(p); err != nil {
			return fail(linkProblem(err))
		}
		if kind := notPlain(info.Mode()); kind != "" {
			return fail("filen är en länk till "+kind+", inte till en vanlig fil", "byt länken mot själva Markdown-filen")
		}
		if open, err = realPath(p); err != nil {
			return fail(linkProblem(err))
		}
		if !inside(root, open) {
			return fail("filen är en länk till "+open+", utanför innehållsmappen",
				"kopiera filen till innehållsmappen. En länk får bara peka på en fil i mappen")
		}
	} else if kind := notPlain(info.Mode()); kind != "" {
		return fail("filen är "+kind+", inte en vanlig fil", "byt den mot själva Markdown-filen")
	}
	// Opening does not wait for a writer, should the file have become a named pipe since it was looked at; what
	// was opened is looked at again.
	f, err := os.OpenFile(open, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(readProblem(err))
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return fail(readProblem(err))
	}
	if kind := notPlain(info.Mode()); kind != "" {
		return fail("filen är "+kind+", inte en vanlig fil", "byt den mot själva Markdown-filen")
	}
	raw, err := io.ReadAll(io.LimitReader(f, frontmatter.MaxFileSize+1))
	if err != nil {
		return fail(readProblem(err))
	}
	if len(raw) > frontmatter.MaxFileSize {
		frontmatter.TooLarge(p, info.Size(), probs)
		return nil, false
	}
	return raw, true
}

// notPlain names what a file is when it is not a plain file (a folder, a named pipe, a device), or returns "".
func notPlain(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "en mapp"
	case m&fs.ModeNamedPipe != 0:
		return "en namngiven pipe"
	case m&fs.ModeSocket != 0:
		return "en socket"
	case m&fs.ModeDevice != 0:
		return "en enhet"
	}
	return "en specialfil"
}

// realPath is the absolute path of p with every link in it followed.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// inside reports whether the real path p lies in the real folder root.
func inside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// readProblem says why a file or folder cannot be read, and what to do about it.
func readProblem(err error) (msg, hint string) {
	switch {
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "sökvägen är längre än systemet tillåter",
			"använd kortare namn på mapparna och filen, eller färre mappar i varandra"
	case errors.Is(err, syscall.ELOOP):
		return "sökvägen har en länk som leder tillbaka till sig själv", "byt länken mot själva filen eller mappen"
	case errors.Is(err, fs.ErrPermission):
		return "går inte att läsa: " + errText(err), "kontrollera behörigheterna för filen"
	}
	return "går inte att läsa: " + errText(err), "kontrollera att filen finns och går att öppna"
}

// linkProblem says why a link cannot be followed.
func linkProblem(err error) (msg, hint string) {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "filen är en länk som leder tillbaka till sig själv, genom en eller flera länkar",
			"byt länken mot själva Markdown-filen"
	case errors.Is(err, fs.ErrNotExist):
		return "filen är en länk till en fil som inte finns", "byt länken mot själva Markdown-filen"
	}
	return readProblem(err)
}

// readRevision reads a revision's plan.md.
func readRevision(file string, raw []byte, folderYear int, probs *problem.List) *Revision {
	folderOK, like := frontmatter.PlausibleYear(folderYear), folderYear
	if !folderOK {
		like = 2020
		dir := filepath.Dir(file)
		probs.Add(dir, 0, fmt.Sprintf("mappens namn %s är inte ett rimligt årtal", filepath.Base(dir)),
			fmt.Sprintf("ge mappen namn efter året som planen gäller, från %d till %d, till exempel 2020",
				frontmatter.MinYear, frontmatter.MaxYear))
	}
	d := frontmatter.Parse(file, raw, probs)
	if d == nil {
		return nil
	}
	d.Known("titel", "nämnd", "förvaltning", "år", "dnr", "status", "beslutad", "paragraf", "godkänd_av_ks", "nästa_revision",
		"ordalydelse", "dokument", "kontakt", "nyckeltal")
	r := &Revision{
		Year:           folderYear,
		Title:          d.Text("titel", true),
		Board:          d.Text("nämnd", true),
		Administration: d.Text("förvaltning", false),
		Dnr:            d.Text("dnr", true),
		Decided:        d.Date("beslutad"),
		ApprovedKS:     d.Date("godkänd_av_ks"),
		NextRevision:   d.Text("nästa_revision", true),
		Preface:        body(d),
		Pos:            Pos{file, d.Start()},
	}
	if y, ok := d.Year("år", like); ok && folderOK && y != folderYear {
		probs.Add(file, d.Line("år"), fmt.Sprintf("år är %d, men mappen heter %d", y, folderYear),
			fmt.Sprintf("skriv år: %d, eller byt namn på mappen till %d", folderYear, y))
	}
	if !d.Has("status") {
		probs.Add(file, d.Anchor(), "nyckeln \"status\" saknas, och den är obligatorisk",
			"skriv status: utkast medan planen skrivs. Värdena som finns är utkast, remiss, antagen och exempel")
	}
	if s := d.Text("status", false); s != "" {
		r.Status = Status(s)
		if !slices.Contains(statuses, r.Status) {
			names := make([]string, len(statuses))
			for i, s := range statuses {
				names[i] = string(s)
			}
			hint := "skriv ett av " + strings.Join(names, ", ")
			if sg := frontmatter.Suggest(s, names); sg != "" {
				hint = fmt.Sprintf("menade du %q?", sg)
			}
			probs.Add(file, d.Line("status"), fmt.Sprintf("okänd status %q", s), hint)
		}
		r.StatusPos = Pos{file, d.Line("status")}
	}
	decision(d, r)
	wording(d, r)
	if !r.Decided.IsZero() && !r.ApprovedKS.IsZero() && r.ApprovedKS.Before(r.Decided) {
		probs.Add(file, d.Line("godkänd_av_ks"), "godkänd_av_ks är före beslutad",
			"kommunstyrelsen godkänner planen efter att nämnden har antagit den. Kontrollera båda datumen")
	}
	if c := d.Group("kontakt", true); c != nil {
		c.Known("namn", "enhet", "epost", "telefon", "webb")
		r.Contact = Contact{
			Name:  c.Text("namn", true),
			Unit:  c.Text("enhet", false),
			Email: c.Email("epost"),
			Phone: c.Phone("telefon"),
			Web:   c.Web("webb", "https://intranat.stockholm.se/vbe"),
		}
		r.ContactPos = Pos{File: file, Line: d.Line("kontakt")}
	}
	r.Indicators = indicators(d)
	return r
}

// readSection reads a section file.
func readSection(file string, raw []byte, probs *problem.List) *Section {
	d := frontmatter.Parse(file, raw, probs)
	if d == nil {
		return nil
	}
	d.Known("id", "titel", "ordning", "tabell", "vid_oro", "sökord")
	s := &Section{
		Title:        d.Text("titel", true),
		TableCaption: d.Text("tabell", false),
		Worry:        d.Boolean("vid_oro"),
		Keywords:     d.Keywords("sökord"),
		Body:         body(d),
	}
	var line int
	s.ID, line = d.ID("id")
	s.Pos = Pos{file, line}
	s.Order, _ = d.Integer("ordning", true)
	return s
}

// readActivity reads an activity row file.
func readActivity(file string, raw []byte, probs *problem.List) *Activity {
	d := frontmatter.Parse(file, raw, probs)
	if d == nil {
		return nil
	}
	d.Known("id", "avsnitt", "ordning", "aktivitet", "ansvarig", "tidplan", "uppföljning", "status", "sökord")
	a := &Activity{
		SectionID:   d.Text("avsnitt", true),
		Aktivitet:   markdown(d, "aktivitet"),
		Ansvarig:    markdown(d, "ansvarig"),
		Tidplan:     markdown(d, "tidplan"),
		Uppfoljning: markdown(d, "uppföljning"),
		Keywords:    d.Keywords("sökord"),
	}
	var line int
	a.ID, line = d.ID("id")
	a.Pos = Pos{file, line}
	a.Order, _ = d.Integer("ordning", true)
	a.FollowUp = followUp(d)
	a.sectionLine = a.Pos.Line
	if d.Has("avsnitt") {
		a.sectionLine = d.Line("avsnitt")
	}
	if b, line := d.Body(); strings.TrimSpace(b) != "" {
		probs.Add(file, line+leadingBlankLines(b), "en aktivitetsrad har ingen text under huvudet",
			"flytta texten till aktivitet: (eller en annan kolumn) i huvudet")
	}
	return a
}

// followUp reads an activity's statuses:
//
//	status:
//	  VP: pågår
//	  T1: genomförd – Alla tre workshops är hållna.
//
// Each report period gets a state and, after a dash, an optional comment.
func followUp(d *frontmatter.Doc) []FollowUp {
	if !d.Has("status") {
		return nil
	}
	pairs, ok := d.Pairs("status")
	if !ok {
		d.Problem(d.Line("status"), "status ska vara indragna rader med rapportperiod: läge",
			"till exempel, på raderna under:   VP: pågår   och   T1: genomförd – Alla workshops är hållna.")
		return nil
	}
	byPeriod := map[string]FollowUp{}
	for p := range pairs {
		period := strings.ToUpper(strings.TrimSpace(p.Key))
		if !slices.Contains(Periods, period) {
			d.Problem(p.Line, fmt.Sprintf("%q är inte en rapportperiod", p.Key), "använd VP, T1, T2 eller VB")
			continue
		}
		if _, dup := byPeriod[period]; dup {
			d.Problem(p.Line, fmt.Sprintf("rapportperioden %s står två gånger", period), "behåll en av dem")
			continue
		}
		if !p.Scalar {
			d.Problem(p.Line, fmt.Sprintf("efter %s ska ett läge stå på samma rad", period),
				"skriv till exempel   "+period+": pågår – vad som har gjorts")
			continue
		}
		stateText, comment, _ := strings.Cut(p.Value, "–")
		if st, c, ok := strings.Cut(p.Value, " - "); ok && !strings.Contains(p.Value, "–") {
			stateText, comment = st, c
		}
		state, ok := parseState(stateText)
		if !ok {
			d.Problem(p.Line, fmt.Sprintf("%q är inte ett läge", strings.TrimSpace(stateText)),
				"använd ej påbörjad, pågår, genomförd eller stoppad/uppskjuten, och om du vill – och en kommentar")
			continue
		}
		byPeriod[period] = FollowUp{Period: period, State: state, Comment: strings.TrimSpace(comment), Pos: Pos{d.File(), p.Line}}
	}
	var out []FollowUp
	for _, p := range Periods {
		if f, ok := byPeriod[p]; ok {
			out = append(out, f)
		}
	}
	return out
}

func parseState(s string) (State, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "ej påbörjad", "inte påbörjad", "ej startad":
		return NotStarted, true
	case "pågår", "pågående":
		return Ongoing, true
	case "genomförd", "klar", "slutförd":
		return Done, true
	case "stoppad", "uppskjuten", "stoppad/uppskjuten", "stoppad eller uppskjuten":
		return Stopped, true
	}
	return "", false
}

func leadingBlankLines(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			break
		}
		n++
	}
	return n
}

// reservedIDs are the ids the pages give their own parts; a section, row or indicator may not take them, or a
// page would have two elements with one id and links to it would lead elsewhere. TestReservedIDsCoverLayouts
// keeps the list in step with the ids written in layouts/.
var (
	reservedIDs = []string{"huvudinnehall", "innehall", "titel", "kontakt", "nyckeltal", "uppgifter", "sammanfattning", "teckenforklaring",
		"uppgifter-rubrik", "visa", "lage-caption", "period-caption", "ansvarig-caption", "historik-caption", "uppfoljning-caption"}
	reservedPrefixes = []string{"tabell-", "fn-", "avsnitt-", "aktivitet-", "sok-"}
)

var reservedHint = "välj ett annat id. Sidorna använder " + strings.Join(reservedIDs, ", ") + " och id som börjar med " + strings.Join(reservedPrefixes, ", ")

// tableOf returns the indicator of rev whose table on the plan's page has the id, or nil.
func tableOf(rev *Revision, id string) *Indicator {
	base, ok := strings.CutSuffix(id, "-tabell")
	if !ok {
		return nil
	}
	for _, ind := range rev.Indicators {
		if ind.ID == base {
			return ind
		}
	}
	return nil
}

func reservedID(id string) bool {
	if slices.Contains(reservedIDs, id) {
		return true
	}
	for _, p := range reservedPrefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// assemble orders sections and rows, puts each row in its section's table and checks what spans files.
func assemble(rev *Revision, sections []*Section, activities []*Activity, probs *problem.List) {
	byOrder := func(ao, bo int, aid, bid string) int { return cmp.Or(cmp.Compare(ao, bo), cmp.Compare(aid, bid)) }
	slices.SortFunc(sections, func(a, b *Section) int { return byOrder(a.Order, b.Order, a.ID, b.ID) })
	slices.SortFunc(activities, func(a, b *Activity) int { return byOrder(a.Order, b.Order, a.ID, b.ID) })

	// Sections and rows share the page, so their ids share one namespace.
	seen := map[string]Pos{}
	claim := func(id string, at Pos) {
		if id == "" {
			return
		}
		if reservedID(id) {
			probs.Add(at.File, at.Line, fmt.Sprintf("id %q används redan av själva sidan", id), reservedHint)
			return
		}
		if ind := tableOf(rev, id); ind != nil {
			probs.Add(at.File, at.Line, fmt.Sprintf("id %q används redan av tabellen för nyckeltalet %s (%s:%d)", id, ind.ID, ind.Pos.File, ind.Pos.Line),
				"välj ett annat id. Planens sida ger tabellen för varje nyckeltal nyckeltalets id följt av -tabell")
			return
		}
		if first, ok := seen[id]; ok {
			probs.Add(at.File, at.Line, fmt.Sprintf("id %q används redan i %s:%d", id, first.File, first.Line),
				"varje id får bara finnas en gång i en revidering. Välj ett annat id för en av dem")
			return
		}
		seen[id] = at
	}
	byID := map[string]*Section{}
	var ids []string
	for _, s := range sections {
		claim(s.ID, s.Pos)
		if _, dup := byID[s.ID]; !dup && s.ID != "" {
			byID[s.ID] = s
			ids = append(ids, s.ID)
		}
	}
	for _, a := range activities {
		claim(a.ID, a.Pos)
		if a.SectionID == "" {
			continue
		}
		s, ok := byID[a.SectionID]
		if !ok {
			hint := "avsnitten i " + strconv.Itoa(rev.Year) + " är " + strings.Join(ids, ", ")
			if sg := frontmatter.Suggest(a.SectionID, ids); sg != "" {
				hint = fmt.Sprintf("menade du %q?", sg)
			}
			probs.Add(a.Pos.File, a.sectionLine, fmt.Sprintf("avsnitt %q är inte ett avsnitt i %d", a.SectionID, rev.Year), hint)
			continue
		}
		s.Activities = append(s.Activities, a)
	}
	for _, s := range sections {
		if len(s.Activities) > 0 && s.TableCaption == "" {
			s.TableCaption = "Aktiviteter: " + s.Title
		}
	}
	rev.Sections = sections
	slices.SortFunc(rev.Assets, func(a, b Asset) int { return cmp.Compare(a.Rel, b.Rel) })

	if len(sections) == 0 {
		probs.Add(rev.Pos.File, rev.Pos.Line, "revideringen har inga avsnitt",
			"lägg till planens avsnitt som filer i "+filepath.Join(rev.Dir, sectionsDir))
		return
	}
	var worry []*Section
	for _, s := range sections {
		if s.Worry {
			worry = append(worry, s)
		}
	}
	switch len(worry) {
	case 0:
		probs.Add(rev.Pos.File, rev.Pos.Line, "inget avsnitt har vid_oro: true",
			"skriv vid_oro: true i avsnittet med rutinen för när en medarbetare känner oro. Länken Vid oro på varje sida leder dit")
	case 1:
	default:
		for _, s := range worry[1:] {
			probs.Add(s.Pos.File, s.Pos.Line, fmt.Sprintf("vid_oro står redan i %s", worry[0].Pos.File),
				"bara ett avsnitt per revidering har rutinen för när en medarbetare känner oro. Ta bort vid_oro från ett av dem")
		}
	}
}

// loadPages reads content/sidor/.
func loadPages(root, dir string, probs *problem.List) []*Page {
	entries, err := os.ReadDir(dir)
	if err != nil {
		probs.Add(dir, 0, "går inte att läsa: "+errText(err), "")
		return nil
	}
	var pages []*Page
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if Ignored(e.Name()) {
			continue
		}
		if e.IsDir() || !strings.EqualFold(path.Ext(e.Name()), ".md") {
			probs.Add(p, 0, "sidor/ får bara innehålla Markdown-sidor", "flytta andra filer till en revidering")
			continue
		}
		raw, ok := readFile(root, p, probs)
		ok = ok && !frontmatter.OverLimits(p, raw, probs)
		if !ok {
			continue
		}
		d := frontmatter.Parse(p, raw, probs)
		if d == nil {
			continue
		}
		slug := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
		var abbrs, general []Abbreviation
		var synonyms []Synonym
		if slug == GlossarySlug {
			d.Known("titel", "förkortningar", GeneralKey, SynonymsKey)
			abbrs = abbreviations(d, "förkortningar", nil)
			if d.Has(GeneralKey) {
				general = abbreviations(d, GeneralKey, abbrs)
			}
			synonyms = synonymList(d)
		} else {
			d.Known("titel")
		}
		if !frontmatter.ValidID(slug) {
			probs.Add(p, 0, fmt.Sprintf("filnamnet %q kan inte bli en webbadress", e.Name()),
				fmt.Sprintf("byt namn på filen till %s.md", frontmatter.SuggestID(slug)))
		}
		pages = append(pages, &Page{
			Slug:  slug,
			Title: d.Text("titel", true),
			Body:  body(d),
			Pos:   Pos{p, d.Start()},

			Abbreviations: abbrs,
			General:       general,
			Synonyms:      synonyms,
		})
	}
	return pages
}

// isAbbreviation reports whether s is 1 to 12 letters and digits, as `^[\p{L}\p{N}]{1,12}$` would, without a
// pattern whose Unicode classes every start of plansite compiled (half a megabyte, a millisecond).
func isAbbreviation(s string) bool {
	n := 0
	for _, r := range s {
		if n++; n > 12 || !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return n > 0
}

// abbreviations reads a list of the glossary: key (förkortningar, or allmänna_förkortningar) followed by indented
// lines "VBE: våldsbejakande extremism". An abbreviation of the list other, the plan's own, may not stand in it
// again, in any case: one abbreviation has one meaning on the site.
func abbreviations(d *frontmatter.Doc, key string, other []Abbreviation) []Abbreviation {
	if !d.Has(key) {
		d.Problem(d.Anchor(), "ordlistan har inga förkortningar",
			"lägg till förkortningar: och indragna rader under, till exempel   VBE: våldsbejakande extremism")
		return nil
	}
	pairs, ok := d.Pairs(key)
	if !ok {
		d.Problem(d.Line(key), key+" ska vara indragna rader med förkortning: vad den står för",
			"till exempel, på raden under:   VBE: våldsbejakande extremism")
		return nil
	}
	var out []Abbreviation
	seen := map[string]int{}
	plans := map[string]int{}
	for _, a := range other {
		plans[strings.ToLower(a.Short)] = a.Pos.Line
	}
	for p := range pairs {
		line := p.Line
		short := strings.TrimSpace(p.Key)
		switch {
		case plans[strings.ToLower(short)] != 0:
			d.Problem(line, fmt.Sprintf("förkortningen %s står redan bland planens förkortningar (rad %d)", short, plans[strings.ToLower(short)]),
				"ta bort den här: planens egen förkortning gäller")
			continue
		case !isAbbreviation(short):
			d.Problem(line, fmt.Sprintf("%q är inte en förkortning", short),
				"en förkortning är bokstäver och siffror, högst 12, till exempel VBE eller T1")
			continue
		case seen[short] != 0:
			d.Problem(line, fmt.Sprintf("förkortningen %s står två gånger (första gången på rad %d)", short, seen[short]),
				"behåll en av dem")
			continue
		case !p.Scalar || strings.TrimSpace(p.Value) == "":
			d.Problem(line, fmt.Sprintf("efter %s ska det stå vad förkortningen står för", short),
				"skriv det efter kolonet på samma rad, så här:   "+short+": det som "+short+" står för")
			continue
		}
		seen[short] = line
		out = append(out, Abbreviation{Short: short, Long: strings.TrimSpace(p.Value), Pos: Pos{d.File(), line}})
	}
	return out
}

// synonymList reads the search's synonyms: synonymer: followed by indented lines "samarbeta: samverka", a word
// employees search for, then the plan's word or words (separated by commas) it is to find.
func synonymList(d *frontmatter.Doc) []Synonym {
	if !d.Has(SynonymsKey) {
		return nil
	}
	pairs, ok := d.Pairs(SynonymsKey)
	if !ok {
		d.Problem(d.Line(SynonymsKey), SynonymsKey+" ska vara indragna rader med ord: det eller de ord i planen som sökningen ska hitta",
			"till exempel, på raden under:   samarbeta: samverka")
		return nil
	}
	var out []Synonym
	seen := map[string]int{}
	for p := range pairs {
		word := strings.TrimSpace(p.Key)
		var same []string
		if p.Scalar {
			for _, w := range strings.Split(p.Value, ",") {
				if w = strings.TrimSpace(w); w != "" {
					same = append(same, w)
				}
			}
		}
		switch {
		case !isWord(word):
			d.Problem(p.Line, fmt.Sprintf("%q är inte ett ord", word), "skriv ett ord med bara bokstäver, till exempel samarbeta")
			continue
		case seen[strings.ToLower(word)] != 0:
			d.Problem(p.Line, fmt.Sprintf("ordet %s står två gånger (första gången på rad %d)", word, seen[strings.ToLower(word)]),
				"skriv alla ord det ska hitta på samma rad, åtskilda med kommatecken")
			continue
		case len(same) == 0:
			d.Problem(p.Line, fmt.Sprintf("efter %s ska det stå vilket ord i planen det ska hitta", word),
				"skriv planens ord efter kolonet på samma rad, så här:   "+word+": planens ord")
			continue
		}
		bad := false
		for _, w := range same {
			switch {
			case !isWord(w):
				d.Problem(p.Line, fmt.Sprintf("%q är inte ett ord", w),
					"skriv ord med bara bokstäver, till exempel samverka, och flera åtskilda med kommatecken")
				bad = true
			case strings.EqualFold(w, word):
				d.Problem(p.Line, fmt.Sprintf("%s står som synonym till sig själv", w), "skriv planens ord, ett annat än "+word)
				bad = true
			}
		}
		if bad {
			continue
		}
		seen[strings.ToLower(word)] = p.Line
		out = append(out, Synonym{Word: word, Same: same, Pos: Pos{d.File(), p.Line}})
	}
	return out
}

// isWord reports whether s is a single word of 2 to 40 letters.
func isWord(s string) bool {
	n := 0
	for _, r := range s {
		if n++; n > 40 || !unicode.IsLetter(r) {
			return false
		}
	}
	return n >= 2
}

// paragraphRe is a paragraph of the minutes as people write it: "§ 12", "§12", "12", "12 §".
var paragraphRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:§\s*)?([0-9]{1,4})(?:\s*§)?$`) })

// decision reads the board's decision (paragraf; beslutad and dnr are read with the other keys) and checks that it
// fits the status: a draft or a proposal out for comment has no decision yet. What an adopted revision lacks is a
// warning (see Warnings), since an older plan's minutes are not always at hand.
func decision(d *frontmatter.Doc, r *Revision) {
	if p := d.Text("paragraf", false); p != "" {
		m := paragraphRe().FindStringSubmatch(p)
		if m == nil {
			d.Problem(d.Line("paragraf"), fmt.Sprintf("paragraf %q är inte en paragraf i protokollet", p),
				"skriv paragrafens nummer, till exempel paragraf: § 12")
		} else {
			r.Paragraph = "§ " + m[1]
		}
	}
	if r.Status != Draft && r.Status != Consultation {
		return
	}
	for _, key := range []string{"beslutad", "paragraf", "godkänd_av_ks"} {
		if d.Has(key) {
			d.Problem(d.Line(key), fmt.Sprintf("en revidering med status %s har inget beslut än, men %s är ifyllt", r.Status, key),
				fmt.Sprintf("ta bort %s tills nämnden har antagit planen. Skriv då status: antagen och uppgifterna om beslutet", key))
		}
	}
}

// wording reads where the revision's words come from, and the address of the adopted document.
func wording(d *frontmatter.Doc, r *Revision) {
	if w := d.Text("ordalydelse", false); w != "" {
		r.Wording = Wording(w)
		if !slices.Contains(wordings, r.Wording) {
			d.Problem(d.Line("ordalydelse"), fmt.Sprintf("okänd ordalydelse %q", w),
				"skriv ordagrann när texten är det antagna dokumentets egen lydelse, ord för ord, eller återgiven när den återger dokumentet med andra ord")
		}
	}
	if u := d.Text("dokument", false); u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			d.Problem(d.Line("dokument"), fmt.Sprintf("dokument %q är inte en webbadress", u),
				"skriv adressen till det antagna dokumentet, till exempel https://intranat.example/handlingsplan-2020.pdf")
		} else {
			r.Document = u
		}
	}
}

// body is the Markdown after a file's frontmatter.
func body(d *frontmatter.Doc) Text {
	md, line := d.Body()
	return Text{Markdown: md, Pos: Pos{d.File(), line}}
}

// markdown is the required value of key, rendered as Markdown.
func markdown(d *frontmatter.Doc, key string) Text {
	md, line := d.Markdown(key, true)
	return Text{Markdown: md, Pos: Pos{d.File(), line}}
}
