package exporter

import (
	"bufio"
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
// Only the quads with a blank node go through json-gold: the labels
// URDNA2015 gives depend on them alone, and the other quads are written
// as they are, by canonLine, with the bytes json-gold's N-Quads serializer
// would give them. json-gold holds about 1.6 kB a quad; a quad without
// blank nodes costs its line. (json-gold's Normalize with Format
// "application/n-quads" also builds its output by string concatenation,
// quadratic in the number of quads: the algorithm is run here, and its
// quads serialized with json-gold's NQuadRDFSerializer.)
func CanonicalNQuads(quads []rdf.Quad) ([]byte, error) {
	var c canonicalizer
	for i, q := range quads {
		if err := checkQuad(q); err != nil {
			return nil, fmt.Errorf("canonicalize: quad %d: %w", i, err)
		}
		c.add(q)
	}
	var b bytes.Buffer
	if err := c.write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// canonicalizer collects the quads of a dataset and writes their canonical
// form.
type canonicalizer struct {
	buf   []byte     // canonical lines of the quads without blank nodes
	lines []lineSpan // their spans in buf
	blank []rdf.Quad // the quads with a blank node, for json-gold
}

// lineSpan is a line of canonicalizer.buf: buf[off:end].
type lineSpan struct{ off, end int }

// add takes a checked quad.
func (c *canonicalizer) add(q rdf.Quad) {
	if hasBlank(q) {
		c.blank = append(c.blank, q)
		return
	}
	off := len(c.buf)
	c.buf = appendCanonLine(c.buf, q)
	c.lines = append(c.lines, lineSpan{off, len(c.buf)})
}

// hasBlank tells whether a quad has a blank node (subject, object or
// graph).
func hasBlank(q rdf.Quad) bool {
	_, s := q.Subj.(rdf.Blank)
	_, o := q.Obj.(rdf.Blank)
	_, g := q.Ctx.(rdf.Blank)
	return s || o || g
}

// write canonicalizes the quads with blank nodes and writes every line,
// sorted, without duplicates, to w. It leaves c empty.
func (c *canonicalizer) write(w io.Writer) error {
	if len(c.blank) > 0 {
		ds := canonDataset(c.blank)
		c.blank = nil
		err := recoverGold(func() error {
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
			var out bytes.Buffer
			if err := (&ld.NQuadRDFSerializer{}).SerializeTo(&out, canon); err != nil {
				return err
			}
			for _, l := range bytes.SplitAfter(out.Bytes(), []byte("\n")) {
				if len(l) > 0 {
					off := len(c.buf)
					c.buf = append(c.buf, l...)
					c.lines = append(c.lines, lineSpan{off, len(c.buf)})
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("canonicalize: %w", err)
		}
	}
	buf := c.buf
	line := func(s lineSpan) []byte { return buf[s.off:s.end] }
	slices.SortFunc(c.lines, func(a, b lineSpan) int { return bytes.Compare(line(a), line(b)) })
	bw := bufio.NewWriterSize(w, 64<<10)
	var prev []byte
	for i, s := range c.lines {
		l := line(s)
		if i > 0 && bytes.Equal(l, prev) {
			continue
		}
		bw.Write(l)
		prev = l
	}
	c.buf, c.lines = nil, nil
	return bw.Flush()
}

// appendCanonLine appends the N-Quads line of a quad without blank nodes,
// as json-gold's NQuadRDFSerializer writes it (and so as
// CanonicalNQuads did when every quad went through json-gold): terms
// escaped by canonEscape, literals of xsd:string without datatype,
// language tags as given.
func appendCanonLine(b []byte, q rdf.Quad) []byte {
	b = append(b, '<')
	b = canonEscape(b, q.Subj.String())
	b = append(b, "> <"...)
	b = canonEscape(b, q.Pred.String())
	b = append(b, "> "...)
	switch o := q.Obj.(type) {
	case rdf.IRI:
		b = append(b, '<')
		b = canonEscape(b, o.String())
		b = append(b, '>')
	case rdf.Literal:
		b = append(b, '"')
		b = canonEscape(b, o.String())
		b = append(b, '"')
		if lang := o.Lang(); lang != "" {
			b = append(b, '@')
			b = append(b, lang...)
		} else if dt := o.DataType.String(); dt != xsdString {
			b = append(b, "^^<"...)
			b = canonEscape(b, dt)
			b = append(b, '>')
		}
	}
	if g, ok := q.Ctx.(rdf.IRI); ok {
		b = append(b, " <"...)
		b = canonEscape(b, g.String())
		b = append(b, '>')
	}
	return append(b, " .\n"...)
}

// canonEscape appends s escaped as json-gold's N-Quads serializer escapes
// every term: backslash, double quote, line feed, carriage return and tab
// backslashed, nothing else.
func canonEscape(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b = append(b, '\\', '\\')
		case '"':
			b = append(b, '\\', '"')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, c)
		}
	}
	return b
}

// canonDataset converts checked quads to a json-gold dataset, without
// duplicate quads and with every blank node relabelled _:bN (json-gold's
// algorithm would keep labels that already start with "_:c14n").
func canonDataset(quads []rdf.Quad) *ld.RDFDataset {
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
	for _, q := range quads {
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
	return ds
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
// [Canonical] holds when [Options.MaxTriples] is 0. A statement with a
// blank node costs about 1.6 kB of memory until Close (json-gold's
// canonicalization), one without its N-Quads line and 16 bytes.
const DefaultMaxCanonicalTriples = 1_000_000

// canonEncoder keeps the quads and writes their canonical form on Close.
type canonEncoder struct {
	w      io.Writer
	graph  rdf.Context
	check  quadChecker
	c      canonicalizer
	n      int // statements taken
	max    int // the most statements taken; < 0: no limit
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
	if e.max >= 0 && e.n >= e.max {
		return fmt.Errorf("canonical: %w: more than %d statements (canonicalization holds the dataset in memory, up to 1.6 kB a statement with a blank node; raise the limit)", ErrTooLarge, e.max)
	}
	e.n++
	e.c.add(q)
	return nil
}

// Close canonicalizes the quads, writes them and computes their SHA-256.
func (e *canonEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("canonical: %w", ErrClosed)
	}
	e.closed = true
	h := sha256.New()
	if err := e.c.write(io.MultiWriter(e.w, h)); err != nil {
		return fmt.Errorf("canonical: %w", err)
	}
	e.sum = hex.EncodeToString(h.Sum(nil))
	return nil
}

// SHA256 returns the SHA-256 of the output, once Close has succeeded.
func (e *canonEncoder) SHA256() string { return e.sum }
