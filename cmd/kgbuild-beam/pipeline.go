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
	Input  string // file or glob of JSON Lines
	Output string // prefix of the shards
	Shards int
	Gzip   bool
	Base   string // base IRI; empty: kgbuild's default
}

func init() {
	register.DoFn3x1[string, string, func(int, string), error](&extractFn{})
	register.Emitter2[int, string]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// Build adds the pipeline to scope s: read the JSON lines, build each
// article's N-Quads, group them by shard, write each shard.
func Build(s beam.Scope, c Config) {
	lines := textio.ReadWithFilename(s, c.Input)
	docs := beam.ParDo(s, &extractFn{Base: c.Base, Shards: c.Shards}, lines)
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

// extractFn turns one JSON line into its article's N-Quads, keyed by the
// shard it goes to.
type extractFn struct {
	Base   string `json:"base"`
	Shards int    `json:"shards"`

	b *pipeline.Builder
}

func (f *extractFn) Setup() { f.b = pipeline.New(pipeline.Options{Base: f.Base}) }

func (f *extractFn) ProcessElement(file, line string, emit func(int, string)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	a, err := corpus.ParseJSONLine([]byte(line), file)
	if err != nil {
		return fmt.Errorf("%s: %w (line %.60q)", file, err, line)
	}
	out, err := f.b.Article(a)
	if err != nil {
		return err
	}
	if out.NQuads == nil {
		return nil // an empty article
	}
	h := fnv.New32a()
	io.WriteString(h, out.Name)
	emit(int(h.Sum32()%uint32(f.Shards)), string(out.NQuads))
	return nil
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
