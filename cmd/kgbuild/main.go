// Command kgbuild turns encyclopedic plain text into a knowledge graph in
// Turtle, JSON-LD, N-Triples, N-Quads, TriG or canonical N-Quads,
// converts between RDF formats and writes a static linked-data site for
// a graph.
//
// Usage:
//
//	kgbuild build [--out DIR] [--format LIST] [--base IRI] [--quiet] FILE...
//	kgbuild convert [--from F] [--to F] IN OUT
//	kgbuild site [--out DIR] [--base IRI] [--title TITLE] GRAPH...
//	kgbuild ontology
//	kgbuild version
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
