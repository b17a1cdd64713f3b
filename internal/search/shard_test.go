package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

// asMaps is a shard as maps, which encoding/json writes with its keys sorted: what appendJSON must match.
type asMaps struct {
	S map[string][]int    `json:"s"`
	P map[string][]int    `json:"p,omitempty"`
	G map[string][]int    `json:"g,omitempty"`
	B map[string][]int    `json:"b,omitempty"`
	K map[string][]int    `json:"k,omitempty"`
	Q map[string][]int    `json:"q,omitempty"`
	A map[string][]int    `json:"a,omitempty"`
	R map[string][]string `json:"r,omitempty"`
	F map[string][]any    `json:"f"`
}

// fromMaps makes the shard of m, its lists in the order of their keys.
func fromMaps(m asMaps) *shard {
	postings := func(m map[string][]int) []posting {
		var l []posting
		for _, k := range slices.Sorted(maps.Keys(m)) {
			l = append(l, posting{k, m[k]})
		}
		return l
	}
	sh := &shard{S: postings(m.S), P: postings(m.P), G: postings(m.G), B: postings(m.B), K: postings(m.K),
		Q: postings(m.Q), A: postings(m.A)}
	for _, k := range slices.Sorted(maps.Keys(m.R)) {
		sh.R = append(sh.R, rooted{k, m.R[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(m.F)) {
		e := entry{key: k, stem: m.F[k][0].(string)}
		for i := 1; i+1 < len(m.F[k]); i += 2 {
			e.byForm = append(e.byForm, formDocs{m.F[k][i].(string), m.F[k][i+1].([]int)})
		}
		sh.F = append(sh.F, e)
	}
	return sh
}

// TestShardJSON: a shard is written byte for byte as encoding/json writes the same lists as maps, whatever its
// keys hold.
func TestShardJSON(t *testing.T) {
	keys := []string{"vald", "våld", "våldsbejakande", "ö", "a\"b", `back\slash`, "<script>", "a&b", "tab\there",
		"\x01", "line\u2028sep", "\xff\xfe", "ersättning\ufffd", "", "2020", "Ä"}
	tests := []asMaps{
		{S: map[string][]int{}, F: map[string][]any{}},
		{S: map[string][]int{"a": nil, "b": {}}, P: map[string][]int{}, F: map[string][]any{"x": {"x"}, "y": {"y", "y", []int{}}}},
	}
	big := asMaps{S: map[string][]int{}, P: map[string][]int{}, Q: map[string][]int{}, R: map[string][]string{},
		F: map[string][]any{}}
	for i, k := range keys {
		big.S[k] = []int{i, 100 * i, -1}
		big.P[k+"x"] = []int{i}
		big.Q[k+" y"] = []int{i, 2}
		big.R[k+"r"] = []string{k, "stam" + k}
		big.F[k] = []any{"stam" + k, k, []int{1, i}, "form", []int{}}
	}
	tests = append(tests, big)
	for _, m := range tests {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := fromMaps(m).appendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

// TestShardName: a shard is named by the first letters of its keys, in hex; bytes that are not UTF-8 count as the
// replacement character, as the browser's decoder reads them.
func TestShardName(t *testing.T) {
	for _, c := range []struct {
		key    string
		prefix int
		want   string
	}{
		{"", 1, ""}, {"a", 2, "61"}, {"abc", 1, "61"}, {"abc", 2, "6162"}, {"åä", 1, "c3a5"}, {"åäö", 2, "c3a5c3a4"},
		{"\xffa", 1, "efbfbd"}, {"a\xff", 2, "61efbfbd"}, {"a\xff", 1, "61"},
	} {
		if got := ShardName(c.key, c.prefix); got != c.want {
			t.Errorf("ShardName(%q, %d) = %s, want %s", c.key, c.prefix, got, c.want)
		}
	}
}
