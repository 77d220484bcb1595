// Package prose_test measures the speed of github.com/jdkato/prose/v3's
// named-entity recognition beside kgbuild's own extractor and end-to-end
// path, on the same text in the same run.
//
// It is a separate module (bench/prose/go.mod) so that the main module
// does not depend on prose: kgbuild does not use prose (see
// docs/DEPENDENCIES.md), the comparison is only measured here. Run it with
//
//	make bench-prose
//
// or, in this directory, go test -run '^$' -bench . -benchmem -cpu 1 .
//
// The text is the sample article (../../examples/government-of-kazakhstan.txt)
// and every ../../../shared/corpus/*.txt when ../shared is present next to
// the project root (the sample alone, with a log line, when it is not).
// Every benchmark reports MB/s of input text (b.SetBytes), words/s
// (whitespace-separated words, strings.Fields) and B-alloc/MB-in, the bytes
// allocated per MB (10^6 bytes) of input.
package prose_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

const (
	samplePath = "../../examples/government-of-kazakhstan.txt"
	corpusGlob = "../../../shared/corpus/*.txt"
)

// input is one article.
type input struct {
	path string
	data []byte
}

// inputs reads the sample and the corpus, once per benchmark.
func inputs(tb testing.TB) []input {
	tb.Helper()
	paths := []string{samplePath}
	corpus, _ := filepath.Glob(corpusGlob)
	if len(corpus) == 0 {
		tb.Logf("corpus skipped: no %s (../shared is not checked out next to the project); measuring the sample alone", corpusGlob)
	}
	sort.Strings(corpus)
	paths = append(paths, corpus...)
	var ins []input
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		ins = append(ins, input{p, data})
	}
	return ins
}

// sink keeps the benchmarks' results alive so that no work is optimized
// away.
var sink int

// bench runs work over every input in each iteration and reports MB/s,
// words/s and bytes allocated per MB of input. work returns a count taken
// from its results (entities, facts, triples), kept in sink.
func bench(b *testing.B, work func(input) (int, error)) {
	ins := inputs(b)
	var size, words int
	for _, in := range ins {
		size += len(in.data)
		words += len(strings.Fields(string(in.data)))
	}
	// Warm-up outside the measurement: prose loads its models, kgbuild its
	// gazetteer, once per process.
	for _, in := range ins {
		if _, err := work(in); err != nil {
			b.Fatalf("%s: %v", in.path, err)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, in := range ins {
			n, err := work(in)
			if err != nil {
				b.Fatalf("%s: %v", in.path, err)
			}
			sink += n
		}
	}
	runtime.ReadMemStats(&after)
	iters := float64(b.N)
	b.ReportMetric(float64(words)*iters/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/iters/(float64(size)/1e6), "B-alloc/MB-in")
}

// proseNER runs prose's entity recognition and nothing it does not need:
// tokenization, part-of-speech tagging (extraction requires the tags) and
// extraction; sentence segmentation is off.
func proseNER(in input) (int, error) {
	doc, err := prose.NewDocument(string(in.data), prose.WithSegmentation(false))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range doc.Entities() {
		n += len(e.Label) + e.Start
	}
	return n, nil
}

// BenchmarkProseNER is prose's NER alone: tokenize, tag, extract entities
// (no sentence segmentation).
func BenchmarkProseNER(b *testing.B) { bench(b, proseNER) }

// BenchmarkProseDocument is prose.NewDocument with its default options:
// segmentation, tokenization, tagging and entity extraction.
func BenchmarkProseDocument(b *testing.B) {
	bench(b, func(in input) (int, error) {
		doc, err := prose.NewDocument(string(in.data))
		if err != nil {
			return 0, err
		}
		n := len(doc.Sentences())
		for _, e := range doc.Entities() {
			n += len(e.Label) + e.Start
		}
		return n, nil
	})
}

// BenchmarkKgbuildExtract is kgbuild's extractor: extractor.Parse (blocks,
// tables, footnotes, sentences) and extractor.Extract (typed entities and
// facts with qualifiers and evidence).
func BenchmarkKgbuildExtract(b *testing.B) {
	bench(b, func(in input) (int, error) {
		doc, err := extractor.Parse(in.path, in.data)
		if err != nil {
			return 0, err
		}
		res := extractor.Extract(doc)
		return len(res.Entities) + len(res.Facts), nil
	})
}

// BenchmarkKgbuildEndToEnd is the path of `kgbuild build` from text to the
// three formats: Parse, Extract, ontology.Map streamed into the Turtle,
// N-Triples and JSON-LD encoders (writing to io.Discard), as
// cmd/kgbuild/run.go wires them. Reading and writing files are left out.
func BenchmarkKgbuildEndToEnd(b *testing.B) {
	opts := ontology.Options{Base: ontology.DefaultBase}
	encOpts := encoderOptions(opts.Base)
	// The build's default output, as the issue measures it.
	formats := []exporter.Format{exporter.Turtle, exporter.NTriples, exporter.JSONLD}
	bench(b, func(in input) (int, error) {
		doc, err := extractor.Parse(in.path, in.data)
		if err != nil {
			return 0, err
		}
		res := extractor.Extract(doc)
		encs := fanout{}
		for _, f := range formats {
			enc, err := exporter.NewEncoder(f, io.Discard, encOpts)
			if err != nil {
				return 0, err
			}
			encs.encs = append(encs.encs, enc)
		}
		if err := ontology.Map(res, opts, &encs); err != nil {
			return 0, err
		}
		for _, e := range encs.encs {
			if err := e.Close(); err != nil {
				return 0, err
			}
		}
		return encs.n, nil
	})
}

// encoderOptions is cmd/kgbuild/run.go's: the prefixes and JSON-LD context
// of our vocabulary, plus a prefix for each kind of node minted under base.
func encoderOptions(base string) exporter.Options {
	var ps []exporter.Prefix
	for _, p := range ontology.Prefixes() {
		ps = append(ps, exporter.Prefix(p))
	}
	if base != "" {
		for _, seg := range extractor.Segments() {
			ps = append(ps, exporter.Prefix{Name: seg, IRI: base + seg + "/"})
		}
		for _, p := range ontology.NodePaths() {
			ps = append(ps, exporter.Prefix{Name: strings.TrimSuffix(p, "/"), IRI: base + p})
		}
	}
	return exporter.Options{Prefixes: ps, Context: ontology.Context()}
}

// fanout sends each triple to every encoder, as cmd/kgbuild's fanout does,
// and counts the triples.
type fanout struct {
	encs []exporter.Encoder
	n    int
}

func (f *fanout) Encode(t rdf.Triple) error {
	f.n++
	for _, e := range f.encs {
		if err := e.Encode(t); err != nil {
			return err
		}
	}
	return nil
}

// TestProseEntitiesFirstParagraph documents what prose's NER finds in the
// sample's first paragraph, with its labels, beside what kgbuild's
// extractor finds there (shown by go test -v).
func TestProseEntitiesFirstParagraph(t *testing.T) {
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extractor.Parse(samplePath, data)
	if err != nil {
		t.Fatal(err)
	}
	var para extractor.Span
	for _, bl := range doc.Blocks {
		if bl.Kind == extractor.Paragraph {
			para = bl.Span
			break
		}
	}
	if para.End == 0 {
		t.Fatal("no paragraph in the sample")
	}
	text := doc.Slice(para)
	t.Logf("first paragraph [%d,%d): %s", para.Start, para.End, text)

	pd, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		t.Fatal(err)
	}
	if len(pd.Entities()) == 0 {
		t.Error("prose found no entity in the first paragraph")
	}
	t.Logf("prose: %d entities", len(pd.Entities()))
	for _, e := range pd.Entities() {
		if e.In(text) != e.Text {
			t.Errorf("prose entity %q: offsets %d..%d do not match the text", e.Text, e.Start, e.End())
		}
		t.Logf("  prose    %-12s %q [%d,%d)", e.Label, e.Text, para.Start+e.Start, para.Start+e.End())
	}

	type mention struct {
		e *extractor.Entity
		m extractor.Span
	}
	var ms []mention
	res := extractor.Extract(doc)
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Start >= para.Start && m.End <= para.End {
				ms = append(ms, mention{e, m})
			}
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].m.Start < ms[j].m.Start })
	t.Logf("kgbuild: %d mentions", len(ms))
	for _, x := range ms {
		t.Logf("  kgbuild  %-12s %q [%d,%d) = %q", x.e.Type, doc.Slice(x.m), x.m.Start, x.m.End, x.e.Name)
	}
}
