package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/internal/qsgrammar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// qsGolden is the QuickStatements of the sample built with the sample index.
const qsGolden = "testdata/" + sampleName + ".qs"

// qsSummaryRE is the summary the QuickStatements output gets in the report.
var qsSummaryRE = regexp.MustCompile(`\.qs \((\d+) statements \((\d+) lines\) written(, \d+ items created)?, (\d+) left out(: [^)]*)?\)`)

// TestBuildQuickStatementsGolden builds the sample with --link and
// --format qs: the output matches the golden file (go test -update
// rewrites it), every line is QuickStatements v1, the report counts the
// statements left out, and export gives the same bytes from the Turtle,
// N-Triples and JSON-LD of the same build.
func TestBuildQuickStatementsGolden(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s (../shared): %v", sampleIndex, err)
	}
	dir := t.TempDir()
	r := runArgs("", "build", "--out", dir, "--format", "ttl,nt,jsonld,qs", "--link", sampleIndex, samplePath(t))
	if r.code != exitOK {
		t.Fatalf("build: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	m := qsSummaryRE.FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("report does not summarize the QuickStatements: %q", r.stderr)
	}
	if m[4] == "0" || !strings.Contains(m[5], "not linked") {
		t.Errorf("summary %q: the sample has unlinked entities, their statements are left out", m[0])
	}
	got, err := os.ReadFile(filepath.Join(dir, sampleName+".qs"))
	if err != nil {
		t.Fatal(err)
	}
	if err := qsgrammar.Check(got); err != nil {
		t.Errorf("%s.qs breaks the QuickStatements grammar:\n%v", sampleName, err)
	}
	if n := strings.Count(string(got), "\n"); m[2] != strconv.Itoa(n) {
		t.Errorf("summary says %s lines, the file has %d", m[2], n)
	}
	for _, want := range []string{"\tP580\t+", "\tS1683\ten:\"", "Q232\tP36\tQ1520"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("%s.qs has no %q", sampleName, want)
		}
	}
	if *update {
		if err := os.WriteFile(qsGolden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(qsGolden)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/kgbuild -run TestBuildQuickStatementsGolden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s.qs differs from %s (go test ./cmd/kgbuild -run TestBuildQuickStatementsGolden -update rewrites it):\n%s", sampleName, qsGolden, firstDiff(got, want))
	}

	for _, ext := range []string{".ttl", ".nt", ".jsonld"} {
		out := filepath.Join(dir, "export"+ext+".qs")
		r := runArgs("", "export", "--format", "qs", "--out", out, filepath.Join(dir, sampleName+ext))
		if r.code != exitOK {
			t.Fatalf("export %s: exit %d, stderr:\n%s", ext, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, "left out") {
			t.Errorf("export %s: no summary on stderr: %q", ext, r.stderr)
		}
		exported, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(exported, got) {
			t.Errorf("export from %s differs from build's:\n%s", ext, firstDiff(exported, got))
		}
	}

	// --qs-create: items for the unlinked entities, still valid.
	r = runArgs("", "export", "--qs-create", filepath.Join(dir, sampleName+".ttl"))
	if r.code != exitOK {
		t.Fatalf("export --qs-create: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "CREATE\nLAST\tLen\t\"") || !strings.Contains(r.stderr, "items created") {
		t.Errorf("export --qs-create wrote no CREATE block or did not count them; stderr %q", r.stderr)
	}
	if err := qsgrammar.Check([]byte(r.stdout)); err != nil {
		t.Errorf("export --qs-create breaks the QuickStatements grammar:\n%v", err)
	}
}

// TestExportErrors: bad command lines and inputs fail with the right exit
// code and leave no output file.
func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ttl")
	if err := os.WriteFile(bad, []byte("<urn:a> <urn:b> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.qs")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export"}, exitUsage, "want one GRAPH"},
		{[]string{"export", "--format", "ttl", bad}, exitUsage, "export writes qs"},
		{[]string{"export", "--out", out, filepath.Join(dir, "missing.ttl")}, exitInput, "missing.ttl"},
		{[]string{"export", "--out", out, bad}, exitInput, "bad.ttl:1:"},
		{[]string{"export", "-"}, exitUsage, "--from is needed"},
	} {
		r := runArgs("", tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.msg)
		}
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestLinkThenExportQuickStatements: building without links, linking the
// graph with 'kgbuild link' and exporting it gives the golden file too.
func TestLinkThenExportQuickStatements(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s (../shared): %v", sampleIndex, err)
	}
	dir := t.TempDir()
	buildInto(t, dir, samplePath(t))
	linked := filepath.Join(dir, "linked.nt")
	if r := runArgs("", "link", "--index", sampleIndex, "--out", linked, filepath.Join(dir, sampleName+".ttl")); r.code != exitOK {
		t.Fatalf("link: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	r := runArgs("", "export", "--format", "qs", linked)
	if r.code != exitOK {
		t.Fatalf("export: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	want, err := os.ReadFile(qsGolden)
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("link + export differs from %s:\n%s", qsGolden, firstDiff([]byte(r.stdout), want))
	}
}
