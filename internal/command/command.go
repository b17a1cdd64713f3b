// Package command holds what plansite's two programs share on the command line: the flags of a command that
// builds, the settings file (plansite.yaml) under them, the handling of -h and of a wrong flag, and the report of a
// settings file with problems. cmd/plansite builds, checks and imports; cmd/plansite-serve is the live preview,
// a program of its own so that the one that publishes carries no web server (docs/architecture.md).
package command

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/stockholm/plansite/internal/config"
	"github.com/stockholm/plansite/internal/problem"
	"github.com/stockholm/plansite/internal/site"
)

// BuildArgs are the flags every command that builds shares.
type BuildArgs struct {
	site.Options
	Config string // the settings file
}

// BuildFlags adds the flags every command that builds shares.
func BuildFlags(fs *flag.FlagSet) *BuildArgs {
	a := &BuildArgs{}
	fs.StringVar(&a.Content, "content", "content", "the content `folder`")
	fs.StringVar(&a.Layouts, "layouts", "layouts", "a `folder` of layouts that replace the built-in ones of the same name")
	fs.StringVar(&a.Out, "out", "public", "the output `folder`; replaced as a whole when the build succeeds")
	fs.BoolVar(&a.Replace, "replace", false, "replace the output folder even when it holds files that no plansite build made")
	fs.BoolVar(&a.Drafts, "drafts", false, "publish drafts and examples too, each with its banner; without it only adopted revisions are published")
	fs.StringVar(&a.BaseURL, "base-url", "", "the `address` the site is published at, e.g. https://intranet.example/vbe/")
	fs.StringVar(&a.EditURL, "edit-url", "", "the `address` of the content folder in the repository's web editor; each section and activity then links to its file")
	ConfigFlag(fs, &a.Config)
	return a
}

// ConfigFlag adds --config.
func ConfigFlag(fs *flag.FlagSet, p *string) {
	fs.StringVar(p, "config", config.File, "the settings `file`; its keys are these flags' names, and a flag given here wins")
}

// Resolve returns the build's options: the flags given, then the settings file for the flags not given, then the
// defaults. The preview calls it again before every render, so that an edit of the settings file shows at once.
func (a *BuildArgs) Resolve(fs *flag.FlagSet) (site.Options, error) {
	o := a.Options
	err := ApplySettings(fs, a.Config, map[string]*string{
		"content": &o.Content, "layouts": &o.Layouts, "out": &o.Out, "base-url": &o.BaseURL, "edit-url": &o.EditURL,
	})
	if err != nil {
		return o, err
	}
	// The default layouts folder may be absent: the built-in layouts are used then.
	if o.Layouts == a.Layouts && !given(fs, "layouts") {
		if info, err := os.Stat(o.Layouts); err != nil || !info.IsDir() {
			o.Layouts = ""
		}
	}
	return o, nil
}

// ApplySettings reads the settings file at path and sets the flag variables in fields, by setting name, that were
// not given on the command line. A missing file is fine unless --config named it.
func ApplySettings(fs *flag.FlagSet, path string, fields map[string]*string) error {
	s, err := config.Load(path)
	switch {
	case config.IsMissing(err) && !given(fs, "config"):
		return nil
	case config.IsMissing(err):
		return fmt.Errorf("--config %s: filen finns inte", path)
	case err != nil:
		return err
	}
	for key, v := range s {
		if p := fields[key]; p != nil && !given(fs, key) {
			*p = v
		}
	}
	return nil
}

// given reports whether the flag was on the command line.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// Parse parses flags; it returns an exit status when the command should stop: 0 after the help that was asked
// for, 2 after a wrong flag or an argument the command does not take.
func Parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, synopsis string) (int, bool) {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout) // asked-for help is output, not an error
			fs.Usage()
			return 0, true
		}
	}
	if err := fs.Parse(args); err != nil {
		return 2, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "plansite: oväntat argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2, true
	}
	return 0, false
}

// ReportSettings reports what is wrong in the settings file, and returns the exit status, 1.
func ReportSettings(err error, stderr io.Writer) int {
	if probs, ok := problem.AsList(err); ok {
		for _, p := range probs {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintln(stderr, "Inställningsfilen har fel. Inget byggdes.")
		return 1
	}
	fmt.Fprintf(stderr, "plansite: %v\n", err)
	return 1
}
