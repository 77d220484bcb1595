package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/pipeline"
)

// Config is what a kgbuild-beam run reads and writes.
type Config struct {
	// Input is a file or glob of JSON Lines (.jsonl, .ndjson, optionally
	// .gz) or of MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz, part files
	// .xml-p1p41242.bz2): dumps when ".xml" is in its name.
	Input  string
	Output string // prefix of the shards
	Shards int
	Gzip   bool
	Base   string // base IRI; empty: kgbuild's default
	// Streams is the number of bzip2 streams (of 100 pages each) a worker
	// reads at a time from a multistream dump with an index; 0: 10.
	Streams int
}

func (c Config) streams() int {
	if c.Streams <= 0 {
		return 10
	}
	return c.Streams
}

func init() {
	register.DoFn3x1[string, string, func(int, string), error](&extractFn{})
	register.Emitter2[int, string]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// Build adds the pipeline to scope s: read the JSON lines or the dumps,
// build each article's N-Quads, group them by shard, write each shard.
func Build(s beam.Scope, c Config) {
	var docs beam.PCollection
	if isDumpInput(c.Input) {
		docs = readDumps(s, c)
	} else {
		lines := textio.ReadWithFilename(s, c.Input)
		docs = beam.ParDo(s, &extractFn{Base: c.Base, Shards: c.Shards}, lines)
	}
	byShard := beam.GroupByKey(s, docs)
	beam.ParDo0(s, &writeShardFn{Output: c.Output, Shards: c.Shards, Gzip: c.Gzip}, byShard)
}

// ShardName is the file of shard i of n.
func ShardName(prefix string, i, n int, gz bool) string {
	name := fmt.Sprintf("%s-%05d-of-%05d.nq", prefix, i, n)
	if gz {
		name += ".gz"
	}
	return name
}

// isDumpInput says whether the input glob names MediaWiki XML dumps:
// ".xml" in its name (x.xml.bz2, a part file x.xml-p1p41242.bz2, a glob
// x.xml*).
func isDumpInput(glob string) bool {
	return corpus.KindOf(glob) == corpus.Dump || strings.Contains(strings.ToLower(glob), ".xml")
}

// extractor builds articles' N-Quads and keys them by shard.
type extractor struct {
	b      *pipeline.Builder
	shards int
}

func newExtractor(base string, shards int) *extractor {
	return &extractor{b: pipeline.New(pipeline.Options{Base: base}), shards: shards}
}

// article emits a's N-Quads keyed by its shard, a hash of the document's
// name; nothing for an empty article.
func (x *extractor) article(a *corpus.Article, emit func(int, string)) error {
	out, err := x.b.Article(a)
	if err != nil {
		return err
	}
	if out.NQuads == nil {
		return nil // an empty article
	}
	h := fnv.New32a()
	io.WriteString(h, out.Name)
	emit(int(h.Sum32()%uint32(x.shards)), string(out.NQuads))
	return nil
}

// extractFn turns one JSON line into its article's N-Quads, keyed by the
// shard it goes to.
type extractFn struct {
	Base   string `json:"base"`
	Shards int    `json:"shards"`

	ex *extractor
}

func (f *extractFn) Setup() { f.ex = newExtractor(f.Base, f.Shards) }

func (f *extractFn) ProcessElement(file, line string, emit func(int, string)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	a, err := corpus.ParseJSONLine([]byte(line), file)
	if err != nil {
		return fmt.Errorf("%s: %w (line %.60q)", file, err, line)
	}
	return f.ex.article(a, emit)
}

// writeShardFn writes one shard's documents to its file.
type writeShardFn struct {
	Output string `json:"output"`
	Shards int    `json:"shards"`
	Gzip   bool   `json:"gzip"`
}

func (w *writeShardFn) ProcessElement(ctx context.Context, shard int, docs func(*string) bool) error {
	name := ShardName(w.Output, shard, w.Shards, w.Gzip)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	buf := bufio.NewWriterSize(fd, 1<<20)
	var out io.Writer = buf
	var zw *gzip.Writer
	if w.Gzip {
		zw, _ = gzip.NewWriterLevel(buf, gzip.BestSpeed)
		out = zw
	}
	var doc string
	for docs(&doc) {
		if _, err := io.WriteString(out, doc); err != nil {
			fd.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			fd.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := buf.Flush(); err != nil {
		fd.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return fd.Close()
}
