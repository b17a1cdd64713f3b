package serve

// Live reload for the preview: every HTML page the preview serves gets a small script that listens for
// Server-Sent Events. After a build has completely replaced the site, the server says "reload" and the pages
// reload; after a build that failed, it sends the problems and the pages show them over the last good site, until
// a build succeeds. Nothing of this is ever in the built files: it is added as pages are served.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
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
	build   int      // the number of the last good build
	broken  []string // the problems of the last build, when it failed
	warned  []string // the warnings of the last good build
	clients map[chan struct{}]bool
}

// NewLive serves nothing but a page that waits for the first build, and shows its problems if it fails, until
// Serve gives it a site. Nothing on disk is served: a preview shows only what a build made.
func NewLive() *Live {
	l := &Live{clients: map[chan struct{}]bool{}}
	l.Serve(http.HandlerFunc(l.waiting))
	return l
}

// waiting answers every request before the first good build: the page says the site is being built or lists what
// is wrong, and reloads by itself once a build succeeds.
func (l *Live) waiting(w http.ResponseWriter, r *http.Request) {
	_, broken := l.state()
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

// Built tells the open pages that a new site is complete, with what the coordinator should look at in it.
func (l *Live) Built(warnings []string) {
	l.mu.Lock()
	l.build++
	l.broken = nil
	l.warned = warnings
	l.notify()
	l.mu.Unlock()
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
		case c <- struct{}{}:
		default: // already woken
		}
	}
}

func (l *Live) state() (int, []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.build, l.broken
}

func (l *Live) warnings() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.warned
}

func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case livePrefix + "events":
		l.events(w, r)
		return
	case livePrefix + "waiting.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(waitingStyle))
		return
	case livePrefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(liveScript))
		return
	}
	build, _ := l.state()
	iw := &injector{ResponseWriter: w, tag: []byte(fmt.Sprintf(`<script src="%slive.js" data-build="%d"></script>`, livePrefix, build))}
	(*l.site.Load()).ServeHTTP(iw, r)
	iw.flush()
}

// events streams the state of the builds to one page.
func (l *Live) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	wake := make(chan struct{}, 1)
	l.mu.Lock()
	l.clients[wake] = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.clients, wake)
		l.mu.Unlock()
	}()
	send := func() {
		build, broken := l.state()
		if broken != nil {
			data, _ := json.Marshal(broken)
			fmt.Fprintf(w, "event: problems\ndata: %s\n\n", data)
		} else {
			fmt.Fprintf(w, "event: build\ndata: %d\n\n", build)
			if warned := l.warnings(); len(warned) > 0 {
				data, _ := json.Marshal(warned)
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
		case <-wake:
			send()
		case <-keepAlive.C:
			fmt.Fprint(w, ": still here\n\n")
			flusher.Flush()
		}
	}
}

// injector adds the live-reload script to HTML pages just before </body>, and passes anything else through.
type injector struct {
	http.ResponseWriter
	tag    []byte
	status int
	html   bool
	buf    bytes.Buffer
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
	if at := bytes.LastIndex(page, []byte("</body>")); at >= 0 {
		page = append(page[:at:at], append(append([]byte{}, i.tag...), page[at:]...)...)
	} else {
		page = append(page, i.tag...)
	}
	i.Header().Set("Content-Length", strconv.Itoa(len(page)))
	i.ResponseWriter.WriteHeader(i.status)
	_, _ = i.ResponseWriter.Write(page)
}

// liveScript reloads the page after a new build and shows the problems of a failed one over the page.
const liveScript = `(function () {
  'use strict';
  var me = document.currentScript;
  var build = me ? me.getAttribute('data-build') : null;
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(problems, warn) {
    hide();
    box = document.createElement('div');
    box.id = warn ? 'plansite-warnings' : 'plansite-problems';
    box.setAttribute('role', warn ? 'status' : 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#fff;color:#1b1b1b;border-top:6px solid ' + (warn ? '#8a5a00' : '#a4000f') + ';padding:1rem 1.25rem;' +
      'font:15px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)';
    var h = document.createElement('h2');
    h.textContent = warn ?
      (problems.length === 1 ? '1 varning' : problems.length + ' varningar') + ' om innehållet. Webbplatsen byggdes ändå.' :
      'Bygget misslyckades: ' + problems.length + ' fel. Sidan visar den senaste fungerande versionen.';
    h.style.cssText = 'margin:0 0 .5rem;font-size:1.1rem';
    box.appendChild(h);
    var ul = document.createElement('ul');
    ul.style.cssText = 'margin:0;padding-left:1.25rem;font-family:ui-monospace,monospace;white-space:pre-wrap';
    problems.forEach(function (p) { var li = document.createElement('li'); li.textContent = p; ul.appendChild(li); });
    box.appendChild(ul);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dölj';
    close.style.cssText = 'margin-top:.75rem;font:inherit';
    close.onclick = hide;
    box.appendChild(close);
    document.body.appendChild(box);
  }
  var es = new EventSource('/__plansite/events');
  var warned = false;
  var leaving = false; // reloading: what the stream says next is for the new page, not this one
  es.addEventListener('build', function (e) {
    if ((box && !warned) || (build !== null && e.data !== build)) { leaving = true; es.close(); location.reload(); return; }
    build = e.data;
  });
  // Warnings the coordinator has hidden stay hidden on the next pages, until they change.
  function dismissed(d) { try { return sessionStorage.getItem('plansite-warnings') === d; } catch (x) { return false; } }
  es.addEventListener('warnings', function (e) {
    if (leaving) { return; }
    warned = true;
    if (dismissed(e.data)) { return; }
    show(JSON.parse(e.data), true);
    box.querySelector('button').addEventListener('click', function () {
      try { sessionStorage.setItem('plansite-warnings', e.data); } catch (x) { /* private mode */ }
    });
  });
  es.addEventListener('problems', function (e) { if (!leaving) { warned = false; show(JSON.parse(e.data), false); } });
})();
`

// waitingStyle is the waiting page's: long paths in the problems wrap, and it follows the reader's dark mode. It is
// a file of its own, since the preview's Content-Security-Policy allows no inline style.
const waitingStyle = `body { font: 1.0625rem/1.55 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #1b1b1b; background: #fff; }
code { white-space: pre-wrap; overflow-wrap: anywhere; }
li { margin: 0.5rem 0; }
@media (prefers-color-scheme: dark) { body { color: #e8e8e8; background: #121212; } }
`
