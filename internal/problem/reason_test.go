package problem

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestYAML(t *testing.T) {
	for in, want := range map[string]string{
		"mapping values are not allowed in this context":                               "ett kolon följt av mellanslag får inte stå här",
		"while parsing a block mapping at line 1, column 1: did not find expected key": "raden är inte en nyckel med värde, eller har fel indrag",
		"something new": "YAML-tolken säger ”something new”",
	} {
		if got := YAML(in); got != want {
			t.Errorf("YAML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReason(t *testing.T) {
	_, missing := os.ReadFile(filepath.Join(t.TempDir(), "finns-inte"))
	for _, c := range []struct {
		err  error
		want string
	}{
		{missing, "den finns inte"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "du saknar behörighet"},
		{fmt.Errorf("odd"), "odd"},
	} {
		if got := Reason(c.err); got != c.want {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
