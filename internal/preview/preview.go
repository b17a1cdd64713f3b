// Package preview is `plansite serve`: it renders the site in memory, serves it with live reload, and renders
// again once per burst of changes to the content or the layouts. A build that fails leaves the last good site in place and shows
// its problems on the open pages until the content is fixed.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/stockholm/plansite/internal/content"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/serve"
	"github.com/stockholm/plansite/internal/site"
	"github.com/stockholm/plansite/internal/watch"
)

// Server is a running preview.
type Server struct {
	Site site.Options
	Log  io.Writer // one line per build; may be nil

	live *serve.Live
	sess *site.Session // what one render lends the next
	// Built receives the time each build ended, successful or not (for tests and measurements); may be nil.
	Built chan<- Result
}

// Result describes one build of the preview.
type Result struct {
	Stats    site.Stats
	Problems []string // nil when the build succeeded
	Started  time.Time
	Ended    time.Time // when the pages were told
}

// Run builds, serves on ln and watches until ctx ends. It returns nil when ctx ends.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	if s.Log == nil {
		s.Log = io.Discard
	}
	s.live = serve.NewLive(s.Site.Out) // until the first build: whatever public/ holds
	s.sess = site.NewSession()
	// Watch first, then build: a change made while the first build runs is then not missed.
	roots := []string{s.Site.Content}
	if s.Site.Layouts != "" {
		roots = append(roots, s.Site.Layouts)
	}
	batches, errs, err := watch.Watch(ctx, roots, watch.Options{Ignore: content.Ignored})
	if err != nil {
		return fmt.Errorf("watching %v: %w", roots, err)
	}
	s.rebuild(time.Now())
	srv := &http.Server{Handler: s.live, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shutdown)
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-errs:
			fmt.Fprintf(s.Log, "watching: %v\n", err)
		case b, ok := <-batches:
			if !ok {
				return nil
			}
			if len(b.Paths) > 0 {
				s.rebuild(time.Now())
			}
		}
	}
}

// rebuild renders the site in memory, serves it, and tells the pages. Nothing is written to disk: the preview
// never touches public/, and a rebuild costs only the rendering.
func (s *Server) rebuild(start time.Time) {
	fsys, stats, err := s.sess.RenderFS(s.Site)
	res := Result{Stats: stats, Started: start}
	if err != nil {
		var probs problem.List
		if errors.As(err, &probs) {
			for _, p := range probs {
				res.Problems = append(res.Problems, p.Error())
			}
		} else {
			res.Problems = []string{err.Error()}
		}
		s.live.Failed(res.Problems)
		fmt.Fprintf(s.Log, "Build failed: %d problems; the preview shows the last good site\n", len(res.Problems))
		for _, p := range res.Problems {
			fmt.Fprintln(s.Log, "  "+p)
		}
	} else {
		s.live.Serve(serve.HandlerFS(fsys))
		s.live.Built()
		fmt.Fprintln(s.Log, stats)
	}
	res.Ended = time.Now()
	if s.Built != nil {
		s.Built <- res
	}
}
