// Package cli is the timeline command line: a table of subcommands, each
// parsing its own flags and calling the pipeline packages to do the work.
// cmd/timeline only hands it the arguments and the standard streams.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"conflict-timeline/timeline"
	"conflict-timeline/timeline/event"
	"conflict-timeline/timeline/export"
	"conflict-timeline/timeline/timex"
)

// Main runs the command line with args (the program name left out) and
// returns the process's exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	limitMemory(os.Getenv)
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, resolve: timex.Resolve}
	return e.main(args)
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command failed: a file unreadable, malformed, ...
	exitUsage = 2 // the command line itself is wrong
)

// env is what a command may touch. The resolver and the later steps are
// part of it so that tests can run the commands on steps of their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	resolve        func(text string, opt timex.Options) []timex.Timex
	// extract and exports are the pipeline's last steps; nil means
	// event.Extract and export.Formats.
	extract func([]event.Input, event.Gazetteer) timeline.Timeline
	exports []export.Format
	// ctx ends a command that runs until stopped (serve); nil means it
	// runs until interrupted.
	ctx context.Context
	// served, if set, learns the preview's address once it is served.
	served func(url string)
}

// command is one subcommand. run gets the arguments after the command's
// name.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// commands are listed by usage in this order.
var commands = []command{
	{"build", "build the website and the exports from config.toml into public/", (*env).buildCmd},
	{"serve", "preview the website on this computer, built again as you edit", (*env).serveCmd},
	{"new", "lay out a new timeline in a folder of its own", (*env).newCmd},
	{"extract", "print the events of the articles as JSON, CSV, TimelineJS3 JSON or iCalendar", (*env).extractCmd},
	{"review", "list the events that need an editor's look, with stanzas for the corrections file", (*env).reviewCmd},
	{"resolve", "find and resolve the temporal expressions of one text", (*env).resolveCmd},
	{"anchors", "infer each article's own date, with its precision and reasons", (*env).anchorsCmd},
	{"eval", "score the resolver against TimeML corpora", (*env).evalCmd},
	{"seeds", "list the dated expressions of the seed articles", (*env).seedsCmd},
	{"bench", "measure the build at scale against Hugo and the targets of issue 12", (*env).benchCmd},
}

// defaultCommand runs when no command is named: in a timeline's folder,
// "timeline" alone builds its site.
const defaultCommand = "build"

func (e *env) main(args []string) int {
	name := defaultCommand
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "help" || a == "-h" || a == "-help" || a == "--help":
			e.usage(e.stdout)
			return exitOK
		case !strings.HasPrefix(a, "-"):
			name, args = a, args[1:]
		}
		// Otherwise args are flags for the default command, so that
		// "timeline --anchor 2016-08-01" works.
	}
	for _, c := range commands {
		if c.name == name {
			return e.exit(name, c.run(e, args))
		}
	}
	fmt.Fprintf(e.stderr, "timeline: unknown command %q\n\n", name)
	e.usage(e.stderr)
	return exitUsage
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: timeline [command] [flags] [arguments]\n\ncommands:\n")
	for _, c := range commands {
		def := ""
		if c.name == defaultCommand {
			def = " (the default)"
		}
		fmt.Fprintf(w, "  %-8s  %s%s\n", c.name, c.summary, def)
	}
	fmt.Fprintf(w, "\nRun 'timeline COMMAND -h' for a command's flags.\n")
}

// exit reports a command's error and turns it into an exit status.
func (e *env) exit(name string, err error) int {
	_, misused := errors.AsType[usageError](err)
	if s, ok := errors.AsType[exitStatus](err); ok {
		return s.code // the command said why already
	}
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return exitOK
	case misused:
		fmt.Fprintf(e.stderr, "timeline %s: %v\nRun 'timeline %s -h' for usage.\n", name, err, name)
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "timeline %s: %v\n", name, err)
	return exitFail
}

// usageError is a mistake on the command line, as opposed to a failure
// while doing the work.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}
