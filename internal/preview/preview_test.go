package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/config"
	"github.com/stockholm/plansite/internal/output"
	"github.com/stockholm/plansite/internal/site"
	"github.com/stockholm/plansite/layouts"
)

// running is a preview of a copy of the minimal fixture, in temporary folders.
type running struct {
	t       *testing.T
	content string
	out     string
	url     string
	results chan Result
}

func startPreview(t *testing.T) *running {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	r := startServer(t, func(content string) *Server {
		return &Server{Site: site.Options{Content: content, Out: out, Drafts: true}}
	})
	r.out = out
	return r
}

// startServer copies the minimal fixture into a temporary content folder, runs the server that server makes for
// it until the test ends, and waits for the first build, which must succeed.
func startServer(t *testing.T, server func(content string) *Server) *running {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS("../site/testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &running{t: t, content: content, url: "http://" + ln.Addr().String(), results: make(chan Result, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	s := server(content)
	s.Built = r.results
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	if res := r.next(); res.Problems != nil {
		t.Fatalf("first build: %v", res.Problems)
	}
	return r
}

// next returns the result of the next build. A write with os.WriteFile empties the file before it fills it, and on
// a loaded machine the watcher's quiet time can pass in between: the build of the empty file fails, and the build
// of the full one follows. So a result with problems is passed over when another follows within a second; the
// last is the one the file as written gives.
func (r *running) next() Result {
	r.t.Helper()
	var res Result
	select {
	case res = <-r.results:
	case <-time.After(10 * time.Second):
		r.t.Fatal("no build within 10 s")
	}
	for res.Problems != nil {
		select {
		case res = <-r.results:
		case <-time.After(time.Second):
			return res
		}
	}
	return res
}

func (r *running) write(rel, data string) {
	r.t.Helper()
	p := filepath.Join(r.content, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// writeAt writes a file anywhere, such as in a layouts folder.
func (r *running) writeAt(p, data string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *running) read(rel string) string {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.content, filepath.FromSlash(rel)))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

// listen listens to the events the preview sends the page at path, as the page's script does, and calls seen with
// the data of each, on a goroutine of its own, until the test ends.
func (r *running) listen(path string, seen func(data string)) {
	r.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url+"/__plansite/events?page="+path+"&id=t", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				seen(d)
			}
		}
	}()
}

func (r *running) get(path string) (int, string) {
	r.t.Helper()
	resp, err := http.Get(r.url + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		r.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

const section = "avsnitt/b.md"

func TestPreview(t *testing.T) {
	r := startPreview(t)
	orig := r.read("2020/" + section)

	t.Run("a plain write rebuilds and the page has the script", func(t *testing.T) {
		r.write("2020/"+section, strings.Replace(orig, "Gör så här.", "Gör så här, steg för steg.", 1))
		if res := r.next(); res.Problems != nil {
			t.Fatal(res.Problems)
		}
		code, page := r.get("/2020/")
		if code != 200 || !strings.Contains(page, "steg för steg") || !strings.Contains(page, `<script src="/__plansite/live.js"`) {
			t.Errorf("status %d; new text or live script missing", code)
		}
		if _, data := r.get("/2020/aktiviteter.json"); strings.Contains(data, "__plansite") {
			t.Error("the live script was added to a file that is not a page")
		}
		if _, err := os.Stat(r.out); err == nil {
			t.Error("the preview wrote public/; it should serve from memory")
		}
	})

	t.Run("an atomic save", func(t *testing.T) {
		tmp := filepath.Join(r.content, "2020", "avsnitt", ".b.md.tmp")
		if err := os.WriteFile(tmp, []byte(strings.Replace(orig, "Gör så här.", "Gör så här, atomärt.", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(r.content, "2020", filepath.FromSlash(section))); err != nil {
			t.Fatal(err)
		}
		r.next()
		if _, page := r.get("/2020/"); !strings.Contains(page, "atomärt") {
			t.Error("the atomic save is not on the page")
		}
	})

	t.Run("a new year folder", func(t *testing.T) {
		err := fs.WalkDir(os.DirFS(filepath.Join(r.content, "2020")), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data := r.read("2020/" + p)
			if p == "plan.md" {
				data = strings.Replace(strings.Replace(data, "år: 2020", "år: 2021", 1), "status: antagen", "status: utkast", 1)
				data = regexp.MustCompile(`(?m)^(beslutad|paragraf): .*\n`).ReplaceAllString(data, "") // a draft has no decision yet
			}
			r.write("2021/"+p, data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.After(10 * time.Second)
		for {
			if code, _ := r.get("/2021/"); code == 200 {
				break
			}
			select {
			case <-r.results:
			case <-deadline:
				t.Fatal("/2021/ was never built")
			}
		}
	})

	t.Run("a deleted file", func(t *testing.T) {
		if err := os.RemoveAll(filepath.Join(r.content, "2021")); err != nil {
			t.Fatal(err)
		}
		deadline := time.After(10 * time.Second)
		for {
			if code, _ := r.get("/2021/"); code == 404 {
				break
			}
			select {
			case <-r.results:
			case <-deadline:
				t.Fatal("/2021/ is still served after its folder was deleted")
			}
		}
	})

	t.Run("a content error keeps the last good site and reports the problems until fixed", func(t *testing.T) {
		r.write("2020/"+section, "---\nid: rutin\ntitel: Rutin vid oro\nordning: 20\nvid_oro: true\ntabell: Aktiviteter\nfärg: röd\n---\nTrasig.\n")
		res := r.next()
		if len(res.Problems) == 0 || !strings.Contains(strings.Join(res.Problems, "\n"), `b.md:7: okänd nyckel "färg"`) {
			t.Fatalf("problems %q", res.Problems)
		}
		if _, page := r.get("/2020/"); strings.Contains(page, "Trasig") || !strings.Contains(page, "atomärt") {
			t.Error("the broken content replaced the last good site")
		}
		events := r.events()
		if ev := <-events; !strings.HasPrefix(ev, "problems ") || !strings.Contains(ev, "färg") {
			t.Errorf("a new page was told %q, want the problems", ev)
		}
		r.write("2020/"+section, orig)
		if res := r.next(); res.Problems != nil {
			t.Fatal(res.Problems)
		}
		select {
		case ev := <-events:
			if !strings.HasPrefix(ev, "build ") {
				t.Errorf("after the fix the page was told %q, want a new build", ev)
			}
		case <-time.After(5 * time.Second):
			t.Error("the page was not told about the fixed build")
		}
	})

	t.Run("a burst of 200 changes ends in exactly the site a clean build makes", func(t *testing.T) {
		for i := range 200 {
			r.write("2020/"+section, strings.Replace(orig, "Gör så här.", "Gör så här, version "+strings.Repeat("i", i%7)+".", 1))
		}
		final := strings.Replace(orig, "Gör så här.", "Gör så här, slutligen.", 1)
		r.write("2020/"+section, final)
		// Wait for the build that has the final text, then for quiet.
		deadline := time.After(15 * time.Second)
		for {
			if _, page := r.get("/2020/"); strings.Contains(page, "slutligen") {
				break
			}
			select {
			case <-r.results:
			case <-deadline:
				t.Fatal("the final text never reached the site")
			}
		}
		clean := filepath.Join(t.TempDir(), "clean")
		if _, err := site.Build(site.Options{Content: r.content, Out: clean, Drafts: true}); err != nil {
			t.Fatal(err)
		}
		live := regexp.MustCompile(`<script src="/__plansite/live.js" data-build="\d+" data-page="[0-9a-f]+"></script>`)
		for p, data := range tree(t, clean) {
			if p == output.Marker {
				continue // the build's note to the next build, not a page of the site
			}
			code, served := r.get("/" + strings.TrimSuffix(p, "index.html"))
			if code != 200 || live.ReplaceAllString(served, "") != data {
				t.Errorf("%s: the preview serves %d, not what a clean build wrote", p, code)
			}
		}
	})

	t.Run("paths outside the site are refused", func(t *testing.T) {
		for _, p := range []string{"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/2020/..%2f..%2fetc/passwd", "/..%5c..%5cetc", "/%00"} {
			resp, err := http.Get(r.url + p)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 400 && resp.StatusCode != 404 {
				t.Errorf("%s: status %d, want 400 or 404", p, resp.StatusCode)
			}
		}
	})
}

// events listens to the live-reload stream as a page does, and sends "kind data" for each event.
func (r *running) events() <-chan string {
	r.t.Helper()
	req, _ := http.NewRequest("GET", r.url+"/__plansite/events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	r.t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		r.t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		kind := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				kind = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				out <- kind + " " + strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return out
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestPreviewSettings: the settings file beside the content is watched; a change of it shows on the pages at
// once, and a mistake in it is reported with its line, over the last good site, until it is fixed.
func TestPreviewSettings(t *testing.T) {
	var settings string
	r := startServer(t, func(content string) *Server {
		settings = filepath.Join(filepath.Dir(content), config.File)
		base := site.Options{Content: content, Out: filepath.Join(filepath.Dir(content), "public"), Drafts: true}
		options := func() (site.Options, error) {
			o := base
			s, err := config.Load(settings)
			if config.IsMissing(err) {
				return o, nil
			}
			if err != nil {
				return o, err
			}
			if v, ok := s["edit-url"]; ok {
				o.EditURL = v
			}
			return o, nil
		}
		return &Server{Site: base, Settings: settings, Options: options}
	})
	if _, page := r.get("/2020/"); strings.Contains(page, "gitlab.example") {
		t.Fatal("edit links without an edit-url")
	}
	writeFile := func(data string) {
		t.Helper()
		if err := os.WriteFile(settings, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile("edit-url: https://gitlab.example/org/plan/-/edit/main/content/\n")
	if res := r.next(); res.Problems != nil {
		t.Fatalf("with an edit-url: %v", res.Problems)
	}
	if _, page := r.get("/2020/"); !strings.Contains(page, "https://gitlab.example/org/plan/-/edit/main/content/2020/") {
		t.Error("the edit-url set in the settings file does not show")
	}
	writeFile("edit-url: https://gitlab.example/\nfärg: röd\n")
	res := r.next()
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0], config.File+":2: okänd inställning") {
		t.Fatalf("a mistake in the settings: %v", res.Problems)
	}
	if _, page := r.get("/2020/"); !strings.Contains(page, "gitlab.example/org/plan") {
		t.Error("the last good site is gone")
	}
	if err := os.Remove(settings); err != nil {
		t.Fatal(err)
	}
	if res := r.next(); res.Problems != nil {
		t.Fatalf("without the settings file: %v", res.Problems)
	}
	if _, page := r.get("/2020/"); strings.Contains(page, "gitlab.example") {
		t.Error("edit links stay after the settings file is gone")
	}
}

// TestPreviewUnderBaseURL: with a base URL, the preview serves the site under its path, as it will be published,
// so that the 404 page's absolute links work in the preview too.
func TestPreviewUnderBaseURL(t *testing.T) {
	r := startServer(t, func(content string) *Server {
		return &Server{Site: site.Options{Content: content, BaseURL: "https://intranet.example/vbe", Drafts: true}}
	})
	if code, page := r.get("/vbe/2020/"); code != 200 || !strings.Contains(page, "/__plansite/live.js") {
		t.Fatalf("/vbe/2020/: %d", code)
	}
	code, page := r.get("/vbe/finns-inte/")
	if code != 404 || !strings.Contains(page, `href="/vbe/assets/style.css"`) {
		t.Fatalf("the 404 page: %d", code)
	}
	if code, css := r.get("/vbe/assets/style.css"); code != 200 || !strings.Contains(css, "{") {
		t.Errorf("the 404 page's stylesheet: %d", code)
	}
	if code, page := r.get("/"); code != 200 || !strings.Contains(page, "/__plansite/live.js") {
		t.Errorf("/ does not lead to the site: %d", code)
	}
	if BasePath("") != "/" || BasePath("https://x.example") != "/" || BasePath("/vbe") != "/vbe/" {
		t.Error("BasePath")
	}
}

// TestPreviewServesTheEditedRevisionFirst: after a section is saved, the page of its revision is served, and the
// page that shows it is told, before the build ends; a change of the layouts is served only whole.
func TestPreviewServesTheEditedRevisionFirst(t *testing.T) {
	lay := t.TempDir()
	r := startServer(t, func(content string) *Server {
		return &Server{Site: site.Options{Content: content, Layouts: lay, Drafts: true}}
	})
	partial := make(chan string, 16)
	r.listen("/2020/", func(data string) {
		if strings.Contains(data, `"partial":true`) {
			partial <- data
		}
	})

	r.write("2020/"+section, strings.Replace(r.read("2020/"+section), "Gör så här.", "Gör så här, först.", 1))
	res := r.next()
	if res.Problems != nil {
		t.Fatal(res.Problems)
	}
	if res.Early.IsZero() || res.Early.After(res.Ended) {
		t.Errorf("the edited revision was not served before the build ended: early %v, ended %v", res.Early, res.Ended)
	}
	select {
	case <-partial: // an early build: sent only before the whole one
	case <-time.After(5 * time.Second):
		t.Error("the page of the edited revision was not told of the early build")
	}

	r.writeAt(filepath.Join(lay, "partials.html"), "{{define \"x\"}}{{end}}\n"+readLayout(t, "partials.html"))
	if res := r.next(); res.Problems != nil || !res.Early.IsZero() {
		t.Errorf("after a change of the layouts: problems %v, early %v; want the whole site only", res.Problems, res.Early)
	}
}

func readLayout(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(layouts.FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPreviewReloadsOnlyWhenTheSiteChanged: a layout saved without a change to what it makes reloads no page; a
// layout that changes the pages reloads them.
func TestPreviewReloadsOnlyWhenTheSiteChanged(t *testing.T) {
	lay := t.TempDir()
	r := startServer(t, func(content string) *Server {
		return &Server{Site: site.Options{Content: content, Layouts: lay, Drafts: true}}
	})
	events := make(chan struct{ Build, Whole int }, 16)
	r.listen("/2020/", func(data string) {
		var e struct{ Build, Whole int }
		if json.Unmarshal([]byte(data), &e) == nil && e.Build > 0 {
			events <- e
		}
	})
	// last returns the last build event of a burst.
	last := func() struct{ Build, Whole int } {
		t.Helper()
		var e struct{ Build, Whole int }
		for {
			select {
			case e = <-events:
				continue
			case <-time.After(500 * time.Millisecond):
			}
			if e.Build == 0 {
				t.Fatal("no build event")
			}
			return e
		}
	}
	// after returns the build event of the build that follows a write.
	after := func(write func()) struct{ Build, Whole int } {
		t.Helper()
		write()
		if res := r.next(); res.Problems != nil {
			t.Fatal(res.Problems)
		}
		return last()
	}
	first := last() // what a page is told as it connects
	partials := readLayout(t, "partials.html")
	unchanged := after(func() { r.writeAt(filepath.Join(lay, "partials.html"), "{{/* the same pages */}}\n"+partials) })
	if unchanged.Build <= first.Build || unchanged.Whole != first.Whole {
		t.Errorf("a layout that changes no page: build %d → %d, whole %d → %d; want a new build and no reload",
			first.Build, unchanged.Build, first.Whole, unchanged.Whole)
	}
	base := readLayout(t, "baseof.html")
	changed := after(func() {
		r.writeAt(filepath.Join(lay, "baseof.html"), strings.Replace(base, "Stockholms stad</p>", "Stockholms stad, ny sidfot</p>", 1))
	})
	if changed.Whole != changed.Build || changed.Whole <= unchanged.Whole {
		t.Errorf("a layout that changes the pages: whole %d at build %d; want a reload", changed.Whole, changed.Build)
	}
	if _, page := r.get("/2020/"); !strings.Contains(page, "ny sidfot") {
		t.Error("the changed layout is not served")
	}
}
