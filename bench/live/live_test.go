//go:build livebench

// Package livebench measures the live preview: the time from saving a content file to the moment the open pages
// are told to reload (the Server-Sent Event), on the shipped content and on the large generated content. Run it
// with `make bench-live`.
package livebench

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/plangen"
	"github.com/stockholm/plansite/internal/preview"
	"github.com/stockholm/plansite/internal/site"
)

func measure(t *testing.T, name, content string, edits int) string {
	out := filepath.Join(t.TempDir(), "public")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan preview.Result, 64)
	s := &preview.Server{Site: site.Options{Content: content, Out: out, Drafts: true}, Built: results}
	go func() { _ = s.Run(ctx, ln) }()
	<-results

	// A page listening for reloads.
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+ln.Addr().String()+"/__plansite/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan time.Time, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "event: build" {
				events <- time.Now()
			}
		}
	}()
	<-events // the state on connecting

	// The file to edit: the first section of the newest revision.
	files, _ := filepath.Glob(filepath.Join(content, "*", "avsnitt", "*.md"))
	slices.Sort(files)
	file := files[len(files)-1]
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var d []time.Duration
	for i := range edits {
		data := strings.TrimRight(string(orig), "\n") + fmt.Sprintf("\n\nRedigering %d.\n", i)
		start := time.Now()
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case at := <-events:
			d = append(d, at.Sub(start))
		case <-time.After(30 * time.Second):
			t.Fatal("no reload within 30 s")
		}
		for len(results) > 0 {
			<-results
		}
		time.Sleep(100 * time.Millisecond) // let the next save be a burst of its own
	}
	slices.Sort(d)
	p := func(q float64) float64 {
		return float64(d[min(len(d)-1, int(q*float64(len(d))))]) / float64(time.Millisecond)
	}
	return fmt.Sprintf("| %s | %d | %.0f ms | %.0f ms | %.0f ms |\n", name, edits, p(0.5), p(0.95), float64(d[len(d)-1])/float64(time.Millisecond))
}

func TestSaveToReload(t *testing.T) {
	debug.SetGCPercent(200) // as cmd/plansite sets it, so that this measures what plansite serve does
	shipped := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(shipped, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(t.TempDir(), "large")
	if _, err := plangen.Generate(large, plangen.Options{Revisions: 20, Sections: 60, Activities: 100, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("| content | saves | p50 | p95 | max |\n|---|---|---|---|---|\n")
	b.WriteString(measure(t, "shipped (2 revisions)", shipped, 30))
	b.WriteString(measure(t, "large (20 revisions × 60 sections × 100 activities)", large, 20))
	fmt.Print("\nTime from saving a section file to the reload event, including the 15 ms the watcher waits for a burst to end:\n\n" + b.String())
}
