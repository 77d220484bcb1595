package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wikiSample is a wikitext article of the extractor's tests.
const wikiSample = "../../extractor/wikitext/testdata/government-of-kazakhstan.wiki"

// TestBuildWikitext builds a .wiki file: it is read as wikitext (no
// template or link markup in the quotes), and entities linked in it get
// their Wikipedia article as Wikidata writes sitelinks.
func TestBuildWikitext(t *testing.T) {
	out := t.TempDir()
	r := runArgs("", "build", "--out", out, "--format", "nt", wikiSample)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	nt := string(readFile(t, filepath.Join(out, "government-of-kazakhstan.nt")))
	for _, want := range []string{
		"<https://en.wikipedia.org/wiki/Kassym-Jomart_Tokayev> <https://schema.org/about> <https://example.org/kgbuild/resource/person/kassym-jomart-tokayev> .",
		"<https://en.wikipedia.org/wiki/Amanat_(party)> <https://schema.org/isPartOf> <https://en.wikipedia.org/> .",
		`"President Kassym-Jomart Tokayev Amanat 20 March 2019"`,
	} {
		if !strings.Contains(nt, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	for _, bad := range []string{"[[", "{{", "'''", "<ref"} {
		if strings.Contains(nt, bad) {
			t.Errorf("output holds wiki markup %q", bad)
		}
	}
}

// TestBuildWikitextMalformed: an unclosed template is an input error at
// its line and column, and nothing is written.
func TestBuildWikitextMalformed(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "broken.wikitext")
	if err := os.WriteFile(path, []byte("Intro.\n\nThe {{lang|kk|Қазақстан is here.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runArgs("", "build", "--out", out, path)
	if r.code != exitInput {
		t.Errorf("exit %d, want exitInput (%d)", r.code, exitInput)
	}
	checkOneLineError(t, r.stderr, path+":3:5: unclosed template")
	wantExactly(t, out, nil)
}
