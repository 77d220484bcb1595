package exporter

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// hostileDataset spreads the hostile graph over the default graph, named
// graphs (one prefixable, one not, one a blank node) and comes back to
// the default graph and to a named graph after others.
func hostileDataset(t testing.TB) []rdf.Quad {
	graph := hostileGraph(t)
	graphs := []rdf.Context{
		nil,
		iri(t, kgNS+"document/almaty_(city)"),
		iri(t, kgNS+"g1"),
		blank(t, "g2"),
		nil,
		iri(t, kgNS+"g1"),
		iri(t, "urn:x-kg:graph"),
	}
	var out []rdf.Quad
	for i, tr := range graph {
		out = append(out, rdf.Quad{Triple: tr, Ctx: graphs[i*len(graphs)/len(graph)]})
	}
	return out
}

// toQuads puts triples in graph g.
func toQuads(triples []rdf.Triple, g rdf.Context) []rdf.Quad {
	out := make([]rdf.Quad, len(triples))
	for i, t := range triples {
		out[i] = rdf.Quad{Triple: t, Ctx: g}
	}
	return out
}

// encodeQuads writes quads in the dataset format f.
func encodeQuads(t testing.TB, f Format, opts Options, quads []rdf.Quad) []byte {
	t.Helper()
	var b bytes.Buffer
	enc, err := NewQuadEncoder(f, &b, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range quads {
		if err := enc.EncodeQuad(q); err != nil {
			t.Fatalf("%s: quad %d: %v", f, i, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mustCanon returns the canonical N-Quads of quads.
func mustCanon(t testing.TB, quads []rdf.Quad) string {
	t.Helper()
	c, err := CanonicalNQuads(quads)
	if err != nil {
		t.Fatal(err)
	}
	return string(c)
}

// decodeNQuadsKnakk reads N-Quads with knakk/rdf's decoder, to EOF, with
// the default graph as nil.
func decodeNQuadsKnakk(t testing.TB, data []byte) []rdf.Quad {
	t.Helper()
	dec := rdf.NewQuadDecoder(bytes.NewReader(data), rdf.NQuads)
	dec.DefaultGraph = nil
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, data)
		}
		out = append(out, q)
	}
}

func TestQuadGolden(t *testing.T) {
	doc := kgNS + "document/almaty"
	graph := hostileGraph(t)
	ds := hostileDataset(t)
	tests := []struct {
		golden string
		format Format
		opts   Options
		quads  []rdf.Quad // nil: the hostile graph through Encode
	}{
		{"hostile.nq", NQuads, Options{Graph: doc}, nil},
		{"hostile.trig", TriG, Options{Prefixes: testPrefixes, Graph: doc}, nil},
		{"hostile-default.trig", TriG, Options{Prefixes: testPrefixes}, nil},
		{"dataset.nq", NQuads, Options{}, ds},
		{"dataset.trig", TriG, Options{Prefixes: testPrefixes}, ds},
		{"dataset-noprefix.trig", TriG, Options{}, ds},
		{"empty.nq", NQuads, Options{}, []rdf.Quad{}},
		{"empty.trig", TriG, Options{Prefixes: testPrefixes[:2]}, []rdf.Quad{}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			run := func() []byte {
				if tt.quads == nil {
					return encode(t, tt.format, tt.opts, graph)
				}
				return encodeQuads(t, tt.format, tt.opts, tt.quads)
			}
			got := run()
			checkGolden(t, tt.golden, got)
			if again := run(); !bytes.Equal(again, got) {
				t.Errorf("second encoding differs")
			}
		})
	}
}

// TestNQuadsRoundTrip reads the N-Quads back with knakk/rdf's decoder:
// the same dataset, default graph included.
func TestNQuadsRoundTrip(t *testing.T) {
	doc := iri(t, kgNS+"document/almaty")
	for _, tc := range []struct {
		name string
		data []byte
		want []rdf.Quad
	}{
		{"graph option", encode(t, NQuads, Options{Graph: doc.String()}, hostileGraph(t)), toQuads(hostileGraph(t), doc)},
		{"default graph", encode(t, NQuads, Options{}, hostileGraph(t)), toQuads(hostileGraph(t), nil)},
		{"dataset", encodeQuads(t, NQuads, Options{}, hostileDataset(t)), hostileDataset(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back := decodeNQuadsKnakk(t, tc.data)
			if got, want := mustCanon(t, back), mustCanon(t, tc.want); got != want {
				t.Errorf("dataset read back differs\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

// TestNQuadsMatchesKnakk: the N-Quads writer gives byte for byte what
// knakk/rdf's serialization gives, for quads in named graphs (Quad) and
// in the default graph (Triple), and its N-Triples encoder for triples.
func TestNQuadsMatchesKnakk(t *testing.T) {
	var want strings.Builder
	for _, q := range hostileDataset(t) {
		if q.Ctx == nil {
			want.WriteString(q.Triple.Serialize(rdf.NQuads))
		} else {
			want.WriteString(q.Serialize(rdf.NQuads))
		}
	}
	if got := encodeQuads(t, NQuads, Options{}, hostileDataset(t)); string(got) != want.String() {
		t.Errorf("N-Quads differ from knakk's: %s", firstDiffLine(string(got), want.String()))
	}
	nq := encode(t, NQuads, Options{}, hostileGraph(t))
	if nt := encode(t, NTriples, Options{}, hostileGraph(t)); !bytes.Equal(nq, nt) {
		t.Errorf("default graph N-Quads differ from N-Triples: %s", firstDiffLine(string(nq), string(nt)))
	}
}

// firstDiffLine shows the first line where got and want differ.
func firstDiffLine(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + g[i] + "\n want " + w[i]
		}
	}
	return "lengths " + strconv.Itoa(len(g)) + " and " + strconv.Itoa(len(w)) + " lines"
}

// TestNQuadsDefaultGraph: default-graph quads have three terms, like
// N-Triples, and never knakk's "_:defaultGraph".
func TestNQuadsDefaultGraph(t *testing.T) {
	g := hostileGraph(t)[:3]
	nq := encode(t, NQuads, Options{}, g)
	nt := encode(t, NTriples, Options{}, g)
	if !bytes.Equal(nq, nt) {
		t.Errorf("default graph N-Quads differ from N-Triples:\n%s\n%s", nq, nt)
	}
	named := encode(t, NQuads, Options{Graph: kgNS + "g"}, g)
	if n := bytes.Count(named, []byte(" <"+kgNS+"g> .\n")); n != 3 {
		t.Errorf("want 3 quads in <%sg>:\n%s", kgNS, named)
	}
}

func TestTriGLayout(t *testing.T) {
	s, p, q := iri(t, kgNS+"s"), iri(t, kgNS+"p"), iri(t, kgNS+"q")
	g1, g2 := iri(t, kgNS+"g1"), blank(t, "g2")
	quads := []rdf.Quad{
		{Triple: tr(s, p, str(t, "default")), Ctx: nil},
		{Triple: tr(s, p, str(t, "a")), Ctx: g1},
		{Triple: tr(s, p, str(t, "b")), Ctx: g1},
		{Triple: tr(s, q, str(t, "c")), Ctx: g1},
		{Triple: tr(p, q, s), Ctx: g1},
		{Triple: tr(s, p, str(t, "d")), Ctx: g2},
		{Triple: tr(s, p, str(t, "e")), Ctx: nil},
		{Triple: tr(s, p, str(t, "f")), Ctx: g1},
	}
	got := string(encodeQuads(t, TriG, Options{Prefixes: []Prefix{{"kg", kgNS}}}, quads))
	want := `@prefix kg: <https://example.org/kg/> .

kg:s kg:p "default" .

kg:g1 {
    kg:s kg:p "a",
            "b" ;
        kg:q "c" .

    kg:p kg:q kg:s .
}

_:g2 {
    kg:s kg:p "d" .
}

kg:s kg:p "e" .

kg:g1 {
    kg:s kg:p "f" .
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestQuadEncoders(t *testing.T) {
	for _, f := range Formats() {
		enc, err := NewEncoder(f, io.Discard, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, isQuad := enc.(QuadEncoder)
		if isQuad != f.Dataset() {
			t.Errorf("%s: QuadEncoder %v, Dataset %v", f, isQuad, f.Dataset())
		}
		if _, err := NewQuadEncoder(f, io.Discard, Options{}); (err == nil) != f.Dataset() {
			t.Errorf("%s: NewQuadEncoder: %v", f, err)
		}
	}
	s := tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), str(t, "o"))
	for _, f := range []Format{NQuads, TriG} {
		for _, g := range []string{"relative", "http://x/a b", "http://x/<"} {
			if _, err := NewEncoder(f, io.Discard, Options{Graph: g}); err == nil || !strings.Contains(err.Error(), "graph: ") {
				t.Errorf("%s: Graph %q: err = %v", f, g, err)
			}
		}
		var b strings.Builder
		enc, _ := NewQuadEncoder(f, &b, Options{})
		for _, g := range []rdf.Context{rdf.IRI{}, rdf.Blank{}, blank(t, "a b"), iri(t, "rel")} {
			err := enc.EncodeQuad(rdf.Quad{Triple: s, Ctx: g})
			if err == nil || !strings.HasPrefix(err.Error(), map[Format]string{NQuads: "nquads", TriG: "trig"}[f]+": graph: ") {
				t.Errorf("%s: graph %#v: err = %v", f, g, err)
			}
		}
		if err := enc.Close(); err != nil || b.Len() != 0 {
			t.Errorf("%s: rejected quads wrote %q (err %v)", f, b.String(), err)
		}
		if err := enc.EncodeQuad(rdf.Quad{Triple: s}); !errors.Is(err, ErrClosed) {
			t.Errorf("%s: EncodeQuad after Close: %v", f, err)
		}
	}
}

// rdflibDatasetScript compares RDF files as datasets with rdflib. Its
// arguments are pairs of files, "want got" (want prefixed with "merge:"
// stands for the union of its graphs): for each pair it prints
// "ok NAME COUNT" or "FAIL NAME reason" (NAME is got's base name), where
// COUNT is the number of quads read. Formats come from the extensions;
// triple formats are read as the default graph. Datasets are compared by
// turning each quad of a named graph into a blank node with four
// properties, so that rdflib's graph isomorphism compares the blank nodes
// of all graphs at once. rdflib 6 puts the default graph of N-Quads and
// TriG in a graph named after the file (publicID); it is given a name of
// ours and taken back out. rdflib keeps RDF 1.0's distinction between
// "x" and "x"^^xsd:string, and the case of language tags: both are
// normalized as RDF 1.1 says.
const rdflibDatasetScript = `
import sys, os, rdflib, traceback
from rdflib import BNode, Graph, Dataset, URIRef, Literal
from rdflib.compare import isomorphic
DEF = "urn:x-kgbuild:default-graph"
FMT = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}
R = "urn:x-kgbuild:quad#"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
def norm(o):
    # RDF 1.1: "x"^^xsd:string is "x"; language tags compare case-insensitively.
    if isinstance(o, Literal):
        if o.datatype == XSD_STRING:
            return Literal(str(o))
        if o.language:
            return Literal(str(o), lang=o.language.lower())
    return o
def load(path):
    fmt = FMT[os.path.splitext(path)[1]]
    if fmt in ("nquads", "trig", "json-ld"):
        d = Dataset()
        d.parse(path, format=fmt, publicID=DEF)
        return set((s, p, norm(o), None if str(g) == DEF else g) for s, p, o, g in d.quads((None, None, None, None)))
    g = Graph()
    g.parse(path, format=fmt, publicID=DEF)
    return set((s, p, norm(o), None) for s, p, o in g)
def flat(quads):
    g = Graph()
    for s, p, o, c in quads:
        if c is None:
            g.add((s, p, o))
        else:
            q = BNode()
            for k, v in (("s", s), ("p", p), ("o", o), ("g", c)):
                g.add((q, URIRef(R + k), v))
    return g
args = sys.argv[1:]
for want, got in zip(args[0::2], args[1::2]):
    name = os.path.basename(got)
    merge = want.startswith("merge:")
    if merge:
        want = want[len("merge:"):]
    try:
        w, g = load(want), load(got)
        if merge:
            w = set((s, p, o, None) for s, p, o, c in w)
        if isomorphic(flat(w), flat(g)):
            print("ok", name, len(g))
        else:
            print("FAIL", name, "not isomorphic: want %d quads, got %d" % (len(w), len(g)))
    except Exception as e:
        print("FAIL", name, repr(e).replace("\n", " ")[:300])
    sys.stdout.flush()
`

const python = "/usr/bin/python3"

// needRDFLib skips the test unless rdflib can be imported.
func needRDFLib(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import rdflib").Run(); err != nil {
		t.Skip("needs python3-rdflib (apt-get install -y python3-rdflib)")
	}
}

// rdflibCompare runs rdflibDatasetScript on pairs of files and returns
// its verdict per got file's base name: "" when rdflib read it as the
// same dataset, else the reason.
func rdflibCompare(t *testing.T, pairs [][2]string) map[string]string {
	t.Helper()
	args := []string{"-c", rdflibDatasetScript}
	for _, p := range pairs {
		args = append(args, p[0], p[1])
	}
	out, err := exec.Command(python, args...).CombinedOutput()
	if err != nil {
		t.Errorf("rdflib: %v\n%s", err, out)
	}
	res := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, " ", 3)
		switch {
		case len(f) == 3 && f[0] == "ok":
			res[f[1]] = ""
		case len(f) == 3 && f[0] == "FAIL":
			res[f[1]] = f[2]
		default:
			t.Logf("rdflib: %s", line)
		}
	}
	for _, p := range pairs {
		if _, ok := res[filepath.Base(p[1])]; !ok {
			res[filepath.Base(p[1])] = "no verdict from rdflib"
		}
	}
	return res
}

// TestQuadsRDFLib has rdflib read the N-Quads and TriG outputs as
// datasets: the same as the reference N-Quads (checked against knakk's
// decoder by TestNQuadsRoundTrip), named graphs and blank node graph
// names included.
func TestQuadsRDFLib(t *testing.T) {
	needRDFLib(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ds := hostileDataset(t)
	doc := kgNS + "document/almaty"
	ref := write("ref.nq", encodeQuads(t, NQuads, Options{}, ds))
	refGraph := write("refgraph.nq", encode(t, NQuads, Options{Graph: doc}, hostileGraph(t)))
	pairs := [][2]string{
		{ref, write("dataset.trig", encodeQuads(t, TriG, Options{Prefixes: testPrefixes}, ds))},
		{ref, write("dataset-empty-prefix.trig", encodeQuads(t, TriG, Options{Prefixes: emptyPrefixes}, ds))},
		{ref, write("dataset-noprefix.trig", encodeQuads(t, TriG, Options{}, ds))},
		{refGraph, write("graph.trig", encode(t, TriG, Options{Prefixes: testPrefixes, Graph: doc}, hostileGraph(t)))},
		{write("graph.nt", encode(t, NTriples, Options{}, hostileGraph(t))), write("default.trig", encode(t, TriG, Options{Prefixes: testPrefixes}, hostileGraph(t)))},
		// The reference against an N-Triples file of its default graph
		// only must fail: the comparison sees graph names.
		{write("graph-only.nt", encode(t, NTriples, Options{}, hostileGraph(t))), write("notsame.nq", encode(t, NQuads, Options{Graph: doc}, hostileGraph(t)))},
	}
	res := rdflibCompare(t, pairs)
	for name, why := range res {
		if name == "notsame.nq" {
			if why == "" {
				t.Errorf("rdflib comparison does not see graph names")
			}
			continue
		}
		if why != "" {
			t.Errorf("%s: %s", name, why)
		}
	}
}

// TestQuadsRapper has rapper (raptor2) parse the N-Quads and TriG
// outputs and count the quads. Raptor 2.0's TriG parser predates TriG
// 1.1 and rejects blank node graph names, so the TriG dataset here has
// none.
func TestQuadsRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("needs rapper (apt-get install -y raptor2-utils)")
	}
	dir := t.TempDir()
	ds := hostileDataset(t)
	for i, q := range ds {
		if _, ok := q.Ctx.(rdf.Blank); ok {
			ds[i].Ctx = iri(t, kgNS+"g2")
		}
	}
	for _, c := range []struct {
		name, syntax string
		data         []byte
	}{
		{"dataset.nq", "nquads", encodeQuads(t, NQuads, Options{}, ds)},
		{"dataset.trig", "trig", encodeQuads(t, TriG, Options{Prefixes: testPrefixes}, ds)},
		{"dataset-empty.trig", "trig", encodeQuads(t, TriG, Options{Prefixes: emptyPrefixes}, ds)},
		{"dataset-noprefix.trig", "trig", encodeQuads(t, TriG, Options{}, ds)},
		{"graph.trig", "trig", encode(t, TriG, Options{Prefixes: testPrefixes, Graph: kgNS + "doc"}, hostileGraph(t))},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(rapper, "-i", c.syntax, "-c", path).CombinedOutput()
		if err != nil {
			t.Errorf("rapper -i %s -c %s: %v\n%s", c.syntax, c.name, err, out)
			continue
		}
		if want := "returned " + strconv.Itoa(len(ds)) + " triples"; !strings.Contains(string(out), want) {
			t.Errorf("rapper %s: want %q in\n%s", c.name, want, out)
		}
	}
}

// benchQuads writes 100k triples in the named graph of Options.Graph.
func benchQuads(b *testing.B, f Format) {
	const n = 100_000
	graph := benchGraph(b, n)
	opts := Options{Prefixes: testPrefixes, Graph: kgNS + "document/bench"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		enc, err := NewEncoder(f, io.Discard, opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range graph {
			if err := enc.Encode(t); err != nil {
				b.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

// BenchmarkNQuads writes 100k triples in one named graph as N-Quads.
func BenchmarkNQuads(b *testing.B) { benchQuads(b, NQuads) }

// BenchmarkTriG writes 100k triples in one named graph as TriG.
func BenchmarkTriG(b *testing.B) { benchQuads(b, TriG) }
