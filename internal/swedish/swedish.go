// Package swedish writes numbers and dates the way the site and its messages say them in Swedish: "3 sidor",
// "13 mars 2020".
package swedish

import (
	"fmt"
	"strings"
	"time"
)

// Count writes a number with the word in singular or plural: "1 sida", "3 sidor", "0 sidor".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
	"oktober", "november", "december"}

// Date writes a date the Swedish way, "13 mars 2020"; the zero time gives "".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// Shorten cuts s to at most n letters, at a space where one is near, and ends it with " …".
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + " …"
}
