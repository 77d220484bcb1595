package exporter

import (
	"fmt"
	"io"

	"github.com/knakk/rdf"
)

// ntriplesEncoder wraps knakk/rdf's N-Triples encoder, which is correct for
// this format: it escapes '"', '\', newline and carriage return, writes
// other characters (tab and control characters included, which the grammar
// allows) as raw UTF-8, and keeps language tags as written. It does not
// check terms, so checkTriple does that first.
type ntriplesEncoder struct {
	enc    *rdf.TripleEncoder
	closed bool
}

func newNTriplesEncoder(w io.Writer) *ntriplesEncoder {
	return &ntriplesEncoder{enc: rdf.NewTripleEncoder(w, rdf.NTriples)}
}

// Encode writes one triple as one line.
func (e *ntriplesEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("ntriples: %w", ErrClosed)
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("ntriples: %w", err)
	}
	if err := e.enc.Encode(t); err != nil {
		return fmt.Errorf("ntriples: write: %w", err)
	}
	return nil
}

// Close flushes the output.
func (e *ntriplesEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("ntriples: %w", ErrClosed)
	}
	e.closed = true
	if err := e.enc.Close(); err != nil {
		return fmt.Errorf("ntriples: write: %w", err)
	}
	return nil
}
