package main

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/kgbuild/kgbuild/pipeline"
)

// BenchmarkBuildCorpus runs the path of `kgbuild build` from text to the
// three encodings — extractor.Parse, extractor.Extract, ontology.Map into
// every format's encoder (to io.Discard, through run.go's fanout and
// encoderOptions) — over the sample and every article of ../shared/corpus
// (the sample alone when ../shared is absent). Reading files and writing
// them are left out.
//
// Metrics: MB/s of input text, words/s, and bytes allocated per MB of
// input (B-alloc/MB-in).
func BenchmarkBuildCorpus(b *testing.B) {
	type input struct {
		path string
		data []byte
	}
	inputs := []input{{samplePath(b), readFile(b, samplePath(b))}}
	if haveShared() {
		for _, p := range corpusFiles(b) {
			inputs = append(inputs, input{p, readFile(b, p)})
		}
	} else {
		b.Log("corpus skipped: " + needShared)
	}
	var size, words int
	for _, in := range inputs {
		size += len(in.data)
		words += len(strings.Fields(string(in.data)))
	}
	// The build's default output: Turtle, JSON-LD and N-Triples.
	formats, err := parseFormats("ttl,jsonld,nt")
	if err != nil {
		b.Fatal(err)
	}
	opts := ontology.Options{Base: ontology.DefaultBase}
	encOpts := encoderOptions(opts.Base)

	buildOne := func(in input) error {
		doc, err := extractor.Parse(in.path, in.data)
		if err != nil {
			return err
		}
		res := extractor.Extract(doc)
		var encs fanout
		for _, f := range formats {
			enc, err := exporter.NewEncoder(f, io.Discard, encOpts)
			if err != nil {
				return err
			}
			encs = append(encs, enc)
		}
		if err := ontology.Map(res, opts, encs); err != nil {
			return err
		}
		for _, e := range encs {
			if err := e.Close(); err != nil {
				return err
			}
		}
		return nil
	}

	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, in := range inputs {
			if err := buildOne(in); err != nil {
				b.Fatalf("%s: %v", in.path, err)
			}
		}
	}
	runtime.ReadMemStats(&after)
	n := float64(b.N)
	b.ReportMetric(float64(words)*n/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n/(float64(size)/1e6), "B-alloc/MB-in")
}

// BenchmarkCorpusArticle runs what each worker of a corpus build does for
// an article — extractor.Parse, extractor.Extract, ontology.Map into the
// N-Quads encoder of the article's named graph, in memory — over the
// sample and the articles of ../shared/corpus, as JSON Lines records
// (pipeline.Builder.Article). Reading the corpus and writing shards are left
// out. Metrics: MB/s of article text and triples/s.
func BenchmarkCorpusArticle(b *testing.B) {
	var arts []*corpus.Article
	var size int64
	for _, rec := range testCorpus(b) {
		arts = append(arts, &corpus.Article{ID: rec.ID, Title: rec.Title, Text: []byte(rec.Text), Markup: corpus.PlainText, Source: "bench"})
		size += int64(len(rec.Text))
	}
	w := pipeline.New(pipeline.Options{})
	b.SetBytes(size)
	b.ReportAllocs()
	triples := 0
	cpu0, cpuOK := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			d, err := w.Article(a)
			if err != nil {
				b.Fatal(err)
			}
			triples += d.Triples
		}
	}
	b.ReportMetric(float64(triples)/b.Elapsed().Seconds(), "triples/s")
	// MB of text per CPU-second (GC included): the per-core speed, which
	// other work on the machine does not distort as it does MB/s.
	if cpu1, ok := cpuTime(); ok && cpuOK && cpu1 > cpu0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "MB/cpu-s")
	}
}
