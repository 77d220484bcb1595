package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildSample builds the sample article end to end: exit 0, one
// non-empty file per format, nothing else in the output directory.
func TestBuildSample(t *testing.T) {
	out := t.TempDir()
	sample := samplePath(t)
	r := runArgs("", "build", "--out", out, "--quiet", sample)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" || r.stdout != "" {
		t.Errorf("--quiet build printed stdout %q, stderr %q", r.stdout, r.stderr)
	}
	wantExactly(t, out, buildOutputNames(sampleName, allExts...))
	for _, ext := range allExts {
		fi, err := os.Stat(filepath.Join(out, sampleName+ext))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", fi.Name())
		}
		if perm := fi.Mode().Perm(); perm&0o444 != 0o444 {
			t.Errorf("%s has mode %v, want readable by all", fi.Name(), perm)
		}
	}
}

// TestBuildReport checks the line a build without --quiet reports for each
// input on stderr.
func TestBuildReport(t *testing.T) {
	out := t.TempDir()
	sample := samplePath(t)
	r := runArgs("", "build", "--out", out, sample)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], sample+": ") {
		t.Errorf("report is not a line starting with %q and the dataset's line:\n%s", sample+": ", r.stderr)
	}
	if want := "dataset: " + filepath.Join(out, "dataset.ttl") + ", " + filepath.Join(out, "dataset.jsonld"); lines[len(lines)-1] != want {
		t.Errorf("report's last line is %q, want %q", lines[len(lines)-1], want)
	}
	for _, ext := range allExts {
		if !strings.Contains(r.stderr, filepath.Join(out, sampleName+ext)) {
			t.Errorf("report does not name %s:\n%s", sampleName+ext, r.stderr)
		}
	}
}

// TestOutIsCurrent checks that the committed out/ is what the code builds
// from the sample today.
func TestOutIsCurrent(t *testing.T) {
	const outDir = "../../out"
	for _, ext := range allExts {
		if _, err := os.Stat(filepath.Join(outDir, sampleName+ext)); err != nil {
			t.Skipf("out/%s%s does not exist yet (run `make run`): %v", sampleName, ext, err)
		}
	}
	built := t.TempDir()
	buildInto(t, built, samplePath(t))
	for _, ext := range allExts {
		name := sampleName + ext
		want := readFile(t, filepath.Join(outDir, name))
		got := readFile(t, filepath.Join(built, name))
		if !bytes.Equal(got, want) {
			t.Errorf("out/ is stale: run `make run` (out/%s: %d bytes, built now: %d bytes; %s)",
				name, len(want), len(got), firstDiff(got, want))
		}
	}
}

// TestDeterministic builds the sample twice: the bytes must be identical.
func TestDeterministic(t *testing.T) {
	sample := samplePath(t)
	a, b := t.TempDir(), t.TempDir()
	buildInto(t, a, sample)
	buildInto(t, b, sample)
	for _, ext := range allExts {
		name := sampleName + ext
		x, y := readFile(t, filepath.Join(a, name)), readFile(t, filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds: %s", name, firstDiff(y, x))
		}
	}
}

// TestMalformedInput feeds inputs that are not articles: each must fail
// with exitInput, one line on stderr naming the input (and the position of
// the first bad byte), and leave the output directory empty.
func TestMalformedInput(t *testing.T) {
	tests := []struct {
		name    string
		content []byte // nil: the file does not exist
		pos     string // "line:col" the error must report, "" for none
		msg     string // part of the message
	}{
		{"empty", []byte{}, "", "empty"},
		{"whitespace", []byte(" \n\t\n  \r\n\n"), "", "empty"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), "1:1", "invalid UTF-8 byte 0x89"},
		{"nul", []byte("\x00\x00\x00\x00binary"), "1:1", "binary data"},
		{"nul-after-text", []byte("Government of Kazakhstan\n\nThe government\x00\x01\x02"), "3:15", "binary data"},
		// "Älihan Smaiylov is " is 19 runes (20 bytes): the bad byte is
		// column 20 of line 3, counted in characters.
		{"invalid-utf8", []byte("Government of Kazakhstan\n\nÄlihan Smaiylov is \xffthe prime minister.\n"), "3:20", "invalid UTF-8 byte 0xff"},
		{"truncated-utf8", []byte("The Mäjilis\nhas 98 seats \xe2\x82 in total.\n"), "2:14", "invalid UTF-8 byte 0xe2"},
		{"missing", nil, "", "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir, out := t.TempDir(), t.TempDir()
			path := filepath.Join(dir, tc.name+".txt")
			if tc.content != nil {
				if err := os.WriteFile(path, tc.content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := runArgs("", "build", "--out", out, path)
			if r.code != exitInput {
				t.Errorf("exit %d, want exitInput (%d)", r.code, exitInput)
			}
			checkOneLineError(t, r.stderr, path)
			if tc.pos != "" && !strings.Contains(r.stderr, path+":"+tc.pos+":") {
				t.Errorf("stderr does not give the position %s:%s:\n%s", path, tc.pos, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr does not say %q:\n%s", tc.msg, r.stderr)
			}
			wantExactly(t, out, nil)
		})
	}
}

// checkOneLineError fails unless stderr is a single "kgbuild: " line
// naming name.
func checkOneLineError(t *testing.T, stderr, name string) {
	t.Helper()
	if !strings.HasPrefix(stderr, "kgbuild: ") || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line starting with \"kgbuild: \":\n%s", stderr)
	}
	if !strings.Contains(stderr, name) {
		t.Errorf("stderr does not name %q:\n%s", name, stderr)
	}
}

// TestNamelessInput: a file whose name is only an extension (".txt")
// gives no name to its outputs; it is an input error naming the file, and
// nothing is written.
func TestNamelessInput(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, ".txt")
	if err := os.WriteFile(path, readFile(t, samplePath(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runArgs("", "build", "--out", out, path)
	if r.code != exitInput {
		t.Errorf("exit %d, want exitInput (%d)", r.code, exitInput)
	}
	checkOneLineError(t, r.stderr, path)
	wantExactly(t, out, nil)
}

// TestMalformedAmongGood checks that a bad input after a good one stops the
// build with exitInput and writes no output for the bad one (the good one's
// files, written first, stay).
func TestMalformedAmongGood(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("text\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runArgs("", "build", "--out", out, "--quiet", samplePath(t), bad)
	if r.code != exitInput {
		t.Errorf("exit %d, want exitInput (%d)", r.code, exitInput)
	}
	checkOneLineError(t, r.stderr, bad)
	wantExactly(t, out, outputNames(sampleName, allExts...))
}

// TestStdin reads the article from "-": the outputs are named stdin.*
// and equal those of the same text read from its file.
func TestStdin(t *testing.T) {
	sample := samplePath(t)
	text := readFile(t, sample)
	out, ref := t.TempDir(), t.TempDir()
	r := runArgs(string(text), "build", "--out", out, "--quiet", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	wantExactly(t, out, buildOutputNames("stdin", allExts...))
	for _, ext := range allExts {
		if fi, err := os.Stat(filepath.Join(out, "stdin"+ext)); err != nil || fi.Size() == 0 {
			t.Errorf("stdin%s missing or empty (%v)", ext, err)
		}
	}

	// The same text under the name "stdin" gives the same graph, bytes
	// for bytes: the output depends on the text and the name only.
	named := filepath.Join(t.TempDir(), "stdin.txt")
	if err := os.WriteFile(named, text, 0o644); err != nil {
		t.Fatal(err)
	}
	buildInto(t, ref, named)
	for _, ext := range allExts {
		if a, b := readFile(t, filepath.Join(out, "stdin"+ext)), readFile(t, filepath.Join(ref, "stdin"+ext)); !bytes.Equal(a, b) {
			t.Errorf("stdin%s from - and from stdin.txt differ: %s", ext, firstDiff(a, b))
		}
	}
}

func TestStdinEmpty(t *testing.T) {
	for _, in := range []string{"", "\n  \n"} {
		out := t.TempDir()
		r := runArgs(in, "build", "--out", out, "-")
		if r.code != exitInput {
			t.Errorf("stdin %q: exit %d, want exitInput (%d)", in, r.code, exitInput)
		}
		if !strings.HasPrefix(r.stderr, "kgbuild: ") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("stdin %q: stderr is not one \"kgbuild: \" line:\n%s", in, r.stderr)
		}
		if !strings.Contains(r.stderr, "stdin") && !strings.Contains(r.stderr, "kgbuild: -:") {
			t.Errorf("stdin %q: stderr names neither stdin nor -:\n%s", in, r.stderr)
		}
		wantExactly(t, out, nil)
	}
}

// TestUsageErrors checks bad command lines: exitUsage, a message saying
// what is wrong, and nothing written (not even the output directory).
func TestUsageErrors(t *testing.T) {
	sample := samplePath(t)
	tests := []struct {
		name string
		args []string // after "kgbuild"; "OUT" is replaced by the output dir
		msg  string
	}{
		{"no arguments", nil, "Usage:"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"build", "--out", "OUT", "--frobnicate", sample}, "flag provided but not defined: -frobnicate"},
		{"unknown format", []string{"build", "--out", "OUT", "--format", "xml", sample}, `unknown format "xml"`},
		{"unknown format in list", []string{"build", "--out", "OUT", "--format", "ttl,rdfxml", sample}, `unknown format "rdfxml"`},
		{"empty format", []string{"build", "--out", "OUT", "--format", " , ", sample}, "no format given"},
		{"relative base", []string{"build", "--out", "OUT", "--base", "notanIRI", sample}, `--base: "notanIRI"`},
		{"base without slash", []string{"build", "--out", "OUT", "--base", "http://x.org/no-slash", sample}, `--base: "http://x.org/no-slash"`},
		{"base with space", []string{"build", "--out", "OUT", "--base", "http://x.org/a b/", sample}, "--base"},
		{"no files", []string{"build", "--out", "OUT"}, "no input files"},
		{"same name twice", []string{"build", "--out", "OUT", sample, sharedSeedOr(sample)}, "would both write"},
		{"stdin twice", []string{"build", "--out", "OUT", "-", "-"}, "would both write"},
		{"stdin and stdin.txt", []string{"build", "--out", "OUT", "-", "x/stdin.txt"}, "would both write"},
		{"flag value missing", []string{"build", "--out"}, "flag needs an argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				if a == "OUT" {
					a = out
				}
				args[i] = a
			}
			r := runArgs("", args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want exitUsage (%d); stderr:\n%s", r.code, exitUsage, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr does not say %q:\n%s", tc.msg, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a usage error created the output directory: %s", dirNames(t, out))
			}
		})
	}
}

// sharedSeedOr is another path to a file named like the sample: the seed
// in ../shared, or the sample under a different spelling of its path.
func sharedSeedOr(sample string) string {
	if _, err := os.Stat(sharedSeed); err == nil && sample != sharedSeed {
		return sharedSeed
	}
	return "./" + sample
}

// TestHelp: help exits 0 and documents every build flag.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runArgs("", args...)
		if r.code != exitOK {
			t.Errorf("%q: exit %d", args, r.code)
		}
		all := r.stdout + r.stderr
		for _, f := range []string{"--out", "--format", "--base", "build", "version", "ontology"} {
			if !strings.Contains(all, f) {
				t.Errorf("%q does not mention %s:\n%s", args, f, all)
			}
		}
	}
	for _, args := range [][]string{{"build", "--help"}, {"build", "-h"}, {"help", "build"}} {
		r := runArgs("", args...)
		if r.code != exitOK {
			t.Errorf("%q: exit %d", args, r.code)
		}
		all := r.stdout + r.stderr
		for _, f := range []string{"out", "format", "base", "quiet"} {
			// The synopsis and flag.PrintDefaults ("  -out DIR").
			if !strings.Contains(all, "\n  -"+f) {
				t.Errorf("%q does not document -%s:\n%s", args, f, all)
			}
		}
		for _, f := range []string{"--out", "--format", "--base"} {
			if !strings.Contains(all, f) {
				t.Errorf("%q does not mention %s:\n%s", args, f, all)
			}
		}
		if strings.Contains(all, "kgbuild: ") {
			t.Errorf("%q reports an error:\n%s", args, all)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, cmd := range []string{"version", "--version"} {
		r := runArgs("", cmd)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "kgbuild ") || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, want one line \"kgbuild VERSION\"", cmd, r.code, r.stdout)
		}
		if got, want := r.stdout, fmt.Sprintf("kgbuild %s\n", version); got != want {
			t.Errorf("%s: %q, want %q", cmd, got, want)
		}
	}
}

func TestOntologyCommand(t *testing.T) {
	r := runArgs("", "ontology")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "@prefix") || !strings.Contains(r.stdout, "owl:Ontology") {
		t.Errorf("ontology output is not the Turtle ontology:\n%.500s", r.stdout)
	}
}

// TestFormats checks --format: only the formats asked for are written, by
// any of their names, extensions or media types, each once.
func TestFormats(t *testing.T) {
	sample := samplePath(t)
	full := t.TempDir()
	buildInto(t, full, sample)
	tests := []struct {
		format string
		exts   []string
	}{
		{"nt", []string{".nt"}},
		{"ttl", []string{".ttl"}},
		{"jsonld", []string{".jsonld"}},
		{".ttl,application/ld+json", []string{".ttl", ".jsonld"}},
		{"turtle,n-triples", []string{".ttl", ".nt"}},
		{"TTL, text/turtle; charset=utf-8,ttl", []string{".ttl"}},
		{"application/n-triples", []string{".nt"}},
		{"json-ld", []string{".jsonld"}},
		{"out.nt,x.jsonld", []string{".nt", ".jsonld"}},
		{"ttl,jsonld,nt", allExts},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			out := t.TempDir()
			r := runArgs("", "build", "--out", out, "--quiet", "--format", tc.format, sample)
			if r.code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			wantExactly(t, out, outputNames(sampleName, tc.exts...))
			// A format written alone is the same as in a full build.
			for _, ext := range tc.exts {
				name := sampleName + ext
				if a, b := readFile(t, filepath.Join(out, name)), readFile(t, filepath.Join(full, name)); !bytes.Equal(a, b) {
					t.Errorf("%s differs from the full build's: %s", name, firstDiff(a, b))
				}
			}
		})
	}
}

// TestBase checks that --base moves every minted node and that a base
// ending in '#' works too.
func TestBase(t *testing.T) {
	sample := samplePath(t)
	for _, base := range []string{"http://example.com/kg/", "urn:x-kg:test#"} {
		out := t.TempDir()
		r := runArgs("", "build", "--out", out, "--quiet", "--format", "nt", "--base", base, sample)
		if r.code != exitOK {
			t.Fatalf("--base %s: exit %d, stderr:\n%s", base, r.code, r.stderr)
		}
		nt := string(readFile(t, filepath.Join(out, sampleName+".nt")))
		if !strings.Contains(nt, "<"+base) {
			t.Errorf("--base %s: no IRI under the base in the N-Triples", base)
		}
		if strings.Contains(nt, "<https://example.org/kgbuild/resource/") {
			t.Errorf("--base %s: IRIs under the default base remain", base)
		}
	}
}

// TestOutputDirUnwritable: an --out that is a file is exitOutput.
func TestOutputDirUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runArgs("", "build", "--out", file, "--quiet", samplePath(t))
	if r.code != exitOutput {
		t.Errorf("exit %d, want exitOutput (%d); stderr:\n%s", r.code, exitOutput, r.stderr)
	}
	checkOneLineError(t, r.stderr, file)
}

// TestFormatNamesTheFiles: --format names exactly the files written, so a
// tool taking DIR/*.ttl finds the article's graph; the dataset description
// comes with the default formats, or with --format and --dataset.
func TestFormatNamesTheFiles(t *testing.T) {
	sample := samplePath(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--format", "ttl"}, []string{"government-of-kazakhstan.ttl"}},
		{[]string{"--format", "ttl", "--dataset"}, []string{"dataset.jsonld", "dataset.ttl", "government-of-kazakhstan.ttl"}},
		{nil, []string{"dataset.jsonld", "dataset.ttl", "government-of-kazakhstan.jsonld", "government-of-kazakhstan.nt", "government-of-kazakhstan.ttl"}},
		{[]string{"--dataset=false"}, []string{"government-of-kazakhstan.jsonld", "government-of-kazakhstan.nt", "government-of-kazakhstan.ttl"}},
	} {
		dir := t.TempDir()
		args := append(append([]string{"build", "--out", dir, "--quiet"}, tc.args...), sample)
		if r := runArgs("", args...); r.code != exitOK {
			t.Fatalf("kgbuild %v: exit %d\n%s", args, r.code, r.stderr)
		}
		wantExactly(t, dir, tc.want)
	}
}
