package ontology_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// ontologyFile is the published ontology, rendered from OntologyTriples.
const ontologyFile = "kgbuild.ttl"

func prefixes() []exporter.Prefix {
	var out []exporter.Prefix
	for _, p := range ontology.Prefixes() {
		out = append(out, exporter.Prefix(p))
	}
	return out
}

// render writes triples in the named format with our prefixes and context.
func render(t *testing.T, format string, triples []rdf.Triple) []byte {
	t.Helper()
	f, ok := exporter.Lookup(format)
	if !ok {
		t.Fatalf("exporter has no format %q", format)
	}
	var buf bytes.Buffer
	opts := exporter.Options{Prefixes: prefixes(), Context: ontology.Context()}
	if err := exporter.WriteAll(f, &buf, opts, triples); err != nil {
		t.Fatalf("writing %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestOntologyFile(t *testing.T) {
	got := render(t, "ttl", ontology.OntologyTriples())
	if ontology.UpdateGoldenFiles() {
		if err := os.WriteFile(ontologyFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(ontologyFile)
	if err != nil {
		t.Fatalf("%v (run go test ./ontology -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go test ./ontology -update and commit it", ontologyFile)
	}
}

// TestOntologyFileMatchesTable reads the committed file back and checks that
// every row of the mapping table is described in it.
func TestOntologyFileMatchesTable(t *testing.T) {
	f, err := os.Open(ontologyFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ts, err := rdf.NewTripleDecoder(f, rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("%s does not parse: %v", ontologyFile, err)
	}
	have := map[string]bool{}
	for _, tr := range ts {
		have[tr.Subj.String()+" "+tr.Pred.String()+" "+tr.Obj.Serialize(rdf.NTriples)] = true
	}
	iri := func(ns ontology.Namespace, local string) string { return "<" + string(ns) + local + ">" }
	want := func(s, p, o string) {
		t.Helper()
		if !have[s+" "+p+" "+o] {
			t.Errorf("%s lacks %s %s %s", ontologyFile, s, p, o)
		}
	}
	typ := string(ontology.RDF) + "type"
	ont := ontology.OntologyIRI().String()
	want(ont, typ, iri(ontology.OWL, "Ontology"))
	want(ont, string(ontology.OWL)+"versionInfo", `"`+ontology.Version+`"`)
	for _, c := range ontology.Classes() {
		s := string(ontology.KGO) + c.Term
		want(s, typ, iri(ontology.OWL, "Class"))
		if c.Schema != "" {
			want(s, string(ontology.RDFS)+"subClassOf", iri(ontology.Schema, c.Schema))
			want(s, string(ontology.RDFS)+"subClassOf", iri(ontology.WD, c.Wikidata))
		} else {
			want(s, string(ontology.OWL)+"equivalentClass", iri(ontology.WD, c.Wikidata))
		}
		want(s, string(ontology.RDFS)+"label", `"`+c.Label+`"@en`)
	}
	for _, p := range ontology.Properties() {
		s := string(ontology.KGO) + p.Term
		kind := "DatatypeProperty"
		if p.Datatype == ontology.Item {
			kind = "ObjectProperty"
		}
		want(s, typ, iri(ontology.OWL, kind))
		want(s, string(ontology.OWL)+"equivalentProperty", iri(ontology.WDT, p.PID))
		if p.Schema != "" {
			want(s, string(ontology.RDFS)+"subPropertyOf", iri(ontology.Schema, p.Schema))
		}
		want(s, string(ontology.RDFS)+"label", `"`+p.Label+`"@en`)
	}
	for _, term := range []string{"evidenceStart", "evidenceEnd", "byteLength"} {
		want(string(ontology.KGO)+term, typ, iri(ontology.OWL, "DatatypeProperty"))
	}
	// The office class is what the scorer recognizes offices by.
	want(string(ontology.KGO)+"PublicOffice", string(ontology.OWL)+"equivalentClass", iri(ontology.WD, "Q294414"))
}

// TestMapThroughExporter writes the sample graph in every format of the
// exporter, which checks each term, and checks what the JSON-LD context
// does to it.
func TestMapThroughExporter(t *testing.T) {
	var triples sliceSink
	if err := ontology.Map(ontology.SampleResult(t), ontology.Options{Base: ontology.TestBase}, &triples); err != nil {
		t.Fatal(err)
	}
	ttl := render(t, "ttl", triples)
	back, err := rdf.NewTripleDecoder(bytes.NewReader(ttl), rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("Turtle does not parse back: %v", err)
	}
	if len(back) != len(triples) {
		t.Errorf("Turtle has %d triples, want %d", len(back), len(triples))
	}
	render(t, "nt", triples)

	js := render(t, "jsonld", triples)
	var doc map[string]any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v", err)
	}
	for _, want := range []string{
		`"publisher": "` + ontology.TestBase + `organization/world-bank"`, // @id coercion
		`"name": "Kassym-Jomart Tokayev"`,                                 // @language en
		`"@type": "Person"`,                                               // @vocab schema.org
		`"wdt:P39"`, `"ps:P39"`, `"pq:P580"`, `"pr:P1683"`,
	} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("JSON-LD lacks %s", want)
		}
	}
	if t.Failed() {
		t.Logf("JSON-LD:\n%s", js)
	}
}

type sliceSink []rdf.Triple

func (s *sliceSink) Encode(t rdf.Triple) error {
	*s = append(*s, t)
	return nil
}

func TestContextIsJSON(t *testing.T) {
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(ontology.Context(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Context["@vocab"] != string(ontology.Schema) || doc.Context["@language"] != "en" {
		t.Errorf("context %v", doc.Context)
	}
	for _, p := range ontology.Prefixes() {
		if doc.Context[p.Name] != p.IRI {
			t.Errorf("context maps %s to %v, want %s", p.Name, doc.Context[p.Name], p.IRI)
		}
	}
	for _, p := range ontology.Properties() {
		if p.Schema == "" {
			continue
		}
		def, _ := doc.Context[p.Schema].(map[string]any)
		if def == nil || !strings.HasPrefix(def["@id"].(string), "schema:") {
			t.Errorf("context has no term for schema:%s: %v", p.Schema, doc.Context[p.Schema])
		}
	}
}
