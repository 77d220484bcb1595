package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// TestConvertJSONLDNamedGraphs: N-Quads and TriG → JSON-LD (streaming
// and framed) → N-Quads keeps the named graphs, without a warning.
func TestConvertJSONLDNamedGraphs(t *testing.T) {
	dir := t.TempDir()
	r := runArgs("", "build", "--out", dir, "--quiet", "--format", "nq,trig", samplePath(t))
	if r.code != exitOK {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	nq := p(sampleName + ".nq")
	want := readDataset(t, nq)
	if !strings.Contains(want, "> <"+documentIRI(ontology.DefaultBase, sampleName)+"> .\n") {
		t.Fatalf("the sample's N-Quads have no named graph")
	}
	for _, steps := range [][2]string{
		{nq, p("a.jsonld")}, {p("a.jsonld"), p("a.nq")},
		{p(sampleName + ".trig"), p("b.framed.jsonld")}, {p("b.framed.jsonld"), p("b.nq")},
		{p("b.framed.jsonld"), p("c.jsonld")},
	} {
		r := runArgs("", "convert", steps[0], steps[1])
		if r.code != exitOK {
			t.Fatalf("convert %s %s: exit %d\n%s", steps[0], steps[1], r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "warning") {
			t.Errorf("convert %s %s: %s", steps[0], steps[1], r.stderr)
		}
		if got := readDataset(t, steps[1]); got != want {
			t.Errorf("%s is not the dataset of %s", steps[1], nq)
		}
	}
	// To Turtle, the graphs are merged, with a warning.
	r = runArgs("", "convert", p("a.jsonld"), p("d.ttl"))
	if r.code != exitOK || !strings.Contains(r.stderr, "warning: "+p("a.jsonld")+" has named graphs; ttl has none") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestBuildFramed: build --jsonld-frame writes NAME.framed.jsonld, the
// graph of the Turtle (for our reader and rdflib) with one top-level node
// object per entity and one for the document, statements and references
// embedded.
func TestBuildFramed(t *testing.T) {
	dir := t.TempDir()
	r := runArgs("", "build", "--out", dir, "--quiet", "--format", "ttl,jsonld,nt", "--jsonld-frame", samplePath(t))
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	wantExactly(t, dir, outputNames(sampleName, ".ttl", ".framed.jsonld", ".nt"))
	p := func(ext string) string { return filepath.Join(dir, sampleName+ext) }
	framed := readFile(t, p(".framed.jsonld"))
	if got, want := readDataset(t, p(".framed.jsonld")), readDataset(t, p(".ttl")); got != want {
		t.Errorf("framed JSON-LD is not the graph of the Turtle")
	}

	// The top-level nodes: the subjects typed with no class of
	// description (entities, the document), in order.
	quads := readQuadsFile(t, p(".nt"))
	describe := ontology.DescriptionClasses()
	var tops []string
	aux := map[string]bool{}
	for _, q := range quads {
		if q.Pred.String() == ontology.RDF.IRI("type").String() && slices.Contains(describe, q.Obj.String()) {
			aux[q.Subj.String()] = true
		}
	}
	nstmt := 0
	for _, q := range quads {
		s := q.Subj.String()
		if !aux[s] && !slices.Contains(tops, s) {
			tops = append(tops, s)
		}
		if q.Obj.String() == describe[0] {
			nstmt++
		}
	}
	if nstmt < 50 {
		t.Fatalf("only %d statements", nstmt)
	}
	var doc struct {
		Context map[string]any   `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(framed, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range doc.Graph {
		got = append(got, expandID(doc.Context, n["@id"].(string)))
	}
	if !slices.Equal(got, tops) {
		t.Errorf("top-level nodes:\n%q\nwant the entities and the document:\n%q", got, tops)
	}
	// The output is the same on a second build.
	dir2 := t.TempDir()
	runArgs("", "build", "--out", dir2, "--quiet", "--format", "jsonld-framed", samplePath(t))
	if again := readFile(t, filepath.Join(dir2, sampleName+".framed.jsonld")); !bytes.Equal(again, framed) {
		t.Errorf("second build differs: %s", firstDiff(again, framed))
	}

	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	out, err := exec.Command(python, "-c", isoScript, p(".ttl"), p(".nt"), p(".framed.jsonld")).CombinedOutput()
	t.Logf("rdflib:\n%s", out)
	if err != nil {
		t.Errorf("rdflib: the framed JSON-LD is not the graph of the Turtle (%v)", err)
	}
}

// expandID expands a compact IRI with the prefixes of a context.
func expandID(ctx map[string]any, id string) string {
	prefix, local, ok := strings.Cut(id, ":")
	if ns, isString := ctx[prefix].(string); ok && isString && !strings.HasPrefix(local, "//") {
		return ns + local
	}
	return id
}

// readQuadsFile reads an RDF file with exporter's decoders.
func readQuadsFile(t *testing.T, path string) []rdf.Quad {
	t.Helper()
	f, _ := exporter.Lookup(filepath.Base(path))
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dec, err := exporter.NewDecoder(f, in)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if err != nil {
			return out
		}
		out = append(out, q)
	}
}

// TestConvertFrameFlags: --jsonld-frame frames a JSON-LD output, and is
// refused for other outputs; --max-statements bounds what framing and
// canonicalization hold.
func TestConvertFrameFlags(t *testing.T) {
	dir := t.TempDir()
	buildInto(t, dir, samplePath(t))
	p := func(name string) string { return filepath.Join(dir, name) }
	nt := p(sampleName + ".nt")
	for _, args := range [][]string{
		{"convert", "--quiet", "--jsonld-frame", nt, p("a.jsonld")},
		{"convert", "--quiet", nt, p("b.framed.jsonld")},
		{"convert", "--quiet", "--to", "jsonld-framed", nt, p("c.json")},
	} {
		if r := runArgs("", args...); r.code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	a, b, c := readFile(t, p("a.jsonld")), readFile(t, p("b.framed.jsonld")), readFile(t, p("c.json"))
	if !bytes.Equal(a, b) || !bytes.Equal(b, c) {
		t.Errorf("--jsonld-frame, .framed.jsonld and --to jsonld-framed differ")
	}
	if plain := readFile(t, p(sampleName+".jsonld")); bytes.Equal(a, plain) {
		t.Errorf("framed output is the streaming JSON-LD")
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"convert", "--jsonld-frame", nt, p("x.ttl")}, exitUsage, "--jsonld-frame: the output is ttl, not JSON-LD"},
		{[]string{"build", "--out", dir, "--format", "ttl", "--jsonld-frame", samplePath(t)}, exitUsage, "--jsonld-frame: --format has no JSON-LD"},
		{[]string{"convert", "--max-statements", "100", nt, p("x.framed.jsonld")}, exitError, "too many statements to hold in memory: a graph of more than 100 triples"},
		{[]string{"convert", "--max-statements", "100", nt, p("x.c14n.nq")}, exitError, "too many statements to hold in memory: more than 100 statements"},
	} {
		r := runArgs("", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, r.code, r.stderr, c.code, c.msg)
		}
	}
	for _, name := range []string{"x.ttl", "x.framed.jsonld", "x.c14n.nq"} {
		if _, err := os.Stat(p(name)); err == nil {
			t.Errorf("%s written after an error", name)
		}
	}
	if r := runArgs("", "convert", "--quiet", "--max-statements", "-1", nt, p("y.c14n.nq")); r.code != exitOK {
		t.Errorf("--max-statements -1: exit %d\n%s", r.code, r.stderr)
	}
}
