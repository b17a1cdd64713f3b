package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// listen opens the event stream as the page at path does, and sends the data of each build event.
func listen(t *testing.T, srv *httptest.Server, query string) <-chan buildEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/__plansite/events?"+query, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan buildEvent, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		kind := ""
		for sc.Scan() {
			line := sc.Text()
			if k, ok := strings.CutPrefix(line, "event: "); ok {
				kind = k
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok && kind == "build" {
				var e buildEvent
				if err := json.Unmarshal([]byte(d), &e); err != nil {
					t.Error(err)
				}
				out <- e
			}
		}
	}()
	return out
}

func next(t *testing.T, events <-chan buildEvent) buildEvent {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no build event within 5 s")
	}
	return buildEvent{}
}

// TestLiveTellsEachPageItsOwn: every page learns the fingerprint of what the site serves at its address, which its
// script tag carries too; an early site tells only the pages it changed something for, and waits for them to say
// they have patched themselves; a change of the layouts makes the pages reload whole.
func TestLiveTellsEachPageItsOwn(t *testing.T) {
	site := func(a string) http.Handler {
		return HandlerFS(fstest.MapFS{
			"a/index.html": {Data: []byte("<body><p>" + a + "</p></body>")},
			"b/index.html": {Data: []byte("<body><p>B</p></body>")},
		}, "/")
	}
	l := NewLive()
	srv := httptest.NewServer(l)
	t.Cleanup(srv.Close) // after the streams are closed
	l.Serve(site("A"))
	l.Built(nil, false)

	resp, err := http.Get(srv.URL + "/a/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tag := regexp.MustCompile(`<script src="/__plansite/live.js" data-build="(\d+)" data-page="([0-9a-f]+)"></script></body>`).FindStringSubmatch(string(body))
	if tag == nil {
		t.Fatalf("no live script with a build and fingerprint before </body> in %q", body)
	}
	a := listen(t, srv, "page=/a/&id=pa&have="+tag[2])
	b := listen(t, srv, "page=/b/&id=pb")
	first, firstB := next(t, a), next(t, b)
	if first.Page != tag[2] || first.Whole != first.Build || first.Build != 1 {
		t.Errorf("on connecting, /a/ was told %+v; its tag says build %s, page %s", first, tag[1], tag[2])
	}

	// An early site that changes /a/: Early waits until /a/ has patched itself.
	returned := make(chan struct{})
	go func() { l.Early(site("A, ändrad"), time.Minute); close(returned) }()
	changed := next(t, a)
	if changed.Page == first.Page || !changed.Partial || changed.Build != 2 {
		t.Errorf("after the early site /a/ was told %+v", changed)
	}
	if e := next(t, b); e.Page != firstB.Page {
		t.Errorf("/b/, which did not change, was told of a new page: %+v, was %+v", e, firstB)
	}
	select {
	case <-returned:
		t.Fatal("Early returned before /a/ said it had patched itself")
	default:
	}
	resp, err = http.Post(srv.URL+"/__plansite/patched?id=pa&page="+changed.Page, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		t.Fatal("Early still waits after /a/ said it had patched itself")
	}

	// The whole site, with new layouts: every page reloads.
	l.Serve(site("A, ändrad"))
	l.Built(nil, true)
	for _, events := range []<-chan buildEvent{a, b} {
		if e := next(t, events); e.Whole != e.Build || e.Partial {
			t.Errorf("after new layouts a page was told %+v", e)
		}
	}
	l.Built(nil, false)
	if e := next(t, b); e.Whole == e.Build {
		t.Errorf("after a build of the content only, /b/ was told to reload: %+v", e)
	}
}
