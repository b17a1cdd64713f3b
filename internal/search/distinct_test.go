package search

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// planDocs is three revisions of a small plan: one section unchanged throughout, one changed in the last.
func planDocs(id func(year int, anchor string) string) []Doc {
	var docs []Doc
	for _, y := range []int{2020, 2021, 2022} {
		for _, d := range [][2]string{{"samverkan", "Förvaltningen samverkar med polisen."},
			{"natverk", map[bool]string{false: "Nätverket träffas varje månad.", true: "Nätverket träffas varje vecka med polisen."}[y == 2022]}} {
			docs = append(docs, Doc{ID: id(y, d[0]), Year: y, Kind: Section, Titles: []string{d[0]}, Text: d[1],
				Fields: []Field{{Text: d[0], Weight: TitleWeight}, {Text: d[1], Weight: BodyWeight}}})
		}
	}
	return docs
}

// TestDistinctDocuments: a text unchanged over three revisions is indexed and stored once, with its revisions;
// the plan in force's documents come first; and every weight is the one the document had when each revision's
// copy was indexed apart.
func TestDistinctDocuments(t *testing.T) {
	revs := []Revision{{Year: 2020}, {Year: 2021}, {Year: 2022}}
	same := func(_ int, anchor string) string { return anchor }
	files := Build(planDocs(same), revs, 2021, nil, nil)
	var meta struct {
		Kinds   string  `json:"k"`
		DocRevs [][]int `json:"dr"`
	}
	var frags []map[string]any
	for _, f := range files {
		switch f.Path {
		case "sok/i/meta.json":
			if err := json.Unmarshal(f.Data, &meta); err != nil {
				t.Fatal(err)
			}
		case "sok/f/0.json":
			if err := json.Unmarshal(f.Data, &frags); err != nil {
				t.Fatal(err)
			}
		}
	}
	// 2021's two documents first, in the order of its page; then the changed text of 2022.
	if want := [][]int{{0, 3}, {0, 2}, {2, 3}}; !reflect.DeepEqual(meta.DocRevs, want) || meta.Kinds != "sss" {
		t.Errorf("documents: kinds %q, revisions %v; want sss, %v", meta.Kinds, meta.DocRevs, want)
	}
	if len(frags) != 3 || frags[0]["u"] != "samverkan" || frags[2]["x"] != "Nätverket träffas varje vecka med polisen." {
		t.Errorf("fragments %v", frags)
	}

	// The same documents under a different anchor each year are six documents; their weights are the same.
	apart := Build(planDocs(func(y int, anchor string) string { return anchor + "-" + string(rune('0'+y%10)) }), revs, 2021, nil, nil)
	for _, word := range []string{"polisen", "nätverket", "månad", "samverkan"} {
		merged, six := query(t, files, word), query(t, apart, word)
		weights := map[int]bool{}
		for _, w := range six {
			weights[w] = true
		}
		for d, w := range merged {
			if !weights[w] {
				t.Errorf("%s: document %d weighs %d merged, and %v apart", word, d, w, six)
			}
		}
		if len(merged) == 0 || len(weights) != len(valueSet(merged)) {
			t.Errorf("%s: weights %v merged, %v apart", word, merged, six)
		}
	}

	// The same input gives the same bytes.
	again := Build(planDocs(same), revs, 2021, nil, nil)
	for i := range files {
		if files[i].Path != again[i].Path || !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s differs from one build to the next", files[i].Path)
		}
	}
}

func valueSet(m map[int]int) map[int]bool {
	out := map[int]bool{}
	for _, v := range m {
		out[v] = true
	}
	return out
}
