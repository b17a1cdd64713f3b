// Package browser drives a headless Chromium for plansite's tests: it finds Debian's Chromium, starts it with no
// way onto the network, opens pages in tabs that record every request they make, and runs axe-core's WCAG 2.1 AA
// checks on them.
//
// Tests call Require, which skips when Chromium is missing and the CI variable is unset, and fails under CI, so a
// CI machine without a browser can never pass the browser tests by skipping them.
package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// execPaths are where Chromium is looked for, in order. Debian's /usr/lib/chromium/chromium skips the wrapper
// script, which only adds flags we set ourselves.
var execPaths = []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser",
	"/usr/bin/google-chrome"}

// Find returns the path of a Chromium executable, or "" when there is none. CHROMIUM overrides the search.
func Find() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range execPaths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// Browser is one running Chromium, shared by the tests of a package; each test opens its own Tab.
type Browser struct {
	ctx    context.Context
	cancel func()
	tmp    string
	axe    string // axe-core's source
}

// Require returns a started Browser, or skips the test when Chromium is missing outside CI. Under CI (CI set to
// anything but "" or "false") a missing browser or axe-core fails the test. The Browser is started once per test
// binary and closed by Close in TestMain, or left to exit with the process.
func Require(tb testing.TB) *Browser {
	tb.Helper()
	shared.once.Do(func() { shared.b, shared.err = Start() })
	if shared.err != nil {
		if errors.Is(shared.err, errMissing) && !UnderCI() {
			tb.Skipf("browser test skipped: %v (install it with: apt-get install chromium fonts-liberation; "+
				"under CI this fails)", shared.err)
		}
		tb.Fatalf("browser: %v", shared.err)
	}
	return shared.b
}

// CloseShared stops the Browser that Require started, if any. Call it from TestMain after m.Run.
func CloseShared() {
	if shared.b != nil {
		shared.b.Close()
	}
}

// shared is the one browser a test binary starts; a browser takes up to a second and 400 MiB to start, so tests
// share it and open a tab each.
var shared struct {
	once sync.Once
	b    *Browser
	err  error
}

var errMissing = errors.New("missing")

// UnderCI reports whether the tests run under CI, where browser tests must run.
func UnderCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// Start launches Chromium headless, off the network, with its profile in a temporary folder, and loads axe-core.
func Start() (*Browser, error) {
	path := Find()
	if path == "" {
		return nil, fmt.Errorf("chromium %w", errMissing)
	}
	axe, err := loadAxe()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "plansite-browser-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Env("HOME="+tmp, "XDG_CONFIG_HOME="+tmp, "XDG_CACHE_HOME="+tmp, "TMPDIR="+tmp),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("log-level", "3"),
		chromedp.Flag("disable-features", "NetworkTimeServiceQuerying"),
		// No DNS at all: a page that tried to reach another host would fail, and the tab records the attempt.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancel()
		acancel()
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return &Browser{ctx: ctx, tmp: tmp, axe: axe, cancel: func() { cancel(); acancel() }}, nil
}

// Close stops the browser and removes its temporary folder.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.tmp)
}

// loadAxe reads axe-core from node_modules in the module's root, which `make test` fills from package-lock.json.
func loadAxe() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder, so no node_modules/axe-core")
		}
		dir = parent
	}
	src, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return "", fmt.Errorf("axe-core %w: %v (run npm ci in %s)", errMissing, err, dir)
	}
	return string(src), nil
}

// Tab is one browser tab; it records the address of every request the pages in it make.
type Tab struct {
	b      *Browser
	tb     testing.TB
	ctx    context.Context
	mu     sync.Mutex
	urls   []string
	ids    map[network.RequestID]string // request → address
	bytes  map[string]int64             // address → bytes received over the wire
	cancel func()
	csp    bool // the pages record what their Content-Security-Policy blocked
}

// Tab opens a new tab that closes when the test ends. Every action in it times out after 30 seconds.
func (b *Browser) Tab(tb testing.TB) *Tab {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &Tab{b: b, tb: tb, ctx: ctx, ids: map[network.RequestID]string{}, bytes: map[string]int64{}}
	t.cancel = cancel
	tb.Cleanup(t.cancel)
	if err := chromedp.Listen(ctx, func(ev any) {
		t.mu.Lock()
		defer t.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			t.urls = append(t.urls, e.Request.URL)
			t.ids[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			t.bytes[t.ids[e.RequestID]] += int64(e.EncodedDataLength)
		}
	}); err != nil {
		tb.Fatalf("browser: opening a tab: %v", err)
	}
	return t
}

// Context is the tab's chromedp context, for actions this package does not wrap.
func (t *Tab) Context() context.Context { return t.ctx }

// timeout is the limit of one action.
const timeout = 30 * time.Second

func (t *Tab) action() (context.Context, context.CancelFunc) {
	return context.WithTimeout(t.ctx, timeout)
}

// Do runs chromedp steps in the tab and fails the test on an error.
func (t *Tab) Do(steps ...chromedp.Action[chromedp.Void]) {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.tb.Fatalf("browser: %v", err)
	}
}

// Open loads the address and waits until the page has loaded.
func (t *Tab) Open(url string) {
	t.tb.Helper()
	if !t.csp {
		t.Do(chromedp.Navigate("about:blank")) // the tab exists from here on
		// Runs before the page's own scripts, and is not itself subject to the page's policy.
		_, err := chromedp.Call(t.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__cspBlocked = []; document.addEventListener('securitypolicyviolation',
				e => window.__cspBlocked.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
		})
		if err != nil {
			t.tb.Fatalf("browser: %v", err)
		}
		t.csp = true
	}
	t.Do(chromedp.Navigate(url))
}

// Blocked returns what the page's Content-Security-Policy refused so far, one line each.
func (t *Tab) Blocked() []string {
	t.tb.Helper()
	return Eval[[]string](t, "window.__cspBlocked || []")
}

// Eval evaluates a JavaScript expression in the page and returns its value decoded into T.
func Eval[T any](t *Tab, expr string) T {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.tb.Fatalf("browser: evaluating %q: %v", expr, err)
	}
	return v
}

// Location is the address of the page the tab shows.
func (t *Tab) Location() string {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.tb.Fatalf("browser: %v", err)
	}
	return loc
}

// Requests returns the addresses requested so far, in order.
func (t *Tab) Requests() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.urls)
}

// Transferred returns the bytes received so far for the addresses that match, headers included, as the
// browser's network panel counts them.
func (t *Tab) Transferred(match func(url string) bool) int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	var n int64
	for u, b := range t.bytes {
		if match(u) {
			n += b
		}
	}
	return n
}

// NoCache turns the browser's cache off for the tab, so every load is a cold one.
func (t *Tab) NoCache() {
	t.tb.Helper()
	if _, err := chromedp.Call(t.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.tb.Fatalf("browser: %v", err)
	}
}

// Outside returns the requests that left origin (e.g. "http://127.0.0.1:1234"), ignoring data: and about: URLs
// the browser makes for itself.
func (t *Tab) Outside(origin string) []string {
	var out []string
	for _, u := range t.Requests() {
		if strings.HasPrefix(u, origin+"/") || u == origin || strings.HasPrefix(u, "about:") {
			continue
		}
		out = append(out, u)
	}
	return out
}

// AxeResult is what axe-core found on a page.
type AxeResult struct {
	Version    string      `json:"version"`
	Passes     int         `json:"passes"`
	Violations []Violation `json:"violations"`
}

// Violation is one broken rule, with the elements that break it.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // CSS selectors of the offending elements
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
}

// Axe runs axe-core's WCAG 2.0 and 2.1 level A and AA rules on the page the tab shows. It fails the test when
// axe-core did not actually run (no version or no passing rules): a result that decodes as empty would otherwise
// read as "no violations".
func (t *Tab) Axe() AxeResult {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](t.b.axe+";true")); err != nil {
		t.tb.Fatalf("browser: loading axe-core: %v", err)
	}
	const run = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
	.then(r => ({version: r.testEngine.version, passes: r.passes.length,
		violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
			nodes: v.nodes.map(n => n.target.join(' '))}))}))`
	res, err := chromedp.Run(ctx, chromedp.Evaluate[AxeResult](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.tb.Fatalf("browser: running axe-core: %v", err)
	}
	if res.Version == "" || res.Passes == 0 {
		t.tb.Fatalf("browser: axe-core did not run (version %q, %d passing rules)", res.Version, res.Passes)
	}
	return res
}

// Media emulates a CSS media type, such as "print"; "" restores the screen.
func (t *Tab) Media(media string) {
	t.tb.Helper()
	if _, err := chromedp.Call(t.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.tb.Fatalf("browser: emulating media %q: %v", media, err)
	}
}

// ColorScheme makes the pages see prefers-color-scheme as scheme: "light" or "dark".
func (t *Tab) ColorScheme(scheme string) {
	t.tb.Helper()
	params := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	if _, err := chromedp.Call(t.ctx, emulation.SetEmulatedMedia, params); err != nil {
		t.tb.Fatalf("browser: emulating prefers-color-scheme %q: %v", scheme, err)
	}
}

// WaitFor waits up to five seconds for a JavaScript expression to become true. It keeps asking across page loads,
// so it can wait for a redirect or a followed link.
func (t *Tab) WaitFor(expr string) {
	t.tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ctx, cancel := t.action()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.tb.Fatalf("browser: waiting for %s: last answer %v, %v (at %s)", expr, ok, err, t.Location())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Spoken is what the accessibility tree holds as text under the first element that matches the CSS selector, in
// order and separated by spaces: the words a screen reader reads, CSS generated content and visually hidden text
// included, text hidden from it left out.
func (t *Tab) Spoken(selector string) string {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	el, err := chromedp.Call(ctx, cdpruntime.Evaluate, cdpruntime.EvaluateParams{Expression: "document.querySelector(" + strconv.Quote(selector) + ")"})
	if err != nil || el.ExceptionDetails != nil || el.Result == nil || el.Result.ObjectID == "" {
		t.tb.Fatalf("browser: no element %s: %v", selector, err)
	}
	res, err := chromedp.Call(ctx, accessibility.QueryAXTree, accessibility.QueryAXTreeParams{ObjectID: el.Result.ObjectID, Role: "StaticText"})
	if err != nil {
		t.tb.Fatalf("browser: the accessibility tree of %s: %v", selector, err)
	}
	var words []string
	for _, n := range res.Nodes {
		if !n.Ignored && n.Name != nil {
			var s string
			if json.Unmarshal(n.Name.Value, &s) == nil {
				words = append(words, strings.Fields(s)...)
			}
		}
	}
	return strings.Join(words, " ")
}

// Await evaluates a JavaScript expression that gives a promise, waits for it, and returns its value decoded into T.
func Await[T any](t *Tab, expr string) T {
	t.tb.Helper()
	ctx, cancel := t.action()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.tb.Fatalf("browser: evaluating %q: %v", expr, err)
	}
	return v
}
