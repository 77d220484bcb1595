package exporter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// vocabContext is shaped like the project's own context: "@vocab",
// a default language, prefixes and a typed term.
const vocabContext = `{"@context": {
  "@vocab": "https://schema.org/",
  "@language": "en",
  "kg": "https://example.org/kg/",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "founded": {"@id": "kg:founded", "@type": "xsd:date"}
}}`

// projectContext is shaped like ontology.Context(): "@vocab", "@language",
// prefixes of which one ("p") is a prefix of others as a string, and
// schema.org terms coerced to @id, xsd:date and xsd:duration.
const projectContext = `{"@context": {
  "@vocab": "https://schema.org/",
  "@language": "en",
  "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "schema": "https://schema.org/",
  "kg": "https://example.org/kg/",
  "city": "https://example.org/kg/city/",
  "p": "http://www.wikidata.org/prop/",
  "ps": "http://www.wikidata.org/prop/statement/",
  "memberOf": {"@id": "schema:memberOf", "@type": "@id"},
  "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
  "foundingDate": {"@id": "schema:foundingDate", "@type": "xsd:date"},
  "duration": {"@id": "schema:duration", "@type": "xsd:duration"}
}}`

// hostileContext tries every way a context can make a compact form mean
// something else: "@vocab" with terms of the same names, keyword aliases,
// a null term, a term with a colon, a term named like a URI scheme, terms
// with their own language, a language map, coercions to @id, to a
// datatype and to @vocab, a default language with upper case.
const hostileContext = `{
  "@vocab": "https://schema.org/",
  "@language": "kk-Latn",
  "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "schema": "https://schema.org/",
  "kg": "https://example.org/kg/",
  "city": "https://example.org/kg/city/",
  "name": {"@id": "schema:name", "@container": "@language"},
  "label": "schema:name",
  "memberOf": {"@id": "schema:memberOf", "@type": "@id"},
  "sameAs": {"@id": "schema:sameAs", "@type": "@id", "@container": "@set"},
  "founded": {"@id": "kg:founded", "@type": "xsd:date"},
  "note": {"@id": "kg:note", "@language": null},
  "enNote": {"@id": "kg:note", "@language": "en"},
  "kind": {"@id": "kg:kind", "@type": "@vocab"},
  "back": {"@reverse": "kg:partOf"},
  "type": "@type",
  "id": "@id",
  "nothing": null,
  "kg:special": {"@id": "https://example.org/kg/special"},
  "urn": "https://example.org/urn/",
  "Date": "xsd:date",
  "City": "schema:City"
}`

// toDataset converts triples to a json-gold dataset (default graph only),
// without duplicates and sorted by their N-Triples form.
func toDataset(triples []rdf.Triple) *ld.RDFDataset {
	seen := map[string]bool{}
	var quads []*ld.Quad
	for _, t := range triples {
		k := t.Serialize(rdf.NTriples)
		if seen[k] {
			continue
		}
		seen[k] = true
		quads = append(quads, ld.NewQuad(ldNode(t.Subj), ldNode(t.Pred), ldNode(t.Obj), "@default"))
	}
	ds := ld.NewRDFDataset()
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
	panic(fmt.Sprintf("unexpected term type %T", t))
}

// jsonldCanonical returns the URDNA2015 canonical N-Quads of a dataset,
// sorted, without duplicates, with language tags lowercased first:
// json-gold lowercases them when it reads JSON-LD (RDF 1.1 compares tags
// case-insensitively), so only the case of tags is not compared. (It
// avoids json-gold's quadratic N-Quads output of Normalize.)
func jsonldCanonical(t testing.TB, ds *ld.RDFDataset) []string {
	t.Helper()
	seen := map[string]bool{}
	var quads []*ld.Quad
	ser := &ld.NQuadRDFSerializer{}
	for _, q := range ds.Graphs["@default"] {
		if l, ok := q.Object.(ld.Literal); ok && l.Language != "" {
			q.Object = ld.NewLiteral(l.Value, l.Datatype, strings.ToLower(l.Language))
		}
		one := ld.NewRDFDataset()
		one.Graphs["@default"] = []*ld.Quad{q}
		k, err := ser.Serialize(one)
		if err != nil {
			t.Fatal(err)
		}
		if !seen[k.(string)] {
			seen[k.(string)] = true
			quads = append(quads, q)
		}
	}
	na := ld.NewNormalisationAlgorithm(ld.AlgorithmURDNA2015)
	in := ld.NewRDFDataset()
	in.Graphs["@default"] = quads
	na.Normalize(in)
	out := ld.NewRDFDataset()
	out.Graphs["@default"] = na.Quads()
	var b bytes.Buffer
	if err := ser.SerializeTo(&b, out); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(b.String(), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}

// jsonldRead reads a JSON-LD document with json-gold (ToRDF, offline).
func jsonldRead(t testing.TB, data []byte) *ld.RDFDataset {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, data)
	}
	var res any
	err := recoverPanic(func() error {
		var err error
		res, err = ld.NewJsonLdProcessor().ToRDF(doc, jsonldOptions())
		return err
	})
	if err != nil {
		t.Fatalf("ToRDF: %v", err)
	}
	return res.(*ld.RDFDataset)
}

// jsonldGoldReads tells whether json-gold's ToRDF keeps an IRI: it drops IRIs
// that Go's url.Parse does not take as absolute ("http://x:x", port not a
// number) and http(s) IRIs that fail its URL pattern ("http://x😀": no
// characters above U+FFFF in host names). Those are its limits, not the
// document's: the full IRI is the only way to write them.
func jsonldGoldReads(iri string) bool {
	if strings.HasPrefix(iri, "http://") || strings.HasPrefix(iri, "https://") {
		if !ld.IsURL(iri) {
			return false
		}
	}
	return ld.IsAbsoluteIri(iri)
}

// jsonldGoldReadable returns the triples whose IRIs json-gold keeps.
func jsonldGoldReadable(triples []rdf.Triple) []rdf.Triple {
	var out []rdf.Triple
	for _, tr := range triples {
		ok := true
		for _, term := range []rdf.Term{tr.Subj, tr.Pred, tr.Obj} {
			switch x := term.(type) {
			case rdf.IRI:
				ok = ok && jsonldGoldReads(x.String())
			case rdf.Literal:
				ok = ok && (x.Lang() != "" || jsonldGoldReads(x.DataType.String()))
			}
		}
		if ok {
			out = append(out, tr)
		}
	}
	return out
}

// jsonldSameGraph fails unless the JSON-LD document data holds exactly the
// triples (blank node labels and the case of language tags aside), as
// json-gold reads it (see jsonldGoldReads).
func jsonldSameGraph(t testing.TB, data []byte, triples []rdf.Triple) {
	t.Helper()
	got := jsonldCanonical(t, jsonldRead(t, data))
	readable := jsonldGoldReadable(triples)
	if len(readable) < len(triples) {
		t.Logf("%d of %d triples have IRIs that json-gold does not read", len(triples)-len(readable), len(triples))
	}
	want := jsonldCanonical(t, toDataset(readable))
	if slices.Equal(got, want) {
		return
	}
	var only []string
	for _, l := range got {
		if _, found := slices.BinarySearch(want, l); !found {
			only = append(only, "  read back only: "+l)
		}
	}
	for _, l := range want {
		if _, found := slices.BinarySearch(got, l); !found {
			only = append(only, "  lost:           "+l)
		}
	}
	if len(only) > 20 {
		only = append(only[:20], "  …")
	}
	t.Errorf("graph read back differs (%d triples, want %d):\n%s", len(got), len(want), strings.Join(only, ""))
}

// jsonldCheckLayout fails unless data is JSON indented exactly as encoding/json
// indents it by two spaces, with a trailing newline, and holds the context
// given (if any) as its "@context".
func jsonldCheckLayout(t testing.TB, data []byte, opts Options) {
	t.Helper()
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), data) {
		t.Errorf("layout differs from encoding/json's:\n%s", data)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(opts.Context) > 0 {
		var want, got any
		if err := json.Unmarshal(opts.Context, &want); err != nil {
			t.Fatal(err)
		}
		if m, ok := want.(map[string]any); ok && m["@context"] != nil {
			want = m["@context"]
		}
		if err := json.Unmarshal(doc["@context"], &got); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("@context is %v, want %v", got, want)
		}
	}
	if _, ok := doc["@graph"]; !ok || len(doc) > 2 {
		t.Errorf("document keys: %v", doc)
	}
}

// encodeJSONLD writes triples as JSON-LD, skipping those refused because
// an IRI has no safe written form under the context (such as
// "urn:x-kg:thing" when "urn" is a term); any other error fails the test.
// It returns the document and the triples written.
func encodeJSONLD(t testing.TB, opts Options, triples []rdf.Triple) ([]byte, []rdf.Triple) {
	t.Helper()
	var b bytes.Buffer
	enc, err := NewEncoder(JSONLD, &b, opts)
	if err != nil {
		t.Fatal(err)
	}
	var written []rdf.Triple
	for _, tr := range triples {
		switch err := enc.Encode(tr); {
		case err == nil:
			written = append(written, tr)
		case !errors.Is(err, errConfusedIRI):
			t.Fatalf("%v: %v", tr, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), written
}

// jsonldOptionSets are the contexts the JSON-LD tests run with.
var jsonldOptionSets = []struct {
	name string
	opts Options
}{
	{"test-context", Options{Prefixes: testPrefixes, Context: []byte(testContext)}},
	{"prefixes", Options{Prefixes: testPrefixes}},
	{"empty-prefix", Options{Prefixes: emptyPrefixes}},
	{"none", Options{}},
	{"vocab", Options{Context: []byte(vocabContext)}},
	{"project", Options{Context: []byte(projectContext)}},
	{"hostile", Options{Context: []byte(hostileContext)}},
}

// TestJSONLDRoundTrip writes the hostile graph with each context and reads
// it back with json-gold: the graph must be the same.
func TestJSONLDRoundTrip(t *testing.T) {
	graph := hostileGraph(t)
	for _, tc := range jsonldOptionSets {
		t.Run(tc.name, func(t *testing.T) {
			data, written := encodeJSONLD(t, tc.opts, graph)
			jsonldCheckLayout(t, data, tc.opts)
			jsonldSameGraph(t, data, written)
		})
	}
}

// TestJSONLDLanguageCase checks that the language tags come out as given,
// though json-gold lowercases them when reading.
func TestJSONLDLanguageCase(t *testing.T) {
	graph := hostileGraph(t)
	for _, tc := range jsonldOptionSets {
		data, _ := encodeJSONLD(t, tc.opts, graph)
		out := string(data)
		for _, w := range []string{`"@language": "kk-Latn"`, `"@language": "en-GB"`} {
			if !strings.Contains(out, w) && !(tc.name == "hostile" && w == `"@language": "kk-Latn"`) {
				t.Errorf("%s: output lacks %s", tc.name, w)
			}
		}
		if strings.Contains(out, "kk-latn") || strings.Contains(out, "en-gb") {
			t.Errorf("%s: output has lowercased tags:\n%s", tc.name, out)
		}
	}
	// With "@language": "kk-Latn", a kk-Latn string is bare, a KK-LATN
	// one is not (it would read back as kk-Latn).
	s, p := iri(t, kgNS+"s"), iri(t, kgNS+"p")
	out := string(encode(t, JSONLD, Options{Context: []byte(hostileContext)}, []rdf.Triple{
		tr(s, p, lang(t, "a", "kk-Latn")), tr(s, p, lang(t, "b", "KK-LATN")),
	}))
	if !strings.Contains(out, `"a",`) || !strings.Contains(out, `"@language": "KK-LATN"`) {
		t.Errorf("default language:\n%s", out)
	}
}

// TestJSONLDCompaction checks the written form of single triples.
func TestJSONLDCompaction(t *testing.T) {
	s := iri(t, kgNS+"s")
	schema := func(l string) rdf.IRI { return iri(t, schemaNS+l) }
	kg := func(l string) rdf.IRI { return iri(t, kgNS+l) }
	typ := iri(t, rdfNS+"type")
	tests := []struct {
		ctx  string
		p    rdf.IRI
		o    rdf.Object
		want string // the node object's entries after "@id", compacted
	}{
		// Terms with a fitting coercion take bare values.
		{projectContext, schema("memberOf"), kg("party"), `"memberOf":"kg:party"`},
		{projectContext, schema("memberOf"), blank(t, "b1"), `"memberOf":"_:b1"`},
		{projectContext, schema("foundingDate"), typed(t, "1991-12-16", xsdNS+"date"), `"foundingDate":"1991-12-16"`},
		// Values the coercion does not fit are expanded, under another key.
		{projectContext, schema("memberOf"), str(t, "party"), `"schema:memberOf":{"@value":"party"}`},
		{projectContext, schema("foundingDate"), typed(t, "1991", xsdNS+"gYear"), `"schema:foundingDate":{"@value":"1991","@type":"xsd:gYear"}`},
		// Default language: bare when it is the literal's, {"@value"}
		// for plain strings.
		{projectContext, schema("name"), lang(t, "Astana", "en"), `"name":"Astana"`},
		{projectContext, schema("name"), lang(t, "Astana", "EN"), `"name":{"@value":"Astana","@language":"EN"}`},
		{projectContext, schema("name"), lang(t, "Астана", "kk"), `"name":{"@value":"Астана","@language":"kk"}`},
		{projectContext, schema("name"), str(t, "Astana"), `"name":{"@value":"Astana"}`},
		{testContext, kg("note"), str(t, "Astana"), `"kg:note":"Astana"`},
		{testContext, kg("note"), typed(t, "Astana", xsdNS+"string"), `"kg:note":"Astana"`},
		// Vocabulary-relative types and datatypes.
		{projectContext, typ, schema("City"), `"@type":"City"`},
		{projectContext, typ, kg("City"), `"@type":"kg:City"`},
		{projectContext, typ, blank(t, "c"), `"rdf:type":{"@id":"_:c"}`},
		{projectContext, typ, str(t, "City"), `"rdf:type":{"@value":"City"}`},
		{projectContext, kg("p"), typed(t, "P1D", schemaNS+"Duration"), `"kg:p":{"@value":"P1D","@type":"Duration"}`},
		{vocabContext, typ, iri(t, "http://a.example/C"), `"@type":"http://a.example/C"`},
		// The longest namespace wins; p: is a prefix of ps: as a string.
		{projectContext, iri(t, "http://www.wikidata.org/prop/statement/P39"), kg("x"), `"ps:P39":{"@id":"kg:x"}`},
		{projectContext, iri(t, "http://www.wikidata.org/prop/P39"), iri(t, kgNS+"city/x"), `"p:P39":{"@id":"city:x"}`},
		// Unsafe compact forms are written as full IRIs.
		{projectContext, schema("kg:x"), kg("a:b"), `"https://schema.org/kg:x":{"@id":"https://example.org/kg/a:b"}`},
		{projectContext, schema("@type"), kg("//x"), `"schema:@type":{"@id":"https://example.org/kg///x"}`},
		{projectContext, schema("@id"), kg(""), `"schema:@id":{"@id":"kg:"}`},
		{projectContext, schema(""), kg("x"), `"schema":{"@id":"kg:x"}`},
		{projectContext, schema("http://x"), kg("x"), `"https://schema.org/http://x":{"@id":"kg:x"}`},
		// A vocabulary-relative name that is a term is not used.
		{hostileContext, schema("name"), lang(t, "x", "kk-Latn"), `"label":"x"`},
		{hostileContext, schema("name"), lang(t, "x", "en"), `"label":{"@value":"x","@language":"en"}`},
		{hostileContext, schema("type"), str(t, "x"), `"schema:type":{"@value":"x"}`},
		{hostileContext, schema("nothing"), str(t, "x"), `"schema:nothing":{"@value":"x"}`},
		{hostileContext, schema("Thing"), str(t, "x"), `"Thing":{"@value":"x"}`},
		{hostileContext, typ, schema("City"), `"@type":"schema:City"`},
		{hostileContext, typ, schema("Town"), `"@type":"Town"`},
		{hostileContext, kg("x"), typed(t, "2000-01-01", xsdNS+"date"), `"kg:x":{"@value":"2000-01-01","@type":"xsd:date"}`},
		{hostileContext, kg("x"), typed(t, "2000-01-01", schemaNS+"Date"), `"kg:x":{"@value":"2000-01-01","@type":"schema:Date"}`},
		// Terms with their own language, or coerced to @vocab, or
		// reverse, or language maps are not used for bare values.
		{hostileContext, kg("note"), str(t, "x"), `"note":"x"`},
		{hostileContext, kg("note"), lang(t, "x", "en"), `"enNote":{"@value":"x","@language":"en"}`},
		{hostileContext, kg("kind"), schema("Thing"), `"kg:kind":{"@id":"schema:Thing"}`},
		{hostileContext, kg("partOf"), kg("y"), `"kg:partOf":{"@id":"kg:y"}`},
		{hostileContext, kg("special"), kg("special"), `"https://example.org/kg/special":{"@id":"https://example.org/kg/special"}`},
		{hostileContext, schema("sameAs"), kg("y"), `"sameAs":"kg:y"`},
		// "_" is no prefix, "_:x" being a blank node.
		{`{"_": "https://example.org/", "kg": "https://example.org/kg/"}`, iri(t, "https://example.org/p"), iri(t, "https://example.org/x"),
			`"https://example.org/p":{"@id":"https://example.org/x"}`},
	}
	for _, tt := range tests {
		g := []rdf.Triple{tr(s, tt.p, tt.o)}
		opts := Options{Context: []byte(tt.ctx)}
		data := encode(t, JSONLD, opts, g)
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(compact.String(), `"@graph":[{"@id":"kg:s",`)
		body = strings.TrimSuffix(body, "}]}")
		if body != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.p, tt.o, body, tt.want)
		}
		jsonldSameGraph(t, data, g)
	}
}

// TestJSONLDConfusedIRI: an absolute IRI whose scheme is a term of the
// context ("kg:thing" with "kg" defined) has no written form that reads
// back as itself: the triple is refused, and the encoder stays usable.
func TestJSONLDConfusedIRI(t *testing.T) {
	good := tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), str(t, "x"))
	for _, bad := range []rdf.Triple{
		tr(iri(t, "kg:thing"), iri(t, kgNS+"p"), str(t, "x")),
		tr(iri(t, kgNS+"s"), iri(t, "kg:p"), str(t, "x")),
		tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), iri(t, "xsd:x")),
		tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), typed(t, "x", "kg:dt")),
		tr(iri(t, kgNS+"s"), iri(t, rdfNS+"type"), iri(t, "kg:C")),
	} {
		var b strings.Builder
		enc, err := NewEncoder(JSONLD, &b, Options{Prefixes: testPrefixes})
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(bad); !errors.Is(err, errConfusedIRI) {
			t.Errorf("%v: err = %v, want %v", bad, err, errConfusedIRI)
		}
		if err := enc.Encode(good); err != nil {
			t.Fatal(err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if want := string(encode(t, JSONLD, Options{Prefixes: testPrefixes}, []rdf.Triple{good})); b.String() != want {
			t.Errorf("output after a refused triple:\n%s\nwant\n%s", b.String(), want)
		}
		// Without the prefix, it is written whole.
		jsonldSameGraph(t, encode(t, JSONLD, Options{}, []rdf.Triple{bad}), []rdf.Triple{bad})
	}
	// Turtle and N-Triples write it whole.
	g := []rdf.Triple{tr(iri(t, "kg:thing"), iri(t, kgNS+"p"), str(t, "x"))}
	for _, f := range []Format{Turtle, NTriples} {
		if out := encode(t, f, Options{Prefixes: testPrefixes}, g); !bytes.Contains(out, []byte("<kg:thing>")) {
			t.Errorf("%s: %s", f, out)
		}
	}
	// "http://…" is safe even with a term "http": "//" follows.
	h := []rdf.Triple{tr(iri(t, "http://a.example/s"), iri(t, "http:p"), iri(t, "http://a.example/o"))}
	ctx := Options{Context: []byte(`{"http": "https://example.org/http/"}`)}
	if err := WriteAll(JSONLD, io.Discard, ctx, h); !errors.Is(err, errConfusedIRI) {
		t.Errorf("http:p: err = %v", err)
	}
	h[0].Pred = iri(t, "http://a.example/p")
	jsonldSameGraph(t, encode(t, JSONLD, ctx, h), h)
}

// TestJSONLDStreaming checks the whole document for a small graph: one
// node object per run of a subject, a subject coming back gets another,
// arrays for several values, "@type" first.
func TestJSONLDStreaming(t *testing.T) {
	a, b := iri(t, kgNS+"a"), iri(t, kgNS+"b")
	p, q := iri(t, kgNS+"p"), iri(t, kgNS+"q")
	typ := iri(t, rdfNS+"type")
	g := []rdf.Triple{
		tr(a, p, str(t, "1")), tr(a, typ, b), tr(a, p, iri(t, kgNS+"x")), tr(a, q, str(t, "2")),
		tr(a, typ, iri(t, schemaNS+"C")), tr(a, p, typed(t, "3", xsdNS+"integer")),
		tr(b, p, lang(t, "4", "kk-Latn")),
		tr(a, p, str(t, "5")),
		tr(blank(t, "x"), p, blank(t, "x")),
	}
	opts := Options{Prefixes: []Prefix{{"kg", kgNS}, {"xsd", xsdNS}}}
	got := string(encode(t, JSONLD, opts, g))
	want := `{
  "@context": {
    "kg": "https://example.org/kg/",
    "xsd": "http://www.w3.org/2001/XMLSchema#"
  },
  "@graph": [
    {
      "@id": "kg:a",
      "@type": [
        "kg:b",
        "https://schema.org/C"
      ],
      "kg:p": [
        "1",
        {
          "@id": "kg:x"
        },
        {
          "@value": "3",
          "@type": "xsd:integer"
        }
      ],
      "kg:q": "2"
    },
    {
      "@id": "kg:b",
      "kg:p": {
        "@value": "4",
        "@language": "kk-Latn"
      }
    },
    {
      "@id": "kg:a",
      "kg:p": "5"
    },
    {
      "@id": "_:x",
      "kg:p": {
        "@id": "_:x"
      }
    }
  ]
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	jsonldSameGraph(t, []byte(got), g)
	if got := string(encode(t, JSONLD, Options{}, nil)); got != "{\n  \"@graph\": []\n}\n" {
		t.Errorf("empty graph without context: %q", got)
	}
}

// TestJSONLDManyKeys checks a node with more keys than the linear search
// handles, and one with many values.
func TestJSONLDManyKeys(t *testing.T) {
	s := iri(t, kgNS+"s")
	var g []rdf.Triple
	for i := range 200 {
		g = append(g, tr(s, iri(t, fmt.Sprintf("%sp%d", kgNS, i%40)), str(t, fmt.Sprint(i))))
	}
	g = append(g, tr(iri(t, kgNS+"t"), iri(t, kgNS+"p"), str(t, "x")))
	data := encode(t, JSONLD, Options{Prefixes: testPrefixes}, g)
	jsonldCheckLayout(t, data, Options{})
	jsonldSameGraph(t, data, g)
}

// TestJSONString compares the string escaper with encoding/json's.
func TestJSONString(t *testing.T) {
	inputs := []string{
		"", "plain", `q"b\n`, "\x00\x01\x08\x09\x0a\x0c\x0d\x1f\x20\x7f",
		"\u0080\u009f\u00a0\u2027\u2028\u2029\u202a", "<&>", "😀 Қазақстан",
		"\xff", "a\xc3(", "\xe2\x80", "\xe2\x80\xa8", "\uFFFD",
	}
	for i := range 256 {
		inputs = append(inputs, string([]byte{byte(i), 'x', byte(i)}))
	}
	for _, s := range inputs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		writeJSONString(w, s)
		w.Flush()
		if got.String()+"\n" != want.String() {
			t.Errorf("%q: got %s, want %s", s, got.String(), want.String())
		}
		if jsonString(s) != got.String() {
			t.Errorf("jsonString(%q) = %s", s, jsonString(s))
		}
	}
}

// TestJSONLDVocab: with "@vocab", a property such as <https://schema.org/kg:x>
// must not be written "kg:x" (that reads back through the "kg" prefix), nor
// <https://schema.org/@type> as the keyword "@type".
func TestJSONLDVocab(t *testing.T) {
	opts := Options{Context: []byte(vocabContext)}
	s := iri(t, kgNS+"s")
	for _, p := range []string{"kg:x", "http://x", "@type", "@id", "", "founded"} {
		g := []rdf.Triple{tr(s, iri(t, schemaNS+"name"), str(t, "ok")), tr(s, iri(t, schemaNS+p), str(t, "v"))}
		jsonldSameGraph(t, encode(t, JSONLD, opts, g), g)
	}
	data := encode(t, JSONLD, opts, hostileGraph(t))
	if !bytes.Contains(data, []byte(`"name": [`)) || !bytes.Contains(data, []byte(`"founded": "1854-02-04"`)) {
		t.Errorf("context terms not used:\n%s", data)
	}
}

// TestJSONLDBadContext checks contexts refused at construction.
func TestJSONLDBadContext(t *testing.T) {
	for _, ctx := range []string{
		`{"kg":`, `"https://schema.org/"`, `{"@context": ["https://schema.org/"]}`,
		`{"@context": "/etc/passwd"}`, `{"kg": 42}`, `[{"@vocab": 1}]`,
	} {
		if _, err := NewEncoder(JSONLD, io.Discard, Options{Context: []byte(ctx)}); err == nil ||
			!strings.HasPrefix(err.Error(), "jsonld: context: ") {
			t.Errorf("context %s: err = %v", ctx, err)
		}
	}
	if _, err := NewEncoder(JSONLD, io.Discard, Options{Prefixes: []Prefix{{"kg", "kg/"}}}); err == nil {
		t.Error("relative prefix IRI accepted")
	}
	// A context in an array, with a default language reset by null.
	for _, tc := range []struct{ ctx, want string }{
		{`[{"@language": "en"}, {"kg": "https://example.org/kg/"}]`, `"kg:p": "x"`},
		{`[{"@language": "en"}, null, {"kg": "https://example.org/kg/"}]`, `"kg:p": {`},
		{`[{"@language": "en"}, {"@language": null, "kg": "https://example.org/kg/"}]`, `"kg:p": {`},
		{`{"@language": "EN", "kg": "https://example.org/kg/"}`, `"kg:p": {`},
	} {
		g := []rdf.Triple{tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), lang(t, "x", "en"))}
		opts := Options{Context: []byte(tc.ctx)}
		data := encode(t, JSONLD, opts, g)
		if !bytes.Contains(data, []byte(tc.want)) {
			t.Errorf("context %s: want %s in\n%s", tc.ctx, tc.want, data)
		}
		jsonldCheckLayout(t, data, opts)
		jsonldSameGraph(t, data, g)
	}
}

func TestRecoverPanic(t *testing.T) {
	err := recoverPanic(func() error { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "json-gold panicked: boom") {
		t.Errorf("err = %v", err)
	}
	if err := recoverPanic(func() error { return nil }); err != nil {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkJSONLDProjectContext writes the benchmark graph of
// BenchmarkJSONLD with a context like the project's ("@vocab", "@language",
// coerced terms).
func BenchmarkJSONLDProjectContext(b *testing.B) {
	const n = 100_000
	graph := benchGraph(b, n)
	opts := Options{Context: []byte(projectContext)}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAll(JSONLD, io.Discard, opts, graph); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}
