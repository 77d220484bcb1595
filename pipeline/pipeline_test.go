package pipeline

import (
	"os"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/link"
)

// sample is the sample article's text.
func sample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../examples/government-of-kazakhstan.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestArticle(t *testing.T) {
	text := sample(t)
	b := New(Options{})
	tests := []struct {
		name string
		a    corpus.Article
		doc  string // the document's name; "" for no graph
		err  string
	}{
		{"title", corpus.Article{ID: "7", Title: "Politics of Nowhere", Text: []byte(text), Markup: corpus.PlainText, Source: "c.jsonl:1"}, "politics-of-nowhere", ""},
		{"id", corpus.Article{ID: "Q 7", Text: []byte(text), Markup: corpus.PlainText, Source: "c.jsonl:2"}, "q-7", ""},
		{"file", corpus.Article{Path: "dir/some-article.txt", Title: "Ignored", Text: []byte(text), Markup: corpus.PlainText, Source: "dir/some-article.txt"}, "some-article", ""},
		{"empty", corpus.Article{Title: "Empty", Text: []byte(" \n\t"), Markup: corpus.PlainText, Source: "c.jsonl:3"}, "", ""},
		{"no-name", corpus.Article{Title: "?!", Text: []byte(text), Markup: corpus.PlainText, Source: "c.jsonl:4"}, "", "c.jsonl:4: the article has no name"},
		{"no-parser", corpus.Article{Title: "X", Text: []byte(text), Markup: corpus.Markup(9), Source: "c.jsonl:5"}, "", "c.jsonl:5: Markup(9) articles cannot be read"},
		{"binary", corpus.Article{Title: "Bin", Text: []byte("Good line.\nBad \x01 line.\n"), Markup: corpus.PlainText, Source: "c.jsonl:6"}, "", `c.jsonl:6: article "Bin", line 2, column 5 of its text: binary data`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := b.Article(&tc.a)
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.doc == "" {
				if out.NQuads != nil || out.Triples != 0 {
					t.Errorf("an empty article has a graph: %+v", out)
				}
				return
			}
			if out.Name != tc.doc {
				t.Errorf("name %q, want %q", out.Name, tc.doc)
			}
			graph := " <" + DocumentIRI("", tc.doc) + "> .\n"
			lines := strings.SplitAfter(strings.TrimSuffix(string(out.NQuads), "\n"), "\n")
			if len(lines) != out.Triples || out.Triples < 5 {
				t.Errorf("%d lines, %d triples counted", len(lines), out.Triples)
			}
			for _, l := range lines {
				if !strings.HasSuffix(l+"\n", graph) && !strings.HasSuffix(l, graph) {
					t.Fatalf("quad outside the document's graph: %s", l)
				}
			}
			if out.Entities == 0 || out.Facts == 0 {
				t.Errorf("%d entities, %d facts", out.Entities, out.Facts)
			}
			if tc.a.Title != "" && tc.a.Path == "" && !strings.Contains(string(out.NQuads), `"`+tc.a.Title+`"@en`) {
				t.Errorf("the document's title %q is not in its graph", tc.a.Title)
			}
		})
	}
}

// countingLinker records the documents it links; failing, it fails them.
type countingLinker struct {
	n    int
	fail bool
}

func (l *countingLinker) Link(res *extractor.Result) (link.Stats, error) {
	l.n++
	if l.fail {
		return link.Stats{}, errTest
	}
	return link.Stats{}, nil
}

type testError struct{}

func (testError) Error() string { return "service down" }

var errTest = testError{}

func TestArticleLinker(t *testing.T) {
	text := sample(t)
	a := corpus.Article{Title: "Politics of Nowhere", Text: []byte(text), Markup: corpus.PlainText, Source: "c.jsonl:1"}
	l := &countingLinker{}
	if _, err := New(Options{Linker: l}).Article(&a); err != nil || l.n != 1 {
		t.Errorf("linker called %d times, error %v", l.n, err)
	}
	l.fail = true
	if _, err := New(Options{Linker: l}).Article(&a); err == nil || err.Error() != "c.jsonl:1: service down" {
		t.Errorf("a linker's error: %v", err)
	}
}

// TestArticleSite: the links of a dump page are to articles of the dump's
// wiki, English Wikipedia when the dump does not say.
func TestArticleSite(t *testing.T) {
	b := New(Options{})
	text := []byte("The '''Mazhilis''' is a chamber of the [[Parliament of Kazakhstan]].")
	for site, want := range map[string]string{
		"kk.wikipedia.org": "<https://kk.wikipedia.org/wiki/Parliament_of_Kazakhstan>",
		"":                 "<https://en.wikipedia.org/wiki/Parliament_of_Kazakhstan>",
	} {
		out, err := b.Article(&corpus.Article{Title: "Mazhilis", Text: text, Markup: corpus.Wikitext, Source: "d.xml:3", Site: site})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out.NQuads), want+" <https://schema.org/about>") {
			t.Errorf("site %q: no sitelink %s in\n%s", site, want, out.NQuads)
		}
	}
}
