package exporter

import (
	"fmt"
	"io"

	"github.com/knakk/rdf"
)

// trigEncoder is a streaming TriG writer. It prints the @prefix lines
// first, then the triples of the default graph at the top level, as
// Turtle, and those of each named graph in a block, one subject block per
// run of triples with the same subject:
//
//	document:almaty {
//	    kg:almaty a kg:City ;
//	        kg:name "Almaty"@en,
//	            "Алматы"@kk .
//	}
//
// Terms are written by the Turtle writer (prefixed names only where the
// local name needs no escape, literals quoted unless they are plain
// integers). Graph blocks are written without TriG 1.1's optional GRAPH
// keyword, which older parsers (raptor 2.0) reject. It remembers only the
// current graph, subject and predicate:
// a graph seen again later opens another block for it, which TriG merges
// with the first.
type trigEncoder struct {
	t       *turtleEncoder // its writer, prefixes and term writers
	graph   rdf.Context    // of Encode; nil: the default graph
	cur     rdf.Context    // the graph being written; nil: the default graph
	inGraph bool           // a graph block is open
	wrote   bool           // something was written after the prefixes
	open    bool           // a subject block is open
	subj    rdf.Subject
	pred    string
	check   quadChecker
	err     error // first write error, sticky
	closed  bool
}

func newTriGEncoder(w io.Writer, opts Options) (*trigEncoder, error) {
	g, err := graphOption(opts)
	if err != nil {
		return nil, fmt.Errorf("trig: %w", err)
	}
	t, err := newTurtleEncoder(w, opts)
	if err != nil {
		return nil, fmt.Errorf("trig: %w", err)
	}
	return &trigEncoder{t: t, graph: g}, nil
}

// Encode writes t in the graph of Options.Graph.
func (e *trigEncoder) Encode(t rdf.Triple) error {
	return e.EncodeQuad(rdf.Quad{Triple: t, Ctx: e.graph})
}

// EncodeQuad writes one quad, continuing the current graph block and
// subject block when graph and subject (and predicate) are those of the
// previous quad.
func (e *trigEncoder) EncodeQuad(q rdf.Quad) error {
	if e.closed {
		return fmt.Errorf("trig: %w", ErrClosed)
	}
	if e.err != nil {
		return e.err
	}
	if err := e.check.check(q); err != nil {
		return fmt.Errorf("trig: %w", err)
	}
	w := e.t.w
	if same := sameGraph(q.Ctx, e.cur); !same || !e.wrote {
		if !same {
			e.endGraph()
		}
		if e.wrote && !e.open {
			w.WriteByte('\n')
		}
		if q.Ctx != nil && !e.inGraph {
			e.t.writeSubject(q.Ctx)
			w.WriteString(" {\n")
			e.inGraph = true
		}
		e.cur = q.Ctx
	}
	e.wrote = true
	indent := ""
	if e.inGraph {
		indent = "    "
	}
	pred := q.Pred.(rdf.IRI).String()
	switch {
	case e.open && sameSubject(e.subj, q.Subj) && pred == e.pred:
		w.WriteString(",\n")
		w.WriteString(indent)
		w.WriteString("        ")
	case e.open && sameSubject(e.subj, q.Subj):
		w.WriteString(" ;\n")
		w.WriteString(indent)
		w.WriteString("    ")
		e.t.writePredicate(pred)
		w.WriteByte(' ')
	default:
		if e.open {
			w.WriteString(" .\n\n")
		}
		w.WriteString(indent)
		e.t.writeSubject(q.Subj)
		w.WriteByte(' ')
		e.t.writePredicate(pred)
		w.WriteByte(' ')
		e.open, e.subj = true, q.Subj
	}
	e.pred = pred
	e.t.writeObject(q.Obj)
	if _, err := w.Write(nil); err != nil {
		e.err = fmt.Errorf("trig: write: %w", err)
		return e.err
	}
	return nil
}

// endGraph ends the open subject block and graph block, if any.
func (e *trigEncoder) endGraph() {
	if e.open {
		e.t.w.WriteString(" .\n")
		e.open = false
	}
	if e.inGraph {
		e.t.w.WriteString("}\n")
		e.inGraph = false
	}
}

// Close ends the last blocks and flushes the output.
func (e *trigEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("trig: %w", ErrClosed)
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	e.endGraph()
	if err := e.t.w.Flush(); err != nil {
		e.err = fmt.Errorf("trig: write: %w", err)
		return e.err
	}
	return nil
}
