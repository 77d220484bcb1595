package exporter

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// nquadsDecoder is this package's own streaming parser of N-Triples and
// N-Quads (W3C RDF 1.1 grammars). knakk/rdf's decoders for these formats
// are not used: their lexer goroutine panics, killing the program, on a
// line whose IRI is not closed (such as a truncated file), some of their
// errors give no position, and they read 0.3–0.5 M triples/s.
//
// It reads a line at a time (lines end at LF; a CR also ends a statement)
// and keeps nothing from one statement to the next, so memory does not
// grow with the input. Errors give the line and byte column.
type nquadsDecoder struct {
	name   string // "ntriples" or "nquads", for errors
	quads  bool   // a fourth term (graph) is allowed
	r      *bufio.Reader
	long   []byte // a line longer than the reader's buffer
	p      lineParser
	cache  iriCache
	line   int // current line number
	n      int // statements decoded
	err    error
	closed bool
}

func newNQuadsDecoder(r io.Reader, quads bool) *nquadsDecoder {
	name := "ntriples"
	if quads {
		name = "nquads"
	}
	return &nquadsDecoder{name: name, quads: quads, r: bufio.NewReaderSize(r, 64<<10)}
}

// Decode returns the next statement.
func (d *nquadsDecoder) Decode() (rdf.Quad, error) {
	if d.closed {
		return rdf.Quad{}, fmt.Errorf("%s: decoder is closed", d.name)
	}
	if d.err != nil {
		return rdf.Quad{}, d.err
	}
	for {
		if d.p.rest() {
			q, err := d.p.statement(d.quads)
			if err != nil {
				d.err = fmt.Errorf("%s: %w", d.name, &SyntaxError{Line: d.line, Col: d.p.i + 1, Statement: d.n, Msg: err.Error()})
				return rdf.Quad{}, d.err
			}
			if q.Subj != nil {
				d.n++
				return q, nil
			}
			continue // blank or comment
		}
		line, err := d.readLine()
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				d.err = io.EOF
			} else {
				d.err = fmt.Errorf("%s: read: %w", d.name, err)
			}
			return rdf.Quad{}, d.err
		}
		d.line++
		if !utf8.Valid(line) {
			i := 0
			for i < len(line) {
				r, n := utf8.DecodeRune(line[i:])
				if r == utf8.RuneError && n <= 1 {
					break
				}
				i += n
			}
			d.err = fmt.Errorf("%s: %w", d.name, &SyntaxError{Line: d.line, Col: i + 1, Statement: d.n, Msg: "invalid UTF-8"})
			return rdf.Quad{}, d.err
		}
		d.p = lineParser{s: line, cache: &d.cache}
	}
}

// readLine returns the next line without its LF. A read error other than
// EOF after some bytes is kept for the next call.
func (d *nquadsDecoder) readLine() ([]byte, error) {
	line, err := d.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		d.long = append(d.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = d.r.ReadSlice('\n')
			d.long = append(d.long, line...)
		}
		line = d.long
	}
	if err == nil {
		line = line[:len(line)-1]
	} else if len(line) > 0 && err != io.EOF {
		// Parse what came; the error shows on the next read.
		err = nil
	}
	return line, err
}

// Line returns the line of the last statement decoded (or of the error).
func (d *nquadsDecoder) Line() int { return d.line }

// Close releases the decoder.
func (d *nquadsDecoder) Close() error {
	d.closed = true
	d.p = lineParser{}
	d.long = nil
	d.cache = iriCache{}
	return nil
}

// lineParser parses statements from one line.
type lineParser struct {
	s     []byte
	i     int
	cache *iriCache // nil: none
}

// iriCache maps IRIs as written (without escapes) to their terms, boxed:
// IRIs repeat from statement to statement (predicates, classes, datatypes,
// graph names, a subject's run of statements), and a hit saves making the
// string, checking it and boxing it. It holds at most iriCacheSize IRIs
// and starts afresh when full.
type iriCache struct {
	m map[string]rdf.Term
}

const iriCacheSize = 1 << 12

func (c *iriCache) get(raw []byte) (rdf.Term, bool) {
	t, ok := c.m[string(raw)] // no allocation for the lookup
	return t, ok
}

func (c *iriCache) put(s string, t rdf.Term) {
	if c.m == nil || len(c.m) >= iriCacheSize {
		c.m = make(map[string]rdf.Term, iriCacheSize)
	}
	c.m[s] = t
}

// iriStop marks the bytes that end the fast scan of an IRIREF: '>', '\\'
// and the bytes IRIREF excludes (controls, space, <"{}|^`).
var iriStop = func() (t [256]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte("<>\"{}|^`\\") {
		t[c] = true
	}
	return t
}()

// rest reports whether the line has more to parse.
func (p *lineParser) rest() bool { return p.i < len(p.s) }

func (p *lineParser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// statement parses one statement, or skips a blank line or comment (the
// quad is then zero). It ends at the end of the line or after a CR.
func (p *lineParser) statement(quads bool) (rdf.Quad, error) {
	var q rdf.Quad
	p.ws()
	if p.end() {
		return q, nil
	}
	s, err := p.subject("subject")
	if err != nil {
		return q, err
	}
	p.ws()
	pt, err := p.iriTerm("predicate")
	if err != nil {
		return q, err
	}
	pi := pt.(rdf.Predicate)
	p.ws()
	o, err := p.object()
	if err != nil {
		return q, err
	}
	p.ws()
	var g rdf.Context
	if quads && p.i < len(p.s) && (p.s[p.i] == '<' || p.s[p.i] == '_') {
		if g, err = p.subject("graph"); err != nil {
			return q, err
		}
		p.ws()
	}
	if p.i >= len(p.s) || p.s[p.i] != '.' {
		return q, p.unexpected("'.' ending the statement")
	}
	p.i++
	p.ws()
	if !p.end() {
		return q, p.unexpected("end of line after '.'")
	}
	return rdf.Quad{Triple: rdf.Triple{Subj: s, Pred: pi, Obj: o}, Ctx: g}, nil
}

// end skips a comment and the CRs ending a statement and reports whether
// the statement may end here.
func (p *lineParser) end() bool {
	if p.i >= len(p.s) {
		return true
	}
	switch p.s[p.i] {
	case '#':
		p.i = len(p.s)
		return true
	case '\r':
		for p.i < len(p.s) && (p.s[p.i] == '\r' || p.s[p.i] == '\n') {
			p.i++
		}
		return true
	}
	return false
}

func (p *lineParser) unexpected(want string) error {
	if p.i >= len(p.s) {
		return fmt.Errorf("end of line, want %s", want)
	}
	r, _ := utf8.DecodeRune(p.s[p.i:])
	return fmt.Errorf("unexpected %q, want %s", r, want)
}

func (p *lineParser) subject(what string) (rdf.Subject, error) {
	if p.i < len(p.s) && p.s[p.i] == '_' {
		return p.blank(what)
	}
	t, err := p.iriTerm(what)
	if err != nil {
		return nil, err
	}
	return t.(rdf.Subject), nil
}

func (p *lineParser) object() (rdf.Object, error) {
	if p.i < len(p.s) {
		switch p.s[p.i] {
		case '_':
			return p.blank("object")
		case '"':
			return p.literal()
		}
	}
	t, err := p.iriTerm("object")
	if err != nil {
		return nil, err
	}
	return t.(rdf.Object), nil
}

// iri parses an IRIREF, which must be absolute.
func (p *lineParser) iri(what string) (rdf.IRI, error) {
	t, err := p.iriTerm(what)
	if err != nil {
		return rdf.IRI{}, err
	}
	return t.(rdf.IRI), nil
}

// iriTerm parses an IRIREF, which must be absolute, and returns it boxed
// (an rdf.IRI), from the cache when it was seen lately.
func (p *lineParser) iriTerm(what string) (rdf.Term, error) {
	if p.i >= len(p.s) || p.s[p.i] != '<' {
		return nil, p.unexpected(what + " IRI or blank node")
	}
	start := p.i
	p.i++
	from := p.i
	for p.i < len(p.s) && !iriStop[p.s[p.i]] {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '>' && p.cache != nil {
		if t, ok := p.cache.get(p.s[from:p.i]); ok {
			p.i++
			return t, nil
		}
	}
	var b strings.Builder
	escaped := false
	for {
		if p.i >= len(p.s) {
			p.i = start
			return nil, fmt.Errorf("%s IRI not closed by '>'", what)
		}
		c := p.s[p.i]
		switch {
		case c == '>':
			b.Write(p.s[from:p.i])
			p.i++
			s := b.String()
			if !hasScheme(s) {
				p.i = start
				return nil, fmt.Errorf("relative IRI <%s> (N-Triples and N-Quads need absolute IRIs)", s)
			}
			iri, err := rdf.NewIRI(s)
			if err != nil {
				p.i = start
				return nil, fmt.Errorf("IRI <%s>: %v", s, err)
			}
			t := rdf.Term(iri)
			if p.cache != nil && !escaped {
				p.cache.put(s, t)
			}
			return t, nil
		case c == '\\':
			b.Write(p.s[from:p.i])
			r, err := p.uchar()
			if err != nil {
				return nil, err
			}
			b.WriteRune(r)
			from, escaped = p.i, true
		case c <= 0x20 || iriExcluded(c):
			return nil, fmt.Errorf("character %q not allowed in an IRI", rune(c))
		default:
			p.i++
		}
	}
}

func iriExcluded(c byte) bool {
	switch c {
	case '<', '"', '{', '}', '|', '^', '`':
		return true
	}
	return false
}

// uchar parses \uXXXX or \UXXXXXXXX at p.i.
func (p *lineParser) uchar() (rune, error) {
	if p.i+1 >= len(p.s) || (p.s[p.i+1] != 'u' && p.s[p.i+1] != 'U') {
		return 0, errors.New(`backslash not starting \u or \U escape`)
	}
	n := 4
	if p.s[p.i+1] == 'U' {
		n = 8
	}
	if p.i+2+n > len(p.s) {
		return 0, errors.New("escape cut short")
	}
	var r rune
	for _, c := range p.s[p.i+2 : p.i+2+n] {
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, fmt.Errorf("bad hex digit %q in escape", rune(c))
		}
		r = r<<4 | rune(v)
	}
	if r > utf8.MaxRune || 0xD800 <= r && r <= 0xDFFF {
		return 0, fmt.Errorf("escape of U+%X, not a character", r)
	}
	p.i += 2 + n
	return r, nil
}

// blank parses a BLANK_NODE_LABEL.
func (p *lineParser) blank(what string) (rdf.Blank, error) {
	if p.i+1 >= len(p.s) || p.s[p.i+1] != ':' {
		return rdf.Blank{}, p.unexpected(what)
	}
	p.i += 2
	start := p.i
	if p.i < len(p.s) {
		r, n := utf8.DecodeRune(p.s[p.i:])
		if isPNCharsU(r) || isDigit(r) {
			p.i += n
			for p.i < len(p.s) {
				r, n := utf8.DecodeRune(p.s[p.i:])
				if !isPNChars(r) && r != '.' {
					break
				}
				p.i += n
			}
			for p.s[p.i-1] == '.' { // a final '.' ends the statement
				p.i--
			}
		}
	}
	if p.i == start {
		return rdf.Blank{}, p.unexpected("blank node label")
	}
	return rdf.NewBlank(string(p.s[start:p.i]))
}

// literal parses a STRING_LITERAL_QUOTE with its language tag or
// datatype.
func (p *lineParser) literal() (rdf.Literal, error) {
	start := p.i
	p.i++
	var b strings.Builder
	from := p.i
	for {
		if p.i >= len(p.s) {
			p.i = start
			return rdf.Literal{}, errors.New(`literal not closed by '"'`)
		}
		c := p.s[p.i]
		if c == '"' {
			break
		}
		switch c {
		case '\\':
			b.Write(p.s[from:p.i])
			if p.i+1 >= len(p.s) {
				return rdf.Literal{}, errors.New("escape cut short")
			}
			if esc := echar(p.s[p.i+1]); esc != 0 {
				b.WriteByte(esc)
				p.i += 2
			} else {
				r, err := p.uchar()
				if err != nil {
					return rdf.Literal{}, err
				}
				b.WriteRune(r)
			}
			from = p.i
		case '\r':
			return rdf.Literal{}, errors.New("carriage return in a literal (write it \\r)")
		default:
			p.i++
		}
	}
	b.Write(p.s[from:p.i])
	p.i++ // closing quote
	text := b.String()
	if p.i < len(p.s) && p.s[p.i] == '@' {
		p.i++
		from := p.i
		for p.i < len(p.s) && (isAlnum(p.s[p.i]) || p.s[p.i] == '-') {
			p.i++
		}
		tag := string(p.s[from:p.i])
		if !validLangTag(tag) {
			p.i = from
			return rdf.Literal{}, fmt.Errorf("malformed language tag %q", tag)
		}
		return langLiteral(text, tag)
	}
	if p.i+1 < len(p.s) && p.s[p.i] == '^' && p.s[p.i+1] == '^' {
		p.i += 2
		dt, err := p.iri("datatype")
		if err != nil {
			return rdf.Literal{}, err
		}
		return rdf.NewTypedLiteral(text, dt), nil
	}
	return rdf.NewLiteral(text)
}

// echar returns the character an ECHAR escape \c stands for, or 0.
func echar(c byte) byte {
	switch c {
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	case '"', '\'', '\\':
		return c
	}
	return 0
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
