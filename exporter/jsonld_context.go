package exporter

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/piprate/json-gold/ld"
)

// jsonldContext holds what the JSON-LD encoder needs to know about the
// caller's context to compact IRIs and values, and to know which compact
// forms are safe: forms that every JSON-LD processor (json-gold, jsonld.js,
// rdflib; JSON-LD 1.0 or 1.1) expands back to the same IRI or value.
//
// The context is parsed once, by json-gold (with a document loader that
// loads nothing), so that the term definitions are those a processor sees:
// term IRIs expanded, coercions resolved, prefix flags set.
type jsonldContext struct {
	raw []byte // the context as written in the output, indented; nil: none

	// vocab is "@vocab" when it is an absolute IRI, else "".
	vocab string
	// lang is the default language ("@language") as spelled in the
	// context; hasLang tells whether there is one.
	lang    string
	hasLang bool
	// bareStrings tells whether plain strings may be written bare, that
	// is whether a bare string reads back as exactly lang (or as a plain
	// string when hasLang is false). It is false when the context sets a
	// default base direction, or when the spelling of "@language" could not
	// be found.
	bareStrings bool

	// prefixes are the terms usable for compact IRIs, longest namespace
	// first (then by name, for determinism).
	prefixes []jsonldPrefix
	// terms holds every term the context defines, including terms mapped
	// to null and keyword aliases: a written string equal to a term name
	// (or a full IRI whose scheme is a term name) could be read through it.
	terms map[string]bool
	// colonTerms tells whether some term name contains a colon, so that a
	// compact IRI could collide with it.
	colonTerms bool
	// byIRI lists, for a property IRI, the terms usable as keys for it,
	// sorted by name.
	byIRI map[string][]jsonldTerm
}

// jsonldPrefix is a term usable as the prefix of compact IRIs.
type jsonldPrefix struct {
	name, iri string
}

// jsonldTerm is a term usable as a property key: it maps to the property
// and has no container (or @set), no reverse, nesting, scoped context or
// direction. Type is "", "@id" or a datatype IRI (terms coerced to
// "@vocab", "@json", "@none" are not used).
type jsonldTerm struct {
	key string // the term, quoted as a JSON string
	typ string // type coercion: "", "@id" or a datatype IRI
	// lang is the language a bare string takes under this term, and
	// hasLang whether it takes one. bareString tells whether bare strings
	// may be written at all: false when the context sets a direction or
	// when the term sets its own language (json-gold reports it
	// lowercased, so its spelling is not known).
	lang       string
	hasLang    bool
	bareString bool
}

// parseJSONLDContext reads the context of opts: Options.Context, or a
// context made of Options.Prefixes when Context is empty, or none.
func parseJSONLDContext(opts Options) (*jsonldContext, error) {
	raw, err := contextJSON(opts)
	if err != nil {
		return nil, err
	}
	c := &jsonldContext{
		terms:       map[string]bool{},
		byIRI:       map[string][]jsonldTerm{},
		bareStrings: true,
	}
	if raw == nil {
		return c, nil
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	var parsed *ld.Context
	err = recoverPanic(func() error {
		var err error
		parsed, err = ld.NewContext(nil, jsonldOptions()).Parse(doc)
		return err
	})
	if err != nil {
		return nil, err
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, raw, "  ", "  "); err != nil {
		return nil, err
	}
	c.raw = indented.Bytes()

	v := parsed.Values
	if v.Vocab != nil && hasScheme(*v.Vocab) {
		c.vocab = *v.Vocab
	}
	if v.HasLanguage {
		// json-gold lowercases the language: take its spelling from the
		// context itself.
		c.hasLang = true
		c.lang, c.bareStrings = defaultLanguage(doc)
		c.bareStrings = c.bareStrings && strings.EqualFold(c.lang, v.Language)
	}
	if v.Direction != "" {
		c.bareStrings = false
	}

	for name, td := range parsed.TermDefinitions {
		c.terms[name] = true
		if strings.Contains(name, ":") {
			c.colonTerms = true
		}
		if td == nil || td.Reverse || strings.HasPrefix(name, "@") || strings.Contains(name, ":") ||
			!hasScheme(td.ID) {
			continue
		}
		// "_" is no prefix: "_:x" is a blank node identifier.
		if td.Prefix != nil && *td.Prefix && name != "_" &&
			(strings.HasSuffix(td.ID, "/") || strings.HasSuffix(td.ID, "#")) {
			c.prefixes = append(c.prefixes, jsonldPrefix{name, td.ID})
		}
		if t, ok := c.usableTerm(name, td); ok {
			c.byIRI[td.ID] = append(c.byIRI[td.ID], t)
		}
	}
	slices.SortFunc(c.prefixes, func(a, b jsonldPrefix) int {
		if n := cmp.Compare(len(b.iri), len(a.iri)); n != 0 {
			return n
		}
		return strings.Compare(a.name, b.name)
	})
	for _, ts := range c.byIRI {
		slices.SortFunc(ts, func(a, b jsonldTerm) int { return strings.Compare(a.key, b.key) })
	}
	return c, nil
}

// usableTerm tells whether the term name, defined by td, can be a property
// key, and how bare values read under it.
func (c *jsonldContext) usableTerm(name string, td *ld.TermDefinition) (jsonldTerm, bool) {
	if len(td.Container) > 1 || len(td.Container) == 1 && td.Container[0] != "@set" ||
		td.Nest != "" || td.HasContext || td.HasDirection || td.Index != "" {
		return jsonldTerm{}, false
	}
	if td.Type != "" && td.Type != "@id" && !hasScheme(td.Type) {
		return jsonldTerm{}, false // @vocab, @json, @none
	}
	t := jsonldTerm{key: jsonString(name), typ: td.Type, lang: c.lang, hasLang: c.hasLang, bareString: c.bareStrings}
	if td.HasLanguage {
		// The term's own language (or null): json-gold gives it
		// lowercased, so only "no language" is known exactly.
		t.lang, t.hasLang = "", td.Language != nil
		t.bareString = c.bareStrings && td.Language == nil
	}
	return t, true
}

// contextJSON returns the context as JSON: the "@context" member of
// Options.Context when it is a document holding one, else Options.Context
// itself; or, without a context, an object mapping each named prefix to its
// IRI, in the order given. It returns nil when there is no context.
func contextJSON(opts Options) ([]byte, error) {
	if raw := bytes.TrimSpace(opts.Context); len(raw) > 0 {
		var doc map[string]json.RawMessage
		if json.Unmarshal(raw, &doc) == nil {
			if inner, ok := doc["@context"]; ok {
				return inner, nil
			}
		}
		if !json.Valid(raw) {
			return nil, errors.New("not valid JSON")
		}
		return raw, nil
	}
	var b bytes.Buffer
	for _, p := range opts.Prefixes {
		if p.Name == "" {
			continue // no JSON-LD term can stand for the empty prefix
		}
		if err := checkIRI(p.IRI); err != nil {
			return nil, fmt.Errorf("prefix %q: %w", p.Name, err)
		}
		if b.Len() == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(jsonString(p.Name))
		b.WriteByte(':')
		b.WriteString(jsonString(p.IRI))
	}
	if b.Len() == 0 {
		return nil, nil
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// defaultLanguage finds the spelling of the default language of a context:
// an object, or an array of contexts in which later ones override earlier
// ones and null resets. ok is false when there is none.
func defaultLanguage(ctx any) (lang string, ok bool) {
	list, isList := ctx.([]any)
	if !isList {
		list = []any{ctx}
	}
	for _, c := range list {
		if c == nil {
			lang, ok = "", false
			continue
		}
		m, isMap := c.(map[string]any)
		if !isMap {
			continue
		}
		if v, has := m["@language"]; has {
			lang, ok = v.(string)
		}
	}
	return lang, ok
}

// compactIRI is a compacted IRI: prefix ":" local, or local alone (a full
// IRI, a blank node identifier or a vocabulary-relative name) when prefix
// is "".
type compactIRI struct {
	prefix, local string
}

// errConfusedIRI is wrapped by the errors for IRIs that have no safe
// written form under the context.
var errConfusedIRI = errors.New("IRI would be read as a compact IRI or term of the context")

// compactID compacts an IRI used as a node identifier (the value of "@id",
// or a bare value of a term coerced to "@id"), which JSON-LD expands
// without "@vocab": as prefix:local when a prefix matches with a safe local
// part (the longest namespace first), else the full IRI when it is safe.
func (c *jsonldContext) compactID(iri string) (compactIRI, error) {
	if ci, ok := c.withPrefix(iri); ok {
		return ci, nil
	}
	return c.full(iri)
}

// compactVocab compacts an IRI read with "@vocab" (a property, an "@type"
// value or a datatype): a name relative to "@vocab" when safe, else as
// compactID does.
func (c *jsonldContext) compactVocab(iri string) (compactIRI, error) {
	if c.vocab != "" {
		if local, ok := strings.CutPrefix(iri, c.vocab); ok && c.safeVocabLocal(local) {
			return compactIRI{local: local}, nil
		}
	}
	return c.compactID(iri)
}

// safeVocabLocal tells whether local, written alone, reads as @vocab +
// local: not empty, no colon (it would be a compact or absolute IRI), no
// leading '@' (a keyword, or ignored as one), and no term of that name.
func (c *jsonldContext) safeVocabLocal(local string) bool {
	return local != "" && local[0] != '@' && !strings.Contains(local, ":") && !c.terms[local]
}

// withPrefix writes iri as prefix:local with the longest namespace whose
// local part is safe: no colon (conservative: processors split at the
// first one), not starting with "//" (an absolute IRI), and the whole not
// the name of a term.
func (c *jsonldContext) withPrefix(iri string) (compactIRI, bool) {
	for _, p := range c.prefixes {
		local, ok := strings.CutPrefix(iri, p.iri)
		if !ok || strings.Contains(local, ":") || strings.HasPrefix(local, "//") {
			continue
		}
		if c.colonTerms && c.terms[p.name+":"+local] {
			continue
		}
		return compactIRI{p.name, local}, true
	}
	return compactIRI{}, false
}

// full returns iri unchanged when it reads back as itself: when it is not
// the name of a term, and its scheme is not a term name unless "//"
// follows the colon (processors never expand "x://…"). Otherwise no
// written form is safe and full returns an error.
func (c *jsonldContext) full(iri string) (compactIRI, error) {
	if len(c.terms) > 0 {
		scheme, rest, _ := strings.Cut(iri, ":")
		if c.terms[iri] || c.terms[scheme] && !strings.HasPrefix(rest, "//") {
			return compactIRI{}, fmt.Errorf("%w: %q", errConfusedIRI, iri)
		}
	}
	return compactIRI{local: iri}, nil
}

// jsonldOptions returns json-gold options that never load documents.
func jsonldOptions() *ld.JsonLdOptions {
	o := ld.NewJsonLdOptions("")
	o.DocumentLoader = offlineLoader{}
	return o
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
