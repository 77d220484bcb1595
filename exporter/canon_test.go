package exporter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// relabel gives every blank node of quads a new label.
func relabel(t testing.TB, quads []rdf.Quad, prefix string) []rdf.Quad {
	out := make([]rdf.Quad, len(quads))
	re := func(term rdf.Term) rdf.Term {
		if b, ok := term.(rdf.Blank); ok {
			return blank(t, prefix+blankLabel(b))
		}
		return term
	}
	for i, q := range quads {
		q.Subj = re(q.Subj).(rdf.Subject)
		q.Obj = re(q.Obj).(rdf.Object)
		if q.Ctx != nil {
			q.Ctx = re(q.Ctx).(rdf.Context)
		}
		out[i] = q
	}
	return out
}

func TestCanonicalGolden(t *testing.T) {
	out := encodeQuads(t, Canonical, Options{}, hostileDataset(t))
	checkGolden(t, "dataset.c14n.nq", out)
	lines := strings.SplitAfter(string(out), "\n")
	lines = lines[:len(lines)-1]
	// The hostile graph's duplicate triple is in two graphs here.
	if len(lines) != len(hostileDataset(t)) {
		t.Errorf("%d lines, want %d", len(lines), len(hostileDataset(t)))
	}
	dup := append(hostileDataset(t), hostileDataset(t)[5])
	if got := mustCanon(t, dup); got != string(out) {
		t.Errorf("a duplicate quad changes the canonical form")
	}
	for i := 1; i < len(lines); i++ {
		if lines[i-1] >= lines[i] {
			t.Errorf("lines %d and %d not in order:\n%s%s", i, i+1, lines[i-1], lines[i])
		}
	}
	if !strings.Contains(string(out), "_:c14n0") || strings.Contains(string(out), "_:b1 ") {
		t.Errorf("blank nodes not relabelled")
	}
	// N-Quads: our reader reads it back as the same dataset.
	back, err := decodeBytes(Canonical, out)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustCanon(t, back); got != string(out) {
		t.Errorf("canonical form is not a fixed point")
	}
}

// TestCanonicalInvariant: the order of the statements and the blank node
// labels do not change the canonical form; a change of one term does.
func TestCanonicalInvariant(t *testing.T) {
	ds := hostileDataset(t)
	want := mustCanon(t, ds)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 10 {
		shuffled := relabel(t, ds, "x"+strings.Repeat("y", i))
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := mustCanon(t, shuffled); got != want {
			t.Fatalf("shuffle %d: canonical form differs", i)
		}
	}
	changed := append([]rdf.Quad(nil), ds...)
	changed[3].Obj = lang(t, "Almaty", "kk-Cyrl")
	if mustCanon(t, changed) == want {
		t.Errorf("a changed literal gives the same canonical form")
	}
	moved := append([]rdf.Quad(nil), ds...)
	moved[0].Ctx = iri(t, kgNS+"g1")
	if mustCanon(t, moved) == want {
		t.Errorf("a quad moved to another graph gives the same canonical form")
	}
	// Blank nodes that only their structure tells apart.
	a, b, c := blank(t, "a"), blank(t, "b"), blank(t, "c")
	p := iri(t, kgNS+"p")
	ring := []rdf.Quad{{Triple: tr(a, p, b)}, {Triple: tr(b, p, c)}, {Triple: tr(c, p, a)}}
	ring2 := []rdf.Quad{{Triple: tr(c, p, a)}, {Triple: tr(a, p, b)}, {Triple: tr(b, p, c)}}
	if mustCanon(t, ring) != mustCanon(t, relabel(t, ring2, "z")) {
		t.Errorf("isomorphic rings differ")
	}
}

func TestCanonicalFingerprint(t *testing.T) {
	var b bytes.Buffer
	enc, err := NewEncoder(Canonical, &b, Options{Graph: kgNS + "doc"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range hostileGraph(t) {
		if err := enc.Encode(tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b.Bytes())
	if got := enc.(Fingerprinter).SHA256(); got != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256() = %s, want %x", got, sum)
	}
	if n := strings.Count(b.String(), " <"+kgNS+"doc> .\n"); n != len(hostileGraph(t))-1 {
		t.Errorf("%d quads in the graph of Options.Graph", n)
	}
}

// BenchmarkCanonical canonicalizes 100k triples (10k blank nodes).
func BenchmarkCanonical(b *testing.B) {
	const n = 100_000
	graph := benchGraph(b, n)
	b.ReportAllocs()
	for b.Loop() {
		enc, _ := NewEncoder(Canonical, io.Discard, Options{})
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

// canonAllGold is the canonical form with every quad, blank nodes or
// not, through json-gold's algorithm and serializer: what
// CanonicalNQuads computed before quads without blank nodes were written
// by canonLine.
func canonAllGold(t testing.TB, quads []rdf.Quad) string {
	t.Helper()
	ds := canonDataset(quads)
	na := ld.NewNormalisationAlgorithm(ld.AlgorithmURDNA2015)
	na.Normalize(ds)
	canon := ld.NewRDFDataset()
	for _, q := range na.Quads() {
		name := "@default"
		if q.Graph != nil {
			name = q.Graph.GetValue()
		}
		canon.Graphs[name] = append(canon.Graphs[name], q)
	}
	var buf bytes.Buffer
	if err := (&ld.NQuadRDFSerializer{}).SerializeTo(&buf, canon); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	lines = lines[:len(lines)-1]
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// TestCanonicalLinesAsGold: the quads without blank nodes, written by
// canonLine, give the bytes json-gold gives them, on the hostile dataset
// and on random hostile graphs in the default and a named graph.
func TestCanonicalLinesAsGold(t *testing.T) {
	sets := map[string][]rdf.Quad{"hostile": hostileDataset(t)}
	for seed := uint64(1); seed <= 3; seed++ {
		var quads []rdf.Quad
		for _, tr := range propertyGraph(t, seed) {
			quads = append(quads, rdf.Quad{Triple: tr}, rdf.Quad{Triple: tr, Ctx: iri(t, propertyNamedGraph)})
		}
		sets[fmt.Sprintf("seed%d", seed)] = quads
	}
	for name, quads := range sets {
		blanks := 0
		for _, q := range quads {
			if hasBlank(q) {
				blanks++
			}
		}
		if blanks == 0 || blanks == len(quads) {
			t.Fatalf("%s: %d of %d quads with blank nodes", name, blanks, len(quads))
		}
		if got, want := mustCanon(t, quads), canonAllGold(t, quads); got != want {
			t.Errorf("%s: canonical form differs from json-gold's alone", name)
		}
	}
}
