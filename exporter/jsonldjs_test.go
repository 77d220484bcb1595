package exporter

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// jsonldJSScript converts the JSON-LD file named by its argument to
// N-Quads with jsonld.js on standard output. Remote documents (contexts)
// are refused: our JSON-LD carries its context inline.
const jsonldJSScript = `
const jsonld = require('jsonld');
const fs = require('fs');
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const documentLoader = async (url) => { throw new Error('remote document refused: ' + url); };
jsonld.toRDF(doc, {format: 'application/n-quads', documentLoader}).then(
  (nq) => process.stdout.write(nq),
  (err) => { console.error(String((err && err.stack) || err)); process.exit(1); });
`

// jsonldJSModules returns a node_modules directory holding the npm
// package jsonld (jsonld.js), looked for in $KGBUILD_NODE_MODULES (a
// node_modules directory or an npm --prefix holding one; .ci/run sets it),
// the entries of $NODE_PATH, $HOME/.cache/kgbuild-npm/node_modules (where
// .ci/run installs it) and .cache/npm/node_modules at the project root. It
// skips the test when node or jsonld.js is missing, and fails it when
// $KGBUILD_NODE_MODULES is set but holds no jsonld.js.
func jsonldJSModules(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not found: jsonld.js read-back skipped (install Node.js, then npm install --prefix DIR jsonld@8 and set KGBUILD_NODE_MODULES=DIR)")
	}
	has := func(dir string) (string, bool) {
		for _, d := range []string{dir, filepath.Join(dir, "node_modules")} {
			if _, err := os.Stat(filepath.Join(d, "jsonld", "package.json")); err == nil {
				return d, true
			}
		}
		return "", false
	}
	if dir := os.Getenv("KGBUILD_NODE_MODULES"); dir != "" {
		if d, ok := has(dir); ok {
			return d
		}
		t.Fatalf("KGBUILD_NODE_MODULES=%s holds no jsonld package (npm install --prefix %s jsonld@8)", dir, dir)
	}
	var dirs []string
	dirs = append(dirs, filepath.SplitList(os.Getenv("NODE_PATH"))...)
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".cache", "kgbuild-npm"))
	}
	dirs = append(dirs, filepath.Join("..", ".cache", "npm"))
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		if d, ok := has(dir); ok {
			return d
		}
	}
	t.Skipf("npm package jsonld not found (in $KGBUILD_NODE_MODULES, $NODE_PATH, %s): jsonld.js read-back skipped; npm install --prefix DIR jsonld@8 and set KGBUILD_NODE_MODULES=DIR (.ci/run does)", strings.Join(dirs, ", "))
	return ""
}

// jsonldJSToNQuads converts a JSON-LD file to N-Quads with jsonld.js.
func jsonldJSToNQuads(t *testing.T, modules, path string) []byte {
	t.Helper()
	script := filepath.Join(t.TempDir(), "tordf.js")
	if err := os.WriteFile(script, []byte(jsonldJSScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", script, path)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jsonld.js toRDF %s: %v\n%s", path, err, stderr.String())
	}
	return out
}

// langTagAtEnd is the language tag of a literal ending an N-Triples or
// N-Quads line (then followed by the graph name).
var langTagAtEnd = regexp.MustCompile(`"@[A-Za-z0-9-]+( <[^<>"]*>| _:[^ ]+)? \.$`)

// canonicalLowerLang reads N-Triples or N-Quads, lowercases the language
// tags (RDF compares them case-insensitively; jsonld.js writes them in
// lower case) and returns the lines of the canonical form (URDNA2015 blank
// node labels), deduplicated and sorted.
func canonicalLowerLang(t *testing.T, nt []byte) []string {
	t.Helper()
	lines := strings.Split(string(nt), "\n")
	for i, l := range lines {
		if m := langTagAtEnd.FindStringSubmatchIndex(l); m != nil {
			end := len(l) - 2 // " ."
			if m[2] >= 0 {
				end = m[2]
			}
			lines[i] = l[:m[0]] + strings.ToLower(l[m[0]:end]) + l[end:]
		}
	}
	nt = []byte(strings.Join(lines, "\n"))
	f := NQuads
	dec, err := NewDecoder(f, bytes.NewReader(nt))
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var quads []rdf.Quad
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read N-Triples: %v", err)
		}
		quads = append(quads, q)
	}
	c, err := CanonicalNQuads(quads)
	if err != nil {
		t.Fatalf("canonical N-Quads: %v", err)
	}
	out := strings.Split(strings.TrimSuffix(string(c), "\n"), "\n")
	if len(out) == 1 && out[0] == "" {
		out = nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readQuads reads a file in the format its name says.
func readQuads(t *testing.T, path string) []rdf.Quad {
	t.Helper()
	f, ok := Lookup(filepath.Base(path))
	if !ok {
		t.Fatalf("%s: no format", path)
	}
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	dec, err := NewDecoder(f, r)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q)
	}
}

// readTriples reads a file in the format its name says, as triples.
func readTriples(t *testing.T, path string) []rdf.Triple {
	var out []rdf.Triple
	for _, q := range readQuads(t, path) {
		out = append(out, q.Triple)
	}
	return out
}

// sampleFramed writes the sample's triples (out/NAME.ttl) as framed
// JSON-LD with the sample's context, embedding the nodes of every class
// of the sample (entities too: @once embedding of a real graph), and
// returns the file's path.
func sampleFramed(t *testing.T, sample string) string {
	t.Helper()
	data, err := os.ReadFile(sample + ".jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	triples := readTriples(t, sample+".ttl")
	var classes []string
	for _, tr := range triples {
		if tr.Pred.String() == rdfNS+"type" && !slices.Contains(classes, tr.Obj.String()) {
			classes = append(classes, tr.Obj.String())
		}
	}
	path := filepath.Join(t.TempDir(), "sample.framed.jsonld")
	out := encode(t, JSONLDFramed, Options{Context: doc["@context"], Embed: classes}, triples)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestJSONLDReadByJSONLDJS: jsonld.js (npm jsonld, the reference
// JavaScript processor) reads our JSON-LD — the sample's in out/, the
// sample framed, and the hostile graph's goldens, with the project's
// context, with prefixes and with none, streaming and framed — to the
// same graph as our Turtle of it, and the hostile dataset's JSON-LD
// (named graphs), streaming and framed, to the same dataset as its
// N-Quads. Datasets are compared as sets of canonical N-Quads lines with
// language tags lowercased: jsonld.js lowercases them (our output keeps
// their case).
func TestJSONLDReadByJSONLDJS(t *testing.T) {
	modules := jsonldJSModules(t)
	sample := filepath.Join("..", "out", "government-of-kazakhstan")
	cases := []struct{ jsonld, ttl string }{
		{sample + ".jsonld", sample + ".ttl"},
		{sampleFramed(t, sample), sample + ".ttl"},
		{"testdata/hostile.jsonld", "testdata/hostile.ttl"},
		{"testdata/hostile-prefixes.jsonld", "testdata/hostile.ttl"},
		{"testdata/hostile-nocontext.jsonld", "testdata/hostile.ttl"},
		{"testdata/hostile.framed.jsonld", "testdata/hostile.ttl"},
		{"testdata/empty.jsonld", "testdata/empty.ttl"},
		{"testdata/dataset.jsonld", "testdata/dataset.nq"},
		{"testdata/dataset.framed.jsonld", "testdata/dataset.nq"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.jsonld), func(t *testing.T) {
			want := canonicalLowerLang(t, encodeQuads(t, NQuads, Options{}, readQuads(t, c.ttl)))
			got := canonicalLowerLang(t, jsonldJSToNQuads(t, modules, c.jsonld))
			if c.jsonld == sample+".jsonld" && len(want) < 100 {
				t.Fatalf("%s: only %d triples", c.ttl, len(want))
			}
			if missing, extra := setDiff(want, got), setDiff(got, want); len(missing)+len(extra) > 0 {
				t.Errorf("jsonld.js reads %s (%d triples) to another graph than %s (%d):\nmissing (%d): %s\nextra (%d): %s",
					c.jsonld, len(got), c.ttl, len(want), len(missing), headLines(missing, 10), len(extra), headLines(extra, 10))
			}
		})
	}
}

// setDiff returns the lines of sorted a that are not in sorted b.
func setDiff(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, found := slices.BinarySearch(b, l); !found {
			out = append(out, l)
		}
	}
	return out
}

// headLines shows the first n lines.
func headLines(lines []string, n int) string {
	if len(lines) > n {
		lines = append(lines[:n:n], "…")
	}
	return "\n  " + strings.Join(lines, "\n  ")
}
