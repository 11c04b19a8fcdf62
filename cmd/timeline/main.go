// Command timeline builds the timeline of a conflict from news articles.
// Run "timeline help" for its commands; they live in package
// conflict-timeline/timeline/cli.
package main

import (
	"os"

	"conflict-timeline/timeline/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
