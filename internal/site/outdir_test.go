package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/output"
)

// workspace is a coordinator's checkout: a repository with content/, layouts/, a docs/ folder of their own, and
// the settings file.
func workspace(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS("testdata/minimal")); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		".git/HEAD":          "ref: refs/heads/main\n",
		"layouts/README.md":  "my layouts\n",
		"docs/egen-text.md":  "my own notes\n",
		"plansite.yaml":      "out: public\n",
		"README.md":          "my plan\n",
		"tom/.keep-me-not/x": "",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.RemoveAll(filepath.Join(root, "tom", ".keep-me-not")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "innehall")); err != nil {
		t.Fatal(err)
	}
	return root
}

// snapshot is every file under dir with its contents, the output folders left out.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && (rel == "public" || rel == "tom") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestOutputRefused: a build never replaces a folder that holds the coordinator's work. Each refusal says what
// is wrong and how to proceed, writes nothing, and leaves every file as it was.
func TestOutputRefused(t *testing.T) {
	cases := []struct {
		name, out string
		layouts   bool
		want      string
	}{
		{"the content folder", "content", false, "det här är innehållsmappen, som bygget läser"},
		{"the content folder by a link", "innehall", false, "det här är innehållsmappen"},
		{"a folder inside the content", "content/2020/x", false, "ligger i innehållsmappen content"},
		{"the layouts folder", "layouts", true, "det här är layoutmappen"},
		{"inside the layouts folder", "layouts/site", true, "ligger i layoutmappen layouts"},
		{"the repository's root", ".", false, "innehåller innehållsmappen content"},
		{"the repository's parent", "..", false, "innehåller innehållsmappen content"},
		{"the file system's root", "/", false, "innehåller innehållsmappen content"},
		{"inside .git", ".git/site", false, "ligger i git-förrådets mapp .git"},
		{"a folder of one's own", "docs", false, "innehåller filer som plansite inte har skapat (egen-text.md)"},
		{"a file", "README.md", false, "det här är en fil, inte en mapp"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := workspace(t)
			t.Chdir(root)
			before := snapshot(t, root)
			opt := Options{Content: "content", Out: c.out}
			if c.layouts {
				opt.Layouts = "layouts"
			}
			_, err := Build(opt)
			var oe *output.OutputError
			if !errors.As(err, &oe) {
				t.Fatalf("Build(--out %s) = %v, want a refusal", c.out, err)
			}
			if msg := err.Error(); !strings.Contains(msg, c.want) || !strings.Contains(msg, "--out") {
				t.Errorf("message %q does not say %q and how to proceed", msg, c.want)
			}
			after := snapshot(t, root)
			if len(after) != len(before) {
				t.Errorf("%d files before, %d after", len(before), len(after))
			}
			for p, data := range before {
				if after[p] != data {
					t.Errorf("%s changed", p)
				}
			}
			if leftovers, _ := filepath.Glob(filepath.Join(root, "*", ".*.new-*")); len(leftovers) > 0 {
				t.Errorf("left behind: %v", leftovers)
			}
		})
	}
}

// TestOutputRefusedBeforeContentProblems: the output folder is checked beside the loading of the content, and a
// refusal is still what the build says, even when the content has problems too: they would be reported by a build
// that could not write its site anyway.
func TestOutputRefusedBeforeContentProblems(t *testing.T) {
	root := workspace(t)
	t.Chdir(root)
	broken := filepath.Join(root, "content", "2020", "avsnitt", "trasig.md")
	if err := os.WriteFile(broken, []byte("---\ntitel: [\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Content: "content", Out: "public"}); err == nil || !IsContentError(err) {
		t.Fatalf("the broken file gives %v, want a content problem", err)
	}
	_, err := Build(Options{Content: "content", Out: "docs"})
	var oe *output.OutputError
	if !errors.As(err, &oe) {
		t.Fatalf("Build(--out docs) with a broken content file = %v, want the refusal of docs", err)
	}
}

// TestOutputReplaced: the folders a build may replace: a new one, an empty one, its own earlier output, and one
// the user has said may go.
func TestOutputReplaced(t *testing.T) {
	root := workspace(t)
	t.Chdir(root)
	for _, c := range []struct {
		name, out string
		replace   bool
	}{
		{"a new folder", "public", false},
		{"an earlier build", "public", false},
		{"an empty folder", "tom", false},
		{"a folder of one's own, with --replace", "docs", true},
		{"then as an earlier build", "docs", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Build(Options{Content: "content", Out: c.out, Replace: c.replace}); err != nil {
				t.Fatal(err)
			}
			if data, err := os.ReadFile(filepath.Join(c.out, output.Marker)); err != nil || !strings.Contains(string(data), "plansite build") {
				t.Errorf("marker: %q, %v", data, err)
			}
			if _, err := os.Stat(filepath.Join(c.out, "2020", "index.html")); err != nil {
				t.Error(err)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(root, "docs", "egen-text.md")); err == nil {
		t.Error("--replace kept the old files")
	}
}

// TestInterruptedBuildsCleanedUp: the folders that killed builds leave beside the output are removed by the next
// build; a cancelled build removes its own and leaves the output as it was.
func TestInterruptedBuildsCleanedUp(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(Options{Content: "testdata/minimal", Out: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	// What kill -9 leaves: a half-written site, and the old site of the two-rename swap.
	for _, dir := range []string{".public.new-123", ".public.new-456.old", ".public.new-789/2020"} {
		if err := os.MkdirAll(filepath.Join(parent, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := BuildContext(ctx, Options{Content: "testdata/minimal", Out: out})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled build returned %v", err)
	}
	if names := besideOutput(t, out); len(names) != 1 || names[0] != "public" {
		t.Errorf("beside the output after a cancelled build: %v, want only public", names)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("the cancelled build changed the output: %d files, then %d", len(before), len(after))
	}
}

// TestDiskFull builds onto a disk too small for the site: a tmpfs of 64 kB, which needs root. The build fails,
// says the disk is full and how much the site needs, and leaves the earlier site and nothing else.
func TestDiskFull(t *testing.T) {
	disk := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk).Run(); err != nil {
		t.Skipf("cannot mount a small disk here (needs root): %v", err)
	}
	t.Cleanup(func() { _ = exec.Command("umount", disk).Run() })
	out := filepath.Join(disk, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, output.Marker), []byte("an earlier build\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(Options{Content: "../../content", Out: out})
	var we *output.WriteError
	if !errors.As(err, &we) || IsContentError(err) {
		t.Fatalf("Build on a full disk = %v, want a WriteError", err)
	}
	for _, w := range []string{"är full", "webbplatsen behöver", "MB är ledigt där"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q does not say %q", err, w)
		}
	}
	if we.Needed < 200_000 {
		t.Errorf("needed %d bytes; the shipped site is bigger than that", we.Needed)
	}
	if names := besideOutput(t, out); len(names) != 1 {
		t.Errorf("%v on the disk after the failure, want only public", names)
	}
	if left, _ := os.ReadDir(out); len(left) != 1 {
		t.Errorf("public/ changed: %d entries", len(left))
	}
}

// besideOutput lists what is in the output folder's parent, the output included, apart from the folders kept for
// the next build (output.Skeleton), which it checks hold no file but their list.
func besideOutput(t *testing.T, out string) []string {
	t.Helper()
	skel := output.Skeleton(out)
	filepath.WalkDir(skel, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != filepath.Join(skel, output.SkeletonList) {
			t.Errorf("the folders kept for the next build hold a file: %s", p)
		}
		return nil
	})
	entries, _ := os.ReadDir(filepath.Dir(out))
	var names []string
	for _, e := range entries {
		if filepath.Join(filepath.Dir(out), e.Name()) != skel {
			names = append(names, e.Name())
		}
	}
	return names
}
