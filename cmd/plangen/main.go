// Command plangen writes a large synthetic plan into a content folder, for benchmarks and for trying the site with
// a plan of realistic size. The same flags always write the same files.
//
//	plangen -out DIR [-revisions 20] [-sections 60] [-activities 100] [-seed 1] [-first-year 2020]
//
// Exit status: 0 when the folder was written, 1 when writing failed, 2 on a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/stockholm/plansite/internal/plangen"
)

const synopsis = `plangen writes a large synthetic plan, with yearly revisions that change the way real ones do, into a
content folder that "plansite build --content DIR" builds.

Usage: plangen -out DIR [flags]

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plangen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the content `folder` to write; created, or replaced if plangen wrote it before (required)")
	var o plangen.Options
	fs.IntVar(&o.Revisions, "revisions", 20, "the `number` of yearly revisions")
	fs.IntVar(&o.Sections, "sections", 60, "the `number` of sections in each revision")
	fs.IntVar(&o.Activities, "activities", 100, "the `number` of activity rows in each revision")
	fs.Int64Var(&o.Seed, "seed", 1, "the random `seed`; the same seed writes the same files")
	fs.IntVar(&o.FirstYear, "first-year", 2020, "the `year` of the first revision")
	usage := func(w io.Writer) {
		fmt.Fprint(w, synopsis)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // run prints the usage itself, on stdout when it was asked for

	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return 0
	}
	if err != nil { // the flag package has said what is wrong
		fmt.Fprintln(stderr)
		usage(stderr)
		return 2
	}
	var problem string
	switch {
	case fs.NArg() > 0:
		problem = fmt.Sprintf("unexpected argument %q", fs.Arg(0))
	case *out == "":
		problem = "-out is required: give the folder to write the content into"
	case o.Revisions < 1:
		problem = "-revisions must be at least 1"
	case o.Sections < 1:
		problem = "-sections must be at least 1"
	case o.Activities < 0:
		problem = "-activities cannot be negative"
	case o.FirstYear < 1000 || o.FirstYear+o.Revisions-1 > 9999:
		problem = "-first-year and -revisions must give years of four digits"
	}
	if problem != "" {
		fmt.Fprintf(stderr, "plangen: %s\n\n", problem)
		usage(stderr)
		return 2
	}

	n, err := plangen.Generate(*out, o)
	if err != nil {
		fmt.Fprintf(stderr, "plangen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %d files for %d revisions to %s\n", n, o.Revisions, *out)
	return 0
}
