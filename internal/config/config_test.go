package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name, file string
		want       Settings // with "DIR/" for the file's folder
		errs       []string // each a line of the error, "DIR/" for the file's folder
	}{
		{"empty", "", Settings{}, nil},
		{"comments only", "# inga inställningar\n", Settings{}, nil},
		{"every setting", "content: innehall\nlayouts: /srv/layouts\nout: ../ut\nbase-url: https://intranet.example/vbe/\nedit-url: https://gitlab.example/o/p/-/edit/main/content/\n",
			Settings{"content": "DIR/innehall", "layouts": "/srv/layouts", "out": "ut", "base-url": "https://intranet.example/vbe/",
				"edit-url": "https://gitlab.example/o/p/-/edit/main/content/"}, nil},
		{"unknown and twice", "base_url: x\nout: a\nout: b\n", nil, []string{
			`DIR/plansite.yaml:1: okänd inställning "base_url" (de inställningar som finns är content, layouts, out, base-url, edit-url; se docs/publishing.md)`,
			`DIR/plansite.yaml:3: inställningen "out" står två gånger (behåll en av dem)`}},
		{"no value", "base-url:\nout: [a, b]\n", nil, []string{
			`DIR/plansite.yaml:1: inställningen "base-url" saknar värde (skriv värdet på samma rad, till exempel base-url: https://intranet.example/vbe/)`,
			`DIR/plansite.yaml:2: inställningen "out" saknar värde`}},
		{"not keys", "- content\n", nil, []string{`DIR/plansite.yaml:1: inställningarna ska vara nycklar med värden`}},
		{"bad YAML", "out: public\nbase-url: a: b\n", nil, []string{`DIR/plansite.yaml:2: inställningarna är inte giltig YAML: ett kolon följt av mellanslag får inte stå här`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			dir := filepath.Join(top, "sajt")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, File)
			if err := os.WriteFile(p, []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := Load(p)
			if tt.errs != nil {
				if err == nil {
					t.Fatalf("no error, settings %v", got)
				}
				lines := strings.Split(err.Error(), "\n")
				if len(lines) != len(tt.errs) {
					t.Fatalf("error:\n%v\nwant %d lines", err, len(tt.errs))
				}
				for i, want := range tt.errs {
					if want = strings.ReplaceAll(want, "DIR/", dir+"/"); !strings.HasPrefix(lines[i], want) {
						t.Errorf("line %d:\n got %s\nwant %s…", i+1, lines[i], want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				v = strings.ReplaceAll(v, "DIR/", dir+"/")
				if k == "out" && v == "ut" {
					v = filepath.Join(top, "ut")
				}
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), File)); !IsMissing(err) {
		t.Fatalf("a missing file gives %v", err)
	}
}

// FuzzLoad: no settings file makes Load panic or take more than a second, and whatever it accepts has only known
// keys with values.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{"", "out: public\n", "base-url: [\n", "- a\n", "out: a\nout: b\n", "&a [*a]", "content: !!binary AAAA\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		// A panic on another goroutine ends the process, so the fuzzer records even an input that never ends.
		watchdog := time.AfterFunc(time.Second, func() { panic(fmt.Sprintf("loading %q took more than a second", data)) })
		defer watchdog.Stop()
		p := filepath.Join(t.TempDir(), File)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(p)
		if err != nil {
			return
		}
		for k, v := range s {
			if !slices.Contains(Keys, k) || v == "" {
				t.Fatalf("accepted %q: %q", k, v)
			}
		}
	})
}
