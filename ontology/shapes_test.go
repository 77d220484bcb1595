package ontology_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/dataset"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/extractor/wikitext"
	"github.com/kgbuild/kgbuild/link"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// shapesFile is the published shapes graph, rendered from ShapesTriples.
const shapesFile = "shapes.ttl"

// The sample's output, committed in out/, and the validator script.
const (
	sampleGraph   = "../out/government-of-kazakhstan.ttl"
	sampleNT      = "../out/government-of-kazakhstan.nt"
	sampleDataset = "../out/dataset.ttl"
	shaclScript   = "../scripts/shacl-validate.mjs"
)

func renderShapes(t *testing.T) []byte {
	t.Helper()
	var ps []exporter.Prefix
	for _, p := range ontology.DescriptionPrefixes() {
		ps = append(ps, exporter.Prefix(p))
	}
	var buf bytes.Buffer
	if err := exporter.WriteAll(exporter.Turtle, &buf, exporter.Options{Prefixes: ps}, ontology.ShapesTriples()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestShapesFile checks that ontology/shapes.ttl is what ShapesTriples
// generates from the mapping table (go test ./ontology -update rewrites it).
func TestShapesFile(t *testing.T) {
	got := renderShapes(t)
	if ontology.UpdateGoldenFiles() {
		if err := os.WriteFile(shapesFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(shapesFile)
	if err != nil {
		t.Fatalf("%v (run go test ./ontology -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go test ./ontology -update and commit it", shapesFile)
	}
	// Every property of the table has its statement value shape.
	for _, p := range ontology.Properties() {
		if !bytes.Contains(want, []byte("sh:path ps:"+p.PID+" ;")) {
			t.Errorf("%s has no shape for ps:%s", shapesFile, p.PID)
		}
	}
}

// shaclModules returns the node_modules directory holding the npm packages
// rdf-validate-shacl and n3, looked for in $KGBUILD_NODE_MODULES (which
// .ci/run sets) and $HOME/.cache/kgbuild-npm/node_modules (where .ci/run
// installs them). Without node or the packages the test skips, and fails
// in CI ($CI set), where .ci/run must have installed them.
func shaclModules(t *testing.T) string {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...) + "; .ci/run installs them: npm install --prefix $HOME/.cache/kgbuild-npm rdf-validate-shacl@0.6 n3@2, KGBUILD_NODE_MODULES=$HOME/.cache/kgbuild-npm/node_modules"
		if os.Getenv("CI") != "" {
			t.Fatal("SHACL validator missing in CI: " + msg)
		}
		t.Skip(msg)
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing("node not found")
	}
	var dirs []string
	if d := os.Getenv("KGBUILD_NODE_MODULES"); d != "" {
		dirs = append(dirs, d, filepath.Join(d, "node_modules"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".cache", "kgbuild-npm", "node_modules"))
	}
	for _, d := range dirs {
		_, err1 := os.Stat(filepath.Join(d, "rdf-validate-shacl", "package.json"))
		_, err2 := os.Stat(filepath.Join(d, "n3", "package.json"))
		if err1 == nil && err2 == nil {
			return d
		}
	}
	missing("npm packages rdf-validate-shacl and n3 not found in %s", strings.Join(dirs, ", "))
	return ""
}

// shaclResult is one result of a validation report.
type shaclResult struct {
	Focus, Path, Value, Component, Shape, Severity string
	Message                                        []string
}

// validate runs rdf-validate-shacl on the data files with shapes.ttl.
func validate(t *testing.T, modules string, data ...string) (bool, []shaclResult) {
	t.Helper()
	cmd := exec.Command("node", append([]string{shaclScript, shapesFile}, data...)...)
	cmd.Env = append(os.Environ(), "KGBUILD_NODE_MODULES="+modules)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("shacl-validate: %v\n%s", err, stderr.String())
	}
	var rep struct {
		Conforms bool
		Results  []shaclResult
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("shacl-validate: %v\n%s", err, out)
	}
	if rep.Conforms != (len(rep.Results) == 0) {
		t.Fatalf("report says conforms %v with %d results", rep.Conforms, len(rep.Results))
	}
	return rep.Conforms, rep.Results
}

// TestShapesValidateSample validates the sample's committed output and its
// dataset description against the shapes with rdf-validate-shacl.
func TestShapesValidateSample(t *testing.T) {
	modules := shaclModules(t)
	for _, data := range [][]string{{sampleGraph, sampleDataset}} {
		ok, results := validate(t, modules, data...)
		if !ok {
			for i, r := range results {
				if i == 10 {
					t.Errorf("… %d results in all", len(results))
					break
				}
				t.Errorf("%s: %s %s: %s (%s)", data, r.Focus, r.Path, strings.Join(r.Message, "; "), r.Component)
			}
		}
	}
}

// TestShapesValidateLinked builds the sample linked to Wikidata with the
// sample index of ../shared (as build --link does) and validates the graph
// and its dataset description, which have the Wikidata link nodes and the
// linkset the committed out/ lacks.
func TestShapesValidateLinked(t *testing.T) {
	const index = "../../shared/wikidata/kazakhstan-sample.srj"
	if _, err := os.Stat(index); err != nil {
		t.Skipf("needs %s (../shared): %v", index, err)
	}
	modules := shaclModules(t)
	idx, err := link.Load(index)
	if err != nil {
		t.Fatal(err)
	}
	const article = "../examples/government-of-kazakhstan.txt"
	doc, err := extractor.Parse(article, readTestFile(t, article))
	if err != nil {
		t.Fatal(err)
	}
	res := extractor.Extract(doc)
	if n := link.Link(res, idx).Linked; n == 0 {
		t.Fatal("nothing linked")
	}
	stats := dataset.NewStats()
	var triples sliceSink
	if err := ontology.Map(res, ontology.Options{}, teeSinks{&triples, stats}); err != nil {
		t.Fatal(err)
	}
	summary, err := stats.Summary()
	if err != nil {
		t.Fatal(err)
	}
	stats.Close()
	d, err := dataset.Describe(nil, dataset.Facts{Base: ontology.DefaultBase, Titles: []string{doc.Title},
		Stats: summary, Linked: true, Run: dataset.Run{Software: "kgbuild"}})
	if err != nil {
		t.Fatal(err)
	}
	desc, err := d.Triples()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	graph, descFile := filepath.Join(dir, "linked.ttl"), filepath.Join(dir, "dataset.ttl")
	os.WriteFile(graph, render(t, "ttl", triples), 0o644)
	os.WriteFile(descFile, render(t, "ttl", desc), 0o644)
	ok, results := validate(t, modules, graph, descFile)
	for i, r := range results {
		if i == 10 {
			break
		}
		t.Errorf("%s %s: %s (%s)", r.Focus, r.Path, strings.Join(r.Message, "; "), r.Component)
	}
	if ok && (!bytes.Contains(render(t, "ttl", triples), []byte("a kgo:WikidataLink")) || d.Stats.Links == 0) {
		t.Error("the linked graph has no link nodes or the description no links")
	}
}

// teeSinks sends each triple to every sink.
type teeSinks []ontology.Sink

func (ts teeSinks) Encode(t rdf.Triple) error {
	for _, s := range ts {
		if err := s.Encode(t); err != nil {
			return err
		}
	}
	return nil
}

// TestShapesCatchBrokenGraph breaks the sample's graph in one way for each
// rule of the shapes, each on a different node, and checks that the
// validator reports each break, on its node and property, and nothing else.
func TestShapesCatchBrokenGraph(t *testing.T) {
	modules := shaclModules(t)
	nt := string(readTestFile(t, sampleNT)) + string(ntOf(t, sampleDataset))
	lines := strings.SplitAfter(nt, "\n")
	const (
		res  = ontology.DefaultBase
		sh   = "http://www.w3.org/ns/shacl#"
		ps   = "http://www.wikidata.org/prop/statement/"
		wdt  = "http://www.wikidata.org/prop/direct/"
		void = "http://rdfs.org/ns/void#"
	)
	// find returns the subject of the first line matching re.
	find := func(re string) string {
		t.Helper()
		r := regexp.MustCompile(re)
		for _, l := range lines {
			if r.MatchString(l) {
				return l[1:strings.Index(l, ">")]
			}
		}
		t.Fatalf("no line matches %s", re)
		return ""
	}
	// Statements to break: two whose value is an IRI and that are not of
	// P17, and one more.
	var iriStmts []string
	seen := map[string]bool{}
	for _, l := range lines {
		if strings.HasPrefix(l, "<"+res+"statement/") && strings.Contains(l, "> <"+ps) &&
			strings.HasSuffix(l, "> .\n") && !strings.Contains(l, "<"+ps+"P17>") {
			s := l[1:strings.Index(l, ">")]
			if !seen[s] {
				seen[s] = true
				iriStmts = append(iriStmts, s)
			}
		}
	}
	if len(iriStmts) < 3 {
		t.Fatalf("the sample has %d statements with an item value", len(iriStmts))
	}
	dated := find(`> <http://www.wikidata.org/prop/qualifier/P580> "[0-9-]+"\^\^<http://www.w3.org/2001/XMLSchema#date>`)
	iriStmts = slices.DeleteFunc(iriStmts, func(s string) bool { return s == dated })
	twoValues, otherProp, noRef := iriStmts[0], iriStmts[1], iriStmts[2]
	unlabelled := find(`^<` + res + `person/[^>]*> <http://www.w3.org/2000/01/rdf-schema#label>`)
	untyped := find(`^<` + res + `city/[^>]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`)
	founded := find(`> <` + wdt + `P571> "`)
	seats := find(`> <` + wdt + `P1342> "[0-9]+"`)
	ref := find(`^<` + res + `reference/[^>]*> <https://example.org/kgbuild/ontology#evidenceStart>`)
	has := func(l, s, p string) bool { return strings.HasPrefix(l, "<"+s+"> <"+p) }
	var out []string
	checksumBroken := false
	for _, l := range lines {
		switch {
		case has(l, unlabelled, "http://www.w3.org/2000/01/rdf-schema#label"),
			has(l, untyped, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
			has(l, noRef, "http://www.w3.org/ns/prov#wasDerivedFrom"):
			continue // an entity without label, one without type, a statement without reference
		case has(l, twoValues, ps):
			// a second value of the statement's property
			out = append(out, l, strings.Replace(l, "> .\n", "-2> .\n", 1))
			continue
		case has(l, otherProp, ps):
			// a value of a second property (P17, country)
			out = append(out, l, "<"+otherProp+"> <"+ps+"P17> <"+res+"country/nowhere> .\n")
			continue
		case has(l, dated, "http://www.wikidata.org/prop/qualifier/P580"):
			// an impossible date (month 13)
			l = regexp.MustCompile(`"\d{4}-\d\d-\d\d"`).ReplaceAllString(l, `"1998-13-10"`)
		case has(l, founded, wdt+"P571"):
			// a date that is a string
			l = regexp.MustCompile(`\^\^<[^>]*>`).ReplaceAllString(l, "^^<http://www.w3.org/2001/XMLSchema#string>")
		case has(l, seats, wdt+"P1342"):
			// a negative count
			l = regexp.MustCompile(`"(\d+)"`).ReplaceAllString(l, `"-$1"`)
		case has(l, ref, "https://example.org/kgbuild/ontology#evidenceStart"):
			// evidence starting after its end
			l = regexp.MustCompile(`"\d+"`).ReplaceAllString(l, `"999999"`)
		case has(l, res+"dataset", void+"triples"):
			// a negative VoID count
			l = regexp.MustCompile(`"(\d+)"`).ReplaceAllString(l, `"-$1"`)
		case !checksumBroken && strings.Contains(l, " <http://spdx.org/rdf/terms#checksumValue> "):
			// a checksum that is not SHA-256's length
			l = regexp.MustCompile(`"[0-9a-f]{64}"`).ReplaceAllString(l, `"abcdef"`)
			checksumBroken = true
		}
		out = append(out, l)
	}
	broken := strings.Join(out, "")
	type want struct{ focus, path, component string } // focus "": a blank node
	wants := []want{
		{unlabelled, "http://www.w3.org/2000/01/rdf-schema#label", sh + "MinCountConstraintComponent"},
		{untyped, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", sh + "MinCountConstraintComponent"},
		{noRef, "http://www.w3.org/ns/prov#wasDerivedFrom", sh + "MinCountConstraintComponent"},
		{twoValues, "", sh + "MaxCountConstraintComponent"},
		{otherProp, "", sh + "XoneConstraintComponent"},
		{dated, "http://www.wikidata.org/prop/qualifier/P580", sh + "PatternConstraintComponent"},
		{founded, wdt + "P571", sh + "OrConstraintComponent"},
		{seats, wdt + "P1342", sh + "MinInclusiveConstraintComponent"},
		{ref, "https://example.org/kgbuild/ontology#evidenceStart", sh + "LessThanOrEqualsConstraintComponent"},
		{res + "dataset", void + "triples", sh + "MinInclusiveConstraintComponent"},
		{"", "http://spdx.org/rdf/terms#checksumValue", sh + "MinLengthConstraintComponent"},
	}
	path := filepath.Join(t.TempDir(), "broken.nt")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	ok, results := validate(t, modules, path)
	if ok {
		t.Fatal("the broken graph conforms to the shapes")
	}
	matched := make([]bool, len(results))
	for _, w := range wants {
		found := false
		for i, r := range results {
			if (r.Focus == w.focus || w.focus == "" && !strings.Contains(r.Focus, ":")) && r.Component == w.component && (w.path == "" || r.Path == w.path) {
				found, matched[i] = true, true
			}
		}
		if !found {
			t.Errorf("not reported: %s on %s %s", strings.TrimPrefix(w.component, sh), w.focus, w.path)
		}
	}
	for i, r := range results {
		if !matched[i] {
			t.Errorf("unexpected result: %s %s %s: %s", r.Focus, r.Path, strings.TrimPrefix(r.Component, sh), strings.Join(r.Message, "; "))
		}
	}
}

func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ntOf reads a Turtle file and writes it as N-Triples.
func ntOf(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec, err := exporter.NewDecoder(exporter.Turtle, f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc, err := exporter.NewEncoder(exporter.NTriples, &buf, exporter.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for {
		q, err := dec.Decode()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			t.Fatal(err)
		}
		if err := enc.Encode(q.Triple); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestShapesValidateWikitext validates the graphs of the wikitext test
// articles, whose entities have Wikipedia articles (schema:Article nodes
// about them) beside the source document.
func TestShapesValidateWikitext(t *testing.T) {
	modules := shaclModules(t)
	paths, err := filepath.Glob("../extractor/wikitext/testdata/*.wiki")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no wikitext test articles (%v)", err)
	}
	dir := t.TempDir()
	var files []string
	articles := 0
	for _, p := range paths {
		doc, err := wikitext.Parse(p, readTestFile(t, p))
		if err != nil {
			t.Fatal(err)
		}
		var triples sliceSink
		if err := ontology.Map(extractor.Extract(doc), ontology.Options{}, &triples); err != nil {
			t.Fatal(err)
		}
		ttl := render(t, "ttl", triples)
		articles += bytes.Count(ttl, []byte("schema:about"))
		f := filepath.Join(dir, doc.Name+".ttl")
		os.WriteFile(f, ttl, 0o644)
		files = append(files, f)
	}
	if articles == 0 {
		t.Fatal("no entity has a Wikipedia article: nothing to validate")
	}
	ok, results := validate(t, modules, files...)
	for i, r := range results {
		if i == 10 {
			break
		}
		t.Errorf("%s %s: %s (%s)", r.Focus, r.Path, strings.Join(r.Message, "; "), r.Component)
	}
	if !ok && len(results) == 0 {
		t.Error("the graphs do not conform, with no result")
	}
}
