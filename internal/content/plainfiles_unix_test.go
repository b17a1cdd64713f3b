//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOnlyPlainFiles: a Markdown file that is not a plain file inside the content folder is refused, at once and
// with what it is; a link to a file inside the folder is read. The messages are in testdata/errors/link-*.golden.
func TestOnlyPlainFiles(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "c.md"), []byte(sectionHead+"Text utanför.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	realOutside, err := realPath(outside)
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(outside, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	type change func(t *testing.T, dir string) error
	link := func(target, name string) change {
		return func(t *testing.T, dir string) error {
			return os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name)))
		}
	}
	cases := []struct {
		name   string
		change change
		want   string
	}{
		{"link-outside", link(filepath.Join(outside, "c.md"), "2020/avsnitt/c.md"),
			`c.md: filen är en länk till OUTSIDE/c.md, utanför innehållsmappen (kopiera filen till innehållsmappen. En länk får bara peka på en fil i mappen)`},
		{"link-outside-relative", func(t *testing.T, dir string) error {
			rel, err := filepath.Rel(filepath.Join(dir, "2020", "avsnitt"), filepath.Join(outside, "c.md"))
			if err != nil {
				return err
			}
			return link(rel, "2020/avsnitt/c.md")(t, dir)
		}, `c.md: filen är en länk till OUTSIDE/c.md, utanför innehållsmappen`},
		{"link-dev-zero", link("/dev/zero", "2020/avsnitt/c.md"),
			`c.md: filen är en länk till en enhet, inte till en vanlig fil (byt länken mot själva Markdown-filen)`},
		{"link-named-pipe", link(fifo, "2020/avsnitt/c.md"),
			`c.md: filen är en länk till en namngiven pipe, inte till en vanlig fil`},
		{"link-named-pipe-itself", func(t *testing.T, dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "2020", "aktiviteter", "y.md"), 0o644)
		}, `y.md: filen är en namngiven pipe, inte en vanlig fil (byt den mot själva Markdown-filen)`},
		{"link-plan-is-a-pipe", func(t *testing.T, dir string) error {
			if err := os.Remove(filepath.Join(dir, "2020", "plan.md")); err != nil {
				return err
			}
			return syscall.Mkfifo(filepath.Join(dir, "2020", "plan.md"), 0o644)
		}, `2020/plan.md: filen är en namngiven pipe, inte en vanlig fil`},
		{"link-page-dev-zero", link("/dev/zero", "sidor/om.md"),
			`sidor/om.md: filen är en länk till en enhet, inte till en vanlig fil`},
		{"link-to-folder", link("..", "2020/avsnitt/c.md"),
			`c.md: filen är en länk till en mapp, inte till en vanlig fil`},
		{"link-loop", func(t *testing.T, dir string) error {
			if err := link("d.md", "2020/avsnitt/c.md")(t, dir); err != nil {
				return err
			}
			return link("c.md", "2020/avsnitt/d.md")(t, dir)
		}, `c.md: filen är en länk som leder tillbaka till sig själv, genom en eller flera länkar (byt länken mot själva Markdown-filen)`},
		{"link-dangling", link("borta.md", "2020/avsnitt/c.md"),
			`c.md: filen är en länk till en fil som inte finns (byt länken mot själva Markdown-filen)`},
		{"link-too-long", link(strings.Repeat("l", 300)+".md", "2020/avsnitt/c.md"),
			`c.md: sökvägen är längre än systemet tillåter (använd kortare namn på mapparna och filen, eller färre mappar i varandra)`},
		{"link-year-folder", link("2020", "2021"),
			`content/2021: mappen är en länk, och plansite läser bara riktiga mappar (byt länken mot mappen den pekar på, till exempel genom att flytta eller kopiera mappen hit)`},
		{"link-pages-folder", func(t *testing.T, dir string) error {
			if err := os.Rename(filepath.Join(dir, "sidor"), filepath.Join(outside, "sidor")); err != nil {
				return err
			}
			return link(filepath.Join(outside, "sidor"), "sidor")(t, dir)
		}, `content/sidor: mappen är en länk, och plansite läser bara riktiga mappar`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := tree(t, nil)
			if err := c.change(t, dir); err != nil {
				t.Fatal(err)
			}
			got := within(t, 10*time.Second, func() string { return messages(t, dir) })
			got = strings.ReplaceAll(strings.ReplaceAll(got, realOutside, "OUTSIDE"), outside, "OUTSIDE")
			if !strings.Contains(got, c.want) {
				t.Errorf("output lacks %q; got:\n%s", c.want, got)
			}
			golden(t, filepath.Join("testdata", "errors", c.name+".golden"), got)
		})
	}
}

// TestLinkInsideIsRead: a link to a plain file inside the content folder is read like the file.
func TestLinkInsideIsRead(t *testing.T) {
	dir := tree(t, map[string]string{"2020/avsnitt/_mall.md": sectionHead + "Text från mallen.\n"})
	if err := os.Symlink("_mall.md", filepath.Join(dir, "2020", "avsnitt", "c.md")); err != nil {
		t.Fatal(err)
	}
	plan, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s := plan.Revisions[0].Sections; len(s) != 3 || s[2].ID != "fientlig" || !strings.Contains(s[2].Body.Markdown, "mallen") {
		t.Errorf("the linked section was not read: %+v", s)
	}
}

// TestPathTooLong: folders nested deeper than a path may reach are reported as such, not as a permission problem.
func TestPathTooLong(t *testing.T) {
	dir := tree(t, nil)
	r, err := os.OpenRoot(filepath.Join(dir, "2020", "figurer"))
	if err != nil {
		t.Fatal(err)
	}
	// Each folder is made inside the last through its handle, so the path as a whole may grow past the limit.
	name := strings.Repeat("m", 250)
	for range 20 {
		if err := r.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := r.OpenRoot(name)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		r = next
	}
	r.Close()
	got := within(t, 10*time.Second, func() string { return messages(t, dir) })
	want := `sökvägen är längre än systemet tillåter (använd kortare namn på mapparna och filen, eller färre mappar i varandra)`
	if !strings.Contains(got, want) || strings.Contains(got, "behörighet") || strings.Contains(got, "permission") {
		t.Errorf("output lacks %q; got:\n%s", want, got)
	}
}
