package link

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is the format of an index file: SPARQL 1.1 query results as the
// Wikidata Query Service downloads them.
type Format uint8

// Index file formats.
const (
	JSON    Format = iota + 1 // SPARQL 1.1 Query Results JSON (.srj, .json)
	CSV                       // SPARQL 1.1 Query Results CSV (.csv)
	TSV                       // SPARQL 1.1 Query Results TSV (.tsv)
	Dump                      // Wikidata JSON entity dump (latest-all.json), read with DefaultLangs
	Compact                   // kgbuild's compact index (see IndexWriter)
)

func (f Format) String() string {
	switch f {
	case JSON:
		return "SPARQL results JSON"
	case CSV:
		return "SPARQL results CSV"
	case TSV:
		return "SPARQL results TSV"
	case Dump:
		return "Wikidata JSON dump"
	case Compact:
		return "kgbuild index"
	}
	return "unknown format"
}

// FormatOf returns the format a file name's extension names (".srj",
// ".json", ".csv", ".tsv", each also with ".gz"), and false for any other.
func FormatOf(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(path), ".gz")))
	switch ext {
	case ".srj", ".json":
		return JSON, true
	case ".csv":
		return CSV, true
	case ".tsv":
		return TSV, true
	}
	return 0, false
}

// Error is an error in an index file, at a line (from 1; 0 when the error
// is not at a line).
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func errAt(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}

// Load reads an index file: SPARQL 1.1 query results in JSON, CSV or TSV
// (by the extension, see [FormatOf]; a file of another name is sniffed),
// optionally gzip-compressed (".gz"). The results must have an item column
// (variable) and may have any of these, in any order (names are read
// without case, and a leading '?' is dropped):
//
//	item                    the Wikidata item (IRI, wd:Q… or Q…); required
//	itemLabel, label        a label
//	itemAltLabel, altLabel  aliases, comma-separated as the label service
//	                        gives them, or one per row
//	itemDescription         a description
//	class, p31, instanceOf  an instance-of class (IRI or QID), or its label
//	classLabel              a class label
//	country, p17            a country (IRI or QID), countryLabel its label
//	sitelinks, linkcount    the number of sitelinks (popularity)
//	enwiki, article         the English Wikipedia article: its title, or
//	                        its URL (https://en.wikipedia.org/wiki/…)
//
// Other columns are ignored. Rows naming the same item are merged. Errors
// name the file and the line.
func Load(path string) (*Index, error) {
	x := NewIndex()
	if err := x.ReadFile(path); err != nil {
		return nil, err
	}
	return x, nil
}

// LoadFor reads an index file as [Load] does into a [NewFilteredIndex]
// of names and titles.
func LoadFor(path string, names, titles []string) (*Index, error) {
	x := NewFilteredIndex(names, titles)
	if err := x.ReadFile(path); err != nil {
		return nil, err
	}
	return x, nil
}

// ReadFile adds the items of an index file to x, as [Load] reads it.
func (x *Index) ReadFile(path string) error {
	f, err := Open(path, nil)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	return x.Read(br, path, Detect(br, path))
}

// Detect tells the format of an index file from its first bytes (which it
// peeks at, leaving them in br) and, for SPARQL results, its name: a
// compact index, a Wikidata dump (a JSON array, or newline-delimited
// entities), else the format the extension names (see [FormatOf]), else
// JSON, TSV or CSV by the first line.
func Detect(br *bufio.Reader, path string) Format {
	if format := sniffKind(br); format != 0 {
		return format
	}
	if format, ok := FormatOf(path); ok {
		return format
	}
	return sniff(br)
}

// sniffKind tells a compact index or a Wikidata dump by its first bytes,
// and returns 0 for anything else.
func sniffKind(br *bufio.Reader) Format {
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if bytes.HasPrefix(head, []byte(kgiMagic)) {
		return Compact
	}
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	if len(head) > 0 && head[0] == '[' {
		return Dump
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	if len(line) > 0 && line[0] == '{' && !bytes.Contains(line, []byte(`"bindings"`)) &&
		(bytes.Contains(line, []byte(`"labels"`)) || bytes.Contains(line, []byte(`"claims"`))) {
		return Dump // newline-delimited entities
	}
	return 0
}

// sniff guesses the format from the first bytes: '{' is JSON, a first line
// with a tab or a '?' variable TSV, anything else CSV.
func sniff(br *bufio.Reader) Format {
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	if len(head) > 0 && head[0] == '{' {
		return JSON
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.IndexByte(line, '\t') >= 0 || bytes.HasPrefix(line, []byte("?")) {
		return TSV
	}
	return CSV
}

// Read adds the items of r, in the given format, to x. name is the file
// name errors give.
func (x *Index) Read(r io.Reader, name string, format Format) error {
	switch format {
	case JSON:
		return x.readJSON(r, name)
	case CSV:
		return x.readCSV(r, name)
	case TSV:
		return x.readTSV(r, name)
	case Dump:
		return x.ReadDump(r, name, nil)
	case Compact:
		return x.readKGI(r, name)
	}
	return &Error{File: name, Err: fmt.Errorf("unknown index format %d", format)}
}

// column is what a column of the results holds.
type column uint8

const (
	colOther column = iota
	colItem
	colLabel
	colAlt
	colDesc
	colClass
	colClassLabel
	colCountry
	colSitelinks
	colEnwiki
)

var columnNames = map[string]column{
	"item": colItem, "qid": colItem,
	"itemlabel": colLabel, "label": colLabel,
	"itemaltlabel": colAlt, "altlabel": colAlt, "alias": colAlt, "aliases": colAlt,
	"itemdescription": colDesc, "description": colDesc,
	"class": colClass, "p31": colClass, "instanceof": colClass, "type": colClass,
	"classlabel": colClassLabel, "p31label": colClassLabel, "instanceoflabel": colClassLabel, "typelabel": colClassLabel,
	"country": colCountry, "p17": colCountry, "countrylabel": colCountry, "p17label": colCountry,
	"sitelinks": colSitelinks, "sitelinkcount": colSitelinks, "linkcount": colSitelinks, "popularity": colSitelinks,
	"enwiki": colEnwiki, "article": colEnwiki, "enwikititle": colEnwiki, "articletitle": colEnwiki, "wikipedia": colEnwiki,
}

func columnOf(name string) column {
	name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "?"))
	return columnNames[name]
}

// cell is one value of a row, as read from the file.
type cell struct {
	col   column
	value string // IRI, lexical form or plain text
	iri   bool   // the value is an IRI
}

// addRow turns one row of results into a candidate and adds it.
func (x *Index) addRow(file string, line int, cells []cell) error {
	var c Candidate
	sawItem := false
	for _, v := range cells {
		if v.value == "" {
			continue // unbound
		}
		switch v.col {
		case colItem:
			q, ok := qidOf(v.value)
			if !ok {
				return errAt(file, line, "item %q is not a Wikidata item (want an IRI like http://www.wikidata.org/entity/Q232, wd:Q232 or Q232)", v.value)
			}
			c.QID, sawItem = q, true
		case colLabel:
			c.Labels = append(c.Labels, v.value)
		case colAlt:
			c.Aliases = append(c.Aliases, splitAliases(v.value)...)
		case colDesc:
			if c.Description == "" {
				c.Description = v.value
			}
		case colClass, colClassLabel:
			if q, ok := qidOf(v.value); ok {
				c.Classes = append(c.Classes, q)
			} else if !v.iri {
				c.Classes = append(c.Classes, strings.Join(strings.Fields(v.value), " "))
			}
		case colCountry:
			if q, ok := qidOf(v.value); ok {
				c.Countries = append(c.Countries, q)
			} else if !v.iri {
				c.Countries = append(c.Countries, strings.Join(strings.Fields(v.value), " "))
			}
		case colSitelinks:
			n, err := strconv.Atoi(strings.TrimSpace(v.value))
			if err != nil || n < 0 {
				return errAt(file, line, "sitelinks %q is not a count", v.value)
			}
			c.Sitelinks = n
		case colEnwiki:
			title, ok := enwikiTitle(v.value)
			if !ok {
				return errAt(file, line, "article %q is not an English Wikipedia title or URL", v.value)
			}
			if c.Enwiki == "" {
				c.Enwiki = title
			}
		}
	}
	if !sawItem {
		return errAt(file, line, "row has no item")
	}
	x.Add(c)
	return nil
}

// qidOf reads a QID from an entity IRI ("http://www.wikidata.org/entity/Q1"),
// a prefixed name ("wd:Q1") or a bare QID.
func qidOf(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	for _, p := range []string{"http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
		"http://www.wikidata.org/wiki/", "https://www.wikidata.org/wiki/", "wd:"} {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	return s, qidRE.MatchString(s)
}

// splitAliases splits the label service's itemAltLabel, aliases joined with
// ", ". A piece without letters ("2016" of "Kazakhstani legislative
// election, 2016") is taken as part of the alias before it.
func splitAliases(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(out) > 0 && strings.IndexFunc(p, unicode.IsLetter) < 0 {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// lineCounter turns byte offsets, asked in increasing order, into line
// numbers.
type lineCounter struct {
	data []byte
	off  int
	line int
}

func (lc *lineCounter) at(off int64) int {
	o := int(min(max(off, 0), int64(len(lc.data))))
	if o < lc.off {
		lc.off, lc.line = 0, 1
	}
	lc.line += bytes.Count(lc.data[lc.off:o], []byte("\n"))
	lc.off = o
	return lc.line
}

// jsonTerm is an RDF term in SPARQL results JSON.
type jsonTerm struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Lang     string `json:"xml:lang"`
	Datatype string `json:"datatype"`
}

// readJSON reads SPARQL 1.1 Query Results JSON, one binding at a time.
func (x *Index) readJSON(r io.Reader, file string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return &Error{File: file, Err: err}
	}
	lc := &lineCounter{data: data, line: 1}
	dec := json.NewDecoder(bytes.NewReader(data))
	// fail turns a decoding error into one at its line: a syntax error
	// where the whole text is first invalid (json.Decoder's offsets are
	// not absolute), another error at the line where the value began.
	fail := func(err error, line int) error {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			var raw json.RawMessage
			if err := json.Unmarshal(data, &raw); errors.As(err, &se) && se.Offset < int64(len(data)) {
				return errAt(file, lc.at(se.Offset-1), "%v", se)
			}
			return errAt(file, lc.at(int64(len(data))), "unexpected end of JSON")
		case errors.As(err, &te):
			want := "a JSON value of another kind"
			switch te.Type.Kind() {
			case reflect.Struct, reflect.Map:
				want = "a JSON object"
			case reflect.String:
				want = "a JSON string"
			case reflect.Slice:
				want = "a JSON array"
			}
			if te.Type == reflect.TypeFor[jsonTerm]() {
				want += " (an RDF term)"
			}
			where := ""
			if te.Field != "" {
				where = fmt.Sprintf("%q: ", te.Field)
			}
			return errAt(file, line, "%swant %s, found a JSON %s", where, want, te.Value)
		}
		return errAt(file, line, "%v", err)
	}
	// next returns the line where the next value starts.
	next := func() int {
		o := int(dec.InputOffset())
		for o < len(data) && (data[o] == ' ' || data[o] == '\t' || data[o] == '\r' || data[o] == '\n' || data[o] == ',' || data[o] == ':') {
			o++
		}
		return lc.at(int64(o))
	}
	delim := func(want json.Delim, what string) error {
		line := next()
		tok, err := dec.Token()
		if err != nil {
			return fail(err, line)
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			return errAt(file, line, "want %s, found %v", what, tok)
		}
		return nil
	}
	key := func() (string, error) {
		line := next()
		tok, err := dec.Token()
		if err != nil {
			return "", fail(err, line)
		}
		return tok.(string), nil // object keys are strings
	}
	skip := func() error {
		line := next()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(err, line)
		}
		return nil
	}
	if err := delim('{', "a JSON object (SPARQL 1.1 query results)"); err != nil {
		return err
	}
	sawResults := false
	for dec.More() {
		k, err := key()
		if err != nil {
			return err
		}
		switch k {
		case "head":
			line := next()
			var head struct {
				Vars []string `json:"vars"`
			}
			if err := dec.Decode(&head); err != nil {
				return fail(err, line)
			}
			if head.Vars != nil && !hasItem(head.Vars) {
				return errAt(file, line, "no item variable (variables: %s)", strings.Join(head.Vars, ", "))
			}
		case "boolean":
			return errAt(file, next(), "the results of an ASK query, not of a SELECT query")
		case "results":
			sawResults = true
			if err := delim('{', `the "results" object`); err != nil {
				return err
			}
			for dec.More() {
				k, err := key()
				if err != nil {
					return err
				}
				if k != "bindings" {
					if err := skip(); err != nil {
						return err
					}
					continue
				}
				if err := delim('[', `the "bindings" array`); err != nil {
					return err
				}
				for dec.More() {
					line := next()
					var b map[string]jsonTerm
					if err := dec.Decode(&b); err != nil {
						return fail(err, line)
					}
					cells := make([]cell, 0, len(b))
					for name, t := range b {
						if t.Type == "bnode" {
							continue
						}
						cells = append(cells, cell{col: columnOf(name), value: t.Value, iri: t.Type == "uri"})
					}
					if err := x.addRow(file, line, cells); err != nil {
						return err
					}
				}
				if err := delim(']', `the end of "bindings"`); err != nil {
					return err
				}
			}
			if err := delim('}', `the end of "results"`); err != nil {
				return err
			}
		default:
			if err := skip(); err != nil {
				return err
			}
		}
	}
	if err := delim('}', "the end of the results object"); err != nil {
		return err
	}
	if !sawResults {
		return errAt(file, 1, `no "results": not SPARQL 1.1 query results`)
	}
	return nil
}

func hasItem(vars []string) bool {
	for _, v := range vars {
		if columnOf(v) == colItem {
			return true
		}
	}
	return false
}

// header reads the column names of a CSV or TSV header.
func header(file string, names []string) ([]column, error) {
	cols := make([]column, len(names))
	item := false
	for i, n := range names {
		if i == 0 {
			n = strings.TrimPrefix(n, "\uFEFF")
		}
		cols[i] = columnOf(n)
		item = item || cols[i] == colItem
	}
	if !item {
		return nil, errAt(file, 1, "no item column in the header (%s)", strings.Join(names, ", "))
	}
	return cols, nil
}

// readCSV reads SPARQL 1.1 Query Results CSV: a header of variable names,
// then values as plain text (IRIs and lexical forms alike).
func (x *Index) readCSV(r io.Reader, file string) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	rec, err := cr.Read()
	if err == io.EOF {
		return errAt(file, 1, "empty: no header")
	}
	if err != nil {
		return csvError(file, err)
	}
	cols, err := header(file, rec)
	if err != nil {
		return err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(file, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		cells := make([]cell, len(rec))
		for i, v := range rec {
			cells[i] = cell{col: cols[i], value: strings.TrimSpace(v), iri: strings.Contains(v, "://")}
		}
		if err := x.addRow(file, line, cells); err != nil {
			return err
		}
	}
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Err: pe.Err}
	}
	return &Error{File: file, Err: err}
}

// readTSV reads SPARQL 1.1 Query Results TSV: a header of variables
// ("?item"), then RDF terms in Turtle syntax (<IRI>, "literal"@en,
// "5"^^<…#integer>, bare numbers), tab-separated. Plain text is also
// taken, for hand-made files.
func (x *Index) readTSV(r io.Reader, file string) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var cols []column
	for line := 1; ; line++ {
		s, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return &Error{File: file, Line: line, Err: err}
		}
		if s == "" && err == io.EOF {
			if cols == nil {
				return errAt(file, 1, "empty: no header")
			}
			return nil
		}
		s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
		if !utf8.ValidString(s) {
			return errAt(file, line, "not valid UTF-8")
		}
		fields := strings.Split(s, "\t")
		if cols == nil {
			if cols, err = header(file, fields); err != nil {
				return err
			}
		} else if strings.TrimSpace(s) != "" {
			if len(fields) != len(cols) {
				return errAt(file, line, "%d fields, the header has %d", len(fields), len(cols))
			}
			cells := make([]cell, len(fields))
			for i, f := range fields {
				v, iri, err := tsvTerm(f)
				if err != nil {
					return errAt(file, line, "column %d: %v", i+1, err)
				}
				cells[i] = cell{col: cols[i], value: v, iri: iri}
			}
			if err := x.addRow(file, line, cells); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// tsvTerm reads one RDF term of SPARQL results TSV: it returns the IRI of
// an <IRI>, the lexical form of a literal (language tag and datatype
// dropped), and anything else (a bare number, plain text) as written.
func tsvTerm(f string) (string, bool, error) {
	f = strings.TrimSpace(f)
	switch {
	case f == "":
		return "", false, nil
	case f[0] == '<':
		if !strings.HasSuffix(f, ">") {
			return "", false, fmt.Errorf("IRI %q has no closing '>'", f)
		}
		v, err := unescape(f[1:len(f)-1], false)
		return v, true, err
	case f[0] == '"':
		end := -1
		for i := 1; i < len(f); i++ {
			if f[i] == '\\' {
				i++
				continue
			}
			if f[i] == '"' {
				end = i
				break
			}
		}
		if end < 0 {
			return "", false, fmt.Errorf("literal %s has no closing quote", f)
		}
		rest := f[end+1:]
		if rest != "" && !strings.HasPrefix(rest, "@") && !strings.HasPrefix(rest, "^^") {
			return "", false, fmt.Errorf("unexpected %q after literal", rest)
		}
		v, err := unescape(f[1:end], true)
		return v, false, err
	}
	return f, false, nil
}

// unescape resolves the escapes of a Turtle string (character escapes and
// \u/\U) or IRI (\u/\U only).
func unescape(s string, str bool) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", fmt.Errorf("%q ends with a backslash", s)
		}
		i++
		switch e := s[i]; {
		case e == 'u' || e == 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if i+1+n > len(s) {
				return "", fmt.Errorf("short \\%c escape in %q", e, s)
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", fmt.Errorf("bad \\%c escape in %q", e, s)
			}
			b.WriteRune(rune(v))
			i += n
		case str && strings.IndexByte(`tbnrf"'\`, e) >= 0:
			b.WriteByte(map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}[e])
		default:
			return "", fmt.Errorf("unknown escape \\%c in %q", e, s)
		}
	}
	return b.String(), nil
}
