package ontology_test

import (
	"bytes"
	"testing"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// TestMapLinksThroughExporter writes a linked graph in Turtle, N-Triples
// and JSON-LD (whose writer reads its document back and compares graphs).
func TestMapLinksThroughExporter(t *testing.T) {
	var triples sliceSink
	if err := ontology.Map(ontology.LinkedSampleResult(t), ontology.Options{Base: ontology.TestBase}, &triples); err != nil {
		t.Fatal(err)
	}
	ttl := render(t, "ttl", triples)
	back, err := rdf.NewTripleDecoder(bytes.NewReader(ttl), rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("Turtle does not parse back: %v\n%s", err, ttl)
	}
	if len(back) != len(triples) {
		t.Errorf("Turtle has %d triples, want %d", len(back), len(triples))
	}
	for _, want := range []string{"owl:sameAs wd:Q232", "schema:sameAs wd:Q232", "kgo:item wd:Q232", `kgo:confidence "0.93"^^xsd:decimal`} {
		if !bytes.Contains(ttl, []byte(want)) {
			t.Errorf("Turtle lacks %q", want)
		}
	}
	render(t, "nt", triples)
	js := render(t, "jsonld", triples)
	if !bytes.Contains(js, []byte(`"owl:sameAs"`)) {
		t.Errorf("JSON-LD lacks owl:sameAs:\n%s", js)
	}
}
