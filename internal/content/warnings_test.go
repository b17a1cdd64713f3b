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
		}, []string{`2020/avsnitt/b.md:12: rutinen vid oro nämner en blankett men länkar inte till den`}},
		{"a form with a link", map[string]string{
			"avsnitt/b.md": routine + "Fyll i [blanketten](https://intranat.example/blankett.docx).\n",
		}, nil},
		{"a form with an address written out", map[string]string{
			"avsnitt/b.md": routine + "Fyll i formuläret på <https://intranat.example/formular>.\n",
		}, nil},
		{"two rows with the same ordning", map[string]string{
			"aktiviteter/y.md": "---\nid: y\navsnitt: rutin\nordning: 10\naktivitet: A\nansvarig: B\ntidplan: C\nuppföljning: D\n---\n",
		}, []string{"2020/aktiviteter/y.md:2: den här raden och "}},
		{"a contact without telephone or e-mail", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nparagraf: 12\nordalydelse: ordagrann\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n---\n",
		}, []string{`2020/plan.md:11: kontakten vid oro har varken telefonnummer eller e-postadress`}},
		{"a contact with only an e-mail address", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nbeslutad: 2020-03-13\nparagraf: 12\nordalydelse: ordagrann\nnästa_revision: 2021\nkontakt:\n  namn: VBE-samordnaren\n  epost: vbe@example.se\n---\n",
		}, nil},
		{"an adopted plan without its decision or wording", map[string]string{
			"plan.md": "---\ntitel: T 2020\nnämnd: Testnämnden\når: 2020\ndnr: 1.2.3-4/2020\nstatus: antagen\nnästa_revision: 2021\nkontakt:\n  namn: V\n  epost: v@example.se\n---\n",
		}, []string{
			`2020/plan.md:1: planen säger inte var texten kommer ifrån, så webbplatsen skriver att den kan skilja sig från den antagna lydelsen`,
			`2020/plan.md:6: planen är antagen, men datumet för beslutet saknas`,
			`2020/plan.md:6: planen är antagen, men paragrafen i protokollet saknas`,
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
			[]string{`11: en revidering med status utkast har inget beslut än, men beslutad är ifyllt (ta bort beslutad tills nämnden har antagit planen. Skriv då status: antagen och uppgifterna om beslutet)`}},
		{"a proposal out for comment with a paragraph", "status: remiss\nparagraf: 12\n",
			[]string{`11: en revidering med status remiss har inget beslut än, men paragraf är ifyllt (ta bort paragraf tills nämnden har antagit planen. Skriv då status: antagen och uppgifterna om beslutet)`}},
		{"no status", "ordalydelse: återgiven\n",
			[]string{`1: nyckeln "status" saknas, och den är obligatorisk (skriv status: utkast medan planen skrivs. Värdena som finns är utkast, remiss, antagen och exempel)`}},
		{"an unknown status", "status: beslutad\n",
			[]string{`10: okänd status "beslutad" (skriv ett av utkast, remiss, antagen, exempel)`}},
		{"a paragraph that is not one", "status: antagen\nparagraf: tolv\n",
			[]string{`11: paragraf "tolv" är inte en paragraf i protokollet (skriv paragrafens nummer, till exempel paragraf: § 12)`}},
		{"an unknown wording", "status: antagen\nordalydelse: egen\n",
			[]string{`11: okänd ordalydelse "egen" (skriv ordagrann när texten är det antagna dokumentets egen lydelse, ord för ord, eller återgiven när den återger dokumentet med andra ord)`}},
		{"a document that is not an address", "status: antagen\ndokument: javascript:alert(1)\n",
			[]string{`11: dokument "javascript:alert(1)" är inte en webbadress`}},
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
