package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

const (
	sampleOut = "../../out/" + sampleName
	sampleDoc = "https://example.org/kgbuild/resource/document/" + sampleName
)

// memStore is a test store keeping graphs as sets of N-Triples lines: it
// speaks the Graph Store Protocol on /gsp (PUT replaces, POST adds) and
// the INSERT DATA and DROP GRAPH of kgbuild's updates on /update.
type memStore struct {
	mu       sync.Mutex
	graphs   map[string]map[string]bool
	requests int
	auth     []string // Authorization headers seen
}

var (
	dropRE   = regexp.MustCompile(`^DROP SILENT GRAPH <([^>]*)> ;\n`)
	insertRE = regexp.MustCompile(`(?s)^INSERT DATA \{ GRAPH <([^>]*)> \{\n(.*)\} \}\n$`)
)

func newMemStore(t *testing.T) (*memStore, *httptest.Server) {
	s := &memStore{graphs: map[string]map[string]bool{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *memStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	add := func(g, lines string) {
		if s.graphs[g] == nil {
			s.graphs[g] = map[string]bool{}
		}
		for _, l := range strings.SplitAfter(lines, "\n") {
			if l != "" {
				s.graphs[g][l] = true
			}
		}
	}
	switch {
	case r.URL.Path == "/gsp" && r.Header.Get("Content-Type") == "application/n-triples":
		g := r.URL.Query().Get("graph")
		switch r.Method {
		case "PUT":
			delete(s.graphs, g)
		case "POST":
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		add(g, string(body))
	case r.URL.Path == "/update" && r.Method == "POST" && r.Header.Get("Content-Type") == "application/sparql-update":
		b := string(body)
		if m := dropRE.FindStringSubmatch(b); m != nil {
			delete(s.graphs, m[1])
			b = b[len(m[0]):]
		}
		m := insertRE.FindStringSubmatch(b)
		if m == nil {
			http.Error(w, "SP030: cannot parse the update", http.StatusBadRequest)
			return
		}
		add(m[1], m[2])
	default:
		http.Error(w, "SR005: no service at "+r.URL.Path, http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *memStore) graph(g string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for l := range s.graphs[g] {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

func (s *memStore) graphNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for g := range s.graphs {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// sampleLines are the sample's N-Triples lines, sorted.
func sampleLines(t *testing.T) []string {
	lines := strings.SplitAfter(string(readFile(t, sampleOut+".nt")), "\n")
	lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	slices.Sort(lines)
	return lines
}

// TestLoadSample: the sample's Turtle, N-Triples and JSON-LD, by GSP and
// by Update, land in the document's graph, whole, and loading again
// replaces the graph.
func TestLoadSample(t *testing.T) {
	want := sampleLines(t)
	for _, c := range []struct{ protocol, path, ext string }{
		{"gsp", "/gsp", ".nt"}, {"gsp", "/gsp", ".ttl"}, {"gsp", "/gsp", ".jsonld"},
		{"update", "/update", ".nt"}, {"update", "/update", ".ttl"},
	} {
		t.Run(c.protocol+c.ext, func(t *testing.T) {
			s, srv := newMemStore(t)
			for range 2 {
				r := runArgs("", "load", "--protocol", c.protocol, "--endpoint", srv.URL+c.path, "--batch", "300", sampleOut+c.ext)
				if r.code != exitOK {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
				if r.stdout != "" {
					t.Errorf("stdout: %q", r.stdout)
				}
				if want := fmt.Sprintf("sent %d triples to <%s> in %d requests (%s)", len(want), sampleDoc, (len(want)+299)/300, c.protocol); !strings.Contains(r.stderr, want) {
					t.Errorf("report: %q", r.stderr)
				}
			}
			if names := s.graphNames(); len(names) != 1 || names[0] != sampleDoc {
				t.Errorf("graphs %q, want [%s]", names, sampleDoc)
			}
			if got := s.graph(sampleDoc); !slices.Equal(got, want) {
				t.Errorf("graph has %d triples, want the %d of %s.nt", len(got), len(want), sampleOut)
			}
		})
	}
}

// TestLoadGraphs: named graphs go to their graphs, default-graph triples
// to --graph; --append adds; a file of triples without a document node
// needs --graph.
func TestLoadGraphs(t *testing.T) {
	dir := t.TempDir()
	nq := filepath.Join(dir, "two.nq")
	os.WriteFile(nq, []byte(`<http://ex.org/a> <http://ex.org/p> "1" <http://ex.org/g1> .
<http://ex.org/a> <http://ex.org/p> "2" <http://ex.org/g2> .
<http://ex.org/a> <http://ex.org/p> "3" .
<http://ex.org/a> <http://ex.org/p> "4" <http://ex.org/g1> .
`), 0o644)
	nt := filepath.Join(dir, "plain.nt")
	os.WriteFile(nt, []byte("<http://ex.org/a> <http://ex.org/p> \"5\" .\n"), 0o644)

	s, srv := newMemStore(t)
	r := runArgs("", "load", "--endpoint", srv.URL+"/gsp", nq)
	if r.code != exitUsage || !strings.Contains(r.stderr, "two.nq: 1 triples in no named graph and no document node") || s.requests != 0 {
		t.Errorf("no --graph: exit %d, %d requests, %s", r.code, s.requests, r.stderr)
	}
	r = runArgs("", "load", "--endpoint", srv.URL+"/gsp", "--graph", "http://ex.org/g3", nq, nt)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "two.nq: sent 4 triples to 3 graphs in 4 requests") {
		t.Errorf("report %q", r.stderr)
	}
	want := map[string]string{
		"http://ex.org/g1": `"1" "4"`, "http://ex.org/g2": `"2"`, "http://ex.org/g3": `"3" "5"`,
	}
	check := func() {
		t.Helper()
		for g, objs := range want {
			var got []string
			for _, l := range s.graph(g) {
				got = append(got, strings.Fields(l)[2])
			}
			if strings.Join(got, " ") != objs {
				t.Errorf("graph %s: %v, want %s", g, got, objs)
			}
		}
	}
	check()
	// Replacing: loading plain.nt alone into g3 leaves only "5" there.
	if r := runArgs("", "load", "--endpoint", srv.URL+"/gsp", "--graph", "http://ex.org/g3", nt); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	want["http://ex.org/g3"] = `"5"`
	check()
	// Appending adds.
	if r := runArgs("", "load", "--append", "--endpoint", srv.URL+"/gsp", "--graph", "http://ex.org/g2", nt); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	want["http://ex.org/g2"] = `"2" "5"`
	check()
	// stdin, with --format and --graph.
	if r := runArgs("<http://ex.org/a> <http://ex.org/p> \"6\" .\n", "load", "--endpoint", srv.URL+"/gsp", "--format", "nt", "--graph", "http://ex.org/g4", "-"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	want["http://ex.org/g4"] = `"6"`
	check()
}

// TestLoadBuildQuads: build's N-Quads and TriG name the document's graph,
// the one the triple formats go to.
func TestLoadBuildQuads(t *testing.T) {
	dir := t.TempDir()
	if r := runArgs("", "build", "--quiet", "--out", dir, "--format", "nq,trig", samplePath(t)); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	want := sampleLines(t)
	for _, ext := range []string{".nq", ".trig"} {
		s, srv := newMemStore(t)
		if r := runArgs("", "load", "--quiet", "--endpoint", srv.URL+"/gsp", filepath.Join(dir, sampleName+ext)); r.code != exitOK || r.stderr != "" {
			t.Fatalf("%s: exit %d: %q", ext, r.code, r.stderr)
		}
		if got := s.graph(sampleDoc); !slices.Equal(got, want) || len(s.graphNames()) != 1 {
			t.Errorf("%s: %d triples in %q", ext, len(got), s.graphNames())
		}
	}
}

func TestLoadDryRun(t *testing.T) {
	s, srv := newMemStore(t)
	t.Setenv("KGBUILD_TOKEN", "tok-secret-42")
	r := runArgs("", "load", "--dry-run", "--protocol", "update", "--endpoint", srv.URL+"/update", sampleOut+".nt")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if s.requests != 0 {
		t.Errorf("dry run sent %d requests", s.requests)
	}
	if strings.Count(r.stdout, "POST "+srv.URL+"/update\nContent-Type: application/sparql-update\n") != (len(sampleLines(t))+999)/1000 ||
		strings.Count(r.stdout, "DROP SILENT GRAPH <"+sampleDoc+"> ;\nINSERT DATA { GRAPH <"+sampleDoc+"> {\n") != 1 ||
		!strings.Contains(r.stdout, "Authorization: bearer token from KGBUILD_TOKEN (not shown)\n") {
		t.Errorf("dry run output:\n%.600s", r.stdout)
	}
	for _, l := range sampleLines(t) {
		if !strings.Contains(r.stdout, l) {
			t.Fatalf("dry run does not show %q", l)
		}
	}
	if strings.Contains(r.stdout+r.stderr, "tok-secret-42") {
		t.Error("the token is shown")
	}
	if want := fmt.Sprintf("would send %d triples to <%s> in %d requests (update)", len(sampleLines(t)), sampleDoc, (len(sampleLines(t))+999)/1000); !strings.Contains(r.stderr, want) {
		t.Errorf("report %q", r.stderr)
	}
}

func TestLoadCredentials(t *testing.T) {
	const password = "pa55-wörd"
	t.Setenv("KGBUILD_USER", "loader")
	t.Setenv("KGBUILD_PASSWORD", password)
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		u, p, ok := r.BasicAuth()
		mu.Lock()
		seen = append(seen, r.Header.Get("Authorization"))
		mu.Unlock()
		if !ok || u != "loader" || p != password {
			w.Header().Set("WWW-Authenticate", `Basic realm="kg"`)
			http.Error(w, "who are you?", http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	r := runArgs("", "load", "--endpoint", srv.URL+"/gsp", "--batch", "500", sampleOut+".nt")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if len(seen) != 4 || seen[0] != "" {
		t.Errorf("Authorization headers %q: want a challenge, then three requests authorized", seen)
	}
	t.Setenv("KGBUILD_PASSWORD", password+"x")
	r = runArgs("", "load", "--endpoint", srv.URL+"/gsp", sampleOut+".nt")
	if r.code != exitOutput || !strings.Contains(r.stderr, "401 Unauthorized: who are you? (the store refused the credentials in KGBUILD_USER and KGBUILD_PASSWORD)") {
		t.Errorf("wrong password: exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, password) {
		t.Error("the password is shown")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := sampleOut + ".nt"
	bad := write("bad.nt", "<http://ex.org/a> <http://ex.org/p> \"1\" .\n<http://ex.org/a> <http://ex.org/p> \"2 .\n")
	blankGraph := write("blank.nq", "<http://ex.org/a> <http://ex.org/p> \"1\" _:g .\n")
	spaceGraph := write("space.nq", "<http://ex.org/a> <http://ex.org/p> \"1\" <http://ex.org/g1> .\n<http://ex.org/a> <http://ex.org/p> \"1\" <http://ex.org/a\\u0020b> .\n")
	s, srv := newMemStore(t)
	gsp := srv.URL + "/gsp"
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no endpoint", []string{good}, exitUsage, "--endpoint is required"},
		{"no files", []string{"--endpoint", gsp}, exitUsage, "no input files"},
		{"bad protocol", []string{"--endpoint", gsp, "--protocol", "rest", good}, exitUsage, `protocol "rest"`},
		{"bad graph", []string{"--endpoint", gsp, "--graph", "not an iri", good}, exitUsage, "--graph"},
		{"credentials in URL", []string{"--endpoint", "http://bob:hunter2@127.0.0.1:1/gsp", good}, exitUsage, "has credentials in it"},
		{"unknown extension", []string{"--endpoint", gsp, write("x.txt", "")}, exitUsage, "no format known"},
		{"stdin without format", []string{"--endpoint", gsp, "-"}, exitUsage, "--format is needed"},
		{"missing file", []string{"--endpoint", gsp, filepath.Join(dir, "none.nt")}, exitInput, "none.nt: no such file"},
		// The good file is not sent: every file is checked first.
		{"syntax error", []string{"--endpoint", gsp, good, bad}, exitInput, "bad.nt:2:"},
		{"blank graph", []string{"--endpoint", gsp, blankGraph}, exitInput, "blank.nq:1: graph _:g is a blank node"},
		{"graph with a space", []string{"--endpoint", gsp, spaceGraph}, exitInput, "space.nq:2:41: nquads: IRI <http://ex.org/a b>"},
		{"4xx", []string{"--endpoint", srv.URL + "/nowhere", good}, exitOutput, "404 Not Found: SR005: no service at /nowhere"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runArgs("", append([]string{"load"}, c.args...)...)
			if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
				t.Errorf("exit %d, want %d; stderr %q, want %q", r.code, c.code, r.stderr, c.msg)
			}
			if strings.Contains(r.stderr, "hunter2") {
				t.Error("password shown")
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("more than one line: %q", r.stderr)
			}
		})
	}
	if n := len(s.graphNames()); n != 0 {
		t.Errorf("%d graphs written by failed loads", n)
	}
}

func TestLoadHelp(t *testing.T) {
	r := runArgs("", "load", "--help")
	if r.code != exitOK {
		t.Fatalf("exit %d", r.code)
	}
	for _, f := range []string{"endpoint", "graph", "append", "protocol", "dry-run", "format", "batch", "batch-bytes", "retries", "timeout", "quiet"} {
		if !strings.Contains(r.stdout, "\n  -"+f+" ") && !strings.Contains(r.stdout, "\n  -"+f+"\n") {
			t.Errorf("-%s not documented:\n%s", f, r.stdout)
		}
	}
	for _, v := range []string{"KGBUILD_USER", "KGBUILD_PASSWORD", "KGBUILD_TOKEN"} {
		if !strings.Contains(r.stdout, v) {
			t.Errorf("%s not documented", v)
		}
	}
	if r := runArgs("", "help"); !strings.Contains(r.stdout, "kgbuild load --endpoint URL") {
		t.Errorf("usage does not list load:\n%s", r.stdout)
	}
}

// TestLoadPlainProgress: off a terminal, progress comes as plain lines
// (here at every update: plainEvery is 0), and --quiet drops them.
func TestLoadPlainProgress(t *testing.T) {
	saved := plainEvery
	plainEvery = 0
	defer func() { plainEvery = saved }()
	_, srv := newMemStore(t)
	r := runArgs("", "load", "--endpoint", srv.URL+"/gsp", "--batch", "300", sampleOut+".nt")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"kgbuild: load: 300 triples sent, ", "kgbuild: load: 600 triples sent, "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.ContainsAny(r.stderr, "\r\x1b") {
		t.Errorf("terminal control characters off a terminal:\n%q", r.stderr)
	}
	if r := runArgs("", "load", "--quiet", "--endpoint", srv.URL+"/gsp", "--batch", "300", sampleOut+".nt"); r.stderr != "" {
		t.Errorf("--quiet: %q", r.stderr)
	}
}
