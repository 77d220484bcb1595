package exporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// jsonldEncoder is a streaming writer of compacted JSON-LD. It writes the
// caller's context, then one node object per run of triples with the same
// subject, the way the Turtle writer writes subject blocks:
//
//	{
//	  "@context": { … },
//	  "@graph": [
//	    {
//	      "@id": "kg:almaty",
//	      "@type": "schema:City",
//	      "schema:name": [
//	        {
//	          "@value": "Almaty",
//	          "@language": "en"
//	        },
//	        …
//	      ]
//	    }
//	  ]
//	}
//
// It keeps only the current node. A subject seen again later gets another
// node object with the same "@id", which JSON-LD processors merge.
//
// Compaction follows the context (see jsonldContext): node identifiers as
// prefix:local or full IRIs; rdf:type as "@type"; a property as a term of
// the context when the term's type coercion fits the value (the value is
// then bare), else as a vocabulary-relative name, a compact IRI or the full
// IRI, with the value in expanded form ({"@id": …}, {"@value": …,
// "@type": …}, {"@value": …, "@language": …}). A plain string is bare
// unless a default language would be added to it. Language tags are written
// as given (json-gold and other readers lowercase them). Values are never
// written as JSON numbers or booleans, whose conversion is lossy.
//
// Whenever a compact form could be read back as another IRI (through a
// term, a prefix, "@vocab" or a keyword), the full IRI is written; when
// even the full IRI would be misread (an IRI "kg:x" with "kg" a term of the
// context), the triple is refused with an error.
//
// The output is indented by two spaces like encoding/json's, and ends with
// a newline.
type jsonldEncoder struct {
	w      *bufio.Writer
	err    error // first write error, sticky
	cx     *jsonldContext
	preds  map[string]*jsonldPred // per property IRI
	dts    map[string]compactIRI  // compacted datatypes
	nodes  int                    // node objects written
	closed bool

	// The current node.
	open  bool
	subj  string // "_:label" or the IRI
	id    compactIRI
	types []compactIRI
	props []jsonldProp
	index map[string]int // key → index in props, for nodes with many keys
}

// jsonldPred is what the encoder knows about one property IRI.
type jsonldPred struct {
	isType bool         // rdf:type: IRI values go to "@type"
	key    string       // the key when no term is used, quoted; "" when none is safe
	keyErr error        // why key is ""
	terms  []jsonldTerm // terms mapping to the property
	plain  int          // index in terms of a term without coercion, or -1
}

// jsonldProp is one key of the current node, with its values in order.
type jsonldProp struct {
	key  string
	vals []jsonldValue
}

type jsonldValueKind uint8

const (
	valNode   jsonldValueKind = iota // {"@id": id}, or "id" when bare
	valString                        // "s"
	valPlain                         // {"@value": s}
	valTyped                         // {"@value": s, "@type": id}
	valLang                          // {"@value": s, "@language": lang}
)

type jsonldValue struct {
	kind jsonldValueKind
	bare bool       // valNode: written as a bare string (term coerced to @id)
	id   compactIRI // valNode: the node; valTyped: the datatype
	s    string     // lexical form
	lang string     // valLang: the language tag
}

// cacheLimit bounds the property and datatype caches, so that a graph with
// ever new properties does not grow memory without end.
const cacheLimit = 1 << 12

func newJSONLDEncoder(w io.Writer, opts Options) (*jsonldEncoder, error) {
	cx, err := parseJSONLDContext(opts)
	if err != nil {
		return nil, fmt.Errorf("jsonld: context: %w", err)
	}
	e := &jsonldEncoder{
		w:     bufio.NewWriterSize(w, 64<<10),
		cx:    cx,
		preds: map[string]*jsonldPred{},
		dts:   map[string]compactIRI{},
	}
	e.w.WriteString("{\n")
	if cx.raw != nil {
		e.w.WriteString(`  "@context": `)
		e.w.Write(cx.raw)
		e.w.WriteString(",\n")
	}
	e.w.WriteString(`  "@graph": [`)
	return e, nil
}

// Encode checks t and adds it to the current node, first writing the
// current node when t's subject is another one.
func (e *jsonldEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("jsonld: %w", ErrClosed)
	}
	if e.err != nil {
		return e.err
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	subj := termID(t.Subj)
	newNode := !e.open || subj != e.subj
	var id compactIRI
	if newNode {
		var err error
		if id, err = e.node(t.Subj); err != nil {
			return fmt.Errorf("jsonld: subject: %w", err)
		}
	}
	pred := e.pred(t.Pred.(rdf.IRI).String())
	key, val, err := e.value(pred, t.Obj)
	if err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}

	if newNode {
		e.flushNode()
		e.open, e.subj, e.id = true, subj, id
	}
	if key == "" {
		e.types = append(e.types, val.id)
	} else {
		p := e.prop(key)
		p.vals = append(p.vals, val)
	}
	return e.writeErr()
}

// Close writes the last node and the end of the document, and flushes.
func (e *jsonldEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("jsonld: %w", ErrClosed)
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	e.flushNode()
	if e.nodes > 0 {
		e.w.WriteString("\n  ]\n}\n")
	} else {
		e.w.WriteString("]\n}\n")
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("jsonld: write: %w", err)
		return e.err
	}
	return nil
}

// writeErr returns (and keeps) an error of the buffered writer; see the
// Turtle encoder's.
func (e *jsonldEncoder) writeErr() error {
	if _, err := e.w.Write(nil); err != nil {
		e.err = fmt.Errorf("jsonld: write: %w", err)
		return e.err
	}
	return nil
}

// termID identifies a subject: "_:label" for a blank node, else the IRI.
func termID(t rdf.Term) string {
	if b, ok := t.(rdf.Blank); ok {
		return b.Serialize(rdf.NTriples)
	}
	return t.String()
}

// node compacts a subject or object node.
func (e *jsonldEncoder) node(t rdf.Term) (compactIRI, error) {
	if b, ok := t.(rdf.Blank); ok {
		return compactIRI{local: b.Serialize(rdf.NTriples)}, nil
	}
	return e.cx.compactID(t.String())
}

// pred returns what is known of a property, computing it the first time.
func (e *jsonldEncoder) pred(iri string) *jsonldPred {
	if p, ok := e.preds[iri]; ok {
		return p
	}
	p := &jsonldPred{isType: iri == rdfType, terms: e.cx.byIRI[iri], plain: -1}
	for i, t := range p.terms {
		if t.typ == "" {
			p.plain = i
			break
		}
	}
	if k, err := e.cx.compactVocab(iri); err != nil {
		p.keyErr = fmt.Errorf("property: %w", err)
	} else {
		p.key = jsonString(k.String())
	}
	if len(e.preds) < cacheLimit {
		e.preds[iri] = p
	}
	return p
}

// datatype compacts a datatype IRI (read with "@vocab").
func (e *jsonldEncoder) datatype(iri string) (compactIRI, error) {
	if c, ok := e.dts[iri]; ok {
		return c, nil
	}
	c, err := e.cx.compactVocab(iri)
	if err != nil {
		return c, fmt.Errorf("datatype: %w", err)
	}
	if len(e.dts) < cacheLimit {
		e.dts[iri] = c
	}
	return c, nil
}

// value chooses the key and the written form of the object o of property
// p. The key is "" for an "@type" value.
func (e *jsonldEncoder) value(p *jsonldPred, o rdf.Object) (string, jsonldValue, error) {
	switch o := o.(type) {
	case rdf.IRI, rdf.Blank:
		id, err := e.node(o)
		if err != nil {
			return "", jsonldValue{}, fmt.Errorf("object: %w", err)
		}
		if _, isIRI := o.(rdf.IRI); isIRI && p.isType {
			// An "@type" value is read with "@vocab". (Blank nodes
			// stay values of rdf:type: not every reader takes them
			// in "@type".)
			c, err := e.cx.compactVocab(o.String())
			if err != nil {
				return "", jsonldValue{}, fmt.Errorf("object: %w", err)
			}
			return "", jsonldValue{kind: valNode, id: c}, nil
		}
		for _, t := range p.terms {
			if t.typ == "@id" {
				return t.key, jsonldValue{kind: valNode, bare: true, id: id}, nil
			}
		}
		return e.objectKey(p, jsonldValue{kind: valNode, id: id})
	case rdf.Literal:
		s := o.String()
		if tag := o.Lang(); tag != "" {
			for _, t := range p.terms {
				if t.typ == "" && t.bareString && t.hasLang && t.lang == tag {
					return t.key, jsonldValue{kind: valString, s: s}, nil
				}
			}
			if p.plain < 0 && p.key != "" && e.cx.bareStrings && e.cx.hasLang && e.cx.lang == tag {
				return p.key, jsonldValue{kind: valString, s: s}, nil
			}
			return e.objectKey(p, jsonldValue{kind: valLang, s: s, lang: tag})
		}
		dt := o.DataType.String()
		for _, t := range p.terms {
			if t.typ == dt || dt == xsdString && t.typ == "" && t.bareString && !t.hasLang {
				return t.key, jsonldValue{kind: valString, s: s}, nil
			}
		}
		if dt == xsdString {
			if p.plain < 0 && p.key != "" && e.cx.bareStrings && !e.cx.hasLang {
				return p.key, jsonldValue{kind: valString, s: s}, nil
			}
			return e.objectKey(p, jsonldValue{kind: valPlain, s: s})
		}
		c, err := e.datatype(dt)
		if err != nil {
			return "", jsonldValue{}, fmt.Errorf("object: %w", err)
		}
		return e.objectKey(p, jsonldValue{kind: valTyped, s: s, id: c})
	}
	return "", jsonldValue{}, fmt.Errorf("object: unsupported term type %T", o)
}

// objectKey returns the key for a value in expanded form (which no
// coercion changes): a term without coercion if there is one, else the
// property's own key.
func (e *jsonldEncoder) objectKey(p *jsonldPred, v jsonldValue) (string, jsonldValue, error) {
	if p.plain >= 0 {
		return p.terms[p.plain].key, v, nil
	}
	if p.key == "" {
		return "", jsonldValue{}, p.keyErr
	}
	return p.key, v, nil
}

// prop returns the current node's entry for key, adding it if new.
func (e *jsonldEncoder) prop(key string) *jsonldProp {
	if e.index != nil {
		if i, ok := e.index[key]; ok {
			return &e.props[i]
		}
	} else {
		for i := range e.props {
			if e.props[i].key == key {
				return &e.props[i]
			}
		}
	}
	n := len(e.props)
	if n < cap(e.props) {
		e.props = e.props[:n+1]
		e.props[n].key = key
		e.props[n].vals = e.props[n].vals[:0]
	} else {
		e.props = append(e.props, jsonldProp{key: key})
	}
	switch {
	case e.index != nil:
		e.index[key] = n
	case n >= 16:
		e.index = make(map[string]int, 2*n)
		for i := range e.props {
			e.index[e.props[i].key] = i
		}
	}
	return &e.props[n]
}

// Indentation of the lines of a node object and of the arrays in it.
const (
	indentNode  = "    "
	indentKey   = "      "
	indentItem  = "        "
	indentInner = "          "
)

// flushNode writes the current node object, if any, and empties it.
func (e *jsonldEncoder) flushNode() {
	if !e.open {
		return
	}
	w := e.w
	if e.nodes > 0 {
		w.WriteByte(',')
	}
	e.nodes++
	w.WriteString("\n" + indentNode + "{\n" + indentKey + `"@id": `)
	e.writeIRI(e.id)
	switch len(e.types) {
	case 0:
	case 1:
		w.WriteString(",\n" + indentKey + `"@type": `)
		e.writeIRI(e.types[0])
	default:
		w.WriteString(",\n" + indentKey + `"@type": [`)
		for i, c := range e.types {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n" + indentItem)
			e.writeIRI(c)
		}
		w.WriteString("\n" + indentKey + "]")
	}
	for i := range e.props {
		p := &e.props[i]
		w.WriteString(",\n" + indentKey)
		w.WriteString(p.key)
		w.WriteString(": ")
		if len(p.vals) == 1 {
			e.writeValue(&p.vals[0], indentKey)
			continue
		}
		w.WriteByte('[')
		for j := range p.vals {
			if j > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n" + indentItem)
			e.writeValue(&p.vals[j], indentItem)
		}
		w.WriteString("\n" + indentKey + "]")
	}
	w.WriteString("\n" + indentNode + "}")

	e.open = false
	e.types = e.types[:0]
	for i := range e.props {
		clear(e.props[i].vals) // drop references to the triples' strings
	}
	e.props = e.props[:0]
	e.index = nil
}

// writeValue writes v, which starts on a line indented by ind.
func (e *jsonldEncoder) writeValue(v *jsonldValue, ind string) {
	w := e.w
	inner := indentInner
	if ind == indentKey {
		inner = indentItem
	}
	switch v.kind {
	case valNode:
		if v.bare {
			e.writeIRI(v.id)
			return
		}
		w.WriteString("{\n")
		w.WriteString(inner)
		w.WriteString(`"@id": `)
		e.writeIRI(v.id)
	case valString:
		writeJSONString(w, v.s)
		return
	default:
		w.WriteString("{\n")
		w.WriteString(inner)
		w.WriteString(`"@value": `)
		writeJSONString(w, v.s)
		switch v.kind {
		case valTyped:
			w.WriteString(",\n")
			w.WriteString(inner)
			w.WriteString(`"@type": `)
			e.writeIRI(v.id)
		case valLang:
			w.WriteString(",\n")
			w.WriteString(inner)
			w.WriteString(`"@language": `)
			writeJSONString(w, v.lang)
		}
	}
	w.WriteByte('\n')
	w.WriteString(ind)
	w.WriteByte('}')
}

// writeIRI writes a compacted IRI as a JSON string.
func (e *jsonldEncoder) writeIRI(c compactIRI) {
	e.w.WriteByte('"')
	if c.prefix != "" {
		writeJSONChars(e.w, c.prefix)
		e.w.WriteByte(':')
	}
	writeJSONChars(e.w, c.local)
	e.w.WriteByte('"')
}

// String returns the compacted IRI as written (without JSON quoting).
func (c compactIRI) String() string {
	if c.prefix == "" {
		return c.local
	}
	return c.prefix + ":" + c.local
}

// jsonString returns s as a JSON string, quoted and escaped like
// writeJSONString.
func jsonString(s string) string {
	var b strings.Builder
	w := bufio.NewWriterSize(&b, max(16, len(s)+2))
	writeJSONString(w, s)
	w.Flush()
	return b.String()
}

// writeJSONString writes s as a JSON string with the escapes
// encoding/json uses when HTML escaping is off.
func writeJSONString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	writeJSONChars(w, s)
	w.WriteByte('"')
}

// writeJSONChars writes the characters of s escaped for a JSON string, as
// encoding/json does with SetEscapeHTML(false): '"' and '\' backslashed,
// \b \f \n \r \t, other control characters as \u00xx, U+2028 and U+2029 as
// \u2028 and \u2029 (for JavaScript), invalid UTF-8 as \ufffd, everything
// else as raw UTF-8.
func writeJSONChars(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			var esc string
			switch {
			case r == utf8.RuneError && size == 1:
				esc = `\ufffd`
			case r == '\u2028':
				esc = `\u2028`
			case r == '\u2029':
				esc = `\u2029`
			default:
				i += size
				continue
			}
			w.WriteString(s[start:i])
			w.WriteString(esc)
			i += size
			start = i
			continue
		}
		w.WriteString(s[start:i])
		switch c {
		case '"', '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case '\b':
			w.WriteString(`\b`)
		case '\f':
			w.WriteString(`\f`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		default:
			w.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xF]})
		}
		i++
		start = i
	}
	w.WriteString(s[start:])
}
