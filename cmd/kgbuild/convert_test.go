package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
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

// readDataset reads an RDF file with exporter's decoders and returns its
// canonical N-Quads.
func readDataset(t *testing.T, path string) string {
	t.Helper()
	f, ok := exporter.Lookup(filepath.Base(path))
	if !ok {
		t.Fatalf("%s: no format", path)
	}
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dec, err := exporter.NewDecoder(f, in)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer dec.Close()
	var quads []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		quads = append(quads, q)
	}
	c, err := exporter.CanonicalNQuads(quads)
	if err != nil {
		t.Fatal(err)
	}
	return string(c)
}

// TestConvert converts the sample's graph through every format and back:
// the graph stays the same; N-Quads keep the named graph through TriG…
// (TriG is not read: its N-Quads twin is compared).
func TestConvert(t *testing.T) {
	dir := t.TempDir()
	buildInto(t, dir, samplePath(t))
	nt := filepath.Join(dir, sampleName+".nt")
	want := readDataset(t, nt)
	p := func(name string) string { return filepath.Join(dir, name) }
	steps := []struct{ in, out string }{
		{nt, p("a.ttl")},
		{p("a.ttl"), p("b.jsonld")},
		{p("b.jsonld"), p("c.nq")},
		{p("c.nq"), p("d.trig")},
		{p("c.nq"), p("e.nt")},
	}
	for _, s := range steps {
		r := runArgs("", "convert", s.in, s.out)
		if r.code != exitOK {
			t.Fatalf("convert %s %s: exit %d\n%s", s.in, s.out, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, "→ "+s.out) {
			t.Errorf("no report: %q", r.stderr)
		}
		if strings.HasSuffix(s.out, ".trig") {
			continue
		}
		if got := readDataset(t, s.out); got != want {
			t.Errorf("%s differs from %s", s.out, nt)
		}
	}
	// The build's N-Quads carry the document's graph through TriG.
	runArgs("", "build", "--out", dir, "--quiet", "--format", "nq,trig", samplePath(t))
	r := runArgs("", "convert", "--quiet", p(sampleName+".nq"), p("f.trig"))
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if a, b := readFile(t, p("f.trig")), readFile(t, p(sampleName+".trig")); !bytes.Equal(a, b) {
		t.Errorf("N-Quads → TriG differs from build's TriG: %s", firstDiff(a, b))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestConvertBase: relative IRIs resolve against the input's file URL
// unless the document sets a base.
func TestConvertBase(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "rel.ttl")
	if err := os.WriteFile(in, []byte("<a> <#p> <../b> .\n@base <http://x/y/> .\n<a> <#p> <../b> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runArgs("", "convert", "--quiet", "--to", "nt", in, "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := "<file://" + filepath.ToSlash(dir) + "/a> <file://" + filepath.ToSlash(in) + "#p> <file://" + filepath.ToSlash(filepath.Dir(dir)) + "/b> .\n" +
		"<http://x/y/a> <http://x/y/#p> <http://x/b> .\n"
	if r.stdout != want {
		t.Errorf("got\n%s\nwant\n%s", r.stdout, want)
	}
}

// TestConvertStdio: '-' with --from/--to, named graphs merged with a
// warning.
func TestConvertStdio(t *testing.T) {
	in := "<http://a/s> <http://a/p> \"x\" <http://a/g> .\n<http://a/s> <http://a/p> \"y\" .\n"
	r := runArgs(in, "convert", "--from", "nq", "--to", "text/turtle", "-", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := "<http://a/s> <http://a/p> \"x\",\n        \"y\" .\n\n"
	if !strings.HasSuffix(r.stdout, want) {
		t.Errorf("stdout %q, want suffix %q", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "warning: stdin has named graphs; ttl has none") || !strings.Contains(r.stderr, "stdin (nq) → stdout (ttl): 2 statements") {
		t.Errorf("stderr %q", r.stderr)
	}
	r = runArgs(in, "convert", "--quiet", "--from", "nq", "--to", "trig", "-", "-")
	if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "<http://a/g> {\n    <http://a/s> <http://a/p> \"x\" .\n}\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.nt", "<http://a/s> <http://a/p> \"x\" .\n")
	bad := write("bad.nt", "<http://a/s> <http://a/p> \"x\" .\n<http://a/s> <http://a/p> <http://a/o\n")
	space := write("space.nt", "<http://a/s> <http://a/p> \"x\" .\n\n<http://a/s\\u0020x> <http://a/p> \"x\" .\n")
	confused := write("confused.ttl", "<http://a/s> <http://a/p> 1 .\n\n<schema:x> <http://a/p> 1 .\n")
	badTTL := write("bad.ttl", "@prefix a: <http://a/> .\na:s a:p ? .\n")
	badJSON := write("bad.jsonld", "{\n \"@id\": 1,,\n}")
	existing := write("existing.ttl", "keep me")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no args", []string{"convert"}, exitUsage, "want IN and OUT"},
		{"three args", []string{"convert", good, "a.ttl", "b.ttl"}, exitUsage, "want IN and OUT"},
		{"unknown extension", []string{"convert", good, filepath.Join(dir, "out.xml")}, exitUsage, "no format known"},
		{"unknown --to", []string{"convert", "--to", "rdfxml", good, "x"}, exitUsage, `--to: unknown format "rdfxml"`},
		{"stdin without --from", []string{"convert", "-", "x.ttl"}, exitUsage, "--from is needed"},
		{"TriG syntax error", []string{"convert", write("x.trig", "<http://a/g> {\n  <http://a/s> <http://a/p> 1 .\n"), existing}, exitInput, "x.trig:3:1: trig: end of document inside a graph block"},
		{"missing input", []string{"convert", filepath.Join(dir, "nope.nt"), "x.ttl"}, exitInput, "nope.nt: no such file"},
		{"syntax error", []string{"convert", bad, existing}, exitInput, bad + ":2:27: ntriples: object IRI not closed"},
		{"turtle syntax error", []string{"convert", badTTL, existing}, exitInput, badTTL + ":2:9: turtle: unexpected '?', want an object"},
		{"json syntax error", []string{"convert", badJSON, existing}, exitInput, badJSON + ":2:11: jsonld: invalid character ','"},
		{"IRI with a space", []string{"convert", space, existing}, exitInput, space + ":3:1: ntriples: IRI <http://a/s x>: disallowed character: ' '"},
		{"unwritable term", []string{"convert", confused, filepath.Join(dir, "x.jsonld")}, exitError, confused + ":3: cannot be written as jsonld: jsonld: "},
		{"no output dir", []string{"convert", good, filepath.Join(dir, "no", "x.ttl")}, exitOutput, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runArgs("", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d, %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
	// From stdin, relative IRIs stay relative, and no writer takes them.
	r0 := runArgs("<a> <http://a/p> 1 .\n", "convert", "--from", "ttl", "--to", "nt", "-", "-")
	if r0.code != exitError || !strings.Contains(r0.stderr, `stdin:1: cannot be written as nt: ntriples: subject: IRI "a" is not absolute`) {
		t.Errorf("relative IRI from stdin: exit %d, %q", r0.code, r0.stderr)
	}
	if got := string(readFile(t, existing)); got != "keep me" {
		t.Errorf("a failed conversion changed its output: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	r := runArgs("", "help", "convert")
	if r.code != exitOK || !strings.Contains(r.stdout, "Usage: kgbuild convert") {
		t.Errorf("help convert: exit %d, %q", r.code, r.stdout)
	}
}

// TestBuildCanonical: --format canonical writes NAME.c14n.nq and reports
// its SHA-256, the same on every run.
func TestBuildCanonical(t *testing.T) {
	var sums []string
	for range 2 {
		out := t.TempDir()
		r := runArgs("", "build", "--out", out, "--format", "canonical,nq", samplePath(t))
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		wantExactly(t, out, outputNames(sampleName, ".c14n.nq", ".nq"))
		data := readFile(t, filepath.Join(out, sampleName+".c14n.nq"))
		sum := sha256.Sum256(data)
		want := fmt.Sprintf("%s (sha256 %x)", filepath.Join(out, sampleName+".c14n.nq"), sum)
		if !strings.Contains(r.stderr, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stderr)
		}
		if got, nq := readDataset(t, filepath.Join(out, sampleName+".c14n.nq")), readDataset(t, filepath.Join(out, sampleName+".nq")); got != nq {
			t.Errorf("canonical N-Quads are another dataset than the N-Quads")
		}
		sums = append(sums, fmt.Sprintf("%x", sum))
	}
	if sums[0] != sums[1] {
		t.Errorf("two builds give two fingerprints: %v", sums)
	}
	// convert gives the same canonical form from the N-Triples.
	dir := t.TempDir()
	buildInto(t, dir, samplePath(t))
	r := runArgs("", "convert", "--quiet", filepath.Join(dir, sampleName+".nt"), filepath.Join(dir, "x.c14n.nq"))
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if len(readFile(t, filepath.Join(dir, "x.c14n.nq"))) == 0 {
		t.Errorf("empty canonical output")
	}
}
