package exporter

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// decodeAll parses data with knakk/rdf, reading to EOF (its decoders leak
// a goroutine when abandoned early).
func decodeAll(t *testing.T, data []byte, f rdf.Format) []rdf.Triple {
	t.Helper()
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), f)
	var out []rdf.Triple
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, data)
		}
		out = append(out, tr)
	}
}

// TestRoundTripKnakk writes Turtle and N-Triples and reads them back with
// knakk/rdf's decoders: the graph must be the same, lexical forms and
// language tag case included.
func TestRoundTripKnakk(t *testing.T) {
	graph := hostileGraph(t)
	want := canonical(t, toDataset(graph), false)
	tests := []struct {
		name   string
		format Format
		opts   Options
		dec    rdf.Format
	}{
		{"turtle", Turtle, Options{Prefixes: testPrefixes}, rdf.Turtle},
		{"turtle-noprefix", Turtle, Options{}, rdf.Turtle},
		{"turtle-emptyprefix", Turtle, Options{Prefixes: emptyPrefixes}, rdf.Turtle},
		{"ntriples", NTriples, Options{}, rdf.NTriples},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encode(t, tt.format, tt.opts, graph)
			for _, w := range []string{`"Almaty"@kk-Latn`, `"nested"@en-GB`} {
				if !bytes.Contains(data, []byte(w)) {
					t.Errorf("output lacks %s", w)
				}
			}
			back := decodeAll(t, data, tt.dec)
			if got := canonical(t, toDataset(back), false); got != want {
				t.Errorf("graph read back differs\n--- got\n%s--- want\n%s", got, want)
			}
			for _, tag := range []string{"kk-Latn", "en-GB"} {
				found := false
				for _, tr := range back {
					if l, ok := tr.Obj.(rdf.Literal); ok && l.Lang() == tag {
						found = true
					}
				}
				if !found {
					t.Errorf("language tag %q not read back as written", tag)
				}
			}
		})
	}
}

// TestRoundTripJSONLD writes JSON-LD and reads it back with json-gold's
// ToRDF. json-gold lowercases language tags when reading, so tags are
// compared case-insensitively here; TestJSONLDLanguageCase checks the
// written case.
func TestRoundTripJSONLD(t *testing.T) {
	graph := hostileGraph(t)
	want := canonical(t, toDataset(graph), true)
	for _, opts := range []Options{
		{Prefixes: testPrefixes, Context: []byte(testContext)},
		{Prefixes: testPrefixes},
		{},
	} {
		data := encode(t, JSONLD, opts, graph)
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		o := ld.NewJsonLdOptions("")
		o.DocumentLoader = offlineLoader{}
		res, err := ld.NewJsonLdProcessor().ToRDF(doc, o)
		if err != nil {
			t.Fatalf("ToRDF: %v", err)
		}
		if got := canonical(t, res.(*ld.RDFDataset), true); got != want {
			t.Errorf("graph read back differs\n--- got\n%s--- want\n%s", got, want)
		}
	}
}

// TestJSONLDLanguageCase checks that the language tags come out as given
// despite json-gold lowercasing them, both as "@language" values and as
// language-map keys.
func TestJSONLDLanguageCase(t *testing.T) {
	graph := hostileGraph(t)
	for _, tc := range []struct {
		name string
		opts Options
		want []string
	}{
		{"language map", Options{Context: []byte(testContext)}, []string{`"kk-Latn": "Almaty"`, `"@language": "en-GB"`}},
		{"values", Options{Prefixes: testPrefixes}, []string{`"@language": "kk-Latn"`, `"@language": "en-GB"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := string(encode(t, JSONLD, tc.opts, graph))
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %s", w)
				}
			}
			if strings.Contains(out, "kk-latn") || strings.Contains(out, "en-gb") {
				t.Errorf("output has lowercased tags:\n%s", out)
			}
		})
	}

	// Two spellings of one tag: json-gold's lowercase form is kept, since
	// either original would be a guess.
	s := iri(t, kgNS+"s")
	p := iri(t, kgNS+"p")
	amb := []rdf.Triple{tr(s, p, lang(t, "a", "kk-Latn")), tr(s, p, lang(t, "b", "kk-LATN"))}
	out := string(encode(t, JSONLD, Options{}, amb))
	if strings.Count(out, `"@language": "kk-latn"`) != 2 {
		t.Errorf("ambiguous tags: want both lowercased, got\n%s", out)
	}
}

// TestJSONLDOrderIndependent checks that JSON-LD output does not depend on
// the order of the triples.
func TestJSONLDOrderIndependent(t *testing.T) {
	graph := hostileGraph(t)
	rev := make([]rdf.Triple, len(graph))
	for i, tr := range graph {
		rev[len(graph)-1-i] = tr
	}
	opts := Options{Prefixes: testPrefixes, Context: []byte(testContext)}
	if a, b := encode(t, JSONLD, opts, graph), encode(t, JSONLD, opts, rev); !bytes.Equal(a, b) {
		t.Errorf("output depends on triple order")
	}
}

// TestDecodedTerms feeds the encoders terms made by knakk/rdf's decoder,
// which its constructors would refuse: an IRI holding a space (from a
// \u0020 escape) must be rejected, a language tag with two subtags
// (which NewLangLiteral refuses) must be written as given.
func TestDecodedTerms(t *testing.T) {
	in := decodeAll(t, []byte(
		"<http://a.example/b\\u0020c> <http://a.example/p> \"x\" .\n"+
			"<http://a.example/s> <http://a.example/p> \"x\"@zh-Hans-CN .\n"), rdf.NTriples)
	if len(in) != 2 || in[0].Subj.String() != "http://a.example/b c" {
		t.Fatalf("decoder gave %v", in)
	}
	for _, f := range Formats() {
		var b strings.Builder
		enc, err := NewEncoder(f, &b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(in[0]); err == nil || !strings.Contains(err.Error(), "disallowed character ' '") {
			t.Errorf("%s: IRI with a space: err = %v", f, err)
		}
		if err := enc.Encode(in[1]); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "zh-Hans-CN") {
			t.Errorf("%s: tag not kept:\n%s", f, b.String())
		}
	}
}

// TestJSONLDConfusedIRI: an absolute IRI whose scheme is also a prefix of
// the context ("kg:thing" with "kg" defined) cannot be compacted without
// changing its meaning; json-gold reports an error rather than writing it.
func TestJSONLDConfusedIRI(t *testing.T) {
	g := []rdf.Triple{tr(iri(t, "kg:thing"), iri(t, kgNS+"p"), str(t, "x"))}
	err := WriteAll(JSONLD, io.Discard, Options{Prefixes: testPrefixes}, g)
	if err == nil || !strings.Contains(err.Error(), "confused with prefix") {
		t.Errorf("err = %v, want IRI confused with prefix", err)
	}
	// Turtle and N-Triples write it whole.
	for _, f := range []Format{Turtle, NTriples} {
		if out := encode(t, f, Options{Prefixes: testPrefixes}, g); !bytes.Contains(out, []byte("<kg:thing>")) {
			t.Errorf("%s: %s", f, out)
		}
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

// vocabContext is shaped like the project's own context: "@vocab",
// a default language, prefixes and a typed term.
const vocabContext = `{"@context": {
  "@vocab": "https://schema.org/",
  "@language": "en",
  "kg": "https://example.org/kg/",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "founded": {"@id": "kg:founded", "@type": "xsd:date"}
}}`

// TestJSONLDVocab: with "@vocab" json-gold compacts some IRIs into strings
// that read back as other IRIs or as keywords. The encoder must refuse
// them, and accept the hostile graph.
func TestJSONLDVocab(t *testing.T) {
	opts := Options{Context: []byte(vocabContext)}
	graph := hostileGraph(t)
	data := encode(t, JSONLD, opts, graph)
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	o := ld.NewJsonLdOptions("")
	o.DocumentLoader = offlineLoader{}
	res, err := ld.NewJsonLdProcessor().ToRDF(doc, o)
	if err != nil {
		t.Fatalf("ToRDF: %v", err)
	}
	if got, want := canonical(t, res.(*ld.RDFDataset), true), canonical(t, toDataset(graph), true); got != want {
		t.Errorf("graph read back differs\n--- got\n%s--- want\n%s", got, want)
	}
	if !bytes.Contains(data, []byte(`"name": [`)) || !bytes.Contains(data, []byte(`"founded": "1854-02-04"`)) {
		t.Errorf("context terms not used:\n%s", data)
	}

	s := iri(t, kgNS+"s")
	for _, p := range []string{"kg:x", "http://x", "@type", "@id"} {
		g := []rdf.Triple{tr(s, iri(t, schemaNS+"name"), str(t, "ok")), tr(s, iri(t, schemaNS+p), str(t, "v"))}
		err := WriteAll(JSONLD, io.Discard, opts, g)
		if err == nil || !strings.Contains(err.Error(), "jsonld: check: ") {
			t.Errorf("property schema:%s: err = %v, want a failed check", p, err)
		}
	}
}
