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
fmts = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
graphs = []
for path in sys.argv[1:]:
    g = rdflib.Graph()
    g.parse(path, format=fmts[path[path.rindex("."):]])
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

// TestRDFLib has rdflib, an independent implementation, parse all three
// outputs and check that they are the same graph.
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
	files := writeHostileFiles(t)
	for _, c := range []struct{ syntax, file string }{
		{"turtle", files[0]},
		{"ntriples", files[1]},
	} {
		out, err := exec.Command(rapper, "-i", c.syntax, "-c", c.file).CombinedOutput()
		if err != nil {
			t.Errorf("rapper -i %s -c: %v\n%s", c.syntax, err, out)
			continue
		}
		t.Logf("rapper -i %s: %s", c.syntax, strings.TrimSpace(string(out)))
	}
}
