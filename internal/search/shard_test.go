package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestShardJSON: a shard is written byte for byte as encoding/json writes it, whatever its keys hold.
func TestShardJSON(t *testing.T) {
	keys := []string{"vald", "våld", "våldsbejakande", "ö", "a\"b", `back\slash`, "<script>", "a&b", "tab\there",
		"\x01", "line\u2028sep", "\xff\xfe", "ersättning\ufffd", "", "2020", "Ä"}
	tests := []*shard{
		{S: map[string][]int{}, F: map[string][]any{}},
		{S: nil, P: nil, F: nil},
		{S: map[string][]int{"a": nil, "b": {}}, P: map[string][]int{}, F: map[string][]any{"x": nil, "y": {}}},
	}
	big := &shard{S: map[string][]int{}, P: map[string][]int{}, Q: map[string][]int{}, F: map[string][]any{}}
	for i, k := range keys {
		big.S[k] = []int{i, 100 * i, -1}
		big.P[k+"x"] = []int{i}
		big.Q[k+" y"] = []int{i, 2}
		big.F[k] = []any{"stam" + k, k, []int{1, i}, "form", []int{}, 3.5}
	}
	tests = append(tests, big)
	for _, sh := range tests {
		want, err := json.Marshal(sh)
		if err != nil {
			t.Fatal(err)
		}
		if got := sh.appendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}
