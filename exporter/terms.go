package exporter

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// Well-known IRIs.
const (
	rdfType       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	xsdString     = "http://www.w3.org/2001/XMLSchema#string"
	xsdInteger    = "http://www.w3.org/2001/XMLSchema#integer"
)

// checkTriple reports whether t can be written in every format of this
// package. knakk/rdf's constructors refuse most bad terms, but zero values
// (rdf.IRI{}, rdf.Blank{}), NewBlank labels and the terms its decoders make
// are not checked by it.
func checkTriple(t rdf.Triple) error {
	if t.Subj == nil || t.Pred == nil || t.Obj == nil {
		return errors.New("incomplete triple: nil term")
	}
	switch s := t.Subj.(type) {
	case rdf.IRI:
		if err := checkIRI(s.String()); err != nil {
			return fmt.Errorf("subject: %w", err)
		}
	case rdf.Blank:
		if err := checkBlank(s); err != nil {
			return fmt.Errorf("subject: %w", err)
		}
	default:
		return fmt.Errorf("subject: unsupported term type %T", t.Subj)
	}
	p, ok := t.Pred.(rdf.IRI)
	if !ok {
		return fmt.Errorf("predicate: unsupported term type %T", t.Pred)
	}
	if err := checkIRI(p.String()); err != nil {
		return fmt.Errorf("predicate: %w", err)
	}
	switch o := t.Obj.(type) {
	case rdf.IRI:
		if err := checkIRI(o.String()); err != nil {
			return fmt.Errorf("object: %w", err)
		}
	case rdf.Blank:
		if err := checkBlank(o); err != nil {
			return fmt.Errorf("object: %w", err)
		}
	case rdf.Literal:
		if err := checkLiteral(o); err != nil {
			return fmt.Errorf("object: %w", err)
		}
	default:
		return fmt.Errorf("object: unsupported term type %T", t.Obj)
	}
	return nil
}

// checkIRI accepts absolute IRIs that fit Turtle's and N-Triples' IRIREF
// without escapes: a scheme, valid UTF-8, none of the characters
// [\x00-\x20<>"{}|^`\]. (Writing those as \u escapes would not help: the
// escaped IRI is still an invalid IRI, which the W3C test suites reject.)
func checkIRI(s string) error {
	if s == "" {
		return errors.New("empty IRI")
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if iriForbidden[c] {
			return fmt.Errorf("IRI %q contains disallowed character %q", s, rune(c))
		}
	}
	if !ascii && !utf8.ValidString(s) {
		return fmt.Errorf("IRI %q is not valid UTF-8", s)
	}
	if !hasScheme(s) {
		return fmt.Errorf("IRI %q is not absolute", s)
	}
	return nil
}

// iriForbidden marks the ASCII bytes IRIREF does not allow: controls,
// space and <>"{}|^`\.
var iriForbidden = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// hasScheme reports whether s starts with an RFC 3986 scheme and a colon.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// blankLabel returns the label of b without "_:". (rdf.Blank.String panics
// on the zero value.)
func blankLabel(b rdf.Blank) string {
	return strings.TrimPrefix(b.Serialize(rdf.NTriples), "_:")
}

// checkBlank accepts blank nodes whose label matches BLANK_NODE_LABEL of
// N-Triples and Turtle: (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?.
func checkBlank(b rdf.Blank) error {
	id := b.Serialize(rdf.NTriples)
	if !strings.HasPrefix(id, "_:") || len(id) == 2 {
		return errors.New("blank node without label")
	}
	label := id[2:]
	if !utf8.ValidString(label) {
		return fmt.Errorf("blank node label %q is not valid UTF-8", label)
	}
	last := len(label) - 1
	for i, r := range label {
		ok := false
		switch {
		case i == 0:
			ok = isPNCharsU(r) || isDigit(r)
		case i == last:
			ok = isPNChars(r)
		default:
			ok = isPNChars(r) || r == '.'
		}
		if !ok {
			return fmt.Errorf("blank node label %q: character %q not allowed there", label, r)
		}
	}
	return nil
}

// checkLiteral accepts literals with valid UTF-8 text, an absolute datatype
// IRI and, when language-tagged, a tag matching
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func checkLiteral(l rdf.Literal) error {
	if !utf8.ValidString(l.String()) {
		return fmt.Errorf("literal %q is not valid UTF-8", l.String())
	}
	if lang := l.Lang(); lang != "" {
		if !validLangTag(lang) {
			return fmt.Errorf("literal %q: malformed language tag %q", l.String(), lang)
		}
		return nil
	}
	dt := l.DataType.String()
	if dt == rdfLangString {
		return fmt.Errorf("literal %q: rdf:langString without language tag", l.String())
	}
	if err := checkIRI(dt); err != nil {
		return fmt.Errorf("literal %q: datatype: %w", l.String(), err)
	}
	return nil
}

// validLangTag reports whether s matches Turtle's LANGTAG (without '@').
// The case is kept as given.
func validLangTag(s string) bool {
	if s == "" {
		return false
	}
	first, n := true, 0 // n: length of the current subtag
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			n++
		case '0' <= c && c <= '9' && !first:
			n++
		case c == '-' && n > 0:
			first, n = false, 0
		default:
			return false
		}
	}
	return n > 0
}

// isCanonicalInteger reports whether s is an integer in canonical form,
// which Turtle may write bare: "0", or an optional "-" and digits not
// starting with 0. A bare INTEGER such as +5, 007 or -0 is, by the
// Turtle grammar, the literal of that lexical form, but readers that
// convert numbers (rdflib's Turtle and TriG parsers) give it back
// normalized ("5", "7", "0"): those stay quoted.
func isCanonicalInteger(s string) bool {
	if s == "0" {
		return true
	}
	s = strings.TrimPrefix(s, "-")
	if s == "" || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isPNCharsBase reports whether r is in Turtle's PN_CHARS_BASE.
func isPNCharsBase(r rune) bool {
	switch {
	case 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return 0xC0 <= r && r <= 0xD6 ||
		0xD8 <= r && r <= 0xF6 ||
		0xF8 <= r && r <= 0x2FF ||
		0x370 <= r && r <= 0x37D ||
		0x37F <= r && r <= 0x1FFF ||
		0x200C <= r && r <= 0x200D ||
		0x2070 <= r && r <= 0x218F ||
		0x2C00 <= r && r <= 0x2FEF ||
		0x3001 <= r && r <= 0xD7FF ||
		0xF900 <= r && r <= 0xFDCF ||
		0xFDF0 <= r && r <= 0xFFFD ||
		0x10000 <= r && r <= 0xEFFFF
}

// isPNCharsU reports whether r is in PN_CHARS_U: PN_CHARS_BASE | '_'.
func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

// isPNChars reports whether r is in PN_CHARS:
// PN_CHARS_U | '-' | [0-9] | #xB7 | [#x300-#x36F] | [#x203F-#x2040].
func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || isDigit(r) || r == 0xB7 ||
		0x300 <= r && r <= 0x36F || 0x203F <= r && r <= 0x2040
}

// validPrefixName reports whether s is a Turtle PN_PREFIX or empty:
// PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?.
func validPrefixName(s string) bool {
	return utf8.ValidString(s) && validPN(s, isPNCharsBase)
}

// validLocalName reports whether s can follow "prefix:" in Turtle without
// any escape. It accepts a conservative subset of PN_LOCAL: PN_CHARS_U or a
// digit first, then PN_CHARS or '.', not ending with '.'. Names with ':',
// '%' escapes or backslash escapes are valid Turtle too but are refused, so
// that such IRIs are written whole as <…>, which every parser reads the
// same way. The empty name is valid ("kg:" is the namespace IRI itself).
func validLocalName(s string) bool {
	return validPN(s, func(r rune) bool { return isPNCharsU(r) || isDigit(r) })
}

// validPN reports whether s is a name of the PN_PREFIX/PN_LOCAL shape: a
// first character accepted by first, then PN_CHARS or '.', not ending with
// '.'.
func validPN(s string, first func(rune) bool) bool {
	last := len(s) - 1
	for i, r := range s {
		switch {
		case i == 0:
			if !first(r) {
				return false
			}
		case i == last:
			if !isPNChars(r) {
				return false
			}
		default:
			if !isPNChars(r) && r != '.' {
				return false
			}
		}
	}
	return true
}

// checkPrefixes validates prefixes for Turtle: names must be PN_PREFIX (or
// empty) and unique, IRIs absolute and IRIREF-safe.
func checkPrefixes(ps []Prefix) error {
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		if !validPrefixName(p.Name) {
			return fmt.Errorf("prefix %q: not a valid prefix name", p.Name)
		}
		if seen[p.Name] {
			return fmt.Errorf("prefix %q: declared twice", p.Name)
		}
		seen[p.Name] = true
		if err := checkIRI(p.IRI); err != nil {
			return fmt.Errorf("prefix %q: %w", p.Name, err)
		}
	}
	return nil
}
