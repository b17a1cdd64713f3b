package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/demo"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitStatus(t *testing.T) {
	fixture := "../../internal/site/testdata/minimal"
	broken := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(broken, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "2020/aktiviteter/x.md"), []byte("---\nid: x\nansvrig: a\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	demoDir := demo.Content(t)
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // regexp
		stderr string // regexp
	}{
		{"build", []string{"build", "--content", fixture, "--out", filepath.Join(t.TempDir(), "p")}, 0, `^Byggde 1 revidering, 10 sidor på \d+ ms\n$`, `^$`},
		{"broken content", []string{"build", "--content", broken, "--out", filepath.Join(t.TempDir(), "p")}, 1, `^$`,
			`aktiviteter/x.md:3: okänd nyckel "ansvrig" \(menade du "ansvarig"\?\)\n(.|\n)*Bygget misslyckades: \d+ problem i innehållet\. .*p/ är oförändrad\.\n$`},
		{"missing content", []string{"build", "--content", "finns-inte", "--out", filepath.Join(t.TempDir(), "p")}, 1, `^$`, `finns-inte: innehållsmappen går inte att läsa: den finns inte \(kör plansite i mappen där content/ finns`},
		{"missing layouts", []string{"build", "--content", fixture, "--layouts", "finns-inte", "--out", t.TempDir()}, 1, `^$`, `layoutmappen finns-inte finns inte`},
		{"bad flag", []string{"build", "--nope"}, 2, `^$`, `flag provided but not defined: -nope`},
		{"extra argument", []string{"build", "extra"}, 2, `^$`, `oväntat argument "extra"`},
		{"unknown command", []string{"bygg"}, 2, `^$`, `okänt kommando "bygg"`},
		{"no command", nil, 2, `^$`, `Usage:`},
		{"help", []string{"--help"}, 0, `plansite build`, `^$`},
		{"build help", []string{"build", "-h"}, 0, `Usage: plansite build(.|\n)*-base-url`, `^$`},
		{"version", []string{"version"}, 0, `^plansite \S+\n$`, `^$`},
		{"diff", []string{"diff", "--content", demoDir, "2020", "2021"}, 0,
			`^Ändringar från 2020 till 2021\n(.|\n)*Diarienummer: \[-3.1.1-212/2020-\]\{\+3.1.1-087/2021\+\}`, `^$`},
		{"diff markdown, flag last", []string{"diff", "2020", "2021", "--content", demoDir, "--format", "markdown"}, 0,
			`^# Ändringar från 2020 till 2021\n(.|\n)*~~725~~\*\*890\*\*`, `^$`},
		{"diff of a revision with itself", []string{"diff", "--content", demoDir, "2020", "2020"}, 0,
			`Inga ändringar`, `^$`},
		{"diff of a missing year", []string{"diff", "--content", demoDir, "2020", "2030"}, 2, `^$`,
			`ingen revidering för 2030 i ` + regexp.QuoteMeta(demoDir) + ` \(det finns: 2020, 2021\)`},
		{"diff with one year", []string{"diff", "2020"}, 2, `^$`, `diff ska ha 2 årtal, men fick 1`},
		{"diff bad format", []string{"diff", "--format", "pdf", "2020", "2021"}, 2, `^$`, `--format "pdf": använd text eller markdown`},
		{"diff help", []string{"diff", "-h"}, 0, `Usage: plansite diff`, `^$`},
		{"new over an existing year", []string{"new", "--content", fixture, "2020"}, 1, `^$`, `2020 finns redan, och en revidering skrivs aldrig över`},
		{"check the shipped plan", []string{"check", "--content", "../../content"}, 0, `^Kontrollerade 1 revidering och dess länkar: inga problem, 4 varningar\n$`,
			`^varning: \.\./\.\./content/2020/avsnitt/30-rutin-vid-oro.md:29: rutinen vid oro nämner en blankett men länkar inte till den \(.*\)\n` +
				`varning: \.\./\.\./content/2020/plan.md:7: planen är antagen, men datumet för beslutet saknas \(.*\)\n` +
				`varning: \.\./\.\./content/2020/plan.md:7: planen är antagen, men paragrafen i protokollet saknas \(.*\)\n` +
				`varning: \.\./\.\./content/2020/plan.md:10: kontakten vid oro har varken telefonnummer eller e-postadress`},
		{"check broken content for GitHub", []string{"check", "--content", broken, "--format", "github"}, 1,
			`(?m)^::error file=.*aktiviteter/x.md,line=3,title=plansite::okänd nyckel "ansvrig" \(menade du "ansvarig"\?\)`, `Kontrollen hittade \d+ problem i innehållet\.\n$`},
		{"check bad format", []string{"check", "--format", "xml"}, 2, `^$`, `--format "xml"`},
		{"new not a year", []string{"new", "tjugo"}, 2, `^$`, `"tjugo" är inte ett årtal`},
		{"log", []string{"log", "--content", demoDir, "webbutbildning-alla"}, 0,
			`^Historik för aktiviteten webbutbildning-alla\n(.|\n)*2021: Ändrad\n(.|\n)*Tidplan: Under hela \[-2020-\]\{\+2021\+\}(.|\n)*\| 2021 \| pågår \|`, `^$`},
		{"log of an unknown id", []string{"log", "--content", demoDir, "webbutbildning"}, 2, `^$`,
			`inget avsnitt och ingen aktivitet har id "webbutbildning" i .*\(menade du "webbutbildning-alla"\?\)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(c.args...)
			if code != c.code {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if !regexp.MustCompile(c.stdout).MatchString(stdout) {
				t.Errorf("stdout %q does not match %q", stdout, c.stdout)
			}
			if !regexp.MustCompile(c.stderr).MatchString(stderr) {
				t.Errorf("stderr %q does not match %q", stderr, c.stderr)
			}
		})
	}
}

// TestNew starts 2021 from the minimal fixture and builds the result: a draft that the site shows with its banner,
// and a comparison page between the two years.
func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../internal/site/testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("new", "--content", dir, "2021")
	if code != 0 || !strings.Contains(stdout, "Skapade "+filepath.Join(dir, "2021")) {
		t.Fatalf("new: exit %d\n%s%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCLI("build", "--drafts", "--content", dir, "--out", out); code != 0 {
		t.Fatalf("build after new: exit %d\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "2021/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Det här är ett utkast") || !strings.Contains(string(page), "Datum ej angivet") {
		t.Error("the new revision is not shown as an undated draft")
	}
	cmp, err := os.ReadFile(filepath.Join(out, "jamfor/2020-2021/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cmp), "Status") || !strings.Contains(string(cmp), "Beslutad av nämnden") {
		t.Error("the comparison of the new draft does not show its changed status and date")
	}
}

// TestDefaultLayoutsFolder: run away from the repository, the built-in layouts are used without a flag.
func TestDefaultLayoutsFolder(t *testing.T) {
	fixture, _ := filepath.Abs("../../internal/site/testdata/minimal")
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI("build", "--content", fixture)
	if code != 0 || !strings.HasPrefix(stdout, "Byggde ") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if _, err := os.Stat("public/2020/index.html"); err != nil {
		t.Error(err)
	}
}

// TestSettingsFile: plansite.yaml in the folder plansite runs in sets the flags not given, with paths relative
// to it; a flag given wins; a mistake stops the command with its line and builds nothing; --config names another
// file, which must exist; diff reads the content folder from it too.
func TestSettingsFile(t *testing.T) {
	fixture, _ := filepath.Abs("../../internal/site/testdata/minimal")
	shipped := demo.Content(t)
	t.Chdir(t.TempDir())
	write := func(p, data string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write("plansite.yaml", "content: "+fixture+"\nout: ut\nbase-url: https://intranet.example/vbe/\n")
	if code, stdout, stderr := runCLI("build"); code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if !strings.Contains(page("ut/2020/index.html"), `href="https://intranet.example/vbe/2020/"`) {
		t.Error("the base-url of the settings file is not used")
	}
	if code, _, stderr := runCLI("build", "--base-url", "https://annan.example/"); code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(page("ut/2020/index.html"), `href="https://annan.example/2020/"`) {
		t.Error("a flag given does not win over the settings file")
	}
	before := page("ut/2020/index.html")
	write("plansite.yaml", "out: ut\nbas-url: https://intranet.example/\n")
	code, _, stderr := runCLI("build")
	if code != 1 || !strings.Contains(stderr, "plansite.yaml:2: okänd inställning \"bas-url\"") || !strings.Contains(stderr, "Inget byggdes") {
		t.Fatalf("a mistake in the settings: exit %d: %s", code, stderr)
	}
	if page("ut/2020/index.html") != before {
		t.Error("a mistake in the settings changed the output")
	}
	if code, _, stderr := runCLI("build", "--config", "finns-inte.yaml"); code != 1 || !strings.Contains(stderr, "--config finns-inte.yaml: filen finns inte") {
		t.Fatalf("a missing --config: exit %d: %s", code, stderr)
	}
	if err := os.Mkdir("ci", 0o755); err != nil {
		t.Fatal(err)
	}
	write("ci/site.yaml", "content: "+shipped+"\nout: ../ut2\n")
	if code, stdout, stderr := runCLI("diff", "--config", "ci/site.yaml", "2020", "2021"); code != 0 || !strings.HasPrefix(stdout, "Ändringar från 2020 till 2021") {
		t.Fatalf("diff with --config: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI("build", "--drafts", "--config", "ci/site.yaml"); code != 0 {
		t.Fatalf("build with --config: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat("ut2/2021/index.html"); err != nil {
		t.Error("out in the settings file is not relative to the file's folder:", err)
	}
}
