package linkcheck

import (
	"strings"
	"testing"

	"github.com/stockholm/plansite/internal/output"
)

func TestCheck(t *testing.T) {
	site := output.NewMemory()
	for p, data := range map[string]string{
		"2020/index.html":           `<section id="rutin-vid-oro"><tr id="natverk">`,
		"2020/figurer/bild.svg":     `<svg/>`,
		"tillganglighet/index.html": `<h1 id="huvudinnehall">`,
		"index.html":                ``,
	} {
		if err := site.Put(output.File{Path: p, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	links := []Link{
		{Page: "2020/", File: "a.md", Line: 1, Dest: "#rutin-vid-oro"},
		{Page: "2020/", File: "a.md", Line: 2, Dest: "#rutin"},
		{Page: "2020/", File: "a.md", Line: 3, Dest: "figurer/bild.svg"},
		{Page: "2020/", File: "a.md", Line: 4, Dest: "../2019/"},
		{Page: "2020/", File: "a.md", Line: 5, Dest: "/tillganglighet/#huvudinnehall"},
		{Page: "2020/", File: "a.md", Line: 6, Dest: "https://example.se/x#y"},
		{Page: "2020/", File: "a.md", Line: 7, Dest: "../2020/#natverk"},
		{Page: "2020/", File: "a.md", Line: 8, Dest: "/saknas"},
	}
	probs := Check(site, links, []int{2020})
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	want := []string{"a.md:2: länken #rutin leder till #rutin, som inte finns på /2020/", "a.md:4: länken ../2019/ leder till /2019/, som inte finns",
		"a.md:8: länken /saknas leder till /saknas, som inte finns på webbplatsen"}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d = %q, want it to start %q", i, got[i], w)
		}
	}
	if !strings.Contains(got[0], "kanske #rutin-vid-oro") || !strings.Contains(got[1], "det finns revideringar för 2020") {
		t.Errorf("hints: %q", got[:2])
	}
}
