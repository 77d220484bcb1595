package main

import (
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
	"github.com/kgbuild/kgbuild/pipeline"
)

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
	if n, ok := parseBytes(s); ok {
		return 0, n, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n <= 0 {
		return 0, 0, fmt.Errorf("--shard-size: %q is neither a number of documents (1000) nor a size (256MB, 1GiB)", s)
	}
	return n, 0, nil
}

// parseBytes reads a positive size with a unit: "256MB", "1GiB", "500k".
func parseBytes(s string) (int64, bool) {
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
				return 0, false
			}
			return int64(f * float64(u.n)), true
		}
	}
	return 0, false
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
		n, err := corpus.Size(f) // of a directory: of its article files
		if err != nil {
			return nil, &codedError{exitInput, err}
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
	ds, err := newDatasetRun(&o.dataset, os.Getenv)
	if err != nil {
		return err
	}
	defer ds.close() // on failure; on success finishCorpus closes it
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
	if err := ds.countShards(o.out, shards.Manifest().Shards); err != nil {
		shards.Abort()
		return err
	}

	popts := pipeline.Options{Base: o.base, Linker: linker}
	if ds.stats != nil { // a nil *Stats is no nil Sink
		popts.Sink = ds.stats
	}
	b := pipeline.New(popts)
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
		func(_ int, a *corpus.Article) (pipeline.Output, error) { return b.Article(a) },
		func(seq int, a *corpus.Article, d pipeline.Output) error {
			articles = seq + 1
			st.articles.Add(1)
			st.text.Add(int64(len(a.Text)))
			if d.NQuads == nil {
				st.skipped.Add(1)
				return nil
			}
			st.docs.Add(1)
			st.triples.Add(int64(d.Triples))
			if err := shards.Add(seq+1, d.NQuads, d.Triples); err != nil {
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
	return ds.finishCorpus(o, files, shards.Manifest(), linker != nil, stderr)
}

// corpusStats are a corpus build's running counts, read by the progress
// display.
type corpusStats struct {
	articles, docs, skipped, triples, text atomic.Int64
}
