// Command kgbuild turns encyclopedic plain text into a knowledge graph in
// Turtle, JSON-LD and N-Triples.
//
// Usage:
//
//	kgbuild build [--out DIR] [--format ttl,jsonld,nt] [--base IRI] FILE...
//	kgbuild ontology
//	kgbuild version
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
