package wikitext

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
)

func linkOf(sp extractor.Span, title string) extractor.WikiLink {
	return extractor.WikiLink{Span: sp, Title: normTitle(title)}
}

// truncate drops what was written from n on, with its links.
func (o *buf) truncate(n int) {
	o.b = o.b[:n]
	o.pending = noSpace
	k := len(o.links)
	for k > 0 && o.links[k-1].Span.Start >= n {
		k--
	}
	o.links = o.links[:k]
}

// infoboxAt says whether the logical line src[i:le] opens with an
// infobox template.
func (p *parser) infoboxAt(i, le int) bool {
	t := strings.TrimLeft(p.src[i:le], " \t")
	if !strings.HasPrefix(t, "{{") {
		return false
	}
	return strings.HasPrefix(strings.ToLower(strings.TrimLeft(t[2:], " \t\n")), "infobox")
}

// Infobox parameters that hold no fact (pictures, layout, links and
// their references): keys holding one of noFactParts, starting with one
// of noFactPrefixes or ending with one of noFactSuffixes.
var (
	noFactParts = []string{"image", "caption", "map", "flag", "coat", "symbol", "logo",
		"seal", "signature", "width", "size", "upright", "module", "embed", "footnote",
		"website", "url", "nocat", "pushpin", "label_pos", "relief", "border", "style"}
	noFactPrefixes = []string{"alt", "ref", "native_name_lang", "note"}
	noFactSuffixes = []string{"_ref", "_note"}
)

// noFact says whether an infobox key holds no fact.
func noFact(key string) bool {
	k := asciiLower(key)
	for _, p := range noFactParts {
		if strings.Contains(k, p) {
			return true
		}
	}
	for _, p := range noFactPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	for _, p := range noFactSuffixes {
		if strings.HasSuffix(k, p) {
			return true
		}
	}
	return false
}

// infobox renders the infobox template starting at the "{{" at i as a
// block of "key: value" lines, each a row of an infobox table, and returns
// the offset past the template.
func (p *parser) infobox(i, end int) int {
	e := p.braceEnd(i, end)
	if e < 0 {
		return end
	}
	c := p.parseCall(i, e)
	t := &extractor.Table{Header: []string{"Key", "Value"},
		Infobox: strings.TrimSpace(strings.TrimPrefix(c.name, "infobox"))}
	if t.Infobox == "" {
		t.Infobox = "generic"
	}
	o := &p.main
	o.newline()
	for _, a := range c.params {
		if a.key == "" || noFact(a.key) {
			continue
		}
		ls := o.len()
		o.text(strings.ReplaceAll(a.key, "_", " "))
		ks := o.trimmed(ls)
		o.glue(": ")
		vs0 := o.len()
		p.listItems(a.start, a.end)
		vs := o.trimmed(vs0)
		if vs.Len() == 0 || ks.Len() == 0 {
			o.truncate(ls)
			continue
		}
		row := o.trimmed(ls)
		o.newline()
		t.Rows = append(t.Rows, extractor.Row{Span: row, Cells: []extractor.Span{ks, vs}})
	}
	if len(t.Rows) > 0 {
		sp := extractor.Span{Start: t.Rows[0].Span.Start, End: t.Rows[len(t.Rows)-1].Span.End}
		p.doc.Blocks = append(p.doc.Blocks, extractor.Block{Kind: extractor.TableBlock, Span: sp, Section: p.section, Table: t})
	}
	return e
}

// cell is a table cell of the source.
type cell struct {
	a, b             int // content
	header           bool
	rowspan, colspan int
}

var spanAttrRE = regexp.MustCompile(`(?i)\b(rowspan|colspan)\s*=\s*["']?\s*(\d+)`)

// Spans beyond these are taken as these: they only stretch empty space.
const (
	maxColspan = 20
	maxRowspan = 50
	maxColumns = 60
)

// table reads the wikitable whose "{|" is at i and returns the offset
// past its closing "|}" line.
func (p *parser) table(i, end int) int {
	var rows [][]cell
	newRow := true
	k := p.lineEnd(i, end) + 1
	for k < end && p.err == nil {
		le := p.lineEnd(k, end)
		line := p.src[k:le]
		t := strings.TrimLeft(line, " \t")
		off := k + len(line) - len(t)
		switch {
		case strings.HasPrefix(t, "|}"):
			p.tableBlock(rows)
			return min(le+1, end)
		case strings.HasPrefix(t, "{|"):
			le = p.skipTable(off, end) // a table in a cell: not read
		case strings.HasPrefix(t, "|-"):
			newRow = true
		case strings.HasPrefix(t, "|+"):
			// A caption: not a row.
		case strings.HasPrefix(t, "!") || strings.HasPrefix(t, "|"):
			if newRow || len(rows) == 0 {
				rows = append(rows, nil)
				newRow = false
			}
			r := &rows[len(rows)-1]
			*r = append(*r, p.splitCells(off+1, le, t[0] == '!')...)
		default:
			// A cell's text continues on this line.
			if n := len(rows); n > 0 && len(rows[n-1]) > 0 {
				rows[n-1][len(rows[n-1])-1].b = le
			}
		}
		k = le + 1
	}
	p.fail(i, `unclosed table "{|": no matching "|}"`)
	return end
}

// skipTable returns the end of the line closing the table opened at i.
func (p *parser) skipTable(i, end int) int {
	depth := 0
	for k := i; k < end; {
		le := p.lineEnd(k, end)
		t := strings.TrimLeft(p.src[k:le], " \t")
		switch {
		case strings.HasPrefix(t, "{|"):
			depth++
		case strings.HasPrefix(t, "|}"):
			depth--
			if depth == 0 {
				return le
			}
		}
		k = le + 1
	}
	return end
}

// splitCells splits a row line src[a:b] (after its first '|' or '!') at
// "||" (and "!!" on header lines) outside nested markup, and each cell at
// its attribute separator.
func (p *parser) splitCells(a, b int, header bool) []cell {
	var out []cell
	start := a
	add := func(e int) {
		c := cell{a: start, b: e, header: header, rowspan: 1, colspan: 1}
		if k := p.attrBar(start, e); k >= 0 {
			for _, m := range spanAttrRE.FindAllStringSubmatch(p.src[start:k], -1) {
				n, _ := strconv.Atoi(m[2])
				if strings.EqualFold(m[1], "rowspan") {
					c.rowspan = max(1, min(n, maxRowspan))
				} else {
					c.colspan = max(1, min(n, maxColspan))
				}
			}
			c.a = k + 1
		}
		out = append(out, c)
	}
	p.scanTop(a, b, true, func(k, elem int, top bool) int {
		if elem > k {
			return elem
		}
		ch := p.src[k]
		if top && k+1 < b && (ch == '|' && p.src[k+1] == '|' || header && ch == '!' && p.src[k+1] == '!') {
			add(k)
			start = k + 2
			return k + 2
		}
		return k + 1
	})
	add(b)
	return out
}

// attrBar returns the offset of the single '|' that ends a cell's
// attributes ("rowspan=2 | text"), or -1. Attributes hold no element: a
// comment or span element before any '|' makes the cell all content.
func (p *parser) attrBar(a, b int) int {
	bar := -1
	p.scanTop(a, b, false, func(k, elem int, top bool) int {
		if elem > k {
			return -1 // a tag: content, not attributes
		}
		if top && p.src[k] == '|' {
			bar = k
			return -1
		}
		return k + 1
	})
	return bar
}

// grid lays rows of cells out in columns, repeating cells that span rows
// or columns: grid[r][c] is the cell at row r, column c (nil when none).
func grid(rows [][]cell) [][]*cell {
	out := make([][]*cell, len(rows))
	type carry struct {
		c    *cell
		left int
	}
	var carried []carry // by column
	for r := range rows {
		var line []*cell
		col := 0
		place := func(c *cell) {
			if col >= maxColumns {
				return
			}
			for len(line) <= col {
				line = append(line, nil)
			}
			line[col] = c
			col++
		}
		next := 0
		for {
			// Columns held by cells from rows above.
			for col < len(carried) && col < maxColumns && carried[col].left > 0 {
				carried[col].left--
				place(carried[col].c)
			}
			if next >= len(rows[r]) {
				break
			}
			c := &rows[r][next]
			next++
			for s := 0; s < c.colspan; s++ {
				for len(carried) <= col {
					carried = append(carried, carry{})
				}
				carried[col] = carry{c, c.rowspan - 1}
				place(c)
				if col >= maxColumns {
					break
				}
			}
			if col >= maxColumns {
				break
			}
		}
		out[r] = line
	}
	return out
}

// tableBlock renders a table's rows: the header rows at its top give the
// column names, each other row is one line of cells separated by tabs.
func (p *parser) tableBlock(rows [][]cell) {
	nh := 0
	for nh < len(rows) && len(rows[nh]) > 0 && allHeader(rows[nh]) {
		nh++
	}
	t := &extractor.Table{}
	o := &p.main
	o.newline()
	start := o.len()
	if nh > 0 {
		g := grid(rows[:nh])
		width := 0
		for _, l := range g {
			width = max(width, len(l))
		}
		t.Header = make([]string, width)
		for col := 0; col < width; col++ {
			for r := nh - 1; r >= 0; r-- {
				if col < len(g[r]) && g[r][col] != nil {
					t.Header[col] = collapseSpaces(p.plain(g[r][col].a, g[r][col].b))
					if t.Header[col] != "" {
						break
					}
				}
			}
		}
		for col, h := range t.Header {
			if h == "" {
				continue
			}
			if col > 0 && h == t.Header[col-1] {
				continue
			}
			o.sep("\t")
			o.text(h)
		}
		o.newline()
	}
	g := grid(rows[nh:])
	for _, line := range g {
		ls := o.len()
		row := extractor.Row{Cells: make([]extractor.Span, len(t.Header))}
		for col, c := range line {
			if c == nil || col > 0 && line[col-1] == c {
				continue // a column spanned by the cell before
			}
			o.sep("\t")
			cs := o.len()
			p.brAt = -1
			p.inline(c.a, c.b)
			sp := o.trimmed(cs)
			if sp.Len() == 0 {
				o.truncate(cs)
				continue
			}
			// "Name<br><small>(born 1953)</small>": the cell is its first line.
			if p.brAt > cs {
				if first := o.trimmedTo(cs, p.brAt); first.Len() > 0 {
					sp = first
				}
			}
			if col < len(row.Cells) {
				row.Cells[col] = sp
			}
		}
		row.Span = o.trimmed(ls)
		if row.Span.Len() == 0 {
			o.truncate(ls)
			continue
		}
		o.newline()
		t.Rows = append(t.Rows, row)
	}
	sp := o.trimmed(start)
	o.newline()
	if sp.Len() == 0 {
		return
	}
	p.doc.Blocks = append(p.doc.Blocks, extractor.Block{Kind: extractor.TableBlock, Span: sp, Section: p.section, Table: t})
}

func allHeader(cs []cell) bool {
	for _, c := range cs {
		if !c.header {
			return false
		}
	}
	return true
}
