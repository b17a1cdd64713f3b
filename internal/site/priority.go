package site

// Pages first: the live preview shows an edit in the open page before the whole site is rendered again.

import "io/fs"

// RenderFSEarly renders the site in memory as RenderFS does, and hands early the pages of each revision that the
// render has to make anew, as soon as they are made: the comparisons, histories and search index, most of a large
// plan's time, come after. What early is given is exactly what the finished render holds at the same paths, so
// the preview can serve it at once, over the last site. early is not called for a revision with problems, may be
// called from several goroutines at once, and must not keep the render waiting long. It may be nil.
func (s *Session) RenderFSEarly(opt Options, early func(fs.FS)) (fs.FS, Stats, error) {
	s.run.Lock()
	defer s.run.Unlock()
	s.early = nil
	if early != nil {
		s.early = func(files []file) {
			if m, err := memFiles(files); err == nil {
				early(m)
			}
		}
	}
	defer func() { s.early = nil }()
	return s.renderFS(opt)
}
