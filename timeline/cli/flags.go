package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// flagSet is a subcommand's flags with the usage text that -h prints.
type flagSet struct {
	*flag.FlagSet
	e        *env
	synopsis string // the arguments after "timeline NAME"
	about    string // what the command does, a paragraph or two
}

func (e *env) flags(name, synopsis, about string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e, synopsis: synopsis, about: about}
	// Parse errors come back to exit, which reports them once; -h is
	// printed by parse, to stdout since it was asked for.
	fs.SetOutput(io.Discard)
	return fs
}

func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: timeline %s %s\n\n%s\n", fs.Name(), fs.synopsis, fs.about)
	fmt.Fprintf(w, "\nflags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// parse parses args and returns the arguments that are not flags. Unlike
// flag.Parse it lets flags follow them, as in "resolve FILE --format json";
// after "--" everything is an argument.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.printUsage(fs.e.stdout)
				return nil, err
			}
			return nil, usageError{err}
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}
