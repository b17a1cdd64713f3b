package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBlocks checks the plain-text blocks revisions are compared by, against golden files: testdata/blocks/*.md
// gives testdata/blocks/*.golden, one block per line. UPDATE=1 rewrites the golden files.
func TestBlocks(t *testing.T) {
	files, _ := filepath.Glob("testdata/blocks/*.md")
	if len(files) == 0 {
		t.Fatal("no testdata/blocks/*.md")
	}
	kinds := map[BlockKind]string{Paragraph: "p", HeadingBlock: "h", Item: "li", Row: "tr", Footnote: "fn", Figure: "fig", Code: "code"}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := New().Convert(src, Options{Shift: 1, IDs: NewIDs()})
			var b strings.Builder
			for _, bl := range res.Blocks {
				fmt.Fprintf(&b, "%s%d\t%s", kinds[bl.Kind], bl.Level, bl.Text)
				if bl.Kind == Row {
					fmt.Fprintf(&b, "\t%q", bl.Cells)
				}
				b.WriteByte('\n')
			}
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if os.Getenv("UPDATE") != "" {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("blocks:\n%s\nwant:\n%s", b.String(), want)
			}
		})
	}
}
