//go:build livebench

// Package livebench measures the live preview on the shipped content and on the large generated content, with the
// real preview server in-process and real file-system events. Run it with `make bench-live`. It measures two
// things:
//
//   - TestSaveToVisible: from os.WriteFile of a section to the edited text being in the DOM of the page open in
//     Chromium, which patches itself in place (and to the next frame after that). It needs Chromium, and is
//     skipped without it.
//   - TestSaveToReload: from os.WriteFile to the first Server-Sent Event that tells the open page its HTML
//     changed, with no browser.
package livebench

import (
	"bufio"
	"context"
	"encoding/json"
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

	"github.com/chromedp/chromedp"
	"github.com/stockholm/plansite/internal/browser"
	_ "github.com/stockholm/plansite/internal/hugepages" // as cmd/plansite: the heap in huge pages
	"github.com/stockholm/plansite/internal/plangen"
	"github.com/stockholm/plansite/internal/preview"
	"github.com/stockholm/plansite/internal/site"
)

func TestMain(m *testing.M) {
	// As cmd/plansite-serve does, so that this measures what plansite serve does: its heap in huge pages (package
	// hugepages, imported for that), and the collector's setting.
	debug.SetGCPercent(200)
	code := m.Run()
	browser.CloseShared()
	os.Exit(code)
}

// plans are the two contents measured, made once.
func plans(t *testing.T) (shipped, large string) {
	t.Helper()
	shipped = filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(shipped, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	large = filepath.Join(t.TempDir(), "large")
	if _, err := plangen.Generate(large, plangen.Large()); err != nil {
		t.Fatal(err)
	}
	return shipped, large
}

// running is a preview of one content folder, and the section file whose edits are timed.
type running struct {
	url     string
	page    string // the path of the edited revision's page, such as /2039/
	file    string // the section file edited: the last one of the newest revision
	orig    []byte
	results chan preview.Result
}

func start(t *testing.T, content string) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan preview.Result, 64)
	s := &preview.Server{Site: site.Options{Content: content, Drafts: true}, Built: results}
	done := make(chan struct{})
	go func() { _ = s.Run(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	if res := <-results; res.Problems != nil {
		t.Fatalf("the first build: %v", res.Problems)
	}
	files, _ := filepath.Glob(filepath.Join(content, "*", "avsnitt", "*.md"))
	slices.Sort(files)
	r := &running{url: "http://" + ln.Addr().String(), file: files[len(files)-1], results: results}
	r.page = "/" + filepath.Base(filepath.Dir(filepath.Dir(r.file))) + "/"
	if r.orig, err = os.ReadFile(r.file); err != nil {
		t.Fatal(err)
	}
	return r
}

// save writes the section with a paragraph that names the edit, and returns the paragraph and when it was written.
func (r *running) save(t *testing.T, i int) (string, time.Time) {
	t.Helper()
	text := fmt.Sprintf("Redigering nummer %d är sparad.", i)
	data := strings.TrimRight(string(r.orig), "\n") + "\n\n" + text + "\n"
	at := time.Now()
	if err := os.WriteFile(r.file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return text, at
}

// built waits for the build that follows a save and gives when its first pages and the whole site were served.
func (r *running) built(t *testing.T, saved time.Time) (early, whole time.Duration) {
	t.Helper()
	select {
	case res := <-r.results:
		if res.Problems != nil {
			t.Fatalf("the build failed: %v", res.Problems)
		}
		if !res.Early.IsZero() {
			early = res.Early.Sub(saved)
		}
		return early, res.Ended.Sub(saved)
	case <-time.After(30 * time.Second):
		t.Fatal("no build within 30 s")
	}
	return 0, 0
}

// quiet waits until the preview has finished every build, so that the next save is a burst of its own.
func (r *running) quiet() {
	time.Sleep(100 * time.Millisecond)
	for len(r.results) > 0 {
		<-r.results
	}
}

// stats is a row of figures: p50, p95 and max of some durations.
type stats []time.Duration

func (d stats) row() string {
	s := slices.Sorted(slices.Values(d))
	if len(s) == 0 || s[0] == 0 {
		return "– | – | –"
	}
	ms := func(x time.Duration) string { return fmt.Sprintf("%.0f ms", float64(x)/float64(time.Millisecond)) }
	return ms(s[len(s)/2]) + " | " + ms(s[min(len(s)-1, int(0.95*float64(len(s))))]) + " | " + ms(s[len(s)-1])
}

// patchSteps are the steps the live script marks, in order: told of the change, fetching the page, fetched,
// parsed, patched.
var patchSteps = []string{"told", "fetch", "fetched", "parsed", "patched"}

// breakdown collects, for each content, when each step of the patch happened after the save.
var breakdown strings.Builder

// visible edits the section while its page is open in a Chromium tab, and times each save until the new text is in
// the tab's DOM, and until the frame after that.
func visible(t *testing.T, b *browser.Browser, name, content string, edits int) string {
	r := start(t, content)
	tab := b.Tab(t)
	tab.Do(chromedp.EmulateViewport(1280, 900))
	tab.Open(r.url + r.page)
	tab.WaitFor(`document.readyState === 'complete'`)
	browser.Eval[bool](tab, `window.benchMark = 'the same page', true`)
	// A watch for the text, set before each save: it notes the time the text is in the DOM, and the time of the
	// next frame, in the machine's clock.
	browser.Eval[bool](tab, `window.benchWatch = function (text) {
		return new Promise(function (resolve) {
			var now = function () { return performance.timeOrigin + performance.now(); };
			var seen = function () { return document.body.textContent.includes(text); };
			var done = function () {
				var dom = now();
				requestAnimationFrame(function () { resolve({dom: dom, frame: now()}); });
			};
			if (seen()) { done(); return; }
			var mo = new MutationObserver(function () { if (seen()) { mo.disconnect(); done(); } });
			mo.observe(document, {subtree: true, childList: true, characterData: true});
		});
	}, true`)
	var dom, frame, early, whole stats
	steps := map[string]stats{}
	for i := range edits {
		browser.Eval[bool](tab, `performance.clearMarks(), true`)
		text := fmt.Sprintf("Redigering nummer %d är sparad.", i)
		browser.Eval[bool](tab, fmt.Sprintf(`window.benchSeen = window.benchWatch(%q), true`, text))
		_, saved := r.save(t, i)
		type seen struct{ DOM, Frame float64 }
		at := browser.Await[seen](tab, `window.benchSeen`)
		e, w := r.built(t, saved)
		early, whole = append(early, e), append(whole, w)
		toTime := func(ms float64) time.Time { return time.UnixMicro(int64(ms * 1000)) }
		dom = append(dom, toTime(at.DOM).Sub(saved))
		frame = append(frame, toTime(at.Frame).Sub(saved))
		// The steps of the patch, as the live script marked them: the first of each.
		marks := browser.Eval[map[string]float64](tab, `performance.getEntriesByType('mark').reverse().reduce(function (m, e) {
			m[e.name] = performance.timeOrigin + e.startTime; return m; }, {})`)
		for _, step := range patchSteps {
			if ms, ok := marks["plansite-"+step]; ok {
				steps[step] = append(steps[step], toTime(ms).Sub(saved))
			}
		}
		r.quiet()
	}
	for _, step := range patchSteps {
		fmt.Fprintf(&breakdown, "| %s | %s | %s |\n", name, step, steps[step].row())
	}
	if mark := browser.Eval[string](tab, `String(window.benchMark)`); mark != "the same page" {
		t.Errorf("%s: the page reloaded during the edits; it should have been patched", name)
	}
	return fmt.Sprintf("| %s | %d | %s | %s | %s | %s |\n", name, edits, dom.row(), frame.row(),
		stats(early).row(), stats(whole).row())
}

func TestSaveToVisible(t *testing.T) {
	b := browser.Require(t)
	shipped, large := plans(t)
	var out strings.Builder
	out.WriteString("| content | saves | in the DOM: p50 | p95 | max | next frame: p50 | p95 | max | " +
		"revision's pages served: p50 | p95 | max | whole site served: p50 | p95 | max |\n" +
		"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	out.WriteString(visible(t, b, "shipped", shipped, 30))
	out.WriteString(visible(t, b, "large (20 revisions × 60 sections × 100 activities)", large, 20))
	fmt.Print("\nFrom saving a section file to its new text in the open tab's DOM (Chromium), the page patched in " +
		"place; the times at which the server served the edited revision's pages and the whole site:\n\n" + out.String())
	fmt.Print("\nWhen each step of the patch happened after the save (the first of each, as the live script marks them):\n\n" +
		"| content | step | p50 | p95 | max |\n|---|---|---|---|---|\n" + breakdown.String())
}

// reload times each save until the page that shows the edited revision is told, over Server-Sent Events, that its
// HTML changed.
func reload(t *testing.T, name, content string, edits int) string {
	r := start(t, content)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url+"/__plansite/events?page="+r.page, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	type event struct {
		at   time.Time
		page string
	}
	events := make(chan event, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		build := false
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "event: build":
				build = true
			case build && strings.HasPrefix(line, "data: "):
				var e struct{ Page string }
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e)
				events <- event{time.Now(), e.Page}
				build = false
			default:
				build = false
			}
		}
	}()
	page := (<-events).page // the state on connecting
	var told stats
	for i := range edits {
		_, saved := r.save(t, i)
		r.built(t, saved)
		r.quiet()
		var first time.Duration
		for len(events) > 0 {
			e := <-events
			if e.page != page && first == 0 {
				first = e.at.Sub(saved)
			}
			page = e.page
		}
		if first == 0 {
			t.Fatalf("%s: the page was not told of save %d", name, i)
		}
		told = append(told, first)
	}
	return fmt.Sprintf("| %s | %d | %s |\n", name, edits, told.row())
}

func TestSaveToReload(t *testing.T) {
	shipped, large := plans(t)
	var b strings.Builder
	b.WriteString("| content | saves | p50 | p95 | max |\n|---|---|---|---|---|\n")
	b.WriteString(reload(t, "shipped", shipped, 30))
	b.WriteString(reload(t, "large (20 revisions × 60 sections × 100 activities)", large, 20))
	fmt.Print("\nTime from saving a section file to the event that tells the open page its HTML changed, including " +
		"the 15 ms the watcher waits for a burst to end:\n\n" + b.String())
}
