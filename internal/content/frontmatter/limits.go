package frontmatter

// The limits of what one content file may hold, all in one place. Each lies far above any real plan (the shipped
// plan's largest file holds 9 kB, its longest line 458 bytes, its deepest list 2 levels), and together they keep
// a build to seconds, and its memory to a few hundred MB, whatever a file holds: a pasted picture, a generated
// list, or a file that is no text at all. A file beyond a limit is refused at its line, with the limit named and
// a way to stay within it. docs/content.md lists them.
//
// The loader checks them on the file as it is read, before the frontmatter's YAML or goldmark sees any of it:
// Markdown reaches goldmark from the frontmatter as well as from the body, and the file's lines are what the
// coordinator can find and change. Four of them guard goldmark, whose time grows faster than the text on some
// shapes of text (measured with goldmark 1.8.7):
//
//   - nested lists: 1,000 levels take 4 s, 4,000 take 150 s;
//   - a paragraph of many lines with a link title, a reference or a footnote on each: 40,000 such lines take
//     2 s, 80,000 take 17 s (each looks its line up from the paragraph's last line);
//   - a word holding many unclosed links, [a](b(: goldmark reads each link's address to the end of the word, so
//     a 120 kB word takes 10 s.

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/stockholm/plansite/internal/problem"
)

const (
	// MaxFileSize is the most a Markdown file may hold: 2 MB, a book of some 300 pages. A build takes some 60
	// bytes of memory for each byte of Markdown, so one file cannot take more than a few hundred MB. The loader
	// reads at most one byte more than this, so a link to an endless file is refused at once.
	MaxFileSize = 2 << 20

	// MaxLineLength is the most bytes one line may hold: 100,000, some 15 pages of text. A paragraph written on
	// one line holds a few thousand; a longer line is a pasted picture or document, or not text at all.
	MaxLineLength = 100_000

	// MaxWordLength is the most bytes one word, a run of characters without a space, may hold: 2,000, what web
	// addresses are kept to because older browsers read no more. A longer word is pasted data; it also keeps
	// goldmark's reading of unclosed links' addresses (see above) to a second for a whole file.
	MaxWordLength = 2_000

	// MaxNesting is how many lists and quotes a line may sit inside: 50. A plan's lists go two or three levels
	// deep, and beyond ten a list no longer fits a phone's screen.
	MaxNesting = 50

	// MaxRunOfLines is the most lines that may follow one another without an empty line: 1,000, about 80 kB of
	// text. A paragraph holds a handful, a table or a list at most some hundred rows. Where a paragraph is this
	// long, goldmark's time grows with the square of its lines.
	MaxRunOfLines = 1_000

	// MaxDistinctWords is the most different words one file may hold: 20,000. The whole 2020 plan uses some 1,200
	// and its longest section some 400; a file of more is a pasted word list or data, not a plan's text. The
	// search index does work for every different word of the site (its stems and compound parts), so ten files of
	// 2 MB of different words took a minute and 3.5 GB; with this limit, memory grows with the text.
	MaxDistinctWords = 20_000
)

// OverLimits records a problem when raw, read from file, is beyond one of the limits on lines, and reports
// whether it did; the first line beyond a limit is the one reported. Lines end with \n, \r\n or a lone \r, as
// editors count them.
func OverLimits(file string, raw []byte, probs *problem.List) bool {
	run := 0 // non-empty lines so far without an empty line
	for line, start := 1, 0; start < len(raw); line++ {
		end := start
		word, blank := start, true
		for end < len(raw) && raw[end] != '\n' && raw[end] != '\r' {
			switch raw[end] {
			case ' ', '\t':
				word = end + 1
			default:
				blank = false
				if end-word >= MaxWordLength {
					probs.Add(file, line, fmt.Sprintf("ett ord med mer än %s byte utan mellanslag", thousands(MaxWordLength)),
						"en bild eller ett dokument som klistrats in som text ska ligga i en egen fil, till exempel figurer/bild.png. "+
							"En så lång webbadress kan kortas, eller länkas från en sida där den står")
					return true
				}
			}
			end++
		}
		if n := end - start; n > MaxLineLength {
			probs.Add(file, line, fmt.Sprintf("raden har %s byte, men en rad får ha högst %s", thousands(n), thousands(MaxLineLength)),
				"avsluta varje stycke med en tom rad. Lägg en bild eller ett dokument som klistrats in som text i en "+
					"egen fil, till exempel figurer/bild.png")
			return true
		}
		if d := depth(raw[start:end]); d > MaxNesting {
			probs.Add(file, line, fmt.Sprintf("listor eller citat i %s nivåer, men högst %d nivåer är tillåtna", thousands(d), MaxNesting),
				"dra in raderna mindre (varje nivå i en lista är två mellanslag, i ett citat ett >), "+
					"eller dela upp listan i flera kortare")
			return true
		}
		if blank {
			run = 0
		} else if run++; run > MaxRunOfLines {
			probs.Add(file, line-MaxRunOfLines, fmt.Sprintf("mer än %s rader följer på varandra härifrån utan en tom rad", thousands(MaxRunOfLines)),
				"avsluta varje stycke med en tom rad, och dela upp en så lång tabell eller lista i flera")
			return true
		}
		if end < len(raw) && raw[end] == '\r' && end+1 < len(raw) && raw[end+1] == '\n' {
			end++
		}
		start = end + 1
	}
	return tooManyWords(file, raw, probs)
}

// tooManyWords records a problem at the line of the first word beyond MaxDistinctWords different ones, and reports
// whether it did. A word is a run of letters and digits, in lower case.
func tooManyWords(file string, raw []byte, probs *problem.List) bool {
	// A word takes a byte at least, and a byte more to end it: a file of fewer bytes than twice the limit cannot
	// have too many, and a plan's files are some kilobytes. Counting them anyway took a fifth of the large plan's
	// build.
	if (len(raw)+1)/2 <= MaxDistinctWords {
		return false
	}
	seen := make(map[string]struct{}, 1024)
	line, start := 1, -1
	for i, r := range string(raw) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if _, ok := seen[strings.ToLower(string(raw[start:i]))]; !ok {
				seen[strings.ToLower(string(raw[start:i]))] = struct{}{}
				if len(seen) > MaxDistinctWords {
					probs.Add(file, line, fmt.Sprintf("filen har fler än %s olika ord; ett avsnitt i en plan har några hundra", thousands(MaxDistinctWords)),
						"är det inklistrade data, till exempel en ordlista eller en tabell ur ett annat system? "+
							"Ta bort det som inte hör till planen, eller dela upp texten i flera filer")
					return true
				}
			}
			start = -1
		}
		if r == '\n' {
			line++
		}
	}
	return false
}

// depth counts how many lists and quotes a line may open or continue. Lists and quotes open only at the start of
// a line: each quote marker (>) and list marker (-, +, *, 1. or 1)) there counts one level, and every two columns
// of space before the text (a tab counts four) one more, since the text of a list item, and any list inside it, is
// indented by at least two columns more than the list. So the count is never below the depth goldmark finds; it
// may be above it for code indented far to the right, which a plan does not have.
func depth(l []byte) int {
	markers, columns := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			columns++
			i++
		case c == '\t':
			columns += 4
			i++
		case c == '>':
			markers++
			i++
		case (c == '-' || c == '+' || c == '*') && markerEnds(l, i+1):
			markers++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j == len(l) || l[j] != '.' && l[j] != ')' || !markerEnds(l, j+1) {
				return markers + columns/2
			}
			markers++
			i = j + 1
		default:
			return markers + columns/2
		}
	}
	return markers + columns/2
}

// markerEnds reports whether a list marker before l[i] is followed by what makes it one: a space, a tab or the end
// of the line.
func markerEnds(l []byte, i int) bool {
	return i == len(l) || l[i] == ' ' || l[i] == '\t'
}

// TooLarge records the problem of a file larger than MaxFileSize; size is what the file system says, which is
// nothing for a device.
func TooLarge(file string, size int64, probs *problem.List) {
	msg := fmt.Sprintf("filen är större än %d MB, men en Markdown-fil får vara högst %d MB", MaxFileSize>>20, MaxFileSize>>20)
	if size > MaxFileSize {
		mb := strings.Replace(fmt.Sprintf("%.1f", float64(size)/(1<<20)), ".", ",", 1) // a decimal comma, as Swedish writes it
		msg = fmt.Sprintf("filen är %s MB, men en Markdown-fil får vara högst %d MB", mb, MaxFileSize>>20)
	}
	probs.Add(file, 0, msg, "dela upp texten i flera filer (ett avsnitt i flera avsnitt), och lägg bilder "+
		"och dokument i egna filer, till exempel figurer/bild.png")
}

// thousands writes n with a space between the thousands, as Swedish writes it: 100 000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s
}

// CheckLimits returns the problem of a text, read from file, that is beyond the limits of a Markdown file, or nil.
// The loader checks every file as it reads it; CheckLimits is for text from elsewhere, such as an import.
func CheckLimits(file string, text []byte) error {
	var probs problem.List
	if len(text) > MaxFileSize {
		TooLarge(file, int64(len(text)), &probs)
	} else {
		OverLimits(file, text, &probs)
	}
	return probs.Err()
}
