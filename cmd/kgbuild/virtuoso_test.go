package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/store"
)

// The Virtuoso integration test needs Debian's virtuoso-opensource
// (.ci/run installs it). It fails, saying why, when the server cannot be
// started: it never skips.
const (
	virtuosoBin   = "virtuoso-t"
	virtuosoISQL  = "isql-vt"
	virtuosoINI   = "/etc/virtuoso-opensource-7/virtuoso.ini"
	needVirtuoso  = "install Debian's virtuoso-opensource (DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource; .ci/run does)"
	queriesDir    = "../../queries"
	expectedDir   = queriesDir + "/expected"
	env1M         = "KGBUILD_VIRTUOSO_1M" // "1": also load the 1,000,000-triple file (.ci/run sets it)
	bench1MGraph  = "https://example.org/kgbuild/test/one-million"
	bench1MTriple = 1_000_000
)

// virtuoso is a Virtuoso server started by a test, on loopback ports of
// its own, with its database in a temporary directory.
type virtuoso struct {
	http string // http://127.0.0.1:PORT
	dir  string
	cmd  *exec.Cmd
	done chan error // the server's exit
	// gone: the server's early exit was already reported.
	gone bool
}

func (v *virtuoso) gsp() string    { return v.http + "/sparql-graph-crud" }
func (v *virtuoso) sparql() string { return v.http + "/sparql" }

// freePort asks the kernel for a free loopback port.
func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("virtuoso: no free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// virtuosoConfig rewrites Debian's virtuoso.ini: the database in dir, the
// SQL and HTTP servers on 127.0.0.1 at the given ports.
func virtuosoConfig(ini, dir string, sqlPort, httpPort int) (string, error) {
	section := ""
	var out strings.Builder
	sc := bufio.NewScanner(strings.NewReader(ini))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			section = strings.Trim(trimmed, "[]")
		}
		key, _, isKV := strings.Cut(trimmed, "=")
		key = strings.TrimSpace(key)
		switch {
		case !isKV || strings.HasPrefix(trimmed, ";"):
		case key == "ServerPort" && section == "Parameters":
			line = fmt.Sprintf("ServerPort = 127.0.0.1:%d", sqlPort)
		case key == "ServerPort" && section == "HTTPServer":
			line = fmt.Sprintf("ServerPort = 127.0.0.1:%d", httpPort)
		}
		line = strings.ReplaceAll(line, "/var/lib/virtuoso-opensource-7/db/", dir+"/")
		out.WriteString(line + "\n")
	}
	s := out.String()
	for _, want := range []string{fmt.Sprintf("127.0.0.1:%d", sqlPort), fmt.Sprintf("127.0.0.1:%d", httpPort), dir + "/virtuoso.db"} {
		if !strings.Contains(s, want) {
			return "", fmt.Errorf("%s: could not set %s (the file's layout changed?)", virtuosoINI, want)
		}
	}
	return s, sc.Err()
}

// startVirtuoso starts a server for the test and stops it when the test
// ends. It fails the test, with the reason, when the server cannot be
// started.
func startVirtuoso(t *testing.T) *virtuoso {
	t.Helper()
	bin, err := exec.LookPath(virtuosoBin)
	if err != nil {
		t.Fatalf("virtuoso: %s not found: %s", virtuosoBin, needVirtuoso)
	}
	isql, err := exec.LookPath(virtuosoISQL)
	if err != nil {
		t.Fatalf("virtuoso: %s not found: %s", virtuosoISQL, needVirtuoso)
	}
	ini, err := os.ReadFile(virtuosoINI)
	if err != nil {
		t.Fatalf("virtuoso: %v: %s", err, needVirtuoso)
	}
	// A port taken between freePort and the server's bind makes it exit:
	// then it is tried once more on other ports.
	var v *virtuoso
	var sqlPort int
	for attempt := 1; ; attempt++ {
		var exited bool
		v, sqlPort, exited, err = launchVirtuoso(t, bin, string(ini))
		if err == nil {
			break
		}
		if !exited || attempt == 2 {
			t.Fatalf("virtuoso: %v", err)
		}
		t.Logf("virtuoso: %v; trying other ports", err)
	}

	// SPARQL Update for the anonymous SPARQL user, as LIBRARIES.md says.
	grant := `exec=GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);`
	out, err := exec.Command(isql, fmt.Sprintf("127.0.0.1:%d", sqlPort), "dba", "dba", grant).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") {
		t.Fatalf("virtuoso: %s %s failed (%v):\n%s", virtuosoISQL, grant, err, out)
	}
	return v
}

// launchVirtuoso starts a server on two free ports with its database in
// a new temporary directory and waits until it answers; exited tells that
// it ended before it was ready. The server is stopped when the test ends.
func launchVirtuoso(t *testing.T, bin, ini string) (v *virtuoso, sqlPort int, exited bool, err error) {
	dir := t.TempDir()
	sqlPort, httpPort := freePort(t), freePort(t)
	for httpPort == sqlPort {
		httpPort = freePort(t)
	}
	cfg, err := virtuosoConfig(ini, dir, sqlPort, httpPort)
	if err != nil {
		return nil, 0, false, err
	}
	cfgPath := filepath.Join(dir, "virtuoso.ini")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		return nil, 0, false, err
	}
	logFile, err := os.Create(filepath.Join(dir, "server.out"))
	if err != nil {
		return nil, 0, false, err
	}
	defer logFile.Close()
	v = &virtuoso{http: fmt.Sprintf("http://127.0.0.1:%d", httpPort), dir: dir, done: make(chan error, 1)}
	v.cmd = exec.Command(bin, "+configfile", cfgPath, "+foreground")
	v.cmd.Dir = dir
	v.cmd.Stdout, v.cmd.Stderr = logFile, logFile
	if err := v.cmd.Start(); err != nil {
		return nil, 0, false, fmt.Errorf("cannot start %s: %v", bin, err)
	}
	go func() { v.done <- v.cmd.Wait() }()
	srv := v // v is nil on an error return
	t.Cleanup(func() { srv.stop(t) })
	t.Logf("virtuoso: pid %d, HTTP %s, SQL 127.0.0.1:%d, database in %s", v.cmd.Process.Pid, v.http, sqlPort, dir)

	// Ready when the SPARQL endpoint answers (10–30 s here).
	start := time.Now()
	ask := v.sparql() + "?query=" + url.QueryEscape("ASK {}")
	hc := &http.Client{Timeout: 10 * time.Second}
	for {
		select {
		case err := <-v.done:
			v.done <- err
			v.gone = true
			return nil, 0, true, fmt.Errorf("the server exited (%v) before it was ready:\n%s", err, v.logTail())
		default:
		}
		resp, err := hc.Get(ask)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(start) > virtuosoReady {
			return nil, 0, false, fmt.Errorf("not ready after %v (last: %v):\n%s", time.Since(start).Round(time.Second), err, v.logTail())
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Logf("virtuoso: ready in %.1f s", time.Since(start).Seconds())
	return v, sqlPort, false, nil
}

// virtuosoReady is how long the server may take to answer: 10–30 s
// here, more on a machine busy with other builds.
const virtuosoReady = 3 * time.Minute

// stop ends the server this test started (by its pid): SIGTERM, then
// SIGKILL after 20 s.
func (v *virtuoso) stop(t *testing.T) {
	if v.gone {
		return
	}
	select {
	case err := <-v.done:
		t.Errorf("virtuoso: the server had exited before the end of the test (%v):\n%s", err, v.logTail())
		return
	default:
	}
	v.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-v.done:
	case <-time.After(20 * time.Second):
		v.cmd.Process.Kill()
		<-v.done
		t.Logf("virtuoso: killed after SIGTERM was not heeded in 20 s")
	}
}

// logTail is the end of the server's log, for failure messages.
func (v *virtuoso) logTail() string {
	var b strings.Builder
	for _, name := range []string{"server.out", "virtuoso.log"} {
		data, _ := os.ReadFile(filepath.Join(v.dir, name))
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) > 15 {
			lines = lines[len(lines)-15:]
		}
		fmt.Fprintf(&b, "--- %s:\n%s\n", name, strings.Join(lines, "\n"))
	}
	return b.String()
}

// count is the number of triples in graph g.
func (v *virtuoso) count(t *testing.T, g string) int {
	t.Helper()
	res, err := (&store.Client{}).Select(context.Background(), v.sparql(), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <"+g+"> { ?s ?p ?o } }")
	if err != nil {
		t.Fatalf("count of <%s>: %v", g, err)
	}
	if len(res.Rows) != 1 {
		t.Fatalf("count of <%s>: %d rows", g, len(res.Rows))
	}
	n, err := strconv.Atoi(res.Rows[0]["n"].Value)
	if err != nil {
		t.Fatalf("count of <%s>: %v", g, err)
	}
	return n
}

// loadOK runs kgbuild load with args and fails the test unless it
// succeeds.
func loadOK(t *testing.T, args ...string) result {
	t.Helper()
	r := runArgs("", append([]string{"load"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("kgbuild load %s: exit %d:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// TestVirtuoso loads the sample into a real Virtuoso by both protocols
// and with digest authentication, checks the graph's triple count, runs
// every query of queries/ against the expected answers in
// queries/expected (rewritten with -update), and, with
// KGBUILD_VIRTUOSO_1M=1, loads 1,000,000 triples and reports the rate.
func TestVirtuoso(t *testing.T) {
	v := startVirtuoso(t)
	nt := sampleOut + ".nt"
	want := len(sampleLines(t))

	// GSP, then again (replaced, not doubled), then the Turtle and JSON-LD
	// files of the same graph.
	for _, f := range []string{nt, nt, sampleOut + ".ttl", sampleOut + ".jsonld"} {
		start := time.Now()
		loadOK(t, "--endpoint", v.gsp(), f)
		if got := v.count(t, sampleDoc); got != want {
			t.Fatalf("after loading %s by GSP: %d triples in <%s>, want %d (the lines of %s)", f, got, sampleDoc, want, nt)
		}
		t.Logf("GSP %s: %d triples in %.2f s", filepath.Base(f), want, time.Since(start).Seconds())
	}
	// SPARQL Update in batches of 500: DROP, then INSERT DATA three times.
	start := time.Now()
	loadOK(t, "--protocol", "update", "--batch", "500", "--endpoint", v.sparql(), nt)
	if got := v.count(t, sampleDoc); got != want {
		t.Fatalf("after loading by SPARQL Update: %d triples, want %d", got, want)
	}
	t.Logf("SPARQL Update: %d triples in %.2f s", want, time.Since(start).Seconds())
	// --append adds nothing new: every triple is there already.
	loadOK(t, "--append", "--endpoint", v.gsp(), nt)
	if got := v.count(t, sampleDoc); got != want {
		t.Fatalf("after appending the same triples: %d triples, want %d", got, want)
	}
	// Digest authentication as dba on the protected graph store.
	t.Setenv(store.EnvUser, "dba")
	t.Setenv(store.EnvPassword, "dba")
	loadOK(t, "--batch", "400", "--endpoint", v.gsp()+"-auth", nt)
	if got := v.count(t, sampleDoc); got != want {
		t.Fatalf("after loading with digest authentication: %d triples, want %d", got, want)
	}
	t.Setenv(store.EnvPassword, "not-the-password")
	r := runArgs("", "load", "--endpoint", v.gsp()+"-auth", nt)
	if r.code != exitOutput || !strings.Contains(r.stderr, "401") || strings.Contains(r.stderr, "not-the-password") {
		t.Errorf("wrong password: exit %d: %s", r.code, r.stderr)
	}
	os.Unsetenv(store.EnvUser)
	os.Unsetenv(store.EnvPassword)
	// A 4xx from the real server stops the load with its message: Virtuoso
	// 7.2 refuses an INSERT DATA of 3,000 short triples (400, "SP031 …
	// generated SQL text has exceeded 10000 lines" or "SP030 … memory
	// exhausted"), which is why update batches are 1,000 by default.
	big := filepath.Join(t.TempDir(), "short.nt")
	if err := writeMillion(big, 3000); err != nil {
		t.Fatal(err)
	}
	r = runArgs("", "load", "--protocol", "update", "--batch", "3000", "--graph", bench1MGraph, "--endpoint", v.sparql(), big)
	if r.code != exitOutput || !strings.Contains(r.stderr, ": 400 Bad Request: Virtuoso 37000 Error SP03") || strings.Contains(r.stderr, "attempts") {
		t.Errorf("oversized INSERT DATA: exit %d, want %d and a 400 with Virtuoso's message, not retried: %s", exitOutput, r.code, r.stderr)
	}
	t.Logf("4xx: %.300s", strings.TrimSpace(r.stderr))

	t.Run("queries", func(t *testing.T) { checkQueries(t, v) })

	if os.Getenv(env1M) != "1" {
		t.Logf("the 1,000,000-triple load runs with %s=1 (.ci/run sets it)", env1M)
		return
	}
	t.Run("1M", func(t *testing.T) { load1M(t, v) })
}

// checkQueries runs every queries/*.rq and compares the answers with
// queries/expected/NAME.tsv.
func checkQueries(t *testing.T, v *virtuoso) {
	files, err := filepath.Glob(filepath.Join(queriesDir, "*.rq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no queries in %s (%v)", queriesDir, err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		q := string(readFile(t, f))
		res, err := (&store.Client{}).Select(context.Background(), v.sparql(), q)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		got := resultsTSV(res)
		exp := filepath.Join(expectedDir, name+".tsv")
		if *update {
			if err := os.WriteFile(exp, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d rows written to %s", name, strings.Count(got, "\n")-1, exp)
			continue
		}
		want, err := os.ReadFile(exp)
		if err != nil {
			t.Errorf("%s: %v (write it with go test ./cmd/kgbuild -run TestVirtuoso -update)", name, err)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: the answers differ from %s (if out/ changed on purpose, rewrite them with go test ./cmd/kgbuild -run TestVirtuoso -update and check the diff):\n%s",
				name, exp, lineDiff(string(want), got))
		}
		if strings.Count(got, "\n") < 2 {
			t.Errorf("%s: no answers", name)
		}
	}
}

// resultsTSV writes results as a header of ?variables and one line per
// row, terms in N-Triples syntax (language tags lowercased, xsd:string
// implicit), an unbound variable as an empty cell, rows sorted: the order
// among ties of ORDER BY is the store's choice.
func resultsTSV(res *store.Results) string {
	var header []string
	for _, v := range res.Vars {
		header = append(header, "?"+v)
	}
	var rows []string
	for _, row := range res.Rows {
		var cells []string
		for _, v := range res.Vars {
			if term, ok := row[v]; ok {
				cells = append(cells, term.String())
			} else {
				cells = append(cells, "")
			}
		}
		rows = append(rows, strings.Join(cells, "\t"))
	}
	slices.Sort(rows)
	return strings.Join(header, "\t") + "\n" + strings.Join(append(rows, ""), "\n")
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// load1M generates 1,000,000 distinct triples, loads them by GSP in
// batches of 100,000 and reports the rate.
func load1M(t *testing.T, v *virtuoso) {
	path := filepath.Join(t.TempDir(), "one-million.nt")
	if err := writeMillion(path, bench1MTriple); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	start := time.Now()
	r := loadOK(t, "--endpoint", v.gsp(), "--graph", bench1MGraph, "--batch", "100000", path)
	d := time.Since(start)
	if got := v.count(t, bench1MGraph); got != bench1MTriple {
		t.Fatalf("%d triples in <%s>, want %d", got, bench1MGraph, bench1MTriple)
	}
	if !strings.Contains(r.stderr, "in 10 requests (gsp)") {
		t.Errorf("report: %s", r.stderr)
	}
	t.Logf("1M: %d triples (%.1f MB of N-Triples) loaded by GSP in batches of 100,000 in %.1f s: %.0f triples/s (check pass included)",
		bench1MTriple, float64(fi.Size())/1e6, d.Seconds(), bench1MTriple/d.Seconds())
}

// writeMillion writes n distinct triples as N-Triples: ten a subject, with
// IRIs, language-tagged strings in several scripts, integers and dates.
func writeMillion(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	const kg = "https://example.org/kgbuild/test/"
	names := []string{"Almaty", "Астана", "Qaraǵandy", "Шымкент", "Aqtóbe \"East\"", "阿拉木图"}
	for i := range n {
		s, k := i/10, i%10
		fmt.Fprintf(w, "<%sentity/%d> ", kg, s)
		switch k {
		case 0:
			fmt.Fprintf(w, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sClass%d> .\n", kg, s%7)
		case 1, 2:
			name := strings.ReplaceAll(names[(s+k)%len(names)], `"`, `\"`)
			fmt.Fprintf(w, "<http://www.w3.org/2000/01/rdf-schema#label> \"%s %d\"@%s .\n", name, s, []string{"en", "kk"}[k-1])
		case 3:
			fmt.Fprintf(w, "<%spopulation> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", kg, s*37%1000003)
		case 4:
			fmt.Fprintf(w, "<%sfounded> \"%04d-%02d-%02d\"^^<http://www.w3.org/2001/XMLSchema#date> .\n", kg, 1800+s%220, 1+s%12, 1+s%28)
		default:
			fmt.Fprintf(w, "<%slinks%d> <%sentity/%d> .\n", kg, k, kg, (s*31+k)%(n/10))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// TestVirtuosoConfig: the ini rewriting touches what it must.
func TestVirtuosoConfig(t *testing.T) {
	ini := `[Database]
DatabaseFile       = /var/lib/virtuoso-opensource-7/db/virtuoso.db
[Parameters]
ServerPort               = 1111
;ServerPort = 9
[HTTPServer]
ServerPort                  = 8890
`
	got, err := virtuosoConfig(ini, "/tmp/v", 2000, 3000)
	if err != nil {
		t.Fatal(err)
	}
	want := `[Database]
DatabaseFile       = /tmp/v/virtuoso.db
[Parameters]
ServerPort = 127.0.0.1:2000
;ServerPort = 9
[HTTPServer]
ServerPort = 127.0.0.1:3000
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := virtuosoConfig("[Parameters]\n", "/tmp/v", 1, 2); err == nil {
		t.Error("an ini without ports accepted")
	}
}

// rdflibQueries runs each query file given after the graph with rdflib
// and prints its answers as resultsTSV does, each preceded by a line
// "== NAME".
const rdflibQueries = `
import os, sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="nt")
def term(t):
    if t is None: return ""
    if isinstance(t, rdflib.URIRef): return "<%s>" % t
    if isinstance(t, rdflib.BNode): return "_:" + t
    s = '"' + str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'
    if t.language: return s + "@" + t.language.lower()
    if t.datatype and str(t.datatype) != "http://www.w3.org/2001/XMLSchema#string": return s + "^^<%s>" % t.datatype
    return s
for f in sys.argv[2:]:
    r = g.query(open(f, encoding="utf-8").read())
    vs = [str(v) for v in r.vars]
    rows = sorted("\t".join(term(row[v]) for v in vs) for row in r)
    sys.stdout.write("== " + os.path.basename(f)[:-3] + "\n" + "\t".join("?" + v for v in vs) + "\n" + "".join(x + "\n" for x in rows))
`

// TestQueriesRdflib: a second, independent SPARQL engine (rdflib) gives
// the expected answers of queries/ on out/, so that they are not
// Virtuoso's alone.
func TestQueriesRdflib(t *testing.T) {
	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	files, err := filepath.Glob(filepath.Join(queriesDir, "*.rq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no queries in %s (%v)", queriesDir, err)
	}
	out, err := exec.Command(python, append([]string{"-c", rdflibQueries, sampleOut + ".nt"}, files...)...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("rdflib: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("rdflib: %v", err)
	}
	answers := strings.Split(string(out), "== ")[1:]
	if len(answers) != len(files) {
		t.Fatalf("rdflib answered %d queries of %d", len(answers), len(files))
	}
	for _, a := range answers {
		name, got, _ := strings.Cut(a, "\n")
		want := string(readFile(t, filepath.Join(expectedDir, name+".tsv")))
		if got != want {
			t.Errorf("%s: rdflib's answers differ from queries/expected/%s.tsv:\n%s", name, name, lineDiff(want, got))
		}
	}
}

// TestVirtuosoEarlyExit: a server that ends before it is ready is
// reported as such, with its log, and not stopped again.
func TestVirtuosoEarlyExit(t *testing.T) {
	ini := "[Database]\nDatabaseFile = /var/lib/virtuoso-opensource-7/db/virtuoso.db\n[Parameters]\nServerPort = 1111\n[HTTPServer]\nServerPort = 8890\n"
	v, _, exited, err := launchVirtuoso(t, "/bin/false", ini)
	if v != nil || !exited || err == nil || !strings.Contains(err.Error(), "exited (exit status 1) before it was ready") || !strings.Contains(err.Error(), "--- server.out") {
		t.Errorf("got %v, exited %v, error %v", v, exited, err)
	}
}
