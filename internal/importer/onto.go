package importer

import (
	"cmp"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/importer/document"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/swedish"
)

// earlier is what an import keeps of the revision it is imported onto: the ids, so that the comparison and the
// history line up, and the metadata a Word document does not hold.
type earlier struct {
	year       int
	sections   []*earlierPart
	activities []*earlierPart
	adm, next  string
	contact    contact
	ids        map[string]bool
}

type earlierPart struct {
	id, title, text string
	section         string // an activity's section
	worry           bool
	matched         bool
}

func loadEarlier(dir string, year int) (*earlier, error) {
	plan, err := content.Load(dir)
	if err != nil {
		if probs, ok := problem.AsList(err); ok {
			return nil, fail(dir, fmt.Sprintf("innehållet har %d fel, så %d går inte att läsa för --onto", len(probs), year),
				"rätta felen först; plansite check visar dem")
		}
		return nil, fail(dir, "innehållet går inte att läsa: "+err.Error(), "")
	}
	var rev *content.Revision
	var years []string
	for _, r := range plan.Revisions {
		if r.Year == year {
			rev = r
		}
		years = append(years, strconv.Itoa(r.Year))
	}
	if rev == nil {
		return nil, fail(filepath.Join(dir, strconv.Itoa(year)), "revisionen finns inte",
			"--onto ska vara ett år som finns i "+dir+": "+strings.Join(years, ", "))
	}
	e := &earlier{year: year, adm: rev.Administration, next: rev.NextRevision, ids: map[string]bool{},
		contact: contact{rev.Contact.Name, rev.Contact.Unit, rev.Contact.Email, rev.Contact.Phone, rev.Contact.Web}}
	for _, s := range rev.Sections {
		e.sections = append(e.sections, &earlierPart{id: s.ID, title: s.Title, text: plainWords(s.Body.Markdown), worry: s.Worry})
		e.ids[s.ID] = true
		for _, a := range s.Activities {
			e.activities = append(e.activities, &earlierPart{id: a.ID, text: plainWords(a.Aktivitet.Markdown), section: s.ID})
			e.ids[a.ID] = true
		}
	}
	return e, nil
}

// Thresholds of similarity (0–1) above which a section or an activity counts as the same as last year's. A
// section is recognised by its title or by its text, whichever is closer, since a year's revision often renames a
// section or rewrites it, seldom both; an activity by its text.
const (
	sameSection  = 0.6
	sameActivity = 0.5
)

// assignIDs gives every section and activity its id: last year's where it is recognisably the same, otherwise one
// made from its text that no part of last year's revision had (a removed part's id is never reused). It returns
// the lines that report the matching.
func assignIDs(d *document.Document, rev *revision, prev *earlier) []string {
	taken := &ids{taken: map[string]bool{}}
	var report []string
	newSec := map[*section]*earlierPart{}
	newAct := map[*activity]*earlierPart{}
	if prev != nil {
		for id := range prev.ids {
			taken.taken[id] = true
		}
		type pair struct {
			i, j  int
			score float64
		}
		var pairs []pair
		for i, s := range rev.sections {
			for j, o := range prev.sections {
				sc := max(similarity(s.title, o.title), similarity(s.text, o.text))
				if sc >= sameSection {
					pairs = append(pairs, pair{i, j, sc})
				}
			}
		}
		slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.score, a.score) })
		for _, p := range pairs {
			s, o := rev.sections[p.i], prev.sections[p.j]
			if newSec[s] == nil && !o.matched {
				newSec[s], o.matched = o, true
				s.id = o.id
			}
		}
		var acts []*activity
		var actSec []*section
		for _, s := range rev.sections {
			for _, a := range s.activities {
				acts = append(acts, a)
				actSec = append(actSec, s)
			}
		}
		pairs = pairs[:0]
		for i, a := range acts {
			text := plainWords(a.cols[0])
			for j, o := range prev.activities {
				sc := similarity(text, o.text)
				if o.section != "" && o.section == actSec[i].id {
					sc += 0.1 // the same table makes the same activity likelier
				}
				if sc >= sameActivity {
					pairs = append(pairs, pair{i, j, sc})
				}
			}
		}
		slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.score, a.score) })
		for _, p := range pairs {
			a, o := acts[p.i], prev.activities[p.j]
			if newAct[a] == nil && !o.matched {
				newAct[a], o.matched = o, true
				a.id = o.id
			}
		}
	}
	for _, s := range rev.sections {
		if s.id == "" {
			s.id = taken.make(slug(s.title, 6, false), "avsnitt")
		}
		for _, a := range s.activities {
			if a.id == "" {
				a.id = taken.make(slug(a.cols[0], 5, true), "aktivitet")
			}
		}
	}
	worry(d, rev, newSec)
	if prev == nil {
		return nil
	}
	report = append(report, ontoSummary(rev, prev, newSec, newAct)...)
	return report
}

var worryRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(vid oro|oro)\b`) })

// worry marks the section with the routine for when an employee is worried: the one that was marked last year, or
// the one whose title speaks of worry (oro).
func worry(d *document.Document, rev *revision, matched map[*section]*earlierPart) {
	for _, s := range rev.sections {
		if o := matched[s]; o != nil && o.worry {
			s.worry = true
			return
		}
	}
	for _, s := range rev.sections {
		if worryRe().MatchString(s.title) {
			s.worry = true
			return
		}
	}
	if len(rev.sections) > 0 {
		s := rev.sections[0]
		s.worry = true
		rev.todo = append(rev.todo, document.Note{At: s.at, Msg: fmt.Sprintf("ingen rubrik nämner oro, så vid_oro: true sattes på %s; flytta det till avsnittet med rutinen vid oro", document.Excerpt(s.title))})
	}
}

func ontoSummary(rev *revision, prev *earlier, secs map[*section]*earlierPart, acts map[*activity]*earlierPart) []string {
	var out []string
	var newS, newA []string
	keptS, keptA := 0, 0
	for _, s := range rev.sections {
		if o := secs[s]; o != nil {
			keptS++
			if o.title != s.title {
				out = append(out, fmt.Sprintf("avsnittet %s behåller id %s (hette %s)", document.Excerpt(s.title), s.id, document.Excerpt(o.title)))
			}
		} else {
			newS = append(newS, s.id)
		}
		for _, a := range s.activities {
			if acts[a] != nil {
				keptA++
			} else {
				newA = append(newA, a.id)
			}
		}
	}
	var goneS, goneA []string
	for _, o := range prev.sections {
		if !o.matched {
			goneS = append(goneS, o.id)
		}
	}
	for _, o := range prev.activities {
		if !o.matched {
			goneA = append(goneA, o.id)
		}
	}
	out = append([]string{
		fmt.Sprintf("avsnitt: %d kändes igen och behåller sina id, %s, %d borta", keptS, swedish.Count(len(newS), "nytt", "nya"), len(goneS)),
		fmt.Sprintf("aktiviteter: %d kändes igen och behåller sina id, %s, %d borta", keptA, swedish.Count(len(newA), "ny", "nya"), len(goneA)),
	}, out...)
	list := func(what string, ids []string) {
		if len(ids) > 0 {
			out = append(out, what+": "+strings.Join(ids, ", "))
		}
	}
	list("nya avsnitt", newS)
	list("avsnitt som är borta", goneS)
	list("nya aktiviteter", newA)
	list("aktiviteter som är borta", goneA)
	return out
}
