package exporter

import (
	"fmt"
	"io"

	"github.com/knakk/rdf"
)

// QuadEncoder is an [Encoder] of a dataset format (N-Quads, TriG, JSON-LD): besides
// triples, which go to the graph named by [Options.Graph], it takes quads,
// triples in a graph of their own.
//
// EncodeQuad writes q.Triple in the graph q.Ctx: an IRI or a blank node
// names a graph, nil is the default graph. (knakk/rdf's N-Quads decoder
// puts default-graph triples in a graph it calls _:defaultGraph; an
// encoder cannot tell that from a real blank node, so it writes it as
// one. [NewDecoder] gives nil instead.)
//
// The encoders stream like the triple ones: quads of one graph, and within
// it triples of one subject, should come together for compact TriG; a
// graph seen again later starts a new block.
type QuadEncoder interface {
	Encoder
	EncodeQuad(rdf.Quad) error
}

// Dataset reports whether the format holds named graphs (N-Quads, TriG,
// canonical N-Quads, JSON-LD and framed JSON-LD): its encoders are
// [QuadEncoder]s.
func (f Format) Dataset() bool {
	switch f.kind {
	case kindNQuads, kindTriG, kindCanonical, kindJSONLD, kindJSONLDFramed:
		return true
	}
	return false
}

// NewQuadEncoder returns an encoder of quads writing format f to w. It
// fails for formats without named graphs (see [Format.Dataset]).
func NewQuadEncoder(f Format, w io.Writer, opts Options) (QuadEncoder, error) {
	if !f.Dataset() {
		return nil, fmt.Errorf("exporter: %s has no named graphs", f.Name)
	}
	enc, err := NewEncoder(f, w, opts)
	if err != nil {
		return nil, err
	}
	return enc.(QuadEncoder), nil
}

// graphOption returns the graph of Options.Graph: nil for the default
// graph.
func graphOption(opts Options) (rdf.Context, error) {
	if opts.Graph == "" {
		return nil, nil
	}
	if err := checkIRI(opts.Graph); err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	g, err := rdf.NewIRI(opts.Graph)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	return g, nil
}

// checkQuad is checkTriple for a quad: its graph, when not the default
// one, must be a valid IRI or blank node.
func checkQuad(q rdf.Quad) error {
	if err := checkTriple(q.Triple); err != nil {
		return err
	}
	return checkGraph(q.Ctx)
}

// quadChecker is checkQuad remembering the last graph that passed, so
// that a run of quads in one graph checks the graph once.
type quadChecker struct {
	ok    rdf.Context
	valid bool // ok has passed
}

func (c *quadChecker) check(q rdf.Quad) error {
	if err := checkTriple(q.Triple); err != nil {
		return err
	}
	if c.valid && sameGraph(q.Ctx, c.ok) {
		return nil
	}
	if err := checkGraph(q.Ctx); err != nil {
		return err
	}
	c.ok, c.valid = q.Ctx, true
	return nil
}

// checkGraph accepts nil (the default graph) and the IRIs and blank nodes
// checkTriple accepts.
func checkGraph(g rdf.Context) error {
	switch g := g.(type) {
	case nil:
	case rdf.IRI:
		if err := checkIRI(g.String()); err != nil {
			return fmt.Errorf("graph: %w", err)
		}
	case rdf.Blank:
		if err := checkBlank(g); err != nil {
			return fmt.Errorf("graph: %w", err)
		}
	default:
		return fmt.Errorf("graph: unsupported term type %T", g)
	}
	return nil
}

// graphKey identifies a graph term: "" for the default graph, "<iri>" or
// "_:label".
func graphKey(g rdf.Context) string {
	switch g := g.(type) {
	case rdf.IRI:
		return "<" + g.String() + ">"
	case rdf.Blank:
		return g.Serialize(rdf.NTriples)
	}
	return ""
}

// sameGraph reports whether a and b are the same graph term (nil is the
// default graph), without allocating.
func sameGraph(a, b rdf.Context) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return sameSubject(a, b)
}
