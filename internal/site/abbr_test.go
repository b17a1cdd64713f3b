package site

import (
	"testing"

	"github.com/stockholm/plansite/internal/content"
)

func TestAbbreviations(t *testing.T) {
	a := newAbbreviator([]content.Abbreviation{{Short: "VBE", Long: "våldsbejakande extremism"}, {Short: "T1", Long: "tertialrapport 1"},
		{Short: "SoL", Long: `socialtjänstlagen "SoL" <2001:453>`}})
	for _, c := range []struct{ in, want string }{
		{"<p>VBE-samordnaren följer upp i T1.</p>", `<p><abbr title="våldsbejakande extremism">VBE</abbr>-samordnaren följer upp i <abbr title="tertialrapport 1">T1</abbr>.</p>`},
		{`<p><a href="/VBE/">om VBE</a></p>`, `<p><a href="/VBE/">om <abbr title="våldsbejakande extremism">VBE</abbr></a></p>`},
		{"<p>VBEX, vbe, T12 and <code>VBE</code></p>", "<p>VBEX, vbe, T12 and <code>VBE</code></p>"},
		{"<p>&amp;VBE &#39;SoL&#39;</p>", `<p>&amp;<abbr title="våldsbejakande extremism">VBE</abbr> &#39;<abbr title="socialtjänstlagen &#34;SoL&#34; &lt;2001:453&gt;">SoL</abbr>&#39;</p>`},
		{`<p><abbr title="x">VBE</abbr></p>`, `<p><abbr title="x">VBE</abbr></p>`},
		{"<p>oavslutad <", "<p>oavslutad <"},
	} {
		if got := a.mark(c.in); got != c.want {
			t.Errorf("mark(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	if got := (*abbreviator)(nil).mark("<p>VBE</p>"); got != "<p>VBE</p>" {
		t.Errorf("no glossary changed the text: %q", got)
	}
}
