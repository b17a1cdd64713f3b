//go:build searchbench

// Package searchbench measures plansite's search against Pagefind on the same built site, in Chromium: recall of
// the expected target in the first five results and mean reciprocal rank on queries.tsv, the bytes a first query
// costs with a cold cache, and query latency. Run it with `make bench-search`; it writes results.md.
package searchbench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/demo"
	"github.com/stockholm/plansite/internal/plangen"
	"github.com/stockholm/plansite/internal/serve"
	"github.com/stockholm/plansite/internal/site"
)

type query struct {
	q, kind, set string
	targets      []string
}

// sets are the values of the last column: utveckling was tuned on; prov was held out from the first round of
// tuning, prov2 was written, before the second round, to be held out from it, and prov3 before the third;
// utveckling4 was written in the fourth round to probe classes of failure, and tuned on; prov4 was written before
// the fourth round, by someone who saw none of its work, and scored once after it; prov5 was written the same way
// before the fifth round, and held out from it; utveckling6 was written in the sixth round, before its code changed,
// to probe the classes prov5 missed, and tuned on; prov6 was written before the sixth round, and prov7 too, by a
// second writer who saw neither the search nor prov6's scores; both were tuned on after they were scored. prov8
// was written before the seventh round by a writer who saw neither the search nor any score, and prov9 too, by a
// second writer; both were tuned on after they were scored. utveckling8 was written in the eighth round to probe
// the classes it worked on, and tuned on. prov10 and prov11 were written before the eighth round by two writers who
// saw neither the search nor any score, and scored once after it.
var sets = []string{"utveckling", "prov", "prov2", "prov3", "utveckling4", "prov4", "prov5", "utveckling6", "prov6", "prov7", "prov8", "prov9", "utveckling8", "prov10", "prov11"}

func readQueries(t *testing.T) []query {
	f, err := os.Open("queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 || !slices.Contains(sets, cols[3]) {
			t.Fatalf("queries.tsv: %q has %d columns, want 4, the last one of %v", line, len(cols), sets)
		}
		qs = append(qs, query{q: cols[0], targets: strings.Split(cols[1], ","), kind: cols[2], set: cols[3]})
	}
	return qs
}

// gzipped compresses text responses, as an intranet web server does; Pagefind's index files are compressed
// already and pass unchanged.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := filepath.Ext(r.URL.Path)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !slices.Contains([]string{".js", ".json", ".css", ".html", ""}, ext) {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		rec.Body = new(bytes.Buffer)
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		gz := gzip.NewWriter(w)
		_, _ = io.Copy(gz, rec.Body)
		gz.Close()
	})
}

// counted counts the bytes the server sends for paths that match, as they go over the wire (compressed, without
// headers). Counting at the server sees what Pagefind's web worker fetches too, which the page's own network
// events do not.
type counted struct {
	h     http.Handler
	match func(path string) bool
	n     atomic.Int64
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.n.Add(int64(len(b)))
	return w.ResponseWriter.Write(b)
}

func (c *counted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.match(r.URL.Path) {
		w = countingWriter{w, &c.n}
	}
	c.h.ServeHTTP(w, r)
}

// buildSite builds content into a folder and runs Pagefind over the revision pages (not the comparison pages,
// which plansite's search does not index either).
func buildSite(t *testing.T, contentDir, current string) string {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Content: contentDir, Out: out, Drafts: true}); err != nil {
		t.Fatal(err)
	}
	for _, run := range [][]string{
		{"--glob", "[0-9][0-9][0-9][0-9]/index.html"},                              // every revision, for bytes and latency
		{"--glob", current + "/index.html", "--output-subdir", "pagefind-current"}, // the current one, for relevance
	} {
		pf := exec.Command("../node_modules/.bin/pagefind", append([]string{"--site", out}, run...)...)
		if b, err := pf.CombinedOutput(); err != nil {
			t.Fatalf("pagefind: %v\n%s", err, b)
		}
	}
	// A blank page to run Pagefind's own JavaScript API from.
	if err := os.WriteFile(filepath.Join(out, "pf.html"), []byte(`<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

const pagefindSearch = `(async (q, n, bundle) => {
	const pf = window.pf || (window.pf = await import('/' + (bundle || 'pagefind') + '/pagefind.js'));
	const s = await pf.search(q);
	const data = await Promise.all(s.results.slice(0, 5).map(r => r.data()));
	// Sections within a page, the best (most matches) first, as plansite ranks sections.
	const subs = data.flatMap(d => d.sub_results.slice().sort((a, b) => b.locations.length - a.locations.length));
	return subs.slice(0, n).map(s => decodeURIComponent(new URL(s.url, location.href).hash.slice(1)));
})`

const plansiteSearch = `(async (q, n, all) => {
	const r = await plansiteSearch.search(q, {all: all, kind: '', ansvarig: ''});
	const frags = await Promise.all(r.docs.slice(0, n).map(d => plansiteSearch.fragment(d.doc)));
	return frags.map(f => decodeURIComponent(f.u));
})`

// tally is recall@5 and reciprocal ranks over some queries.
type tally struct {
	n, hits5 int
	rr       float64
}

func (t *tally) add(rank int) {
	t.n++
	if rank >= 1 && rank <= 5 {
		t.hits5++
	}
	if rank > 0 {
		t.rr += 1 / float64(rank)
	}
}

func (t tally) recall() float64 { return float64(t.hits5) / float64(max(1, t.n)) }
func (t tally) mrr() float64    { return t.rr / float64(max(1, t.n)) }

type scores struct {
	all    tally
	bySet  map[string]*tally
	byKind map[string]*tally
	missed []string
}

// score runs the queries; accept widens the targets of a query for an engine that cannot point at them.
func score(qs []query, run func(q string) []string, accept func([]string) []string) scores {
	s := scores{bySet: map[string]*tally{}, byKind: map[string]*tally{}}
	for _, q := range qs {
		got := run(q.q)
		targets := accept(q.targets)
		rank := 0
		for i, a := range got {
			if slices.Contains(targets, a) {
				rank = i + 1
				break
			}
		}
		s.all.add(rank)
		for _, m := range []struct {
			m map[string]*tally
			k string
		}{{s.bySet, q.set}, {s.byKind, q.kind}, {s.byKind, q.kind + "/" + q.set}} {
			if m.m[m.k] == nil {
				m.m[m.k] = &tally{}
			}
			m.m[m.k].add(rank)
		}
		if rank < 1 || rank > 5 {
			s.missed = append(s.missed, fmt.Sprintf("%s (%s) → %v", q.q, q.set, got[:min(3, len(got))]))
		}
	}
	return s
}

// rowHeadings maps each activity row of a revision's page to the last heading with an id before it: the place
// Pagefind, which points at headings only, gives for a row's text.
func rowHeadings(t *testing.T, page string) map[string]string {
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	heading := ""
	for _, m := range regexp.MustCompile(`<(h[1-6]|tr)\b[^>]*\bid="([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
		if m[1] == "tr" {
			out[m[2]] = heading
		} else {
			heading = m[2]
		}
	}
	return out
}

func percentile(d []time.Duration, p float64) time.Duration {
	slices.Sort(d)
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

func TestCompareSearch(t *testing.T) {
	b := browser.Require(t)
	qs := readQueries(t)
	var report strings.Builder
	fmt.Fprintf(&report, "# Search: plansite against Pagefind\n\nMeasured %s by `make bench-search` (bench/search/), in Chromium, on the site built from the content named. %d queries from bench/search/queries.tsv.\n\n", time.Now().Format("2006-01-02"), len(qs))

	shipped := buildSite(t, demo.Content(t), "2020")
	srv := httptest.NewServer(gzipped(serve.Handler(shipped)))
	defer srv.Close()

	// Relevance, on the current revision (2020), as an employee searches by default.
	tab := b.Tab(t)
	tab.Open(srv.URL + "/sok/")
	tab.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
	ours := score(qs, func(q string) []string {
		return browser.Await[[]string](tab, plansiteSearch+`(`+jsString(q)+`, 10, false)`)
	}, func(t []string) []string { return t })
	// Pagefind points at headings, and at the page itself for the text before the first one (the plan's details,
	// /2020/#titel): a row counts as found at the heading its table follows.
	rows := rowHeadings(t, filepath.Join(shipped, "2020", "index.html"))
	pftab := b.Tab(t)
	pftab.Open(srv.URL + "/pf.html")
	theirs := score(qs, func(q string) []string {
		got := browser.Await[[]string](pftab, pagefindSearch+`(`+jsString(q)+`, 10, 'pagefind-current')`)
		for i, g := range got {
			if g == "" {
				got[i] = "titel"
			}
		}
		return got
	}, func(targets []string) []string {
		out := slices.Clone(targets)
		for _, t := range targets {
			if h, ok := rows[t]; ok {
				out = append(out, h)
			}
		}
		return out
	})
	row := func(name string, a, b *tally) {
		mark := func(x, y float64) string {
			if x > y {
				return " **(better)**"
			}
			return ""
		}
		fmt.Fprintf(&report, "| %s | %d | %.3f (%d)%s | %.3f%s | %.3f (%d)%s | %.3f%s |\n", name, a.n,
			a.recall(), a.hits5, mark(a.recall(), b.recall()), a.mrr(), mark(a.mrr(), b.mrr()),
			b.recall(), b.hits5, mark(b.recall(), a.recall()), b.mrr(), mark(b.mrr(), a.mrr()))
	}
	fmt.Fprintf(&report, "## Relevance (shipped content, revision 2020)\n\n")
	fmt.Fprintf(&report, "| queries | n | plansite recall@5 | plansite MRR | Pagefind recall@5 | Pagefind MRR |\n|---|---|---|---|---|---|\n")
	row("all", &ours.all, &theirs.all)
	row("tuned on (utveckling)", ours.bySet["utveckling"], theirs.bySet["utveckling"])
	row("prov (held out in round 1, tuned on in round 2)", ours.bySet["prov"], theirs.bySet["prov"])
	row("prov2 (held out in round 2, tuned on in round 3)", ours.bySet["prov2"], theirs.bySet["prov2"])
	row("prov3 (held out in round 3, tuned on in round 4)", ours.bySet["prov3"], theirs.bySet["prov3"])
	row("utveckling4 (written in round 4 to probe classes, tuned on)", ours.bySet["utveckling4"], theirs.bySet["utveckling4"])
	row("prov4 (held out in round 4, tuned on in round 5)", ours.bySet["prov4"], theirs.bySet["prov4"])
	row("prov5 (held out in round 5, its misses' classes worked on in round 6)", ours.bySet["prov5"], theirs.bySet["prov5"])
	row("utveckling6 (written in round 6 to probe classes, tuned on)", ours.bySet["utveckling6"], theirs.bySet["utveckling6"])
	row("prov6 (held out in round 6, tuned on after)", ours.bySet["prov6"], theirs.bySet["prov6"])
	row("prov7 (held out in round 6, second writer, tuned on after)", ours.bySet["prov7"], theirs.bySet["prov7"])
	row("prov8 (held out in round 7, tuned on after)", ours.bySet["prov8"], theirs.bySet["prov8"])
	row("prov9 (held out in round 7, second writer, tuned on after)", ours.bySet["prov9"], theirs.bySet["prov9"])
	row("utveckling8 (written in round 8 to probe classes, tuned on)", ours.bySet["utveckling8"], theirs.bySet["utveckling8"])
	row("prov10 (held out: written before round 8)", ours.bySet["prov10"], theirs.bySet["prov10"])
	row("prov11 (held out: written before round 8, second writer)", ours.bySet["prov11"], theirs.bySet["prov11"])
	fmt.Fprintf(&report, "\n### By group (all queries)\n\n| group | n | plansite recall@5 | plansite MRR | Pagefind recall@5 | Pagefind MRR |\n|---|---|---|---|---|---|\n")
	var kinds []string
	for k := range ours.byKind {
		if !strings.Contains(k, "/") {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		row(k, ours.byKind[k], theirs.byKind[k])
	}
	for _, set := range sets[1:] {
		fmt.Fprintf(&report, "\n### By group, %s only%s\n\n| group | n | plansite recall@5 | plansite MRR | Pagefind recall@5 | Pagefind MRR |\n|---|---|---|---|---|---|\n", set, map[string]string{"prov4": " (held out in round 4, tuned on in round 5)", "prov5": " (held out in round 5, tuned on in round 6)", "prov6": " (held out in round 6, tuned on after)", "prov7": " (held out in round 6, tuned on after)", "prov8": " (held out in round 7, tuned on after)", "prov9": " (held out in round 7, tuned on after)", "prov10": " (held out)", "prov11": " (held out)"}[set])
		for _, k := range kinds {
			if ours.byKind[k+"/"+set] != nil {
				row(k, ours.byKind[k+"/"+set], theirs.byKind[k+"/"+set])
			}
		}
	}
	fmt.Fprintf(&report, "\nplansite missed (not in the first five): %s\n\nPagefind missed: %s\n\n", strings.Join(ours.missed, "; "), strings.Join(theirs.missed, "; "))

	// Bytes for a first query with a cold cache, and latency once warm.
	// pfEvery: Pagefind takes seconds a query on the large site, so there it is timed on every pfEvery-th query.
	bytesAndLatency := func(name string, dir string, all bool, pfEvery int) {
		first := qs[0].q
		// A new server for each engine: a new origin, so nothing is in the browser's cache.
		// The counter is outside the compression: it counts the bytes as sent.
		ours := &counted{h: gzipped(serve.Handler(dir)), match: func(p string) bool {
			return strings.HasPrefix(p, "/sok/i/") || strings.HasPrefix(p, "/sok/f/") || p == "/assets/sok.js"
		}}
		osrv := httptest.NewServer(ours)
		defer osrv.Close()
		cold := b.Tab(t)
		cold.Open(osrv.URL + "/sok/?q=" + url.QueryEscape(first) + map[bool]string{true: "&omfang=alla"}[all])
		cold.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
		ourBytes := ours.n.Load()
		theirs := &counted{h: gzipped(serve.Handler(dir)), match: func(p string) bool { return strings.HasPrefix(p, "/pagefind/") }}
		psrv := httptest.NewServer(theirs)
		defer psrv.Close()
		pcold := b.Tab(t)
		pcold.Open(psrv.URL + "/pf.html")
		browser.Await[[]string](pcold, pagefindSearch+`(`+jsString(first)+`, 10, 'pagefind')`)
		pfBytes := theirs.n.Load()
		base := osrv.URL

		timing := func(tb *browser.Tab, fn, arg string) []time.Duration {
			var d []time.Duration
			for i, q := range qs {
				if i%pfEvery != 0 {
					continue
				}
				ms := browser.Await[float64](tb, `(async () => { const t0 = performance.now(); await `+fn+`(`+jsString(q.q)+`, 5, `+arg+`); return performance.now() - t0; })()`)
				d = append(d, time.Duration(ms*float64(time.Millisecond)))
			}
			return d
		}
		warm := b.Tab(t)
		warm.Open(base + "/sok/" + map[bool]string{true: "?omfang=alla"}[all])
		warm.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
		// plansite: the page's own measure, from the query to the results drawn (performance.measure 'sok').
		drawn := func() []time.Duration {
			var d []time.Duration
			for _, q := range qs {
				ms := browser.Await[float64](warm, `(async () => { document.getElementById('sok-q').value = `+jsString(q.q)+`; await plansiteSearch.run(); return performance.getEntriesByName('sok').at(-1).duration; })()`)
				d = append(d, time.Duration(ms*float64(time.Millisecond)))
			}
			return d
		}
		drawn() // load the shards once
		ot := drawn()
		pwarm := b.Tab(t)
		pwarm.Open(psrv.URL + "/pf.html")
		timing(pwarm, pagefindSearch, "'pagefind'")
		pt := timing(pwarm, pagefindSearch, "'pagefind'")
		fmt.Fprintf(&report, "## %s\n\n| | first query, cold cache | p50 | p95 |\n|---|---|---|---|\n", name)
		fmt.Fprintf(&report, "| plansite | %.1f kB | %.2f ms | %.2f ms |\n", float64(ourBytes)/1000, ms(percentile(ot, 0.5)), ms(percentile(ot, 0.95)))
		fmt.Fprintf(&report, "| Pagefind | %.1f kB | %.2f ms | %.2f ms |\n\n", float64(pfBytes)/1000, ms(percentile(pt, 0.5)), ms(percentile(pt, 0.95)))
		if pfEvery > 1 {
			fmt.Fprintf(&report, "plansite's latency over all %d queries, Pagefind's over %d of them (every %d.).\n\n", len(qs), len(pt), pfEvery)
		}
	}
	bytesAndLatency("Shipped site (2 revisions, 93 documents; Pagefind: 2 pages)", shipped, false, 1)

	large := filepath.Join(t.TempDir(), "large")
	if _, err := plangen.Generate(large, plangen.Large()); err != nil {
		t.Fatal(err)
	}
	bytesAndLatency("Large generated site, all years (20 revisions, about 2,000 distinct documents; Pagefind: 20 pages)", buildSite(t, large, "2038"), true, 8)

	fmt.Fprintf(&report, "Bytes are what Chromium received for the search's own files (plansite: sok.js, index and fragments; Pagefind: everything under /pagefind/), counted at the server as sent (gzip-compressed text, as an intranet server would serve it; Pagefind's index files are compressed already), with a cold cache (a new origin for each engine), for the first query of queries.tsv. plansite's latency is the page's own performance measure from the query to the results drawn (search, fragments, the help of an empty result, the list written into the page), warm, over all the queries; Pagefind's is the time from calling its search to having the first five results' data, warm, with no drawing.\n")
	if err := os.WriteFile("results.md", []byte(report.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Print(report.String())
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return "'" + r.Replace(s) + "'"
}
