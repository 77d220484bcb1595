package exporter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// jsonldEncoder keeps the triples until Close, then converts them with
// json-gold: RDF dataset → expanded JSON-LD (FromRDF) → compacted with the
// caller's context (Compact), and writes the result indented by two spaces
// with a trailing newline.
//
// Choices and json-gold behaviours:
//   - The triples are deduplicated and sorted before conversion, so the
//     output does not depend on their order. FromRDF orders nodes by @id;
//     values of one property follow the sorted triples.
//   - UseNativeTypes is off: json-gold's native conversion is lossy (it
//     rewrites "007"^^xsd:integer as 7, and turns "1,000"^^xsd:integer
//     into a plain string, dropping the datatype). Integers are therefore
//     typed values, {"@value": "42", "@type": "xsd:integer"}, or plain
//     strings where the context coerces the property to xsd:integer. They
//     read back exactly.
//   - json-gold lowercases language tags while expanding (kk-Latn →
//     kk-latn); RDF 1.1 treats tags case-insensitively, so this is legal.
//     This encoder restores the case as given in the triples in "@language"
//     values and in the keys of language maps declared in the top-level
//     context, whenever the lowercase form stands for a single spelling in
//     the input. Readers that use json-gold (or jsonld.js) lowercase them
//     again.
//   - Documents are never loaded: the document loader refuses every URL
//     and never opens files, so a context must be given inline.
//   - The written document is expanded again and must hold the same
//     statements as the graph (see verify): json-gold's compaction can
//     otherwise change IRIs silently. This costs about a third more time.
//   - Panics inside json-gold are recovered and returned as errors.
type jsonldEncoder struct {
	w       io.Writer
	ctx     any // parsed context (nil: none)
	triples []rdf.Triple
	closed  bool
}

// offlineLoader is a json-gold document loader that loads nothing: it
// neither fetches URLs nor opens local files (json-gold's default loader
// does both).
type offlineLoader struct{}

// LoadDocument always fails.
func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed,
		fmt.Sprintf("document loading is disabled (offline): %q", u))
}

func jsonldOptions() *ld.JsonLdOptions {
	o := ld.NewJsonLdOptions("")
	o.DocumentLoader = offlineLoader{}
	o.UseNativeTypes = false
	o.UseRdfType = false
	o.CompactArrays = true
	return o
}

func newJSONLDEncoder(w io.Writer, opts Options) (*jsonldEncoder, error) {
	e := &jsonldEncoder{w: w}
	switch {
	case len(bytes.TrimSpace(opts.Context)) > 0:
		var ctx any
		if err := json.Unmarshal(opts.Context, &ctx); err != nil {
			return nil, fmt.Errorf("jsonld: context: %w", err)
		}
		if m, ok := ctx.(map[string]any); ok {
			if inner, ok := m["@context"]; ok { // a document holding the context
				ctx = inner
			}
		}
		e.ctx = ctx
	case len(opts.Prefixes) > 0:
		m := make(map[string]any, len(opts.Prefixes))
		for _, p := range opts.Prefixes {
			if p.Name == "" {
				continue // no JSON-LD term can stand for the empty prefix
			}
			if err := checkIRI(p.IRI); err != nil {
				return nil, fmt.Errorf("jsonld: prefix %q: %w", p.Name, err)
			}
			m[p.Name] = p.IRI
		}
		e.ctx = m
	}
	if e.ctx != nil {
		// Parse the context now so that a bad one fails before any work.
		err := recoverPanic(func() error {
			_, err := ld.NewContext(nil, jsonldOptions()).Parse(ld.CloneDocument(e.ctx))
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("jsonld: context: %w", err)
		}
	}
	return e, nil
}

// Encode checks t and keeps it for Close.
func (e *jsonldEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("jsonld: %w", ErrClosed)
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	e.triples = append(e.triples, t)
	return nil
}

// Close converts the kept triples and writes the document.
func (e *jsonldEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("jsonld: %w", ErrClosed)
	}
	e.closed = true
	doc, want, err := e.document()
	e.triples = nil
	if err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil { // ends with a newline
		return fmt.Errorf("jsonld: marshal: %w", err)
	}
	if err := verify(buf.Bytes(), want); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	if _, err := e.w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("jsonld: write: %w", err)
	}
	return nil
}

// document builds the compacted JSON-LD document. It also returns the
// statements of the expanded form (see statements), to check the output.
func (e *jsonldEncoder) document() (map[string]any, []string, error) {
	ds := toDataset(e.triples)
	opts := jsonldOptions()
	var doc map[string]any
	var want []string
	err := recoverPanic(func() error {
		expanded, err := ld.NewJsonLdApi().FromRDF(ds, opts)
		if err != nil {
			return fmt.Errorf("from RDF: %w", err)
		}
		if want, err = statements(expanded); err != nil {
			return fmt.Errorf("from RDF: %w", err)
		}
		ctx := e.ctx
		if ctx == nil {
			ctx = map[string]any{}
		}
		doc, err = ld.NewJsonLdProcessor().Compact(expanded, ctx, opts)
		if err != nil {
			return fmt.Errorf("compact: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if fix := langCaseFixes(e.triples); len(fix) > 0 {
		restoreLangCase(doc, fix, languageMapTerms(e.ctx))
	}
	return doc, want, nil
}

// verify expands the written document again and checks that it holds the
// same statements as the expanded form it was compacted from. json-gold's
// compaction is not always faithful: with "@vocab" it writes the IRI
// <https://schema.org/kg:x> as "kg:x" (which reads back through the "kg"
// prefix) and <https://schema.org/@type> as the keyword "@type". Such
// output is refused rather than written.
func verify(out []byte, want []string) error {
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	var got []string
	err := recoverPanic(func() error {
		expanded, err := ld.NewJsonLdProcessor().Expand(doc, jsonldOptions())
		if err != nil {
			return err
		}
		got, err = statements(expanded)
		return err
	})
	if err != nil {
		return fmt.Errorf("check: expand: %w", err)
	}
	if slices.Equal(got, want) {
		return nil
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i < len(want) && (i >= len(got) || want[i] < got[i]) {
		return fmt.Errorf("check: compacted document does not round-trip (a term or @vocab of the context hides an IRI?): it loses %s",
			want[i])
	}
	return fmt.Errorf("check: compacted document does not round-trip (a term or @vocab of the context hides an IRI?): it reads back %s",
		got[i])
}

// statements lists the statements of expanded, flat JSON-LD (as FromRDF
// makes it, and as expanding its compacted form gives it back): one string
// per subject, property and value, with language tags lowercased (json-gold
// lowercases them when expanding), sorted and without duplicates.
func statements(expanded []any) ([]string, error) {
	var out []string
	for _, n := range expanded {
		node, ok := n.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("unexpected top-level value %T", n)
		}
		id, ok := node["@id"].(string)
		if !ok {
			return nil, errors.New("node without @id")
		}
		for k, v := range node {
			if k == "@id" {
				continue
			}
			if strings.HasPrefix(k, "@") && k != "@type" {
				return nil, fmt.Errorf("node %s: unexpected %s", id, k)
			}
			vs, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("node %s: %s is not an array", id, k)
			}
			for _, x := range vs {
				key, err := valueKey(x)
				if err != nil {
					return nil, err
				}
				out = append(out, nodeKey(id)+" <"+k+"> "+key)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// valueKey returns a readable string that identifies an expanded value,
// with its language tag lowercased: <iri> or _:label for nodes, "text",
// "text"@lang or "text"^^<datatype> (quoted as Go strings) for literals,
// and JSON for anything else (lists).
func valueKey(x any) (string, error) {
	switch x := x.(type) {
	case string: // an @type entry
		return "<" + x + ">", nil
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) == 1 {
			return nodeKey(id), nil
		}
		if v, ok := x["@value"].(string); ok {
			dt, hasType := x["@type"].(string)
			l, hasLang := x["@language"].(string)
			switch {
			case len(x) == 1:
				return strconv.Quote(v), nil
			case len(x) == 2 && hasType:
				return strconv.Quote(v) + "^^<" + dt + ">", nil
			case len(x) == 2 && hasLang:
				return strconv.Quote(v) + "@" + strings.ToLower(l), nil
			}
		}
	}
	b, err := json.Marshal(lowerLang(x))
	return string(b), err
}

// nodeKey writes a node identifier as _:label or <iri>.
func nodeKey(id string) string {
	if strings.HasPrefix(id, "_:") {
		return id
	}
	return "<" + id + ">"
}

// lowerLang returns a copy of v with "@language" values lowercased.
func lowerLang(v any) any {
	switch v := v.(type) {
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = lowerLang(x)
		}
		return c
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, x := range v {
			if s, ok := x.(string); ok && k == "@language" {
				c[k] = strings.ToLower(s)
			} else {
				c[k] = lowerLang(x)
			}
		}
		return c
	}
	return v
}

// toDataset converts triples to a json-gold dataset (default graph only),
// without duplicates and sorted by their N-Triples form.
func toDataset(triples []rdf.Triple) *ld.RDFDataset {
	type keyed struct {
		key string
		t   rdf.Triple
	}
	ks := make([]keyed, 0, len(triples))
	for _, t := range triples {
		ks = append(ks, keyed{t.Serialize(rdf.NTriples), t})
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	ks = slices.CompactFunc(ks, func(a, b keyed) bool { return a.key == b.key })

	ds := ld.NewRDFDataset()
	quads := make([]*ld.Quad, 0, len(ks))
	for _, k := range ks {
		quads = append(quads, ld.NewQuad(ldNode(k.t.Subj), ldNode(k.t.Pred), ldNode(k.t.Obj), "@default"))
	}
	ds.Graphs["@default"] = quads
	return ds
}

// ldNode converts a knakk/rdf term to a json-gold node.
func ldNode(t rdf.Term) ld.Node {
	switch t := t.(type) {
	case rdf.IRI:
		return ld.NewIRI(t.String())
	case rdf.Blank:
		return ld.NewBlankNode(t.Serialize(rdf.NTriples))
	case rdf.Literal:
		if lang := t.Lang(); lang != "" {
			return ld.NewLiteral(t.String(), rdfLangString, lang)
		}
		return ld.NewLiteral(t.String(), t.DataType.String(), "")
	}
	panic(fmt.Sprintf("exporter: unexpected term type %T", t))
}

// langCaseFixes maps lowercased language tags back to their spelling in
// the triples, for tags that are not all lowercase and have one spelling.
func langCaseFixes(triples []rdf.Triple) map[string]string {
	spell := map[string]string{}
	ambiguous := map[string]bool{}
	for _, t := range triples {
		l, ok := t.Obj.(rdf.Literal)
		if !ok || l.Lang() == "" {
			continue
		}
		tag := l.Lang()
		low := strings.ToLower(tag)
		if s, ok := spell[low]; ok && s != tag {
			ambiguous[low] = true
		}
		spell[low] = tag
	}
	for low, tag := range spell {
		if ambiguous[low] || low == tag {
			delete(spell, low)
		}
	}
	return spell
}

// languageMapTerms returns the terms of a context whose container is
// @language. Only the top-level context is looked at.
func languageMapTerms(ctx any) map[string]bool {
	terms := map[string]bool{}
	var add func(c any)
	add = func(c any) {
		switch c := c.(type) {
		case []any:
			for _, x := range c {
				add(x)
			}
		case map[string]any:
			for term, def := range c {
				d, ok := def.(map[string]any)
				if !ok {
					continue
				}
				switch ct := d["@container"].(type) {
				case string:
					if ct == "@language" {
						terms[term] = true
					}
				case []any:
					if slices.Contains(ct, any("@language")) {
						terms[term] = true
					}
				}
			}
		}
	}
	add(ctx)
	return terms
}

// restoreLangCase rewrites lowercased language tags in a compacted
// document: "@language" values anywhere outside "@context", and the keys
// of the language maps held by langMaps terms.
func restoreLangCase(v any, fix map[string]string, langMaps map[string]bool) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			restoreLangCase(x, fix, langMaps)
		}
	case map[string]any:
		for k, x := range v {
			switch {
			case k == "@context":
				continue
			case k == "@language":
				if s, ok := x.(string); ok {
					if orig, ok := fix[s]; ok {
						v[k] = orig
					}
				}
				continue
			case langMaps[k]:
				if m, ok := x.(map[string]any); ok {
					renameKeys(m, fix)
				}
			}
			restoreLangCase(x, fix, langMaps)
		}
	}
}

// renameKeys renames the keys of m found in fix, unless the new key is
// already taken.
func renameKeys(m map[string]any, fix map[string]string) {
	var keys []string
	for k := range m {
		if _, ok := fix[k]; ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if _, taken := m[fix[k]]; taken {
			continue
		}
		m[fix[k]] = m[k]
		delete(m, k)
	}
}

// recoverPanic runs f and turns a panic into an error. json-gold panics on
// some inputs.
func recoverPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("json-gold panicked: %v", r)
		}
	}()
	return f()
}
