package site

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm/plansite/internal/demo"
	"github.com/stockholm/plansite/internal/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// readTree returns every file below dir by slash-separated path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func build(t testing.TB, contentDir string, opt Options) (string, Stats) {
	t.Helper()
	opt.Content = contentDir
	if opt.Out == "" {
		opt.Out = filepath.Join(t.TempDir(), "public")
	}
	stats, err := Build(opt)
	if err != nil {
		t.Fatalf("build %s: %v", contentDir, err)
	}
	return opt.Out, stats
}

// TestBuildMinimal compares the whole site built from testdata/minimal with testdata/golden/minimal.
func TestBuildMinimal(t *testing.T) {
	out, stats := build(t, "testdata/minimal", Options{})
	if stats.Revisions != 1 || stats.Pages != 10 {
		t.Errorf("stats = %+v, want 1 revision and 10 pages (2020, index, 404, tillganglighet, jamfor, sok, uppfoljning, 3 histories)", stats)
	}
	if s := stats.String(); !strings.HasPrefix(s, "Byggde 1 revidering, 10 sidor på ") || !strings.HasSuffix(s, " ms") {
		t.Errorf("summary line %q", s)
	}
	got := readTree(t, out)
	goldenDir := "testdata/golden/minimal"
	if *update {
		os.RemoveAll(goldenDir)
		for p, b := range got {
			dst := filepath.Join(goldenDir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, goldenDir)
	for p := range want {
		if _, ok := got[p]; !ok {
			t.Errorf("%s is missing from the build", p)
		}
	}
	for p, b := range got {
		w, ok := want[p]
		if !ok {
			t.Errorf("%s was built but is not in %s (run go test -update after a deliberate change)", p, goldenDir)
			continue
		}
		if !bytes.Equal(b, w) {
			t.Errorf("%s differs from %s/%s (run go test -update after a deliberate change):\n%s", p, goldenDir, p, b)
		}
	}
}

// TestDeterministic: two builds of the same content are byte-identical.
func TestDeterministic(t *testing.T) {
	for _, dir := range []string{"testdata/minimal", "../../content", demo.Content(t)} {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		a, _ := build(t, dir, Options{})
		b, _ := build(t, dir, Options{})
		ta, tb := readTree(t, a), readTree(t, b)
		if len(ta) != len(tb) {
			t.Fatalf("%s: %d files, then %d", dir, len(ta), len(tb))
		}
		for p, data := range ta {
			if !bytes.Equal(data, tb[p]) {
				t.Errorf("%s: %s differs between two builds", dir, p)
			}
		}
	}
}

// copyDir copies a content tree so a test can break it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenContentLeavesOutputAlone: a failed build reports every problem and does not touch public/.
func TestBrokenContentLeavesOutputAlone(t *testing.T) {
	dir := copyDir(t, "testdata/minimal")
	out, _ := build(t, dir, Options{})
	write(t, filepath.Join(out, "kvar.txt"), "from an earlier build")
	before := readTree(t, out)

	write(t, filepath.Join(dir, "2020/avsnitt/a.md"), `---
id: inledning
titel: Inledning
ordning: 10
---
Text.

# Fel nivå

![](figurer/s.svg)

![Saknas](figurer/finns-inte.png)

#### Hopp
`)
	_, err := Build(Options{Content: dir, Out: out})
	_, ok := problem.AsList(err)
	if !IsContentError(err) || !ok {
		t.Fatalf("err = %v, want content problems", err)
	}
	got := strings.ReplaceAll(err.Error(), dir, "content")
	for _, want := range []string{
		"content/2020/avsnitt/a.md:8: en rubrik med # (Fel nivå) i texten",
		"content/2020/avsnitt/a.md:10: bilden figurer/s.svg saknar textalternativ",
		"content/2020/avsnitt/a.md:12: bilden figurer/finns-inte.png finns inte i content/2020",
		"content/2020/avsnitt/a.md:14: rubriken \"Hopp\" hoppar över en nivå",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got:\n%s", want, got)
		}
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the output folder changed: %d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed although the build failed", p)
		}
	}
	if names := besideOutput(t, out); len(names) != 1 {
		t.Errorf("the build left files beside the output folder: %v", names)
	}
}

// TestReplacesOutput: a successful build removes what an earlier build wrote and the content no longer has.
func TestReplacesOutput(t *testing.T) {
	dir := copyDir(t, "testdata/minimal")
	out, _ := build(t, dir, Options{})
	if err := os.Remove(filepath.Join(dir, "2020/figurer/s.svg")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "2020/avsnitt/a.md"), "---\nid: inledning\ntitel: Inledning\nordning: 10\n---\nText.\n")
	build(t, dir, Options{Out: out})
	if _, err := os.Stat(filepath.Join(out, "2020/figurer/s.svg")); err == nil {
		t.Error("a removed figure is still in the output")
	}
}

// TestBaseURL: with --base-url pages name their canonical address and the 404 page, served at any depth, links
// with absolute paths under the prefix; without it, every other page links relatively.
func TestBaseURL(t *testing.T) {
	out, _ := build(t, "testdata/minimal", Options{BaseURL: "https://intranet.example/vbe"})
	files := readTree(t, out)
	for p, want := range map[string]string{
		"2020/index.html": `<link rel="canonical" href="https://intranet.example/vbe/2020/">`,
		"index.html":      `<link rel="canonical" href="https://intranet.example/vbe/">`,
		"404.html":        `<link rel="stylesheet" href="/vbe/assets/style.css">`,
	} {
		if !strings.Contains(string(files[p]), want) {
			t.Errorf("%s lacks %s", p, want)
		}
	}
	if !strings.Contains(string(files["2020/index.html"]), `href="../assets/style.css"`) {
		t.Error("the revision page does not link its stylesheet relatively")
	}
	if _, err := Build(Options{Content: "testdata/minimal", Out: t.TempDir(), BaseURL: "ftp://x/"}); err == nil {
		t.Error("an ftp base URL was accepted")
	}
}

// TestLayoutOverride: a file in the site's layouts folder replaces the built-in one of the same name.
func TestLayoutOverride(t *testing.T) {
	layouts := t.TempDir()
	write(t, filepath.Join(layouts, "page.html"), `{{define "page.html"}}EGEN SIDA {{.Page.Title}}{{end}}`)
	if err := os.MkdirAll(filepath.Join(layouts, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(layouts, "assets/extra.css"), "body{}")
	out, _ := build(t, "testdata/minimal", Options{Layouts: layouts})
	files := readTree(t, out)
	if got := string(files["tillganglighet/index.html"]); got != "EGEN SIDA Tillgänglighetsredogörelse" {
		t.Errorf("overridden page = %q", got)
	}
	if files["assets/extra.css"] == nil || files["assets/style.css"] == nil {
		t.Error("assets of the site and the built-in ones are not both published")
	}
}

// TestRebuildLinksUnchanged: a rebuild writes only what changed; files that are the same byte for byte are the
// very files of the previous build (linked, not copied), and the result is still exactly a clean build.
func TestRebuildLinksUnchanged(t *testing.T) {
	dir := copyDir(t, "testdata/minimal")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, p := range []string{"404.html", "2020/index.html", "assets/style.css"} {
		info, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		before[p] = info
	}
	sec := filepath.Join(dir, "2020", "avsnitt", "b.md")
	src, err := os.ReadFile(sec)
	if err != nil {
		t.Fatal(err)
	}
	write(t, sec, strings.Replace(string(src), "Gör så här.", "Gör så här i stället.", 1))
	if _, err := Build(Options{Content: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	for p, info := range before {
		now, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		if same := os.SameFile(info, now); same != (p != "2020/index.html") {
			t.Errorf("%s: same file as before = %v", p, same)
		}
	}
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := Build(Options{Content: dir, Out: clean}); err != nil {
		t.Fatal(err)
	}
	a, b := readTree(t, out), readTree(t, clean)
	if len(a) != len(b) {
		t.Fatalf("%d files after the rebuild, %d in a clean build", len(a), len(b))
	}
	for p := range b {
		if string(a[p]) != string(b[p]) {
			t.Errorf("%s differs from a clean build", p)
		}
	}
}

// TestCheckLinks: links inside the site to places that do not exist are reported with their line, together with
// what the build itself finds, and nothing is written.
func TestCheckLinks(t *testing.T) {
	dir := copyDir(t, "testdata/minimal")
	sec := filepath.Join(dir, "2020", "avsnitt", "a.md")
	src, err := os.ReadFile(sec)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(src), "\n")
	write(t, sec, string(src)+"\nSe [rutinen](#rutin), [fel](#rutinn), [2019](../2019/), [raden](../2020/#natverk), [bild](figurer/s.svg),"+
		" [jämför](/jamfor/), [sidan](/tillganglighet/#saknas) och [webb](https://example.se/x#y).[^9]\n")
	line := lines + 2
	_, err = Check(Options{Content: dir})
	probs, ok := problem.AsList(err)
	if !ok {
		t.Fatalf("Check: %v", err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, fmt.Sprintf("%d %s", p.Line, p.Msg))
	}
	want := []string{
		fmt.Sprintf("%d fotnoten [^9] saknar text", line),
		fmt.Sprintf("%d länken #rutinn leder till #rutinn, som inte finns på /2020/", line),
		fmt.Sprintf("%d länken ../2019/ leder till /2019/, som inte finns", line),
		fmt.Sprintf("%d länken /tillganglighet/#saknas leder till #saknas, som inte finns på /tillganglighet/", line),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEditLinks: with an edit URL each section and activity links to its file in the repository's editor; without
// one there are no such links; an address that is not a web address is refused.
func TestEditLinks(t *testing.T) {
	out, _ := build(t, "testdata/minimal", Options{EditURL: "https://gitlab.example/org/plan/-/edit/main/content"})
	page := string(readTree(t, out)["2020/index.html"])
	for _, want := range []string{
		`<a href="https://gitlab.example/org/plan/-/edit/main/content/2020/avsnitt/a.md">Redigera avsnittet`,
		`<a href="https://gitlab.example/org/plan/-/edit/main/content/2020/aktiviteter/x.md">Redigera<span class="visually-hidden"> aktiviteten natverk</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s", want)
		}
	}
	plain, _ := build(t, "testdata/minimal", Options{})
	if strings.Contains(string(readTree(t, plain)["2020/index.html"]), "Redigera") {
		t.Error("edit links without an edit URL")
	}
	if _, err := Build(Options{Content: "testdata/minimal", Out: t.TempDir(), EditURL: "javascript:alert(1)"}); err == nil || !strings.Contains(err.Error(), "--edit-url") {
		t.Errorf("a javascript: edit URL gave %v", err)
	}
}

// TestSourceDateEpoch: no date that is not from the content appears on the site, so SOURCE_DATE_EPOCH, which
// reproducible builds set to the commit's time, leaves the output byte for byte the same.
func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	a, _ := build(t, "testdata/minimal", Options{})
	t.Setenv("SOURCE_DATE_EPOCH", "1900000000")
	b, _ := build(t, "testdata/minimal", Options{})
	ta, tb := readTree(t, a), readTree(t, b)
	for p := range tb {
		if string(ta[p]) != string(tb[p]) {
			t.Errorf("%s depends on SOURCE_DATE_EPOCH", p)
		}
	}
	year := fmt.Sprint(time.Now().Year())
	for p, data := range ta {
		if strings.HasSuffix(p, ".html") && strings.Contains(string(data), time.Now().Format("2006-01-02")) && year != "2020" {
			t.Errorf("%s shows today's date", p)
		}
	}
}

// TestCrawlerFiles: robots.txt always; with the site's address, sitemap.xml lists every page but the 404 page, the
// comparison pages included, and robots.txt points to it.
func TestCrawlerFiles(t *testing.T) {
	out, _ := build(t, demo.Content(t), Options{Drafts: true, BaseURL: "https://intranet.example/vbe/"})
	files := readTree(t, out)
	sitemap := string(files["sitemap.xml"])
	n := 0
	for p := range files {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		n++
		if loc := "<loc>https://intranet.example/vbe/" + strings.TrimSuffix(p, "index.html") + "</loc>"; !strings.Contains(sitemap, loc) {
			t.Errorf("sitemap.xml lacks %s", loc)
		}
	}
	if got := strings.Count(sitemap, "<loc>"); got != n || n < 30 {
		t.Errorf("sitemap.xml has %d addresses, the site %d pages", got, n)
	}
	if robots := string(files["robots.txt"]); !strings.Contains(robots, "Sitemap: https://intranet.example/vbe/sitemap.xml\n") {
		t.Errorf("robots.txt: %q", robots)
	}
	if !strings.Contains(string(files["2020/index.html"]), `<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">`) || files["assets/favicon.svg"] == nil {
		t.Error("no favicon")
	}
	plain, _ := build(t, "testdata/minimal", Options{})
	files = readTree(t, plain)
	if files["sitemap.xml"] != nil || string(files["robots.txt"]) != "User-agent: *\nAllow: /\n" {
		t.Errorf("without an address: sitemap %q, robots %q", files["sitemap.xml"], files["robots.txt"])
	}
}

// TestHeadingIDsLast: a heading's id is written as section ids are and depends on its section and its own words
// only, so a link to it lasts: adding the same heading to an earlier section does not change it.
func TestHeadingIDsLast(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	sec := filepath.Join(dir, "2020", "avsnitt", "b.md")
	src, err := os.ReadFile(sec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sec, append(src, []byte("\n## Stöd till anhöriga\n\nText.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, dir, Options{})
	want := `id="rutin-stod-till-anhoriga"`
	if page := string(readTree(t, out)["2020/index.html"]); !strings.Contains(page, want) {
		t.Fatalf("the heading's id is not %s", want)
	}
	first := filepath.Join(dir, "2020", "avsnitt", "a.md")
	a, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, append(a, []byte("\n## Stöd till anhöriga\n\nAnnan text.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ = build(t, dir, Options{})
	page := string(readTree(t, out)["2020/index.html"])
	if !strings.Contains(page, want) || !strings.Contains(page, `id="inledning-stod-till-anhoriga"`) {
		t.Error("the same heading in an earlier section changed the id of the later one")
	}
}

// TestPictureWithoutTextAlternative: in a draft (as an import of a Word document may leave it) a picture without a
// text alternative is a warning, and the draft builds with --drafts; in an adopted plan it stops the build.
func TestPictureWithoutTextAlternative(t *testing.T) {
	for _, c := range []struct {
		status string
		fails  bool
	}{{"utkast", false}, {"antagen", true}} {
		dir := filepath.Join(t.TempDir(), "content")
		if err := os.CopyFS(dir, os.DirFS("testdata/minimal")); err != nil {
			t.Fatal(err)
		}
		plan := filepath.Join(dir, "2020", "plan.md")
		src, _ := os.ReadFile(plan)
		text := string(src)
		if c.status == "utkast" {
			text = strings.NewReplacer("status: antagen", "status: utkast", "beslutad: 2020-03-13\n", "", "paragraf: § 12\n", "").Replace(text)
		}
		sec := filepath.Join(dir, "2020", "avsnitt", "a.md")
		body, _ := os.ReadFile(sec)
		if err := os.WriteFile(plan, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(sec, []byte(strings.Replace(string(body), "![Stjärna]", "![]", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		stats, err := Build(Options{Content: dir, Out: filepath.Join(t.TempDir(), "public"), Drafts: true})
		if c.fails {
			if err == nil || !strings.Contains(err.Error(), "a.md:10:") || !strings.Contains(err.Error(), "figurer/s.svg") {
				t.Errorf("%s: %v, want the picture at a.md:10 refused", c.status, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.status, err)
		}
		found := false
		for _, w := range stats.Warnings {
			found = found || w.Line == 10 && strings.HasSuffix(w.File, "a.md") && strings.Contains(w.Msg, "figurer/s.svg")
		}
		if !found {
			t.Errorf("%s: warnings %v lack the picture at a.md:10", c.status, stats.Warnings)
		}
	}
}
