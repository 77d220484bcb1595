// Package pipeline is the path of one article from text to RDF, shared by
// kgbuild build and the Beam pipeline (cmd/kgbuild-beam): the parser
// chosen by the article's markup, the extractor, optional Wikidata
// linking, the ontology mapping, and the N-Quads of the article's own
// named graph.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/extractor/wikitext"
	"github.com/kgbuild/kgbuild/link"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// ParseFunc turns an article's text into a document; path names the input
// in errors.
type ParseFunc func(path string, data []byte) (*extractor.Document, error)

// Parsers are the parsers by markup.
var Parsers = map[corpus.Markup]ParseFunc{
	corpus.PlainText: extractor.Parse,
	corpus.Wikitext:  wikitext.Parse,
}

func init() {
	// Wikitext files in a corpus directory are read as wikitext.
	for _, ext := range wikitext.Extensions {
		corpus.RegisterExtension(ext, corpus.Wikitext)
	}
}

// EncoderOptions are the prefixes and JSON-LD context of our vocabulary,
// plus a prefix for each kind of entity minted under base ("person:").
func EncoderOptions(base string) exporter.Options {
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
	return exporter.Options{Prefixes: ps, Context: ontology.Context(), Embed: ontology.DescriptionClasses()}
}

// DocumentIRI is the IRI ontology.Map gives the document named name under
// base: N-Quads and TriG put the document's triples in the graph of that
// name, so that a store can replace one document's graph alone.
func DocumentIRI(base, name string) string {
	if base == "" {
		base = ontology.DefaultBase
	}
	for _, p := range ontology.NodePaths() {
		if strings.HasPrefix(p, "document") {
			return base + p + name
		}
	}
	return ""
}

// ArticleName is the short name of an article's document: the file's
// name for a file (extractor.DocName), else the slug of the title, else of
// the ID (extractor.TitleName).
func ArticleName(a *corpus.Article) string {
	if a.Path != "" {
		return extractor.DocName(a.Path)
	}
	if n := extractor.TitleName(a.Title); n != "" {
		return n
	}
	return extractor.TitleName(a.ID)
}

// Linker links the entities of one document's result to Wikidata items
// (an offline index, an online service).
type Linker interface {
	Link(res *extractor.Result) (link.Stats, error)
}

// Options configure a Builder.
type Options struct {
	Base   string // base IRI; empty: ontology.DefaultBase
	Linker Linker // nil: no linking
	// Sink also receives every triple of every article (a build's dataset
	// counts); it must be safe for concurrent use. nil: none.
	Sink ontology.Sink
}

// Builder builds articles' graphs. It is safe for concurrent use when its
// Linker is.
type Builder struct {
	opts    ontology.Options
	encOpts exporter.Options
	linker  Linker
	sink    ontology.Sink
}

// New returns a Builder.
func New(o Options) *Builder {
	base := o.Base
	if base == "" {
		base = ontology.DefaultBase
	}
	return &Builder{opts: ontology.Options{Base: base}, encOpts: EncoderOptions(base), linker: o.Linker, sink: o.Sink}
}

// Output is one article's graph.
type Output struct {
	Name     string // the document's short name
	NQuads   []byte // the graph in the document's named graph; nil for an empty article
	Triples  int
	Entities int
	Facts    int
}

// countSink counts the triples passed on to an encoder, and passes them to
// extra too when it is set.
type countSink struct {
	enc   exporter.Encoder
	n     int
	extra ontology.Sink
}

func (c *countSink) Encode(t rdf.Triple) error {
	c.n++
	if c.extra != nil {
		if err := c.extra.Encode(t); err != nil {
			return err
		}
	}
	return c.enc.Encode(t)
}

// Article builds one article's graph as N-Quads in the document's named
// graph, the way kgbuild build does for a single file with --format nq.
// An article with no text but white space has no graph (NQuads nil).
// Errors name the article's source.
func (b *Builder) Article(a *corpus.Article) (Output, error) {
	var out Output
	if len(bytes.TrimSpace(a.Text)) == 0 {
		return out, nil
	}
	parse := Parsers[a.Markup]
	if parse == nil {
		return out, fmt.Errorf("%s: %s articles cannot be read: this build has no %s parser", a.Source, a.Markup, a.Markup)
	}
	out.Name = ArticleName(a)
	if out.Name == "" {
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
	doc.Name = out.Name
	if a.Title != "" {
		doc.Title = a.Title
	}
	if a.Site != "" {
		doc.Site = a.Site // the wiki of a dump's links
	}
	res := extractor.Extract(doc)
	if b.linker != nil {
		if _, err := b.linker.Link(res); err != nil {
			return out, fmt.Errorf("%s: %w", a.Source, err)
		}
	}
	var buf bytes.Buffer
	buf.Grow(16 * len(a.Text))
	eo := b.encOpts
	eo.Graph = DocumentIRI(b.opts.Base, out.Name)
	enc, err := exporter.NewEncoder(exporter.NQuads, &buf, eo)
	if err != nil {
		return out, err
	}
	sink := &countSink{enc: enc, extra: b.sink}
	if err := ontology.Map(res, b.opts, sink); err != nil {
		return out, fmt.Errorf("%s: %w", a.Source, err)
	}
	if err := enc.Close(); err != nil {
		return out, fmt.Errorf("%s: %w", a.Source, err)
	}
	out.NQuads = buf.Bytes()
	out.Triples = sink.n
	out.Entities = len(res.Entities)
	out.Facts = len(res.Facts)
	return out, nil
}
