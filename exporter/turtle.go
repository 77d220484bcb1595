package exporter

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// turtleEncoder is a streaming Turtle writer. It prints every @prefix line
// first, then one block per run of triples with the same subject:
//
//	kg:almaty a kg:City ;
//	    kg:name "Almaty"@en,
//	        "Алматы"@kk .
//
// It remembers only the current subject and predicate. A subject seen again
// later starts a new block, which is still valid Turtle.
//
// (knakk/rdf's own Turtle encoder is not used: it writes invalid Turtle,
// see docs/LIBRARIES.md.)
type turtleEncoder struct {
	w        *bufio.Writer
	err      error    // first write error, sticky
	prefixes []Prefix // sorted by IRI length, longest first
	open     bool     // a subject block is open
	subj     rdf.Subject
	pred     string
	closed   bool
}

func newTurtleEncoder(w io.Writer, opts Options) (*turtleEncoder, error) {
	if err := checkPrefixes(opts.Prefixes); err != nil {
		return nil, fmt.Errorf("turtle: %w", err)
	}
	e := &turtleEncoder{w: bufio.NewWriterSize(w, 64<<10)}
	for _, p := range opts.Prefixes {
		e.w.WriteString("@prefix ")
		e.w.WriteString(p.Name)
		e.w.WriteString(": <")
		e.w.WriteString(p.IRI)
		e.w.WriteString("> .\n")
	}
	if len(opts.Prefixes) > 0 {
		e.w.WriteByte('\n')
	}
	// Longest namespace first, so the most specific prefix wins; among
	// equal lengths the caller's order decides.
	e.prefixes = slices.Clone(opts.Prefixes)
	slices.SortStableFunc(e.prefixes, func(a, b Prefix) int {
		return cmp.Compare(len(b.IRI), len(a.IRI))
	})
	return e, nil
}

// Encode writes one triple, continuing the current subject block when the
// subject (and predicate) are the same as the previous triple's.
func (e *turtleEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("turtle: %w", ErrClosed)
	}
	if e.err != nil {
		return e.err
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	pred := t.Pred.(rdf.IRI).String()
	switch {
	case e.open && sameSubject(e.subj, t.Subj) && pred == e.pred:
		e.w.WriteString(",\n        ")
	case e.open && sameSubject(e.subj, t.Subj):
		e.w.WriteString(" ;\n    ")
		e.writePredicate(pred)
		e.w.WriteByte(' ')
	default:
		if e.open {
			e.w.WriteString(" .\n\n")
		}
		e.writeSubject(t.Subj)
		e.w.WriteByte(' ')
		e.writePredicate(pred)
		e.w.WriteByte(' ')
		e.open, e.subj = true, t.Subj
	}
	e.pred = pred
	e.writeObject(t.Obj)
	return e.writeErr()
}

// Close ends the last block and flushes the output.
func (e *turtleEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("turtle: %w", ErrClosed)
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	if e.open {
		e.w.WriteString(" .\n\n")
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("turtle: write: %w", err)
		return e.err
	}
	return nil
}

// writeErr returns (and keeps) an error of the buffered writer. bufio.Writer keeps its
// first error and refuses further writes, so checking once per triple is
// enough; an empty Write returns that error without writing.
func (e *turtleEncoder) writeErr() error {
	if _, err := e.w.Write(nil); err != nil {
		e.err = fmt.Errorf("turtle: write: %w", err)
		return e.err
	}
	return nil
}

func sameSubject(a, b rdf.Subject) bool {
	switch a := a.(type) {
	case rdf.IRI:
		b, ok := b.(rdf.IRI)
		return ok && a.String() == b.String()
	case rdf.Blank:
		b, ok := b.(rdf.Blank)
		return ok && a.Serialize(rdf.NTriples) == b.Serialize(rdf.NTriples)
	}
	return false
}

func (e *turtleEncoder) writeSubject(s rdf.Subject) {
	switch s := s.(type) {
	case rdf.IRI:
		e.writeIRI(s.String())
	case rdf.Blank:
		e.w.WriteString(s.Serialize(rdf.NTriples))
	}
}

func (e *turtleEncoder) writePredicate(iri string) {
	if iri == rdfType {
		e.w.WriteByte('a')
		return
	}
	e.writeIRI(iri)
}

func (e *turtleEncoder) writeObject(o rdf.Object) {
	switch o := o.(type) {
	case rdf.IRI:
		e.writeIRI(o.String())
	case rdf.Blank:
		e.w.WriteString(o.Serialize(rdf.NTriples))
	case rdf.Literal:
		e.writeLiteral(o)
	}
}

// writeIRI writes iri as prefix:local when a prefix matches and the rest is
// a safe local name, else as <iri>. iri has passed checkIRI, so it needs no
// escapes.
func (e *turtleEncoder) writeIRI(iri string) {
	for _, p := range e.prefixes {
		if local, ok := strings.CutPrefix(iri, p.IRI); ok && validLocalName(local) {
			e.w.WriteString(p.Name)
			e.w.WriteByte(':')
			e.w.WriteString(local)
			return
		}
	}
	e.w.WriteByte('<')
	e.w.WriteString(iri)
	e.w.WriteByte('>')
}

// writeLiteral writes a literal in its quoted form: "text", "text"@lang or
// "text"^^datatype. An xsd:integer whose lexical form is canonical (see
// isCanonicalInteger) is written bare; any other (such as "1,000" or
// "+5") stays quoted and typed.
func (e *turtleEncoder) writeLiteral(l rdf.Literal) {
	s := l.String()
	if lang := l.Lang(); lang != "" {
		writeQuoted(e.w, s)
		e.w.WriteByte('@')
		e.w.WriteString(lang) // case kept as given
		return
	}
	dt := l.DataType.String()
	if dt == xsdInteger && isCanonicalInteger(s) {
		e.w.WriteString(s)
		return
	}
	writeQuoted(e.w, s)
	if dt != xsdString {
		e.w.WriteString("^^")
		e.writeIRI(dt)
	}
}

// writeQuoted writes s as a Turtle/N-Triples STRING_LITERAL_QUOTE: '"' and
// '\' are backslash-escaped, newline, carriage return and tab use \n, \r,
// \t, every other control character (C0, DEL, C1) is written as \uXXXX.
// Everything else is written as raw UTF-8.
func writeQuoted(w *bufio.Writer, s string) {
	const hex = "0123456789ABCDEF"
	w.WriteByte('"')
	start := 0
	for i, r := range s {
		var esc string
		switch {
		case r == '"':
			esc = `\"`
		case r == '\\':
			esc = `\\`
		case r == '\n':
			esc = `\n`
		case r == '\r':
			esc = `\r`
		case r == '\t':
			esc = `\t`
		case r < 0x20 || 0x7F <= r && r <= 0x9F:
			esc = string([]byte{'\\', 'u', '0', '0', hex[r>>4], hex[r&0xF]})
		default:
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		start = i + utf8.RuneLen(r)
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
