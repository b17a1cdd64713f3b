// Command ab times two or more commands whole process, interleaved one run at a time, and compares them: on the
// virtual machines we build on the speed drifts by a third within an hour, and hyperfine, which runs each command
// all its runs in a row, then compares one hour's machine with another's. Each round runs every command once, in
// turn; the table gives each command's mean with its standard error, median, 10 % trimmed mean and fastest run,
// and the first command's difference to each other one, round by round (paired), as a median with the middle
// half of the rounds around it.
//
//	go build -o /tmp/ab ./bench/ab && cd /tmp &&
//	  ./ab -n 150 "/tmp/old build --drafts --content $OLDPWD/content --out /tmp/a" "/tmp/new build …"
//
// Run it from a folder without layouts/: plansite takes a layouts/ folder where it runs for the site's own. A
// command is split at spaces and run without a shell; its output is discarded. Three warm-up runs of each come
// first. A command that fails stops the comparison.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	rounds := flag.Int("n", 100, "the `rounds`: each runs every command once")
	warmup := flag.Int("warmup", 3, "runs of each command before the rounds")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/ab [-n rounds] [-warmup runs] COMMAND COMMAND ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) < 2 || *rounds < 1 {
		flag.Usage()
		os.Exit(2)
	}
	for _, c := range cmds {
		for range *warmup {
			if _, err := run(c); err != nil {
				fail(c, err)
			}
		}
	}
	times := make([][]float64, len(cmds)) // ms, by command, in the order of the rounds
	for range *rounds {
		for i, c := range cmds {
			d, err := run(c)
			if err != nil {
				fail(c, err)
			}
			times[i] = append(times[i], d)
		}
	}
	fmt.Println("| command | mean ± s.e. | median | trimmed mean | fastest | against the first: median difference (middle half) |")
	fmt.Println("|---|---|---|---|---|---|")
	for i, c := range cmds {
		t := times[i]
		diff := "—"
		if i > 0 {
			d := make([]float64, len(t))
			for r := range t {
				d[r] = t[r] - times[0][r]
			}
			slices.Sort(d)
			diff = fmt.Sprintf("%+.1f ms (%+.1f to %+.1f)", quantile(d, 0.5), quantile(d, 0.25), quantile(d, 0.75))
		}
		s := slices.Sorted(slices.Values(t))
		k := len(s) / 10
		fmt.Printf("| `%s` | %.1f ± %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |\n", c, mean(t), stderr(t),
			quantile(s, 0.5), mean(s[k:len(s)-k]), s[0], diff)
	}
}

// run runs the command once and returns its wall time in milliseconds.
func run(command string) (float64, error) {
	args := strings.Fields(command)
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	err := cmd.Run()
	return float64(time.Since(start).Microseconds()) / 1000, err
}

func fail(command string, err error) {
	fmt.Fprintf(os.Stderr, "ab: %s: %v\n", command, err)
	os.Exit(1)
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// stderr is the standard error of the mean.
func stderr(x []float64) float64 {
	if len(x) < 2 {
		return 0
	}
	m := mean(x)
	var s float64
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return math.Sqrt(s/float64(len(x)-1)) / math.Sqrt(float64(len(x)))
}

// quantile is the q-quantile of sorted x, interpolated between its neighbours.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (pos-float64(lo))*(sorted[hi]-sorted[lo])
}
