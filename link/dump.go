package link

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
)

// DefaultLangs are the languages whose labels, aliases and descriptions a
// dump reader keeps unless told otherwise: English, then Kazakh and
// Russian, the languages of the sample's country.
var DefaultLangs = []string{"en", "kk", "ru"}

// DumpReader reads a Wikidata JSON entity dump (latest-all.json: a JSON
// array with one entity per line, each line but the last ending in ',';
// newline-delimited JSON, one entity a line, is read too) as a stream, one
// entity at a time, in memory bounded by the largest entity: nothing is
// kept from one entity to the next. Decompress the dump first (see
// [Open]).
type DumpReader struct {
	br    *bufio.Reader
	name  string
	langs []string
	line  int
	buf   []byte // the current line, when longer than br's buffer
	// Entities counts the entities read; Items the items returned.
	Entities, Items int
}

// NewDumpReader returns a reader of the dump r, named name in errors,
// keeping labels, aliases and descriptions in langs (in that order of
// preference; nil means [DefaultLangs]).
func NewDumpReader(r io.Reader, name string, langs []string) *DumpReader {
	if len(langs) == 0 {
		langs = DefaultLangs
	}
	return &DumpReader{br: bufio.NewReaderSize(r, 1<<20), name: name, langs: langs}
}

// Next returns the next item of the dump that has a label or an alias in
// one of the reader's languages: its QID, labels and aliases (those
// languages, in order), description (the first of the languages that has
// one), classes (P31) and countries (P17) of statements that are not
// deprecated, sitelink count and English Wikipedia title. Properties,
// lexemes and items without names in the languages are skipped. At the
// end Next returns io.EOF; a line that is not an entity is an [*Error] at
// its line.
func (d *DumpReader) Next() (*Candidate, error) {
	for {
		line, err := d.readLine()
		if err != nil {
			return nil, err
		}
		whole := cap(line)
		line = bytes.TrimSpace(line)
		if d.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		// The array's brackets stand on lines of their own in Wikidata's
		// dumps; tolerate them around the first and last entity too.
		line = bytes.TrimSuffix(line, []byte(","))
		if len(line) > 0 && line[0] == '[' {
			line = bytes.TrimSpace(line[1:])
		}
		if len(line) > 0 && line[len(line)-1] == ']' {
			line = bytes.TrimSpace(line[:len(line)-1])
		}
		line = bytes.TrimSuffix(line, []byte(","))
		if len(line) == 0 {
			continue
		}
		id, typ, c, err := scanEntity(line, d.langs)
		if err != nil {
			var se *scanError
			if errors.As(err, &se) {
				col := whole - cap(line) + se.off + 1 // in the line as read
				return nil, errAt(d.name, d.line, "column %d: not a Wikidata entity: %s", col, se.msg)
			}
			return nil, errAt(d.name, d.line, "not a Wikidata entity: %v", err)
		}
		if id == "" {
			return nil, errAt(d.name, d.line, "not a Wikidata entity: no \"id\"")
		}
		d.Entities++
		if typ != "item" || !qidRE.MatchString(id) {
			continue
		}
		if len(c.Labels) == 0 && len(c.Aliases) == 0 {
			continue
		}
		d.Items++
		return c, nil
	}
}

// Line returns the number of the line last read.
func (d *DumpReader) Line() int { return d.line }

// readLine returns the next line (without its newline), valid until the
// next call.
func (d *DumpReader) readLine() ([]byte, error) {
	d.buf = d.buf[:0]
	for {
		chunk, err := d.br.ReadSlice('\n')
		switch {
		case err == nil:
			d.line++
			if len(d.buf) == 0 {
				return chunk, nil
			}
			d.buf = append(d.buf, chunk...)
			return d.buf, nil
		case errors.Is(err, bufio.ErrBufferFull):
			d.buf = append(d.buf, chunk...)
		case errors.Is(err, io.EOF):
			d.buf = append(d.buf, chunk...)
			if len(d.buf) == 0 {
				return nil, io.EOF
			}
			d.line++
			return d.buf, nil
		default:
			return nil, &Error{File: d.name, Line: d.line + 1, Err: err}
		}
	}
}

// ParseEntity reads one entity in Wikibase's JSON format, as the dumps
// and the wbgetentities API give it, keeping what the linker reads of it
// (see [DumpReader.Next]) with names in langs (nil: [DefaultLangs]).
func ParseEntity(data []byte, langs []string) (*Candidate, error) {
	if len(langs) == 0 {
		langs = DefaultLangs
	}
	var e dumpEntity
	if err := json.Unmarshal(data, &e); err != nil && !emptyPHPMap(err) {
		return nil, fmt.Errorf("not a Wikidata entity: %w", err)
	}
	if !qidRE.MatchString(e.ID) {
		return nil, fmt.Errorf("not a Wikidata item: id %q", e.ID)
	}
	return candidateOf(&e, langs), nil
}

// candidateOf keeps what the linker reads of an entity.
func candidateOf(e *dumpEntity, langs []string) *Candidate {
	c := &Candidate{QID: e.ID, Sitelinks: len(e.Sitelinks)}
	for _, lang := range langs {
		if l, ok := e.Labels[lang]; ok && l.Value != "" && !slices.Contains(c.Labels, l.Value) {
			c.Labels = append(c.Labels, l.Value)
		}
	}
	for _, lang := range langs {
		for _, a := range e.Aliases[lang] {
			if a.Value != "" && !slices.Contains(c.Labels, a.Value) && !slices.Contains(c.Aliases, a.Value) {
				c.Aliases = append(c.Aliases, a.Value)
			}
		}
	}
	for _, lang := range langs {
		if l, ok := e.Descriptions[lang]; ok && l.Value != "" {
			c.Description = l.Value
			break
		}
	}
	c.Classes = itemValues(e.Claims.P31)
	c.Countries = itemValues(e.Claims.P17)
	if s, ok := e.Sitelinks["enwiki"]; ok {
		c.Enwiki = s.Title
	}
	return c
}

// itemValues returns the item values of statements, deprecated ones left
// out, in order and without repeats.
func itemValues(claims []dumpClaim) []string {
	var out []string
	for _, cl := range claims {
		if cl.Rank == "deprecated" || cl.Mainsnak.Snaktype != "value" {
			continue
		}
		id := cl.Mainsnak.Datavalue.Value.ID
		if id == "" && cl.Mainsnak.Datavalue.Value.NumericID > 0 {
			id = fmt.Sprintf("Q%d", cl.Mainsnak.Datavalue.Value.NumericID)
		}
		if qidRE.MatchString(id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// dumpEntity is the part of a Wikidata entity's JSON that the linker
// reads (https://doc.wikimedia.org/Wikibase/master/php/docs_topics_json.html).
// PHP writes an empty map as []: decoding it into a map is the one type
// error [DumpReader.Next] lets pass (the rest of the entity is decoded).
type dumpEntity struct {
	ID           string                 `json:"id"`
	Type         string                 `json:"type"`
	Labels       map[string]langValue   `json:"labels"`
	Descriptions map[string]langValue   `json:"descriptions"`
	Aliases      map[string][]langValue `json:"aliases"`
	Claims       dumpClaims             `json:"claims"`
	Sitelinks    map[string]sitelink    `json:"sitelinks"`
}

type langValue struct {
	Value string `json:"value"`
}

type sitelink struct {
	Title string `json:"title"`
}

type dumpClaims struct {
	P31 []dumpClaim `json:"P31"`
	P17 []dumpClaim `json:"P17"`
}

type dumpClaim struct {
	Mainsnak struct {
		Snaktype  string `json:"snaktype"`
		Datavalue struct {
			Value struct {
				ID        string `json:"id"`
				NumericID int64  `json:"numeric-id"`
			} `json:"value"`
		} `json:"datavalue"`
	} `json:"mainsnak"`
	Rank string `json:"rank"`
}

// emptyPHPMap reports whether err is only an empty map written as [].
func emptyPHPMap(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.As(err, &te) && te.Value == "array" && te.Type != nil &&
		(te.Type.Kind() == reflect.Map || te.Type == reflect.TypeFor[dumpClaims]())
}

// ReadDump adds the items of a Wikidata JSON dump to x, keeping names in
// langs (nil: [DefaultLangs]). The index holds every item read: for a
// dump of all of Wikidata, write a compact index with [IndexWriter] (kgbuild
// index) and filter it rather than load the dump.
func (x *Index) ReadDump(r io.Reader, name string, langs []string) error {
	d := NewDumpReader(r, name, langs)
	for {
		c, err := d.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		x.Add(*c)
	}
}
