package exporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// jsonldEncoder writes compacted JSON-LD, streaming ([JSONLD]) or framed
// ([JSONLDFramed]). Streaming, it writes the caller's context, then one
// node object per run of triples with the same subject, the way the
// Turtle writer writes subject blocks:
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
// The triples of a named graph go in a graph object of the top-level
// "@graph", {"@id": graph name, "@graph": [node objects]}, one per run of
// quads in that graph (a graph seen again later gets another graph
// object with the same "@id", which processors merge); those of the
// default graph are top-level node objects. A document of the default
// graph only is thus a plain JSON-LD graph.
//
// Framed, it keeps the triples of the current graph until the graph ends
// (at Close, or when a quad of another graph comes) and writes them as
// trees: one node object per subject, in order of first appearance, with
// the nodes it refers to embedded in it when they are blank nodes or
// typed with a class of Options.Embed (statements, references), each
// embedded once (JSON-LD framing's "@embed": "@once") and at most
// maxEmbedDepth levels deep; other nodes are top-level node objects. See
// [JSONLDFramed].
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
	name   string // the format's name, starting errors
	w      *bufio.Writer
	err    error // first write error, sticky
	cx     *jsonldContext
	preds  map[string]*jsonldPred // per property IRI
	dts    map[string]compactIRI  // compacted datatypes
	closed bool

	// Graphs.
	check   quadChecker
	cur     rdf.Context // the graph of the last quad taken
	started bool        // a quad was taken: cur is set
	named   bool        // a named graph object is open in the output
	items   int         // items written in the document's "@graph"
	gitems  int         // node objects written in the open graph object

	// Streaming: the current node.
	open  bool
	subj  string // "_:label" or the IRI
	cnode jsonldNode

	// Framed: the nodes of the current graph; nil when streaming.
	frame *jsonldFrame
}

// jsonldNode is a node object to write.
type jsonldNode struct {
	id    compactIRI
	types []compactIRI
	props []jsonldProp
	index map[string]int // key → index in props, for nodes with many keys
}

// jsonldFrame holds the nodes of one graph for the framed writer.
type jsonldFrame struct {
	embed map[string]bool // classes whose nodes are embedded
	max   int             // the most triples held; < 0: no limit
	count int             // triples held
	nodes map[string]*frameNode
	order []*frameNode // in order of first appearance
}

// frameNode is a node of a framed graph.
type frameNode struct {
	jsonldNode
	embeddable bool // a blank node, or typed with a class to embed
	referenced bool // the object of a triple of another node
	written    bool
}

// maxEmbedDepth is the deepest nesting of embedded nodes in framed
// JSON-LD: nodes further down a chain (an RDF list, say) are written at
// top level, so that indentation stays bounded.
const maxEmbedDepth = 16

// jsonldPred is what the encoder knows about one property IRI.
type jsonldPred struct {
	isType bool         // rdf:type: IRI values go to "@type"
	key    string       // the key when no term is used, quoted; "" when none is safe
	keyErr error        // why key is ""
	terms  []jsonldTerm // terms mapping to the property
	plain  int          // index in terms of a term without coercion, or -1
}

// jsonldProp is one key of a node, with its values in order.
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
	ref  string     // valNode, framed: the node's termID, to embed it
}

// cacheLimit bounds the property and datatype caches, so that a graph with
// ever new properties does not grow memory without end.
const cacheLimit = 1 << 12

func newJSONLDEncoder(w io.Writer, opts Options, framed bool) (*jsonldEncoder, error) {
	name := JSONLD.Name
	if framed {
		name = JSONLDFramed.Name
	}
	cx, err := parseJSONLDContext(opts)
	if err != nil {
		return nil, fmt.Errorf("%s: context: %w", name, err)
	}
	e := &jsonldEncoder{
		name:  name,
		w:     bufio.NewWriterSize(w, 64<<10),
		cx:    cx,
		preds: map[string]*jsonldPred{},
		dts:   map[string]compactIRI{},
	}
	if framed {
		e.frame = &jsonldFrame{embed: map[string]bool{}, max: opts.maxTriples(DefaultMaxFramedTriples), nodes: map[string]*frameNode{}}
		for _, c := range opts.Embed {
			e.frame.embed[c] = true
		}
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

// Encode writes (streaming) or keeps (framed) t, in the default graph
// (Options.Graph is not used: a JSON-LD document of one graph is read by
// its consumers, such as search engines, as the default graph).
func (e *jsonldEncoder) Encode(t rdf.Triple) error {
	return e.EncodeQuad(rdf.Quad{Triple: t})
}

// EncodeQuad checks q and adds it to the current node (streaming) or
// graph (framed), first writing the current node when q's subject is
// another one, and the current graph when q's graph is another one.
func (e *jsonldEncoder) EncodeQuad(q rdf.Quad) error {
	if e.closed {
		return fmt.Errorf("%s: %w", e.name, ErrClosed)
	}
	if e.err != nil {
		return e.err
	}
	if err := e.check.check(q); err != nil {
		return fmt.Errorf("%s: %w", e.name, err)
	}
	t := q.Triple
	newGraph := !e.started || !sameGraph(q.Ctx, e.cur)
	var gid compactIRI
	if newGraph && q.Ctx != nil {
		var err error
		if gid, err = e.node(q.Ctx); err != nil {
			return fmt.Errorf("%s: graph: %w", e.name, err)
		}
	}
	subj := termID(t.Subj)
	var fnode *frameNode
	if e.frame != nil && !newGraph {
		if e.frame.max >= 0 && e.frame.count >= e.frame.max {
			return fmt.Errorf("%s: %w: a graph of more than %d triples (framing holds one graph in memory; raise the limit, or write %s, which streams)", e.name, ErrTooLarge, e.frame.max, JSONLD.Name)
		}
		fnode = e.frame.nodes[subj]
	}
	newNode := fnode == nil && (e.frame != nil || newGraph || !e.open || subj != e.subj)
	var id compactIRI
	if newNode {
		var err error
		if id, err = e.node(t.Subj); err != nil {
			return fmt.Errorf("%s: subject: %w", e.name, err)
		}
	}
	pred := e.pred(t.Pred.(rdf.IRI).String())
	key, val, err := e.value(pred, t.Obj)
	if err != nil {
		return fmt.Errorf("%s: %w", e.name, err)
	}

	if newGraph {
		e.endGraph()
		e.startGraph(q.Ctx, gid)
	}
	var n *jsonldNode
	switch {
	case e.frame == nil:
		if newNode {
			e.flushNode()
			e.open, e.subj, e.cnode.id = true, subj, id
		}
		n = &e.cnode
	case fnode != nil:
		n = &fnode.jsonldNode
	default:
		_, isBlank := t.Subj.(rdf.Blank)
		fnode = &frameNode{jsonldNode: jsonldNode{id: id}, embeddable: isBlank}
		e.frame.nodes[subj] = fnode
		e.frame.order = append(e.frame.order, fnode)
		n = &fnode.jsonldNode
	}
	if key == "" {
		n.types = append(n.types, val.id)
		if fnode != nil && e.frame.embed[t.Obj.String()] {
			fnode.embeddable = true
		}
	} else {
		p := n.prop(key)
		p.vals = append(p.vals, val)
	}
	if e.frame != nil {
		e.frame.count++
	}
	return e.writeErr()
}

// Close writes what is left and the end of the document, and flushes.
func (e *jsonldEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("%s: %w", e.name, ErrClosed)
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	e.endGraph()
	e.frame = nil
	if e.items > 0 {
		e.w.WriteString("\n  ]\n}\n")
	} else {
		e.w.WriteString("]\n}\n")
	}
	if err := e.w.Flush(); err != nil {
		e.err = fmt.Errorf("%s: write: %w", e.name, err)
		return e.err
	}
	return nil
}

// writeErr returns (and keeps) an error of the buffered writer; see the
// Turtle encoder's.
func (e *jsonldEncoder) writeErr() error {
	if _, err := e.w.Write(nil); err != nil {
		e.err = fmt.Errorf("%s: write: %w", e.name, err)
		return e.err
	}
	return nil
}

// startGraph makes g, whose compacted name is gid, the current graph and,
// for a named graph, opens its graph object.
func (e *jsonldEncoder) startGraph(g rdf.Context, gid compactIRI) {
	e.cur, e.started = g, true
	if g == nil {
		return
	}
	e.item()
	e.w.WriteString("{\n      \"@id\": ")
	e.writeIRI(gid)
	e.w.WriteString(",\n      \"@graph\": [")
	e.named, e.gitems = true, 0
}

// endGraph writes what is held of the current graph and closes its graph
// object.
func (e *jsonldEncoder) endGraph() {
	if e.frame != nil {
		e.writeFrame()
	} else {
		e.flushNode()
	}
	if !e.named {
		return
	}
	if e.gitems > 0 {
		e.w.WriteString("\n      ]\n    }")
	} else {
		e.w.WriteString("]\n    }")
	}
	e.named = false
}

// item starts an item of the open "@graph" array: a node object of the
// current graph, or a graph object. It returns its indentation.
func (e *jsonldEncoder) item() int {
	if e.named {
		if e.gitems > 0 {
			e.w.WriteByte(',')
		}
		e.gitems++
		e.w.WriteString("\n        ")
		return 8
	}
	if e.items > 0 {
		e.w.WriteByte(',')
	}
	e.items++
	e.w.WriteString("\n    ")
	return 4
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
		ref := ""
		if e.frame != nil {
			ref = termID(o)
		}
		for _, t := range p.terms {
			if t.typ == "@id" {
				return t.key, jsonldValue{kind: valNode, bare: true, id: id, ref: ref}, nil
			}
		}
		return e.objectKey(p, jsonldValue{kind: valNode, id: id, ref: ref})
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

// prop returns the node's entry for key, adding it if new.
func (n *jsonldNode) prop(key string) *jsonldProp {
	if n.index != nil {
		if i, ok := n.index[key]; ok {
			return &n.props[i]
		}
	} else {
		for i := range n.props {
			if n.props[i].key == key {
				return &n.props[i]
			}
		}
	}
	k := len(n.props)
	if k < cap(n.props) {
		n.props = n.props[:k+1]
		n.props[k].key = key
		n.props[k].vals = n.props[k].vals[:0]
	} else {
		n.props = append(n.props, jsonldProp{key: key})
	}
	switch {
	case n.index != nil:
		n.index[key] = k
	case k >= 16:
		n.index = make(map[string]int, 2*k)
		for i := range n.props {
			n.index[n.props[i].key] = i
		}
	}
	return &n.props[k]
}

// flushNode writes the current node object of the streaming writer, if
// any, and empties it.
func (e *jsonldEncoder) flushNode() {
	if !e.open {
		return
	}
	e.writeNode(&e.cnode, e.item(), 0)
	e.open = false
	n := &e.cnode
	n.types = n.types[:0]
	for i := range n.props {
		clear(n.props[i].vals) // drop references to the triples' strings
	}
	n.props = n.props[:0]
	n.index = nil
}

// writeFrame writes the nodes of the framed graph as trees and forgets
// them: first, in order, the nodes that are not embedded (not to embed,
// or referred to by no other node), each with the nodes it refers to
// embedded; then the nodes still unwritten (those of cycles, or too
// deep), in order, until none is left.
func (e *jsonldEncoder) writeFrame() {
	f := e.frame
	if len(f.order) == 0 {
		return
	}
	for _, n := range f.order {
		for i := range n.props {
			for j := range n.props[i].vals {
				if ref := n.props[i].vals[j].ref; ref != "" {
					if m := f.nodes[ref]; m != nil && m != n && m.embeddable {
						m.referenced = true
					}
				}
			}
		}
	}
	for _, n := range f.order {
		if !n.embeddable || !n.referenced {
			n.written = true
			e.writeNode(&n.jsonldNode, e.item(), 0)
		}
	}
	for left := true; left; {
		left = false
		for _, n := range f.order {
			if !n.written {
				n.written, left = true, true
				e.writeNode(&n.jsonldNode, e.item(), 0)
			}
		}
	}
	clear(f.nodes)
	clear(f.order)
	f.order, f.count = f.order[:0], 0
}

// writeNode writes a node object whose first line is indented by ind
// spaces; depth is its depth of embedding.
func (e *jsonldEncoder) writeNode(n *jsonldNode, ind, depth int) {
	w := e.w
	w.WriteString("{\n")
	e.indent(ind + 2)
	w.WriteString(`"@id": `)
	e.writeIRI(n.id)
	switch len(n.types) {
	case 0:
	case 1:
		w.WriteString(",\n")
		e.indent(ind + 2)
		w.WriteString(`"@type": `)
		e.writeIRI(n.types[0])
	default:
		w.WriteString(",\n")
		e.indent(ind + 2)
		w.WriteString(`"@type": [`)
		for i, c := range n.types {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
			e.indent(ind + 4)
			e.writeIRI(c)
		}
		w.WriteByte('\n')
		e.indent(ind + 2)
		w.WriteByte(']')
	}
	for i := range n.props {
		p := &n.props[i]
		w.WriteString(",\n")
		e.indent(ind + 2)
		w.WriteString(p.key)
		w.WriteString(": ")
		if len(p.vals) == 1 {
			e.writeValue(&p.vals[0], ind+2, depth)
			continue
		}
		w.WriteByte('[')
		for j := range p.vals {
			if j > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
			e.indent(ind + 4)
			e.writeValue(&p.vals[j], ind+4, depth)
		}
		w.WriteByte('\n')
		e.indent(ind + 2)
		w.WriteByte(']')
	}
	w.WriteByte('\n')
	e.indent(ind)
	w.WriteByte('}')
}

// writeValue writes v, which starts on a line indented by ind spaces, in
// a node embedded depth levels deep. Framed, a node to embed that is not
// written yet is written there.
func (e *jsonldEncoder) writeValue(v *jsonldValue, ind, depth int) {
	w := e.w
	switch v.kind {
	case valNode:
		if v.ref != "" && depth < maxEmbedDepth {
			if m := e.frame.nodes[v.ref]; m != nil && m.embeddable && !m.written {
				m.written = true
				e.writeNode(&m.jsonldNode, ind, depth+1)
				return
			}
		}
		if v.bare {
			e.writeIRI(v.id)
			return
		}
		w.WriteString("{\n")
		e.indent(ind + 2)
		w.WriteString(`"@id": `)
		e.writeIRI(v.id)
	case valString:
		writeJSONString(w, v.s)
		return
	default:
		w.WriteString("{\n")
		e.indent(ind + 2)
		w.WriteString(`"@value": `)
		writeJSONString(w, v.s)
		switch v.kind {
		case valTyped:
			w.WriteString(",\n")
			e.indent(ind + 2)
			w.WriteString(`"@type": `)
			e.writeIRI(v.id)
		case valLang:
			w.WriteString(",\n")
			e.indent(ind + 2)
			w.WriteString(`"@language": `)
			writeJSONString(w, v.lang)
		}
	}
	w.WriteByte('\n')
	e.indent(ind)
	w.WriteByte('}')
}

// spaces is a run of spaces for indentation.
const spaces = "                                                                "

// indent writes n spaces.
func (e *jsonldEncoder) indent(n int) {
	for n > len(spaces) {
		e.w.WriteString(spaces)
		n -= len(spaces)
	}
	e.w.WriteString(spaces[:n])
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
