package exporter

import (
	"encoding/json"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

var jsonldSeed = flag.Uint64("jsonld.seed", 1, "seed of the random graphs of TestJSONLDRandom")

// jsonldRandomGraph returns n triples meant to break JSON-LD compaction: IRIs in
// and out of the prefixes' namespaces and "@vocab", local names with
// colons, "//", "@", '#', '?', non-ASCII; IRIs named like terms or with a
// term as scheme; the properties of the contexts' terms with values that
// fit their coercion and values that do not; rdf:type with IRIs, blank
// nodes and literals; strings with every kind of escape; language tags in
// mixed case (equal to a default language or not); datatypes of every
// kind; blank nodes; subjects in runs, coming back later.
func jsonldRandomGraph(t testing.TB, rng *rand.Rand, n int) []rdf.Triple {
	namespaces := []string{
		kgNS, cityNS, schemaNS, xsdNS, rdfNS, "http://www.wikidata.org/prop/",
		"http://www.wikidata.org/prop/statement/", "http://other.example/ns#",
		"urn:x-kg:", "kg:", "name:", "http:", "https://example.org/", "https://example.org/kg",
	}
	locals := []string{
		"", "a", "almaty_(city)", "a:b", ":x", "//x", "/x", "@type", "@id", "@vocab", "name",
		"label", "founded", "memberOf", "sameAs", "type", "id", "nothing", "kg:x", "kg:special",
		"x/y", "x#y", "q?x=1", "Қазақстан", "a,b", "-lead", ".dot", "%28", "1st", "emoji😀",
		"a\u2028b", "City", "Date", "Thing", "special", "P39", "_:x", "graph", "a&b", "x'y",
	}
	mkIRI := func() rdf.IRI {
		for {
			s := namespaces[rng.IntN(len(namespaces))] + locals[rng.IntN(len(locals))]
			if rng.IntN(20) == 0 {
				s += locals[rng.IntN(len(locals))]
			}
			if checkIRI(s) == nil {
				return iri(t, s)
			}
		}
	}
	var blanks []rdf.Blank
	for _, l := range []string{"b0", "b1", "b2", "e.2", "x-1", "_y", "0a", "Қ"} {
		blanks = append(blanks, blank(t, l))
	}
	pieces := []string{
		"", "x", " ", `"`, `\`, "\n", "\r", "\t", "\x01", "\x1f", "\x7f", "\u0085", "\u2028",
		"\u2029", "😀", "Қазақстан", "kg:x", "@value", "@id", "_:b1", "</script>", "&amp;",
		"https://example.org/kg/x", "{\"@id\": \"x\"}", "1,000", "007", "true", "null",
	}
	mkString := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	tags := []string{"en", "EN", "en-GB", "en-gb", "kk", "kk-Latn", "kk-latn", "KK-LATN", "ru", "x"}
	datatypes := []string{
		xsdNS + "string", xsdNS + "integer", xsdNS + "date", xsdNS + "gYear", xsdNS + "duration",
		kgNS + "Code", kgNS + "dt(1)", kgNS + "a:b", schemaNS + "Date", schemaNS + "Duration",
		schemaNS + "kg:x", schemaNS + "@type", "urn:x-kg:dt", "kg:dt", "http://other.example/ns#dt",
	}
	mkLiteral := func() rdf.Literal {
		switch rng.IntN(3) {
		case 0:
			return str(t, mkString())
		case 1:
			return lang(t, mkString(), tags[rng.IntN(len(tags))])
		}
		return typed(t, mkString(), datatypes[rng.IntN(len(datatypes))])
	}
	// The properties of the contexts' terms come often.
	preds := []string{
		rdfNS + "type", rdfNS + "type", schemaNS + "name", schemaNS + "name", schemaNS + "memberOf",
		schemaNS + "sameAs", schemaNS + "foundingDate", schemaNS + "duration", kgNS + "founded",
		kgNS + "note", kgNS + "kind", kgNS + "partOf", kgNS + "special", schemaNS + "Thing",
		"http://www.wikidata.org/prop/statement/P39",
	}
	mkObject := func(p string) rdf.Object {
		switch r := rng.IntN(10); {
		case r < 4:
			return mkIRI()
		case r < 5:
			return blanks[rng.IntN(len(blanks))]
		case r < 7 && p == kgNS+"founded":
			return typed(t, "1854-02-04", xsdNS+"date")
		case r < 7 && p == schemaNS+"foundingDate":
			return typed(t, "1991", xsdNS+"date")
		case r < 7 && p == schemaNS+"duration":
			return typed(t, "P7Y", xsdNS+"duration")
		}
		return mkLiteral()
	}
	var subjects []rdf.Subject
	out := make([]rdf.Triple, 0, n)
	for len(out) < n {
		var s rdf.Subject
		switch r := rng.IntN(10); {
		case r < 3 && len(subjects) > 0:
			s = subjects[rng.IntN(len(subjects))] // comes back
		case r < 5:
			s = blanks[rng.IntN(len(blanks))]
		default:
			s = mkIRI()
			subjects = append(subjects, s)
		}
		for range 1 + rng.IntN(8) {
			var p string
			if rng.IntN(3) == 0 {
				p = mkIRI().String()
			} else {
				p = preds[rng.IntN(len(preds))]
			}
			out = append(out, tr(s, iri(t, p), mkObject(p)))
		}
	}
	return out[:n]
}

// jsonldTermNames returns the term names of a context given as JSON: the
// keys of the context object (or objects, for an array), except keywords.
func jsonldTermNames(t testing.TB, opts Options) map[string]bool {
	names := map[string]bool{}
	if len(opts.Context) == 0 {
		for _, p := range opts.Prefixes {
			if p.Name != "" {
				names[p.Name] = true
			}
		}
		return names
	}
	var doc any
	if err := json.Unmarshal(opts.Context, &doc); err != nil {
		t.Fatal(err)
	}
	if m, ok := doc.(map[string]any); ok && m["@context"] != nil {
		doc = m["@context"]
	}
	list, ok := doc.([]any)
	if !ok {
		list = []any{doc}
	}
	for _, c := range list {
		m, _ := c.(map[string]any)
		for k := range m {
			if !strings.HasPrefix(k, "@") {
				names[k] = true
			}
		}
	}
	return names
}

// jsonldConfusable tells whether a triple has an IRI that cannot be written
// under a context with these term names: an IRI that is a term name, or
// whose scheme is one without "//" after the colon.
func jsonldConfusable(tr rdf.Triple, names map[string]bool) bool {
	bad := func(s string) bool {
		scheme, rest, _ := strings.Cut(s, ":")
		return names[s] || names[scheme] && !strings.HasPrefix(rest, "//")
	}
	for _, term := range []rdf.Term{tr.Subj, tr.Pred, tr.Obj} {
		switch x := term.(type) {
		case rdf.IRI:
			if bad(x.String()) {
				return true
			}
		case rdf.Literal:
			if x.Lang() == "" && bad(x.DataType.String()) {
				return true
			}
		}
	}
	return false
}

// TestJSONLDRandom writes large random graphs with each context, reads
// them back with json-gold and compares with the triples written. Only
// triples with an IRI that no written form can keep (see jsonldConfusable) may
// be refused. Run with -jsonld.seed=N for other graphs.
func TestJSONLDRandom(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	for i, tc := range jsonldOptionSets {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(*jsonldSeed, uint64(i)))
			graph := jsonldRandomGraph(t, rng, n)
			names := jsonldTermNames(t, tc.opts)
			data, written := encodeJSONLD(t, tc.opts, graph)
			wi := 0
			for _, tr := range graph {
				if wi < len(written) && tr == written[wi] {
					wi++
				} else if !jsonldConfusable(tr, names) {
					t.Errorf("refused: %v", tr)
				}
			}
			if len(written) < n*3/5 {
				t.Errorf("only %d of %d triples written", len(written), n)
			}
			t.Logf("%d triples, %d written, %d bytes", n, len(written), len(data))
			jsonldCheckLayout(t, data, tc.opts)
			jsonldSameGraph(t, data, written)
		})
	}
}

// jsonldRDFLibScript has rdflib read a Turtle file and a JSON-LD file and
// fails unless the graphs are isomorphic, language tags lowercased (as
// json-ld readers may).
const jsonldRDFLibScript = `
import sys, rdflib
from rdflib.compare import isomorphic, to_isomorphic, graph_diff
def load(path, fmt):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    out = rdflib.Graph()
    for s, p, o in g:
        if isinstance(o, rdflib.Literal) and o.language:
            o = rdflib.Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out
a, b = load(sys.argv[1], "turtle"), load(sys.argv[2], "json-ld")
print(len(a), len(b))
if not isomorphic(a, b):
    both, first, second = graph_diff(to_isomorphic(a), to_isomorphic(b))
    for t in sorted(first, key=str)[:10]:
        print("only in Turtle: ", t)
    for t in sorted(second, key=str)[:10]:
        print("only in JSON-LD:", t)
    sys.exit(1)
`

// rdflibKeeps tells whether rdflib's JSON-LD reader keeps the IRIs of a
// triple as they are: it "normalizes" every IRI without "://" as a path
// relative to the base (urljoin, normpath), so that <http:a> reads back as
// <http:///a> and <urn:a/../b> as <urn:b>, whatever the writer.
func rdflibKeeps(tr rdf.Triple) bool {
	for _, term := range []rdf.Term{tr.Subj, tr.Pred, tr.Obj} {
		s := ""
		switch x := term.(type) {
		case rdf.IRI:
			s = x.String()
		case rdf.Literal:
			if x.Lang() == "" {
				s = x.DataType.String()
			}
		}
		if s != "" && !strings.Contains(s, "://") {
			return false
		}
	}
	return true
}

// TestJSONLDRandomRDFLib has rdflib, an independent JSON-LD reader, read
// random graphs written with each context.
func TestJSONLDRandomRDFLib(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import rdflib").Run(); err != nil {
		t.Skip("needs python3-rdflib (apt-get install -y python3-rdflib)")
	}
	dir := t.TempDir()
	for i, tc := range jsonldOptionSets {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(*jsonldSeed+1000, uint64(i)))
			var graph []rdf.Triple
			for _, tr := range jsonldRandomGraph(t, rng, 3000) {
				if rdflibKeeps(tr) {
					graph = append(graph, tr)
				}
			}
			data, written := encodeJSONLD(t, tc.opts, graph)
			t.Logf("%d triples", len(written))
			ttl := encode(t, Turtle, Options{Prefixes: testPrefixes}, written)
			ttlPath := filepath.Join(dir, tc.name+".ttl")
			jsonPath := filepath.Join(dir, tc.name+".jsonld")
			if err := errors.Join(os.WriteFile(ttlPath, ttl, 0o644), os.WriteFile(jsonPath, data, 0o644)); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "-c", jsonldRDFLibScript, ttlPath, jsonPath).CombinedOutput()
			if err != nil {
				t.Errorf("rdflib: %v\n%s", err, out)
			}
		})
	}
}
