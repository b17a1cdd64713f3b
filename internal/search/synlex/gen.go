//go:build ignore

// gen writes lexicon.txt from LibreOffice's Swedish thesaurus (th_sv_SE_v2.dat of Debian's mythes-sv, ISO-8859-1),
// keeping what the search can use: pairs of single words (letters only), lower-cased, each pair once.
//
//	apt-get download mythes-sv && dpkg-deb -x mythes-sv_*.deb x
//	go run ./internal/search/synlex/gen.go x/usr/share/mythes/th_sv_SE_v2.dat > internal/search/synlex/lexicon.txt
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
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
# Modified for plansite: converted to UTF-8 and lower case; only pairs of single words kept, each pair once, under
# the first word in alphabetical order (internal/search/synlex/gen.go). A line is a word and its synonyms, "|" between.
`

func main() {
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
				if !word(a) || !word(b) || a == b {
					continue
				}
				if b < a {
					a, b = b, a
				}
				if !slices.Contains(pairs[a], b) {
					pairs[a] = append(pairs[a], b)
				}
			}
		}
	}
	w := bufio.NewWriter(os.Stdout)
	w.WriteString(notice)
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		slices.Sort(pairs[k])
		w.WriteString(k + "|" + strings.Join(pairs[k], "|") + "\n")
	}
	w.Flush()
}
