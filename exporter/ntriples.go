package exporter

import (
	"bufio"
	"fmt"
	"io"

	"github.com/knakk/rdf"
)

// ntriplesEncoder writes N-Triples, one triple a line, with the N-Quads
// line writer (writeNQuad, default graph): '"', '\', newline and carriage
// return escaped in literals, other characters (tab and control
// characters included, which the grammar allows) raw UTF-8, language tags
// as written. checkTriple checks the terms first.
//
// knakk/rdf's N-Triples encoder (rdf.NewTripleEncoder(w, rdf.NTriples))
// writes the same bytes but is about six times slower (BenchmarkNTriples
// 5.7 M triples/s, BenchmarkNTriplesKnakk 0.9 M, one core: it builds each
// line as a string with Serialize, 16 allocations a triple), so it is only
// the reference in tests: TestNTriplesMatchesKnakk checks that the output
// is byte for byte the same.
type ntriplesEncoder struct {
	w      *bufio.Writer
	err    error // first write error, sticky
	closed bool
}

func newNTriplesEncoder(w io.Writer) *ntriplesEncoder {
	return &ntriplesEncoder{w: bufio.NewWriterSize(w, 64<<10)}
}

// Encode writes one triple as one line.
func (e *ntriplesEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("ntriples: %w", ErrClosed)
	}
	if e.err != nil {
		return e.err
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("ntriples: %w", err)
	}
	writeNQuad(e.w, rdf.Quad{Triple: t})
	// bufio.Writer keeps its first error: an empty write reports it.
	if _, err := e.w.Write(nil); err != nil {
		e.err = fmt.Errorf("ntriples: write: %w", err)
		return e.err
	}
	return nil
}

// Close flushes the output.
func (e *ntriplesEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("ntriples: %w", ErrClosed)
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("ntriples: write: %w", err)
		return e.err
	}
	return nil
}
