package ontology

import (
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// TestMapQuantityValueNodes: a quantity with a unit gets psv: to a value
// node with its amount and unit; one without a unit gets none; equal
// quantities share the node.
func TestMapQuantityValueNodes(t *testing.T) {
	res := sampleResult(t)
	// A second term of seven years, on another subject.
	f := res.Facts[0]
	res.Facts = append(res.Facts, extractor.Fact{Subject: f.Subject, Relation: extractor.TermLength, Object: extractor.Years(7), Evidence: f.Evidence})
	triples := mapSample(t, res)
	objects := func(s rdf.Term, p rdf.IRI) []rdf.Object {
		var out []rdf.Object
		for _, t := range triples {
			if rdf.TermsEqual(t.Subj, s) && rdf.TermsEqual(t.Pred, p) {
				out = append(out, t.Obj)
			}
		}
		return out
	}
	psv := PSV.IRI("P2097")
	var nodes []rdf.Object
	for _, tr := range triples {
		if rdf.TermsEqual(tr.Pred, psv) {
			nodes = append(nodes, tr.Obj)
		}
	}
	if len(nodes) != 2 {
		t.Fatalf("%d psv:P2097 triples, want 2 (one per term-length statement)", len(nodes))
	}
	if !rdf.TermsEqual(nodes[0], nodes[1]) {
		t.Errorf("equal quantities have two value nodes: %v, %v", nodes[0], nodes[1])
	}
	v := nodes[0].(rdf.IRI)
	for _, c := range []struct {
		p    rdf.IRI
		want string
	}{
		{rdfType, "<http://wikiba.se/ontology#QuantityValue>"},
		{wikibaseQuantityAmount, `"7"^^<http://www.w3.org/2001/XMLSchema#decimal>`},
		{wikibaseQuantityUnit, "<http://www.wikidata.org/entity/Q577>"},
	} {
		got := objects(v, c.p)
		if len(got) != 1 || got[0].Serialize(rdf.NTriples) != c.want {
			t.Errorf("value node %s: %v, want %s", c.p, got, c.want)
		}
	}
	for _, tr := range triples {
		if rdf.TermsEqual(tr.Pred, PSV.IRI("P1352")) {
			t.Errorf("a ranking without a unit has a value node: %v", tr)
		}
	}
	if q, ok := UnitItem("year"); !ok || q != "Q577" {
		t.Errorf("UnitItem(year) = %q, %v", q, ok)
	}
}
