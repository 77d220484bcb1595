package wikitext

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

// TestSameAsPlainText reads each testdata/NAME.wiki that has a plain-text
// rendering NAME.txt (the article as a reader sees it, written for the
// test) and checks that the wikitext yields every entity (ID and type)
// and every fact (subject, relation, object, qualifiers) the plain text
// yields. What the wikitext yields beyond, from its links and infobox, is
// logged.
func TestSameAsPlainText(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.wiki")
	n := 0
	for _, wp := range paths {
		tp := strings.TrimSuffix(wp, ".wiki") + ".txt"
		plainData, err := os.ReadFile(tp)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		t.Run(filepath.Base(wp), func(t *testing.T) {
			wikiData, err := os.ReadFile(wp)
			if err != nil {
				t.Fatal(err)
			}
			wd, err := Parse(wp, wikiData)
			if err != nil {
				t.Fatal(err)
			}
			pd, err := extractor.Parse(tp, plainData)
			if err != nil {
				t.Fatal(err)
			}
			if wd.Title != pd.Title {
				t.Errorf("title %q, plain text's %q", wd.Title, pd.Title)
			}
			wr, pr := extractor.Extract(wd), extractor.Extract(pd)
			missing, extra := diffSets(items(pr), items(wr))
			for _, m := range missing {
				t.Errorf("only from plain text: %s", m)
			}
			for _, e := range extra {
				t.Logf("only from wikitext: %s", e)
			}
			if len(pr.Facts) == 0 || len(pr.Entities) == 0 {
				t.Errorf("plain text gives %d entities, %d facts: no comparison", len(pr.Entities), len(pr.Facts))
			}
		})
	}
	if n == 0 {
		t.Fatal("no testdata/*.wiki with a .txt rendering")
	}
}

// items lists a result's entities and facts, one string each.
func items(r *extractor.Result) []string {
	var out []string
	for _, e := range r.Entities {
		out = append(out, "entity "+e.ID+" "+string(e.Type))
	}
	for _, f := range r.Facts {
		out = append(out, "fact "+factString(f))
	}
	return out
}

// diffSets returns what is only in a and only in b, sorted.
func diffSets(a, b []string) (onlyA, onlyB []string) {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	for x := range ma {
		if !mb[x] {
			onlyA = append(onlyA, x)
		}
	}
	for x := range mb {
		if !ma[x] {
			onlyB = append(onlyB, x)
		}
	}
	sort.Strings(onlyA)
	sort.Strings(onlyB)
	return onlyA, onlyB
}
