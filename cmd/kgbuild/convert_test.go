package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/ontology"
)

// TestBuildQuads builds the sample as N-Quads and TriG: every triple of
// the N-Triples file is in the named graph of the document's IRI, and
// rdflib reads the TriG file as the same dataset as the N-Quads.
func TestBuildQuads(t *testing.T) {
	out := t.TempDir()
	sample := samplePath(t)
	r := runArgs("", "build", "--out", out, "--format", "nt,nq,trig", "--quiet", sample)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	wantExactly(t, out, outputNames(sampleName, ".nt", ".nq", ".trig"))
	doc := ontology.DefaultBase + "document/" + sampleName
	if got := documentIRI(ontology.DefaultBase, sampleName); got != doc {
		t.Errorf("documentIRI = %s, want %s", got, doc)
	}
	nt := readFile(t, filepath.Join(out, sampleName+".nt"))
	nq := readFile(t, filepath.Join(out, sampleName+".nq"))
	want := bytes.ReplaceAll(nt, []byte(" .\n"), []byte(" <"+doc+"> .\n"))
	if !bytes.Equal(nq, want) {
		t.Errorf("N-Quads are not the N-Triples in graph <%s>: %s", doc, firstDiff(nq, want))
	}
	// The document node itself is in its graph.
	if !bytes.Contains(nq, []byte("<"+doc+"> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Article> <"+doc+"> .\n")) {
		t.Errorf("the document node is not in its own graph")
	}
	trig := readFile(t, filepath.Join(out, sampleName+".trig"))
	if !bytes.Contains(trig, []byte("\ndocument:"+sampleName+" {\n")) {
		t.Errorf("TriG lacks the document graph block:\n%.400s", trig)
	}
	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	script := `
import sys, rdflib
DEF = "urn:x-kgbuild:default-graph"
def quads(path, fmt):
    d = rdflib.Dataset()
    d.parse(path, format=fmt, publicID=DEF)
    return set(d.quads((None, None, None, None)))
a = quads(sys.argv[1], "nquads")
b = quads(sys.argv[2], "trig")
graphs = set(str(q[3]) for q in b)
print(len(a), len(b), " ".join(sorted(graphs)))
sys.exit(0 if a == b and len(a) > 0 else 1)
`
	res, err := exec.Command(python, "-c", script, filepath.Join(out, sampleName+".nq"), filepath.Join(out, sampleName+".trig")).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: N-Quads and TriG differ: %v\n%s", err, res)
	}
	if !strings.HasSuffix(strings.TrimSpace(string(res)), " "+doc) {
		t.Errorf("rdflib: graphs are not just <%s>: %s", doc, res)
	}
}
