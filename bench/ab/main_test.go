package main

import (
	"math"
	"testing"
)

func TestQuantile(t *testing.T) {
	for _, c := range []struct {
		x    []float64
		q    float64
		want float64
	}{
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4, 5}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 5}, 0.25, 2},
		{[]float64{1, 2, 3, 4}, 0.25, 1.75},
		{[]float64{7}, 0.75, 7},
		{[]float64{1, 9}, 0, 1},
		{[]float64{1, 9}, 1, 9},
	} {
		if got := quantile(c.x, c.q); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("quantile(%v, %v) = %v, want %v", c.x, c.q, got, c.want)
		}
	}
	if !math.IsNaN(quantile(nil, 0.5)) {
		t.Error("the quantile of nothing is a number")
	}
}

func TestStderr(t *testing.T) {
	// 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7.
	if got, want := stderr([]float64{2, 4, 4, 4, 5, 5, 7, 9}), math.Sqrt(32.0/7)/math.Sqrt(8); math.Abs(got-want) > 1e-9 {
		t.Errorf("stderr = %v, want %v", got, want)
	}
	if stderr([]float64{3}) != 0 {
		t.Error("one run has a standard error")
	}
}
