package exporter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// Classes of the framing tests: statements and references are embedded.
const (
	frameStmt = kgNS + "Statement"
	frameRef  = kgNS + "Reference"
)

// frameGraph is a graph shaped like kgbuild's: entities with statements,
// references shared by statements, a document cited by references; plus
// a blank node, a statement whose triples come before its entity's, a
// cycle of statements no entity refers to, a self reference and a chain
// of blank nodes deeper than maxEmbedDepth.
func frameGraph(t testing.TB) []rdf.Triple {
	typ := iri(t, rdfNS+"type")
	k := func(s string) rdf.IRI { return iri(t, kgNS+s) }
	stmt, ref := iri(t, frameStmt), iri(t, frameRef)
	name := iri(t, schemaNS+"name")
	g := []rdf.Triple{
		// A statement given before the entity referring to it.
		tr(k("s0"), typ, stmt),
		tr(k("s0"), k("value"), str(t, "early")),
		tr(k("almaty"), typ, iri(t, schemaNS+"City")),
		tr(k("almaty"), name, lang(t, "Almaty", "kk-Latn")),
		tr(k("almaty"), k("P17"), k("s1")),
		tr(k("almaty"), k("P17b"), k("s0")),
		tr(k("almaty"), k("country"), k("kazakhstan")),
		tr(k("s1"), typ, stmt),
		tr(k("s1"), k("value"), k("kazakhstan")),
		tr(k("s1"), k("derivedFrom"), k("r1")),
		tr(k("r1"), typ, ref),
		tr(k("r1"), k("quote"), str(t, "Almaty is in Kazakhstan.")),
		tr(k("r1"), k("statedIn"), k("doc")),
		tr(k("kazakhstan"), typ, iri(t, schemaNS+"Country")),
		tr(k("kazakhstan"), name, lang(t, "Kazakhstan", "en")),
		tr(k("kazakhstan"), k("P36"), k("s2")),
		tr(k("s2"), typ, stmt),
		tr(k("s2"), k("value"), k("astana")),
		// r1 again: embedded once, referred to here.
		tr(k("s2"), k("derivedFrom"), k("r1")),
		tr(k("s2"), k("derivedFrom"), k("r2")),
		tr(k("r2"), typ, ref),
		tr(k("r2"), k("statedIn"), k("doc")),
		// A blank node, embedded.
		tr(k("kazakhstan"), k("area"), blank(t, "q")),
		tr(blank(t, "q"), k("amount"), typed(t, "2724900", xsdNS+"decimal")),
		// A subject coming back after others: one node object.
		tr(k("almaty"), name, lang(t, "Алматы", "kk")),
		tr(k("doc"), typ, iri(t, schemaNS+"Article")),
		tr(k("doc"), name, str(t, "Almaty")),
		// Two statements referring to each other, and to themselves.
		tr(k("c1"), typ, stmt),
		tr(k("c1"), k("next"), k("c2")),
		tr(k("c2"), typ, stmt),
		tr(k("c2"), k("next"), k("c1")),
		tr(k("c2"), k("self"), k("c2")),
	}
	// A chain of blank nodes from almaty, 20 deep.
	prev := rdf.Subject(k("almaty"))
	for i := range 20 {
		b := blank(t, fmt.Sprintf("chain%d", i))
		g = append(g, tr(prev, k("rest"), b))
		prev = b
	}
	return append(g, tr(prev, k("rest"), k("end")))
}

// frameOptions are the options of the framing tests.
func frameOptions() Options {
	return Options{Prefixes: testPrefixes, Embed: []string{frameStmt, frameRef}}
}

// frameTops returns the "@id" of the top-level node objects of a JSON-LD
// document (those of the default graph, and graph objects), and the
// documents node objects by "@id", with where they are: "top", or the
// "@id" of the node they are embedded in.
func frameTops(t *testing.T, data []byte) (tops []string, parent map[string]string, depth map[string]int) {
	t.Helper()
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	parent, depth = map[string]string{}, map[string]int{}
	var walk func(v any, in string, d int)
	walk = func(v any, in string, d int) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				walk(x, in, d)
			}
		case map[string]any:
			id, _ := v["@id"].(string)
			isNode := id != "" && len(v) > 1
			if isNode {
				if prev, seen := parent[id]; seen {
					t.Errorf("%s written twice (in %s and %s)", id, prev, in)
				}
				parent[id], depth[id] = in, d
			}
			for key, x := range v {
				if key != "@context" {
					walk(x, id, d+1)
				}
			}
		}
	}
	for _, n := range doc.Graph {
		id, _ := n["@id"].(string)
		tops = append(tops, id)
		parent[id] = "top"
		for key, x := range n {
			walk(x, id, 1)
			_ = key
		}
	}
	return tops, parent, depth
}

// TestJSONLDFramed checks the trees of framed JSON-LD: entities and
// documents at top level in order of first appearance, statements and
// references embedded in the node referring to them (once), blank nodes
// embedded, cycles and over-deep chains at top level; and that it reads
// back, with json-gold, as the graph written.
func TestJSONLDFramed(t *testing.T) {
	g := frameGraph(t)
	data := encode(t, JSONLDFramed, frameOptions(), g)
	jsonldCheckLayout(t, data, frameOptions())
	jsonldSameGraph(t, data, g)
	if again := encode(t, JSONLDFramed, frameOptions(), g); !bytes.Equal(again, data) {
		t.Error("second encoding differs")
	}
	tops, parent, depth := frameTops(t, data)
	wantTops := []string{"kg:almaty", "kg:kazakhstan", "kg:doc", "kg:c1"}
	// The chain: 16 levels under almaty (chain0 … chain15), the rest at
	// top level, embedded in each other again.
	wantTops = append(wantTops, "_:chain16")
	if !slices.Equal(tops, wantTops) {
		t.Errorf("top-level nodes %q, want %q", tops, wantTops)
	}
	for id, in := range map[string]string{
		"kg:s0": "kg:almaty", "kg:s1": "kg:almaty", "kg:r1": "kg:s1", "kg:s2": "kg:kazakhstan",
		"kg:r2": "kg:s2", "_:q": "kg:kazakhstan", "kg:c2": "kg:c1", "_:chain0": "kg:almaty",
		"_:chain15": "_:chain14", "_:chain17": "_:chain16",
	} {
		if parent[id] != in {
			t.Errorf("%s is in %q, want %q", id, parent[id], in)
		}
	}
	if d := depth["_:chain15"]; d > maxEmbedDepth {
		t.Errorf("embedded %d deep", d)
	}
	// almaty's names, given apart, are in one node object.
	if n := strings.Count(string(data), `"@id": "kg:almaty",`); n != 1 {
		t.Errorf("almaty has %d node objects", n)
	}
}

// TestJSONLDFramedGolden pins the framed form of the hostile graph, with
// the nodes of a class embedded, and of a dataset.
func TestJSONLDFramedGolden(t *testing.T) {
	opts := Options{Prefixes: testPrefixes, Context: []byte(testContext), Embed: []string{schemaNS + "City"}}
	got := encode(t, JSONLDFramed, opts, hostileGraph(t))
	checkGolden(t, "hostile.framed.jsonld", got)
	jsonldSameGraph(t, got, hostileGraph(t))
	ds := hostileDataset(t)
	for _, c := range []struct {
		golden string
		f      Format
	}{{"dataset.jsonld", JSONLD}, {"dataset.framed.jsonld", JSONLDFramed}} {
		got := encodeQuads(t, c.f, opts, ds)
		checkGolden(t, c.golden, got)
		jsonldCheckLayout(t, got, opts)
		back, err := decodeBytes(c.f, got)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := mustCanonFold(t, back), mustCanonFold(t, ds); g != w {
			t.Errorf("%s: dataset read back differs:\n--- got\n%s--- want\n%s", c.golden, g, w)
		}
	}
}

// mustCanonFold is canonFold failing the test on error.
func mustCanonFold(t testing.TB, quads []rdf.Quad) string {
	t.Helper()
	c, err := canonFold(quads)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestJSONLDNamedGraphs: both JSON-LD writers keep named graphs as graph
// objects, in the order the quads come, a graph coming back getting
// another graph object; Encode writes the default graph, whatever
// Options.Graph; the default graph alone is a plain graph.
func TestJSONLDNamedGraphs(t *testing.T) {
	s, p := iri(t, kgNS+"s"), iri(t, kgNS+"p")
	g1, g2 := iri(t, kgNS+"g1"), blank(t, "g2")
	quads := []rdf.Quad{
		{Triple: tr(s, p, str(t, "a")), Ctx: g1},
		{Triple: tr(s, p, str(t, "b"))},
		{Triple: tr(s, p, str(t, "c")), Ctx: g2},
		{Triple: tr(s, p, str(t, "d")), Ctx: g1},
	}
	for _, f := range []Format{JSONLD, JSONLDFramed} {
		got := string(encodeQuads(t, f, Options{Prefixes: testPrefixes}, quads))
		var doc struct {
			Graph []struct {
				ID    string            `json:"@id"`
				Graph []json.RawMessage `json:"@graph"`
			} `json:"@graph"`
		}
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			t.Fatalf("%s: %v\n%s", f, err, got)
		}
		var ids []string
		for _, n := range doc.Graph {
			ids = append(ids, fmt.Sprintf("%s/%d", n.ID, len(n.Graph)))
		}
		if want := []string{"kg:g1/1", "kg:s/0", "_:g2/1", "kg:g1/1"}; !slices.Equal(ids, want) {
			t.Errorf("%s: items %q, want %q:\n%s", f, ids, want, got)
		}
		back, err := decodeBytes(f, []byte(got))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := mustCanonFold(t, back), mustCanonFold(t, quads); g != w {
			t.Errorf("%s: read back\n%s\nwant\n%s", f, g, w)
		}
		plain := encode(t, f, Options{Prefixes: testPrefixes}, []rdf.Triple{tr(s, p, str(t, "a"))})
		if strings.Count(string(plain), `"@graph"`) != 1 {
			t.Errorf("%s: default graph only:\n%s", f, plain)
		}
		if named := encode(t, f, Options{Prefixes: testPrefixes, Graph: kgNS + "g1"}, []rdf.Triple{tr(s, p, str(t, "a"))}); !bytes.Equal(named, plain) {
			t.Errorf("%s: Options.Graph is used:\n%s", f, named)
		}
	}
}

// TestJSONLDFramedLimit: the framed writer holds at most MaxTriples
// triples of a graph; beyond, Encode fails with ErrTooLarge and the
// encoder stays usable; a new graph starts a new count.
func TestJSONLDFramedLimit(t *testing.T) {
	s, p := iri(t, kgNS+"s"), iri(t, kgNS+"p")
	var b bytes.Buffer
	enc, err := NewQuadEncoder(JSONLDFramed, &b, Options{MaxTriples: 2})
	if err != nil {
		t.Fatal(err)
	}
	put := func(o string, g rdf.Context) error {
		return enc.EncodeQuad(rdf.Quad{Triple: tr(s, p, str(t, o)), Ctx: g})
	}
	for _, o := range []string{"a", "b"} {
		if err := put(o, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := put("c", nil); !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "jsonld-framed: ") {
		t.Errorf("third triple: %v", err)
	}
	g := iri(t, kgNS+"g")
	for _, o := range []string{"d", "e"} {
		if err := put(o, g); err != nil {
			t.Fatalf("new graph: %v", err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	back, err := decodeBytes(JSONLDFramed, b.Bytes())
	if err != nil || len(back) != 4 {
		t.Errorf("read back %d quads (%v):\n%s", len(back), err, b.String())
	}
	unlimited := Options{MaxTriples: -1}
	if err := WriteAll(JSONLDFramed, &bytes.Buffer{}, unlimited, frameGraph(t)); err != nil {
		t.Error(err)
	}
}
