// Command plansite builds the action plan's website from the content folder.
//
//	plansite build [--content DIR] [--layouts DIR] [--out DIR] [--base-url URL]
//	plansite serve [--port 1313] [--bind 127.0.0.1] [build flags]
//	plansite check [--content DIR] [--layouts DIR] [--format text|github]
//	plansite diff [--content DIR] [--format text|markdown] FROM TO
//	plansite new [--content DIR] YEAR
//	plansite log [--content DIR] [--format text|markdown] ID
//	plansite version
//
// Exit status: 0 when all went well, 1 when the content has problems, 2 on a usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/stockholm/plansite/internal/command"
	_ "github.com/stockholm/plansite/internal/hugepages" // the heap in huge pages, asked for as the program starts
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/site"
)

const usage = `plansite builds the action plan's website from Markdown in content/.

Usage:
  plansite build [flags]    build the site into public/
  plansite serve [flags]    build, then serve the site on http://127.0.0.1:1313/
  plansite check [flags]    check the content and its links without writing anything
  plansite diff FROM TO     show what changed between two revisions (--format markdown for a memo)
  plansite new YEAR         start next year's revision as a draft copy of the newest one
  plansite log ID           show the history of one section or activity through every revision
  plansite import FILE      import the adopted Word document (.docx) or a text export as a draft revision
  plansite version          print the version

Run "plansite <command> -h" for the flags of a command.
`

func main() {
	// A build makes a lot of short-lived garbage and then exits: collecting less often costs some memory (the
	// large generated plan peaks at about 370 MB instead of 280 MB) and saves about a tenth of the time. GOGC in the
	// environment still decides when it is set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "diff":
		return cmdDiff(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "log":
		return cmdLog(args[1:], stdout, stderr)
	case "import":
		return cmdImport(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "plansite", version())
		return 0
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "plansite: okänt kommando %q\n\n%s", args[0], usage)
	return 2
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	a := command.BuildFlags(fs)
	if code, stop := command.Parse(fs, args, stdout, stderr, "plansite build [--content DIR] [--layouts DIR] [--out DIR] [--base-url URL] [--config FILE]"); stop {
		return code
	}
	o, err := a.Resolve(fs)
	if err != nil {
		return command.ReportSettings(err, stderr)
	}
	return build(&o, stdout, stderr)
}

// build runs one build and reports it. Ctrl-C, SIGTERM or SIGHUP stop it cleanly: what was written is removed and
// the output folder stays as it was. A second signal ends the program at once; the next build cleans up after it.
func build(o *site.Options, stdout, stderr io.Writer) int {
	// Setting up the signals takes the runtime a thread of its own, some 0.6–1 ms: it is done beside the build,
	// which makes nothing beside the output folder before it is (Options.Armed).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	armed := make(chan struct{})
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		close(armed)
		select {
		case <-sig:
			cancel()
		case <-ctx.Done():
		}
		signal.Stop(sig) // the next signal is the default one
	}()
	o.Armed = armed
	limitMemory(o.Content)
	stats, err := site.BuildContext(ctx, *o)
	if err != nil {
		return reportError(err, o.Out, stderr)
	}
	fmt.Fprintln(stdout, stats)
	printWarnings(stats.Warnings, "text", stdout, stderr)
	if stats.Leftover != "" {
		fmt.Fprintf(stderr, "plansite: den nya webbplatsen finns i %s, men %s\n", o.Out, stats.Leftover)
	}
	return 0
}

// memoryLimit is the smallest soft limit on a build's memory.
const memoryLimit = 224 << 20

// limitMemory sets a soft limit on the build's memory, unless GOMEMLIMIT is set: 224 MiB, or for a big content folder
// 24 bytes per byte of its Markdown. Unless GOGC is set, the collector runs when the heap has grown to five times what
// was alive after the last collection (GOGC=400), and at the latest near the limit. Its first collection comes at
// 16 MB: the shipped plan's build never collects, and one of ten or twenty revisions does without a first touch of fresh
// memory for everything it allocates. A page touched for the first time is what costs here: 11 µs each on the virtual
// machines we build on (package hugepages makes most of them 2 MB pages), and collecting at 400 % keeps the peak some
// 40 MB lower than not collecting, for about the same time (docs/performance.md). A limit below what the build needs
// alive would make the collector run without pause, so it grows with the content: the build holds some 16 bytes per
// byte of Markdown at its peak. The content is measured beside the build, which starts under the smallest limit:
// walking the large plan's 3,222 files took 9–14 ms, and the build cannot reach 224 MiB that soon.
func limitMemory(content string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	go func() {
		var size int64
		_ = filepath.WalkDir(content, func(p string, d iofs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".md") {
				if info, err := d.Info(); err == nil {
					size += info.Size()
				}
			}
			return nil
		})
		if 24*size > memoryLimit {
			debug.SetMemoryLimit(24 * size)
		}
	}()
}

// printWarnings prints what the coordinator should look at: to stderr as "varning: file:line: …", or as GitHub
// annotations on stdout.
func printWarnings(w problem.List, format string, stdout, stderr io.Writer) {
	for _, p := range w {
		if format == "github" {
			fmt.Fprintln(stdout, githubAnnotation("warning", p))
		} else {
			fmt.Fprintln(stderr, "varning: "+p.Error())
		}
	}
}

func reportError(err error, out string, stderr io.Writer) int {
	if probs, ok := problem.AsList(err); ok {
		for _, p := range probs {
			fmt.Fprintln(stderr, p)
		}
		// "problem" is the same word in the singular and the plural.
		if out == "" {
			fmt.Fprintf(stderr, "%d problem i innehållet.\n", len(probs))
		} else {
			fmt.Fprintf(stderr, "Bygget misslyckades: %d problem i innehållet. %s/ är oförändrad.\n", len(probs), out)
		}
		return 1
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "Bygget avbröts. %s/ är oförändrad.\n", out)
		return 1
	}
	fmt.Fprintf(stderr, "plansite: %v\n", err)
	return 1
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	a := command.BuildFlags(fs)
	format := fs.String("format", "text", "`text`, or github for GitHub Actions annotations on the changed lines")
	if code, stop := command.Parse(fs, args, stdout, stderr, "plansite check [--content DIR] [--layouts DIR] [--config FILE] [--format text|github]"); stop {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "plansite: --format %q: använd text eller github\n", *format)
		return 2
	}
	var stats site.Stats
	o, err := a.Resolve(fs)
	if err == nil {
		stats, err = site.Check(o)
	}
	printWarnings(stats.Warnings, *format, stdout, stderr)
	probs, isList := problem.AsList(err)
	switch {
	case err == nil:
		what := fmt.Sprintf("%d revideringar och deras länkar", stats.Revisions)
		if stats.Revisions == 1 {
			what = "1 revidering och dess länkar"
		}
		switch n := len(stats.Warnings); n {
		case 0:
			fmt.Fprintf(stdout, "Kontrollerade %s: inga problem\n", what)
		case 1:
			fmt.Fprintf(stdout, "Kontrollerade %s: inga problem, 1 varning\n", what)
		default:
			fmt.Fprintf(stdout, "Kontrollerade %s: inga problem, %d varningar\n", what, n)
		}
		return 0
	case !isList:
		fmt.Fprintf(stderr, "plansite: %v\n", err)
		return 1
	}
	for _, p := range probs {
		if *format == "github" {
			fmt.Fprintln(stdout, githubAnnotation("error", p))
		} else {
			fmt.Fprintln(stderr, p)
		}
	}
	fmt.Fprintf(stderr, "Kontrollen hittade %d problem i innehållet.\n", len(probs))
	return 1
}

// githubAnnotation formats a problem as a GitHub Actions workflow command, so it shows on the file's line.
func githubAnnotation(level string, p problem.Problem) string {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	msg := p.Msg
	if p.Hint != "" {
		msg += " (" + p.Hint + ")"
	}
	line := ""
	if p.Line > 0 {
		line = fmt.Sprintf(",line=%d", p.Line)
	}
	return fmt.Sprintf("::%s file=%s%s,title=plansite::%s", level, prop.Replace(filepath.ToSlash(p.File)), line, data.Replace(msg))
}
