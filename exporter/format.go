// Package exporter writes RDF graphs as Turtle, N-Triples and JSON-LD, and
// RDF datasets (graphs with named graphs) as N-Quads and TriG.
//
// Terms are those of github.com/knakk/rdf. The RDF writers know no
// vocabulary: the namespace prefixes and the JSON-LD context are given by
// the caller in [Options]. The one writer that is not RDF, [QuickStatements]
// (Wikidata's batch-edit commands), reads the Wikidata statement model in
// the terms of package ontology.
//
// An [Encoder] is a sink for triples. Every encoder streams: it writes each
// triple as it comes (through a buffer flushed by Close) and keeps only the
// current subject (and, for JSON-LD, the current node object), so callers
// should emit the triples of one subject together to get compact Turtle and
// JSON-LD. A [QuadEncoder] also takes quads, for the dataset formats.
//
// Every encoder checks each triple before writing it and rejects, with an
// error and without writing anything, terms that cannot be written validly:
// relative IRIs, IRIs with characters that IRIREF forbids, blank node labels
// outside the N-Triples/Turtle grammar, malformed language tags, strings that
// are not valid UTF-8. After such an error the encoder is still usable.
//
// Output is deterministic: the same triples in the same order give the same
// bytes.
package exporter

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/knakk/rdf"
)

// formatKind tells NewEncoder which writer a Format selects.
type formatKind uint8

const (
	kindTurtle formatKind = iota + 1
	kindNTriples
	kindJSONLD
	kindNQuads
	kindTriG
	kindCanonical
	kindQS
	kindJSONLDFramed
)

// Format describes one RDF serialization format.
//
// Format values are comparable: compare with the package variables
// (f == exporter.Turtle). Only the values from this package ([Turtle],
// [NTriples], [JSONLD], [NQuads], [TriG], [Canonical], [JSONLDFramed],
// [Formats], [Lookup]) are usable with [NewEncoder].
type Format struct {
	Name      string // short name used on command lines: "ttl", "nt", "jsonld"
	Extension string // file name extension with its dot: ".ttl"
	MediaType string // IANA media type: "text/turtle"

	kind    formatKind
	aliases string // other accepted names, space-separated
}

// The formats this package writes.
var (
	// Turtle is W3C Turtle 1.1, written by this package's own streaming writer.
	Turtle = Format{Name: "ttl", Extension: ".ttl", MediaType: "text/turtle",
		kind: kindTurtle, aliases: "turtle"}
	// NTriples is W3C N-Triples, written by this package's line writer
	// (byte for byte what knakk/rdf's encoder writes, six times faster).
	NTriples = Format{Name: "nt", Extension: ".nt", MediaType: "application/n-triples",
		kind: kindNTriples, aliases: "ntriples n-triples"}
	// JSONLD is JSON-LD 1.1 in compacted form, written by this package's
	// streaming compactor over the caller's context: a node object per run
	// of triples of one subject. Named graphs are graph objects ("@id" and
	// "@graph"); its encoders are [QuadEncoder]s.
	JSONLD = Format{Name: "jsonld", Extension: ".jsonld", MediaType: "application/ld+json",
		kind: kindJSONLD, aliases: "json-ld"}
	// NQuads is W3C N-Quads, written by this package's line writer (the same
	// bytes as knakk/rdf's serializer, which is the reference in tests). Its
	// encoders are [QuadEncoder]s.
	NQuads = Format{Name: "nq", Extension: ".nq", MediaType: "application/n-quads",
		kind: kindNQuads, aliases: "nquads n-quads"}
	// TriG is W3C TriG, written by this package's own streaming writer with
	// the Turtle writer's terms. Its encoders are [QuadEncoder]s.
	TriG = Format{Name: "trig", Extension: ".trig", MediaType: "application/trig",
		kind: kindTriG}
	// Canonical is canonical N-Quads: the dataset with blank nodes labelled
	// by RDF Dataset Canonicalization (URDNA2015), lines sorted (see
	// [CanonicalNQuads]). Its encoder keeps the quads until Close and then
	// knows the SHA-256 of what it wrote (see [Fingerprinter]). Its media
	// type is N-Quads', which Lookup gives to [NQuads].
	Canonical = Format{Name: "canonical", Extension: ".c14n.nq", MediaType: "application/n-quads",
		kind: kindCanonical, aliases: "c14n urdna2015"}
	// JSONLDFramed is JSON-LD compacted like [JSONLD] and framed as a
	// tree: each graph is held in memory (up to [Options.MaxTriples]
	// triples, [DefaultMaxFramedTriples] by default) and written as one
	// node object per subject, in order of first appearance, with the
	// nodes it refers to embedded in it when they are blank nodes or have
	// a class of [Options.Embed] (such as statements and references), each
	// embedded once (JSON-LD framing's "@embed": "@once"), at most 16
	// levels deep. Other nodes (entities, documents), and nodes to embed
	// that no other node refers to, are top-level node objects. The same
	// triples and the same order give the same bytes. Its media type is
	// JSON-LD's, which Lookup gives to [JSONLD]; its extension is
	// ".framed.jsonld".
	JSONLDFramed = Format{Name: "jsonld-framed", Extension: ".framed.jsonld", MediaType: "application/ld+json",
		kind: kindJSONLDFramed, aliases: "framed json-ld-framed"}
)

// DefaultMaxFramedTriples is the most triples of one graph that the
// encoder of [JSONLDFramed] holds when [Options.MaxTriples] is 0.
const DefaultMaxFramedTriples = 1_000_000

// ErrTooLarge is wrapped by the errors of the encoders that hold
// statements in memory ([JSONLDFramed], [Canonical]) when they are given
// more than [Options.MaxTriples].
var ErrTooLarge = errors.New("too many statements to hold in memory")

// Formats returns the supported formats in a fixed order: Turtle, N-Triples,
// JSON-LD, N-Quads, TriG, canonical N-Quads, framed JSON-LD. The slice is
// new on every call.
func Formats() []Format {
	return []Format{Turtle, NTriples, JSONLD, NQuads, TriG, Canonical, JSONLDFramed}
}

// String returns the format's name.
func (f Format) String() string { return f.Name }

// Lookup finds a format by name ("ttl", also "turtle", "ntriples",
// "n-triples", "json-ld"), by file name extension with or without its dot
// (".ttl", "ttl"), by file name ("out.ttl", "dir/out.jsonld") or by media
// type ("text/turtle", parameters such as "; charset=utf-8" are ignored).
// Besides the RDF formats of [Formats] it finds [QuickStatements] ("qs").
// Matching is case-insensitive. It reports false when nothing matches.
func Lookup(s string) (Format, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Format{}, false
	}
	if mt, _, ok := strings.Cut(s, ";"); ok {
		s = strings.TrimSpace(mt)
	}
	for _, f := range lookupFormats() {
		if s == f.Name || s == f.MediaType || s == f.Extension || "."+s == f.Extension {
			return f, true
		}
		for _, a := range strings.Fields(f.aliases) {
			if s == a {
				return f, true
			}
		}
	}
	// A file name: match its extension, the longest first ("x.c14n.nq"
	// is canonical N-Quads, "x.nq" N-Quads).
	for _, f := range Formats() {
		if strings.Count(f.Extension, ".") > 1 && strings.HasSuffix(s, f.Extension) &&
			len(s) > len(f.Extension) && !strings.HasSuffix(s, "/"+f.Extension) {
			return f, true
		}
	}
	if ext := filepath.Ext(s); ext != "" && ext != s {
		for _, f := range lookupFormats() {
			if ext == f.Extension {
				return f, true
			}
		}
	}
	return Format{}, false
}

// lookupFormats are the formats Lookup finds: the RDF formats and
// QuickStatements.
func lookupFormats() []Format { return append(Formats(), QuickStatements) }

// Prefix is a namespace prefix: Name is the prefix label without its colon
// ("kg", or "" for the empty prefix) and IRI the namespace it stands for.
type Prefix struct {
	Name, IRI string
}

// Options configures an encoder.
type Options struct {
	// Prefixes are the namespace prefixes, in the order Turtle prints them.
	// Turtle abbreviates IRIs with them; JSON-LD uses them as its context
	// when Context is empty; N-Triples ignores them.
	Prefixes []Prefix

	// Context is the JSON-LD context used for compaction, as JSON: either
	// the context object itself ({"kg": "https://…", …}) or a document
	// holding it ({"@context": {…}}). It is copied into the output. Remote
	// contexts (URLs) are not fetched: they make the encoder fail. Other
	// formats ignore it.
	Context []byte

	// Graph is the IRI of the named graph that the encoders of N-Quads,
	// TriG and canonical N-Quads put the triples given to Encode in; empty
	// means the default graph. It must be absolute. Triple formats ignore
	// it, and so does JSON-LD: its Encode writes the default graph, the
	// one consumers of a page's JSON-LD read (named graphs come with
	// EncodeQuad).
	Graph string

	// QSCreate makes the QuickStatements encoder write a CREATE block for
	// each entity without a Wikidata link, instead of leaving its
	// statements out (see [QuickStatements]). Other formats ignore it.
	QSCreate bool

	// Embed lists the classes (rdf:type IRIs) of the nodes that
	// [JSONLDFramed] writes inside the node referring to them rather than
	// at top level: statements, references. (Blank nodes are always
	// embedded.) Other formats ignore it.
	Embed []string

	// MaxTriples bounds the statements held in memory by the encoders
	// that hold them: [JSONLDFramed] (per graph) and [Canonical] (the whole
	// dataset). Beyond it, Encode fails with an error wrapping
	// [ErrTooLarge]. 0 means the format's default
	// ([DefaultMaxFramedTriples], [DefaultMaxCanonicalTriples]); a negative
	// value means no limit. Streaming formats ignore it.
	MaxTriples int
}

// maxTriples returns Options.MaxTriples, or def when it is 0.
func (o Options) maxTriples(def int) int {
	if o.MaxTriples == 0 {
		return def
	}
	return o.MaxTriples
}

// Encoder is a sink for RDF triples in one format.
//
// Encode writes (or, for framed JSON-LD and canonical N-Quads, keeps) one
// triple. Close finishes the
// document and flushes it to the underlying writer; it does not close that
// writer. An Encoder is not safe for concurrent use.
type Encoder interface {
	Encode(rdf.Triple) error
	Close() error
}

// ErrClosed is returned by Encode and Close on an encoder already closed.
var ErrClosed = errors.New("exporter: encoder is closed")

// NewEncoder returns an encoder writing format f to w.
func NewEncoder(f Format, w io.Writer, opts Options) (Encoder, error) {
	if w == nil {
		return nil, fmt.Errorf("exporter: %s: nil writer", f.Name)
	}
	switch f.kind {
	case kindTurtle:
		return newTurtleEncoder(w, opts)
	case kindNTriples:
		return newNTriplesEncoder(w), nil
	case kindJSONLD:
		return newJSONLDEncoder(w, opts, false)
	case kindJSONLDFramed:
		return newJSONLDEncoder(w, opts, true)
	case kindNQuads:
		return newNQuadsEncoder(w, opts)
	case kindTriG:
		return newTriGEncoder(w, opts)
	case kindCanonical:
		return newCanonEncoder(w, opts)
	case kindQS:
		return newQSEncoder(w, opts), nil
	}
	return nil, fmt.Errorf("exporter: unknown format %q", f.Name)
}

// WriteAll writes triples to w in format f: NewEncoder, Encode for each
// triple in order, Close. It stops at the first triple that cannot be
// written and returns its error without closing the encoder, so that no
// more output is flushed (what was flushed already stays written).
func WriteAll(f Format, w io.Writer, opts Options, triples []rdf.Triple) error {
	enc, err := NewEncoder(f, w, opts)
	if err != nil {
		return err
	}
	for i, t := range triples {
		if err := enc.Encode(t); err != nil {
			return fmt.Errorf("triple %d: %w", i, err)
		}
	}
	return enc.Close()
}
