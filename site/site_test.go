package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/dataset"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the generated site")

const (
	smallGraph = "testdata/small.ttl"
	goldenDir  = "testdata/golden"
)

// testOptions are the options of the golden site: our prefixes plus the
// entity kinds', as the command gives them.
func testOptions() Options {
	var ps []exporter.Prefix
	for _, p := range ontology.Prefixes() {
		ps = append(ps, exporter.Prefix(p))
	}
	for _, seg := range []string{"person", "country", "city", "statement", "reference", "document"} {
		ps = append(ps, exporter.Prefix{Name: seg, IRI: ontology.DefaultBase + seg + "/"})
	}
	return Options{Encoder: exporter.Options{Prefixes: ps, Context: ontology.Context()}}
}

func readTriples(t testing.TB, f exporter.Format, r io.Reader) []rdf.Triple {
	t.Helper()
	dec, err := exporter.NewDecoder(f, r)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []rdf.Triple
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.Triple)
	}
}

func smallTriples(t testing.TB) []rdf.Triple {
	t.Helper()
	f, err := os.Open(smallGraph)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readTriples(t, exporter.Turtle, f)
}

func generate(t testing.TB, triples []rdf.Triple) *Site {
	t.Helper()
	s, err := Generate(triples, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fileOf(t testing.TB, s *Site, path string) []byte {
	t.Helper()
	for _, f := range s.Files {
		if f.Path == path {
			return f.Data
		}
	}
	t.Fatalf("site has no %s", path)
	return nil
}

// testDataset is a dataset description of the small graph, as a build
// would write it, with the graph as its one download.
func testDataset(t testing.TB) (*Dataset, []File) {
	t.Helper()
	data, err := os.ReadFile(smallGraph)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	d := &dataset.Description{
		IRI:         ontology.DefaultBase + "dataset",
		Title:       "Knowledge graph of <Zenda>",
		Description: "Entities & facts of a small test graph.",
		Keywords:    []string{"test", "knowledge graph"},
		License:     "https://creativecommons.org/licenses/by-sa/4.0/",
		Creators:    []dataset.Agent{{Name: "A. Hope"}},
		Version:     "1.0",
		Issued:      when,
		Modified:    when,
		Distributions: []dataset.Distribution{{
			Name: "small.ttl", URL: ontology.DefaultBase + "small.ttl", MediaType: "text/turtle",
			Size: int64(len(data)), SHA256: dataset.HashBytes(data),
		}},
		Run: dataset.Run{Software: "kgbuild", SoftwareVersion: "test", Start: when, End: when,
			Inputs: []dataset.Input{{Name: "zenda.txt", Size: 120, SHA256: strings.Repeat("0", 64)}}},
	}
	js := []byte(`{"@id": "` + d.IRI + `", "@type": "https://schema.org/Dataset", "https://schema.org/name": "</script> <Zenda>"}` + "\n")
	return &Dataset{Description: d, JSONLD: js}, []File{
		{Path: "small.ttl", Data: data},
		{Path: "dataset.jsonld", Data: js},
	}
}

// TestGolden compares the site of a small graph with testdata/golden,
// file by file; -update rewrites it.
func TestGolden(t *testing.T) {
	opts := testOptions()
	opts.Dataset, opts.Extra = testDataset(t)
	s, err := Generate(smallTriples(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		if err := Write(goldenDir, s); err != nil {
			t.Fatal(err)
		}
		return
	}
	var want []string
	err = filepath.WalkDir(goldenDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(goldenDir, p)
			want = append(want, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatalf("%v (run go test ./site -update)", err)
	}
	var got []string
	for _, f := range s.Files {
		got = append(got, f.Path)
		g, err := os.ReadFile(filepath.Join(goldenDir, filepath.FromSlash(f.Path)))
		if err != nil {
			continue
		}
		if !bytes.Equal(f.Data, g) {
			t.Errorf("%s differs from %s (go test ./site -update rewrites it): %s", f.Path, goldenDir, firstDiff(f.Data, g))
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("files: got %q, want %q", got, want)
	}
	if s.Pages != 4 {
		t.Errorf("%d pages, want 4", s.Pages)
	}
	if len(s.Unpaged) != 1 || !strings.Contains(s.Unpaged[0], "name.with.dots") {
		t.Errorf("unpaged: %q, want the IRI with dots", s.Unpaged)
	}
}

// TestDeterministic generates the site twice, and once from the triples
// repeated: the same bytes.
func TestDeterministic(t *testing.T) {
	ts := smallTriples(t)
	a := generate(t, ts)
	b := generate(t, append(slices.Clone(ts), ts...))
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between runs", a.Files[i].Path)
		}
	}
}

// TestEscaping: markup in literals is text on the page and stays inside
// the JSON-LD script, whose JSON is the .jsonld file's.
func TestEscaping(t *testing.T) {
	s := generate(t, smallTriples(t))
	page := string(fileOf(t, s, "country/ruritania.html"))
	for _, bad := range []string{"<b>kingdom", "<script>alert", "<governed>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "A &lt;b&gt;kingdom&lt;/b&gt; &amp; its") {
		t.Errorf("page lacks the escaped description")
	}
	if n := strings.Count(page, "</script>"); n != 1 {
		t.Errorf("page has %d </script>, want 1 (the JSON-LD's own)", n)
	}
	start := strings.Index(page, `<script type="application/ld+json">`)
	end := strings.Index(page, "</script>")
	if start < 0 || end < start {
		t.Fatal("no JSON-LD script")
	}
	embedded := page[start+len(`<script type="application/ld+json">`) : end]
	var got, want any
	if err := json.Unmarshal([]byte(embedded), &got); err != nil {
		t.Fatalf("embedded JSON-LD: %v", err)
	}
	if err := json.Unmarshal(fileOf(t, s, "country/ruritania.jsonld"), &want); err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) {
		t.Errorf("embedded JSON-LD differs from ruritania.jsonld")
	}
}

// TestIndexDataset: the index shows the description and embeds its
// JSON-LD without letting it close the script; the dataset's IRI answers
// with the index; extra files may not replace generated ones.
func TestIndexDataset(t *testing.T) {
	opts := testOptions()
	opts.Dataset, opts.Extra = testDataset(t)
	s, err := Generate(smallTriples(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	idx := string(fileOf(t, s, "index.html"))
	for _, want := range []string{
		"<h1>Knowledge graph of &lt;Zenda&gt;</h1>",
		"Entities &amp; facts of a small test graph.",
		`<a href="small.ttl" type="text/turtle">small.ttl</a>`,
		`"\u003c/script\u003e \u003cZenda\u003e"`,
		"zenda.txt",
	} {
		if !strings.Contains(idx, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if n := strings.Count(idx, "</script>"); n != 1 {
		t.Errorf("index has %d </script>, want 1", n)
	}
	if !bytes.Equal(fileOf(t, s, "dataset.html"), []byte(idx)) {
		t.Errorf("dataset.html is not the index")
	}
	if got := string(fileOf(t, s, "small.ttl")); !strings.HasPrefix(got, "# A small graph") {
		t.Errorf("small.ttl not served as given")
	}
	for _, bad := range []string{"index.html", "country/ruritania.ttl", "../x", "a//b", ""} {
		opts.Extra = []File{{Path: bad, Data: []byte("x")}}
		if _, err := Generate(smallTriples(t), opts); err == nil {
			t.Errorf("extra file %q accepted", bad)
		}
	}
}

// TestDescriptions: each page's Turtle and JSON-LD are the same graph,
// and together the pages describe every triple of the graph.
func TestDescriptions(t *testing.T) {
	ts := smallTriples(t)
	s := generate(t, ts)
	described := map[string]bool{}
	for _, f := range s.Files {
		if !strings.HasSuffix(f.Path, ".ttl") {
			continue
		}
		fromTTL := canon(readTriples(t, exporter.Turtle, bytes.NewReader(f.Data)))
		js := fileOf(t, s, strings.TrimSuffix(f.Path, ".ttl")+".jsonld")
		fromJS := canon(readTriples(t, exporter.JSONLD, bytes.NewReader(js)))
		if !slices.Equal(fromTTL, fromJS) {
			t.Errorf("%s and its .jsonld differ:\n%q\n%q", f.Path, fromTTL, fromJS)
		}
		for _, l := range fromTTL {
			described[l] = true
		}
	}
	// Every triple: those of subjects under the base, and the Wikipedia
	// article's, on the page of the entity it is about.
	for _, l := range canon(ts) {
		if !described[l] {
			t.Errorf("no page describes %s", l)
		}
	}
}

// canon is the N-Triples lines of ts, sorted and without repeats.
func canon(ts []rdf.Triple) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Serialize(rdf.NTriples))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestBadPath(t *testing.T) {
	for _, c := range []struct {
		local string
		ok    bool
	}{
		{"person/x", true},
		{"person/älihan-smaiylov", true},
		{"a/b/c_d~e", true},
		{"", false},
		{"index", false},
		{"graph", false},
		{"person/x.html", false},
		{"person/../x", false},
		{"person//x", false},
		{"person/", false},
		{"person/a%20b", false},
		{"person/a b", false},
		{"person/x?y", false},
	} {
		if got := badPath(c.local) == ""; got != c.ok {
			t.Errorf("badPath(%q) = %q, want ok %v", c.local, badPath(c.local), c.ok)
		}
	}
}

// TestCaseCollision: two IRIs whose paths differ only in case get one
// page, not two files that overwrite each other on some file systems.
func TestCaseCollision(t *testing.T) {
	a, _ := rdf.NewIRI(ontology.DefaultBase + "person/x")
	b, _ := rdf.NewIRI(ontology.DefaultBase + "person/X")
	l, _ := rdf.NewLiteral("x")
	s := generate(t, []rdf.Triple{{Subj: a, Pred: rdfsLabel, Obj: l}, {Subj: b, Pred: rdfsLabel, Obj: l}})
	if s.Pages != 1 || len(s.Unpaged) != 1 {
		t.Errorf("%d pages, unpaged %q; want 1 page and one IRI unpaged", s.Pages, s.Unpaged)
	}
}

func TestWrite(t *testing.T) {
	s := generate(t, smallTriples(t))
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")

	if err := Write(dir, s); err != nil {
		t.Fatal(err)
	}
	if got := fileNames(t, dir); len(got) != len(s.Files) {
		t.Fatalf("wrote %d files, want %d", len(got), len(s.Files))
	}
	// A site replaces a site: files no longer generated go.
	stale := filepath.Join(dir, "person", "gone.html")
	if err := os.WriteFile(stale, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, s); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale file %s survived", stale)
	}
	wantOnly(t, parent, "site")

	// A failure leaves the old site as it was and nothing else.
	before := fileNames(t, dir)
	broken := &Site{Files: []File{{Path: "a", Data: []byte("file")}, {Path: "a/b.html", Data: []byte("under a file")}}}
	if err := Write(dir, broken); err == nil {
		t.Fatal("Write of a file under a file succeeded")
	}
	if after := fileNames(t, dir); !slices.Equal(before, after) {
		t.Errorf("failed Write changed the site: %q → %q", before, after)
	}
	wantOnly(t, parent, "site")

	// Not a site: refused, untouched.
	other := filepath.Join(parent, "docs")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(other, s); !errors.Is(err, ErrNotSite) {
		t.Errorf("Write over a directory of notes: %v, want ErrNotSite", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("notes lost: %v", err)
	}
	wantOnly(t, parent, "docs", "site")

	for _, bad := range []string{".", "..", "/"} {
		if err := Write(bad, s); err == nil {
			t.Errorf("Write(%q) succeeded", bad)
		}
	}
}

// fileNames lists the files under dir, slash-separated and sorted.
func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// wantOnly fails unless dir holds exactly names: no temporary directory
// left behind.
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  want: %q\n  got:  %q", i+1, wl, gl)
		}
	}
	return "no line differs"
}

// TestSelfContained: no page or picture loads anything from elsewhere —
// no script file, stylesheet, font, image or frame; the only scripts are
// JSON-LD data.
func TestSelfContained(t *testing.T) {
	opts := testOptions()
	opts.Dataset, opts.Extra = testDataset(t)
	s, err := Generate(smallTriples(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{"<script src", "<link rel=\"stylesheet\"", "@import", "@font-face", "<img", "<iframe", "<object", "<embed", "xlink:href", "<image"}
	for _, f := range s.Files {
		if !strings.HasSuffix(f.Path, ".html") && !strings.HasSuffix(f.Path, ".svg") {
			continue
		}
		page := string(f.Data)
		for _, b := range bad {
			if strings.Contains(page, b) {
				t.Errorf("%s holds %q", f.Path, b)
			}
		}
		if n, m := strings.Count(page, "url("), strings.Count(page, "url(#"); n != m {
			t.Errorf("%s refers to %d outside resources by url()", f.Path, n-m)
		}
		if n, m := strings.Count(page, "<script"), strings.Count(page, `<script type="application/ld+json">`); n != m {
			t.Errorf("%s has %d scripts, %d of them JSON-LD", f.Path, n, m)
		}
	}
}

// TestBuild: Build writes, file by file, the files Generate makes, and a
// failure midway leaves the old site as it was and nothing else.
func TestBuild(t *testing.T) {
	opts := testOptions()
	opts.Dataset, opts.Extra = testDataset(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	st, err := Build(dir, smallTriples(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	gen, err := Generate(smallTriples(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range gen.Files {
		paths = append(paths, f.Path)
		if got := readFileT(t, filepath.Join(dir, filepath.FromSlash(f.Path))); !bytes.Equal(got, f.Data) {
			t.Errorf("%s written by Build differs from Generate's", f.Path)
		}
	}
	if got := fileNames(t, dir); !slices.Equal(got, paths) {
		t.Errorf("Build wrote %q, Generate made %q", got, paths)
	}
	if st.Count != len(gen.Files) || st.Pages != gen.Pages || st.Nodes != gen.Nodes {
		t.Errorf("Build counts %d files, %d pages, %d nodes; Generate %d, %d, %d", st.Count, st.Pages, st.Nodes, len(gen.Files), gen.Pages, gen.Nodes)
	}
	before := fileNames(t, dir)
	opts.Extra = append(opts.Extra, File{Path: "missing.nt", Source: filepath.Join(parent, "missing.nt")})
	if _, err := Build(dir, smallTriples(t), opts); err == nil {
		t.Fatal("Build with a missing download succeeded")
	}
	if after := fileNames(t, dir); !slices.Equal(before, after) {
		t.Errorf("failed Build changed the site")
	}
	wantOnly(t, parent, "site")
}

func readFileT(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
