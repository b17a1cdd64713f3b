// Package layouts holds the site's built-in templates and assets (CSS). A site can replace any of these files by
// putting a file of the same name in its own layouts folder (plansite build --layouts DIR).
package layouts

import (
	"embed"
	"io/fs"
)

//go:embed *.html assets
var files embed.FS

// FS returns the built-in layouts.
func FS() fs.FS { return files }
