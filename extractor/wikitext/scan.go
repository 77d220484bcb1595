package wikitext

import "strings"

// lineEnd returns the end of the logical line starting at i: the first
// newline before end that is not inside a template, a comment or an
// element whose content may span lines (<ref>, <nowiki>, <math>…).
func (p *parser) lineEnd(i, end int) int {
	for k := i; k < end; {
		switch p.src[k] {
		case '\n':
			return k
		case '{':
			if k+1 < end && p.src[k+1] == '{' {
				e := p.braceEnd(k, end)
				if e < 0 {
					return p.physicalEnd(k, end)
				}
				k = e
				continue
			}
		case '<':
			if e := p.skipElement(k, end); e > k {
				k = e
				continue
			}
		}
		k++
	}
	return end
}

// physicalEnd returns the end of the line holding k.
func (p *parser) physicalEnd(k, end int) int {
	if n := strings.IndexByte(p.src[k:end], '\n'); n >= 0 {
		return k + n
	}
	return end
}

// braceEnd returns the offset just past the "}}" closing the template
// opened by the "{{" at i, or -1 (and records an error) when none does
// before end.
func (p *parser) braceEnd(i, end int) int {
	depth := 0
	for k := i; k < end; {
		switch c := p.src[k]; {
		case c == '{' && k+1 < end && p.src[k+1] == '{':
			depth++
			k += 2
			continue
		case c == '}' && k+1 < end && p.src[k+1] == '}':
			depth--
			k += 2
			if depth == 0 {
				return k
			}
			continue
		case c == '<':
			if e := p.skipElement(k, end); e > k {
				k = e
				continue
			}
		}
		k++
	}
	p.fail(i, "unclosed template "+quoteStart(p.src[i:end])+": no matching \"}}\"")
	return -1
}

// quoteStart quotes the first few words of s for an error message.
func quoteStart(s string) string {
	if k := strings.IndexAny(s, "|\n"); k >= 0 {
		s = s[:k]
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return `"` + s + `"`
}

// spanTags are the elements whose content is skipped whole when lines and
// templates are delimited: it may hold newlines, braces and pipes.
var spanTags = map[string]bool{"ref": true, "nowiki": true, "pre": true, "math": true,
	"gallery": true, "timeline": true, "score": true, "syntaxhighlight": true,
	"source": true, "graph": true, "mapframe": true, "templatedata": true,
	"imagemap": true, "chem": true, "ce": true, "hiero": true, "references": true,
	"poem": true, "includeonly": true}

// skipElement returns the offset past a comment or a span element
// (opening tag, content and closing tag) starting at i, or i when none
// starts there or it is not closed before end.
func (p *parser) skipElement(i, end int) int {
	if strings.HasPrefix(p.src[i:end], "<!--") {
		if e := strings.Index(p.src[i+4:end], "-->"); e >= 0 {
			return i + 4 + e + 3
		}
		return end // an unclosed comment hides the rest
	}
	t, ok := p.tagAt(i, end)
	if !ok || t.closing || t.selfClosing || !spanTags[t.name] {
		return i
	}
	if c := p.closeTag(t.name, t.end, end); c >= 0 {
		return p.afterClose(c, end)
	}
	return i
}

// tag is an HTML-like tag of the source.
type tag struct {
	name        string // lower case
	attrs       string
	closing     bool // "</name>"
	selfClosing bool // "<name/>"
	end         int  // offset past '>'
}

// tagAt reads the tag starting at the '<' at i.
func (p *parser) tagAt(i, end int) (tag, bool) {
	var t tag
	k := i + 1
	if k < end && p.src[k] == '/' {
		t.closing = true
		k++
	}
	s := k
	for k < end && (isAlnum(p.src[k])) {
		k++
	}
	if k == s || k >= end {
		return t, false
	}
	t.name = p.lower[s:k]
	if c := p.src[k]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' {
		return t, false
	}
	gt := strings.IndexByte(p.src[k:end], '>')
	if gt < 0 || strings.IndexByte(p.src[k:k+gt], '<') >= 0 {
		return t, false
	}
	t.attrs = p.src[k : k+gt]
	t.end = k + gt + 1
	if strings.HasSuffix(t.attrs, "/") {
		t.selfClosing = true
		t.attrs = t.attrs[:len(t.attrs)-1]
	}
	return t, true
}

// closeTag returns the offset of "</name" closing an element whose
// content starts at from, or -1.
func (p *parser) closeTag(name string, from, end int) int {
	if k := strings.Index(p.lower[from:end], "</"+name); k >= 0 {
		return from + k
	}
	return -1
}

// afterClose returns the offset past the closing tag starting at c.
func (p *parser) afterClose(c, end int) int {
	if gt := strings.IndexByte(p.src[c:end], '>'); gt >= 0 {
		return c + gt + 1
	}
	return end
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// param is one argument of a template: "key = value" or a positional
// value, as a range of the source.
type param struct {
	key        string // trimmed; empty for a positional argument
	start, end int    // the value
}

// scanTop is the one scanner of nested markup: it walks src[i:j] and
// calls at for each byte that neither opens nor closes a template or a
// link, telling whether the byte is at the top level (outside them).
// elem is the end of the comment or span element (<ref>…</ref>,
// <nowiki>…) starting at k, or k when none does. at returns the offset to
// go on from (k+1, elem to skip the element), or -1 to stop.
//
// With pairs, templates and links are "{{…}}" and "[[…]]", as in a
// template's arguments or a table row, where a lone bracket is text (an
// external link "[http://x a|b]" is no nesting to split around). Without,
// every '{', '[' opens and '}', ']' closes: the scans for a key ("key =
// value") or a cell's attributes ("rowspan=2 | text") find their
// separator only in text free of any markup, and an external link's
// "[http://x?a=b y]" is not "key = value".
//
// A closer without its opener is text: depth never goes below zero, so a
// stray "]]" or "}}" in a row does not make the '|' of the next link or
// template a separator.
func (p *parser) scanTop(i, j int, pairs bool, at func(k, elem int, top bool) int) {
	brace, bracket := 0, 0
	for k := i; k < j; {
		c := p.src[k]
		n := 1
		if pairs {
			if k+1 >= j || p.src[k+1] != c {
				n = 0 // a lone bracket or brace: text
			} else {
				n = 2
			}
		}
		switch {
		case n > 0 && c == '{':
			brace++
			k += n
			continue
		case n > 0 && c == '[':
			bracket++
			k += n
			continue
		case n > 0 && c == '}' && brace > 0:
			brace--
			k += n
			continue
		case n > 0 && c == ']' && bracket > 0:
			bracket--
			k += n
			continue
		}
		elem := k
		if c == '<' {
			elem = p.skipElement(k, j)
		}
		if k = at(k, elem, brace == 0 && bracket == 0); k < 0 {
			return
		}
	}
}

// splitParams splits src[i:j] at the '|' characters outside nested
// templates, links and span elements; the first part is the name.
func (p *parser) splitParams(i, j int, named bool) []param {
	var out []param
	start := i
	add := func(e int) {
		pr := param{start: start, end: e}
		if named && len(out) > 0 {
			if eq := p.topLevelEq(start, e); eq >= 0 {
				pr.key = strings.TrimSpace(stripComments(p.src[start:eq]))
				pr.start = eq + 1
			}
		}
		out = append(out, pr)
	}
	p.scanTop(i, j, true, func(k, elem int, top bool) int {
		if elem > k {
			return elem
		}
		if top && p.src[k] == '|' {
			add(k)
			start = k + 1
		}
		return k + 1
	})
	add(j)
	return out
}

// topLevelEq returns the offset of the first '=' in src[i:j] outside
// nested markup, or -1. A key is one line of text: a tag that is no span
// element ("<ref name=x/>", "<br>"), or a line break after text, ends the
// search with none.
func (p *parser) topLevelEq(i, j int) int {
	eq := -1
	p.scanTop(i, j, false, func(k, elem int, top bool) int {
		switch c := p.src[k]; {
		case elem > k:
			return elem
		case c == '<':
			return -1 // "<ref name=x>": no key before a tag
		case c == '\n':
			if strings.TrimSpace(p.src[i:k]) != "" {
				return -1
			}
		case c == '=' && top:
			eq = k
			return -1
		}
		return k + 1
	})
	return eq
}
