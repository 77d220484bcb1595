package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/pipeline"
)

// jsonLine is one record of a JSON Lines corpus.
type jsonLine struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	URL   string `json:"url,omitempty"`
}

// writeJSONL writes records as a JSON Lines file in a new directory.
func writeJSONL(tb testing.TB, recs []jsonLine) string {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(tb.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// testCorpus is the sample, the articles of ../shared/corpus when there,
// and variations of each: the paragraphs in another order, the first
// half, an empty article.
func testCorpus(tb testing.TB) []jsonLine {
	tb.Helper()
	files := []string{samplePath(tb)}
	if haveShared() {
		files = append(files, corpusFiles(tb)...)
	}
	var recs []jsonLine
	for i, f := range files {
		text := string(readFile(tb, f))
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		title := titleOf(name)
		paras := strings.Split(text, "\n\n")
		rev := slices.Clone(paras)
		slices.Reverse(rev)
		recs = append(recs,
			jsonLine{fmt.Sprint(3*i + 1), title, text, "https://en.wikipedia.org/wiki/" + strings.ReplaceAll(title, " ", "_")},
			jsonLine{fmt.Sprint(3*i + 2), title + " (reordered)", strings.Join(rev, "\n\n"), ""},
			jsonLine{fmt.Sprint(3*i + 3), title + " (part)", strings.Join(paras[:len(paras)/2+1], "\n\n"), ""},
		)
		if i == 0 {
			recs = append(recs, jsonLine{"999", "An empty article", " \n", ""})
		}
	}
	return recs
}

// titleOf turns "politics-of-armenia" into "Politics of Armenia".
func titleOf(name string) string {
	words := strings.Split(name, "-")
	for i, w := range words {
		if i == 0 || w != "of" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// corpusOutput reads every file of a corpus build's directory.
func corpusOutput(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	for _, n := range dirNames(tb, dir) {
		out[n] = readFile(tb, filepath.Join(dir, n))
	}
	return out
}

// shardText is the N-Quads of all the shards of dir, in order.
func shardText(tb testing.TB, dir string) string {
	tb.Helper()
	m, err := corpus.ReadManifest(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for _, p := range m.Files(dir) {
		data := readFile(tb, p)
		if strings.HasSuffix(p, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				tb.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				tb.Fatal(err)
			}
		}
		b.Write(data)
	}
	return b.String()
}

// graphOf is the lines of nq in the named graph g.
func graphOf(nq, g string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(nq, "\n") {
		if strings.HasSuffix(l, " <"+g+"> .\n") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// TestCorpusArticleAsFile: an article of a JSON Lines corpus gives the
// same N-Quads, in the same named graph, as its text built alone with
// --format nq (its title's slug is the file's name).
func TestCorpusArticleAsFile(t *testing.T) {
	sample := samplePath(t)
	single := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--format", "nq", "--out", single, sample); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := string(readFile(t, filepath.Join(single, sampleName+".nq")))
	path := writeJSONL(t, []jsonLine{
		{"1", "Government of Kazakhstan", string(readFile(t, sample)), ""},
		{"2", "Politics of Nowhere", "Nowhere is a country. Its president is John Smith.", ""},
	})
	out := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--out", out, path); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if names := dirNames(t, out); !slices.Equal(names, []string{"dataset.jsonld", "dataset.ttl", "manifest.json", "part-00000.nq"}) {
		t.Errorf("output files %v", names)
	}
	nq := shardText(t, out)
	got := graphOf(nq, documentIRI("", sampleName))
	if got != want {
		t.Errorf("the article's graph differs from the file's: %s", firstDiff([]byte(got), []byte(want)))
	}
	if !strings.HasPrefix(nq, want) {
		t.Errorf("the first article's quads do not come first")
	}
	if g := graphOf(nq, documentIRI("", "politics-of-nowhere")); !strings.Contains(g, `"Politics of Nowhere"@en`) {
		t.Errorf("the second article's graph lacks its title:\n%s", g)
	}
	if len(graphOf(nq, documentIRI("", sampleName)))+len(graphOf(nq, documentIRI("", "politics-of-nowhere"))) != len(nq) {
		t.Errorf("quads outside the two documents' graphs")
	}
}

// TestCorpusDeterministic: the same bytes, shards and manifest whatever
// the number of workers, gzipped or not.
func TestCorpusDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // the dataset description's times
	path := writeJSONL(t, testCorpus(t))
	var first map[string][]byte
	for _, jobs := range []string{"1", "2", "8"} {
		out := t.TempDir()
		r := runArgs("", "build", "--quiet", "--jobs", jobs, "--shard-size", "4", "--gzip", "--out", out, path)
		if r.code != exitOK {
			t.Fatalf("--jobs %s: exit %d: %s", jobs, r.code, r.stderr)
		}
		got := corpusOutput(t, out)
		if first == nil {
			first = got
			if len(got) < 3 {
				t.Fatalf("%d files: want several shards", len(got))
			}
			continue
		}
		if len(got) != len(first) {
			t.Fatalf("--jobs %s: %d files, --jobs 1: %d", jobs, len(got), len(first))
		}
		for name, data := range first {
			if !bytes.Equal(got[name], data) {
				t.Errorf("--jobs %s: %s differs from --jobs 1's", jobs, name)
			}
		}
	}
	// Gzipped or not, the same N-Quads.
	plain := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--jobs", "2", "--shard-size", "4", "--out", plain, path); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	zipped := t.TempDir()
	for name, data := range first {
		os.WriteFile(filepath.Join(zipped, name), data, 0o644)
	}
	if a, b := shardText(t, plain), shardText(t, zipped); a != b || a == "" {
		t.Errorf("plain and gzipped shards differ (%d and %d bytes)", len(a), len(b))
	}
}

// TestCorpusShardSizeBytes cuts shards by size: each but the last reaches
// it, none goes past it by more than one document.
func TestCorpusShardSizeBytes(t *testing.T) {
	path := writeJSONL(t, testCorpus(t))
	out := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--shard-size", "200KB", "--out", out, path); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	m, err := corpus.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Shards) < 2 {
		t.Fatalf("%d shards", len(m.Shards))
	}
	for i, sh := range m.Shards {
		if i < len(m.Shards)-1 && sh.Bytes < 200000 {
			t.Errorf("%s: %d bytes, under 200KB", sh.File, sh.Bytes)
		}
	}
}

// TestCorpusResume interrupts a run after its second shard (the manifest
// and files as a killed run leaves them) and resumes it: the result is
// byte for byte the uninterrupted run's, and the finished shards are not
// rewritten.
func TestCorpusResume(t *testing.T) {
	// The dataset description's times; its counts cover the kept shards.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	path := writeJSONL(t, testCorpus(t))
	full := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--shard-size", "2", "--gzip", "--out", full, path); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := corpusOutput(t, full)
	m, err := corpus.ReadManifest(full)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Shards) < 4 {
		t.Fatalf("%d shards: too few to interrupt", len(m.Shards))
	}

	// The interrupted run: two shards done, the third half written.
	out := t.TempDir()
	for _, sh := range m.Shards[:2] {
		os.WriteFile(filepath.Join(out, sh.File), want[sh.File], 0o644)
	}
	os.WriteFile(filepath.Join(out, ".part-00002.nq.gz.123.tmp"), []byte("partial"), 0o644)
	cut := *m
	cut.Shards, cut.Complete, cut.Articles = m.Shards[:2], false, 0
	data, _ := json.MarshalIndent(cut, "", "  ")
	os.WriteFile(filepath.Join(out, corpus.ManifestName), append(data, '\n'), 0o644)
	// A marker in a finished shard's file: resume must not rewrite it.
	kept := filepath.Join(out, m.Shards[0].File)
	old, _ := os.Stat(kept)

	r := runArgs("", append([]string{"build", "--resume", "--shard-size", "2", "--gzip", "--out", out}, path)...)
	if r.code != exitOK {
		t.Fatalf("--resume: exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, m.Shards[0].File) || !strings.Contains(r.stderr, m.Shards[2].File) {
		t.Errorf("--resume reports shards it should not have written, or not those it wrote:\n%s", r.stderr)
	}
	got := corpusOutput(t, out)
	if len(got) != len(want) {
		t.Errorf("resumed: files %v, want %d", dirNames(t, out), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("resumed: %s differs from the uninterrupted run's", name)
		}
	}
	if now, _ := os.Stat(kept); !now.ModTime().Equal(old.ModTime()) {
		t.Errorf("%s was rewritten", kept)
	}

	// Complete: nothing to do. Other settings: refused.
	if r := runArgs("", append([]string{"build", "--resume", "--shard-size", "2", "--gzip", "--out", out}, path)...); r.code != exitOK || !strings.Contains(r.stderr, "complete") {
		t.Errorf("resume of a complete run: exit %d, %s", r.code, r.stderr)
	}
	r = runArgs("", append([]string{"build", "--resume", "--shard-size", "3", "--gzip", "--out", out}, path)...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "shard-size") {
		t.Errorf("resume with another shard size: exit %d, %s", r.code, r.stderr)
	}
	checkOneLineError(t, r.stderr, corpus.ManifestName)
	r = runArgs("", "build", "--resume", "--out", t.TempDir(), path)
	if r.code != exitUsage || !strings.Contains(r.stderr, "no manifest") {
		t.Errorf("resume without a manifest: exit %d, %s", r.code, r.stderr)
	}
}

// TestCorpusInputErrors: a bad record or article stops the build with
// exit 3 and one line naming the file and line; no shard is left behind.
func TestCorpusInputErrors(t *testing.T) {
	good := `{"id":"1","title":"A","text":"Alpha is a country. Its president is John Smith."}` + "\n"
	tests := []struct {
		name, content string
		pos, msg      string
	}{
		{"syntax", good + good + `{"id":"3","title":"C","text":"c}` + "\n" + good, ":3: ", "JSON syntax error"},
		{"binary", good + `{"id":"2","title":"B","text":"B is \u0000 binary"}` + "\n", ":2: ", "binary data"},
		{"no-name", good + `{"id":"--","title":"!!","text":"b"}` + "\n", ":2: ", "no name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".jsonl")
			os.WriteFile(path, []byte(tc.content), 0o644)
			out := t.TempDir()
			r := runArgs("", "build", "--jobs", "3", "--out", out, path)
			if r.code != exitInput {
				t.Errorf("exit %d, want %d", r.code, exitInput)
			}
			checkOneLineError(t, r.stderr, path+tc.pos)
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr does not say %q: %s", tc.msg, r.stderr)
			}
			if names := dirNames(t, out); !slices.Equal(names, []string{corpus.ManifestName}) {
				t.Errorf("left behind: %v, want the manifest alone", names)
			}
		})
	}
}

// TestCorpusUsageErrors: corpus builds write N-Quads shards only, not
// from stdin.
func TestCorpusUsageErrors(t *testing.T) {
	path := writeJSONL(t, []jsonLine{{"1", "A", "Alpha.", ""}})
	for _, args := range [][]string{
		{"--format", "ttl", path},
		{"--shard-size", "many", path},
		{"--shard-size", "-5", path},
		{"--gzip", "-"},
	} {
		out := t.TempDir()
		r := runArgs("", append([]string{"build", "--out", out}, args...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, r.code, exitUsage, r.stderr)
		}
		if names := dirNames(t, out); len(names) != 0 {
			t.Errorf("%v: wrote %v", args, names)
		}
	}
}

// TestCorpusDirectory builds a directory of text files: each file's
// graph is named after the file, as a build of the file alone.
func TestCorpusDirectory(t *testing.T) {
	dir := t.TempDir()
	sample := readFile(t, samplePath(t))
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, sampleName+".txt"), sample, 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "politics-of-nowhere.txt"), []byte("Nowhere is a country. Its president is John Smith.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("not an article"), 0o644)
	out := t.TempDir()
	r := runArgs("", "build", "--out", out, dir)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "part-00000.nq: 2 documents") || !strings.Contains(r.stderr, "2 documents (0 empty skipped)") {
		t.Errorf("report:\n%s", r.stderr)
	}
	nq := shardText(t, out)
	single := t.TempDir()
	runArgs("", "build", "--quiet", "--format", "nq", "--out", single, filepath.Join(dir, sampleName+".txt"))
	if got, want := graphOf(nq, documentIRI("", sampleName)), string(readFile(t, filepath.Join(single, sampleName+".nq"))); got != want {
		t.Errorf("the file's graph differs from a build of it alone: %s", firstDiff([]byte(got), []byte(want)))
	}
	if graphOf(nq, documentIRI("", "politics-of-nowhere")) == "" {
		t.Errorf("no graph for sub/politics-of-nowhere.txt")
	}
}

// TestCorpusDump reads the MediaWiki dump fixture: its two articles (a
// talk page, a redirect, a template and a deleted page left out) are
// parsed as wikitext.
func TestCorpusDump(t *testing.T) {
	dump := filepath.Join("..", "..", "corpus", "testdata", "multistream.xml.bz2")
	out := t.TempDir()
	r := runArgs("", "build", "--out", out, dump)
	if pipeline.Parsers[corpus.Wikitext] == nil {
		// Until the wikitext parser is there, a dump's articles are an
		// error naming the first page's place, not plain text.
		if r.code != exitInput || !strings.Contains(r.stderr, "wikitext") {
			t.Errorf("exit %d: %s", r.code, r.stderr)
		}
		checkOneLineError(t, r.stderr, dump+":16")
		return
	}
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	nq := shardText(t, out)
	for _, name := range []string{"politics-of-freedonia", "sylvania-country"} {
		if graphOf(nq, documentIRI("", name)) == "" {
			t.Errorf("no graph for %s", name)
		}
	}
}

// TestCorpusResumeChangedDirectory: a directory whose articles changed
// since the interrupted run cannot be resumed.
func TestCorpusResumeChangedDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Nowhere is a country. Its president is John Smith.\n"), 0o644)
	out := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--out", out, dir); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Nowhere is a country. Its president is Jane Smith.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Elsewhere is a country.\n"), 0o644)
	r := runArgs("", "build", "--resume", "--out", out, dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, "input 0") {
		t.Errorf("resume after the directory changed: exit %d, %s", r.code, r.stderr)
	}
}
