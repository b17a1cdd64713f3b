// Command plansite-serve is the live preview: it renders the site in memory, serves it on http://127.0.0.1:1313/ and
// renders again on every edit of the content, the layouts or the settings file, and an open page shows the change.
//
//	plansite-serve [--port 1313] [--bind 127.0.0.1] [build flags]
//
// `plansite serve` runs it (cmd/plansite/serve.go). It is a program of its own so that plansite, the program that
// publishes, carries no web server: it starts some 3 ms sooner without net/http and TLS, a tenth of a small build.
//
// Exit status: 0 after Ctrl-C, 1 when the preview cannot start, 2 on a usage error.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"

	"github.com/stockholm/plansite/internal/command"
	_ "github.com/stockholm/plansite/internal/hugepages" // the heap in huge pages, asked for as the program starts
	"github.com/stockholm/plansite/internal/preview"
	"github.com/stockholm/plansite/internal/site"
)

func main() {
	// The preview renders again and again: collecting less often than Go's default costs some memory and saves
	// time. GOGC in the environment still decides when it is set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	a := command.BuildFlags(fs)
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 makes the preview reachable from other machines")
	fs.Lookup("drafts").DefValue = "true"
	a.Drafts = true // the coordinator previews next year's draft; --drafts=false shows the site as it is published
	fs.Lookup("drafts").Usage = "show drafts and examples too (--drafts=false shows the site as it is published)"
	if code, stop := command.Parse(fs, args, stdout, stderr, "plansite serve [--port 1313] [--bind 127.0.0.1] [build flags]"); stop {
		return code
	}
	o, err := a.Resolve(fs)
	if err != nil {
		return command.ReportSettings(err, stderr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "plansite: %v (körs en annan server redan? Prova --port %d)\n", err, *port+1)
		return 1
	}
	fmt.Fprintf(stdout, "Webbplatsen visas på http://%s%s och byggs om när %s ändras (avsluta med Ctrl-C)\n",
		ln.Addr(), preview.BasePath(o.BaseURL), o.Content)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p := &preview.Server{Site: o, Log: stdout, Settings: a.Config, Options: func() (site.Options, error) { return a.Resolve(fs) }}
	if err := p.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "plansite: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "Förhandsvisningen är avslutad.")
	return 0
}
