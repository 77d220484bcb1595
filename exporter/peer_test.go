package exporter

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeHostileFiles writes the hostile graph in every format to a temporary
// directory and returns the file names in Formats() order.
func writeHostileFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	graph := hostileGraph(t)
	opts := Options{Prefixes: testPrefixes, Context: []byte(testContext)}
	var files []string
	for _, f := range Formats() {
		path := filepath.Join(dir, "hostile"+f.Extension)
		if err := os.WriteFile(path, encode(t, f, opts, graph), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return files
}

// rdflibScript parses each file named on the command line with rdflib
// (format from the extension), prints the triple counts and fails unless
// all graphs are isomorphic.
const rdflibScript = `
import sys, rdflib
from rdflib.compare import isomorphic, to_isomorphic, graph_diff
fmts = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".nq": "nquads", ".trig": "trig"}
graphs = []
for path in sys.argv[1:]:
    ext = path[path.rindex("."):]
    g = rdflib.ConjunctiveGraph() if ext in (".nq", ".trig") else rdflib.Graph()
    g.parse(path, format=fmts[ext])
    print(path.rsplit("/", 1)[-1], len(g))
    graphs.append((path, g))
ok = True
for path, g in graphs[1:]:
    if not isomorphic(graphs[0][1], g):
        ok = False
        both, first, second = graph_diff(to_isomorphic(graphs[0][1]), to_isomorphic(g))
        print("NOT ISOMORPHIC:", graphs[0][0], path)
        for t in sorted(first):
            print("  only in first: ", t)
        for t in sorted(second):
            print("  only in second:", t)
sys.exit(0 if ok else 1)
`

// TestRDFLib has rdflib, an independent implementation, parse every
// output and check that they are the same graph.
func TestRDFLib(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import rdflib").Run(); err != nil {
		t.Skip("needs python3-rdflib (apt-get install -y python3-rdflib)")
	}
	files := writeHostileFiles(t)
	out, err := exec.Command(py, append([]string{"-c", rdflibScript}, files...)...).CombinedOutput()
	t.Logf("rdflib:\n%s", out)
	if err != nil {
		t.Fatalf("rdflib: %v", err)
	}
	want := len(hostileGraph(t)) - 1 // one duplicate
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if fields := strings.Fields(line); len(fields) == 2 && fields[1] != strconv.Itoa(want) {
			t.Errorf("rdflib read %s triples from %s, want %d", fields[1], fields[0], want)
		}
	}
}

// TestRapper validates the Turtle and N-Triples outputs with rapper
// (raptor2), another independent parser.
func TestRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("needs rapper (apt-get install -y raptor2-utils)")
	}
	dir := t.TempDir()
	graph := hostileGraph(t)
	for _, c := range []struct {
		name, syntax string
		f            Format
		opts         Options
	}{
		{"prefixes.ttl", "turtle", Turtle, Options{Prefixes: testPrefixes}},
		{"emptyprefix.ttl", "turtle", Turtle, Options{Prefixes: emptyPrefixes}},
		{"noprefix.ttl", "turtle", Turtle, Options{}},
		{"hostile.nt", "ntriples", NTriples, Options{}},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, encode(t, c.f, c.opts, graph), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(rapper, "-i", c.syntax, "-c", path).CombinedOutput()
		if err != nil {
			t.Errorf("rapper -i %s -c %s: %v\n%s", c.syntax, c.name, err, out)
			continue
		}
		// rapper counts the duplicate triple too.
		if want := "returned " + strconv.Itoa(len(graph)) + " triples"; !strings.Contains(string(out), want) {
			t.Errorf("rapper %s: want %q in\n%s", c.name, want, out)
		}
	}
}
