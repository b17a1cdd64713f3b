// Package problem holds the errors a coordinator reads: each names a file and a line, says what is wrong and how
// to fix it. Loading and rendering collect every problem of a build into a List, so all of them are reported at
// once.
package problem

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with the content, at a place in a file.
type Problem struct {
	File string // path as the user gave it, e.g. content/2020/aktiviteter/natverk.md
	Line int    // 1-based; 0 when the problem is about the whole file
	Msg  string // what is wrong
	Hint string // how to fix it; may be empty
}

// Error formats the problem as "file:line: what is wrong (how to fix it)".
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// List is every problem found in a build. It is an error when it is not empty.
type List []Problem

// Add records a problem.
func (l *List) Add(file string, line int, msg, hint string) {
	*l = append(*l, Problem{File: file, Line: line, Msg: msg, Hint: hint})
}

// Addf records a problem with a formatted message and no hint.
func (l *List) Addf(file string, line int, format string, args ...any) {
	l.Add(file, line, fmt.Sprintf(format, args...), "")
}

// Sort orders the problems by file, then line, then message, so output is the same on every run.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
}

// Err returns the list sorted as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Error lists one problem per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// AsList returns the problems err holds, and whether it holds any: a List anywhere in its chain.
func AsList(err error) (List, bool) {
	var l List
	ok := errors.As(err, &l)
	return l, ok
}
