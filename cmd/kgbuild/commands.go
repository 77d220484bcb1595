package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// A command is one verb of the kgbuild command line.
type command struct {
	name    string
	args    string // synopsis of the arguments, for the usage
	summary string // one line, for the usage
	// run does the command's work; args exclude the command's name.
	run func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
	// flags returns the command's flag set with its Usage writing to w; nil
	// for commands without flags.
	flags func(w io.Writer) *flag.FlagSet
}

// commands lists kgbuild's commands in the order the usage shows them.
var commands = []command{
	{name: "build", args: "[--out DIR] [--format LIST] [--base IRI] FILE...",
		summary: "extract a knowledge graph from plain-text articles",
		run:     build, flags: func(w io.Writer) *flag.FlagSet { return buildFlags(&buildOptions{}, w) }},
	{name: "convert", args: "[--from FORMAT] [--to FORMAT] IN OUT",
		summary: "convert an RDF file from one format to another",
		run:     convert, flags: func(w io.Writer) *flag.FlagSet { return convertFlags(&convertOptions{}, w) }},
	{name: "export", args: "--format qs [--out FILE] [--qs-create] GRAPH",
		summary: "write a graph's statements as QuickStatements for Wikidata",
		run:     export, flags: func(w io.Writer) *flag.FlagSet { return exportFlags(&exportOptions{}, w) }},
	{name: "index", args: "--out FILE [--lang LIST] [--min-sitelinks N] SOURCE...",
		summary: "write a compact Wikidata index from JSON dumps or SPARQL results",
		run:     indexCmd, flags: func(w io.Writer) *flag.FlagSet { return indexFlags(&indexOptions{}, w) }},
	{name: "link", args: "--index INDEX [--out FILE] [--format FORMAT] GRAPH",
		summary: "link the entities of a graph kgbuild wrote to Wikidata",
		run:     linkCmd, flags: func(w io.Writer) *flag.FlagSet { return linkFlags(&linkOptions{}, w) }},
	{name: "site", args: "[--out DIR] [--base IRI] [--title TITLE] GRAPH...",
		summary: "write a static linked-data web site for RDF graphs",
		run:     siteCommand, flags: func(w io.Writer) *flag.FlagSet { return siteFlags(&siteOptions{}, w) }},
	{name: "load", args: "--endpoint URL [--graph IRI] [--append] [--protocol gsp|update] [--dry-run] FILE...",
		summary: "send RDF files to a SPARQL store (Graph Store Protocol or SPARQL Update)",
		run:     load, flags: func(w io.Writer) *flag.FlagSet { return loadFlags(&loadOptions{}, w) }},
	{name: "ontology", summary: "write the kgbuild ontology (Turtle) to stdout",
		run: func(_ []string, _ io.Reader, stdout, _ io.Writer) error { return writeOntology(stdout) }},
	{name: "version", summary: "print the version",
		run: func(_ []string, _ io.Reader, stdout, _ io.Writer) error {
			_, err := fmt.Fprintf(stdout, "kgbuild %s\n", version)
			return err
		}},
}

// lookupCommand finds a command by name.
func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usageText is the program's usage, generated from the command table.
func usageText() string {
	var b strings.Builder
	b.WriteString("kgbuild turns encyclopedic plain text into a knowledge graph.\n\nUsage:\n")
	for _, c := range commands {
		line := "  kgbuild " + c.name
		if c.args != "" {
			line += " " + c.args
		}
		fmt.Fprintf(&b, "%s\n      %s\n", line, c.summary)
	}
	b.WriteString("  kgbuild help [COMMAND]\n\nRun 'kgbuild COMMAND --help' for a command's flags.\n")
	return b.String()
}
