package slug

import "testing"

func TestMake(t *testing.T) {
	for _, c := range []struct {
		in          string
		ascii, swed string
	}{
		{"Rutin vid oro", "rutin-vid-oro", "rutin-vid-oro"},
		{"Socialnämnden", "socialnamnden", "socialnämnden"},
		{"Åtgärder för ökad kunskap", "atgarder-for-okad-kunskap", "åtgärder-för-ökad-kunskap"},
		{"  --Café  & crème--  ", "cafe-creme", "cafe-creme"},
		{"Straße Æble", "strasse-aeble", "strasse-aeble"},
		{"T1 2020/21", "t1-2020-21", "t1-2020-21"},
		{"Привет мир", "", ""},
		{"Oro: Привет", "oro", "oro"},
		{"A\u030angström", "angstrom", "ångström"}, // å written as a and a ring
		{"", "", ""},
		{"!!!", "", ""},
	} {
		if got := Make(c.in, ASCII); got != c.ascii {
			t.Errorf("Make(%q, ASCII) = %q, want %q", c.in, got, c.ascii)
		}
		if got := Make(c.in, Swedish); got != c.swed {
			t.Errorf("Make(%q, Swedish) = %q, want %q", c.in, got, c.swed)
		}
	}
}

// FuzzMake: a slug is never anything but letters, digits and single inner dashes, and making it again gives it back.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Rutin vid oro", "Åtgärd – 2020", "é\u0301x", "--a--b--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range []Strategy{ASCII, Swedish} {
			got := Make(s, st)
			if again := Make(got, st); again != got {
				t.Fatalf("Make(%q) = %q, but Make(%q) = %q", s, got, got, again)
			}
			if len(got) > 0 && (got[0] == '-' || got[len(got)-1] == '-') {
				t.Fatalf("Make(%q) = %q starts or ends with a dash", s, got)
			}
		}
	})
}
