package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/stockholm/plansite/internal/importer"
)

// cmdImport imports the adopted plan's Word document, or a text export of it, as a draft revision.
func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dir := fs.String("content", "content", "the content `folder`; created when it does not exist")
	year := fs.Int("year", 0, "the revision's `year`; content/YEAR must not exist")
	onto := fs.Int("onto", 0, "keep the ids of the sections and activities recognisably the same as in this earlier `year`")
	const synopsis = "plansite import FILE --year YEAR [--content DIR] [--onto YEAR]"
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	for _, a := range args {
		if a == "-h" || a == "--h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout) // asked-for help is output, not an error
			fs.Usage()
			return 0
		}
	}
	// FILE may stand before, between or after the flags; the flag package stops at the first argument that is not one.
	var file string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		if file != "" {
			fmt.Fprintf(stderr, "plansite import: oväntat argument %q. Importera en fil i taget.\n", fs.Arg(0))
			return 2
		}
		file, args = fs.Arg(0), fs.Args()[1:]
	}
	if file == "" {
		fmt.Fprintln(stderr, "plansite import: ange Word-dokumentet (.docx) eller textexporten som du vill importera")
		fs.Usage()
		return 2
	}
	if *year == 0 {
		fmt.Fprintln(stderr, "plansite import: ange året med --year, till exempel --year "+strconv.Itoa(2021))
		return 2
	}
	res, err := importer.Import(file, importer.Options{Content: *dir, Year: *year, Onto: *onto})
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "Inget importerades.")
		return 1
	}
	res.Report(stdout)
	fmt.Fprintf(stdout, "Bygg utkastet med: plansite build --drafts --content %s\n", *dir)
	return 0
}
