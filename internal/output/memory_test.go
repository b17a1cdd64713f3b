package output

import (
	"testing"
	"testing/fstest"
)

// TestSame: two sites are the same when they hold the same paths with the same bytes; a file changed, added or
// taken away, or a file system that is not a memory sink's, makes them differ.
func TestSame(t *testing.T) {
	site := func(files map[string]string) *Memory {
		m := NewMemory()
		for p, data := range files {
			if err := m.Put(File{Path: p, Data: []byte(data)}); err != nil {
				t.Fatal(err)
			}
		}
		return m
	}
	base := map[string]string{"index.html": "<p>a</p>", "assets/style.css": "p{}", "2020/index.html": "<p>b</p>"}
	with := func(change func(m map[string]string)) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		change(m)
		return m
	}
	cases := []struct {
		name  string
		other map[string]string
		same  bool
	}{
		{"the same files", with(func(map[string]string) {}), true},
		{"a byte changed", with(func(m map[string]string) { m["assets/style.css"] = "p{ }" }), false},
		{"a file emptied", with(func(m map[string]string) { m["2020/index.html"] = "" }), false},
		{"a file added", with(func(m map[string]string) { m["2021/index.html"] = "<p>c</p>" }), false},
		{"a file gone", with(func(m map[string]string) { delete(m, "index.html") }), false},
		{"a file moved", with(func(m map[string]string) { m["index2.html"] = m["index.html"]; delete(m, "index.html") }), false},
	}
	a := site(base).FS()
	for _, c := range cases {
		b := site(c.other).FS()
		if got := Same(a, b); got != c.same {
			t.Errorf("%s: Same %v, want %v", c.name, got, c.same)
		}
		if got := Same(b, a); got != c.same {
			t.Errorf("%s, the other way: Same %v, want %v", c.name, got, c.same)
		}
	}
	if Same(a, fstest.MapFS{"index.html": {Data: []byte("<p>a</p>")}}) {
		t.Error("a file system that is not a memory sink's is the same")
	}
}
