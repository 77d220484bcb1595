package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Paths are relative to the package directory, where go test runs.
const (
	exampleSample = "../../examples/government-of-kazakhstan.txt"
	// sharedDir is ../shared seen from the project root: scorer, gold,
	// seeds and corpus, shared by every checkout (CI always has it).
	sharedDir  = "../../../shared"
	sharedSeed = sharedDir + "/seeds/government-of-kazakhstan.txt"
	sampleName = "government-of-kazakhstan"
	python     = "/usr/bin/python3" // Debian's, with python3-rdflib
)

// allExts are the file name extensions of a default build, in the order
// the formats are listed by --format's default.
var allExts = []string{".ttl", ".jsonld", ".nt"}

// samplePath is the sample article: examples/ in the project, or the seed
// in ../shared it is a copy of.
func samplePath(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{exampleSample, sharedSeed} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	tb.Fatalf("sample article not found: neither %s nor %s exists", exampleSample, sharedSeed)
	return ""
}

// haveShared reports whether ../shared (scorer, gold, corpus) is present.
func haveShared() bool {
	fi, err := os.Stat(sharedDir)
	return err == nil && fi.IsDir()
}

const needShared = "needs ../shared (the scorer and gold); CI always has it"

var haveRdflib = sync.OnceValue(func() bool {
	return exec.Command(python, "-c", "import rdflib").Run() == nil
})

const needRdflib = "needs python3-rdflib: apt-get install -y python3-rdflib"

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

// runArgs calls run with args and stdin, capturing its output.
func runArgs(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// buildInto builds files into dir (quietly) and fails the test unless the
// build succeeds.
func buildInto(tb testing.TB, dir string, files ...string) {
	tb.Helper()
	args := append([]string{"build", "--out", dir, "--quiet"}, files...)
	if r := runArgs("", args...); r.code != exitOK {
		tb.Fatalf("kgbuild %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
}

// dirNames lists the names in dir, sorted; a missing dir lists nothing.
func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// outputNames are the files a build of NAME writes for exts, sorted.
func outputNames(name string, exts ...string) []string {
	var names []string
	for _, e := range exts {
		names = append(names, name+e)
	}
	slices.Sort(names)
	return names
}

// wantExactly fails unless dir holds exactly the files want: no other
// output and no temporary file (".NAME-….tmp") left behind.
func wantExactly(tb testing.TB, dir string, want []string) {
	tb.Helper()
	got := dirNames(tb, dir)
	if !slices.Equal(got, want) {
		tb.Errorf("%s holds %q, want exactly %q", dir, got, want)
	}
	for _, n := range got {
		if strings.HasSuffix(n, ".tmp") || strings.HasPrefix(n, ".") {
			tb.Errorf("%s: temporary file %s left behind", dir, n)
		}
	}
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g := strings.SplitAfter(string(got), "\n")
	w := strings.SplitAfter(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "first difference at line " + strconv.Itoa(i+1) + ":\n  out/:  " + quoteLine(wl) + "\n  built: " + quoteLine(gl)
		}
	}
	return "no line differs"
}

func quoteLine(s string) string {
	if s == "" {
		return "(end of file)"
	}
	s = strings.TrimSuffix(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// corpusFiles are the articles of ../shared/corpus, sorted.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir, "corpus", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(files)
	return files
}
