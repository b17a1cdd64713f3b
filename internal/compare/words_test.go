package compare

import (
	"strings"
	"testing"
)

func TestSplitKeepsSwedishWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Återvändare från krigsdrabbade områden", "Återvändare|från|krigsdrabbade|områden"},
		{"VBE-samordnaren, 725 av 955.", "VBE-samordnaren|,|725|av|955|."},
		{"vid årsskiftet 2020/2021 – ”se”", "vid|årsskiftet|2020/2021|–|”|se|”"},
		{"  Ö-vägen  ", "Ö-vägen"},
		{"", ""},
	} {
		if got := strings.Join(split(c.in).keys, "|"); got != c.want {
			t.Errorf("split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDiffWordsWhole checks that words with å, ä and ö change as whole words, never letter by letter, and that the
// text is put back together exactly from the spans of either side.
func TestDiffWordsWhole(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"förebyggande arbete", "förebyggandet av arbete", "[-förebyggande-]{+förebyggandet av+} arbete"},
		{"Stöd till anhöriga.", "Stöd till äldre anhöriga.", "Stöd till {+äldre+} anhöriga."},
		{"Under 2020 får detta hög prioritet", "Under 2021 får detta fortsatt hög prioritet", "Under [-2020-]{+2021+} får detta {+fortsatt+} hög prioritet"},
		{"samma text", "samma text", "samma text"},
	} {
		spans, _ := diffWords(split(c.a), split(c.b))
		var got, oldText, newText strings.Builder
		for _, s := range spans {
			switch s.Op {
			case Insert:
				got.WriteString("{+" + s.Text + "+}")
				newText.WriteString(s.Text)
			case Delete:
				got.WriteString("[-" + s.Text + "-]")
				oldText.WriteString(s.Text)
			default:
				got.WriteString(s.Text)
				oldText.WriteString(s.Text)
				newText.WriteString(s.Text)
			}
		}
		if got.String() != c.want {
			t.Errorf("diff %q → %q = %q, want %q", c.a, c.b, got.String(), c.want)
		}
		if norm(oldText.String()) != norm(c.a) || norm(newText.String()) != norm(c.b) {
			t.Errorf("spans of %q → %q do not give back the texts: %q, %q", c.a, c.b, oldText.String(), newText.String())
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
