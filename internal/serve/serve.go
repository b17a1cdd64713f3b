// Package serve serves a built site over HTTP for previewing it: only files inside the site folder, with the
// site's own 404 page, on the loopback address unless told otherwise.
package serve

import (
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the files of the folder dir at the root. Links that lead out of the folder are not followed.
func Handler(dir string) http.Handler {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &handler{root: noFiles{}, base: "/"} // every request is not found
	}
	return &handler{root: root.FS(), base: "/"}
}

// HandlerFS serves the files of fsys, such as a site rendered in memory, under the path base ("/" for the root,
// or the path of the address the site is published at, such as /vbe/, so that the preview works as the published
// site does). A request for / is sent on to base.
func HandlerFS(fsys fs.FS, base string) http.Handler {
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return &handler{root: fsys, base: base}
}

// noFiles is a file system with nothing in it.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type handler struct {
	root fs.FS
	base string // ends in a slash
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if h.base != "/" {
		rest, under := strings.CutPrefix(p, h.base)
		switch {
		case p == "/" || p+"/" == h.base:
			http.Redirect(w, r, h.base, http.StatusFound)
			return
		case !under:
			h.notFound(w)
			return
		}
		p = "/" + rest
	}
	name, ok := cleanPath(p)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if info, err := fs.Stat(h.root, name); err == nil && info.IsDir() {
		if !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
	}
	data, err := fs.ReadFile(h.root, name)
	if err != nil {
		h.notFound(w)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

func (h *handler) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, err := fs.ReadFile(h.root, "404.html"); err == nil {
		_, _ = w.Write(data)
		return
	}
	_, _ = w.Write([]byte("<!DOCTYPE html><html lang=\"sv\"><title>Sidan finns inte</title><h1>Sidan finns inte</h1></html>"))
}

// cleanPath turns a request path into a name inside the site. Anything that tries to leave the site (.. after
// decoding, backslashes, NUL) is refused rather than cleaned into something else.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := strings.Trim(p, "/")
	if name == "" {
		return ".", true
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

func contentType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
