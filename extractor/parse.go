package extractor

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// InputError reports input that cannot be read as an article, with the
// position of the first offending byte.
type InputError struct {
	Path      string
	Line, Col int // 1-based; zero when the whole input is at fault
	Msg       string
}

func (e *InputError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// position returns the 1-based line and column (in runes) of byte offset i.
func position(text []byte, i int) (line, col int) {
	line = 1 + strings.Count(string(text[:i]), "\n")
	start := strings.LastIndexByte(string(text[:i]), '\n') + 1
	return line, 1 + utf8.RuneCount(text[start:i])
}

// CheckText rejects empty, binary and non-UTF-8 input with an
// *InputError naming path and the position of the first bad byte.
func CheckText(path string, text []byte) error { return check(path, text) }

// check rejects empty, binary and non-UTF-8 input.
func check(path string, text []byte) error {
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && w <= 1 {
			l, c := position(text, i)
			return &InputError{path, l, c, fmt.Sprintf("invalid UTF-8 byte 0x%02x", text[i])}
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f {
			l, c := position(text, i)
			return &InputError{path, l, c, fmt.Sprintf("binary data (control character U+%04X): not a plain-text article", r)}
		}
		i += w
	}
	if strings.TrimSpace(strings.TrimPrefix(string(text), "\ufeff")) == "" {
		return &InputError{Path: path, Msg: "empty input: no article text"}
	}
	return nil
}

// DocName derives a document's short name from its path: the base name
// without extension ("government-of-kazakhstan"), or "stdin" for "-".
func DocName(path string) string {
	if path == "-" || path == "" {
		return "stdin"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// TitleName derives the short name of an article known by its title (a
// Wikipedia page, a JSON Lines record), as DocName does from a file name:
// the title's slug, "Politics of Armenia" → "politics-of-armenia".
func TitleName(title string) string { return slug(title) }

var smallWords = map[string]bool{"of": true, "the": true, "and": true, "in": true,
	"on": true, "for": true, "a": true, "an": true, "to": true, "at": true, "by": true}

// TitleFromName turns a document's short name into its title:
// "government-of-kazakhstan" → "Government of Kazakhstan".
func TitleFromName(name string) string { return titleFromName(name) }

// titleFromName turns "government-of-kazakhstan" into "Government of Kazakhstan".
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		if i > 0 && smallWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

var (
	footnoteRE = regexp.MustCompile(`^\s*(\d{1,4})\.\s+\^\s*`)
	layoutRE   = regexp.MustCompile(`^(?:See also|Main articles?|Further information|Further reading|For more information|Related articles?)\s*:`)
	bannerRE   = regexp.MustCompile(`(?i)^(?:This (?:article|section|list)\b.{0,60}\b(?:needs|may|has|is|relies|contains|lacks|requires|does not|possibly)\b|Please help improve\b)|Learn how and when to remove this (?:template )?message`)
	// Sections whose items are navigation, not content.
	navHeadings = map[string]bool{"see also": true, "references": true, "notes": true,
		"external links": true, "further reading": true, "bibliography": true,
		"sources": true, "footnotes": true, "citations": true, "notes and references": true}
)

// tableHeaderWords are the column names of office-holder and similar tables.
var tableHeaderWords = map[string]bool{"office": true, "name": true, "party": true,
	"since": true, "term": true, "from": true, "to": true, "until": true, "position": true,
	"portrait": true, "incumbent": true, "took": true, "left": true, "start": true,
	"end": true, "date": true, "seats": true, "votes": true, "region": true,
	"capital": true, "area": true, "population": true, "minister": true, "ministry": true,
	"leader": true, "title": true, "year": true, "notes": true, "born": true,
	"portfolio": true, "holder": true, "officeholder": true, "affiliation": true, "in": true,
	// Tables of divisions: "Province Capital Area Population".
	"province": true, "oblast": true, "district": true, "division": true,
	"subdivision": true, "state": true, "county": true, "centre": true, "center": true,
	"seat": true, "administrative": true, "density": true, "code": true, "iso": true,
	"established": true, "governor": true, "type": true, "municipality": true,
	"prefecture": true, "canton": true, "department": true, "governorate": true}

// unitParenRE matches a short parenthesized unit or year after a column
// name in a table header.
var unitParenRE = regexp.MustCompile(`\s*\([^()]{1,20}\)`)

// IsNavHeading says whether a section heading ("See also", "References")
// opens a section of navigation rather than content.
func IsNavHeading(title string) bool { return navHeadings[strings.ToLower(strings.TrimSpace(title))] }

func isTableHeader(line string) bool {
	// Units and years in parentheses qualify a column: "Area (km²)",
	// "Population (2019 est.)".
	if strings.IndexByte(line, '(') >= 0 {
		line = unitParenRE.ReplaceAllString(line, "")
	}
	if len(line) > 80 || strings.ContainsAny(line, ".,;:()") {
		return false // prose, not a row of column names
	}
	f := headerColumns(line)
	if len(f) < 2 || len(f) > 8 {
		return false
	}
	for _, col := range f {
		for _, w := range strings.Fields(col) {
			if !tableHeaderWords[strings.ToLower(w)] {
				return false
			}
		}
		if !unicode.IsUpper([]rune(col)[0]) {
			return false
		}
	}
	return true
}

// headerColumns splits a header line into column names: a capitalized
// word opens a column, lower-case words continue it ("Took office").
func headerColumns(line string) []string {
	var cols []string
	for _, w := range strings.Fields(line) {
		if len(cols) > 0 && !unicode.IsUpper([]rune(w)[0]) {
			cols[len(cols)-1] += " " + w
			continue
		}
		cols = append(cols, w)
	}
	return cols
}

// isShort says whether a line looks like a heading or list item rather
// than prose: few words and no sentence-final punctuation.
func isShort(line string) bool { return unpunctuated(line, 10) }

// termLineRE matches a line naming a term of office in parentheses, with a day
// and month in it: "Alla Berdy Berdiyev (24 July 1938 – 27 July 1938)".
var termLineRE = regexp.MustCompile(`^\p{Lu}[^()]*\([^()]*\d{1,2} ` + monthAlt + `\b[^()]*[–—-][^()]*\)`)

// labelLineRE matches a "label: value" line ("highest courts: Supreme
// Court (34 judges)"), which is no heading.
var labelLineRE = regexp.MustCompile(`^\pL[\pL ()'-]{0,40}: \S`)

// isListy says whether a line can be an item of a list: no sentence-final
// punctuation, and at most 30 words ("Balysh Ovezovich Ovezov (14 July
// 1951 – 14 January 1958) (first time)" is longer than a heading).
func isListy(line string) bool { return unpunctuated(line, 30) }

// unpunctuated says whether a line has at most max words and does not end
// with sentence punctuation (citation markers aside).
func unpunctuated(line string, max int) bool {
	t := strings.TrimSpace(line)
	for strings.HasSuffix(t, "]") { // "….[1]": the citation closes a sentence
		k := strings.LastIndexByte(t, '[')
		if k < 0 {
			break
		}
		t = strings.TrimSpace(t[:k])
	}
	if t == "" || len(strings.Fields(t)) > max {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".:;,!?", last)
}

type rawLine struct {
	span Span // trimmed of surrounding white space
	text string
}

// Parse reads an article's plain text into a Document. path names the
// input in errors ("-" for stdin).
func Parse(path string, data []byte) (*Document, error) {
	if err := check(path, data); err != nil {
		return nil, err
	}
	text := string(data)
	name := DocName(path)
	d := &Document{Name: name, Path: path, Title: titleFromName(name), Text: text}

	// Lines with their spans, trimmed; blank lines kept as empty text.
	var lines []rawLine
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		s, e := off, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if off == 0 && strings.HasPrefix(text[s:e], "\ufeff") {
			s += 3
		}
		lines = append(lines, rawLine{Span{s, e}, text[s:e]})
		off = end + 1
	}

	blank := func(i int) bool { return i < 0 || i >= len(lines) || lines[i].text == "" }
	section := -1
	nav := false
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		if ln.text == "" {
			continue
		}
		add := func(k BlockKind) { d.Blocks = append(d.Blocks, Block{Kind: k, Span: ln.span, Section: section}) }
		switch {
		case footnoteRE.MatchString(ln.text):
			m := footnoteRE.FindStringSubmatchIndex(ln.text)
			n := atoi(ln.text[m[2]:m[3]])
			fs := Span{ln.span.Start + m[1], ln.span.End}
			d.Footnotes = append(d.Footnotes, Footnote{Number: n, Span: fs})
			d.Blocks = append(d.Blocks, Block{Kind: FootnoteBlock, Span: fs, Section: section})
		case layoutRE.MatchString(ln.text) || mayMatch(bannerRE, ln.text) && bannerRE.MatchString(ln.text):
			add(Layout)
		case isTableHeader(ln.text) && !blank(i+1):
			t := &Table{Header: headerColumns(ln.text)}
			start := ln.span.Start
			end := ln.span.End
			for i+1 < len(lines) && !blank(i+1) && !footnoteRE.MatchString(lines[i+1].text) {
				i++
				t.Rows = append(t.Rows, Row{Span: lines[i].span})
				end = lines[i].span.End
			}
			d.Blocks = append(d.Blocks, Block{Kind: TableBlock, Span: Span{start, end}, Section: section, Table: t})
		case isShort(ln.text) && blank(i-1) && len(d.Blocks) > 0 && d.Blocks[len(d.Blocks)-1].Kind == Heading && termLineRE.MatchString(ln.text):
			// "Chairman of the Supreme Soviet", then one holder and the
			// dates of the term: a list of one item, not a heading.
			add(ListItem)
		case isShort(ln.text) && blank(i-1) && !labelLineRE.MatchString(ln.text) && (blank(i+1) || isTableHeader(lines[i+1].text) || !isListy(lines[i+1].text)):
			// An isolated short line opens a section.
			d.Sections = append(d.Sections, Section{Heading: ln.span, Title: ln.text, Level: 1})
			section = len(d.Sections) - 1
			nav = navHeadings[strings.ToLower(ln.text)]
			add(Heading)
		case nav:
			add(Layout)
		case isListy(ln.text) && (!blank(i-1) && isListy(lines[i-1].text) || !blank(i+1) && isListy(lines[i+1].text)):
			add(ListItem)
		default:
			add(Paragraph)
		}
	}
	d.SplitSentences()
	var idx wordIndex
	for bi := range d.Blocks {
		if t := d.Blocks[bi].Table; t != nil {
			if idx == nil {
				idx = indexWords(text)
			}
			splitRows(d, idx, t)
		}
	}
	return d, nil
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' }

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var (
	citeRE = regexp.MustCompile(`^\[(?:(\d{1,4})|[a-z][a-z ]{1,30}|note \d+|[a-z])\]`)
	// abbreviations after which a period does not end a sentence.
	abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
		"jr": true, "sr": true, "no": true, "vs": true, "etc": true, "e.g": true, "i.e": true,
		"gen": true, "col": true, "lt": true, "gov": true, "sen": true, "rep": true,
		"prof": true, "ca": true, "approx": true, "jan": true, "feb": true, "mar": true,
		"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
		"oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "vol": true,
		"pp": true, "p": true, "art": true, "fig": true, "cf": true, "al": true, "inc": true,
		"ltd": true, "co": true, "corp": true, "est": true, "sq": true, "c": true}
)

// splitSentences cuts a block into sentences at '.', '!' or '?' followed by
// optional citation markers, white space and an upper-case letter, digit or
// quote, unless the period closes an abbreviation or an initial.
func splitSentences(text string, b Span, block int) []Sentence {
	var out []Sentence
	start := b.Start
	var cites []int
	i := b.Start
	for i < b.End {
		c := text[i]
		if c == '[' {
			if m := citeRE.FindStringSubmatch(text[i:b.End]); m != nil {
				if m[1] != "" {
					cites = append(cites, atoi(m[1]))
				}
				i += len(m[0])
				continue
			}
		}
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		j := i + 1
		for j < b.End && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		for j < b.End && text[j] == '[' {
			m := citeRE.FindStringSubmatch(text[j:b.End])
			if m == nil {
				break
			}
			if m[1] != "" {
				cites = append(cites, atoi(m[1]))
			}
			j += len(m[0])
		}
		end := j
		if j < b.End && !isSpaceByte(text[j]) {
			i = j
			continue
		}
		for j < b.End && isSpaceByte(text[j]) {
			j++
		}
		if j < b.End {
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“') || c == '.' && isAbbrev(text[start:i]) {
				i = end
				continue
			}
		}
		out = append(out, Sentence{Span: Span{start, end}, Block: block, Cites: cites})
		cites = nil
		start = j
		i = j
	}
	if start < b.End {
		e := b.End
		out = append(out, Sentence{Span: Span{start, e}, Block: block, Cites: cites})
	}
	return out
}

// isAbbrev says whether s ends with an abbreviation or an initial.
func isAbbrev(s string) bool {
	k := strings.LastIndexAny(s, " (\"")
	w := s[k+1:]
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return strings.Count(w, ".") >= 1 && len(w) <= 6 // U.S, e.g, a.m
}
