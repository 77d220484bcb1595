package exporter

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// turtleDecoder is this package's own streaming parser of Turtle and TriG
// (W3C RDF 1.1 grammars). knakk/rdf's Turtle decoder is not used: its
// lexer goroutine panics, killing the program, on some malformed input (a
// line starting with ".5", for one), it resolves relative IRIs by string
// concatenation, and it reads no TriG.
//
// It parses one statement at a time (a directive, a subject with its
// predicates and objects, or in TriG the opening or closing of a graph
// block) and keeps only the prefixes, the base IRI and the graph being
// read, so memory does not grow with the input (a statement itself, a
// long literal or a long collection, is held whole). Relative IRIs are
// resolved against the base (RFC 3986). Blank node labels are kept as
// written; those the parser makes for [] and collections are "g·N" (a
// written label starting "g·" gets one more "·"), so they cannot collide.
type turtleDecoder struct {
	name     string // "turtle" or "trig", for errors
	trig     bool
	s        scanner
	base     string            // base IRI, "" when unknown
	prefixes map[string]string // prefix name (without ':') → namespace IRI
	inGraph  bool              // TriG: inside { … }
	graph    rdf.Context       // the graph of the block; nil: default graph
	queue    []rdf.Quad        // statements parsed, not yet returned
	next     int               // index of the next quad of queue to return
	gen      int               // blank nodes made
	line     int               // where the statement of the queue starts
	n        int               // quads returned
	err      error
	closed   bool
}

func newTurtleDecoder(r io.Reader, trig bool, base string) *turtleDecoder {
	name := "turtle"
	if trig {
		name = "trig"
	}
	return &turtleDecoder{
		name: name, trig: trig, base: base,
		s:        scanner{r: r, line: 1, col: 1},
		prefixes: map[string]string{},
	}
}

// ttlError is a syntax error at a position, thrown by the parser (panic)
// and caught by Decode.
type ttlError struct {
	line, col int
	msg       string
}

func (d *turtleDecoder) fail(format string, args ...any) {
	panic(ttlError{d.s.line, d.s.col, fmt.Sprintf(format, args...)})
}

// Decode returns the next statement.
func (d *turtleDecoder) Decode() (rdf.Quad, error) {
	if d.closed {
		return rdf.Quad{}, fmt.Errorf("%s: decoder is closed", d.name)
	}
	for d.next >= len(d.queue) {
		if d.err != nil {
			return rdf.Quad{}, d.err
		}
		d.queue, d.next = d.queue[:0], 0
		if err := d.parse(); err != nil {
			// The quads of a statement that fails are dropped.
			d.err, d.queue = err, d.queue[:0]
		}
	}
	q := d.queue[d.next]
	d.queue[d.next] = rdf.Quad{}
	d.next++
	d.n++
	return q, nil
}

// Line returns the line where the statement of the last quad decoded
// starts.
func (d *turtleDecoder) Line() int { return d.line }

// Close releases the decoder.
func (d *turtleDecoder) Close() error {
	d.closed = true
	d.queue = nil
	d.s.buf = nil
	return nil
}

// parse reads one statement, queueing its quads. It returns io.EOF at the
// end of the document, or the first error.
func (d *turtleDecoder) parse() (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case ttlError:
				err = fmt.Errorf("%s: %w", d.name, &SyntaxError{Line: e.line, Col: e.col, Statement: d.n + len(d.queue), Msg: e.msg})
			case readError:
				err = fmt.Errorf("%s: read: %w", d.name, e.err)
			default:
				panic(r)
			}
		}
	}()
	d.ws()
	d.line = d.s.line
	c := d.s.peek(0)
	if c < 0 {
		if d.inGraph {
			d.fail("end of document inside a graph block: '}' missing")
		}
		return io.EOF
	}
	if d.inGraph {
		if c == '}' {
			d.s.advance(1)
			d.inGraph, d.graph = false, nil
			return nil
		}
		d.triples(true)
		d.ws()
		switch d.s.peek(0) {
		case '.':
			d.s.advance(1)
		case '}':
		default:
			d.unexpected("'.' or '}'")
		}
		return nil
	}
	if c == '@' {
		d.directive()
		return nil
	}
	if w := d.keyword(); w != "" {
		switch w {
		case "prefix", "base":
			d.sparqlDirective(w)
			return nil
		case "graph":
			if d.trig {
				d.s.advance(5)
				d.ws()
				g := d.label()
				d.ws()
				d.openGraph(g)
				return nil
			}
		}
	}
	if d.trig {
		switch {
		case c == '{':
			d.openGraph(nil)
			return nil
		case c == '[' && d.anonAhead() || c != '[' && c != '(':
			// A graph label or the subject of triples.
			s := d.subject()
			d.ws()
			if d.s.peek(0) == '{' {
				g, ok := s.(rdf.Context)
				if !ok {
					d.fail("a graph name must be an IRI or a blank node")
				}
				d.openGraph(g)
				return nil
			}
			d.predicateObjectList(s, true)
			d.ws()
			d.expect('.', "'.' ending the statement")
			return nil
		}
	}
	d.triples(false)
	d.ws()
	d.expect('.', "'.' ending the statement")
	return nil
}

// openGraph reads '{' and starts a graph block.
func (d *turtleDecoder) openGraph(g rdf.Context) {
	d.expect('{', "'{' opening a graph")
	d.inGraph, d.graph = true, g
}

// triples parses "subject predicateObjectList" or "[ … ] predicateObjectList?"
// (without the final '.'). In a graph block the '.' before '}' is
// optional, which is the caller's business.
func (d *turtleDecoder) triples(inBlock bool) {
	c := d.s.peek(0)
	if c == '[' && !d.anonAhead() {
		s := d.blankNodePropertyList()
		d.ws()
		if c := d.s.peek(0); c == '.' || c < 0 || inBlock && c == '}' {
			return
		}
		d.predicateObjectList(s, true)
		return
	}
	s := d.subject()
	d.ws()
	d.predicateObjectList(s, true)
}

// subject parses an IRI, a blank node label, [] or a collection.
func (d *turtleDecoder) subject() rdf.Subject {
	switch c := d.s.peek(0); {
	case c == '(':
		return d.collection()
	case c == '[':
		if !d.anonAhead() {
			d.fail("a blank node property list cannot be a graph name or take predicates here")
		}
		d.anon()
		return d.newBlank()
	case c == '_':
		return d.blankLabel()
	case c == '<' || c == ':' || isNameStart(c):
		return d.iri()
	case c == '"' || c == '\'' || isNumberStart(c):
		d.fail("a literal cannot be a subject")
	}
	d.unexpected("a subject")
	return nil
}

// predicateObjectList parses verb objectList (';' (verb objectList)?)*.
func (d *turtleDecoder) predicateObjectList(s rdf.Subject, required bool) {
	for {
		d.ws()
		p := d.verb()
		for {
			d.ws()
			o := d.object()
			d.emit(s, p, o)
			d.ws()
			if d.s.peek(0) != ',' {
				break
			}
			d.s.advance(1)
		}
		if d.s.peek(0) != ';' {
			return
		}
		for d.s.peek(0) == ';' {
			d.s.advance(1)
			d.ws()
		}
		if c := d.s.peek(0); c == '.' || c == ']' || c == '}' || c < 0 {
			return
		}
	}
}

func (d *turtleDecoder) emit(s rdf.Subject, p rdf.Predicate, o rdf.Object) {
	d.queue = append(d.queue, rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: p, Obj: o}, Ctx: d.graph})
}

// verb parses a predicate IRI or 'a'.
func (d *turtleDecoder) verb() rdf.Predicate {
	c := d.s.peek(0)
	if c == 'a' && !isNameChar(d.s.peekRune(1)) && d.s.peek(1) != ':' &&
		!(d.s.peek(1) == '.' && isNameChar(d.s.peekRune(2))) {
		d.s.advance(1)
		return rdfTypeIRI
	}
	if c == '<' || c == ':' || isNameStart(c) {
		return d.iri()
	}
	d.unexpected("a predicate")
	return nil
}

var (
	rdfTypeIRI, _  = rdf.NewIRI(rdfType)
	rdfFirst, _    = rdf.NewIRI(rdfNSIRI + "first")
	rdfRest, _     = rdf.NewIRI(rdfNSIRI + "rest")
	rdfNil, _      = rdf.NewIRI(rdfNSIRI + "nil")
	xsdBoolean, _  = rdf.NewIRI(xsdNSIRI + "boolean")
	xsdIntegerT, _ = rdf.NewIRI(xsdInteger)
	xsdDecimal, _  = rdf.NewIRI(xsdNSIRI + "decimal")
	xsdDouble, _   = rdf.NewIRI(xsdNSIRI + "double")
)

const (
	rdfNSIRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsdNSIRI = "http://www.w3.org/2001/XMLSchema#"
)

// object parses an object: IRI, blank node, collection, blank node
// property list or literal.
func (d *turtleDecoder) object() rdf.Object {
	switch c := d.s.peek(0); {
	case c == '(':
		return d.collection().(rdf.Object)
	case c == '[':
		if d.anonAhead() {
			d.anon()
			return d.newBlank()
		}
		return d.blankNodePropertyList()
	case c == '_':
		return d.blankLabel()
	case c == '<':
		return d.iri()
	case c == '"' || c == '\'':
		return d.literal()
	case isNumberStart(c):
		if c == '.' && !isDigitByte(d.s.peek(1)) {
			break
		}
		return d.number()
	case c == ':' || isNameStart(c):
		if w := d.word(); w == "true" || w == "false" {
			d.s.advance(len(w))
			return rdf.NewTypedLiteral(w, xsdBoolean)
		}
		return d.iri()
	}
	d.unexpected("an object")
	return nil
}

// collection parses ( object* ) into rdf:first/rdf:rest nodes and returns
// its head: a blank node, or rdf:nil when empty.
func (d *turtleDecoder) collection() rdf.Subject {
	d.s.advance(1)
	var head, prev rdf.Subject
	for {
		d.ws()
		c := d.s.peek(0)
		if c == ')' {
			d.s.advance(1)
			break
		}
		if c < 0 {
			d.fail("collection not closed by ')'")
		}
		node := d.newBlank()
		if prev == nil {
			head = node
		} else {
			d.emit(prev, rdfRest, node)
		}
		o := d.object()
		d.emit(node, rdfFirst, o)
		prev = node
	}
	if prev == nil {
		return rdfNil
	}
	d.emit(prev, rdfRest, rdfNil)
	return head
}

// blankNodePropertyList parses [ predicateObjectList ].
func (d *turtleDecoder) blankNodePropertyList() rdf.Blank {
	d.s.advance(1)
	b := d.newBlank()
	d.predicateObjectList(b, true)
	d.ws()
	d.expect(']', "']' closing a blank node property list")
	return b
}

// anonAhead reports whether the '[' at the current position opens an
// empty [] (with only white space or comments inside).
func (d *turtleDecoder) anonAhead() bool {
	for i := 1; ; i++ {
		switch c := d.s.peek(i); c {
		case ' ', '\t', '\n', '\r':
		case ']':
			return true
		default:
			return false
		}
	}
}

func (d *turtleDecoder) anon() {
	d.s.advance(1)
	d.ws()
	d.expect(']', "']'")
}

// newBlank returns a blank node of the parser's own ("g·N").
func (d *turtleDecoder) newBlank() rdf.Blank {
	d.gen++
	b, _ := rdf.NewBlank(fmt.Sprintf("g·%d", d.gen))
	return b
}

// blankLabel parses _:label.
func (d *turtleDecoder) blankLabel() rdf.Blank {
	if d.s.peek(1) != ':' {
		d.unexpected("a blank node label (_:)")
	}
	d.s.advance(2)
	n := d.pnLength(func(r rune) bool { return isPNCharsU(r) || isDigit(r) })
	if n == 0 {
		d.unexpected("a blank node label")
	}
	label := string(d.s.bytes(n))
	d.s.advance(n)
	if strings.HasPrefix(label, "g·") {
		label = "g··" + label[len("g·"):]
	}
	b, _ := rdf.NewBlank(label)
	return b
}

// iri parses an IRIREF or a prefixed name.
func (d *turtleDecoder) iri() rdf.IRI {
	var s string
	if d.s.peek(0) == '<' {
		s = d.resolve(d.iriRef())
	} else {
		s = d.prefixedName()
	}
	iri, err := rdf.NewIRI(s)
	if err != nil {
		d.fail("IRI <%s>: %v", s, err)
	}
	return iri
}

// iriRef parses <…> and returns it unresolved, escapes decoded.
func (d *turtleDecoder) iriRef() string {
	d.s.advance(1)
	var b strings.Builder
	for {
		c := d.s.peek(0)
		switch {
		case c < 0:
			d.fail("IRI not closed by '>'")
		case c == '>':
			d.s.advance(1)
			return b.String()
		case c == '\\':
			b.WriteRune(d.uchar())
		case c <= 0x20 || iriExcluded(byte(c)):
			d.fail("character %q not allowed in an IRI", rune(c))
		default:
			r, w := d.s.rune(0)
			if r == utf8.RuneError && w <= 1 {
				d.fail("invalid UTF-8")
			}
			b.WriteRune(r)
			d.s.advance(w)
		}
	}
}

// resolve resolves ref against the base; without a base, a relative
// reference stays as it is (and an encoder refuses it).
func (d *turtleDecoder) resolve(ref string) string {
	if d.base == "" || hasScheme(ref) {
		return ref
	}
	return resolveIRI(d.base, ref)
}

// pnLength returns the length in bytes of the name at the scanner's
// position: a first character accepted by first, then PN_CHARS or '.', not
// ending with '.' (the shape of blank node labels and prefix names); 0 when
// there is none.
func (d *turtleDecoder) pnLength(first func(rune) bool) int {
	r, w := d.s.rune(0)
	if !first(r) {
		return 0
	}
	n := w
	for {
		r, w := d.s.rune(n)
		if w == 0 || !isPNChars(r) && r != '.' {
			break
		}
		n += w
	}
	for d.s.peek(n-1) == '.' {
		n--
	}
	return n
}

// prefixedName parses PNAME_NS or PNAME_LN and expands it.
func (d *turtleDecoder) prefixedName() string {
	n := d.pnLength(isPNCharsBase)
	if d.s.peek(n) != ':' {
		d.advanceTo(n)
		d.unexpected("':' of a prefixed name")
	}
	prefix := string(d.s.bytes(n))
	ns, ok := d.prefixes[prefix]
	if !ok {
		d.fail("prefix %q not declared", prefix+":")
	}
	d.s.advance(n + 1)
	return ns + d.localName()
}

// advanceTo moves to offset n, for an error's position.
func (d *turtleDecoder) advanceTo(n int) { d.s.advance(n) }

// localName parses PN_LOCAL (possibly empty), decoding \-escapes and
// keeping %XX.
func (d *turtleDecoder) localName() string {
	var b strings.Builder
	first := true
	for {
		c := d.s.peek(0)
		switch {
		case c == '\\':
			esc := d.s.peek(1)
			if esc < 0 || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", rune(esc)) {
				d.fail(`bad escape in a local name`)
			}
			b.WriteByte(byte(esc))
			d.s.advance(2)
		case c == '%':
			if !isHex(d.s.peek(1)) || !isHex(d.s.peek(2)) {
				d.fail("'%%' not followed by two hexadecimal digits")
			}
			b.Write(d.s.bytes(3))
			d.s.advance(3)
		case c == ':':
			b.WriteByte(':')
			d.s.advance(1)
		case c == '.' && !first:
			// Dots belong to the name only if it goes on after them.
			k := 1
			for d.s.peek(k) == '.' {
				k++
			}
			if r, _ := d.s.rune(k); !isPNChars(r) && r != ':' && r != '%' && r != '\\' {
				return b.String()
			}
			b.WriteString(strings.Repeat(".", k))
			d.s.advance(k)
		default:
			r, w := d.s.rune(0)
			ok := isPNChars(r)
			if first {
				ok = isPNCharsU(r) || isDigit(r)
			}
			if w == 0 || !ok {
				return b.String()
			}
			b.WriteRune(r)
			d.s.advance(w)
		}
		first = false
	}
}

// literal parses a quoted string with its language tag or datatype.
func (d *turtleDecoder) literal() rdf.Literal {
	text := d.quoted()
	switch d.s.peek(0) {
	case '@':
		d.s.advance(1)
		n := 0
		for c := d.s.peek(n); c >= 0 && (isAlnum(byte(c)) || c == '-'); c = d.s.peek(n) {
			n++
		}
		tag := string(d.s.bytes(n))
		if !validLangTag(tag) {
			d.fail("malformed language tag %q", tag)
		}
		d.s.advance(n)
		l, err := langLiteral(text, tag)
		if err != nil {
			d.fail("%v", err)
		}
		return l
	case '^':
		if d.s.peek(1) != '^' {
			d.unexpected("'^^'")
		}
		d.s.advance(2)
		if c := d.s.peek(0); c != '<' && c != ':' && !isNameStart(c) {
			d.unexpected("a datatype IRI")
		}
		return rdf.NewTypedLiteral(text, d.iri())
	}
	l, _ := rdf.NewLiteral(text)
	return l
}

// quoted parses one of the four kinds of string and returns its text.
func (d *turtleDecoder) quoted() string {
	q := d.s.peek(0)
	long := d.s.peek(1) == q && d.s.peek(2) == q
	if long {
		d.s.advance(3)
	} else {
		d.s.advance(1)
	}
	var b strings.Builder
	for {
		c := d.s.peek(0)
		switch {
		case c < 0:
			d.fail("string not closed")
		case c == q && !long:
			d.s.advance(1)
			return b.String()
		case c == q && d.s.peek(1) == q && d.s.peek(2) == q:
			// Three quotes close a long string: a quote of its text is
			// followed by another character (the grammar's
			// ('"' | '""')? [^"\]), so """a"""" is a syntax error.
			d.s.advance(3)
			return b.String()
		case c == '\\':
			if e := d.s.peek(1); e >= 0 && echar(byte(e)) != 0 {
				b.WriteByte(echar(byte(e)))
				d.s.advance(2)
			} else {
				b.WriteRune(d.uchar())
			}
		case (c == '\n' || c == '\r') && !long:
			d.fail("line break in a short string (use \\n or a long string)")
		default:
			r, w := d.s.rune(0)
			if r == utf8.RuneError && w <= 1 {
				d.fail("invalid UTF-8")
			}
			b.WriteRune(r)
			d.s.advance(w)
		}
	}
}

// uchar parses \uXXXX or \UXXXXXXXX.
func (d *turtleDecoder) uchar() rune {
	u := d.s.peek(1)
	if u != 'u' && u != 'U' {
		d.fail(`backslash not starting an escape`)
	}
	n := 4
	if u == 'U' {
		n = 8
	}
	var r rune
	for i := range n {
		c := d.s.peek(2 + i)
		if !isHex(c) {
			d.fail("bad hex digit in escape")
		}
		r = r<<4 | rune(hexVal(byte(c)))
	}
	if r > utf8.MaxRune || 0xD800 <= r && r <= 0xDFFF {
		d.fail("escape of U+%X, not a character", r)
	}
	d.s.advance(2 + n)
	return r
}

// number parses INTEGER, DECIMAL or DOUBLE, keeping the lexical form.
func (d *turtleDecoder) number() rdf.Literal {
	n := 0
	if c := d.s.peek(0); c == '+' || c == '-' {
		n++
	}
	digits := func() int {
		k := 0
		for isDigitByte(d.s.peek(n)) {
			n++
			k++
		}
		return k
	}
	intDigits := digits()
	dt := xsdIntegerT
	if d.s.peek(n) == '.' && (isDigitByte(d.s.peek(n+1)) || intDigits > 0 && isExp(d.s.peek(n+1), d.s.peek(n+2), d.s.peek(n+3))) {
		n++
		digits()
		dt = xsdDecimal
	}
	if intDigits == 0 && dt != xsdDecimal {
		d.advanceTo(n)
		d.unexpected("a number")
	}
	if c := d.s.peek(n); c == 'e' || c == 'E' {
		n++
		if c := d.s.peek(n); c == '+' || c == '-' {
			n++
		}
		if digits() == 0 {
			d.advanceTo(n)
			d.fail("exponent without digits")
		}
		dt = xsdDouble
	}
	lex := string(d.s.bytes(n))
	d.s.advance(n)
	return rdf.NewTypedLiteral(lex, dt)
}

// isExp reports whether e, s, t start an exponent: e/E, an optional
// sign, a digit.
func isExp(e, s, t int) bool {
	if e != 'e' && e != 'E' {
		return false
	}
	if s == '+' || s == '-' {
		return isDigitByte(t)
	}
	return isDigitByte(s)
}

// directive parses @prefix or @base.
func (d *turtleDecoder) directive() {
	switch {
	case d.s.hasPrefix("@prefix") && !isNameChar(d.s.peekRune(7)):
		d.s.advance(7)
		d.prefixDecl()
	case d.s.hasPrefix("@base") && !isNameChar(d.s.peekRune(5)):
		d.s.advance(5)
		d.baseDecl()
	default:
		d.unexpected("@prefix or @base")
	}
	d.ws()
	d.expect('.', "'.' ending the directive")
}

// sparqlDirective parses PREFIX or BASE (no '.').
func (d *turtleDecoder) sparqlDirective(w string) {
	d.s.advance(len(w))
	if w == "prefix" {
		d.prefixDecl()
	} else {
		d.baseDecl()
	}
}

func (d *turtleDecoder) prefixDecl() {
	d.ws()
	n := 0
	if r, w := d.s.rune(0); isPNCharsBase(r) {
		n = w
		for {
			r, w := d.s.rune(n)
			if w == 0 || !isPNChars(r) && r != '.' {
				break
			}
			n += w
		}
	}
	if d.s.peek(n) != ':' || n > 0 && d.s.peek(n-1) == '.' {
		d.advanceTo(n)
		d.unexpected("a prefix name and ':'")
	}
	name := string(d.s.bytes(n))
	d.s.advance(n + 1)
	d.ws()
	if d.s.peek(0) != '<' {
		d.unexpected("the namespace IRI")
	}
	d.prefixes[name] = d.resolve(d.iriRef())
}

func (d *turtleDecoder) baseDecl() {
	d.ws()
	if d.s.peek(0) != '<' {
		d.unexpected("the base IRI")
	}
	d.base = d.resolve(d.iriRef())
}

// keyword returns "prefix", "base" or "graph" when the input continues
// with that word (any case) and a non-name character.
func (d *turtleDecoder) keyword() string {
	for _, w := range []string{"prefix", "base", "graph"} {
		ok := true
		for i := range len(w) {
			c := d.s.peek(i)
			if c < 0 || c|0x20 != int(w[i]) {
				ok = false
				break
			}
		}
		if ok && !isNameChar(d.s.peekRune(len(w))) && d.s.peek(len(w)) != ':' {
			return w
		}
	}
	return ""
}

// label parses a TriG graph label: IRI, blank node label or [].
func (d *turtleDecoder) label() rdf.Context {
	switch c := d.s.peek(0); {
	case c == '[' && d.anonAhead():
		d.anon()
		return d.newBlank()
	case c == '_':
		return d.blankLabel()
	case c == '<' || c == ':' || isNameStart(c):
		return d.iri()
	}
	d.unexpected("a graph name")
	return nil
}

// word returns the bare word at the current position (letters only).
func (d *turtleDecoder) word() string {
	n := 0
	for c := d.s.peek(n); c >= 0 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'); c = d.s.peek(n) {
		n++
	}
	if c := d.s.peek(n); c == ':' || isNameChar(d.s.peekRune(n)) {
		return ""
	}
	return string(d.s.bytes(n))
}

// ws skips white space and comments.
func (d *turtleDecoder) ws() {
	for {
		switch d.s.peek(0) {
		case ' ', '\t', '\n', '\r':
			d.s.advance(1)
		case '#':
			for c := d.s.peek(0); c >= 0 && c != '\n' && c != '\r'; c = d.s.peek(0) {
				d.s.advance(1)
			}
		default:
			return
		}
	}
}

func (d *turtleDecoder) expect(c byte, what string) {
	if d.s.peek(0) != int(c) {
		d.unexpected(what)
	}
	d.s.advance(1)
}

func (d *turtleDecoder) unexpected(want string) {
	if d.s.peek(0) < 0 {
		d.fail("end of document, want %s", want)
	}
	r, _ := d.s.rune(0)
	d.fail("unexpected %q, want %s", r, want)
}

func isNameStart(c int) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isNameChar(r rune) bool { return r >= 0 && isPNChars(r) }

func isNumberStart(c int) bool {
	return '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}

func isDigitByte(c int) bool { return '0' <= c && c <= '9' }

func isHex(c int) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// readError carries a read error out of the scanner.
type readError struct{ err error }

// scanner is a buffered reader with lookahead and line and column
// counting. A read error panics with readError.
type scanner struct {
	r         io.Reader
	buf       []byte
	pos       int
	eof       bool
	line, col int
}

// fill makes n bytes available after pos, if the input has them.
func (s *scanner) fill(n int) {
	for len(s.buf)-s.pos < n && !s.eof {
		if s.pos > 0 && s.pos >= len(s.buf)/2 {
			s.buf = append(s.buf[:0], s.buf[s.pos:]...)
			s.pos = 0
		}
		if cap(s.buf)-len(s.buf) < 4096 {
			nb := make([]byte, len(s.buf), 2*cap(s.buf)+64<<10)
			copy(nb, s.buf)
			s.buf = nb
		}
		k, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+k]
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			panic(readError{err})
		}
	}
}

// peek returns the byte at offset i, or -1 past the end of the input.
func (s *scanner) peek(i int) int {
	if i < 0 {
		return -1
	}
	if s.pos+i >= len(s.buf) {
		s.fill(i + 1)
		if s.pos+i >= len(s.buf) {
			return -1
		}
	}
	return int(s.buf[s.pos+i])
}

// rune decodes the character at offset i; its width is 0 at the end.
func (s *scanner) rune(i int) (rune, int) {
	s.fill(i + utf8.UTFMax)
	if s.pos+i >= len(s.buf) {
		return -1, 0
	}
	return utf8.DecodeRune(s.buf[s.pos+i:])
}

// peekRune is rune without the width; -1 at the end.
func (s *scanner) peekRune(i int) rune {
	r, _ := s.rune(i)
	return r
}

// bytes returns the next n bytes (valid until the scanner moves).
func (s *scanner) bytes(n int) []byte {
	s.fill(n)
	return s.buf[s.pos : s.pos+min(n, len(s.buf)-s.pos)]
}

func (s *scanner) hasPrefix(p string) bool {
	return string(s.bytes(len(p))) == p
}

// advance consumes n bytes (fewer at the end of the input).
func (s *scanner) advance(n int) {
	s.fill(n)
	n = min(n, len(s.buf)-s.pos)
	for _, c := range s.buf[s.pos : s.pos+n] {
		if c == '\n' {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
	}
	s.pos += n
}
