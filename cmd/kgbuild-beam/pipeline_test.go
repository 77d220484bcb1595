package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/kgbuild/kgbuild/corpus"
)

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

// sortedLines reads N-Quads files (gzipped or not) and returns their
// lines, sorted.
func sortedLines(t *testing.T, files []string) []string {
	t.Helper()
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		for _, l := range strings.SplitAfter(string(data), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// testJSONL writes a small corpus: the sample, two articles of
// ../shared/corpus when there, a short article and an empty one.
func testJSONL(t *testing.T) string {
	t.Helper()
	type rec struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	recs := []rec{{"3", "Politics of Nowhere", "Nowhere is a country. Its president is John Smith, who was elected in 2019.\n"}, {"4", "Empty", " "}}
	add := func(id, title, path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec{id, title, string(data)})
	}
	add("1", "Government of Kazakhstan", "../../examples/government-of-kazakhstan.txt")
	for i, name := range []string{"politics-of-armenia", "politics-of-georgia"} {
		p := filepath.Join("..", "..", "..", "shared", "corpus", name+".txt")
		if _, err := os.Stat(p); err == nil {
			add(string(rune('5'+i)), strings.ReplaceAll(strings.Title(strings.ReplaceAll(name, "-", " ")), " Of ", " of "), p)
		}
	}
	var b bytes.Buffer
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// kgbuildBuild runs `kgbuild build` (the CLI, built in the main module,
// its own go.mod) on input into dir and returns the quads it wrote,
// sorted.
func kgbuildBuild(t *testing.T, dir, input string) []string {
	t.Helper()
	bin := filepath.Join(dir, "kgbuild")
	if _, err := os.Stat(bin); err != nil {
		gobuild := exec.Command("go", "build", "-o", bin, "./cmd/kgbuild")
		gobuild.Dir = filepath.Join("..", "..")
		if out, err := gobuild.CombinedOutput(); err != nil {
			t.Fatalf("go build kgbuild: %v\n%s", err, out)
		}
	}
	cliOut := filepath.Join(dir, "cli-"+filepath.Base(input))
	if out, err := exec.Command(bin, "build", "--quiet", "--shard-size", "2", "--out", cliOut, input).CombinedOutput(); err != nil {
		t.Fatalf("kgbuild build: %v\n%s", err, out)
	}
	m, err := corpus.ReadManifest(cliOut)
	if err != nil {
		t.Fatal(err)
	}
	return sortedLines(t, m.Files(cliOut))
}

// diffLines reports the first difference of two sorted quad lists.
func diffLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("%s: the pipeline wrote %d quads, kgbuild build %d; they differ", what, len(got), len(want))
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Errorf("first difference, line %d:\n got  %s want %s", i, got[i], want[i])
			return
		}
	}
}

// TestSameAsKgbuildBuild runs the pipeline with the prism runner on a
// small JSON Lines corpus and checks that its quads, sorted, are those
// `kgbuild build` writes for the same input.
func TestSameAsKgbuildBuild(t *testing.T) {
	in := testJSONL(t)
	dir := t.TempDir()

	want := kgbuildBuild(t, dir, in)
	for _, gz := range []bool{false, true} {
		prefix := filepath.Join(dir, "beam", "kg")
		if gz {
			prefix += "-gz"
		}
		os.MkdirAll(filepath.Dir(prefix), 0o755)
		p, s := beam.NewPipelineWithRoot()
		Build(s, Config{Input: in, Output: prefix, Shards: 3, Gzip: gz})
		if _, err := prism.Execute(context.Background(), p); err != nil {
			t.Fatalf("prism: %v", err)
		}
		files, _ := filepath.Glob(prefix + "-*-of-00003.nq*")
		if len(files) == 0 {
			t.Fatalf("no shard written under %s", prefix)
		}
		for _, f := range files {
			if gz != strings.HasSuffix(f, ".gz") {
				t.Errorf("%s: gzip %v", f, gz)
			}
		}
		got := sortedLines(t, files)
		if len(want) < 1000 {
			t.Fatalf("kgbuild build wrote only %d quads", len(want))
		}
		diffLines(t, fmt.Sprintf("gzip %v", gz), got, want)
	}
}

// The dump fixtures of package corpus (corpus/testdata/gen-multistream.py):
// the same pages as a multistream dump with its index and as one gzipped
// dump.
const (
	multistream = "../../corpus/testdata/testwiki-pages-articles-multistream.xml.bz2"
	wholeGz     = "../../corpus/testdata/testwiki-pages-articles.xml.gz"
)

// TestDumpParts: a multistream dump with its index is split into parts of
// the streams asked for, each with the wiki's site; another dump is one
// part.
func TestDumpParts(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		file    string
		streams int
		want    int
	}{{multistream, 1, 5}, {multistream, 2, 3}, {multistream, 100, 1}, {wholeGz, 1, 1}} {
		parts, err := dumpParts(ctx, tc.file, tc.streams)
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != tc.want {
			t.Errorf("%s, %d streams a part: %d parts %+v, want %d", tc.file, tc.streams, len(parts), parts, tc.want)
		}
		for i, p := range parts {
			if p.Part != (tc.file == multistream) || p.Part && p.Site != "en.wikipedia.org" ||
				(p.End < 0) != (i == len(parts)-1) {
				t.Errorf("%s: part %d %+v", tc.file, i, p)
			}
		}
	}
}

// TestDumpSameAsKgbuildBuild runs the pipeline with the prism runner on
// the dumps (the multistream one split into parts of two streams, the
// gzipped one whole) and checks that the quads are those `kgbuild build`
// writes for the same dump.
func TestDumpSameAsKgbuildBuild(t *testing.T) {
	dir := t.TempDir()
	want := kgbuildBuild(t, dir, multistream)
	if len(want) < 1000 {
		t.Fatalf("kgbuild build wrote only %d quads", len(want))
	}
	if other := kgbuildBuild(t, dir, wholeGz); !slices.Equal(other, want) {
		t.Fatalf("kgbuild build wrote %d quads for %s, %d for %s: the fixtures differ", len(want), multistream, len(other), wholeGz)
	}
	for _, in := range []string{multistream, wholeGz} {
		prefix := filepath.Join(dir, "beam-"+filepath.Base(in), "kg")
		p, s := beam.NewPipelineWithRoot()
		Build(s, Config{Input: in, Output: prefix, Shards: 2, Streams: 2})
		if _, err := prism.Execute(context.Background(), p); err != nil {
			t.Fatalf("prism: %v", err)
		}
		files, _ := filepath.Glob(prefix + "-*-of-00002.nq")
		if len(files) == 0 {
			t.Fatalf("no shard written under %s", prefix)
		}
		diffLines(t, filepath.Base(in), sortedLines(t, files), want)
	}
}

func TestIsDumpInput(t *testing.T) {
	for glob, want := range map[string]bool{
		"wiki-*.jsonl":    false,
		"wiki.jsonl.gz":   false,
		"gs://b/w/*.json": false,
		"enwiki-20261101-pages-articles-multistream.xml.bz2": true,
		"enwiki-20261101-pages-articles[0-9]*.xml-*.bz2":     true,
		"dumps/*.xml.gz": true,
		"export.XML":     true,
	} {
		if got := isDumpInput(glob); got != want {
			t.Errorf("isDumpInput(%q) = %v, want %v", glob, got, want)
		}
	}
}
