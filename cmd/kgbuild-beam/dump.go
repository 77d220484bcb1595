package main

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/kgbuild/kgbuild/corpus"
)

// Reading MediaWiki XML dumps. Each file of the glob is one element; a
// multistream dump (NAME-multistream.xml.bz2) with its index beside it
// (NAME-multistream-index.txt.bz2) is split into parts of a few bzip2
// streams each, read by different workers; any other dump (.xml, .xml.gz,
// .xml.bz2 without an index) is read whole by one worker. The pages are
// read by package corpus, as `kgbuild build` reads them.

// dumpPart is a piece of a dump read by one worker: a whole file
// (End < 0 and Part false), or the bytes [Start, End) (End < 0: to the
// end) of a multistream dump, whose wiki's Site comes from its first
// stream.
type dumpPart struct {
	File       string
	Start, End int64
	Part       bool
	Site       string
}

func init() {
	beam.RegisterType(reflect.TypeOf((*dumpPart)(nil)).Elem())
	register.DoFn3x1[context.Context, []byte, func(string), error](&matchFn{})
	register.DoFn3x1[context.Context, string, func(dumpPart), error](&splitDumpFn{})
	register.DoFn3x1[context.Context, dumpPart, func(int, string), error](&dumpExtractFn{})
	register.Emitter1[string]()
	register.Emitter1[dumpPart]()
}

// readDumps adds the reading and extraction of the dumps of glob to s:
// the articles' N-Quads keyed by shard.
func readDumps(s beam.Scope, c Config) beam.PCollection {
	s = s.Scope("ReadDumps")
	files := beam.ParDo(s, &matchFn{Glob: c.Input}, beam.Impulse(s))
	parts := beam.ParDo(s, &splitDumpFn{Streams: c.streams()}, files)
	// Spread the parts over the workers: without it the runner may read
	// them all where the file list was made.
	parts = beam.Reshuffle(s, parts)
	return beam.ParDo(s, &dumpExtractFn{Base: c.Base, Shards: c.Shards}, parts)
}

// matchFn emits the files matching a glob, failing when none does.
type matchFn struct {
	Glob string `json:"glob"`
}

func (f *matchFn) ProcessElement(ctx context.Context, _ []byte, emit func(string)) error {
	fs, err := filesystem.New(ctx, f.Glob)
	if err != nil {
		return err
	}
	defer fs.Close()
	files, err := fs.List(ctx, f.Glob)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no file matches", f.Glob)
	}
	for _, file := range files {
		emit(file)
	}
	return nil
}

// splitDumpFn turns a dump file into the parts read by workers.
type splitDumpFn struct {
	Streams int `json:"streams"` // bzip2 streams a part of a multistream dump
}

func (f *splitDumpFn) ProcessElement(ctx context.Context, file string, emit func(dumpPart)) error {
	parts, err := dumpParts(ctx, file, f.Streams)
	if err != nil {
		return err
	}
	for _, p := range parts {
		emit(p)
	}
	return nil
}

// indexName is the index of a multistream dump's file, "" for another
// file: enwiki-…-pages-articles-multistream.xml.bz2 →
// enwiki-…-pages-articles-multistream-index.txt.bz2.
func indexName(file string) string {
	stem, ok := strings.CutSuffix(file, "-multistream.xml.bz2")
	if !ok {
		return ""
	}
	return stem + "-multistream-index.txt.bz2"
}

// dumpParts splits a dump file: a multistream dump with its index into
// parts of streams bzip2 streams, any other file into one part, itself.
func dumpParts(ctx context.Context, file string, streams int) ([]dumpPart, error) {
	whole := []dumpPart{{File: file, End: -1}}
	index := indexName(file)
	if index == "" {
		return whole, nil
	}
	fs, err := filesystem.New(ctx, file)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	if _, err := fs.Size(ctx, index); err != nil {
		return whole, nil // no index: read it whole
	}
	ir, err := fs.OpenRead(ctx, index)
	if err != nil {
		return nil, err
	}
	defer ir.Close()
	zr, err := corpus.Decompress(index, ir)
	if err != nil {
		return nil, err
	}
	offs, err := corpus.ReadMultistreamIndex(zr, index)
	if err != nil {
		return nil, err
	}
	if len(offs) == 0 || offs[0] == 0 {
		return nil, fmt.Errorf("%s: no page after the first stream: not the index of a multistream dump", index)
	}
	head, err := openRange(ctx, fs, file, 0, offs[0])
	if err != nil {
		return nil, err
	}
	defer head.Close()
	site, err := corpus.DumpSite(head, file)
	if err != nil {
		return nil, err
	}
	var parts []dumpPart
	for i := 0; i < len(offs); i += streams {
		end := int64(-1)
		if j := i + streams; j < len(offs) {
			end = offs[j]
		}
		parts = append(parts, dumpPart{File: file, Start: offs[i], End: end, Part: true, Site: site})
	}
	return parts, nil
}

// openRange opens the bytes [start, end) of a file (end < 0: to its end),
// decompressed by the file's name. A file system whose reader can seek
// (local files) seeks to start; on another the bytes before are read and
// dropped.
func openRange(ctx context.Context, fs filesystem.Interface, file string, start, end int64) (io.ReadCloser, error) {
	rc, err := fs.OpenRead(ctx, file)
	if err != nil {
		return nil, err
	}
	if start > 0 {
		if sk, ok := rc.(io.Seeker); ok {
			_, err = sk.Seek(start, io.SeekStart)
		} else {
			_, err = io.CopyN(io.Discard, rc, start)
		}
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("%s: to byte %d: %w", file, start, err)
		}
	}
	var r io.Reader = rc
	if end >= 0 {
		r = io.LimitReader(rc, end-start)
	}
	zr, err := corpus.Decompress(file, r)
	if err != nil {
		rc.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, closers{zr, rc}}, nil
}

// closers closes each in turn and returns the first error.
type closers []io.Closer

func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// dumpExtractFn reads the articles of a dump part and emits each one's
// N-Quads keyed by its shard.
type dumpExtractFn struct {
	Base   string `json:"base"`
	Shards int    `json:"shards"`

	ex *extractor
}

func (f *dumpExtractFn) Setup() { f.ex = newExtractor(f.Base, f.Shards) }

func (f *dumpExtractFn) ProcessElement(ctx context.Context, p dumpPart, emit func(int, string)) error {
	fs, err := filesystem.New(ctx, p.File)
	if err != nil {
		return err
	}
	defer fs.Close()
	r, err := openRange(ctx, fs, p.File, p.Start, p.End)
	if err != nil {
		return err
	}
	defer r.Close()
	var d *corpus.DumpReader
	if p.Part {
		d = corpus.NewDumpPartReader(r, fmt.Sprintf("%s@%d", p.File, p.Start), p.Site)
	} else if d, err = corpus.NewDumpReader(r, p.File); err != nil {
		return err
	}
	for {
		a, err := d.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f.ex.article(a, emit); err != nil {
			return err
		}
	}
}
