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
	q, kind string
	targets []string
}

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
		if len(cols) != 3 {
			t.Fatalf("queries.tsv: %q has %d columns", line, len(cols))
		}
		qs = append(qs, query{q: cols[0], targets: strings.Split(cols[1], ","), kind: cols[2]})
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
	return frags.map(f => decodeURIComponent(f.u.split('#')[1] || ''));
})`

type scores struct {
	hits5  int
	rr     float64
	byKind map[string][2]int
	missed []string
}

func score(qs []query, run func(q string) []string) scores {
	s := scores{byKind: map[string][2]int{}}
	for _, q := range qs {
		got := run(q.q)
		rank := 0
		for i, a := range got {
			if slices.Contains(q.targets, a) {
				rank = i + 1
				break
			}
		}
		k := s.byKind[q.kind]
		k[1]++
		if rank >= 1 && rank <= 5 {
			s.hits5++
			k[0]++
		} else {
			s.missed = append(s.missed, fmt.Sprintf("%s → %v", q.q, got[:min(3, len(got))]))
		}
		s.byKind[q.kind] = k
		if rank > 0 {
			s.rr += 1 / float64(rank)
		}
	}
	return s
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
	})
	pftab := b.Tab(t)
	pftab.Open(srv.URL + "/pf.html")
	theirs := score(qs, func(q string) []string {
		return browser.Await[[]string](pftab, pagefindSearch+`(`+jsString(q)+`, 10, 'pagefind-current')`)
	})
	n := float64(len(qs))
	fmt.Fprintf(&report, "## Relevance (shipped content, revision 2020)\n\n| | recall@5 | MRR |\n|---|---|---|\n")
	fmt.Fprintf(&report, "| plansite | %.2f (%d/%d) | %.2f |\n| Pagefind 1.6.0 | %.2f (%d/%d) | %.2f |\n\n", float64(ours.hits5)/n, ours.hits5, len(qs), ours.rr/n, float64(theirs.hits5)/n, theirs.hits5, len(qs), theirs.rr/n)
	fmt.Fprintf(&report, "| kind of query | plansite | Pagefind |\n|---|---|---|\n")
	kinds := make([]string, 0, len(ours.byKind))
	for k := range ours.byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&report, "| %s | %d/%d | %d/%d |\n", k, ours.byKind[k][0], ours.byKind[k][1], theirs.byKind[k][0], theirs.byKind[k][1])
	}
	fmt.Fprintf(&report, "\nplansite missed: %s\n\nPagefind missed: %s\n\n", strings.Join(ours.missed, "; "), strings.Join(theirs.missed, "; "))

	// Bytes for a first query with a cold cache, and latency once warm.
	bytesAndLatency := func(name string, dir string, all bool) {
		first := qs[0].q
		// A new server for each engine: a new origin, so nothing is in the browser's cache.
		ours := &counted{h: serve.Handler(dir), match: func(p string) bool {
			return strings.HasPrefix(p, "/sok/i/") || strings.HasPrefix(p, "/sok/f/") || p == "/assets/sok.js"
		}}
		osrv := httptest.NewServer(gzipped(ours))
		defer osrv.Close()
		cold := b.Tab(t)
		cold.Open(osrv.URL + "/sok/?q=" + url.QueryEscape(first) + map[bool]string{true: "&omfang=alla"}[all])
		cold.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
		ourBytes := ours.n.Load()
		theirs := &counted{h: serve.Handler(dir), match: func(p string) bool { return strings.HasPrefix(p, "/pagefind/") }}
		psrv := httptest.NewServer(gzipped(theirs))
		defer psrv.Close()
		pcold := b.Tab(t)
		pcold.Open(psrv.URL + "/pf.html")
		browser.Await[[]string](pcold, pagefindSearch+`(`+jsString(first)+`, 10, 'pagefind')`)
		pfBytes := theirs.n.Load()
		base := osrv.URL

		timing := func(tb *browser.Tab, fn, arg string) []time.Duration {
			var d []time.Duration
			for _, q := range qs {
				ms := browser.Await[float64](tb, `(async () => { const t0 = performance.now(); await `+fn+`(`+jsString(q.q)+`, 5, `+arg+`); return performance.now() - t0; })()`)
				d = append(d, time.Duration(ms*float64(time.Millisecond)))
			}
			return d
		}
		warm := b.Tab(t)
		warm.Open(base + "/sok/")
		warm.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
		timing(warm, plansiteSearch, fmt.Sprint(all)) // load the shards once
		ot := timing(warm, plansiteSearch, fmt.Sprint(all))
		pwarm := b.Tab(t)
		pwarm.Open(psrv.URL + "/pf.html")
		timing(pwarm, pagefindSearch, "'pagefind'")
		pt := timing(pwarm, pagefindSearch, "'pagefind'")
		fmt.Fprintf(&report, "## %s\n\n| | first query, cold cache | p50 | p95 |\n|---|---|---|---|\n", name)
		fmt.Fprintf(&report, "| plansite | %.1f kB | %.2f ms | %.2f ms |\n", float64(ourBytes)/1000, ms(percentile(ot, 0.5)), ms(percentile(ot, 0.95)))
		fmt.Fprintf(&report, "| Pagefind | %.1f kB | %.2f ms | %.2f ms |\n\n", float64(pfBytes)/1000, ms(percentile(pt, 0.5)), ms(percentile(pt, 0.95)))
	}
	bytesAndLatency("Shipped site (2 revisions, 91 documents; Pagefind: 2 pages)", shipped, false)

	large := filepath.Join(t.TempDir(), "large")
	if _, err := plangen.Generate(large, plangen.Options{Revisions: 20, Sections: 60, Activities: 100, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	bytesAndLatency("Large generated site, all years (20 revisions, about 3,200 documents; Pagefind: 20 pages)", buildSite(t, large, "2038"), true)

	fmt.Fprintf(&report, "Bytes are what Chromium received for the search's own files (plansite: sok.js, index and fragments; Pagefind: everything under /pagefind/), counted at the server as sent (gzip-compressed text, as an intranet server would serve it; Pagefind's index files are compressed already), with a cold cache (a new origin for each engine). Latency is the time from calling the search to having the first five results' data, warm, over all the queries.\n")
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
