// Package config reads plansite.yaml, the site's settings file. Its keys are the names of the command's flags
// (content, layouts, out, base-url, edit-url), so that the publishing pipeline, the preview and a coordinator's
// build make the same site without repeating flags. A flag given on the command line wins over the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stockholm/plansite/internal/problem"
)

// File is the settings file plansite looks for in the folder it runs in.
const File = "plansite.yaml"

// Keys are the settings the file may hold, in the order the documentation lists them.
var Keys = []string{"content", "layouts", "out", "base-url", "edit-url"}

// pathKeys are the settings that name a folder; a relative one is relative to the file's folder.
var pathKeys = []string{"content", "layouts", "out"}

// Settings are the values the file sets, by key; a key the file does not have is absent.
type Settings map[string]string

// Load reads the settings file at path. A missing file gives an error that errors.Is os.ErrNotExist; a file with
// mistakes gives a problem.List with every one of them.
func Load(path string) (Settings, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var probs problem.List
	var doc yaml.Node
	if err := unmarshal(raw, &doc); err != nil {
		probs.Add(path, yamlLine(err), "inställningarna är inte giltig YAML: "+problem.YAML(yamlMessage(err)),
			"skriv en inställning per rad, till exempel base-url: https://intranet.example/vbe/")
		return nil, probs.Err()
	}
	s := Settings{}
	if len(doc.Content) == 0 || len(bytes.TrimSpace(raw)) == 0 {
		return s, nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		probs.Add(path, root.Line, "inställningarna ska vara nycklar med värden",
			"skriv en inställning per rad, till exempel base-url: https://intranet.example/vbe/")
		return nil, probs.Err()
	}
	dir := filepath.Dir(path)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case !slices.Contains(Keys, k.Value):
			probs.Add(path, k.Line, fmt.Sprintf("okänd inställning %q", k.Value),
				"de inställningar som finns är "+strings.Join(Keys, ", ")+"; se docs/publishing.md")
		case hasKey(root, k.Value, i):
			probs.Add(path, k.Line, fmt.Sprintf("inställningen %q står två gånger", k.Value), "behåll en av dem")
		case v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "":
			probs.Add(path, v.Line, fmt.Sprintf("inställningen %q saknar värde", k.Value),
				"skriv värdet på samma rad, till exempel "+k.Value+": "+example(k.Value))
		default:
			val := strings.TrimSpace(v.Value)
			if slices.Contains(pathKeys, k.Value) && !filepath.IsAbs(val) {
				val = filepath.Join(dir, filepath.FromSlash(val))
			}
			s[k.Value] = val
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// unmarshal is yaml.Unmarshal, with a panic of the parser on odd input turned into an error.
func unmarshal(raw []byte, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return yaml.Unmarshal(raw, doc)
}

// hasKey reports whether a key before index i of the mapping is key.
func hasKey(m *yaml.Node, key string, i int) bool {
	for j := 0; j < i; j += 2 {
		if m.Content[j].Value == key {
			return true
		}
	}
	return false
}

func example(key string) string {
	switch key {
	case "base-url":
		return "https://intranet.example/vbe/"
	case "edit-url":
		return "https://gitlab.example/org/plan/-/edit/main/content/"
	}
	return key
}

// yamlLine finds the line in a yaml.v3 error such as "yaml: line 3: mapping values are not allowed here".
func yamlLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d", &line)
	}
	return line
}

func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	return msg
}

// IsMissing reports whether err says the settings file is not there.
func IsMissing(err error) bool { return errors.Is(err, os.ErrNotExist) }
