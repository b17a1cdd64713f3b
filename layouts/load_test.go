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
	if err := set.Page("404.html").ExecuteTemplate(&b, "404.html", nil); err != nil || b.String() != "egen sida" {
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
