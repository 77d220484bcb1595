// Package wikitext reads MediaWiki wikitext into the extractor's document
// model, the same one plain text is read into: headings open sections,
// paragraphs and list items are split into sentences, wikitables and
// infoboxes become tables, and <ref> footnotes become numbered notes cited
// by "[n]" markers after the sentences. Markup is rendered as the text a
// reader sees: bold and italics, comments, files, categories and templates
// that carry no text are dropped; links become their label; date,
// language and citation templates become text. Every internal link is
// kept as a [extractor.WikiLink]: the span of its label and the title of
// the Wikipedia article it points to.
package wikitext

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
)

// Extensions are the file name extensions of wikitext files.
var Extensions = []string{".wiki", ".wikitext", ".mediawiki"}

// IsWikitext says whether a file name has a wikitext extension.
func IsWikitext(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// maxDepth bounds the nesting of templates, links and tags rendered
// inside each other; deeper markup is dropped.
const maxDepth = 40

// Parse reads an article's wikitext into a Document. name is a file path
// ("politics-of-x.wiki", "-" for stdin), whose base name without extension
// names the document, or a page title ("Politics of X"), which is then the
// document's title. Errors are *extractor.InputError values naming name and
// the line and column of the fault: bad UTF-8, binary data, an unclosed
// template or table, a redirect or a page with no text.
func Parse(name string, data []byte) (*extractor.Document, error) {
	if err := extractor.CheckText(name, data); err != nil {
		return nil, err
	}
	src := strings.TrimPrefix(string(data), "\ufeff")
	off := len(data) - len(src)
	d := &extractor.Document{Path: name}
	switch {
	case name == "-" || name == "":
		d.Name = "stdin"
		d.Title = extractor.TitleFromName(d.Name)
	case IsWikitext(name) || strings.HasSuffix(strings.ToLower(name), ".txt"):
		d.Name = extractor.DocName(name)
		d.Title = extractor.TitleFromName(d.Name)
	default: // a page title
		d.Title = collapseSpaces(strings.ReplaceAll(name, "_", " "))
		d.Name = d.Title
	}
	p := &parser{path: name, src: src, lower: asciiLower(src), off: off, data: data,
		doc: d, section: -1, refSection: -2, named: map[string]int{}, brAt: -1,
		budget: 64*len(src) + 1<<20}
	p.out = &p.main
	if m := redirectRE.FindStringSubmatch(src); m != nil {
		return nil, p.errorAt(0, "redirect page (to "+strings.TrimSpace(m[1])+"): no article text")
	}
	p.blocks(0, len(src))
	if p.err != nil {
		return nil, p.err
	}
	p.footnotes()
	d.Text = string(p.main.b)
	d.Links = p.main.links
	sort.SliceStable(d.Links, func(i, j int) bool { return d.Links[i].Span.Start < d.Links[j].Span.Start })
	if strings.TrimSpace(d.Text) == "" {
		return nil, &extractor.InputError{Path: name, Msg: "empty input: no article text"}
	}
	d.SplitSentences()
	return d, nil
}

var redirectRE = regexp.MustCompile(`(?i)^\s*#redirect\s*:?\s*\[\[([^\]|]*)`)

// parser is the state of one Parse.
type parser struct {
	path  string
	src   string
	lower string // src with ASCII letters in lower case, for tag names
	data  []byte // the input, for positions in errors
	off   int    // bytes of data before src (a byte order mark)
	doc   *extractor.Document
	main  buf
	out   *buf // where rendering goes: main, or a footnote's own buffer
	depth int
	err   error
	// work counts the bytes rendered, budget bounds it: markup that makes
	// rendering blow up (text rendered again and again) is cut short.
	work, budget int

	section    int // current section index, -1 before the first heading
	nav        bool
	refSection int // section of the reference list; -2 when none was seen
	notes      []note
	named      map[string]int // <ref name=…> → footnote number
	inRef      bool
	brAt       int // where the first <br> of a table cell was written; -1 before
}

// note is a footnote's rendered text.
type note struct {
	text    string
	links   []extractor.WikiLink
	defined bool
}

// errorAt returns an InputError at source offset i.
func (p *parser) errorAt(i int, msg string) error {
	line, col := 1, 1
	b := p.data[:min(len(p.data), p.off+i)]
	for k := 0; k < len(b); k++ {
		if b[k] == '\n' {
			line, col = line+1, 1
		} else if b[k]&0xc0 != 0x80 {
			col++
		}
	}
	return &extractor.InputError{Path: p.path, Line: line, Col: col, Msg: msg}
}

// fail records the first structural error.
func (p *parser) fail(i int, msg string) {
	if p.err == nil {
		p.err = p.errorAt(i, msg)
	}
}

// addBlock records a block rendered from start to the end of the main
// buffer, if it holds any text, and ends its line.
func (p *parser) addBlock(k extractor.BlockKind, start int, t *extractor.Table) {
	sp := p.main.trimmed(start)
	p.main.newline()
	if sp.Len() == 0 {
		return
	}
	if p.nav && (k == extractor.Paragraph || k == extractor.ListItem) {
		k = extractor.Layout
	}
	p.doc.Blocks = append(p.doc.Blocks, extractor.Block{Kind: k, Span: sp, Section: p.section, Table: t})
}

var headingRE = regexp.MustCompile(`^(={1,6})(.+?)(={1,6})[ \t]*$`)

// blocks reads the block structure of src[i:end].
func (p *parser) blocks(i, end int) {
	para := -1 // start of the open paragraph in the main buffer
	closePara := func() {
		if para >= 0 {
			p.addBlock(extractor.Paragraph, para, nil)
			para = -1
		}
	}
	for i < end && p.err == nil {
		le := p.lineEnd(i, end)
		line := p.src[i:le]
		trimmed := strings.TrimSpace(stripComments(line))
		next := min(le+1, end)
		switch {
		case trimmed == "":
			closePara()
		case trimmed[0] == '=' && headingRE.MatchString(trimmed):
			closePara()
			p.heading(i, le)
		case strings.HasPrefix(trimmed, "{|"):
			closePara()
			next = p.table(i+strings.Index(line, "{|"), end)
		case strings.HasPrefix(line, "----"):
			closePara()
		case line[0] == '*' || line[0] == '#':
			closePara()
			k := strings.IndexFunc(line, func(r rune) bool { return !strings.ContainsRune("*#:;", r) })
			if k < 0 {
				break
			}
			start := p.main.len()
			p.inline(i+k, le)
			p.addBlock(extractor.ListItem, start, nil)
		case line[0] == ':' || line[0] == ';':
			closePara()
			k := strings.IndexFunc(line, func(r rune) bool { return !strings.ContainsRune(":;", r) })
			if k < 0 {
				break
			}
			start := p.main.len()
			p.inline(i+k, le)
			p.addBlock(extractor.Paragraph, start, nil)
		case p.infoboxAt(i, le):
			closePara()
			next = p.infobox(i+strings.Index(line, "{{"), end)
		default:
			if para < 0 {
				para = p.main.len()
			} else {
				p.main.text(" ")
			}
			p.inline(i, le)
		}
		i = next
	}
	closePara()
}

// heading reads a "== Title ==" line at src[i:le].
func (p *parser) heading(i, le int) {
	line := p.src[i:le]
	m := headingRE.FindStringSubmatchIndex(strings.TrimRight(stripComments(line), " \t"))
	if m == nil {
		return
	}
	level := min(m[3]-m[2], m[7]-m[6])
	// "== A ==" and "=== B ===": the inner text between the '=' runs.
	a, b := i+m[2]+level, i+m[7]-level
	if a > b {
		return
	}
	start := p.main.len()
	p.inline(a, b)
	sp := p.main.trimmed(start)
	p.main.newline()
	if sp.Len() == 0 {
		return
	}
	title := string(p.main.b[sp.Start:sp.End])
	p.doc.Sections = append(p.doc.Sections, extractor.Section{Heading: sp, Title: title, Level: max(1, level-1)})
	p.section = len(p.doc.Sections) - 1
	p.nav = extractor.IsNavHeading(title)
	p.doc.Blocks = append(p.doc.Blocks, extractor.Block{Kind: extractor.Heading, Span: sp, Section: p.section})
}

// footnotes appends the numbered notes, "1. ^ text", after the article.
func (p *parser) footnotes() {
	if len(p.notes) == 0 {
		return
	}
	sec := p.section
	if p.refSection >= -1 {
		sec = p.refSection
	}
	o := &p.main
	o.newline()
	for i, n := range p.notes {
		o.glue(itoa(i+1) + ". ^")
		start := o.len()
		if n.text != "" {
			o.glue(" ")
			start = o.len()
			for _, l := range n.links {
				l.Span.Start += start
				l.Span.End += start
				o.links = append(o.links, l)
			}
			o.glue(n.text)
		}
		sp := extractor.Span{Start: start, End: o.len()}
		o.newline()
		p.doc.Footnotes = append(p.doc.Footnotes, extractor.Footnote{Number: i + 1, Span: sp})
		p.doc.Blocks = append(p.doc.Blocks, extractor.Block{Kind: extractor.FootnoteBlock, Span: sp, Section: sec})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// asciiLower lower-cases ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// stripComments removes <!-- … --> from a line (to its end when unclosed).
func stripComments(s string) string {
	for {
		k := strings.Index(s, "<!--")
		if k < 0 {
			return s
		}
		e := strings.Index(s[k:], "-->")
		if e < 0 {
			return s[:k]
		}
		s = s[:k] + s[k+e+3:]
	}
}
