package ontology

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// linkedSampleResult is the sample with Wikidata links on two entities
// (the country twice, to the same item).
func linkedSampleResult(t testing.TB) *extractor.Result {
	res := sampleResult(t)
	for _, e := range res.Entities {
		switch e.ID {
		case kazakh:
			e.Links = []extractor.Link{
				{QID: "Q232", Confidence: 0.93, Evidence: "label match 'Kazakhstan';\n class country"},
				{QID: "Q232", Confidence: 0.5, Evidence: "again"},
			}
		case tokayev:
			e.Links = []extractor.Link{{QID: "Q200881", Confidence: 1}}
		}
	}
	return res
}

func TestMapLinks(t *testing.T) {
	res := linkedSampleResult(t)
	ts := mapSample(t, res)
	g := graph{ts}
	wd := func(q string) string { return "<" + string(WD) + q + ">" }

	cases := []struct {
		entity, qid, confidence, evidence string
	}{
		{kazakh, "Q232", `"0.93"^^<` + string(XSD) + `decimal>`, `"label match 'Kazakhstan'; class country"`},
		{tokayev, "Q200881", `"1.0"^^<` + string(XSD) + `decimal>`, ""},
	}
	linkNodes := map[string]bool{}
	for _, c := range cases {
		s, _ := rdf.NewIRI(testBase + c.entity)
		for _, p := range []rdf.IRI{owlSameAs, schemaSameAs} {
			got := g.objects(s, p)
			if len(got) != 1 || got[0].Serialize(rdf.NTriples) != wd(c.qid) {
				t.Errorf("%s %s: %v, want %s once", c.entity, p, got, wd(c.qid))
			}
		}
		nodes := g.objects(s, kgoWikidataLink)
		if len(nodes) != 1 {
			t.Fatalf("%s: %d kgo:wikidataLink, want 1 (a repeated item is linked once)", c.entity, len(nodes))
		}
		node, ok := nodes[0].(rdf.IRI)
		if !ok || !strings.HasPrefix(node.String(), testBase+linkPath) {
			t.Fatalf("%s: link node %v, want an IRI under %s%s", c.entity, nodes[0], testBase, linkPath)
		}
		linkNodes[node.String()] = true
		one := func(p rdf.IRI, want string) {
			t.Helper()
			got := g.objects(node, p)
			if want == "" {
				if len(got) != 0 {
					t.Errorf("%s %s: %v, want none", node, p, got)
				}
				return
			}
			if len(got) != 1 || got[0].Serialize(rdf.NTriples) != want {
				t.Errorf("%s %s: %v, want %s", node, p, got, want)
			}
		}
		one(rdfType, "<"+string(KGO)+"WikidataLink>")
		one(kgoItem, wd(c.qid))
		one(kgoConfidence, c.confidence)
		one(kgoEvidence, c.evidence)
	}
	if len(linkNodes) != 2 {
		t.Errorf("link nodes %v, want two distinct", linkNodes)
	}
	// Link nodes come after the references, before the document node, and
	// are the same in a second run.
	last := ts[len(ts)-1].Subj.String()
	if !strings.HasPrefix(last, testBase+documentPath) {
		t.Errorf("last subject %s, want the document", last)
	}
	if again := ntLines(mapSample(t, linkedSampleResult(t))); string(again) != string(ntLines(ts)) {
		t.Error("two runs of Map differ")
	}
	// Without links, nothing of this is written.
	for _, tr := range mapSample(t, sampleResult(t)) {
		if p := tr.Pred.String(); p == owlSameAs.String() || p == schemaSameAs.String() || strings.HasPrefix(p, string(KGO)+"wikidata") {
			t.Errorf("unlinked sample has %s", tr.Serialize(rdf.NTriples))
		}
	}
}

// TestMapLinkTermsDeclared checks that every kgo: term a linked graph uses
// is described in the ontology.
func TestMapLinkTermsDeclared(t *testing.T) {
	declared := map[string]bool{}
	for _, tr := range OntologyTriples() {
		if tr.Pred.String() == rdfType.String() {
			declared[tr.Subj.String()] = true
		}
	}
	for _, tr := range mapSample(t, linkedSampleResult(t)) {
		terms := []string{tr.Pred.String()}
		if tr.Pred.String() == rdfType.String() {
			terms = append(terms, tr.Obj.String())
		}
		for _, term := range terms {
			if strings.HasPrefix(term, string(KGO)) && !declared[term] {
				t.Errorf("%s is used but not declared in the ontology", term)
			}
		}
	}
}

func TestMapLinkErrors(t *testing.T) {
	cases := []struct {
		name string
		link extractor.Link
		want string
	}{
		{"not a QID", extractor.Link{QID: "P31", Confidence: 0.9}, "not a Wikidata item ID"},
		{"IRI for QID", extractor.Link{QID: "http://www.wikidata.org/entity/Q232", Confidence: 0.9}, "not a Wikidata item ID"},
		{"zero confidence", extractor.Link{QID: "Q232", Confidence: 0}, "outside (0, 1]"},
		{"confidence above 1", extractor.Link{QID: "Q232", Confidence: 1.5}, "outside (0, 1]"},
		{"NaN confidence", extractor.Link{QID: "Q232", Confidence: math.NaN()}, "outside (0, 1]"},
		{"bad evidence", extractor.Link{QID: "Q232", Confidence: 0.9, Evidence: "\xff"}, "not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := sampleResult(t)
			res.Entities[2].Links = []extractor.Link{c.link}
			var out sliceSink
			err := Map(res, Options{}, &out)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Map error %v, want one containing %q", err, c.want)
			}
			if len(out) != 0 {
				t.Errorf("%d triples written before the error", len(out))
			}
		})
	}
	res := sampleResult(t)
	res.Entities[0].ID = "link/x"
	if err := Map(res, Options{}, &sliceSink{}); err == nil || !strings.Contains(err.Error(), "clashes") {
		t.Errorf("entity ID under link/: error %v, want a clash", err)
	}
}

// TestLinkTriples checks that LinkTriples gives exactly the link triples
// Map writes, the entity's own in its block and the link nodes' blocks.
func TestLinkTriples(t *testing.T) {
	res := linkedSampleResult(t)
	ts := mapSample(t, res)
	linkish := func(tr rdf.Triple) bool {
		p := tr.Pred.String()
		return p == owlSameAs.String() || p == schemaSameAs.String() || p == kgoWikidataLink.String() ||
			strings.HasPrefix(tr.Subj.String(), testBase+linkPath)
	}
	var want, got []string
	for _, tr := range ts {
		if linkish(tr) {
			want = append(want, tr.Serialize(rdf.NTriples))
		}
	}
	var own, nodes []string
	ents := slices.Clone(res.Entities) // Map's order: by ID
	slices.SortFunc(ents, func(a, b *extractor.Entity) int { return strings.Compare(a.ID, b.ID) })
	for _, e := range ents {
		a, b, err := LinkTriples(e, Options{Base: testBase})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range a {
			own = append(own, tr.Serialize(rdf.NTriples))
		}
		for _, tr := range b {
			nodes = append(nodes, tr.Serialize(rdf.NTriples))
		}
	}
	got = append(own, nodes...)
	if strings.Join(got, "") != strings.Join(want, "") {
		t.Errorf("LinkTriples:\n%s\nMap's link triples:\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	bad := &extractor.Entity{ID: "x", Links: []extractor.Link{{QID: "P1", Confidence: 1}}}
	if _, _, err := LinkTriples(bad, Options{}); err == nil {
		t.Error("LinkTriples accepted a link to P1")
	}
}
