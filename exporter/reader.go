package exporter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// Decoder reads the quads of an RDF document one at a time.
//
// Decode returns the next quad, with Ctx nil for the default graph (every
// quad of a triple format), and io.EOF after the last one. After an error
// other than io.EOF the document cannot be read further: Decode returns
// the same error again. Close releases the decoder; it does not close the
// underlying reader. A Decoder is not safe for concurrent use.
//
// The terms are those the parser made, unchecked: an encoder refuses
// those it cannot write (an IRI with a space from a \u0020 escape, a
// relative IRI…).
type Decoder interface {
	Decode() (rdf.Quad, error)
	Close() error
}

// SyntaxError is an error in the document being decoded. Line and Col
// (1-based; Col counts bytes) are 0 when the parser does not tell;
// Statement is then the number of statements read before the error.
type SyntaxError struct {
	Line, Col int
	Statement int
	Msg       string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("after statement %d: %s", e.Statement, e.Msg)
}

// Readable reports whether [NewDecoder] reads format f.
func (f Format) Readable() bool {
	switch f.kind {
	case kindTurtle, kindTriG, kindNTriples, kindNQuads, kindCanonical, kindJSONLD, kindJSONLDFramed:
		return true
	}
	return false
}

// Streaming reports whether the decoder of f reads a document as it goes,
// in constant memory, rather than whole.
func (f Format) Streaming() bool {
	switch f.kind {
	case kindTurtle, kindTriG, kindNTriples, kindNQuads, kindCanonical:
		return true
	}
	return false
}

// NewDecoder returns a decoder reading format f from r: N-Triples,
// N-Quads, Turtle and TriG with this package's own streaming parsers,
// JSON-LD with json-gold's ToRDF on the whole document. It is
// NewDecoderBase without a base IRI: relative IRIs in Turtle, TriG and
// JSON-LD then stay relative (Turtle, TriG) or are dropped (JSON-LD, as
// its algorithm says), and encoders refuse relative IRIs.
func NewDecoder(f Format, r io.Reader) (Decoder, error) {
	return NewDecoderBase(f, r, "")
}

// NewDecoderBase is NewDecoder with the base IRI that relative IRIs are
// resolved against (RFC 3986), until the document sets another (@base in
// Turtle and TriG, @base in a JSON-LD context): typically the URL the
// document was read from. N-Triples and N-Quads have only absolute IRIs.
//
// JSON-LD contexts must be inline: remote and local-file contexts are not
// loaded. json-gold lowercases language tags; the decoder gives them back
// the case they have in the document where that is unambiguous.
func NewDecoderBase(f Format, r io.Reader, base string) (Decoder, error) {
	if r == nil {
		return nil, fmt.Errorf("exporter: %s: nil reader", f.Name)
	}
	if base != "" && !hasScheme(base) {
		return nil, fmt.Errorf("exporter: base %q is not an absolute IRI", base)
	}
	switch f.kind {
	case kindNTriples:
		return newNQuadsDecoder(r, false), nil
	case kindNQuads, kindCanonical:
		return newNQuadsDecoder(r, true), nil
	case kindTurtle:
		return newTurtleDecoder(r, false, base), nil
	case kindTriG:
		return newTurtleDecoder(r, true, base), nil
	case kindJSONLD, kindJSONLDFramed:
		return newJSONLDDecoder(r, base)
	}
	return nil, fmt.Errorf("exporter: no reader for %s", f.Name)
}

// jsonldDecoder holds the quads of a whole JSON-LD document.
type jsonldDecoder struct {
	quads  []rdf.Quad
	i      int
	closed bool
}

func newJSONLDDecoder(r io.Reader, base string) (*jsonldDecoder, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("jsonld: read: %w", err)
	}
	quads, err := readJSONLD(data, base)
	if err != nil {
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	return &jsonldDecoder{quads: quads}, nil
}

func (d *jsonldDecoder) Decode() (rdf.Quad, error) {
	if d.closed {
		return rdf.Quad{}, errors.New("jsonld: decoder is closed")
	}
	if d.i >= len(d.quads) {
		return rdf.Quad{}, io.EOF
	}
	q := d.quads[d.i]
	d.quads[d.i] = rdf.Quad{}
	d.i++
	return q, nil
}

func (d *jsonldDecoder) Close() error {
	d.closed, d.quads = true, nil
	return nil
}

// readerLoader refuses to load any document: the contexts of a JSON-LD
// document read must be inline. (json-gold's default loader fetches URLs
// and opens local files named in @context.)
type readerLoader struct{}

func (readerLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("context %q not loaded: only inline contexts are read", u))
}

// readJSONLD converts a JSON-LD document to quads: the default graph
// first, then the named graphs in code point order of their names.
func readJSONLD(data []byte, base string) ([]rdf.Quad, error) {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := int(se.Offset)
			if off < len(data) {
				off-- // Offset is after the offending byte
			}
			line, col := lineCol(data, off)
			return nil, &SyntaxError{Line: line, Col: col, Msg: se.Error()}
		}
		return nil, err
	}
	var ds *ld.RDFDataset
	err := recoverGold(func() error {
		opts := ld.NewJsonLdOptions(base)
		opts.DocumentLoader = readerLoader{}
		res, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
		if err != nil {
			return err
		}
		var ok bool
		if ds, ok = res.(*ld.RDFDataset); !ok {
			return fmt.Errorf("ToRDF gave %T", res)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("to RDF: %w", err)
	}
	tags := languageSpellings(doc)
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		if name != "@default" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	names = append([]string{"@default"}, names...)
	var out []rdf.Quad
	for _, name := range names {
		var g rdf.Context
		if name != "@default" {
			var err error
			if label, ok := strings.CutPrefix(name, "_:"); ok {
				g, err = rdf.NewBlank(label)
			} else {
				g, err = rdf.NewIRI(name)
			}
			if err != nil {
				return nil, fmt.Errorf("graph %s: %w", name, err)
			}
		}
		for _, q := range ds.Graphs[name] {
			s, err := fromLD(q.Subject, tags)
			if err != nil {
				return nil, fmt.Errorf("subject: %w", err)
			}
			p, err := fromLD(q.Predicate, tags)
			if err != nil {
				return nil, fmt.Errorf("predicate: %w", err)
			}
			o, err := fromLD(q.Object, tags)
			if err != nil {
				return nil, fmt.Errorf("object: %w", err)
			}
			subj, ok1 := s.(rdf.Subject)
			pred, ok2 := p.(rdf.Predicate)
			obj, ok3 := o.(rdf.Object)
			if !ok1 || !ok2 || !ok3 {
				return nil, fmt.Errorf("generalized RDF: %v %v %v", s, p, o)
			}
			out = append(out, rdf.Quad{Triple: rdf.Triple{Subj: subj, Pred: pred, Obj: obj}, Ctx: g})
		}
	}
	return out, nil
}

// fromLD converts a json-gold node to a knakk/rdf term; tags maps
// lowercased language tags to their spelling in the document.
func fromLD(n ld.Node, tags map[string]string) (rdf.Term, error) {
	switch n := n.(type) {
	case ld.IRI:
		return rdf.NewIRI(n.Value)
	case ld.BlankNode:
		return rdf.NewBlank(strings.TrimPrefix(n.Attribute, "_:"))
	case ld.Literal:
		if n.Language != "" {
			lang := n.Language
			if t, ok := tags[strings.ToLower(lang)]; ok {
				lang = t
			}
			return langLiteral(n.Value, lang)
		}
		dt, err := rdf.NewIRI(n.Datatype)
		if err != nil {
			return nil, fmt.Errorf("datatype: %w", err)
		}
		return rdf.NewTypedLiteral(n.Value, dt), nil
	}
	return nil, fmt.Errorf("unsupported node %T", n)
}

// langLiteral makes a language-tagged literal. knakk/rdf's
// NewLangLiteral refuses tags with more than one subtag (zh-Hans-CN),
// which its decoders make without complaint: those are made by knakk's
// N-Triples decoder from a line written here (well-formed, so its lexer
// is safe), read to the end so that its goroutine ends.
func langLiteral(s, lang string) (rdf.Literal, error) {
	if l, err := rdf.NewLangLiteral(s, lang); err == nil {
		return l, nil
	}
	if !validLangTag(lang) {
		return rdf.Literal{}, fmt.Errorf("malformed language tag %q", lang)
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.WriteString("<x:s> <x:p> ")
	writeQuoted(w, s)
	w.WriteString("@" + lang + " .\n")
	w.Flush()
	ts, err := rdf.NewTripleDecoder(&b, rdf.NTriples).DecodeAll()
	if err != nil || len(ts) != 1 {
		return rdf.Literal{}, fmt.Errorf("literal with language tag %q not made: %v", lang, err)
	}
	l, ok := ts[0].Obj.(rdf.Literal)
	if !ok || l.Lang() != lang || l.String() != s {
		return rdf.Literal{}, fmt.Errorf("literal with language tag %q not made", lang)
	}
	return l, nil
}

// languageSpellings maps each language tag of a JSON-LD document,
// lowercased, to its spelling there, when it has only one: the values of
// "@language" and the keys of objects (language maps). Keys that are not
// tags do no harm: they are looked up only for literals' tags.
func languageSpellings(doc any) map[string]string {
	seen := map[string]string{}
	ambiguous := map[string]bool{}
	add := func(s string) {
		if !validLangTag(s) {
			return
		}
		k := strings.ToLower(s)
		if prev, ok := seen[k]; ok && prev != s {
			ambiguous[k] = true
		}
		seen[k] = s
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				add(k)
				if s, ok := x.(string); ok && k == "@language" {
					add(s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	for k := range ambiguous {
		delete(seen, k)
	}
	return seen
}

// lineCol turns a byte offset in data into a line and a byte column,
// both 1-based.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
