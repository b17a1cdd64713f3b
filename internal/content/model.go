// Package content reads a plan's content folder — yearly revisions of sections and activity rows written as
// Markdown with YAML frontmatter — validates it strictly, and returns the model the rest of plansite renders.
// Every problem is reported with its file and line, all at once.
package content

import "time"

// Status is the standing of a revision.
type Status string

// The statuses a revision can have, in the order of its life: a draft, perhaps sent out for comment, then adopted
// by the board, which makes it the plan in force until the next adopted revision replaces it. An example is none
// of these: an illustration that was never decided.
const (
	Draft        Status = "utkast"  // being written, not adopted
	Consultation Status = "remiss"  // sent out for comment, not adopted
	Adopted      Status = "antagen" // adopted by the board
	Example      Status = "exempel" // an illustration, not a real decision
)

// Statuses lists the valid statuses in the order they are documented.
var statuses = []Status{Draft, Consultation, Adopted, Example}

// Wording says where a revision's words come from.
type Wording string

// The sources of a revision's wording.
const (
	// Verbatim is the adopted document's own wording, word for word (as an import of it gives).
	Verbatim Wording = "ordagrann"
	// Rendering is an edited rendering of the adopted document, in other words; the document itself is the
	// adopted wording, found by its dnr.
	Rendering Wording = "återgiven"
)

var wordings = []Wording{Verbatim, Rendering}

// Plan is the whole content folder.
type Plan struct {
	Revisions []*Revision // by year, oldest first
	Pages     []*Page     // by slug
}

// Current returns the revision the site opens on: the newest adopted one, or nil when none is adopted.
func (p *Plan) Current() *Revision {
	for i := len(p.Revisions) - 1; i >= 0; i-- {
		if p.Revisions[i].Status == Adopted {
			return p.Revisions[i]
		}
	}
	return nil
}

// Page returns the page with the slug, or nil.
func (p *Plan) Page(slug string) *Page {
	for _, pg := range p.Pages {
		if pg.Slug == slug {
			return pg
		}
	}
	return nil
}

// Pos is a place in a content file.
type Pos struct {
	File string
	Line int
}

// Text is Markdown with the place it starts, so problems found while rendering it can name their line.
type Text struct {
	Markdown string
	Pos      Pos
}

// Revision is one year's plan: content/<year>/.
type Revision struct {
	Year           int
	Dir            string // the folder, as the user named it
	Title          string
	Board          string // nämnd
	Administration string // förvaltning, may be empty
	Dnr            string
	Status         Status
	Decided        time.Time // beslutad; zero when not known
	ApprovedKS     time.Time // godkänd_av_ks; zero when not known
	NextRevision   string
	Paragraph      string  // paragraf: the paragraph of the board's minutes, e.g. "§ 12"; "" when not known
	Wording        Wording // ordalydelse; "" when the content does not say, which the site treats as a rendering
	Document       string  // dokument: the address of the adopted document; may be empty
	StatusPos      Pos     // the line of status
	Contact        Contact
	ContactPos     Pos  // the line of kontakt; zero when there is none
	Preface        Text // text under the metadata, may be empty
	Pos            Pos  // plan.md

	Sections   []*Section   // by ordning
	Assets     []Asset      // files published as they are, by path
	Indicators []*Indicator // nyckeltal, in the order written

	// Digest identifies what the revision was read from: the path and bytes of each Markdown file and the path of
	// each other file. Two loads with the same Digest give the same revision, so the preview can reuse what it
	// made of it.
	Digest [32]byte // SHA-256
}

// Indicator is a key figure the plan follows over the years, such as the share of employees who have done the
// web training. A revision records the values it knows, earlier years' too.
type Indicator struct {
	ID     string
	Name   string
	Unit   string   // e.g. procent
	Target *float64 // the goal, when there is one
	Values []IndicatorValue
	Pos    Pos
}

// IndicatorValue is one measurement.
type IndicatorValue struct {
	Period string   // e.g. 2020, or 2020/2021
	Value  float64  //
	Count  string   // how it was counted, e.g. "725 av 955"; may be empty
	Target *float64 // the goal for this period, when it differs from the indicator's
	Unit   string   // the unit, when it differs from the indicator's
	Source string   // where the figure comes from
	Pos    Pos
}

// Worry returns the section with the routine for when an employee is worried (vid_oro), or nil.
func (r *Revision) Worry() *Section {
	for _, s := range r.Sections {
		if s.Worry {
			return s
		}
	}
	return nil
}

// Section returns the section with the id, or nil.
func (r *Revision) Section(id string) *Section {
	for _, s := range r.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Activities returns every activity row of the revision in page order.
func (r *Revision) Activities() []*Activity {
	var all []*Activity
	for _, s := range r.Sections {
		all = append(all, s.Activities...)
	}
	return all
}

// Contact is how to reach the coordinator.
type Contact struct {
	Name, Unit, Email, Phone, Web string
}

// Section is one part of the plan, with the activity table that follows its text.
type Section struct {
	ID           string
	Title        string
	Order        int
	TableCaption string   // caption of the activity table; defaulted when the section has rows
	Worry        bool     // the routine for when an employee is worried
	Keywords     []string // sökord: phrases an employee may search for that the text does not say, such as questions
	Body         Text
	Pos          Pos         // the line of its id
	Activities   []*Activity // by ordning
}

// Activity is one row of an activity table.
type Activity struct {
	ID          string
	SectionID   string
	Order       int
	Aktivitet   Text
	Ansvarig    Text
	Tidplan     Text
	Uppfoljning Text
	Keywords    []string // sökord, as for a section
	Pos         Pos      // the line of its id

	// FollowUp is the status reported in each report period of the year, in the order VP, T1, T2, VB; periods
	// without a report are left out.
	FollowUp []FollowUp

	sectionLine int // the line of avsnitt, for the message when it names no section
}

// Latest returns the status of the latest report period, or nil when nothing has been reported.
func (a *Activity) Latest() *FollowUp {
	if len(a.FollowUp) == 0 {
		return nil
	}
	return &a.FollowUp[len(a.FollowUp)-1]
}

// FollowUp is an activity's status in one report period.
type FollowUp struct {
	Period  string // VP, T1, T2 or VB
	State   State
	Comment string
	Pos     Pos
}

// State is how far an activity has come.
type State string

// The states of an activity.
const (
	NotStarted State = "ej påbörjad"
	Ongoing    State = "pågår"
	Done       State = "genomförd"
	Stopped    State = "stoppad/uppskjuten"
)

// States lists the states in order; Periods the report periods of a year in order.
var (
	States  = []State{NotStarted, Ongoing, Done, Stopped}
	Periods = []string{"VP", "T1", "T2", "VB"}
)

// Asset is a file published unchanged at the same path below its revision, such as a figure.
type Asset struct {
	Rel string // slash-separated path below the revision folder, e.g. figurer/stjarna.svg
	Src string // path on disk
}

// Page is a page outside the revisions, such as the accessibility statement.
type Page struct {
	Slug  string
	Title string
	Body  Text
	Pos   Pos

	// Abbreviations, on the glossary page (sidor/forkortningar.md) only: each abbreviation with what it stands
	// for, in the order written.
	Abbreviations []Abbreviation
	// General are common abbreviations of the city's offices and social services that the plan does not itself
	// use (allmänna_förkortningar on the glossary page: APT, KS …), listed apart from the plan's and searched the
	// same way, so that a reader's APT finds the arbetsplatsträffar the plan writes out.
	General []Abbreviation
	// Synonyms are the words employees search for that the plan says otherwise (synonymer on the glossary page:
	// samarbeta for samverka), kept by the coordinator: a search for one also finds the other, below the
	// documents that say the word searched for.
	Synonyms []Synonym
}

// Synonym is a word of the search's synonyms and the plan's words it finds.
type Synonym struct {
	Word string
	Same []string
	Pos  Pos
}

// Abbreviation is one entry of the glossary.
type Abbreviation struct {
	Short, Long string
	Pos         Pos
}

// GlossarySlug is the page whose frontmatter holds the abbreviations.
const GlossarySlug = "forkortningar"

// SynonymsKey is the key of the glossary page's synonyms for the search.
const SynonymsKey = "synonymer"

// GeneralKey is the key of the glossary page's list of general abbreviations, the city's, not the plan's.
const GeneralKey = "allmänna_förkortningar"

// Glossary returns the abbreviations of the glossary page, or nil when the site has none.
func (p *Plan) Glossary() []Abbreviation {
	if g := p.Page(GlossarySlug); g != nil {
		return g.Abbreviations
	}
	return nil
}

// Synonyms returns the glossary page's synonyms for the search, or nil.
func (p *Plan) Synonyms() []Synonym {
	if g := p.Page(GlossarySlug); g != nil {
		return g.Synonyms
	}
	return nil
}

// GeneralAbbreviations returns the glossary page's general abbreviations, or nil.
func (p *Plan) GeneralAbbreviations() []Abbreviation {
	if g := p.Page(GlossarySlug); g != nil {
		return g.General
	}
	return nil
}
