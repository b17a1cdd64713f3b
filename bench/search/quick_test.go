//go:build searchbench

package searchbench

import (
	"cmp"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/browser"
	"github.com/stockholm/plansite/internal/demo"
	"github.com/stockholm/plansite/internal/serve"
	"github.com/stockholm/plansite/internal/site"
)

// TestRelevanceQuick runs plansite's search alone, in Chromium, on the queries of the sets named in SETS
// (default: the ones tuned on and the first held-out set), and prints each query that does not rank an answer
// first, and the number of hits of the queries in COUNTS. It is the loop to tune in; a held-out set is scored by
// the full comparison (make bench-search), once.
//
//	SETS=utveckling,prov go test -tags searchbench -run TestRelevanceQuick -v ./bench/search/
func TestRelevanceQuick(t *testing.T) {
	b := browser.Require(t)
	want := strings.Split(cmp.Or(os.Getenv("SETS"), "utveckling,prov"), ",")
	var qs []query
	for _, q := range readQueries(t) {
		if slices.Contains(want, q.set) {
			qs = append(qs, q)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Content: demo.Content(t), Out: out, Drafts: true}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.Handler(out))
	defer srv.Close()
	tab := b.Tab(t)
	tab.Open(srv.URL + "/sok/")
	tab.WaitFor(`document.documentElement.dataset.sokReady === 'true'`)
	s := score(qs, func(q string) []string {
		got := browser.Await[[]string](tab, plansiteSearch+`(`+jsString(q)+`, 10, false)`)
		for _, x := range qs {
			if x.q == q {
				rank := slices.IndexFunc(got, func(a string) bool { return slices.Contains(x.targets, a) }) + 1
				if rank != 1 {
					fmt.Printf("rank %d\t%s (%s, %s) → %v\n", rank, q, x.kind, x.set, got[:min(5, len(got))])
				}
				break
			}
		}
		return got
	}, func(t []string) []string { return t })
	// The number of hits of the queries in COUNTS (separated by ";"), and the first: precision at a glance.
	for _, q := range strings.Split(os.Getenv("COUNTS"), ";") {
		if q != "" {
			got := browser.Await[[]string](tab, plansiteSearch+`(`+jsString(q)+`, 1000, false)`)
			fmt.Printf("hits\t%s\t%d\t%v\n", q, len(got), got[:min(1, len(got))])
		}
	}
	fmt.Printf("all: n %d, recall@5 %.3f, MRR %.3f\n", s.all.n, s.all.recall(), s.all.mrr())
	for _, set := range want {
		if x := s.bySet[set]; x != nil {
			fmt.Printf("%s: n %d, recall@5 %.3f, MRR %.3f\n", set, x.n, x.recall(), x.mrr())
		}
	}
}
