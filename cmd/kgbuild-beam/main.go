// Command kgbuild-beam builds the knowledge graph of a JSON Lines corpus
// or of MediaWiki XML dumps as an Apache Beam pipeline, on any Beam runner: the local prism runner,
// Flink, Spark or Google Cloud Dataflow. Every article goes the same way
// as in `kgbuild build` (package pipeline: parse, extract, map, N-Quads in
// the article's own named graph), so the quads are the same; they are
// written as sharded N-Quads, OUTPUT-00000-of-NNNNN.nq[.gz].
//
// Usage:
//
//	kgbuild-beam --input 'wiki-*.jsonl' --output out/kg [--shards N] [--gzip]
//	             [--base IRI] [--runner prism|flink|spark|dataflow] [Beam flags]
//	kgbuild-beam --input 'enwiki-*-pages-articles*.xml.bz2' --output out/kg …
//
// Each dump file is read by one worker, except a multistream dump
// (…-multistream.xml.bz2) with its index beside it
// (…-multistream-index.txt.bz2): it is split into parts of --streams
// bzip2 streams (100 pages each), read by many workers.
//
// Each shard holds whole articles, chosen by a hash of the document's
// name; the order of the articles within a shard is the runner's.
// kgbuild-beam is a module of its own so that kgbuild does not carry the
// Beam SDK.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input   = flag.String("input", "", "a file or glob of JSON Lines ({\"id\",\"title\",\"text\",\"url\"} a line; .gz read as gzip) or of MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz; pages-articles*, multistream)")
	streams = flag.Int("streams", 10, "bzip2 streams (of 100 pages) a worker reads at a time from a multistream dump with an index")
	output  = flag.String("output", "", "output prefix: shards are PREFIX-00000-of-NNNNN.nq[.gz] (a local path, gs://, …)")
	shards  = flag.Int("shards", 16, "number of output shards")
	gz      = flag.Bool("gzip", false, "gzip the shards (.nq.gz)")
	base    = flag.String("base", "", "base IRI of the minted nodes (default: kgbuild's)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" || *shards < 1 || *streams < 1 {
		fmt.Fprintln(os.Stderr, "usage: kgbuild-beam --input GLOB --output PREFIX [--shards N] [--gzip] [--base IRI] [--runner R]")
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, Config{Input: *input, Output: *output, Shards: *shards, Gzip: *gz, Base: *base, Streams: *streams})
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("kgbuild-beam: %v", err)
	}
}
