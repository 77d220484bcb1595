package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/link"
)

// sampleIndex is the Wikidata candidate index of ../shared for the sample.
const sampleIndex = sharedDir + "/wikidata/kazakhstan-sample.srj"

// TestBuildLinkScore builds the sample with --link and the sample index and
// scores it: at least 44 of the gold's 46 links, none wrong, and entity and
// fact F1 as without linking (1.0 today).
func TestBuildLinkScore(t *testing.T) {
	if !haveShared() {
		t.Skip(needShared)
	}
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	if !haveRdflib() {
		t.Skip(needRdflib)
	}
	plain, linked := t.TempDir(), t.TempDir()
	buildInto(t, plain, samplePath(t))
	r := runArgs("", "build", "--out", linked, "--link", sampleIndex, samplePath(t))
	if r.code != exitOK {
		t.Fatalf("build --link: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if !regexp.MustCompile(`: \d+ entities, \d+ facts, \d+ linked → `).MatchString(r.stderr) {
		t.Errorf("report %q does not say how many entities were linked", r.stderr)
	}
	gold := filepath.Join(sharedDir, "gold", sampleName+".gold")
	base := kgscore(t, gold, sharedSeed, filepath.Join(plain, sampleName+".ttl"))
	for _, ext := range []string{".ttl", ".jsonld"} {
		s := kgscore(t, gold, sharedSeed, filepath.Join(linked, sampleName+ext))
		t.Logf("%s: links %v, wrong %v, missing %v, entity F1 %v, fact F1 %v", ext, s["links"], s["links_wrong"], s["links_missing"], s["entity_f1"], s["fact_f1"])
		found, total, ok := strings.Cut(s["links"].(string), "/")
		n, err1 := strconv.Atoi(found)
		m, err2 := strconv.Atoi(total)
		if !ok || err1 != nil || err2 != nil || m < 46 || n < 44 {
			t.Errorf("%s: links %v, want at least 44/46 (missing: %v)", ext, s["links"], s["links_missing"])
		}
		if w, ok := s["links_wrong"].([]any); !ok || len(w) != 0 {
			t.Errorf("%s: links wrong: %v", ext, s["links_wrong"])
		}
		for _, key := range []string{"entity_f1", "fact_f1"} {
			if s[key] != base[key] {
				t.Errorf("%s: %s = %v with links, %v without", ext, key, s[key], base[key])
			}
			if s[key] != 1.0 {
				missing, wrong := misses(s, key)
				t.Errorf("%s: %s = %v, want 1.0 (missing: %v; extra: %v)", ext, key, s[key], missing, wrong)
			}
		}
	}
	// The link nodes say how sure the linker was and why.
	ttl := string(readFile(t, filepath.Join(linked, sampleName+".ttl")))
	for _, want := range []string{"owl:sameAs wd:Q1520", "schema:sameAs wd:Q1520", "a kgo:WikidataLink",
		"kgo:item wd:Q1520", `kgo:evidence "label match 'Astana'`} {
		if !strings.Contains(ttl, want) {
			t.Errorf("linked Turtle lacks %q", want)
		}
	}
}

func TestBuildLinkErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("item,itemLabel\nAstana,Astana\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.srj")
	for _, c := range []struct {
		name, index, want string
	}{
		{"missing index", missing, "--link: " + missing + ": "},
		{"bad index", bad, "--link: " + bad + `:2: item "Astana" is not a Wikidata item`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(c.name, " ", "-"))
			r := runArgs("", "build", "--out", out, "--link", c.index, samplePath(t))
			if r.code != exitInput {
				t.Errorf("exit %d, want %d", r.code, exitInput)
			}
			if !strings.Contains(r.stderr, c.want) {
				t.Errorf("stderr %q, want it to contain %q", r.stderr, c.want)
			}
			checkOneLineError(t, r.stderr, c.index)
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output directory created although the index is bad (%v)", err)
			}
		})
	}
	if r := runArgs("", "help", "build"); !strings.Contains(r.stdout, "-link INDEX") {
		t.Errorf("build usage does not list --link:\n%s", r.stdout)
	}
}

// TestLinkCommandMatchesBuildLink links the plain build's graph, in every
// readable format, with the link command: the result is the graph build
// --link writes, byte for byte in Turtle, N-Triples and N-Quads (JSON-LD is
// read in json-gold's order: the same graph), and linking it again changes
// nothing. The linked Turtle scores as build --link's.
func TestLinkCommandMatchesBuildLink(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	plain, linked, dir := t.TempDir(), t.TempDir(), t.TempDir()
	formats := "ttl,nt,nq,jsonld,trig"
	for _, args := range [][]string{
		{"build", "--quiet", "--format", formats, "--out", plain, samplePath(t)},
		{"build", "--quiet", "--format", formats, "--out", linked, "--link", sampleIndex, samplePath(t)},
	} {
		if r := runArgs("", args...); r.code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	for _, ext := range []string{".ttl", ".nt", ".nq", ".jsonld", ".trig"} {
		in := filepath.Join(plain, sampleName+ext)
		want := filepath.Join(linked, sampleName+ext)
		out := filepath.Join(dir, "linked"+ext)
		r := runArgs("", "link", "--index", sampleIndex, "--out", out, in)
		if r.code != exitOK {
			t.Fatalf("link %s: exit %d\n%s", in, r.code, r.stderr)
		}
		if !regexp.MustCompile(`: 77 entities, \d+ linked \(`).MatchString(r.stderr) {
			t.Errorf("link %s: report %q", ext, r.stderr)
		}
		if ext == ".jsonld" {
			if got, w := readDataset(t, out), readDataset(t, want); got != w {
				t.Errorf("link %s: graph differs from build --link's: %s", ext, firstDiff([]byte(got), []byte(w)))
			}
		} else if got, w := readFile(t, out), readFile(t, want); string(got) != string(w) {
			t.Errorf("link %s: differs from build --link's: %s", ext, firstDiff(got, w))
		}
		// Across formats: Turtle in, N-Triples out.
		nt := filepath.Join(dir, "cross"+ext+".nt")
		if r := runArgs("", "link", "--quiet", "--index", sampleIndex, "--out", nt, in); r.code != exitOK {
			t.Fatalf("link %s → nt: exit %d\n%s", ext, r.code, r.stderr)
		}
		if got, w := sortedLines(readFile(t, nt)), sortedLines(readFile(t, filepath.Join(linked, sampleName+".nt"))); got != w {
			t.Errorf("link %s → nt: sorted N-Triples differ from build --link's", ext)
		}
		// Again: the links are replaced by the same links.
		again := filepath.Join(dir, "again"+ext)
		if r := runArgs("", "link", "--quiet", "--index", sampleIndex, "--out", again, want); r.code != exitOK {
			t.Fatalf("relink %s: exit %d\n%s", ext, r.code, r.stderr)
		}
		if readDataset(t, again) != readDataset(t, want) {
			t.Errorf("relinking build --link's %s changes the graph", ext)
		}
	}
	// Stdout, with --from and --format.
	r := runArgs(string(readFile(t, filepath.Join(plain, sampleName+".nt"))), "link", "--quiet", "--index", sampleIndex, "--from", "nt", "-")
	if r.code != exitOK || r.stdout != string(readFile(t, filepath.Join(linked, sampleName+".nt"))) {
		t.Errorf("link - (stdin to stdout): exit %d, output differs\n%s", r.code, r.stderr)
	}
	if haveShared() && haveRdflib() {
		gold := filepath.Join(sharedDir, "gold", sampleName+".gold")
		s := kgscore(t, gold, sharedSeed, filepath.Join(dir, "linked.ttl"))
		t.Logf("link command: links %v, wrong %v", s["links"], s["links_wrong"])
		if w, ok := s["links_wrong"].([]any); !ok || len(w) != 0 {
			t.Errorf("links wrong: %v", s["links_wrong"])
		}
		if n, err := strconv.Atoi(strings.Split(fmt.Sprint(s["links"]), "/")[0]); err != nil || n < 44 {
			t.Errorf("links %v, want at least 44/46", s["links"])
		}
	}
}

func sortedLines(b []byte) string {
	lines := strings.SplitAfter(string(b), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// TestLinkCommandErrors: bad input names the file and the position, and no
// output file is left behind.
func TestLinkCommandErrors(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index.csv")
	graph := filepath.Join(dir, "g.ttl")
	bad := filepath.Join(dir, "bad.ttl")
	empty := filepath.Join(dir, "empty.nt")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(index, "item,itemLabel,itemAltLabel\nhttp://www.wikidata.org/entity/Q1520,Astana,\n")
	write(graph, "@prefix schema: <https://schema.org/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"+
		"<https://example.org/kgbuild/resource/city/astana> a schema:City ; rdfs:label \"Astana\"@en .\n")
	write(bad, "@prefix schema: <https://schema.org/> .\n<a> schema:name \"x\n")
	write(empty, "")
	out := filepath.Join(dir, "out.ttl")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no index", []string{"link", graph}, exitUsage, "--index is required"},
		{"no graph", []string{"link", "--index", index}, exitUsage, "want one GRAPH"},
		{"missing graph", []string{"link", "--index", index, "--out", out, filepath.Join(dir, "nope.ttl")}, exitInput, "nope.ttl: no such file"},
		{"syntax error", []string{"link", "--index", index, "--out", out, bad}, exitInput, bad + ":2:"},
		{"no entities", []string{"link", "--index", index, "--out", out, empty}, exitInput, empty + ": no entities"},
		{"bad index", []string{"link", "--index", graph, "--out", out, graph}, exitInput, "--index: " + graph},
		{"unknown format", []string{"link", "--index", index, "--format", "xml", graph}, exitUsage, `unknown format "xml"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runArgs("", c.args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, c.code, c.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output file left behind (%v)", err)
			}
			if names := dirNames(t, dir); slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".tmp") }) {
				t.Errorf("temporary file left: %v", names)
			}
		})
	}
	// A graph without a document node: the default base; Astana is linked.
	r := runArgs("", "link", "--index", index, "--out", out, graph)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if got := string(readFile(t, out)); !strings.Contains(got, "owl:sameAs wd:Q1520") {
		t.Errorf("Astana not linked:\n%s", got)
	}
}

// TestIndexCommand writes compact indexes from the sample's SPARQL results
// and from a small Wikidata dump (gzip, bzip2, stdin): build --link with the
// compact index writes the same bytes as with the SPARQL results it came
// from, and link --index reads it too.
func TestIndexCommand(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	dir := t.TempDir()
	kgi := filepath.Join(dir, "sample.kgi")
	r := runArgs("", "index", "--out", kgi, sampleIndex)
	if r.code != exitOK || !strings.Contains(r.stderr, "→ "+kgi+": ") {
		t.Fatalf("index: exit %d\n%s", r.code, r.stderr)
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, c := range []struct{ out, index string }{{a, sampleIndex}, {b, kgi}} {
		if r := runArgs("", "build", "--quiet", "--format", "nt", "--out", c.out, "--link", c.index, samplePath(t)); r.code != exitOK {
			t.Fatalf("build --link %s: exit %d\n%s", c.index, r.code, r.stderr)
		}
	}
	if got, want := readFile(t, filepath.Join(b, sampleName+".nt")), readFile(t, filepath.Join(a, sampleName+".nt")); string(got) != string(want) {
		t.Errorf("build --link with the compact index differs from with the SPARQL results: %s", firstDiff(got, want))
	}
	out := filepath.Join(dir, "linked.nt")
	if r := runArgs("", "link", "--quiet", "--index", kgi, "--out", out, filepath.Join(a, sampleName+".nt")); r.code != exitOK {
		t.Fatalf("link --index kgi: exit %d\n%s", r.code, r.stderr)
	}
	if string(readFile(t, out)) != string(readFile(t, filepath.Join(a, sampleName+".nt"))) {
		t.Error("link --index with the compact index changes build --link's graph")
	}

	// Dumps, compressed or not, from a file or stdin: the same index.
	dump := "../../link/testdata/dump.json"
	var first []byte
	for i, args := range [][]string{
		{"index", "--out", filepath.Join(dir, "d0.kgi"), dump},
		{"index", "--out", filepath.Join(dir, "d1.kgi"), dump + ".gz"},
		{"index", "--out", filepath.Join(dir, "d2.kgi"), dump + ".bz2"},
		{"index", "--out", filepath.Join(dir, "d3.kgi"), "-"},
	} {
		stdin := ""
		if args[len(args)-1] == "-" {
			stdin = string(readFile(t, dump))
		}
		r := runArgs(stdin, args...)
		if r.code != exitOK || !strings.Contains(r.stderr, "Wikidata JSON dump, 5 entities, 3 items with names in en,kk,ru") {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		got := readFile(t, args[2])
		if i == 0 {
			first = got
		} else if string(got) != string(first) {
			t.Errorf("%v: index differs from the plain dump's", args)
		}
	}
	r = runArgs("", "index", "--quiet", "--lang", "de", "--min-sitelinks", "1", "--out", filepath.Join(dir, "de.kgi"), dump)
	if r.code != exitOK {
		t.Fatalf("index --lang de: exit %d\n%s", r.code, r.stderr)
	}
	x, err := link.Load(filepath.Join(dir, "de.kgi"))
	if err != nil || x.Len() != 1 || x.Item("Q232").Name() != "Kasachstan" || x.Item("Q232").Enwiki != "Kazakhstan" {
		t.Errorf("--lang de --min-sitelinks 1: %v, %d items", err, x.Len())
	}

	// Errors: the file and line, no output left.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("[\n{\"type\":\"item\",\"id\":\"Q1\"},\n{\"type\":\n]\n"), 0o644)
	noOut := filepath.Join(dir, "none.kgi")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"index", "--out", noOut, bad}, exitInput, bad + ":3: column "},
		{[]string{"index", "--out", noOut, filepath.Join(dir, "missing.json")}, exitInput, "missing.json: no such file"},
		{[]string{"index", dump}, exitUsage, "--out is required"},
		{[]string{"index", "--out", noOut}, exitUsage, "no SOURCE"},
		{[]string{"index", "--lang", " ,", "--out", noOut, dump}, exitUsage, "--lang: no language"},
	} {
		r := runArgs("", c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
		if _, err := os.Stat(noOut); !os.IsNotExist(err) {
			t.Errorf("%v: output left behind", c.args)
		}
	}
}

// fakeWikidataAPI answers wbsearchentities (the items a name is a label or
// an alias of) and wbgetentities in Wikidata's formats from an index, and
// records the User-Agents it was sent.
func fakeWikidataAPI(t *testing.T, idx *link.Index, agents *[]string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*agents = append(*agents, r.UserAgent())
		q := r.URL.Query()
		lv := func(s string) map[string]string { return map[string]string{"language": "en", "value": s} }
		action := q.Get("action")
		if r.URL.Path != "/w/api.php" {
			action = ""
		}
		switch action {
		case "wbsearchentities":
			var out []map[string]any
			for _, c := range idx.Lookup(q.Get("search")) {
				out = append(out, map[string]any{"id": c.QID, "title": c.QID, "concepturi": "http://www.wikidata.org/entity/" + c.QID,
					"label": c.Name(), "match": map[string]string{"type": "label", "language": "en", "text": q.Get("search")}})
			}
			json.NewEncoder(w).Encode(map[string]any{"searchinfo": map[string]string{"search": q.Get("search")}, "search": out, "success": 1})
		case "wbgetentities":
			ents := map[string]any{}
			for _, id := range strings.Split(q.Get("ids"), "|") {
				c := idx.Item(id)
				var al []any
				for _, a := range append(slices.Clone(c.Labels[1:]), c.Aliases...) {
					al = append(al, lv(a))
				}
				ents[id] = map[string]any{"type": "item", "id": id, "labels": map[string]any{"en": lv(c.Name())},
					"aliases": map[string]any{"en": al}, "descriptions": map[string]any{}, "claims": map[string]any{}, "sitelinks": map[string]any{}}
			}
			json.NewEncoder(w).Encode(map[string]any{"entities": ents, "success": 1})
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
}

// TestBuildLinkWikidata builds the sample with --link wikidata against a
// local server speaking Wikidata's API with the sample index's items: the
// same graph as with the index; requests carry kgbuild's User-Agent with
// the contact; answers are cached, so that a second build asks nothing.
func TestBuildLinkWikidata(t *testing.T) {
	idx, err := link.Load(sampleIndex)
	if err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	var agents []string
	srv := fakeWikidataAPI(t, idx, &agents)
	defer srv.Close()
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	offline := filepath.Join(dir, "offline")
	if r := runArgs("", "build", "--quiet", "--format", "nt", "--out", offline, "--link", sampleIndex, samplePath(t)); r.code != exitOK {
		t.Fatalf("build --link index: exit %d\n%s", r.code, r.stderr)
	}
	want := readFile(t, filepath.Join(offline, sampleName+".nt"))
	asked := 0
	for run := range 2 {
		out := filepath.Join(dir, fmt.Sprint("online", run))
		r := runArgs("", "build", "--format", "nt", "--out", out, "--link", "wikidata", "--wikidata-api", srv.URL+"/w/api.php",
			"--link-cache", cache, "--link-rate", "1000", "--contact", "ops@example.org", samplePath(t))
		if r.code != exitOK {
			t.Fatalf("build --link wikidata: exit %d\n%s", r.code, r.stderr)
		}
		if got := readFile(t, filepath.Join(out, sampleName+".nt")); string(got) != string(want) {
			t.Errorf("run %d: --link wikidata differs from --link INDEX: %s", run, firstDiff(got, want))
		}
		if run == 0 {
			if asked = len(agents); asked == 0 {
				t.Fatal("no request made")
			}
			if ua := agents[0]; ua != "kgbuild/"+version+" ("+projectURL+"; ops@example.org)" {
				t.Errorf("User-Agent %q", ua)
			}
		}
	}
	if len(agents) != asked {
		t.Errorf("second build made %d requests, want none (all cached)", len(agents)-asked)
	}
	r := runArgs("", "link", "--quiet", "--index", "wikidata", "--wikidata-api", srv.URL+"/w/api.php", "--link-cache", cache,
		"--out", filepath.Join(dir, "linked.nt"), filepath.Join(dir, "online0", sampleName+".nt"))
	if r.code != exitOK || string(readFile(t, filepath.Join(dir, "linked.nt"))) != string(want) {
		t.Errorf("link --index wikidata: exit %d\n%s", r.code, r.stderr)
	}
	// A failing service: exit 1, nothing written.
	out := filepath.Join(dir, "failed")
	r = runArgs("", "build", "--out", out, "--link", "wikidata", "--wikidata-api", srv.URL+"/nope/api.php", "--link-cache", "off", "--link-rate", "1000", samplePath(t))
	if r.code != exitError || !strings.Contains(r.stderr, "HTTP 404") {
		t.Errorf("failing API: exit %d, stderr %q", r.code, r.stderr)
	}
	if names := dirNames(t, out); slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, sampleName) }) {
		t.Errorf("output written although linking failed: %v", names)
	}
}

// TestLinkByWikipediaArticle builds a wikitext article whose links give
// entities their English Wikipedia articles, with an index that has the
// items' enwiki titles: "Ministry of Defence", linked to the article
// "Ministry of Defence (Kazakhstan)", gets that article's item rather
// than the item labelled "Ministry of Defence"; build then link gives the
// same graph, through the compact index too.
func TestLinkByWikipediaArticle(t *testing.T) {
	wiki := "../../extractor/wikitext/testdata/government-of-kazakhstan.wiki"
	if _, err := os.Stat(wiki); err != nil {
		t.Skipf("needs %s: %v", wiki, err)
	}
	dir := t.TempDir()
	index := filepath.Join(dir, "index.csv")
	os.WriteFile(index, []byte("item,itemLabel,itemDescription,enwiki\n"+
		"http://www.wikidata.org/entity/Q90000001,Ministry of Defence,ministry of a government,https://en.wikipedia.org/wiki/Ministry_of_Defence_(United_Kingdom)\n"+
		"http://www.wikidata.org/entity/Q90000002,Ministry of Defence of the Republic of Kazakhstan,government ministry,Ministry_of_Defence_(Kazakhstan)\n"), 0o644)
	kgi := filepath.Join(dir, "index.kgi")
	if r := runArgs("", "index", "--quiet", "--out", kgi, index); r.code != exitOK {
		t.Fatalf("index: exit %d\n%s", r.code, r.stderr)
	}
	plain, linked := filepath.Join(dir, "plain"), filepath.Join(dir, "linked")
	buildInto(t, plain, wiki)
	if r := runArgs("", "build", "--quiet", "--out", linked, "--link", index, wiki); r.code != exitOK {
		t.Fatalf("build --link: exit %d\n%s", r.code, r.stderr)
	}
	name := "government-of-kazakhstan"
	ttl := string(readFile(t, filepath.Join(linked, name+".ttl")))
	for _, want := range []string{"organization:ministry-of-defence a schema:GovernmentOrganization", "owl:sameAs wd:Q90000002",
		`kgo:evidence "enwiki sitelink 'Ministry_of_Defence_(Kazakhstan)' (the article the text links)`} {
		if !strings.Contains(ttl, want) {
			t.Errorf("linked Turtle lacks %q", want)
		}
	}
	if strings.Contains(ttl, "wd:Q90000001") {
		t.Error("the UK ministry's item is linked")
	}
	for _, idx := range []string{index, kgi} {
		out := filepath.Join(dir, "re.nt")
		if r := runArgs("", "link", "--quiet", "--index", idx, "--out", out, filepath.Join(plain, name+".nt")); r.code != exitOK {
			t.Fatalf("link: exit %d\n%s", r.code, r.stderr)
		}
		if got, want := readFile(t, out), readFile(t, filepath.Join(linked, name+".nt")); string(got) != string(want) {
			t.Errorf("link --index %s differs from build --link: %s", filepath.Base(idx), firstDiff(got, want))
		}
	}
}

// TestBuildLinkReconcile builds the sample with --link URL against a local
// W3C Reconciliation API endpoint answering from the sample index (a
// candidate is a match when its label is the name asked): the names the
// endpoint matches are linked, every request a form POST with kgbuild's
// User-Agent.
func TestBuildLinkReconcile(t *testing.T) {
	idx, err := link.Load(sampleIndex)
	if err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	posts := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasPrefix(r.UserAgent(), "kgbuild/") {
			t.Errorf("%s with User-Agent %q", r.Method, r.UserAgent())
		}
		posts++
		var qs map[string]struct {
			Query string `json:"query"`
		}
		if err := json.Unmarshal([]byte(r.PostFormValue("queries")), &qs); err != nil {
			t.Errorf("queries: %v", err)
		}
		out := map[string]any{}
		for key, q := range qs {
			result := []any{}
			for _, c := range idx.Lookup(q.Query) {
				result = append(result, map[string]any{"id": c.QID, "name": c.Name(), "score": 100,
					"match": link.Fold(c.Name()) == link.Fold(q.Query), "type": []any{}})
			}
			out[key] = map[string]any{"result": result}
		}
		json.NewEncoder(w).Encode(out)
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "out")
	r := runArgs("", "build", "--format", "ttl", "--out", out, "--link", srv.URL+"/en/api", "--link-cache", "off", "--link-rate", "1000", samplePath(t))
	if r.code != exitOK {
		t.Fatalf("build --link URL: exit %d\n%s", r.code, r.stderr)
	}
	ttl := string(readFile(t, filepath.Join(out, sampleName+".ttl")))
	if posts == 0 || !strings.Contains(ttl, "owl:sameAs wd:Q1520") || !strings.Contains(r.stderr, " linked → ") {
		t.Errorf("%d posts; Astana not linked through the endpoint:\n%s", posts, r.stderr)
	}
}
