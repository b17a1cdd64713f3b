package search

import (
	"strings"
	"testing"
	"time"
)

// TestLongWordsInTime: a "word" of 100 kB, such as a pasted picture, is indexed in well under the minutes its
// compound splitting once took, and is not split.
func TestLongWordsInTime(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		b.WriteString([]string{"nätverk", "våld", "iVBORw0KGgo", "stad", "Qm9yZGVy"}[i%5])
	}
	long := strings.ToLower(b.String())
	start := time.Now()
	v := newVocabulary([]string{long, "nätverk", "våld", "stad", "nätverksstad"}, nil)
	took := time.Since(start)
	t.Logf("a word of %d bytes in %v", len(long), took)
	if took > 10*time.Second {
		t.Errorf("a word of %d bytes took %v", len(long), took)
	}
	if len(v.parts[long]) != 0 {
		t.Errorf("the long word was split into %d parts", len(v.parts[long]))
	}
	if len(v.parts["nätverksstad"]) == 0 {
		t.Error("a short compound was not split")
	}
}
