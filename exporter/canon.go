package exporter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// CanonicalNQuads returns the canonical form of a dataset: its quads, with
// blank nodes relabelled by the URDNA2015 algorithm of RDF Dataset
// Canonicalization (json-gold's implementation), written as N-Quads lines
// sorted in code point order, duplicates removed. Two datasets have the
// same canonical form exactly when they are isomorphic (the same up to
// blank node labels). A nil graph (quad Ctx) is the default graph.
//
// The quads must pass the encoders' checks (see [NewEncoder]).
//
// json-gold's Normalize with Format "application/n-quads" builds its
// output by string concatenation, quadratic in the number of quads; this
// function runs the algorithm and serializes the quads itself with
// json-gold's NQuadRDFSerializer, then sorts the lines.
func CanonicalNQuads(quads []rdf.Quad) ([]byte, error) {
	ds, err := canonDataset(quads)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = recoverGold(func() error {
		na := ld.NewNormalisationAlgorithm(ld.AlgorithmURDNA2015)
		na.Normalize(ds)
		// Normalize labels the blank nodes of the quads in place.
		canon := ld.NewRDFDataset()
		for _, q := range na.Quads() {
			name := "@default"
			if q.Graph != nil {
				name = q.Graph.GetValue()
			}
			canon.Graphs[name] = append(canon.Graphs[name], q)
		}
		var buf bytes.Buffer
		buf.Grow(len(quads) * 100)
		if err := (&ld.NQuadRDFSerializer{}).SerializeTo(&buf, canon); err != nil {
			return err
		}
		lines := bytes.SplitAfter(buf.Bytes(), []byte("\n"))
		if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
			lines = lines[:n-1]
		}
		slices.SortFunc(lines, bytes.Compare)
		out = bytes.Join(lines, nil)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("canonicalize: %w", err)
	}
	return out, nil
}

// canonDataset converts quads to a json-gold dataset, without duplicate
// quads and with every blank node relabelled _:bN (json-gold's algorithm
// would keep labels that already start with "_:c14n").
func canonDataset(quads []rdf.Quad) (*ld.RDFDataset, error) {
	ds := ld.NewRDFDataset()
	blanks := map[string]string{}
	seen := make(map[string]bool, len(quads))
	node := func(t rdf.Term) ld.Node {
		switch t := t.(type) {
		case rdf.IRI:
			return ld.NewIRI(t.String())
		case rdf.Blank:
			id := t.Serialize(rdf.NTriples)
			l, ok := blanks[id]
			if !ok {
				l = "_:b" + strconv.Itoa(len(blanks))
				blanks[id] = l
			}
			return ld.NewBlankNode(l)
		case rdf.Literal:
			if lang := t.Lang(); lang != "" {
				return ld.NewLiteral(t.String(), ld.RDFLangString, lang)
			}
			return ld.NewLiteral(t.String(), t.DataType.String(), "")
		}
		return nil
	}
	for i, q := range quads {
		if err := checkQuad(q); err != nil {
			return nil, fmt.Errorf("canonicalize: quad %d: %w", i, err)
		}
		key := q.Triple.Serialize(rdf.NQuads) + graphKey(q.Ctx)
		if seen[key] {
			continue
		}
		seen[key] = true
		name := "@default"
		if q.Ctx != nil {
			name = node(q.Ctx).GetValue()
		}
		ds.Graphs[name] = append(ds.Graphs[name], ld.NewQuad(node(q.Subj), node(q.Pred), node(q.Obj), name))
	}
	return ds, nil
}

// recoverGold runs f, turning a panic of json-gold into an error.
func recoverGold(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("json-gold panicked: %v", r)
		}
	}()
	return f()
}

// Fingerprinter is implemented by the encoder of [Canonical]: after a
// successful Close, SHA256 returns the SHA-256 of the canonical N-Quads it
// wrote, in hexadecimal: a fingerprint of the dataset that does not depend
// on the order of the statements or on blank node labels.
type Fingerprinter interface {
	SHA256() string
}

// DefaultMaxCanonicalTriples is the most statements the encoder of
// [Canonical] holds when [Options.MaxTriples] is 0: json-gold's
// canonicalization takes about 1.5 kB of memory a statement.
const DefaultMaxCanonicalTriples = 1_000_000

// canonEncoder keeps the quads and writes their canonical form on Close.
type canonEncoder struct {
	w      io.Writer
	graph  rdf.Context
	check  quadChecker
	quads  []rdf.Quad
	max    int // the most quads kept; < 0: no limit
	sum    string
	closed bool
}

func newCanonEncoder(w io.Writer, opts Options) (*canonEncoder, error) {
	g, err := graphOption(opts)
	if err != nil {
		return nil, fmt.Errorf("canonical: %w", err)
	}
	return &canonEncoder{w: w, graph: g, max: opts.maxTriples(DefaultMaxCanonicalTriples)}, nil
}

// Encode keeps t, in the graph of Options.Graph.
func (e *canonEncoder) Encode(t rdf.Triple) error {
	return e.EncodeQuad(rdf.Quad{Triple: t, Ctx: e.graph})
}

// EncodeQuad keeps q.
func (e *canonEncoder) EncodeQuad(q rdf.Quad) error {
	if e.closed {
		return fmt.Errorf("canonical: %w", ErrClosed)
	}
	if err := e.check.check(q); err != nil {
		return fmt.Errorf("canonical: %w", err)
	}
	if e.max >= 0 && len(e.quads) >= e.max {
		return fmt.Errorf("canonical: %w: more than %d statements (canonicalization holds the dataset in memory, about 1.5 kB a statement; raise the limit)", ErrTooLarge, e.max)
	}
	e.quads = append(e.quads, q)
	return nil
}

// Close canonicalizes the quads, writes them and computes their SHA-256.
func (e *canonEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("canonical: %w", ErrClosed)
	}
	e.closed = true
	out, err := CanonicalNQuads(e.quads)
	e.quads = nil
	if err != nil {
		return fmt.Errorf("canonical: %w", err)
	}
	if _, err := e.w.Write(out); err != nil {
		return fmt.Errorf("canonical: write: %w", err)
	}
	sum := sha256.Sum256(out)
	e.sum = hex.EncodeToString(sum[:])
	return nil
}

// SHA256 returns the SHA-256 of the output, once Close has succeeded.
func (e *canonEncoder) SHA256() string { return e.sum }
