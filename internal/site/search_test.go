package site

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/demo"
)

// TestBrowserSearchTokens runs the browser's tokens() on every line of internal/search/testdata/tokens.golden and
// expects what Go's search.Tokens gave: the two sides fold and split a query the same way.
func TestBrowserSearchTokens(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, "testdata/minimal")
	tab := b.Tab(t)
	tab.Open(base + "/sok/")
	tab.WaitFor(`!!window.plansiteSearch`)
	f, err := os.Open("../search/testdata/tokens.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		in, want, _ := strings.Cut(sc.Text(), "\t")
		got := browser.Eval[string](tab, `plansiteSearch.tokens(`+in+`).map(t => t.form + '/' + t.key + (t.secondary ? '*' : '')).join(' ')`)
		if got != want {
			var s string
			_ = json.Unmarshal([]byte(in), &s)
			t.Errorf("tokens(%q)\n browser %q\n     Go %q", s, got, want)
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d lines in tokens.golden", n)
	}
}

// searchPage opens /sok/ with a query and waits for the results.
func searchPage(t *testing.T, tab *browser.Tab, url string) []string {
	t.Helper()
	tab.Open(url)
	tab.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
	return browser.Eval[[]string](tab, `[...document.querySelectorAll('#sok-resultat a')].map(a => decodeURIComponent(new URL(a.href).pathname + new URL(a.href).hash))`)
}

// TestBrowserSearch searches the shipped plan the way an employee would.
func TestBrowserSearch(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))

	t.Run("Swedish words find their targets", func(t *testing.T) {
		tab := b.Tab(t)
		for _, c := range []struct{ q, target string }{
			{"återvändare", "/2020/#vagledning-atervandare-uppfoljning"},
			{"atervandare", "/2020/#vagledning-atervandare-uppfoljning"},
			{"radikaliseras", "/2020/#ansvar-och-samverkan-samverkan"},
			{"nätverk", "/2020/#socialtjanstnatverk-vbe"},
			{"avhoppare", "/2020/#uppdrag-avhopparverksamhet"},
			{"bejakande", "/2020/#rutin-vid-oro"},
			{"vitmaktmiljön", "/2020/#lokal-lagesbild-kartlaggning"},
			{"vit makt-miljön", "/2020/#lokal-lagesbild-kartlaggning"},
			{"SLK", "/2020/#lokal-lagesbild-kartlaggning"},
			{"radikalisring", "/2020/#ansvar-och-samverkan-samverkan"},
			{"förebygande", "/2020/#uppdrag-forebyggande-arbete"},
			{"vad gör jag vid oro", "/2020/#rutin-vid-oro"},
			{"anhöriga", "/2020/#uppdrag-stod-till-anhoriga"},
			{"Järva", "/2020/#"},
			// A compound's head in another inflection: "vuxen-" said as "Ge vuxna rådgivning och stöd".
			{"vuxenstöd", "/2020/#radgivning-vuxna"},
			// A misspelling one letter from the stem of a word the text has only inflected ("kuratorer").
			{"kuratr", "/2020/#forelasningar-skolor"},
			// A compound's tail alone, whose head ("jobb") the plan never says: "Jobbtorg Hässelby".
			{"torget", "/2020/#workshop-hasselby-bromma"},
			// A word of four letters with two letters swapped, or one doubled.
			{"taem", "/2020/#uppdrag-vbe-team"},
			{"teamm", "/2020/#uppdrag-vbe-team"},
			// A common word the answer lacks ("vart", "socialtjänsten") does not decide; the rare ones do.
			{"vart vänder jag mig som anhörig", "/2020/#uppdrag-stod-till-anhoriga"},
			{"får socialtjänsten bryta sekretessen", "/2020/#rutiner-och-sekretessbrytande-regel"},
			// A root that begins a longer word whose head is no word of the site: "sekretessbrytande".
			{"sekretessen", "/2020/#rutiner-och-sekretessbrytande-regel"},
			// A short form in the glossary ("Säpo: Säkerhetspolisen") finds the places that say the long one, in
			// the genitive too; and a suspended compound's abbreviation ("IFO: individ- och familjeomsorgen").
			{"Säpo", "/2020/#inledning"},
			{"Säpo", "/2020/#uppdrag-vbe-team"},
			{"IFO", "/2020/#uppdrag-avhopparverksamhet"},
			// A weak word of a question ("sitter", "ligger") never decides over a word the site has.
			{"var sitter samordnaren", "/2020/#uppdrag-samordnare"},
			{"var ligger kompetenscentret", "/2020/#uppdrag-samordnare"},
			// A number word finds the text that writes the number in digits ("9 tillfällen per år"), and the other
			// way round (internal/search TestNumeralsBothWays).
			{"nio", "/2020/#natverk-vbe-samordnare"},
			// -ist finds -ism on a root of three letters: the introduction's sökord say "nazism".
			{"nazisterna", "/2020/#inledning"},
			// A compound that matches nothing else, with one part the site has: the head as a word or at the
			// beginning of longer words ("webb-" of "webbutbildning"), or "avhoppare".
			{"webbkursen", "/2020/#webbutbildning-alla"},
			{"avhopparsamtal", "/2020/#uppdrag-avhopparverksamhet"},
			// Nor does a light verb or a particle ("få", "tar emot").
			{"hur kan anhöriga få stöd", "/2020/#uppdrag-stod-till-anhoriga"},
			{"vem tar emot blanketten", "/2020/#rutin-vid-oro-blankett-for-avidentifierad-information"},
			// Everything the plan's page shows is found where it stands: a key figure's source line in its table,
			// and the text under a subsection's own subsection at that heading.
			{"stadsrevisionen", "/2020/#webbutbildning-tabell"},
			{"samverkan kring individer", "/2020/#ansvar-och-samverkan-samverkan-kring-individer-i-risk-att-radikaliseras"},
			// A general abbreviation, which the plan never writes, finds what the plan writes out.
			// A compound the site has also finds the places that say its parts apart, below those that say it:
			// the VBE team's section says "extremistiska miljöer" and "anmäler".
			{"polisen anmäler barn i extremistmiljö", "/2020/#uppdrag-vbe-team"},
			// The coordinator's synonyms (samarbeta: samverka), in another inflection and as a compound's head.
			{"samarbetsöverenskommelse", "/2020/#ansvar-och-samverkan-samverkan"},
			// The shipped synonyms, in the plural too: rektor: skola ("ledning … i Stockholms stads skolor"), and
			// försörjningsstöd: bistånd ("ekonomiskt bistånd"); gammal: ålder ("20 års ålder").
			{"rektorer", "/2020/#forelasningar-skolor"},
			{"försörjningsstöd", "/2020/#workshop-hasselby-bromma"},
			{"socsek", "/2020/#forstarkningsteamet-utredning"},
			{"hur gammal", "/2020/#uppdrag-avhopparverksamhet"},
			{"KF", "/2020/#inledning"},
			{"APT", "/2020/#information-arbetsplatstraffar"},
		} {
			got := searchPage(t, tab, base+"/sok/?q="+c.q)
			top := got[:min(5, len(got))]
			if !strings.Contains(strings.Join(top, " "), c.target) {
				t.Errorf("%q: first results %q, want %s among the first five", c.q, top, c.target)
			}
		}
		// A worried question leads first to the routine, whoever the worry is about: the routine's sökord name
		// the people an employee meets (a colleague, a pupil, a client), and a weak verb ("verkar") does not
		// send the question elsewhere.
		for _, q := range []string{"vad gör jag vid oro", "min kollega verkar radikaliserad vad gör jag",
			"min elev verkar radikaliserad", "orolig för en klient", "telefonnummer till samordnaren",
			// A weak word is no part of a phrase: "var hittar jag blanketten" is the phrase "var finns blanketten".
			"var hittar jag blanketten",
			// A question of what to do, in the first person, is answered by the routine when it has the words
			// ("radikaliserade"), before the places that say "radikaliseras" more often.
			"vad ska jag göra om någon radikaliseras"} {
			if got := searchPage(t, tab, base+"/sok/?q="+q); len(got) == 0 || got[0] != "/2020/#rutin-vid-oro" {
				t.Errorf("%s: a worried question does not lead first to the routine: %q", q, got)
			}
		}
		// A form the site does not have ("utredaren") finds the places that say the same word in another form
		// ("utredare") before those that only share its stem ("utredas", "utredningsplaceringar").
		if got := searchPage(t, tab, base+"/sok/?q=utredaren"); len(got) == 0 || !slices.Contains([]string{"/2020/#granska-nya-foreningar",
			"/2020/#folja-upp-foreningar", "/2020/#forelasningar-skolor", "/2020/#lokal-lagesbild-resultat-fran-forvaltningens-enkat"}, got[0]) {
			t.Errorf("utredaren: %q, want a place that says utredare first", got)
		}
		// Two forms with different endings ("preventivt", "preventiva"), not the longer word of the same root
		// ("Preventionstjärnan").
		if got := searchPage(t, tab, base+"/sok/?q=preventivt"); len(got) == 0 || got[0] == "/2020/#uppdrag-forebyggande-arbete" {
			t.Errorf("preventivt: %q, want the places that say preventiva or prevention first", got)
		}
		// All but one of the words of a phrase of three or more: "definition av våldsbejakande extremism".
		if got := searchPage(t, tab, base+"/sok/?q=vad är våldsbejakande extremism"); len(got) == 0 || got[0] != "/2020/#inledning" {
			t.Errorf("vad är våldsbejakande extremism: %q, want the introduction, whose sökord has the words, first", got)
		}
		// A word the text has only at the beginning of longer words ("Behandlingsenheten") is found there before
		// a word that only shares its root ("behandlas", in Uppföljning).
		if got := searchPage(t, tab, base+"/sok/?q=behandling"); len(got) == 0 || got[0] == "/2020/#uppfoljning" {
			t.Errorf("behandling: %q, want the places that say Behandlingsenheten first", got)
		}
		// A compound whose only part the site has is one that many texts say ("stöd") finds nothing, rather than
		// every place that says the part.
		if got := searchPage(t, tab, base+"/sok/?q=bostadsstöd"); len(got) > 0 {
			t.Errorf("bostadsstöd: %q, want nothing (stöd is in too many texts to stand for it)", got)
		}
		// Any other change of one letter makes another word of four letters, not a misspelling of this one.
		if got := searchPage(t, tab, base+"/sok/?q=tean"); len(got) > 0 {
			t.Errorf("tean: %q, want nothing (it is not team misspelt by a swap or a double letter)", got)
		}
		// A question's rarest word, found through a synonym (gammal: ålder, "20 års ålder"), answers before a
		// commoner word that other places say ("hjälp"): how a word is matched compares only documents with the
		// same words.
		if got := searchPage(t, tab, base+"/sok/?q=hur gammal måste man vara för att få hjälp av SIG"); len(got) == 0 ||
			got[0] != "/2020/#uppdrag-avhopparverksamhet" {
			t.Errorf("hur gammal måste man vara för att få hjälp av SIG: %q, want the section that gives the ages first", got)
		}
		if got := searchPage(t, tab, base+"/sok/?q=verksamhetsberättelse"); len(got) == 0 {
			t.Error("verksamhetsberättelse finds nothing, though many rows are followed up in VB")
		}
	})

	t.Run("typing updates the results, the address and the count", func(t *testing.T) {
		tab := b.Tab(t)
		searchPage(t, tab, base+"/sok/")
		tab.Do(chromedp.SendKeys(chromedp.ID("sok-q"), "webbutbildning"))
		tab.WaitFor(`document.querySelectorAll('#sok-resultat li').length > 0 && location.search === '?q=webbutbildning'`)
		status := browser.Eval[string](tab, `document.getElementById('sok-status').textContent`)
		if !strings.Contains(status, "träff") || !strings.Contains(status, "webbutbildning") {
			t.Errorf("status %q", status)
		}
		if live := browser.Eval[string](tab, `document.getElementById('sok-status').getAttribute('aria-live')`); live != "polite" {
			t.Errorf("the count is not announced: aria-live=%q", live)
		}
		if marks := browser.Eval[int](tab, `document.querySelectorAll('#sok-resultat mark').length`); marks == 0 {
			t.Error("no matched word is marked in the snippets")
		}
	})

	t.Run("filters narrow the results", func(t *testing.T) {
		tab := b.Tab(t)
		searchPage(t, tab, base+"/sok/?q=samordnare")
		if kinds := browser.Eval[string](tab, `[...document.querySelectorAll('.search-result__meta')].map(p => p.textContent).join()`); !strings.Contains(kinds, "Avsnitt") || !strings.Contains(kinds, "Aktivitet") {
			t.Fatalf("samordnare should find both sections and activities: %s", kinds)
		}
		acts := searchPage(t, tab, base+"/sok/?q=samordnare&typ=a")
		if len(acts) == 0 {
			t.Error("no activities")
		}
		if kinds := browser.Eval[[]string](tab, `[...document.querySelectorAll('.search-result__meta')].map(p => p.textContent.split(' ')[0])`); strings.Contains(strings.Join(kinds, " "), "Avsnitt") {
			t.Errorf("a section among activities only: %q", kinds)
		}
		years := searchPage(t, tab, base+"/sok/?q=samordnare&omfang=alla")
		if !strings.Contains(strings.Join(years, " "), "/2021/") || !strings.Contains(strings.Join(years, " "), "/2020/") {
			t.Errorf("all years: %q", years)
		}
		// One Ansvarig, chosen in the list: the address follows, and every result has that Ansvarig.
		value := browser.Eval[string](tab, `(r => { r.click(); return r.value; })(document.querySelector('#sok-ansvarig input[value]:not([value=""])'))`)
		tab.WaitFor(`location.search.includes('ansvarig=` + value + `')`)
		searchPage(t, tab, base+"/sok/"+browser.Eval[string](tab, `location.search`))
		if v := browser.Eval[string](tab, `document.querySelector('#sok-ansvarig input:checked').value`); v != value {
			t.Errorf("the Ansvarig filter is not restored from the address: %q, want %q", v, value)
		}
		want := browser.Eval[string](tab, `document.querySelector('#sok-ansvarig input:checked + label').textContent`)
		got := browser.Eval[[]string](tab, `[...document.querySelectorAll('.search-result__facts div:first-child dd')].map(d => d.textContent)`)
		if len(got) == 0 {
			t.Errorf("no results for Ansvarig %q", want)
		}
		for _, g := range got {
			if g != want {
				t.Errorf("Ansvarig filter %q let through %q", want, g)
			}
		}
	})

	t.Run("all years: a text the years share is one result, naming them; one year is a scope too", func(t *testing.T) {
		tab := b.Tab(t)
		count := func() int {
			return browser.Eval[int](tab, `document.querySelectorAll('#sok-resultat li').length`)
		}
		searchPage(t, tab, base+"/sok/?q=samverkan")
		current := count()
		searchPage(t, tab, base+"/sok/?q=samverkan&omfang=2021")
		if v := browser.Eval[string](tab, `document.getElementById('sok-omfang').value`); v != "2021" {
			t.Fatalf("the scope 2021 is not restored from the address: %q", v)
		}
		for _, u := range browser.Eval[[]string](tab, `[...document.querySelectorAll('#sok-resultat a')].map(a => new URL(a.href).pathname)`) {
			if u != "/2021/" {
				t.Errorf("searching 2021 leads to %s", u)
			}
		}
		if status := browser.Eval[string](tab, `document.getElementById('sok-status').textContent`); !strings.Contains(status, "i planen 2021") {
			t.Errorf("status %q", status)
		}
		y2021 := count()
		all := searchPage(t, tab, base+"/sok/?q=samverkan&omfang=alla")
		metas := browser.Eval[[]string](tab, `[...document.querySelectorAll('.search-result__meta')].map(p => p.textContent)`)
		if len(all) >= current+y2021 || len(all) < max(current, y2021) {
			t.Errorf("all years give %d results, the plan in force %d and 2021 %d: the shared texts are not one result", len(all), current, y2021)
		}
		shared := 0
		for i, m := range metas {
			// A shared text leads to the plan in force and names the other year.
			if m == "Avsnitt i planen 2020, samma text i 2021" || m == "Aktivitet i planen 2020, samma text i 2021" {
				shared++
				if !strings.HasPrefix(all[i], "/2020/#") {
					t.Errorf("%q leads to %s, not to the plan in force", m, all[i])
				}
			}
		}
		if shared == 0 {
			t.Errorf("no result names the years that share it: %q", metas)
		}
		seen := map[string]bool{}
		for _, text := range browser.Eval[[]string](tab, `[...document.querySelectorAll('#sok-resultat li')].map(li => li.querySelector('h2').textContent + '|' + li.querySelector('.search-result__snippet').textContent + '|' + (li.querySelector('dl') || {}).textContent)`) {
			if seen[text] {
				t.Errorf("the same result twice: %q", text)
			}
			seen[text] = true
		}
		// The scope is reached with the keyboard, and the page stays accessible.
		tab.Do(chromedp.Focus(chromedp.ID("sok-omfang")), chromedp.KeyEvent(kb.ArrowDown))
		tab.WaitFor(`location.search.includes('omfang=2021') && document.getElementById('sok-status').textContent.includes('2021')`)
		if res := tab.Axe(); len(res.Violations) > 0 {
			for _, v := range res.Violations {
				t.Errorf("one year: %s", v)
			}
		}
	})

	t.Run("the Ansvarig filter lists the chosen years' values whole, and fits 320 px", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.EmulateViewport(320, 800))
		searchPage(t, tab, base+"/sok/?q=samordnare")
		labels := func() []string {
			return browser.Eval[[]string](tab, `[...document.querySelectorAll('#sok-ansvarig label')].map(l => l.textContent)`)
		}
		current := labels()
		for _, l := range current {
			if strings.HasSuffix(l, "…") {
				t.Errorf("a cut-off Ansvarig: %q", l)
			}
		}
		searchPage(t, tab, base+"/sok/?q=samordnare&omfang=alla")
		all := labels()
		if len(all) <= len(current) {
			t.Errorf("all years list %d values, the plan in force %d: the years add none", len(all), len(current))
		}
		for _, l := range current {
			if !slices.Contains(all, l) {
				t.Errorf("%q of 2020 is missing under all years", l)
			}
		}
		browser.Eval[bool](tab, `document.getElementById('sok-avgransa').open = true`)
		if over := browser.Eval[[]string](tab, `[...document.querySelectorAll('.search-form, .search-form *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`); len(over) > 0 {
			t.Errorf("at 320 px the search form reaches past the screen: %q", over)
		}
		if sw := browser.Eval[int](tab, `document.documentElement.scrollWidth`); sw > 320 {
			t.Errorf("the page scrolls sideways at 320 px: %d", sw)
		}
	})

	t.Run("on a phone the filters fold away below the field, and say what they narrow", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Do(chromedp.EmulateViewport(390, 844))
		searchPage(t, tab, base+"/sok/?q=samordnare")
		if browser.Eval[bool](tab, `document.getElementById('sok-avgransa').open`) {
			t.Error("at 390 px the filters are open before the results")
		}
		if top := browser.Eval[float64](tab, `document.querySelector('#sok-resultat li').getBoundingClientRect().top`); top > 844-100 {
			t.Errorf("at 390 px the first result begins %.0f px down, below the first screen of 844", top)
		}
		if s := browser.Eval[string](tab, `document.querySelector('#sok-avgransa summary').textContent`); s != "Avgränsa sökningen" {
			t.Errorf("summary %q with nothing chosen", s)
		}
		// A search narrowed by its address shows its filters, and the summary names them.
		searchPage(t, tab, base+"/sok/?q=samordnare&omfang=alla&typ=a")
		if !browser.Eval[bool](tab, `document.getElementById('sok-avgransa').open`) {
			t.Error("a narrowed search hides its filters")
		}
		if s := browser.Eval[string](tab, `document.querySelector('#sok-avgransa summary').textContent`); s != "Avgränsa sökningen: alla år, bara aktiviteter" {
			t.Errorf("summary %q, want the choices named", s)
		}
		// Choosing in the form keeps the summary true.
		browser.Eval[bool](tab, `(s => { s.value = ''; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })(document.getElementById('sok-typ'))`)
		tab.WaitFor(`document.querySelector('#sok-avgransa summary').textContent === 'Avgränsa sökningen: alla år'`)
		// On a wide screen they are open from the start.
		tab.Do(chromedp.EmulateViewport(1280, 800))
		searchPage(t, tab, base+"/sok/?q=samordnare")
		if !browser.Eval[bool](tab, `document.getElementById('sok-avgransa').open`) {
			t.Error("at 1280 px the filters are folded away")
		}
	})

	t.Run("questions lead to the routine for a worry", func(t *testing.T) {
		tab := b.Tab(t)
		for _, q := range []string{"vem ska jag ringa", "vad gör jag om jag är orolig", "var finns blanketten", "Vem ska jag ringa?"} {
			got := searchPage(t, tab, base+"/sok/?q="+url.QueryEscape(q))
			if len(got) == 0 || !strings.HasPrefix(got[0], "/2020/#rutin-vid-oro") {
				t.Errorf("%q: first results %q, want the routine (Vid oro) first", q, got[:min(3, len(got))])
			}
		}
		if d := browser.Eval[float64](tab, `(performance.getEntriesByName('sok').at(-1) || {duration: -1}).duration`); d < 0 {
			t.Error("no performance measure 'sok' from the query to the results drawn")
		}
	})

	t.Run("a search that finds nothing says what to do", func(t *testing.T) {
		tab := b.Tab(t)
		// A misspelling too far for the search to take on its own, and a word only an older revision has.
		if got := searchPage(t, tab, base+"/sok/?q=blankeeettten"); len(got) != 0 {
			t.Fatalf("found %q", got)
		}
		text := browser.Eval[string](tab, `document.querySelector('.search-page').innerText`)
		for _, want := range []string{"Inga träffar", "Sök i alla år", "rutinen vid oro", "planens innehåll", "förkortningslistan"} {
			if !strings.Contains(text, want) {
				t.Errorf("the empty result lacks %q:\n%s", want, text)
			}
		}
		sugg := browser.Eval[[]string](tab, `[...document.querySelectorAll('#sok-tomt a')].map(a => a.textContent)`)
		if !slices.Contains(sugg, "blanketten") {
			t.Errorf("no spelling suggested from the plan: %q", sugg)
		}
		// A suggestion is a search for a word of the plan, and it finds it.
		tab.Do(chromedp.Click(chromedp.CSS(`#sok-tomt a`)))
		tab.WaitFor(`location.search.includes('blanketten') && document.querySelectorAll('#sok-resultat li').length > 0`)
		// A word of another year's plan only: the other years are offered with their count, and lead to it.
		if got := searchPage(t, tab, base+"/sok/?q=omvärldsbevakning"); len(got) != 0 {
			t.Fatalf("omvärldsbevakning is in the example revision only, yet the plan in force finds %q", got)
		}
		if link := browser.Eval[string](tab, `document.querySelector('#sok-tomt').innerText`); !strings.Contains(link, "Sök i alla år (1 träff") && !strings.Contains(link, "Sök i alla år (2 träffar") {
			t.Errorf("the other years are offered without their hits: %q", link)
		}
		tab.Do(chromedp.Click(chromedp.CSS(`#sok-tomt a[href*="omfang=alla"]`)))
		tab.WaitFor(`location.search.includes('omfang=alla') && document.querySelectorAll('#sok-resultat li').length > 0`)
		for _, width := range []int64{320, 1280} {
			tab.Do(chromedp.EmulateViewport(width, 800))
			searchPage(t, tab, base+"/sok/?q=blankeeettten")
			if res := tab.Axe(); len(res.Violations) > 0 {
				for _, v := range res.Violations {
					t.Errorf("%d px: %s", width, v)
				}
			}
		}
	})

	t.Run("following a result and coming back", func(t *testing.T) {
		tab := b.Tab(t)
		got := searchPage(t, tab, base+"/sok/?q=anhöriga")
		if len(got) == 0 {
			t.Fatal("no results")
		}
		tab.Do(chromedp.Click(chromedp.CSS(`#sok-resultat a`)))
		tab.WaitFor(`location.pathname === '/2020/' && location.hash !== '' && document.readyState === 'complete' && !!document.querySelector(':target')`)
		if bg := browser.Eval[string](tab, `getComputedStyle(document.querySelector(':target')).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
			t.Error("the result's target is not highlighted")
		}
		browser.Eval[bool](tab, `history.back(), true`) // the back button
		tab.WaitFor(`location.pathname === '/sok/' && document.querySelectorAll('#sok-resultat li').length > 0`)
		if v := browser.Eval[string](tab, `document.getElementById('sok-q').value`); v != "anhöriga" {
			t.Errorf("after going back the field holds %q", v)
		}
	})

	t.Run("slash focuses the search field", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Open(base + "/2020/")
		tab.Do(chromedp.KeyEvent("/"))
		if id := browser.Eval[string](tab, `document.activeElement.id`); id != "sok-falt" {
			t.Errorf("focus on %q after /, want the search field", id)
		}
	})

	t.Run("accessible, and says plainly that it needs JavaScript", func(t *testing.T) {
		tab := b.Tab(t)
		for _, width := range []int64{1280, 360} {
			tab.Do(chromedp.EmulateViewport(width, 800))
			searchPage(t, tab, base+"/sok/?q=samverkan")
			if res := tab.Axe(); len(res.Violations) > 0 {
				for _, v := range res.Violations {
					t.Errorf("%d px: %s", width, v)
				}
			}
		}
		tab.Open(base + "/forkortningar/")
		if res := tab.Axe(); len(res.Violations) > 0 {
			t.Errorf("glossary: %v", res.Violations)
		}
		// The general abbreviations are a list of their own, under a heading that says they are not the plan's.
		general := browser.Eval[string](tab, `[...document.querySelectorAll('#allmanna-forkortningar ~ dl dt')].map(e => e.textContent).join(' ')`)
		if !strings.Contains(general, "APT") || strings.Contains(general, "VBE") {
			t.Errorf("the general abbreviations listed are %q, want APT and not the plan's VBE", general)
		}
		if out := tab.Outside(base); len(out) > 0 {
			t.Errorf("requests outside the site: %q", out)
		}
		nojs := b.Tab(t)
		if _, err := chromedp.Call(nojs.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		nojs.Open(base + "/sok/?q=samverkan")
		if txt := browser.Eval[string](nojs, `document.body.innerText`); !strings.Contains(txt, "Sökningen behöver JavaScript") {
			t.Error("without JavaScript the page does not say that search needs it")
		}
	})
}

// TestBrowserSearchLexicon: a word the plan has in no form, and no rule or synonym of the coordinator's reaches,
// finds the plan's word for it through the general lexicon ("snut": polis), and only such a word: the lexicon's
// file is fetched for it, never for a word the site has.
func TestBrowserSearchLexicon(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	lexFetched := func() bool {
		return browser.Eval[bool](tab, `performance.getEntriesByType('resource').some(e => e.name.includes('/sok/i/x/'))`)
	}
	polis := searchPage(t, tab, base+"/sok/?q=polisen")
	if len(polis) == 0 {
		t.Fatal("polisen finds nothing")
	}
	if lexFetched() {
		t.Error("a word the site has fetched the lexicon")
	}
	for _, q := range []string{"snut", "snutarna"} {
		got := searchPage(t, tab, base+"/sok/?q="+q)
		if len(got) == 0 || !slices.Contains(polis, got[0]) {
			t.Errorf("%s: %q, want a place that says polisen first", q, got)
		}
		if !lexFetched() {
			t.Errorf("%s: the lexicon was not fetched", q)
		}
	}
	// A word neither the plan nor the lexicon can lead anywhere still finds nothing.
	if got := searchPage(t, tab, base+"/sok/?q=kille"); len(got) > 0 {
		t.Errorf("kille: %q, want nothing", got)
	}
	// Beside a word the plan says, the lexicon's match does not decide: "snut" adds nothing to choose among the
	// places that say "blankett".
	blankett := searchPage(t, tab, base+"/sok/?q=blankett")
	if got := searchPage(t, tab, base+"/sok/?q=snut blankett"); len(got) == 0 || !slices.Contains(blankett, got[0]) ||
		len(got) > len(blankett) {
		t.Errorf("snut blankett: %q, want only places that say blankett (%q)", got, blankett)
	}
}

// TestBrowserSearchParticleVerb: a particle verb finds its noun, which puts the particle first: "hoppat av" and
// "hoppa av" find the places that say "avhoppare", which the plan says, and "hoppa" it never does.
func TestBrowserSearchParticleVerb(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	avhopp := searchPage(t, tab, base+"/sok/?q=avhoppare")
	if len(avhopp) == 0 {
		t.Fatal("avhoppare finds nothing")
	}
	for _, q := range []string{"hoppat av", "hoppa av", "hoppar av"} {
		if got := searchPage(t, tab, base+"/sok/?q="+url.QueryEscape(q)); len(got) == 0 || !slices.Contains(avhopp, got[0]) {
			t.Errorf("%s: %q, want a place that says avhoppare (%q) first", q, got, avhopp)
		}
	}
	// The word as typed still decides where the site has it: "följa upp" finds what says "följa upp".
	folja := searchPage(t, tab, base+"/sok/?q=f%C3%B6lja")
	if got := searchPage(t, tab, base+"/sok/?q="+url.QueryEscape("följa upp")); len(got) == 0 || !slices.Contains(folja, got[0]) {
		t.Errorf("följa upp: %q, want a place that says följa first (%q)", got, folja)
	}
}

// TestBrowserSearchFoldedVowels checks that a query word the plan does not have, typed with å, ä or ö, does not find
// the plan's words of another vowel that fold like it: "gänget" is not "gång" or "gånger" (the networks meet four
// times a year), though both fold to "gang". Typed without them ("ganget"), the reader may mean either, and the
// folded match stays.
func TestBrowserSearchFoldedVowels(t *testing.T) {
	b := browser.Require(t)
	base := servedSite(t, demo.Content(t))
	tab := b.Tab(t)
	gang := searchPage(t, tab, base+"/sok/?q="+url.QueryEscape("gånger"))
	if len(gang) == 0 {
		t.Fatal("gånger finds nothing")
	}
	// The word, and a compound whose head it is (split in the browser, or taken for its known part).
	for _, q := range []string{"gänget", "gängmedlem", "gängkriminalitet"} {
		for _, d := range searchPage(t, tab, base+"/sok/?q="+url.QueryEscape(q)) {
			if slices.Contains(gang, d) {
				t.Errorf("%s finds %s, a place that says gång or gånger (%q)", q, d, gang)
			}
		}
	}
	if got := searchPage(t, tab, base+"/sok/?q=ganget"); len(got) == 0 || !slices.Contains(gang, got[0]) {
		t.Errorf("ganget: %q, want a place that says gång or gånger first (%q)", got, gang)
	}
	avhopp := searchPage(t, tab, base+"/sok/?q=avhoppare")
	if got := searchPage(t, tab, base+"/sok/?q="+url.QueryEscape("hoppa av gänget")); len(got) == 0 || !slices.Contains(avhopp, got[0]) {
		t.Errorf("hoppa av gänget: %q, want a place that says avhoppare first (%q)", got, avhopp)
	}
}

// TestBrowserSearchRareWordDecides searches a plan where a common word of the query ("förvaltningen", in most
// sections) is in a wrong section beside a rarer word, and the answer has only the rarest word ("anhöriga"): the
// common word must not decide which sections answer, so the answer is found, and first.
func TestBrowserSearchRareWordDecides(t *testing.T) {
	b := browser.Require(t)
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	for i, s := range []struct{ id, title, text string }{
		{"ekonomi", "Ekonomi", "Förvaltningen sköter ekonomin och budgeten."},
		{"personal", "Personal", "Förvaltningen anställer personal till enheterna."},
		{"lokaler", "Lokaler", "Förvaltningen hyr lokaler i staden."},
		{"telefon", "Telefon", "Förvaltningen svarar i telefon och ringer upp alla som söker den."},
		{"anhoriga", "Stöd till anhöriga", "Anhöriga kan få stödsamtal och råd."},
	} {
		md := fmt.Sprintf("---\nid: %s\ntitel: %s\nordning: %d\n---\n%s\n", s.id, s.title, 30+i, s.text)
		if err := os.WriteFile(filepath.Join(dir, "2020", "avsnitt", s.id+".md"), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := servedSite(t, dir)
	tab := b.Tab(t)
	got := searchPage(t, tab, base+"/sok/?q=vart ringer anhöriga till förvaltningen")
	if len(got) == 0 || got[0] != "/2020/#anhoriga" {
		t.Errorf("%q, want the section that says the rarest word (anhöriga) first", got)
	}
	if !slices.Contains(got, "/2020/#telefon") {
		t.Errorf("%q, want the section that says the other rare word (ringer) too", got)
	}
	for _, id := range []string{"ekonomi", "personal", "lokaler"} {
		if slices.Contains(got, "/2020/#"+id) {
			t.Errorf("%q: %s has only the common word", got, id)
		}
	}
	// All the deciding words in one section still put it first, as before.
	if got := searchPage(t, tab, base+"/sok/?q=förvaltningen ringer"); len(got) == 0 || got[0] != "/2020/#telefon" {
		t.Errorf("förvaltningen ringer: %q, want the section with both words first", got)
	}
}

// TestBrowserSearchWeakWordsDecideNothing checks, on a small plan, that neither a weak word of a question
// ("ligger") nor a shaky loose match ("bordlades", found only as the short stem "bord") decides which documents
// answer while another word of the query matches as the site says it, though each is rarer; and that a weak word
// still finds what it can when it is all the query has.
func TestBrowserSearchWeakWordsDecideNothing(t *testing.T) {
	b := browser.Require(t)
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	for i, s := range []struct{ id, title, text string }{
		{"ansvar", "Ansvar", "Ansvaret ligger hos nämnden."},
		{"placering", "Placering", "Samordnaren är placerad på kompetenscentret."},
		{"ledning", "Ledning", "Samordnaren leder nätverket."},
		{"mote", "Möte", "Nämnden har ett bord i salen."},
		{"budget", "Budget", "Ärendet om budgeten behandlas i maj."},
		{"lokaler", "Lokaler", "Ärendet om lokalerna behandlas i juni."},
	} {
		md := fmt.Sprintf("---\nid: %s\ntitel: %s\nordning: %d\n---\n%s\n", s.id, s.title, 30+i, s.text)
		if err := os.WriteFile(filepath.Join(dir, "2020", "avsnitt", s.id+".md"), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := servedSite(t, dir)
	tab := b.Tab(t)
	for _, c := range []struct {
		q          string
		want, trap string
	}{
		{"var ligger samordnaren", "/2020/#placering", "/2020/#ansvar"},
		{"när bordlades ärendet", "/2020/#budget", "/2020/#mote"},
	} {
		got := searchPage(t, tab, base+"/sok/?q="+c.q)
		if !slices.Contains(got, c.want) || slices.Contains(got, c.trap) {
			t.Errorf("%s: %q, want the places that say the firm word (%s), not %s", c.q, got, c.want, c.trap)
		}
	}
	if got := searchPage(t, tab, base+"/sok/?q=var ligger det"); len(got) == 0 || got[0] != "/2020/#ansvar" {
		t.Errorf("var ligger det: %q, want the weak word's place: it is all the query has", got)
	}
}

// TestBrowserSearchSubjectOverSokord searches a small plan where a routine's sökord ("orolig för en elev eller
// ungdom") have a word of the question that other texts say ("ungdomar"), and another section says the question's
// rarest word ("föräldrar"): the sökord must not make the routine answer the question, and among the sections with
// as many deciding words, the one with the rarer ones comes first. A word no text says ("kollega") is still the
// sökord's to find. And a verb finds the noun the text makes of it ("tvinga" → "Tvångsåtgärder", "stödja" →
// "stöd").
func TestBrowserSearchSubjectOverSokord(t *testing.T) {
	b := browser.Require(t)
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	for i, s := range []struct{ id, title, text, extra string }{
		{"hantering", "Hantering", "Radikaliserade personer hanteras enligt rutinen.", "sökord:\n  - orolig för en elev eller ungdom\n  - orolig för en kollega\n"},
		{"anhoriga", "Anhöriga", "Föräldrar kan få stöd.", ""},
		{"skola", "Skola", "Ungdomar får stöd i skolan.", ""},
		{"polis", "Polis", "Radikaliserade personer får stöd av polisen.", ""},
		{"atgarder", "Åtgärder", "Tvångsåtgärder kan bli aktuella.", ""},
	} {
		md := fmt.Sprintf("---\nid: %s\ntitel: %s\nordning: %d\n%s---\n%s\n", s.id, s.title, 30+i, s.extra, s.text)
		if err := os.WriteFile(filepath.Join(dir, "2020", "avsnitt", s.id+".md"), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := servedSite(t, dir)
	tab := b.Tab(t)
	if got := searchPage(t, tab, base+"/sok/?q=finns det något för föräldrar till radikaliserade ungdomar"); len(got) == 0 || got[0] != "/2020/#anhoriga" {
		t.Errorf("föräldrar till radikaliserade ungdomar: %q, want the section that says föräldrar first", got)
	}
	if got := searchPage(t, tab, base+"/sok/?q=kollega"); len(got) == 0 || got[0] != "/2020/#hantering" {
		t.Errorf("kollega: %q, want the routine, whose sökord alone say it", got)
	}
	if got := searchPage(t, tab, base+"/sok/?q=kan vi tvinga någon"); len(got) == 0 || got[0] != "/2020/#atgarder" {
		t.Errorf("kan vi tvinga någon: %q, want the section that says Tvångsåtgärder", got)
	}
}
