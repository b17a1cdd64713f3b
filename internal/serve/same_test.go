package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSameSections(t *testing.T) {
	const head = "<!DOCTYPE html><html><body><main>"
	const tail = "</main></body></html>"
	for _, tc := range []struct {
		name, old, page, want string
		same                  bool
	}{
		{
			name: "the unchanged sections are sent empty, the changed one whole",
			old:  `<section id="a"><p>A</p></section><section id="b"><p>B</p></section><section id="c"><p>C</p></section>`,
			page: `<section id="a"><p>A</p></section><section id="b"><p>B, nytt</p></section><section id="c"><p>C</p></section>`,
			want: `<section id="a" data-plansite-same></section><section id="b"><p>B, nytt</p></section><section id="c" data-plansite-same></section>`,
			same: true,
		},
		{
			name: "a section inside another goes with it",
			old:  `<section aria-labelledby="x"><h2 id="x">X</h2><section class="inner"><p>1</p></section></section><p>mellan</p>`,
			page: `<section aria-labelledby="x"><h2 id="x">X</h2><section class="inner"><p>1</p></section></section><p>mellan, nytt</p>`,
			want: `<section aria-labelledby="x" data-plansite-same></section><p>mellan, nytt</p>`,
			same: true,
		},
		{
			name: "a start tag found twice in a page cannot tell its sections apart: both are sent",
			old:  `<section><p>1</p></section><section><p>2</p></section>`,
			page: `<section><p>1</p></section><section><p>2</p></section><p>ny</p>`,
			want: `<section><p>1</p></section><section><p>2</p></section><p>ny</p>`,
		},
		{
			name: "a new section and a section gone",
			old:  `<section id="a"><p>A</p></section><section id="gone"></section>`,
			page: `<section id="new"><p>N</p></section><section id="a"><p>A</p></section>`,
			want: `<section id="new"><p>N</p></section><section id="a" data-plansite-same></section>`,
			same: true,
		},
		{
			name: "sections that do not nest are sent as they are",
			old:  `<section id="a"><p>A</p></section>`,
			page: `<section id="a"><p>A</p></section></section>`,
			want: `<section id="a"><p>A</p></section></section>`,
		},
		{
			name: "a tag whose name only begins like section is not one",
			old:  `<sectionx id="a"></sectionx><section id="b">B</section>`,
			page: `<sectionx id="a"></sectionx><section id="b">B</section>`,
			want: `<sectionx id="a"></sectionx><section id="b" data-plansite-same></section>`,
			same: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, same := sameSections([]byte(head+tc.page+tail), []byte(head+tc.old+tail))
			if string(got) != head+tc.want+tail || same != tc.same {
				t.Errorf("got %s (%v)\nwant %s (%v)", got, same, head+tc.want+tail, tc.same)
			}
		})
	}
}

// TestLiveSendsWhatThePageLacks: a page that names the version it shows gets its unchanged sections empty, with
// the fingerprint of the whole page; a page that does not, or names a version the server does not know, gets all.
func TestLiveSendsWhatThePageLacks(t *testing.T) {
	l := NewLive()
	body := `<section id="a"><p>A</p></section><section id="b"><p>B</p></section>`
	l.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<html><body>" + body + "</body></html>"))
	}))
	get := func(have string) string {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		if have != "" {
			r.Header.Set(haveHeader, have)
		}
		w := httptest.NewRecorder()
		l.ServeHTTP(w, r)
		return w.Body.String()
	}
	first := get("")
	v1 := between(first, `data-page="`, `"`)
	body = `<section id="a"><p>A</p></section><section id="b"><p>B, nytt</p></section>`
	patched := get(v1)
	if !strings.Contains(patched, `<section id="a" data-plansite-same></section><section id="b"><p>B, nytt</p></section>`) {
		t.Errorf("asked with the version it has, the page got %s", patched)
	}
	whole := get("")
	if strings.Contains(whole, "data-plansite-same") || !strings.Contains(whole, `<p>A</p>`) {
		t.Errorf("asked for the whole page, it got %s", whole)
	}
	if between(patched, `data-page="`, `"`) != between(whole, `data-page="`, `"`) {
		t.Error("the page sent with sections left out has another fingerprint than the whole page")
	}
	if unknown := get("0123456789abcdef01234567"); strings.Contains(unknown, "data-plansite-same") {
		t.Errorf("asked with a version the server never sent, the page got %s", unknown)
	}
}

func between(s, from, to string) string {
	_, s, _ = strings.Cut(s, from)
	s, _, _ = strings.Cut(s, to)
	return s
}
