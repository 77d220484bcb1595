package wikitext

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/extractor"
)

// inline renders src[i:j] into the current buffer: text, links,
// templates, tags and formatting.
func (p *parser) inline(i, j int) {
	p.depth++
	defer func() { p.depth-- }()
	p.work += j - i
	if p.depth > maxDepth || p.err != nil || p.work > p.budget {
		p.out.dropped()
		return
	}
	run := i // start of literal text not yet written
	lit := func(k int) {
		if run < k {
			p.out.text(p.src[run:k])
		}
	}
	for k := i; k < j && p.err == nil; {
		c := p.src[k]
		next := -1
		switch c {
		case '{':
			if k+1 < j && p.src[k+1] == '{' {
				lit(k)
				e := p.braceEnd(k, j)
				if e < 0 {
					return
				}
				p.template(k, e)
				next = e
			}
		case '[':
			lit(k)
			if k+1 < j && p.src[k+1] == '[' {
				next = p.link(k, j)
			} else {
				next = p.extLink(k, j)
			}
			if next < 0 {
				p.out.text("[")
				next = k + 1
			}
		case '<':
			lit(k)
			next = p.element(k, j)
			if next < 0 {
				p.out.text("<")
				next = k + 1
			}
		case '\'':
			n := 1
			for k+n < j && p.src[k+n] == '\'' {
				n++
			}
			if n >= 2 {
				lit(k)
				switch {
				case n == 4:
					p.out.text("'")
				case n > 5:
					p.out.text(strings.Repeat("'", n-5))
				}
				next = k + n
			} else {
				k++
				continue
			}
		case '&':
			if m := entityRE.FindString(p.src[k:j]); m != "" {
				lit(k)
				s := html.UnescapeString(m)
				s = strings.NewReplacer("\u00a0", " ", "\u2009", " ", "\u202f", " ", "\u200b", "").Replace(s)
				p.out.text(s)
				next = k + len(m)
			}
		case '_':
			if m := magicRE.FindString(p.src[k:j]); m != "" {
				lit(k)
				p.out.dropped()
				next = k + len(m)
			}
		case '~':
			if strings.HasPrefix(p.src[k:j], "~~~") {
				lit(k)
				n := 3
				for k+n < j && p.src[k+n] == '~' {
					n++
				}
				p.out.dropped() // a signature
				next = k + n
			}
		}
		if next < 0 {
			k++
			continue
		}
		k, run = next, next
	}
	lit(j)
}

var (
	entityRE = regexp.MustCompile(`^&(?:[a-zA-Z][a-zA-Z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)
	magicRE  = regexp.MustCompile(`^__[A-Z]{3,20}__`)
)

// plain renders src[i:j] into a scratch buffer and returns the text,
// leaving the current buffer untouched.
func (p *parser) plain(i, j int) string {
	saved := p.out
	var b buf
	p.out = &b
	p.inline(i, j)
	p.out = saved
	return strings.TrimSpace(string(b.b))
}

// rendered renders src[i:j] into the current buffer and returns the span
// of the text written, trimmed.
func (p *parser) rendered(i, j int) extractor.Span {
	start := p.out.len()
	p.inline(i, j)
	return p.out.trimmed(start)
}

// Namespaces whose links are dropped, and those of other wikis, whose
// links are rendered as text without a title.
var (
	dropNS  = map[string]bool{"file": true, "image": true, "media": true, "category": true}
	otherNS = map[string]bool{"wikipedia": true, "wp": true, "help": true, "template": true,
		"portal": true, "wiktionary": true, "wikt": true, "special": true, "talk": true,
		"user": true, "draft": true, "module": true, "s": true, "commons": true, "c": true,
		"wikisource": true, "q": true, "wikiquote": true, "n": true, "wikinews": true,
		"b": true, "wikibooks": true, "v": true, "voy": true, "species": true, "mw": true,
		"meta": true, "m": true, "w": true, "d": true, "wikidata": true, "user talk": true,
		"wikipedia talk": true, "template talk": true, "category talk": true, "file talk": true,
		"mos": true, "h": true, "t": true, "cat": true}
	langPrefixRE = regexp.MustCompile(`^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$`)
)

// link renders the internal link "[[…]]" at i, records its title, and
// returns the offset past it (and its trail), or -1 when it is not closed
// within the paragraph.
func (p *parser) link(i, j int) int {
	e := p.bracketEnd(i, j)
	if e < 0 {
		return -1
	}
	ps := p.splitParams(i+2, e-2, false)
	target := strings.TrimSpace(stripComments(p.src[ps[0].start:ps[0].end]))
	if strings.Contains(target, "{{") || strings.Contains(target, "<") {
		target = p.plain(ps[0].start, ps[0].end)
	}
	colon := strings.HasPrefix(target, ":")
	target = strings.TrimSpace(strings.TrimPrefix(target, ":"))
	title := normTitle(target)
	if ns, rest, ok := strings.Cut(title, ":"); ok {
		nsl := strings.ToLower(strings.TrimSpace(ns))
		switch {
		case dropNS[nsl] && !colon:
			p.out.dropped()
			return e
		case dropNS[nsl] || otherNS[nsl]:
			title = "" // a category or another wiki: text only
			if len(ps) == 1 {
				target = strings.TrimSpace(rest)
			}
		case langPrefixRE.MatchString(nsl):
			if !colon {
				p.out.dropped() // an interlanguage link
				return e
			}
			title = ""
		}
	}
	start := p.out.len()
	switch {
	case len(ps) == 1:
		p.out.text(decode(target))
	case strings.TrimSpace(p.src[ps[1].start:e-2]) == "": // the pipe trick
		label := target
		if k := strings.Index(label, ":"); k >= 0 {
			label = label[k+1:]
		}
		if k := strings.Index(label, " ("); k > 0 {
			label = label[:k]
		} else if k := strings.Index(label, ", "); k > 0 {
			label = label[:k]
		}
		p.out.text(decode(label))
	default:
		p.inline(ps[1].start, e-2)
	}
	// The link trail: "[[parliament]]s" reads "parliaments".
	k := e
	for k < j {
		r, w := utf8.DecodeRuneInString(p.src[k:j])
		if !unicode.IsLetter(r) || r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
			break
		}
		k += w
	}
	if k > e {
		p.out.text(p.src[e:k])
	}
	sp := p.out.trimmed(start)
	if k := strings.IndexByte(title, '#'); k >= 0 {
		title = strings.TrimSpace(title[:k])
	}
	if sp.Len() > 0 && title != "" {
		p.out.links = append(p.out.links, extractor.WikiLink{Span: sp, Title: title})
	}
	return k
}

// bracketEnd returns the offset past the "]]" closing the "[[" at i, or -1
// when none does before a blank line or j.
func (p *parser) bracketEnd(i, j int) int {
	depth := 0
	for k := i; k < j; {
		switch c := p.src[k]; {
		case c == '[' && k+1 < j && p.src[k+1] == '[':
			depth++
			k += 2
			continue
		case c == ']' && k+1 < j && p.src[k+1] == ']':
			depth--
			k += 2
			if depth == 0 {
				return k
			}
			continue
		case c == '{' && k+1 < j && p.src[k+1] == '{':
			if e := p.braceEnd(k, j); e > k {
				k = e
				continue
			}
			return -1
		case c == '<':
			if e := p.skipElement(k, j); e > k {
				k = e
				continue
			}
		case c == '\n' && strings.HasPrefix(p.src[k+1:j], "\n"):
			return -1
		}
		k++
	}
	return -1
}

// normTitle normalizes a page title as MediaWiki does: underscores are
// spaces, runs of space are one, the first letter is upper case, entities
// and percent-escapes are decoded.
func normTitle(t string) string {
	t = decode(t)
	if strings.Contains(t, "%") {
		t = unescapePercent(t)
	}
	t = collapseSpaces(strings.ReplaceAll(t, "_", " "))
	r, w := utf8.DecodeRuneInString(t)
	if r == utf8.RuneError {
		return t
	}
	return string(unicode.ToUpper(r)) + t[w:]
}

// decode decodes HTML entities, no-break spaces becoming spaces.
func decode(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
}

// unescapePercent decodes %XX escapes that form valid UTF-8.
func unescapePercent(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

var schemeRE = regexp.MustCompile(`^\[(?i:https?://|ftp://|//|mailto:|irc://|news:)`)

// extLink renders "[url label]" at i as its label and returns the offset
// past it, or -1 when i opens no external link.
func (p *parser) extLink(i, j int) int {
	if !schemeRE.MatchString(p.src[i:j]) {
		return -1
	}
	e := strings.IndexAny(p.src[i:j], "]\n")
	if e < 0 || p.src[i+e] != ']' {
		return -1
	}
	e += i
	sp := strings.IndexAny(p.src[i:e], " \t")
	if sp < 0 {
		p.out.dropped() // a bare "[url]" shows as a number
		return e + 1
	}
	p.inline(i+sp+1, e)
	return e + 1
}

// Elements dropped with their content, and tags dropped while their
// content is kept.
var (
	dropTags = map[string]bool{"math": true, "gallery": true, "timeline": true, "score": true,
		"syntaxhighlight": true, "source": true, "graph": true, "mapframe": true,
		"maplink": true, "templatedata": true, "imagemap": true, "hiero": true,
		"chem": true, "ce": true, "templatestyles": true, "includeonly": true,
		"categorytree": true, "inputbox": true, "charinsert": true, "indicator": true}
	keepTags = map[string]bool{"span": true, "small": true, "big": true, "sup": true,
		"sub": true, "div": true, "center": true, "abbr": true, "s": true, "u": true,
		"b": true, "i": true, "em": true, "strong": true, "blockquote": true, "cite": true,
		"code": true, "tt": true, "q": true, "poem": true, "font": true, "del": true,
		"ins": true, "mark": true, "kbd": true, "var": true, "p": true, "noinclude": true,
		"onlyinclude": true, "bdi": true, "dfn": true, "samp": true, "strike": true,
		"table": true, "tr": true, "td": true, "th": true, "ul": true, "ol": true,
		"li": true, "dl": true, "dt": true, "dd": true, "caption": true, "wbr": true,
		"section": true, "nowiki": false}
)

// element renders the comment or tag at i and returns the offset past
// it, or -1 when '<' opens nothing.
func (p *parser) element(i, j int) int {
	if strings.HasPrefix(p.src[i:j], "<!--") {
		p.out.dropped()
		if e := strings.Index(p.src[i+4:j], "-->"); e >= 0 {
			return i + 4 + e + 3
		}
		return j
	}
	t, ok := p.tagAt(i, j)
	if !ok {
		return -1
	}
	body := func() (int, int) { // content range and the end past the closing tag
		if t.selfClosing || t.closing {
			return t.end, t.end
		}
		c := p.closeTag(t.name, t.end, j)
		if c < 0 {
			return t.end, t.end
		}
		return c, p.afterClose(c, j)
	}
	switch {
	case t.name == "ref":
		if t.closing {
			return t.end
		}
		c, after := body()
		p.ref(t, t.end, c)
		return after
	case t.name == "references":
		if p.refSection < -1 {
			p.refSection = p.section
		}
		c, after := body()
		if c > t.end {
			p.refDefinitions(t.end, c)
		}
		return after
	case t.name == "nowiki" || t.name == "pre":
		c, after := body()
		p.out.text(decode(p.src[t.end:c]))
		return after
	case t.name == "br" || t.name == "hr":
		if p.brAt < 0 {
			p.brAt = p.out.len()
		}
		p.out.text(" ")
		return t.end
	case dropTags[t.name]:
		_, after := body()
		p.out.dropped()
		return after
	case keepTags[t.name]:
		return t.end
	}
	return -1
}

var (
	refNameRE  = regexp.MustCompile(`(?i)\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s/>]+))`)
	refGroupRE = regexp.MustCompile(`(?i)\bgroup\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s/>]+))`)
)

func attr(re *regexp.Regexp, attrs string) string {
	m := re.FindStringSubmatch(attrs)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1] + m[2] + m[3])
}

// ref reads a <ref> whose content is src[a:b]: its note gets a number at
// its first use, named notes keep theirs, and a "[n]" marker is written.
// Notes of a group (explanatory notes, "[a]") are dropped.
func (p *parser) ref(t tag, a, b int) {
	if attr(refGroupRE, t.attrs) != "" || p.inRef {
		p.out.dropped()
		return
	}
	n := p.defineRef(attr(refNameRE, t.attrs), a, b)
	p.out.glue("[" + itoa(n) + "]")
}

// defineRef gives the note named name (or an unnamed one) its number and,
// when src[a:b] holds text, its content.
func (p *parser) defineRef(name string, a, b int) int {
	n, ok := 0, false
	if name != "" {
		n, ok = p.named[name]
	}
	if !ok {
		p.notes = append(p.notes, note{})
		n = len(p.notes)
		if name != "" {
			p.named[name] = n
		}
	}
	if nt := &p.notes[n-1]; !nt.defined && strings.TrimSpace(p.src[a:b]) != "" {
		nt.defined = true // before rendering: a note may not define itself
		saved, savedIn := p.out, p.inRef
		var o buf
		p.out = &o
		p.inRef = true
		p.inline(a, b)
		p.inRef = savedIn
		p.out = saved
		nt = &p.notes[n-1] // rendering may have grown p.notes
		sp := o.trimmed(0)
		nt.text = string(o.b[sp.Start:sp.End])
		for _, l := range o.links {
			l.Span.Start -= sp.Start
			l.Span.End -= sp.Start
			nt.links = append(nt.links, l)
		}
	}
	return n
}

// refDefinitions reads the named notes defined in a reference list
// ("<references>…</references>", "{{reflist|refs=…}}").
func (p *parser) refDefinitions(a, b int) {
	if p.inRef {
		return
	}
	for k := a; k < b; {
		i := strings.Index(p.lower[k:b], "<ref")
		if i < 0 {
			return
		}
		i += k
		t, ok := p.tagAt(i, b)
		if !ok || t.name != "ref" || t.closing {
			k = i + 4
			continue
		}
		if t.selfClosing {
			k = t.end
			continue
		}
		c := p.closeTag("ref", t.end, b)
		if c < 0 {
			return
		}
		if name := attr(refNameRE, t.attrs); name != "" && attr(refGroupRE, t.attrs) == "" {
			p.defineRef(name, t.end, c)
		}
		k = p.afterClose(c, b)
	}
}
