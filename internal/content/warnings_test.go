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
		{"a plan that says all", nil, nil},
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
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nparagraf: 12\nordalydelse: ordagrann\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n---\n",
		}, []string{"2020/plan.md:11: the contact for a worry has neither a telephone number nor an e-mail address"}},
		{"a contact with only an e-mail address", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nparagraf: 12\nordalydelse: ordagrann\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n  epost: vbe@example.se\n---\n",
		}, nil},
		{"an adopted plan without its decision or wording", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nnästa_revision: 2021\nkontakt:\n  namn: V\n  epost: v@example.se\n---\n",
		}, []string{
			"2020/plan.md:1: the plan does not say where its words come from",
			"2020/plan.md:6: the plan is adopted, but the date of the decision is missing",
			"2020/plan.md:6: the plan is adopted, but the paragraph of the minutes is missing",
		}},
		{"a draft needs no decision", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: remiss\nordalydelse: återgiven\nnästa_revision: 2021\nkontakt:\n  namn: V\n  epost: v@example.se\n---\n",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
				t.Fatal(err)
			}
			// The fixture's plan, with all that an adopted plan should say, unless the case writes its own.
			full := "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nparagraf: § 12\nordalydelse: återgiven\nnästa_revision: 2021\nkontakt:\n  namn: V\n  epost: v@example.se\n---\n"
			if err := os.WriteFile(filepath.Join(dir, "2020", "plan.md"), []byte(full), 0o644); err != nil {
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

// TestDecisionRules: the status and the decision must agree, and each mistake is explained at its line with the
// values accepted.
func TestDecisionRules(t *testing.T) {
	const head = "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nnästa_revision: 2021\nkontakt:\n  namn: V\n  epost: v@example.se\n"
	cases := []struct {
		name, front string
		want        []string // "line: start of message (start of hint"
	}{
		{"an adopted plan with its decision", "status: antagen\nbeslutad: 2020-03-13\nparagraf: § 7\nordalydelse: ordagrann\ndokument: https://intranat.example/plan.pdf\n", nil},
		{"a draft with a decision date", "status: utkast\nbeslutad: 2020-03-13\n",
			[]string{"11: a revision with status utkast has no decision yet, but beslutad is set (remove beslutad until"}},
		{"a proposal out for comment with a paragraph", "status: remiss\nparagraf: 12\n",
			[]string{"11: a revision with status remiss has no decision yet, but paragraf is set (remove paragraf"}},
		{"no status", "ordalydelse: återgiven\n",
			[]string{"1: the required key \"status\" is missing (add status: utkast while the plan is being written; the values are utkast, remiss, antagen and exempel)"}},
		{"an unknown status", "status: beslutad\n",
			[]string{"10: unknown status \"beslutad\" (write one of utkast, remiss, antagen, exempel)"}},
		{"a paragraph that is not one", "status: antagen\nparagraf: tolv\n",
			[]string{"11: paragraf \"tolv\" is not a paragraph of the minutes (write the paragraph's number, like paragraf: § 12)"}},
		{"an unknown wording", "status: antagen\nordalydelse: egen\n",
			[]string{"11: unknown ordalydelse \"egen\" (write ordagrann when"}},
		{"a document that is not an address", "status: antagen\ndokument: javascript:alert(1)\n",
			[]string{"11: dokument \"javascript:alert(1)\" is not a web address"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
				t.Fatal(err)
			}
			plan := filepath.Join(dir, "2020", "plan.md")
			if err := os.WriteFile(plan, []byte(head+c.front+"---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(dir)
			if len(c.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var got []string
			if err != nil {
				for _, line := range strings.Split(err.Error(), "\n") {
					got = append(got, strings.TrimPrefix(line, plan+":"))
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("problems %q, want %q", got, c.want)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %q, want it to start %q", got[i], w)
				}
			}
		})
	}
}
