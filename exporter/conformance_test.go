package exporter

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/knakk/rdf"
)

// rdfTestsDir holds the W3C RDF 1.1 test suites, in ../shared next to the
// project root.
const rdfTestsDir = "../../shared/conformance/rdf-tests/rdf11"

// w3cTest is one test of a W3C suite.
type w3cTest struct {
	name   string // suite/test, such as "turtle/IRI_subject"
	kind   string // "eval", "positive" or "negative" (syntax)
	format Format // of the action
	action string // the document tested
	result string // eval: the expected N-Triples or N-Quads
	base   string // the action's base IRI (the suite's assumed test base)
}

// source is the N-Triples or N-Quads document the writers are tested
// with: the expected result of an evaluation test, the document of an
// N-Triples or N-Quads positive syntax test; "" for the others.
func (tc w3cTest) source() string {
	switch {
	case tc.kind == "eval":
		return tc.result
	case tc.kind == "positive" && (tc.format == NTriples || tc.format == NQuads):
		return tc.action
	}
	return ""
}

// w3cSuites are the suites read, with their short names and formats.
var w3cSuites = []struct {
	dir, short string
	format     Format
}{
	{"rdf-turtle", "turtle", Turtle},
	{"rdf-trig", "trig", TriG},
	{"rdf-n-triples", "ntriples", NTriples},
	{"rdf-n-quads", "nquads", NQuads},
}

// loadManifest reads a suite's manifest.ttl with this package's Turtle
// reader.
func loadManifest(t *testing.T, dir, short string, format Format) []w3cTest {
	t.Helper()
	const local = "file:///w3c-suite/" // base of the manifest's relative IRIs
	quads, err := readW3C(filepath.Join(dir, "manifest.ttl"), Turtle, local)
	if err != nil {
		t.Fatalf("%s/manifest.ttl: %v", dir, err)
	}
	const (
		mf   = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
		rdft = "http://www.w3.org/ns/rdftest#"
	)
	type entry struct{ typ, name, action, result string }
	entries := map[string]*entry{}
	var order []string
	assumedBase := ""
	for _, q := range quads {
		s := q.Subj.String()
		e := entries[s]
		if e == nil {
			e = &entry{}
			entries[s] = e
			order = append(order, s)
		}
		switch o := q.Obj.String(); q.Pred.String() {
		case rdfNS + "type":
			e.typ = strings.TrimPrefix(o, rdft)
		case mf + "name":
			e.name = o
		case mf + "action":
			e.action = strings.TrimPrefix(o, local)
		case mf + "result":
			e.result = strings.TrimPrefix(o, local)
		case mf + "assumedTestBase":
			assumedBase = o
		}
	}
	var out []w3cTest
	for _, s := range order {
		e := entries[s]
		tc := w3cTest{name: short + "/" + e.name, format: format, action: filepath.Join(dir, e.action)}
		if assumedBase != "" {
			tc.base = assumedBase + e.action
		}
		switch {
		case strings.HasSuffix(e.typ, "Eval"):
			if ext := filepath.Ext(e.result); ext != ".nt" && ext != ".nq" {
				continue
			}
			tc.kind, tc.result = "eval", filepath.Join(dir, e.result)
		case strings.HasSuffix(e.typ, "PositiveSyntax"):
			tc.kind = "positive"
		case strings.HasSuffix(e.typ, "NegativeSyntax"):
			tc.kind = "negative"
		default:
			continue
		}
		out = append(out, tc)
	}
	if len(out) == 0 {
		t.Fatalf("%s/manifest.ttl: no tests", dir)
	}
	return out
}

// readW3C reads a document in format f with this package's decoder.
func readW3C(path string, f Format, base string) ([]rdf.Quad, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec, err := NewDecoderBase(f, bytes.NewReader(data), base)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
}

// readW3CFile reads an N-Triples or N-Quads file (by extension).
func readW3CFile(path string) ([]rdf.Quad, error) {
	if strings.HasSuffix(path, ".nt") {
		return readW3C(path, NTriples, "")
	}
	return readW3C(path, NQuads, "")
}

// decodeBytes reads data in format f to the end.
func decodeBytes(f Format, data []byte) ([]rdf.Quad, error) {
	dec, err := NewDecoder(f, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
}

// canonFold is the canonical N-Quads of quads with language tags
// lowercased: RDF compares tags case-insensitively, and json-gold's
// JSON-LD reader lowercases them.
func canonFold(quads []rdf.Quad) (string, error) {
	folded := make([]rdf.Quad, len(quads))
	for i, q := range quads {
		if l, ok := q.Obj.(rdf.Literal); ok && l.Lang() != strings.ToLower(l.Lang()) {
			low, err := langLiteral(l.String(), strings.ToLower(l.Lang()))
			if err != nil {
				return "", err
			}
			q.Obj = low
		}
		folded[i] = q
	}
	c, err := CanonicalNQuads(folded)
	return string(c), err
}

// w3cPrefixes are the namespaces of the suites, so that Turtle, TriG and
// JSON-LD use prefixed names.
var w3cPrefixes = []Prefix{
	{"rdf", rdfNS},
	{"xsd", xsdNS},
	{"", "http://www.w3.org/2013/TurtleTests/"},
	{"ex", "http://example/"},
	{"a", "http://a.example/"},
	{"exo", "http://example.org/"},
}

// w3cVocabContext is a JSON-LD context shaped like kgbuild's own:
// "@vocab", a default language, prefixes, typed terms.
const w3cVocabContext = `{"@context": {
  "@vocab": "http://www.w3.org/2013/TurtleTests/",
  "@language": "en",
  "ex": "http://example/",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "p": {"@id": "http://example/p", "@type": "@id"},
  "date": {"@id": "http://example.org/date", "@type": "xsd:date"}
}}`

// w3cVariant is an output format with the options it is tested with.
type w3cVariant struct {
	label string
	f     Format
	opts  Options
}

func w3cVariants() []w3cVariant {
	var vs []w3cVariant
	for _, f := range Formats() {
		vs = append(vs, w3cVariant{f.Name, f, Options{Prefixes: w3cPrefixes}})
	}
	return append(vs, w3cVariant{"jsonld-vocab", JSONLD, Options{Context: []byte(w3cVocabContext)}})
}

// writeW3C writes quads in format f; a triple format gets the triples of
// every graph.
func writeW3C(f Format, opts Options, quads []rdf.Quad) ([]byte, error) {
	var b bytes.Buffer
	enc, err := NewEncoder(f, &b, opts)
	if err != nil {
		return nil, err
	}
	qenc, isQuad := enc.(QuadEncoder)
	for i, q := range quads {
		if isQuad {
			err = qenc.EncodeQuad(q)
		} else {
			err = enc.Encode(q.Triple)
		}
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i+1, err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// knownFailures reads testdata/conformance-known.txt: lines
// "FORMAT TEST CHECK reason…" ('#' starts a comment), keyed by
// "FORMAT TEST CHECK".
func knownFailures(t *testing.T) map[string]string {
	t.Helper()
	known := map[string]string{}
	f, err := os.Open(goldenPath("conformance-known.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 {
			t.Fatalf("conformance-known.txt: %q: want FORMAT TEST CHECK reason", line)
		}
		known[strings.Join(fields[:3], " ")] = strings.Join(fields[3:], " ")
	}
	return known
}

type tally struct {
	written, ours, rdflib int
	failed                map[string]int // failed checks (listed or not) per suite
}

// TestW3CConformance runs the W3C Turtle, TriG, N-Triples and N-Quads
// suites. The reader must read every positive syntax test, refuse every
// negative one and read every evaluation test as its expected result.
// The expected result of every evaluation test (and the document of every
// N-Triples and N-Quads positive syntax test) is then written in each
// output format, and (a) this package's reader must read the output back
// as the same dataset and (b) so must rdflib. JSON-LD is
// written twice: with the prefixes as its context and with a context
// like kgbuild's ("@vocab", "@language", typed terms). Turtle and
// N-Triples, which have no named graphs, are compared with the union of
// the graphs; the dataset formats (N-Quads, TriG, JSON-LD streaming and
// framed) with the dataset, named graphs included.
//
// A failure not listed in testdata/conformance-known.txt fails the test.
func TestW3CConformance(t *testing.T) {
	if _, err := os.Stat(rdfTestsDir); err != nil {
		t.Skipf("needs the W3C suites in %s (../shared next to the project root)", rdfTestsDir)
	}
	known := knownFailures(t)
	used := map[string]bool{}
	counts := map[string]*tally{}
	var failures []string
	fail := func(format, name, check, why string) {
		if c := counts[format]; c != nil {
			suite, _, _ := strings.Cut(name, "/")
			c.failed[suite]++
		}
		for k := range known {
			f, rest, _ := strings.Cut(k, " ")
			if rest == name+" "+check && (f == format || strings.HasSuffix(f, "*") && strings.HasPrefix(format, f[:len(f)-1])) {
				used[k] = true
				return
			}
		}
		failures = append(failures, format+" "+name+" "+check+": "+why)
	}

	var tests []w3cTest
	for _, s := range w3cSuites {
		tests = append(tests, loadManifest(t, filepath.Join(rdfTestsDir, s.dir), s.short, s.format)...)
	}

	// The reader on the suites' own documents: positive syntax tests read,
	// negative ones refused, evaluation tests read as their result.
	type readTally struct{ pos, posOK, neg, negOK, eval, evalOK int }
	reads := map[string]*readTally{}
	for _, tc := range tests {
		suite, _, _ := strings.Cut(tc.name, "/")
		rt := reads[suite]
		if rt == nil {
			rt = &readTally{}
			reads[suite] = rt
		}
		quads, err := readW3C(tc.action, tc.format, tc.base)
		switch tc.kind {
		case "negative":
			rt.neg++
			if err != nil {
				rt.negOK++
			} else {
				fail("read", tc.name, "reject", "a bad document was read without error")
			}
		case "positive":
			rt.pos++
			if err == nil {
				rt.posOK++
			} else {
				fail("read", tc.name, "read", err.Error())
			}
		case "eval":
			rt.eval++
			if err != nil {
				fail("read", tc.name, "eval", err.Error())
				break
			}
			want, err := readW3CFile(tc.result)
			if err != nil {
				fail("read", tc.name, "eval", "expected result: "+err.Error())
				break
			}
			g, err1 := canonFold(quads)
			w, err2 := canonFold(want)
			if err1 != nil || err2 != nil || g != w {
				fail("read", tc.name, "eval", fmt.Sprintf("not the expected dataset (%v, %v)", err1, err2))
				break
			}
			rt.evalOK++
		}
	}

	type source struct {
		w3cTest
		file       string // the N-Triples or N-Quads document
		quads      []rdf.Quad
		want       string // canonical, folded
		wantMerged string // of the union of the graphs
		dataset    bool   // has named graphs
	}
	var sources []source
	for _, tc := range tests {
		if tc.source() == "" {
			continue
		}
		quads, err := readW3CFile(tc.source())
		if err != nil {
			fail("read", tc.name, "source", err.Error())
			continue
		}
		s := source{w3cTest: tc, file: tc.source(), quads: quads}
		merged := make([]rdf.Quad, len(quads))
		for i, q := range quads {
			merged[i] = rdf.Quad{Triple: q.Triple}
			s.dataset = s.dataset || q.Ctx != nil
		}
		if s.want, err = canonFold(quads); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if s.wantMerged, err = canonFold(merged); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		sources = append(sources, s)
	}

	haveRDFLib := pythonHasRDFLib()
	dir := t.TempDir()
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, v := range w3cVariants() {
		f := v.f
		c := &tally{failed: map[string]int{}}
		counts[v.label] = c
		fdir := filepath.Join(dir, v.label)
		if err := os.Mkdir(fdir, 0o755); err != nil {
			t.Fatal(err)
		}
		var pairs [][2]string
		names := map[string]string{} // output base name → test name
		for _, s := range sources {
			data, err := writeW3C(f, v.opts, s.quads)
			if err != nil {
				fail(v.label, s.name, "write", err.Error())
				continue
			}
			c.written++
			want := s.want
			if !f.Dataset() {
				want = s.wantMerged
			}
			if f.Readable() {
				back, err := decodeBytes(f, data)
				var got string
				if err == nil {
					got, err = canonFold(back)
				}
				switch {
				case err != nil:
					fail(v.label, s.name, "ours", "read back: "+err.Error())
				case got != want:
					fail(v.label, s.name, "ours", "read back as another dataset")
				default:
					c.ours++
				}
			}
			base := strings.ReplaceAll(s.name, "/", "-") + f.Extension
			out := filepath.Join(fdir, base)
			if err := os.WriteFile(out, data, 0o644); err != nil {
				t.Fatal(err)
			}
			names[base] = s.name
			wantFile := s.file
			if s.dataset && !f.Dataset() {
				wantFile = "merge:" + wantFile
			}
			pairs = append(pairs, [2]string{wantFile, out})
		}
		if !haveRDFLib || len(pairs) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := rdflibCompare(t, pairs)
			mu.Lock()
			defer mu.Unlock()
			for base, why := range res {
				if why == "" {
					c.rdflib++
				} else {
					fail(v.label, names[base], "rdflib", why)
				}
			}
		}()
	}
	wg.Wait()

	t.Logf("reader on the W3C suites (positive syntax read, negative syntax refused, evaluation as expected):")
	for _, su := range w3cSuites {
		rt := reads[su.short]
		line := fmt.Sprintf("  %-9s positive %d/%d, negative %d/%d", su.short, rt.posOK, rt.pos, rt.negOK, rt.neg)
		if rt.eval > 0 {
			line += fmt.Sprintf(", evaluation %d/%d", rt.evalOK, rt.eval)
		}
		t.Logf("%s", line)
	}
	t.Logf("writers on %d documents (evaluation results, N-Triples/N-Quads positive syntax tests):", len(sources))
	if !haveRDFLib {
		t.Logf("rdflib checks skipped: needs python3-rdflib (apt-get install -y python3-rdflib)")
	}
	t.Logf("%-13s %9s %13s %8s", "format", "written", "read by ours", "rdflib")
	for _, v := range w3cVariants() {
		c := counts[v.label]
		ours := fmt.Sprintf("%d/%d", c.ours, len(sources))
		if !v.f.Readable() {
			ours = "no reader"
		}
		var bySuite []string
		for _, su := range w3cSuites {
			n := 0
			for _, s := range sources {
				if strings.HasPrefix(s.name, su.short+"/") {
					n++
				}
			}
			bySuite = append(bySuite, fmt.Sprintf("%s %d/%d", su.short, n-c.failed[su.short], n))
		}
		t.Logf("%-13s %9s %13s %8s   all checks by suite: %s", v.label, fmt.Sprintf("%d/%d", c.written, len(sources)), ours, fmt.Sprintf("%d/%d", c.rdflib, len(sources)), strings.Join(bySuite, ", "))
	}
	for key, why := range known {
		if !used[key] {
			t.Logf("listed in conformance-known.txt but passes now (remove it): %s (%s)", key, why)
		}
	}
	slices.Sort(failures)
	for _, f := range failures {
		t.Errorf("unlisted failure: %s", f)
	}
}

// pythonHasRDFLib reports whether Debian's python3 has rdflib.
func pythonHasRDFLib() bool {
	return exec.Command(python, "-c", "import rdflib").Run() == nil
}
