package markdown

import (
	"strings"
	"testing"
)

func TestAbbreviations(t *testing.T) {
	glossary := map[string]string{"VBE": "våldsbejakande extremism", "T1": "tertialrapport 1", "SoL": `socialtjänstlagen "SoL" <2001:453>`}
	vbe := `<abbr title="våldsbejakande extremism">VBE</abbr>`
	for _, c := range []struct{ in, want string }{
		{"VBE-samordnaren följer upp i T1.", `<p>` + vbe + `-samordnaren följer upp i <abbr title="tertialrapport 1">T1</abbr>.</p>`},
		{"[om VBE](/VBE/)", `<p><a href="/VBE/">om ` + vbe + `</a></p>`},
		{"VBEX, vbe, T12 och `VBE`", "<p>VBEX, vbe, T12 och <code>VBE</code></p>"},
		{"&amp;VBE 'SoL'", `<p>&amp;` + vbe + ` &rsquo;<abbr title="socialtjänstlagen &#34;SoL&#34; &lt;2001:453&gt;">SoL</abbr>&rsquo;</p>`},
		{"<abbr>VBE</abbr>", `<p>&lt;abbr&gt;` + vbe + `&lt;/abbr&gt;</p>`}, // raw HTML is shown as text; the word in it is still the word
		{"rad med VBE\nnästa rad", "<p>rad med " + vbe + "\nnästa rad</p>"},
		{"![VBE i bild](bild.png)", `VBE i bild`},
		{"**VBE**T1 *VBE*", `<p><strong>` + vbe + `</strong><abbr title="tertialrapport 1">T1</abbr> <em>` + vbe + `</em></p>`},
		{"Om VBE[^1]\n\n[^1]: Se VBE.", vbe + `<sup id="fnref:1"`},
		{"Se <https://example.se/VBE>", `>https://example.se/VBE</a></p>`},
	} {
		got := string(New().Convert([]byte(c.in), Options{Glossary: glossary}).HTML)
		if !strings.Contains(got, c.want) {
			t.Errorf("Convert(%q)\n got %q\nwant %q in it", c.in, got, c.want)
		}
	}
	if got := string(New().Convert([]byte("VBE"), Options{}).HTML); got != "<p>VBE</p>\n" {
		t.Errorf("no glossary changed the text: %q", got)
	}
}
