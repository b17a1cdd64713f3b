//go:build ignore

// gen writes lexicon.txt from LibreOffice's Swedish thesaurus (th_sv_SE_v2.dat of Debian's mythes-sv, ISO-8859-1),
// keeping what the search can use: pairs of single words (letters only), folded, each pair once; each word with
// its root (">root") when that is not the word, and "!" before a function word, so that a build need not work
// them out for 15,000 words.
//
//	apt-get download mythes-sv && dpkg-deb -x mythes-sv_*.deb x
//	go run ./internal/search/synlex/gen.go x/usr/share/mythes/th_sv_SE_v2.dat > internal/search/synlex/lexicon.txt
//
// When Root or the function words change, TestLexiconData fails; gen then reads its own file again and writes the
// roots and marks anew:
//
//	go run ./internal/search/synlex/gen.go internal/search/synlex/lexicon.txt > /tmp/lexicon.txt &&
//	  mv /tmp/lexicon.txt internal/search/synlex/lexicon.txt
//
// The binary carries lexicon.bin, made from lexicon.txt for the build to read fast; after either command:
//
//	go test ./internal/search -run TestLexiconData -update
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/stockholm/plansite/internal/search"
)

const notice = `# Swedish synonyms: Folkets synonymlexikon (Synlex, KTH) as LibreOffice's Swedish thesaurus, th_sv_SE_v2.dat
# of Debian's package mythes-sv 1:7.5.0-1, whose copyright file says of it:
#
# Copyright: 2009 Viggo Kann
#  THIS MATERIAL IS PROVIDED AS IS, WITH ABSOLUTELY NO WARRANTY EXPRESSED
#  OR IMPLIED.  ANY USE IS AT YOUR OWN RISK.
#
#  Permission is hereby granted to use or copy this program
#  for any purpose,  provided the above notices are retained on all copies.
#  Permission to modify the code and to distribute modified code is granted,
#  provided the above notices are retained, and a notice that the code was
#  modified is included with the above copyright notice.
#
# Modified for plansite: converted to UTF-8, lower case and folded (å, ä, ö as a, a, o); only pairs of single words
# kept, each pair once, under the first word in alphabetical order (internal/search/synlex/gen.go). A line is a word
# and its synonyms, "|" between; ">" follows a word with its root, "!" marks a function word.
`

func main() {
	if strings.HasSuffix(os.Args[1], ".txt") {
		refresh(os.Args[1])
		return
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc := bufio.NewScanner(f)
	var lines []string
	for sc.Scan() {
		b := sc.Bytes()
		r := make([]rune, len(b)) // ISO-8859-1: each byte is its code point
		for i, c := range b {
			r[i] = rune(c)
		}
		lines = append(lines, string(r))
	}
	word := func(s string) bool {
		return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	pairs := map[string][]string{}
	for i := 1; i < len(lines); i++ {
		h, n, ok := strings.Cut(lines[i], "|")
		count, err := strconv.Atoi(n)
		if !ok || err != nil {
			continue
		}
		for j := 0; j < count && i+1 < len(lines); j++ {
			i++
			for _, s := range strings.Split(lines[i], "|")[1:] {
				a, b := strings.ToLower(h), strings.ToLower(s)
				if !word(a) || !word(b) {
					continue
				}
				addPair(pairs, search.Fold(a), search.Fold(b))
			}
		}
	}
	write(pairs)
}

// refresh reads a lexicon.txt and writes it again, each word with its root and mark worked out anew.
func refresh(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bare := func(s string) string {
		s = strings.TrimPrefix(s, "!")
		s, _, _ = strings.Cut(s, ">")
		return search.Fold(s)
	}
	pairs := map[string][]string{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		ws := strings.Split(line, "|")
		for _, s := range ws[1:] {
			addPair(pairs, bare(ws[0]), bare(s))
		}
	}
	write(pairs)
}

// addPair files the pair of two different folded words once, under the first in alphabetical order.
func addPair(pairs map[string][]string, a, b string) {
	if a == b || a == "" || b == "" {
		return
	}
	if b < a {
		a, b = b, a
	}
	if !slices.Contains(pairs[a], b) {
		pairs[a] = append(pairs[a], b)
	}
}

// format writes a folded word as lexicon.txt has it.
func format(w string) string {
	s := w
	if r := search.Root(w); r != w {
		s += ">" + r
	}
	if search.IsStopword(w) {
		s = "!" + s
	}
	return s
}

// write writes the notice and the pairs, under their first words in alphabetical order.
func write(pairs map[string][]string) {
	w := bufio.NewWriter(os.Stdout)
	w.WriteString(notice)
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		slices.Sort(pairs[k])
		line := format(k)
		for _, s := range pairs[k] {
			line += "|" + format(s)
		}
		w.WriteString(line + "\n")
	}
	w.Flush()
}
