package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/extractor/wikitext"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// parsers turn an article's text into a document, by markup. path names
// the input in errors.
var parsers = map[corpus.Markup]func(path string, data []byte) (*extractor.Document, error){
	corpus.PlainText: extractor.Parse,
	corpus.Wikitext:  wikitext.Parse,
}

// isCorpusBuild says whether build reads its inputs as a corpus: when one
// of them holds many articles (directory, JSON Lines, dump) or a corpus
// flag is given.
func isCorpusBuild(o *buildOptions, files []string) bool {
	if o.shardSize != "" || o.resume || o.gzip {
		return true
	}
	for _, f := range files {
		if f != "-" && corpus.IsCorpus(f) {
			return true
		}
	}
	return false
}

// shardSize reads --shard-size: a number of documents ("1000") or of
// bytes with a unit ("256MB", "1GiB", "500k").
func shardSize(s string) (docs int, size int64, err error) {
	if s == "" {
		return 10000, 0, nil
	}
	t := strings.TrimSpace(s)
	units := []struct {
		suffix string
		n      int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},
		{"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"k", 1e3}, {"B", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || f <= 0 {
				break
			}
			return 0, int64(f * float64(u.n)), nil
		}
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 {
		return 0, 0, fmt.Errorf("--shard-size: %q is neither a number of documents (1000) nor a size (256MB, 1GiB)", s)
	}
	return n, 0, nil
}

// docOut is one article's share of a corpus build.
type docOut struct {
	nq       []byte // its N-Quads, in its own graph; nil when skipped
	triples  int
	textSize int
	entities int
	facts    int
}

// countSink counts the triples passed on to an encoder.
type countSink struct {
	enc exporter.Encoder
	n   int
}

func (c *countSink) Encode(t rdf.Triple) error { c.n++; return c.enc.Encode(t) }

// articleName is the short name of an article's document: the file's
// name for a file, else the slug of the title, else of the ID.
func articleName(a *corpus.Article) string {
	if a.Path != "" {
		return extractor.DocName(a.Path)
	}
	if n := extractor.TitleName(a.Title); n != "" {
		return n
	}
	return extractor.TitleName(a.ID)
}

// corpusWork builds one article's graph as N-Quads in the document's
// named graph, the way build does for a single file.
type corpusWork struct {
	opts    ontology.Options
	encOpts exporter.Options
	linker  linker
}

func (w *corpusWork) article(a *corpus.Article) (docOut, error) {
	out := docOut{textSize: len(a.Text)}
	if len(bytes.TrimSpace(a.Text)) == 0 {
		return out, nil // an empty article has no graph
	}
	parse := parsers[a.Markup]
	if parse == nil {
		return out, fmt.Errorf("%s: %s articles cannot be read: this build has no %s parser", a.Source, a.Markup, a.Markup)
	}
	name := articleName(a)
	if name == "" {
		return out, fmt.Errorf("%s: the article has no name: its title and ID have no letter or digit", a.Source)
	}
	doc, err := parse(a.Source, a.Text)
	if err != nil {
		var ie *extractor.InputError
		if errors.As(err, &ie) && a.Path == "" && ie.Line > 0 {
			// The position is in the article's text, not in the file.
			return out, fmt.Errorf("%s: article %q, line %d, column %d of its text: %s", a.Source, a.Title, ie.Line, ie.Col, ie.Msg)
		}
		return out, err
	}
	doc.Name = name
	if a.Title != "" {
		doc.Title = a.Title
	}
	res := extractor.Extract(doc)
	if w.linker != nil {
		if _, err := w.linker.Link(res); err != nil {
			return out, fmt.Errorf("%s: %w", a.Source, err)
		}
	}
	var buf bytes.Buffer
	buf.Grow(16 * len(a.Text))
	eo := w.encOpts
	eo.Graph = documentIRI(w.opts.Base, name)
	enc, err := exporter.NewEncoder(exporter.NQuads, &buf, eo)
	if err != nil {
		return out, err
	}
	sink := &countSink{enc: enc}
	if err := ontology.Map(res, w.opts, sink); err != nil {
		return out, fmt.Errorf("%s: %w", a.Source, err)
	}
	if err := enc.Close(); err != nil {
		return out, fmt.Errorf("%s: %w", a.Source, err)
	}
	out.nq = buf.Bytes()
	out.triples = sink.n
	out.entities = len(res.Entities)
	out.facts = len(res.Facts)
	return out, nil
}

// corpusSettings are what a resumed run must share with the run it
// continues.
func corpusSettings(o *buildOptions, files []string, docs int, size int64) (map[string]string, error) {
	s := map[string]string{
		"version":    version,
		"base":       o.base,
		"shard-size": fmt.Sprintf("%d documents, %d bytes", docs, size),
		"gzip":       strconv.FormatBool(o.gzip),
		"link":       o.link,
	}
	for i, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return nil, &codedError{exitInput, fmt.Errorf("%s: %w", f, errors.Unwrap(err))}
		}
		n := fi.Size()
		if fi.IsDir() {
			n = 0 // a directory's own size says nothing of its files
		}
		s[fmt.Sprintf("input %d", i)] = fmt.Sprintf("%s (%d bytes)", f, n)
	}
	return s, nil
}

// buildCorpus is build on a corpus: the articles of every input, in
// order, extracted with o.jobs workers and written as sharded N-Quads
// (DIR/part-NNNNN.nq[.gz]) with a manifest for --resume.
func buildCorpus(o *buildOptions, files []string, linker linker, stderr io.Writer) error {
	if o.formats != defaultFormats && o.formats != "nq" {
		return &codedError{exitUsage, fmt.Errorf("build: a corpus is written as sharded N-Quads only: --format %s cannot be used with it", o.formats)}
	}
	for _, f := range files {
		if f == "-" {
			return &codedError{exitUsage, errors.New("build: stdin ('-') cannot be read as part of a corpus")}
		}
	}
	docs, size, err := shardSize(o.shardSize)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	jobs := o.jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	settings, err := corpusSettings(o, files, docs, size)
	if err != nil {
		return err
	}
	r, err := corpus.Open(files)
	if err != nil {
		return &codedError{exitInput, err}
	}
	defer r.Close()

	so := corpus.ShardOptions{Dir: o.out, Ext: exporter.NQuads.Extension, Docs: docs, Bytes: size, Gzip: o.gzip}
	var shards *corpus.Shards
	skip := 0
	if o.resume {
		var done bool
		shards, skip, done, err = corpus.ResumeShards(so, settings)
		if err != nil {
			return &codedError{exitUsage, err}
		}
		if done {
			if !o.quiet {
				fmt.Fprintf(stderr, "%s: the run is complete already (%s)\n", o.out, filepath.Join(o.out, corpus.ManifestName))
			}
			return nil
		}
	} else if shards, err = corpus.CreateShards(so, settings); err != nil {
		return &codedError{exitOutput, err}
	}
	resumed := len(shards.Manifest().Shards)

	w := &corpusWork{opts: ontology.Options{Base: o.base}, encOpts: encoderOptions(o.base), linker: linker}
	var st corpusStats
	prog := newProgress(stderr, o.quiet, r, &st)
	reported := resumed
	report := func() { // one line for each shard finished
		m := shards.Manifest()
		for ; reported < len(m.Shards); reported++ {
			sh := m.Shards[reported]
			prog.line(fmt.Sprintf("%s: %d documents, %d triples", filepath.Join(o.out, sh.File), sh.Documents, sh.Triples))
		}
	}
	articles := skip
	err = corpus.Ordered(r, jobs, skip,
		func(_ int, a *corpus.Article) (docOut, error) { return w.article(a) },
		func(seq int, a *corpus.Article, d docOut) error {
			articles = seq + 1
			st.articles.Add(1)
			st.text.Add(int64(d.textSize))
			if d.nq == nil {
				st.skipped.Add(1)
				return nil
			}
			st.docs.Add(1)
			st.triples.Add(int64(d.triples))
			if err := shards.Add(seq+1, d.nq, d.triples); err != nil {
				return &codedError{exitOutput, err}
			}
			report()
			return nil
		})
	if err == nil {
		if err = shards.Close(articles); err != nil {
			err = &codedError{exitOutput, err}
		}
		report()
	}
	prog.stop()
	if err != nil {
		shards.Abort()
		var ce *codedError
		if !errors.As(err, &ce) {
			err = &codedError{exitInput, err}
		}
		return err
	}
	if !o.quiet {
		m := shards.Manifest()
		el := prog.elapsed().Seconds()
		fmt.Fprintf(stderr, "%s: %d documents (%d empty skipped), %d triples, %.1f MB of text in %.1fs (%.2f MB/s, %.0f documents/s, %d jobs) → %d shards, %s\n",
			o.out, st.docs.Load(), st.skipped.Load(), st.triples.Load(), float64(st.text.Load())/1e6, el,
			float64(st.text.Load())/1e6/el, float64(st.docs.Load())/el, jobs, len(m.Shards), filepath.Join(o.out, corpus.ManifestName))
	}
	return nil
}

// corpusStats are a corpus build's running counts, read by the progress
// display.
type corpusStats struct {
	articles, docs, skipped, triples, text atomic.Int64
}
