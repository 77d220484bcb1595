package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
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
