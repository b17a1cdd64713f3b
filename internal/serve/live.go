package serve

// Live reload for the preview: every HTML page the preview serves gets a small script that listens for
// Server-Sent Events and tells the server which page it shows. When the site served changes, a page whose own HTML
// changed fetches it and patches itself in place, keeping the reader's scroll position, focus and open parts; after
// a change of the layouts or assets it reloads whole. After a build that failed, the server sends the problems and
// the pages show them over the last good site, until a build succeeds. Nothing of this is ever in the built files:
// it is added as pages are served.

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Live serves a built site for previewing, with live reload.
type Live struct {
	site atomic.Pointer[http.Handler]

	mu      sync.Mutex
	build   int      // the number of the site served now; each Built or Early gives a new one
	whole   int      // the last build after which the pages must reload whole
	partial bool     // the site served is an early one: its warnings are not known yet
	broken  []string // the problems of the last build, when it failed
	warned  []string // the warnings of the last good build
	clients map[*client]bool
	patched chan struct{} // closed and made anew when a page says it has patched itself
	served  served        // the pages served last, for the sections a patch need not fetch again (same.go)
}

// client is one open page listening to the events.
type client struct {
	wake chan struct{}
	id   string // what the page calls itself when it says it has patched itself
	page string // the path of the page it shows; "" when it did not say
	have string // the fingerprint of what it shows, or was last told to fetch
	busy bool   // told to patch itself by Early, and has not said it did
}

// NewLive serves nothing but a page that waits for the first build, and shows its problems if it fails, until
// Serve gives it a site. Nothing on disk is served: a preview shows only what a build made.
func NewLive() *Live {
	l := &Live{clients: map[*client]bool{}, patched: make(chan struct{})}
	l.Serve(http.HandlerFunc(l.waiting))
	return l
}

// waiting answers every request before the first good build: the page says the site is being built or lists what
// is wrong, and reloads by itself once a build succeeds.
func (l *Live) waiting(w http.ResponseWriter, r *http.Request) {
	broken := l.state().broken
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Förhandsvisningen byggs</title>\n" +
		"<link rel=\"stylesheet\" href=\"" + livePrefix + "waiting.css\">\n</head>\n<body>\n<main>\n")
	if broken == nil {
		b.WriteString("<h1>Förhandsvisningen byggs</h1>\n<p>Sidan laddas om av sig själv när webbplatsen är klar.</p>\n")
	} else {
		b.WriteString("<h1>Webbplatsen kunde inte byggas</h1>\n<p>Rätta felen nedan och spara. Sidan laddas om av sig själv när bygget lyckas.</p>\n<ul>\n")
		for _, p := range broken {
			b.WriteString("<li><code>" + html.EscapeString(p) + "</code></li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Retry-After", "1")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(b.String()))
}

// Serve makes h the site served from now on, such as a new build held in memory.
func (l *Live) Serve(h http.Handler) { l.site.Store(&h) }

const livePrefix = "/__plansite/"

// Built tells the open pages that a new site is complete, with what the coordinator should look at in it. A page
// whose HTML changed patches itself in place; when whole is true (the layouts, the styles or the scripts changed,
// which a patch of the HTML would not bring), every page reloads. The first build always reloads the waiting pages.
func (l *Live) Built(warnings []string, whole bool) {
	l.mu.Lock()
	l.build++
	if whole || l.whole == 0 {
		l.whole = l.build
	}
	l.partial = false
	l.broken = nil
	l.warned = warnings
	l.notify()
	l.mu.Unlock()
}

// Early serves h, a site whose pages are partly those of a build not finished yet (such as the pages of the
// revision just edited, over the last site), and tells the open pages; those whose HTML changed patch themselves.
// It then waits, up to wait, until they say they have: the caller, which would go on to render the rest of the
// site, leaves the machine to the browser meanwhile. It returns how long it waited. Built follows when the build
// is complete.
func (l *Live) Early(h http.Handler, wait time.Duration) time.Duration {
	l.mu.Lock()
	if l.whole == 0 || l.broken != nil {
		l.mu.Unlock()
		return 0 // before the first good build, or over problems: the pages wait for the whole build
	}
	l.Serve(h)
	l.build++
	l.partial = true
	for c := range l.clients {
		if c.page == "" {
			continue
		}
		if fp := l.fingerprint(c.page); fp != c.have {
			c.have, c.busy = fp, true
		}
	}
	l.notify()
	l.mu.Unlock()
	start := time.Now()
	timeout := time.NewTimer(wait)
	defer timeout.Stop()
	for {
		l.mu.Lock()
		busy := false
		for c := range l.clients {
			busy = busy || c.busy
		}
		patched := l.patched
		l.mu.Unlock()
		if !busy {
			return time.Since(start)
		}
		select {
		case <-patched:
		case <-timeout.C:
			return time.Since(start)
		}
	}
}

// done hears a page say it has patched itself (POST /__plansite/patched?id=…&page=…).
func (l *Live) done(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	id, page := r.URL.Query().Get("id"), r.URL.Query().Get("page")
	l.mu.Lock()
	for c := range l.clients {
		if c.id == id && id != "" {
			c.have, c.busy = page, false
		}
	}
	close(l.patched)
	l.patched = make(chan struct{})
	l.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// Failed tells the open pages what is wrong with the content; they keep showing the last good site.
func (l *Live) Failed(problems []string) {
	if len(problems) == 0 {
		problems = []string{"the build failed"}
	}
	l.mu.Lock()
	l.broken = problems
	l.notify()
	l.mu.Unlock()
}

// notify wakes every listening page; it is called with l.mu held.
func (l *Live) notify() {
	for c := range l.clients {
		select {
		case c.wake <- struct{}{}:
		default: // already woken
		}
	}
}

// state is what a page is told when woken.
type state struct {
	build, whole int
	partial      bool
	broken       []string
	warned       []string
}

func (l *Live) state() state {
	l.mu.Lock()
	defer l.mu.Unlock()
	return state{build: l.build, whole: l.whole, partial: l.partial, broken: l.broken, warned: l.warned}
}

func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case livePrefix + "events":
		l.events(w, r)
		return
	case livePrefix + "patched":
		l.done(w, r)
		return
	case livePrefix + "waiting.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(waitingStyle))
		return
	case livePrefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(liveScript)
		return
	}
	build := l.state().build
	iw := &injector{ResponseWriter: w, build: build, served: &l.served, have: r.Header.Get(haveHeader)}
	(*l.site.Load()).ServeHTTP(iw, r)
	iw.flush()
}

// fingerprint names what the site serves now at page, as the script's data-page says it: pages compare it with
// their own to know whether they changed. It is "" for what is not a page.
func (l *Live) fingerprint(page string) string {
	if page == "" {
		return ""
	}
	rec := &recorder{header: http.Header{}}
	r := (&http.Request{Method: http.MethodGet, URL: &url.URL{Path: page}, Header: http.Header{}, Host: "preview"})
	(*l.site.Load()).ServeHTTP(rec, r)
	if !strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		return ""
	}
	return pageSum(rec.status, rec.body.Bytes())
}

// pageSum is the fingerprint of a page's status and HTML, before the script is added.
func pageSum(status int, page []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\n", status)
	h.Write(page)
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// recorder keeps a response in memory.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

// events streams the state of the builds to one page. The page says which one it is (?page=/2020/), so that it is
// told the fingerprint of what the site serves there now.
func (l *Live) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	q := r.URL.Query()
	c := &client{wake: make(chan struct{}, 1), id: q.Get("id"), page: q.Get("page"), have: q.Get("have")}
	if c.have == "" {
		c.have = l.fingerprint(c.page) // a page that does not say what it shows is taken to show what is served
	}
	l.mu.Lock()
	l.clients[c] = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.clients, c)
		close(l.patched) // one fewer page to wait for
		l.patched = make(chan struct{})
		l.mu.Unlock()
	}()
	send := func() {
		st := l.state()
		if st.broken != nil {
			data, _ := json.Marshal(st.broken)
			fmt.Fprintf(w, "event: problems\ndata: %s\n\n", data)
		} else {
			data, _ := json.Marshal(buildEvent{Build: st.build, Whole: st.whole, Page: l.fingerprint(c.page),
				Partial: st.partial, Warned: len(st.warned) > 0 && !st.partial})
			fmt.Fprintf(w, "event: build\ndata: %s\n\n", data)
			if len(st.warned) > 0 && !st.partial {
				data, _ := json.Marshal(st.warned)
				fmt.Fprintf(w, "event: warnings\ndata: %s\n\n", data)
			}
		}
		flusher.Flush()
	}
	send()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-c.wake:
			send()
		case <-keepAlive.C:
			fmt.Fprint(w, ": still here\n\n")
			flusher.Flush()
		}
	}
}

// buildEvent is the data of a build event: the site's number, the last one after which pages reload whole, the
// fingerprint of the page the listener shows, whether the site is an early one, and whether warnings follow.
type buildEvent struct {
	Build   int    `json:"build"`
	Whole   int    `json:"whole"`
	Page    string `json:"page,omitempty"`
	Partial bool   `json:"partial,omitempty"`
	Warned  bool   `json:"warned,omitempty"`
}

// injector adds the live-reload script to HTML pages just before </body>, with the build and the page's
// fingerprint, and passes anything else through.
type injector struct {
	http.ResponseWriter
	build  int
	status int
	html   bool
	buf    bytes.Buffer
	served *served // where the page is kept
	have   string  // the version the requesting page shows, when it says: its sections that are the same are sent empty
}

func (i *injector) WriteHeader(code int) {
	i.status = code
	i.html = strings.HasPrefix(i.Header().Get("Content-Type"), "text/html")
	if !i.html {
		i.ResponseWriter.WriteHeader(code)
		return
	}
	i.Header().Del("Content-Length")
}

func (i *injector) Write(b []byte) (int, error) {
	if i.status == 0 {
		i.WriteHeader(http.StatusOK)
	}
	if !i.html {
		return i.ResponseWriter.Write(b)
	}
	return i.buf.Write(b)
}

func (i *injector) flush() {
	if !i.html {
		return
	}
	page := i.buf.Bytes()
	sum := pageSum(i.status, page)
	if i.status == http.StatusOK {
		if old := i.served.get(i.have); i.have != "" && old != nil {
			var same bool
			if page, same = sameSections(page, old); same {
				i.Header().Set("Cache-Control", "no-store") // this answer is for one page's version only
			}
		}
		i.served.put(sum, i.buf.Bytes())
	}
	tag := []byte(fmt.Sprintf(`<script src="%slive.js" data-build="%d" data-page="%s"></script>`, livePrefix, i.build, sum))
	if at := bytes.LastIndex(page, []byte("</body>")); at >= 0 {
		page = append(page[:at:at], append(tag, page[at:]...)...)
	} else {
		page = append(page, tag...)
	}
	i.Header().Set("Content-Length", strconv.Itoa(len(page)))
	i.ResponseWriter.WriteHeader(i.status)
	_, _ = i.ResponseWriter.Write(page)
}

// liveScript patches or reloads the page after a new build and shows the problems of a failed one over the page.
//
//go:embed live.js
var liveScript []byte

// waitingStyle is the waiting page's: long paths in the problems wrap, and it follows the reader's dark mode. It is
// a file of its own, since the preview's Content-Security-Policy allows no inline style.
const waitingStyle = `body { font: 1.0625rem/1.55 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #1b1b1b; background: #fff; }
code { white-space: pre-wrap; overflow-wrap: anywhere; }
li { margin: 0.5rem 0; }
@media (prefers-color-scheme: dark) { body { color: #e8e8e8; background: #121212; } }
`
