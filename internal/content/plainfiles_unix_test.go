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
			"c.md: the file is a link to OUTSIDE/c.md, outside the content folder (copy the file into the content folder"},
		{"link-outside-relative", func(t *testing.T, dir string) error {
			rel, err := filepath.Rel(filepath.Join(dir, "2020", "avsnitt"), filepath.Join(outside, "c.md"))
			if err != nil {
				return err
			}
			return link(rel, "2020/avsnitt/c.md")(t, dir)
		}, "c.md: the file is a link to OUTSIDE/c.md, outside the content folder"},
		{"link-dev-zero", link("/dev/zero", "2020/avsnitt/c.md"),
			"c.md: the file is a link to a device, not to a plain file (replace the link with the Markdown file itself)"},
		{"link-named-pipe", link(fifo, "2020/avsnitt/c.md"),
			"c.md: the file is a link to a named pipe, not to a plain file"},
		{"link-named-pipe-itself", func(t *testing.T, dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "2020", "aktiviteter", "y.md"), 0o644)
		}, "y.md: the file is a named pipe, not a plain file (replace it with the Markdown file itself)"},
		{"link-plan-is-a-pipe", func(t *testing.T, dir string) error {
			if err := os.Remove(filepath.Join(dir, "2020", "plan.md")); err != nil {
				return err
			}
			return syscall.Mkfifo(filepath.Join(dir, "2020", "plan.md"), 0o644)
		}, "2020/plan.md: the file is a named pipe, not a plain file"},
		{"link-page-dev-zero", link("/dev/zero", "sidor/om.md"),
			"sidor/om.md: the file is a link to a device, not to a plain file"},
		{"link-to-folder", link("..", "2020/avsnitt/c.md"),
			"c.md: the file is a link to a folder, not to a plain file"},
		{"link-loop", func(t *testing.T, dir string) error {
			if err := link("d.md", "2020/avsnitt/c.md")(t, dir); err != nil {
				return err
			}
			return link("c.md", "2020/avsnitt/d.md")(t, dir)
		}, "c.md: the file is a link that leads back to itself, through one or more links (replace the link"},
		{"link-dangling", link("borta.md", "2020/avsnitt/c.md"),
			"c.md: the file is a link to a file that does not exist (replace the link with the Markdown file itself)"},
		{"link-too-long", link(strings.Repeat("l", 300)+".md", "2020/avsnitt/c.md"),
			"c.md: the path is longer than the system allows (use shorter names for the folders and the file"},
		{"link-year-folder", link("2020", "2021"),
			"content/2021: the folder is a link; plansite reads only the folders themselves (replace the link"},
		{"link-pages-folder", func(t *testing.T, dir string) error {
			if err := os.Rename(filepath.Join(dir, "sidor"), filepath.Join(outside, "sidor")); err != nil {
				return err
			}
			return link(filepath.Join(outside, "sidor"), "sidor")(t, dir)
		}, "content/sidor: the folder is a link"},
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
	want := "the path is longer than the system allows (use shorter names for the folders and the file, or fewer folders inside one another)"
	if !strings.Contains(got, want) || strings.Contains(got, "permission") {
		t.Errorf("output lacks %q; got:\n%s", want, got)
	}
}
