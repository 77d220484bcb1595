package wikitext

import "github.com/kgbuild/kgbuild/extractor"

// Pending white space in a buffer.
const (
	noSpace   = iota
	space     // a space is due before the next text
	weakSpace // a space is due unless punctuation follows: it stood before something dropped
)

// buf is rendered text being built, with the wiki links found in it. White
// space is normalized as it is written: runs of spaces, tabs and newlines
// become one space, and none is kept at the start or end of a line.
type buf struct {
	b       []byte
	links   []extractor.WikiLink
	pending int
}

func (o *buf) len() int { return len(o.b) }

// atLineStart says whether nothing has been written on the current line.
func (o *buf) atLineStart() bool { return len(o.b) == 0 || o.b[len(o.b)-1] == '\n' }

// flush writes a pending space, unless the next text is closing
// punctuation after a dropped element.
func (o *buf) flush(next byte) {
	if o.pending == noSpace {
		return
	}
	weak := o.pending == weakSpace
	o.pending = noSpace
	if o.atLineStart() || o.b[len(o.b)-1] == ' ' || o.b[len(o.b)-1] == '\t' {
		return
	}
	if weak && (next == '.' || next == ',' || next == ';' || next == ':' || next == ')' || next == '!' || next == '?') {
		return
	}
	o.b = append(o.b, ' ')
}

// text writes s, normalizing its white space.
func (o *buf) text(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if o.pending == noSpace {
				o.pending = space
			}
			continue
		}
		if c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0 { // no-break space
			if o.pending == noSpace {
				o.pending = space
			}
			i++
			continue
		}
		o.flush(c)
		o.b = append(o.b, c)
	}
}

// dropped notes that an element rendering nothing stood here.
func (o *buf) dropped() {
	if o.pending == space {
		o.pending = weakSpace
	}
}

// glue writes s with no space before it: a citation marker.
func (o *buf) glue(s string) {
	o.pending = noSpace
	o.b = append(o.b, s...)
}

// sep writes a literal separator (a tab between table cells).
func (o *buf) sep(s string) {
	o.pending = noSpace
	if !o.atLineStart() {
		o.b = append(o.b, s...)
	}
}

// newline ends the current line, if anything is on it.
func (o *buf) newline() {
	o.pending = noSpace
	for len(o.b) > 0 && (o.b[len(o.b)-1] == ' ' || o.b[len(o.b)-1] == '\t') {
		o.b = o.b[:len(o.b)-1]
	}
	if !o.atLineStart() {
		o.b = append(o.b, '\n')
	}
}

// trimmed returns the span [start, end of buffer) without surrounding
// white space.
func (o *buf) trimmed(start int) extractor.Span { return o.trimmedTo(start, len(o.b)) }

// trimmedTo returns the span [start, e) without surrounding white space.
func (o *buf) trimmedTo(start, e int) extractor.Span {
	for e > start && (o.b[e-1] == ' ' || o.b[e-1] == '\t' || o.b[e-1] == '\n') {
		e--
	}
	for start < e && (o.b[start] == ' ' || o.b[start] == '\t' || o.b[start] == '\n') {
		start++
	}
	return extractor.Span{Start: start, End: e}
}
