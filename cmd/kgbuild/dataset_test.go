package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/dataset"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

const furnitureArticle = "testdata/furniture.txt"

// datasetFiles are the description files a build writes with its default
// formats (or with --dataset).
var datasetFiles = []string{"dataset.jsonld", "dataset.ttl"}

// buildOutputNames are the files a successful build of NAME writes for
// exts: the graph files and the dataset description, sorted.
func buildOutputNames(name string, exts ...string) []string {
	names := append(outputNames(name, exts...), datasetFiles...)
	slices.Sort(names)
	return names
}

// copyFile copies src to a temporary directory under the name name.
func copyFile(t *testing.T, src, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, readFile(t, src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sampleEpoch is the Makefile's SAMPLE_EPOCH, the SOURCE_DATE_EPOCH of
// make run.
func sampleEpoch(t *testing.T) string {
	t.Helper()
	mk := readFile(t, "../../Makefile")
	m := regexp.MustCompile(`(?m)^SAMPLE_EPOCH\s*:?=\s*(\d+)\s*$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("Makefile sets no SAMPLE_EPOCH")
	}
	if !strings.Contains(string(mk), "SOURCE_DATE_EPOCH=$(SAMPLE_EPOCH) ./$(BIN) build") {
		t.Fatal("Makefile's run does not pass SOURCE_DATE_EPOCH=$(SAMPLE_EPOCH) to the build")
	}
	return string(m[1])
}

// recount counts the triples of graph files independently of
// dataset.Stats: every file is read back with the exporter's decoders
// into one set of N-Triples lines, and each count is a query over it.
type recount struct {
	triples    map[string]bool
	subjects   map[string]bool
	entities   map[string]bool
	properties map[string]map[string]bool // predicate → triples
	classes    map[string]map[string]bool // class → instances
	links      int
}

func recountFiles(t *testing.T, paths ...string) *recount {
	t.Helper()
	r := &recount{triples: map[string]bool{}, subjects: map[string]bool{}, entities: map[string]bool{},
		properties: map[string]map[string]bool{}, classes: map[string]map[string]bool{}}
	for _, p := range paths {
		f, ok := exporter.Lookup(p)
		if !ok {
			t.Fatalf("%s: no format", p)
		}
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := exporter.NewDecoder(f, fh)
		if err != nil {
			t.Fatal(err)
		}
		for {
			q, err := dec.Decode()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			tr := rdf.Triple{Subj: q.Subj, Pred: q.Pred, Obj: q.Obj}
			line := tr.Serialize(rdf.NTriples)
			if r.triples[line] {
				continue
			}
			r.triples[line] = true
			s, pr, o := q.Subj.Serialize(rdf.NTriples), q.Pred.String(), q.Obj.Serialize(rdf.NTriples)
			r.subjects[s] = true
			if r.properties[pr] == nil {
				r.properties[pr] = map[string]bool{}
			}
			r.properties[pr][line] = true
			switch pr {
			case string(ontology.RDF) + "type":
				c := q.Obj.String()
				if r.classes[c] == nil {
					r.classes[c] = map[string]bool{}
				}
				r.classes[c][s] = true
			case string(ontology.WDT) + "P31":
				r.entities[s] = true
			case string(ontology.OWL) + "sameAs":
				if strings.HasPrefix(o, "<"+string(ontology.WD)) {
					r.links++
				}
			}
		}
		dec.Close()
		fh.Close()
	}
	return r
}

// check compares a description's counts with the recount.
func (r *recount) check(t *testing.T, s dataset.Summary) {
	t.Helper()
	eq := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, recounted %d", what, got, want)
		}
	}
	eq("void:triples", s.Triples, len(r.triples))
	eq("void:distinctSubjects", s.DistinctSubjects, len(r.subjects))
	eq("void:entities", s.Entities, len(r.entities))
	eq("void:properties", s.Properties, len(r.properties))
	eq("void:classes", s.Classes, len(r.classes))
	eq("linkset void:triples", s.Links, r.links)
	eq("property partitions", len(s.PropertyPartitions), len(r.properties))
	for _, p := range s.PropertyPartitions {
		eq("triples of "+p.IRI, p.Count, len(r.properties[p.IRI]))
	}
	eq("class partitions", len(s.ClassPartitions), len(r.classes))
	for _, c := range s.ClassPartitions {
		eq("instances of "+c.IRI, c.Count, len(r.classes[c.IRI]))
	}
	if len(s.Examples) == 0 {
		t.Error("no void:exampleResource")
	}
	for _, e := range s.Examples {
		if !r.entities["<"+e+">"] {
			t.Errorf("example resource %s is not an entity of the data", e)
		}
	}
}

// loadBoth reads DIR/dataset.ttl and DIR/dataset.jsonld and fails unless
// they describe the same dataset.
func loadBoth(t *testing.T, dir string) *dataset.Description {
	t.Helper()
	d, err := dataset.Load(filepath.Join(dir, "dataset.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	j, err := dataset.Load(filepath.Join(dir, "dataset.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, j) {
		t.Errorf("dataset.ttl and dataset.jsonld differ:\n ttl:    %+v\n jsonld: %+v", d, j)
	}
	return d
}

// TestDatasetCounts builds one article, then two, and checks every VoID
// count of the description against a recount of the data files; and the
// distributions' sizes and checksums against the files, the inputs'
// against the articles.
func TestDatasetCounts(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	tests := []struct {
		name  string
		files []string
		exts  []string
		args  []string
	}{
		{"sample", []string{samplePath(t)}, allExts, nil},
		{"two", []string{samplePath(t), furnitureArticle}, []string{".nq", ".ttl"}, []string{"--format", "nq,ttl", "--dataset"}},
		// The sample twice under two names: the entities' triples are the
		// same in both and count once; the recount reads both N-Triples.
		{"copy", []string{samplePath(t), copyFile(t, samplePath(t), "copy.txt")}, []string{".nt", ".ttl"}, []string{"--format", "nt,ttl", "--dataset"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			args := append(append([]string{"build", "--quiet", "--out", out}, tc.args...), tc.files...)
			if r := runArgs("", args...); r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			d := loadBoth(t, out)
			var graphs []string
			for _, f := range tc.files {
				graphs = append(graphs, filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".txt")+tc.exts[0]))
			}
			rc := recountFiles(t, graphs...)
			rc.check(t, d.Stats)
			// Every format holds the same graph: the Turtle files recount alike.
			var ttls []string
			for _, f := range tc.files {
				ttls = append(ttls, filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".txt")+".ttl"))
			}
			if n := len(recountFiles(t, ttls...).triples); n != d.Stats.Triples {
				t.Errorf("Turtle files hold %d distinct triples, void:triples %d", n, d.Stats.Triples)
			}
			if len(d.Distributions) != len(tc.files)*len(tc.exts) {
				t.Errorf("%d distributions, want %d", len(d.Distributions), len(tc.files)*len(tc.exts))
			}
			for _, dist := range d.Distributions {
				size, sum, err := dataset.HashFile(filepath.Join(out, dist.Name))
				if err != nil {
					t.Fatal(err)
				}
				if dist.Size != size || dist.SHA256 != sum {
					t.Errorf("%s: described %d bytes sha256 %s, file has %d bytes sha256 %s", dist.Name, dist.Size, dist.SHA256, size, sum)
				}
				f, _ := exporter.Lookup(dist.Name)
				if dist.MediaType != f.MediaType || dist.URL != ontology.DefaultBase+dist.Name {
					t.Errorf("%s: media type %q, URL %q", dist.Name, dist.MediaType, dist.URL)
				}
			}
			if len(d.Run.Inputs) != len(tc.files) {
				t.Fatalf("%d inputs, want %d", len(d.Run.Inputs), len(tc.files))
			}
			for i, f := range tc.files {
				in := d.Run.Inputs[i]
				data := readFile(t, f)
				if in.Name != filepath.Base(f) || in.SHA256 != dataset.HashBytes(data) || in.Size != int64(len(data)) {
					t.Errorf("input %d: %+v, want %s of %d bytes, sha256 %s", i, in, filepath.Base(f), len(data), dataset.HashBytes(data))
				}
				if want := documentIRI(ontology.DefaultBase, strings.TrimSuffix(filepath.Base(f), ".txt")); in.Document != want {
					t.Errorf("input %d: document %q, want %q", i, in.Document, want)
				}
			}
			want := time.Unix(1700000000, 0).UTC()
			for what, got := range map[string]time.Time{"issued": d.Issued, "modified": d.Modified, "start": d.Run.Start, "end": d.Run.End} {
				if !got.Equal(want) {
					t.Errorf("%s = %v, want SOURCE_DATE_EPOCH %v", what, got, want)
				}
			}
			if d.Linked {
				t.Error("a build without --link has a linkset")
			}
		})
	}
}

// TestDatasetLinkset builds the sample with --link: the linkset counts the
// owl:sameAs links to Wikidata of the data, and the index is an input.
func TestDatasetLinkset(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s (../shared): %v", sampleIndex, err)
	}
	out := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--out", out, "--link", sampleIndex, samplePath(t)); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := loadBoth(t, out)
	rc := recountFiles(t, filepath.Join(out, sampleName+".nt"))
	rc.check(t, d.Stats)
	if !d.Linked || d.Stats.Links == 0 {
		t.Errorf("linked %v with %d links, want a linkset with the links", d.Linked, d.Stats.Links)
	}
	last := d.Run.Inputs[len(d.Run.Inputs)-1]
	if last.Name != filepath.Base(sampleIndex) || last.Document != "" || len(last.SHA256) != 64 {
		t.Errorf("the index is not an input: %+v", last)
	}
	if !slices.Contains(d.Run.Parameters, dataset.Parameter{Name: "link", Value: filepath.Base(sampleIndex)}) {
		t.Errorf("parameters %v lack the link index", d.Run.Parameters)
	}
}

// TestDatasetOutIsCurrent checks the committed out/dataset.* against a
// build with make run's SOURCE_DATE_EPOCH.
func TestDatasetOutIsCurrent(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", sampleEpoch(t))
	built := t.TempDir()
	buildInto(t, built, samplePath(t))
	for _, name := range datasetFiles {
		want := readFile(t, filepath.Join("../../out", name))
		got := readFile(t, filepath.Join(built, name))
		if string(got) != string(want) {
			t.Errorf("out/%s is stale: run `make run` (%s)", name, firstDiff(got, want))
		}
	}
}

// TestDatasetClock: without SOURCE_DATE_EPOCH the times are the clock's;
// a malformed one is a usage error that writes nothing.
func TestDatasetClock(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	out := t.TempDir()
	before := time.Now().UTC().Truncate(time.Second)
	buildInto(t, out, samplePath(t))
	after := time.Now().UTC()
	d := loadBoth(t, out)
	if d.Run.Start.Before(before) || d.Run.End.After(after) || d.Run.End.Before(d.Run.Start) || !d.Modified.Equal(d.Run.End) {
		t.Errorf("start %v end %v modified %v, want within [%v, %v]", d.Run.Start, d.Run.End, d.Modified, before, after)
	}
	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		out := filepath.Join(t.TempDir(), "out")
		r := runArgs("", "build", "--out", out, samplePath(t))
		if r.code != exitUsage || !strings.Contains(r.stderr, "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, stderr %q; want exitUsage naming it", bad, r.code, r.stderr)
		}
		wantExactly(t, out, nil)
	}
}

// TestDatasetMetadata sets the metadata by config file and flags: flags
// win, the description and the citation files carry them.
func TestDatasetMetadata(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	config := filepath.Join(dir, "meta.json")
	os.WriteFile(config, []byte(`{
  "title": "From the config",
  "description": "Governments of the world.",
  "keywords": ["government", "politics"],
  "license": "CC-BY-4.0",
  "creators": [{"name": "Ada Lovelace", "url": "https://orcid.org/0000-0002-1825-0097"},
               {"name": "Open Data Lab", "type": "Organization"}],
  "publisher": {"name": "Example University", "url": "https://example.edu/"},
  "version": "2.1",
  "issued": "2025-03-01",
  "sparqlEndpoint": "https://example.edu/sparql",
  "landingPage": "https://example.edu/kg/",
  "downloadBase": "https://example.edu/kg/files"
}`), 0o644)
	out := filepath.Join(dir, "out")
	r := runArgs("", "build", "--quiet", "--out", out, "--config", config, "--title", "From the flag", "--citation", samplePath(t))
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := append(buildOutputNames(sampleName, allExts...), "CITATION.cff", "dataset.bib")
	slices.Sort(want)
	wantExactly(t, out, want)
	d := loadBoth(t, out)
	if d.Title != "From the flag" || d.Description != "Governments of the world." || d.Version != "2.1" ||
		d.License != "https://creativecommons.org/licenses/by/4.0/" || d.SPARQLEndpoint != "https://example.edu/sparql" ||
		d.LandingURL != "https://example.edu/kg/" || !slices.Equal(d.Keywords, []string{"government", "politics"}) {
		t.Errorf("description %+v", d)
	}
	if want := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC); !d.Issued.Equal(want) {
		t.Errorf("issued %v, want %v", d.Issued, want)
	}
	wantCreators := []dataset.Agent{{Name: "Ada Lovelace", URL: "https://orcid.org/0000-0002-1825-0097", Type: "Person"}, {Name: "Open Data Lab", Type: "Organization"}}
	if !reflect.DeepEqual(d.Creators, wantCreators) || d.Publisher == nil || d.Publisher.Name != "Example University" {
		t.Errorf("creators %+v, publisher %+v", d.Creators, d.Publisher)
	}
	if d.Distributions[0].URL != "https://example.edu/kg/files/"+sampleName+".ttl" {
		t.Errorf("download URL %s", d.Distributions[0].URL)
	}
	cff := string(readFile(t, filepath.Join(out, "CITATION.cff")))
	for _, want := range []string{"cff-version: 1.2.0", "type: dataset", `title: "From the flag"`, `family-names: "Lovelace"`,
		`given-names: "Ada"`, `orcid: "https://orcid.org/0000-0002-1825-0097"`, `name: "Open Data Lab"`, "date-released: 2025-03-01",
		`license: "CC-BY-4.0"`, `version: "2.1"`, `url: "https://example.edu/kg/"`} {
		if !strings.Contains(cff, want+"\n") {
			t.Errorf("CITATION.cff lacks %q:\n%s", want, cff)
		}
	}
	bib := string(readFile(t, filepath.Join(out, "dataset.bib")))
	for _, want := range []string{"@misc{lovelace2025,", "author    = {Lovelace, Ada and {Open Data Lab}},", "title     = {{From the flag}},", "year      = {2025},"} {
		if !strings.Contains(bib, want) {
			t.Errorf("dataset.bib lacks %q:\n%s", want, bib)
		}
	}
}

// TestDatasetBadMetadata: bad metadata is an error naming what is wrong,
// before anything is written.
func TestDatasetBadMetadata(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"syntax", []string{"--config", write("syntax.json", "{\n  \"title\": \"x\",\n  oops\n}")}, exitInput, "syntax.json:3:3: invalid character 'o'"},
		{"unknown key", []string{"--config", write("key.json", `{"titel": "x"}`)}, exitInput, `unknown field "titel"`},
		{"wrong type", []string{"--config", write("type.json", "{\"keywords\": \"a\"}")}, exitInput, "type.json:1:"},
		{"missing", []string{"--config", filepath.Join(dir, "none.json")}, exitInput, "none.json: no such file"},
		{"license", []string{"--license", "my license"}, exitUsage, `license "my license"`},
		{"creator url", []string{"--creator", "Ada <not an iri>"}, exitUsage, "not an absolute IRI"},
		{"citation without creator", []string{"--citation"}, exitUsage, "--citation needs a creator"},
		{"issued", []string{"--issued", "March 2025"}, exitUsage, "neither YYYY-MM-DD"},
		{"endpoint", []string{"--sparql-endpoint", "/sparql"}, exitUsage, "sparqlEndpoint"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append(append([]string{"build", "--out", out}, tc.args...), samplePath(t))
			r := runArgs("", args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d, one line with %q", r.code, r.stderr, tc.code, tc.msg)
			}
			wantExactly(t, out, nil)
		})
	}
}

// TestDatasetVersionParameter: the run names kgbuild's version and the
// parameters, and not the output directory.
func TestDatasetParameters(t *testing.T) {
	out := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--out", out, "--format", "ttl,nt", "--dataset", "--base", "https://data.example/kg/", samplePath(t)); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := loadBoth(t, out)
	want := []dataset.Parameter{{Name: "format", Value: "ttl,nt"}, {Name: "base", Value: "https://data.example/kg/"}}
	if !reflect.DeepEqual(d.Run.Parameters, want) || d.Run.Software != "kgbuild" || d.Run.SoftwareVersion != version {
		t.Errorf("run %+v", d.Run)
	}
	if d.IRI != "https://data.example/kg/dataset" || d.URISpace != "https://data.example/kg/" {
		t.Errorf("IRI %s, URI space %s", d.IRI, d.URISpace)
	}
	if strings.Contains(string(readFile(t, filepath.Join(out, "dataset.ttl"))), out) {
		t.Error("dataset.ttl names the output directory")
	}
}

// TestDatasetCorpus builds a corpus into shards: the description counts
// the shards' triples (recounted from the files), its distributions are
// the shards with their sizes and checksums, and the corpus file is the
// input.
func TestDatasetCorpus(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	path := writeJSONL(t, testCorpus(t))
	for _, gz := range []bool{false, true} {
		out := t.TempDir()
		args := []string{"build", "--quiet", "--jobs", "2", "--shard-size", "3", "--out", out}
		if gz {
			args = append(args, "--gzip")
		}
		if r := runArgs("", append(args, path)...); r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		d := loadBoth(t, out)
		m, err := corpus.ReadManifest(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Distributions) != len(m.Shards) || len(m.Shards) < 2 {
			t.Fatalf("%d distributions for %d shards", len(d.Distributions), len(m.Shards))
		}
		for i, dist := range d.Distributions {
			size, sum, err := dataset.HashFile(filepath.Join(out, m.Shards[i].File))
			if err != nil {
				t.Fatal(err)
			}
			wantCompress := ""
			if gz {
				wantCompress = "application/gzip"
			}
			if dist.Name != m.Shards[i].File || dist.Size != size || dist.SHA256 != sum ||
				dist.MediaType != exporter.NQuads.MediaType || dist.CompressFormat != wantCompress {
				t.Errorf("distribution %+v, shard %s of %d bytes, sha256 %s", dist, m.Shards[i].File, size, sum)
			}
		}
		if !gz {
			rc := recountFiles(t, m.Files(out)...)
			rc.check(t, d.Stats)
		}
		data := readFile(t, path)
		if len(d.Run.Inputs) != 1 || d.Run.Inputs[0].Name != filepath.Base(path) || d.Run.Inputs[0].SHA256 != dataset.HashBytes(data) {
			t.Errorf("inputs %+v", d.Run.Inputs)
		}
		if !strings.HasPrefix(d.Title, "Knowledge graph of ") || !strings.HasSuffix(d.Title, " articles") {
			t.Errorf("title %q", d.Title)
		}
	}
}

// TestDatasetCorpusSpilled builds a corpus with a memory budget small
// enough for the counts to spill to temporary files: the description's
// counts are those of a build counted in memory and those recounted from
// the shards, and the temporary files are gone after the run.
func TestDatasetCorpusSpilled(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	path := writeJSONL(t, testCorpus(t))
	inMemory, spilled, tmp := t.TempDir(), t.TempDir(), t.TempDir()
	args := []string{"build", "--jobs", "2", "--shard-size", "3"}
	if r := runArgs("", append(args, "--quiet", "--out", inMemory, path)...); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	t.Setenv("TMPDIR", tmp)
	r := runArgs("", append(args, "--dataset-memory", "4KiB", "--out", spilled, path)...)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "dataset counts:") || !strings.Contains(r.stderr, "temporary files") {
		t.Errorf("stderr does not report the spill:\n%s", r.stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left in $TMPDIR: %v", left)
	}
	want, got := loadBoth(t, inMemory), loadBoth(t, spilled)
	if !reflect.DeepEqual(got.Stats, want.Stats) {
		t.Errorf("spilled counts\n %+v\nin memory\n %+v", got.Stats, want.Stats)
	}
	m, err := corpus.ReadManifest(spilled)
	if err != nil {
		t.Fatal(err)
	}
	recountFiles(t, m.Files(spilled)...).check(t, got.Stats)

	if r := runArgs("", append(args, "--dataset-memory", "lots", "--out", t.TempDir(), path)...); r.code != exitUsage {
		t.Errorf("--dataset-memory lots: exit %d, want %d", r.code, exitUsage)
	}
}

// TestDatasetOffCountsNothing: without a description no counting sink is
// made.
func TestDatasetOffCountsNothing(t *testing.T) {
	for _, describe := range []bool{false, true} {
		r, err := newDatasetRun(&datasetOptions{describe: describe, memory: "64MiB"}, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		if (r.stats != nil) != describe || (len(r.sinks()) != 0) != describe {
			t.Errorf("describe %v: stats %v, %d sinks", describe, r.stats != nil, len(r.sinks()))
		}
		r.close()
	}
}

// TestDatasetNameTaken: an input named dataset.txt would write over the
// description; it is refused before anything is written.
func TestDatasetNameTaken(t *testing.T) {
	in := copyFile(t, samplePath(t), "dataset.txt")
	out := filepath.Join(t.TempDir(), "out")
	r := runArgs("", "build", "--out", out, in)
	if r.code != exitUsage || !strings.Contains(r.stderr, "dataset description") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	wantExactly(t, out, nil)
}
