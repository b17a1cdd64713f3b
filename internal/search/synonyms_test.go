package search

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestSynonymsFile: a word's synonyms are looked up by its root, so every inflection of the word finds them, and a
// synonym that is the word itself in another form adds nothing. A word whose plural has another root than the word
// ("rektor": rekt, "rektorer": rektor) is filed under both.
func TestSynonymsFile(t *testing.T) {
	tests := []struct {
		name  string
		words map[string][]string
		want  map[string][]string
	}{
		{"none", nil, map[string][]string{}},
		{"by root, folded", map[string][]string{"samarbeta": {"samverka"}, "Återvända": {"hemvända", "Återvända"}},
			map[string][]string{"samarbet": {"samverka"}, "atervand": {"hemvanda"}}},
		{"two words of one root share the list", map[string][]string{"samarbeta": {"samverka"}, "samarbete": {"samverkan", "samverka"}},
			map[string][]string{"samarbet": {"samverka", "samverkan"}}},
		{"the roots of the plural and definite forms", map[string][]string{"rektor": {"skola"}, "mamma": {"förälder"}},
			map[string][]string{"rekt": {"skola"}, "rektor": {"skola"}, "mamm": {"foralder"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := SynonymsFile(tt.words)
			if f.Path != "sok/i/syn.json" {
				t.Errorf("path %q", f.Path)
			}
			got := map[string][]string{}
			if err := json.Unmarshal(f.Data, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
