package site

import (
	"fmt"
	"time"
)

var months = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
	"oktober", "november", "december"}

// swedishDate writes a date the Swedish way: "13 mars 2020".
func swedishDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}
