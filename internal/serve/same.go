package serve

// Smaller patches for big pages. A page open in the preview that changed fetches its new HTML, parses it and
// patches itself; for a revision of a large plan (60 sections of 100 activities, some 580 kB) fetching and parsing
// the whole page was more than half of the time from a save to the edit on screen. The page says which version it
// shows (X-Plansite-Have, its fingerprint), and the server, which keeps the pages it recently served, sends each
// <section> that is the same as in that version as an empty one marked data-plansite-same: the page keeps its own.

import (
	"bytes"
	"sync"
)

// haveHeader is the request header in which an open page names the version it shows.
const haveHeader = "X-Plansite-Have"

// sameMark is the attribute of a section sent empty because the page already has it.
const sameMark = "data-plansite-same"

// served keeps the HTML of the pages served most recently, by fingerprint, for sameSections.
type served struct {
	mu    sync.Mutex
	pages map[string][]byte
	order []string // oldest first
}

// servedKept is how many pages are kept: enough for every tab a coordinator has open, with a version behind each.
const servedKept = 32

func (s *served) put(sum string, page []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pages == nil {
		s.pages = map[string][]byte{}
	}
	if _, ok := s.pages[sum]; ok {
		return
	}
	s.pages[sum] = page
	s.order = append(s.order, sum)
	if len(s.order) > servedKept {
		delete(s.pages, s.order[0])
		s.order = s.order[1:]
	}
}

func (s *served) get(sum string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages[sum]
}

// sameSections returns page with each outermost <section> element that old has byte for byte, and whose start tag
// is found once in each page, sent as its start tag marked sameMark and its end tag. It reports whether any was.
// The pages are html/template's output, in which "<" begins nothing but a tag; a page whose sections do not nest
// properly is returned as it is.
func sameSections(page, old []byte) ([]byte, bool) {
	next, ok1 := sections(page)
	was, ok2 := sections(old)
	if !ok1 || !ok2 || len(next) == 0 {
		return page, false
	}
	// A section is known by its start tag, which must be found once in each page.
	oldCount, nextCount := map[string]int{}, map[string]int{}
	oldBlock := map[string][]byte{}
	for _, b := range was {
		oldCount[string(b.start)]++
		oldBlock[string(b.start)] = b.whole
	}
	for _, b := range next {
		nextCount[string(b.start)]++
	}
	var out bytes.Buffer
	at, stripped := 0, false
	for _, b := range next {
		once := oldCount[string(b.start)] == 1 && nextCount[string(b.start)] == 1
		if !once || !bytes.Equal(oldBlock[string(b.start)], b.whole) {
			continue
		}
		out.Write(page[at:b.from])
		out.Write(b.start[:len(b.start)-1])
		out.WriteString(" " + sameMark + "></section>")
		at, stripped = b.from+len(b.whole), true
	}
	if !stripped {
		return page, false
	}
	out.Write(page[at:])
	return out.Bytes(), true
}

// block is an outermost <section> element of a page: where it begins, its start tag and the whole element.
type block struct {
	from         int
	start, whole []byte
}

// sections finds the outermost <section> elements of page, or reports that they do not nest properly.
func sections(page []byte) ([]block, bool) {
	var out []block
	depth, from := 0, 0
	for i := 0; i < len(page); {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j
		switch {
		case isTag(page[i:], "<section"):
			if depth == 0 {
				from = i
			}
			depth++
		case isTag(page[i:], "</section"):
			depth--
			if depth < 0 {
				return nil, false
			}
			if depth == 0 {
				end := bytes.IndexByte(page[i:], '>')
				if end < 0 {
					return nil, false
				}
				whole := page[from : i+end+1]
				tagEnd := bytes.IndexByte(whole, '>')
				out = append(out, block{from: from, start: whole[:tagEnd+1], whole: whole})
			}
		}
		i++
	}
	return out, depth == 0
}

// isTag reports whether s begins with the tag name open, followed by the end of the name.
func isTag(s []byte, open string) bool {
	if len(s) <= len(open) || !bytes.EqualFold(s[:len(open)], []byte(open)) {
		return false
	}
	switch s[len(open)] {
	case ' ', '>', '\t', '\n', '\r', '/', '\f':
		return true
	}
	return false
}
