package layouts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadOverride: a site's file replaces the built-in one of the same name, a site's asset is added, a broken
// layout is named in the error, and the same files give the same Set back.
func TestLoadOverride(t *testing.T) {
	builtin, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Load("", builtin); again != builtin {
		t.Error("the same files were parsed again")
	}
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("404.html", `{{define "404.html"}}egen sida{{end}}`)
	write("assets/egen.css", "p{}")
	write("assets/.hidden", "x")
	set, err := Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := set.Execute(&b, "404.html", "404.html", nil); err != nil || b.String() != "egen sida" {
		t.Errorf("404.html = %q, %v", b.String(), err)
	}
	if set.Assets()["assets/egen.css"] == nil || set.Assets()["assets/style.css"] == nil || set.Assets()["assets/.hidden"] != nil {
		t.Errorf("assets: %d files", len(set.Assets()))
	}
	write("page.html", `{{define "page.html"}}{{.Saknas`)
	if _, err := Load(dir, nil); err == nil || !strings.Contains(err.Error(), "layouts/page.html") {
		t.Errorf("a broken layout gave %v", err)
	}
}

// TestShared: {{shared "name" data}} gives what {{template "name" data}} gives, from the page kind's own
// definition, once for equal data until the next render; data that cannot be compared is an error.
func TestShared(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(`{{define "page.html"}}`+
		`{{range .}}{{shared "rad" .}}|{{template "rad" .}}`+"\n"+`{{end}}{{end}}`+
		`{{define "rad"}}<a href="{{.Href}}" title="{{.Namn}}">{{.Namn}}</a>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Href, Namn string }
	rows := []row{{"/a b", `"x" & <y>`}, {"javascript:x", "z"}, {"/a b", `"x" & <y>`}}
	var b strings.Builder
	if err := set.Execute(&b, "page.html", "page.html", rows); err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if shared, plain, _ := strings.Cut(part, "|"); shared != plain {
			t.Errorf("shared gave %q, template %q", shared, plain)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(`{{define "page.html"}}{{shared "rad" .}}{{end}}`+
		`{{define "rad"}}{{.}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if set, err = Load(dir, set); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := set.Execute(&b, "page.html", "page.html", []string{"x"}); err == nil {
		t.Errorf("shared took a slice: %q", b.String())
	}
	type holder struct{ V any }
	b.Reset()
	if err := set.Execute(&b, "page.html", "page.html", holder{[]int{1}}); err == nil {
		t.Errorf("shared took a slice in an interface: %q", b.String())
	}
	b.Reset()
	if err := set.Execute(&b, "page.html", "page.html", holder{"x"}); err != nil || b.String() != "{x}" {
		t.Errorf("shared with a string in an interface: %q, %v", b.String(), err)
	}
}

// TestKindsOwnTemplates: in the one set of all page kinds, a kind's own definition of a partial is what its pages
// get, through the frame and through shared, while the other kinds keep the built-in one; an empty definition
// leaves the built-in one in place; shared must be given its template's name as a quoted string.
func TestKindsOwnTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("partials.html", `{{define "del"}}gemensam{{end}}{{define "tom"}}inte tom{{end}}`)
	write("baseof.html", `{{define "baseof.html"}}[{{template "del" .}}|{{shared "del" .}}|{{block "main" .}}standard{{end}}]{{end}}`)
	write("page.html", `{{define "page.html"}}{{template "baseof.html" .}}{{end}}{{define "del"}}egen{{end}}`)
	write("404.html", `{{define "404.html"}}{{template "baseof.html" .}}{{end}}{{define "main"}}{{template "tom" .}}{{end}}{{define "tom"}}{{end}}`)
	set, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	set.Begin()
	for kind, want := range map[string]string{
		"page.html": "[egen|egen|standard]",
		"404.html":  "[gemensam|gemensam|inte tom]",
	} {
		var b strings.Builder
		if err := set.Execute(&b, kind, kind, "x"); err != nil || b.String() != want {
			t.Errorf("%s = %q, %v; want %q", kind, b.String(), err, want)
		}
	}
	var b strings.Builder
	if err := set.Execute(&b, "page.html", "del", nil); err != nil || b.String() != "egen" {
		t.Errorf("page.html's del = %q, %v", b.String(), err)
	}
	write("page.html", `{{define "page.html"}}{{$n := "del"}}{{shared $n .}}{{end}}`)
	if _, err := Load(dir, nil); err == nil || !strings.Contains(err.Error(), "layouts/page.html") || !strings.Contains(err.Error(), "citattecken") {
		t.Errorf("shared with a name in a variable gave %v", err)
	}
}
