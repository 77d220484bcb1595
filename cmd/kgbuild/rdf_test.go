package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// isoScript parses the Turtle, N-Triples and JSON-LD files given with
// rdflib, prints the triple count of each and checks that the three graphs
// are pairwise isomorphic. Exit 0: same graph; exit 1: they differ (the
// triples in one and not the other are printed).
//
// JSON-LD processors may lowercase language tags (BCP 47 tags are
// case-insensitive; see LIBRARIES.md), so when the graphs differ as given
// the script compares them again with every tag lowercased, and accepts
// them if that makes them isomorphic, saying so.
const isoScript = `
import sys
import rdflib
from rdflib import Literal
from rdflib.compare import isomorphic, to_isomorphic, graph_diff

paths = dict(zip(("turtle", "nt", "json-ld"), sys.argv[1:4]))
graphs = {}
for fmt, path in paths.items():
    graphs[fmt] = rdflib.Graph().parse(path, format=fmt)
    print(f"{fmt}: {len(graphs[fmt])} triples")

def lower_tags(g):
    out = rdflib.Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out

pairs = [("turtle", "nt"), ("turtle", "json-ld"), ("nt", "json-ld")]
if all(isomorphic(graphs[a], graphs[b]) for a, b in pairs):
    print("isomorphic")
    sys.exit(0)
lowered = {k: lower_tags(g) for k, g in graphs.items()}
if all(isomorphic(lowered[a], lowered[b]) for a, b in pairs):
    print("isomorphic only with language tags lowercased")
    sys.exit(0)
for a, b in pairs:
    if isomorphic(lowered[a], lowered[b]):
        continue
    both, only_a, only_b = graph_diff(to_isomorphic(lowered[a]), to_isomorphic(lowered[b]))
    print(f"{a} vs {b}: {len(only_a)} triples only in {a}, {len(only_b)} only in {b}")
    for t in sorted(only_a)[:5]:
        print(f"  only in {a}: {t}")
    for t in sorted(only_b)[:5]:
        print(f"  only in {b}: {t}")
sys.exit(1)
`

// TestFormatsSameGraph reads the sample's three files with rdflib, a
// parser independent of ours, and checks they hold the same graph.
func TestFormatsSameGraph(t *testing.T) {
	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	out := t.TempDir()
	buildInto(t, out, samplePath(t))
	p := func(ext string) string { return filepath.Join(out, sampleName+ext) }
	cmd := exec.Command(python, "-c", isoScript, p(".ttl"), p(".nt"), p(".jsonld"))
	b, err := cmd.CombinedOutput()
	t.Logf("rdflib:\n%s", b)
	if err != nil {
		t.Errorf("the three formats do not hold the same graph (%v):\n%s", err, b)
	}
}

// kgscore runs ../shared/tools/kgscore --json on the RDF files and returns
// its report. It fails the test if kgscore cannot read the graph.
func kgscore(t *testing.T, gold, source string, rdfFiles ...string) map[string]any {
	t.Helper()
	args := append([]string{"--json", "--gold", gold, "--source", source}, rdfFiles...)
	cmd := exec.Command(filepath.Join(sharedDir, "tools", "kgscore"), args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("kgscore failed (%v): the graph does not parse or the gold is bad:\n%s%s", err, b, stderr.String())
		}
		t.Fatalf("kgscore: %v", err)
	}
	var r map[string]any
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("kgscore --json printed no JSON (%v):\n%s", err, b)
	}
	return r
}

// TestScoreSample scores the sample's graph against the gold with the
// scorer of ../shared (rdflib-based).
func TestScoreSample(t *testing.T) {
	if !haveShared() {
		t.Skip(needShared)
	}
	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	out := t.TempDir()
	buildInto(t, out, samplePath(t))
	r := kgscore(t, filepath.Join(sharedDir, "gold", sampleName+".gold"), sharedSeed,
		filepath.Join(out, sampleName+".ttl"))
	t.Logf("entity F1 %v, fact F1 %v, qualifiers %v, references %v, labels %v, evidence %v, triples %v",
		r["entity_f1"], r["fact_f1"], r["qualifiers"], r["references"], r["labels"], r["evidence"], r["triples"])

	atLeast := func(key string, min float64) {
		v, ok := r[key].(float64)
		if !ok || v < min {
			missing, wrong := misses(r, key)
			t.Errorf("%s = %v, want ≥ %v (missing: %v; extra or unsupported: %v)", key, r[key], min, missing, wrong)
		}
	}
	atLeast("entity_f1", 0.95)
	atLeast("fact_f1", 0.90)
	for key, want := range map[string]string{"qualifiers": "4/4", "references": "4/4", "labels": "2/2"} {
		if r[key] != want {
			t.Errorf("%s = %v, want %s", key, r[key], want)
		}
	}
	for _, key := range []string{"noise", "entities_duplicated"} {
		if l, ok := r[key].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %v, want none", key, r[key])
		}
	}
	ev, _ := r["evidence"].(string)
	if n, m, ok := strings.Cut(ev, "/"); !ok || n != m || n == "0" {
		t.Errorf("evidence = %q, want every statement's quotation found in the source (n/n, n > 0)", ev)
	}
}

// misses returns what counts against recall and precision for an F1 key.
func misses(r map[string]any, key string) (missing, wrong any) {
	if key == "entity_f1" {
		return r["entities_missing"], r["entities_extra"]
	}
	return r["facts_missing"], r["facts_wrong"]
}

// boilerplate is text of the page furniture that no entity name may hold.
var boilerplate = []string{"See also", "Main article", "Retrieved", "needs additional citations", "dead link"}

// TestCorpus builds every article of ../shared/corpus and checks what
// holds for any article, gold or not: no heading, table header or page
// furniture is an entity, every entity has a type, every fact quotes its
// evidence from the text. It also scores the articles that have a gold
// file in testdata/gold (logged, not asserted: these are measurements).
func TestCorpus(t *testing.T) {
	if !haveShared() {
		t.Skip(needShared)
	}
	files := corpusFiles(t)
	if len(files) == 0 {
		t.Fatalf("no article in %s/corpus", sharedDir)
	}
	for _, path := range files {
		name := extractor.DocName(path)
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			buildInto(t, out, path)
			wantExactly(t, out, buildOutputNames(name, allExts...))

			data := readFile(t, path)
			doc, err := extractor.Parse(path, data)
			if err != nil {
				t.Fatal(err)
			}
			res := extractor.Extract(doc)
			for _, p := range resultProblems(res) {
				t.Error(p)
			}
			checkTurtle(t, doc, filepath.Join(out, name+".ttl"))

			gold := filepath.Join("../../testdata/gold", name+".gold")
			if _, err := os.Stat(gold); err != nil {
				return
			}
			if !haveRdflib() {
				t.Logf("not scored against %s: %s", gold, needRdflib)
				return
			}
			r := kgscore(t, gold, path, filepath.Join(out, name+".ttl"))
			t.Logf("score vs %s: entity F1 %.3f (recall %.3f, precision %.3f), fact F1 %.3f (recall %.3f, precision %.3f), qualifiers %v, references %v, labels %v, evidence %v, noise %d, duplicated %d",
				gold, r["entity_f1"], r["entity_recall"], r["entity_precision"],
				r["fact_f1"], r["fact_recall"], r["fact_precision"],
				r["qualifiers"], r["references"], r["labels"], r["evidence"],
				lenOf(r["noise"]), lenOf(r["entities_duplicated"]))
		})
	}
}

func lenOf(v any) int {
	l, _ := v.([]any)
	return len(l)
}

// normName folds case and white space, for comparing names with headings.
func normName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// furniture maps the normalized text of every heading, table header line
// and table column name of doc to what it is.
func furniture(doc *extractor.Document) map[string]string {
	m := map[string]string{}
	// A heading directly above a list is the list's title, which may name
	// what the list holds: "Chairman of the Supreme Soviet" above its
	// holders and their terms. Other headings are furniture.
	titles := map[int]bool{}
	for i, b := range doc.Blocks {
		if b.Kind == extractor.Heading && i+1 < len(doc.Blocks) && doc.Blocks[i+1].Kind == extractor.ListItem && doc.Blocks[i+1].Section == b.Section {
			titles[b.Section] = true
		}
	}
	for i, s := range doc.Sections {
		if !titles[i] {
			m[normName(s.Title)] = "section heading"
		}
	}
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		line, _, _ := strings.Cut(doc.Slice(b.Span), "\n")
		m[normName(line)] = "table header line"
		m[normName(strings.Join(b.Table.Header, " "))] = "table header line"
		for _, h := range b.Table.Header {
			m[normName(h)] = "table column name"
		}
	}
	return m
}

// inProse reports whether name occurs as a whole word, as written, in a
// sentence of the prose (paragraphs and list items, not headings or
// tables). A short alias may equal a heading and still be a name the
// text uses: "Government" for the Government of Armenia ("exercised by
// the President and the Government"), which the gold lists as an alias.
func inProse(doc *extractor.Document, name string) bool {
	for _, s := range doc.Sentences {
		text := doc.Slice(s.Span)
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			i += off
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+len(name):])
			if !isWordRune(before) && !isWordRune(after) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// badName says why name cannot be an entity's name, or "".
func badName(name string, furn map[string]string) string {
	if what, ok := furn[normName(name)]; ok {
		return "is a " + what
	}
	for _, b := range boilerplate {
		if strings.Contains(strings.ToLower(name), strings.ToLower(b)) {
			return "contains page furniture " + `"` + b + `"`
		}
	}
	return ""
}

// resultProblems checks the extractor's result and lists what is wrong.
func resultProblems(res *extractor.Result) []string {
	var probs []string
	errorf := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	doc := res.Doc
	furn := furniture(doc)
	if len(res.Entities) == 0 {
		errorf("no entity extracted")
	}
	for _, e := range res.Entities {
		if e.Type == "" {
			errorf("entity %s (%q) has no type", e.ID, e.Name)
		} else if _, ok := ontology.ClassOf(e.Type); !ok {
			errorf("entity %s (%q) has type %q, which has no class", e.ID, e.Name, e.Type)
		}
		if strings.TrimSpace(e.Name) == "" {
			errorf("entity %s has no name", e.ID)
		}
		if why := badName(e.Name, furn); why != "" {
			errorf("entity %s: name %q %s", e.ID, e.Name, why)
		}
		for _, a := range e.Aliases {
			if why := badName(a, furn); why != "" && !inProse(doc, a) {
				errorf("entity %s (%q): alias %q %s, and the prose never names it so", e.ID, e.Name, a, why)
			}
		}
	}
	for i, f := range res.Facts {
		ev := f.Evidence
		if ev.Start < 0 || ev.End > len(doc.Text) || ev.Start >= ev.End {
			errorf("fact %d (%s %s %s): evidence span [%d,%d) is empty or outside the text (%d bytes)",
				i, f.Subject, f.Relation, f.Object.Key(), ev.Start, ev.End, len(doc.Text))
			continue
		}
		text := doc.Slice(ev)
		if strings.TrimSpace(text) == "" || !utf8.ValidString(text) {
			errorf("fact %d (%s %s %s): evidence %q is blank or cuts a character", i, f.Subject, f.Relation, f.Object.Key(), text)
		}
		if res.Entity(f.Subject) == nil {
			errorf("fact %d: subject %s is no entity", i, f.Subject)
		}
	}
	return probs
}

// Terms of the graph read back from Turtle.
const (
	rdfType   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label"
	altLabel  = "http://www.w3.org/2004/02/skos/core#altLabel"
	quotation = "http://www.wikidata.org/prop/reference/P1683"
)

// checkTurtle reads the Turtle file back (with knakk/rdf's decoder) and
// checks the graph as a consumer sees it.
func checkTurtle(t *testing.T, doc *extractor.Document, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	triples, err := rdf.NewTripleDecoder(f, rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("%s does not read back: %v", path, err)
	}
	for _, p := range graphProblems(doc, triples) {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
}

// graphProblems lists what is wrong in the graph of doc: a labelled node
// without a type, a label that is page furniture, a quotation that is
// not in the text.
func graphProblems(doc *extractor.Document, triples []rdf.Triple) []string {
	var probs []string
	errorf := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	furn := furniture(doc)
	collapsed := strings.Join(strings.Fields(doc.Text), " ")
	typed := map[string]bool{}
	labelled := map[string]string{}
	for _, tr := range triples {
		s, p := tr.Subj.String(), tr.Pred.String()
		switch p {
		case rdfType:
			typed[s] = true
		case rdfsLabel, altLabel:
			label := tr.Obj.String()
			labelled[s] = label
			// As in checkResult: an alias (skos:altLabel) the prose uses
			// as a name may equal a heading.
			if why := badName(label, furn); why != "" && (p == rdfsLabel || !inProse(doc, label)) {
				errorf("label %q of %s %s", label, s, why)
			}
		case quotation:
			q := strings.Join(strings.Fields(tr.Obj.String()), " ")
			if q == "" || !strings.Contains(collapsed, q) {
				errorf("quotation of %s is not in the text: %q", s, q)
			}
		}
	}
	for s, label := range labelled {
		if !typed[s] {
			errorf("%s (%q) has a label but no rdf:type", s, label)
		}
	}
	if len(triples) == 0 {
		errorf("no triple")
	}
	return probs
}
