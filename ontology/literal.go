package ontology

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// LangLiteral returns the literal text@tag. The tag must be a well-formed
// BCP 47 language tag (see [ValidLangTag]); it is kept as written, case
// included. Unlike rdf.NewLangLiteral it accepts tags with more than one
// hyphen, such as "zh-Hans-CN" or "kk-Cyrl-KZ". The text must be valid UTF-8.
func LangLiteral(text, tag string) (rdf.Literal, error) {
	if !utf8.ValidString(text) {
		return rdf.Literal{}, fmt.Errorf("literal %q: not valid UTF-8", text)
	}
	if !ValidLangTag(tag) {
		return rdf.Literal{}, fmt.Errorf("literal %q: malformed language tag %q", text, tag)
	}
	if l, err := rdf.NewLangLiteral(text, tag); err == nil {
		return l, nil
	}
	// knakk/rdf offers no other constructor for such tags, but its N-Triples
	// decoder builds them: read the literal back from one line we write.
	line := "<urn:x:s> <urn:x:p> \"" + escapeNT(text) + "\"@" + tag + " .\n"
	ts, err := rdf.NewTripleDecoder(strings.NewReader(line), rdf.NTriples).DecodeAll()
	if err != nil {
		return rdf.Literal{}, fmt.Errorf("literal %q@%s: %w", text, tag, err)
	}
	if len(ts) == 1 {
		if l, ok := ts[0].Obj.(rdf.Literal); ok && l.String() == text && l.Lang() == tag {
			return l, nil
		}
	}
	return rdf.Literal{}, fmt.Errorf("literal %q@%s: %w", text, tag, errors.New("not read back intact"))
}

// escapeNT escapes s as the body of an N-Triples string literal.
func escapeNT(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// irregular lists the grandfathered tags of RFC 5646 that do not follow the
// langtag grammar.
var irregular = map[string]bool{
	"en-gb-oed": true, "i-ami": true, "i-bnn": true, "i-default": true,
	"i-enochian": true, "i-hak": true, "i-klingon": true, "i-lux": true,
	"i-mingo": true, "i-navajo": true, "i-pwn": true, "i-tao": true,
	"i-tay": true, "i-tsu": true, "sgn-be-fr": true, "sgn-be-nl": true,
	"sgn-ch-de": true,
}

// ValidLangTag reports whether tag is a well-formed BCP 47 language tag
// (RFC 5646 section 2.1): language, extlangs, script, region, variants,
// extensions and private use, in that order, or a private-use or
// grandfathered tag. Case is not significant. It does not check subtags
// against the IANA registry.
func ValidLangTag(tag string) bool {
	if tag == "" {
		return false
	}
	subs := strings.Split(tag, "-")
	for _, s := range subs {
		if len(s) < 1 || len(s) > 8 || !isAlnum(s) {
			return false
		}
	}
	if irregular[strings.ToLower(tag)] {
		return true
	}
	if strings.EqualFold(subs[0], "x") {
		return len(subs) > 1
	}
	// language: 2-3 letters with up to three 3-letter extlangs, or 4-8 letters.
	if len(subs[0]) < 2 || !isAlpha(subs[0]) {
		return false
	}
	i := 1
	if len(subs[0]) <= 3 {
		for n := 0; n < 3 && i < len(subs) && len(subs[i]) == 3 && isAlpha(subs[i]); n++ {
			i++
		}
	}
	// script: 4 letters.
	if i < len(subs) && len(subs[i]) == 4 && isAlpha(subs[i]) {
		i++
	}
	// region: 2 letters or 3 digits.
	if i < len(subs) && (len(subs[i]) == 2 && isAlpha(subs[i]) || len(subs[i]) == 3 && isDigits(subs[i])) {
		i++
	}
	// variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
	for i < len(subs) && (len(subs[i]) >= 5 || len(subs[i]) == 4 && isDigits(subs[i][:1])) {
		i++
	}
	// extensions: a singleton other than x, then subtags of 2-8 alphanumerics.
	for i < len(subs) && len(subs[i]) == 1 && !strings.EqualFold(subs[i], "x") {
		i++
		n := 0
		for i < len(subs) && len(subs[i]) >= 2 {
			i++
			n++
		}
		if n == 0 {
			return false
		}
	}
	// private use: x, then subtags of 1-8 alphanumerics.
	if i < len(subs) && strings.EqualFold(subs[i], "x") {
		return i+1 < len(subs)
	}
	return i == len(subs)
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
