package swedish

import (
	"testing"
	"time"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 sidor"}, {1, "1 sida"}, {2, "2 sidor"}, {1000, "1000 sidor"}} {
		if got := Count(c.n, "sida", "sidor"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2020, 3, 13, 0, 0, 0, 0, time.UTC), "13 mars 2020"},
		{time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC), "1 december 2021"},
		{time.Time{}, ""},
	} {
		if got := Date(c.t); got != c.want {
			t.Errorf("Date(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}
