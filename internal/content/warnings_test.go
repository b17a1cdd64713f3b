package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarnings: what the coordinator is warned about, at its line, and what passes without a word.
func TestWarnings(t *testing.T) {
	const routine = "---\nid: rutin\ntitel: Rutin vid oro\nordning: 20\nvid_oro: true\ntabell: Aktiviteter\n---\n"
	cases := []struct {
		name  string
		files map[string]string // relative to 2020/, written over the valid fixture
		want  []string          // each a warning's "file:line: start of message"; none when empty
	}{
		{"the valid fixture", nil, nil},
		{"a form named without a link", map[string]string{
			"avsnitt/b.md": routine + "Gör så här.\n\n## Blankett\n\nFyll i blanketten för avidentifierad information.\n\nSkicka den till samordnaren.\n",
		}, []string{"2020/avsnitt/b.md:12: the routine for a worry mentions a form but does not link to it"}},
		{"a form with a link", map[string]string{
			"avsnitt/b.md": routine + "Fyll i [blanketten](https://intranat.example/blankett.docx).\n",
		}, nil},
		{"a form with an address written out", map[string]string{
			"avsnitt/b.md": routine + "Fyll i formuläret på <https://intranat.example/formular>.\n",
		}, nil},
		{"two rows with the same ordning", map[string]string{
			"aktiviteter/y.md": "---\nid: y\navsnitt: rutin\nordning: 10\naktivitet: A\nansvarig: B\ntidplan: C\nuppföljning: D\n---\n",
		}, []string{"2020/aktiviteter/y.md:2: this row and "}},
		{"a contact without telephone or e-mail", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n---\n",
		}, []string{"2020/plan.md:9: the contact for a worry has neither a telephone number nor an e-mail address"}},
		{"a contact with only an e-mail address", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n  epost: vbe@example.se\n---\n",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
				t.Fatal(err)
			}
			for rel, data := range c.files {
				if err := os.WriteFile(filepath.Join(dir, "2020", rel), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			plan, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			got := plan.Warnings()
			if len(got) != len(c.want) {
				t.Fatalf("warnings %q, want %d", got, len(c.want))
			}
			for i, w := range c.want {
				if msg := strings.TrimPrefix(filepath.ToSlash(got[i].Error()), filepath.ToSlash(dir)+"/"); !strings.HasPrefix(msg, w) {
					t.Errorf("warning %q, want it to start %q", msg, w)
				}
				if got[i].Hint == "" {
					t.Errorf("warning %q says nothing of how to fix it", got[i].Msg)
				}
			}
		})
	}
}
