package extractor

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Where the sample article and the shared corpus are, relative to the
// package directory.
const (
	samplePath     = "../examples/government-of-kazakhstan.txt"
	sharedSample   = "../../shared/seeds/government-of-kazakhstan.txt"
	sharedCorpusGl = "../../shared/corpus/*.txt"
)

// article is a test input read from disk.
type article struct {
	name, path string
	data       []byte
}

// sampleArticle returns the sample article, from examples/ or else from
// ../shared/seeds; ok is false when neither exists.
func sampleArticle(t testing.TB) (article, bool) {
	t.Helper()
	for _, p := range []string{samplePath, sharedSample} {
		data, err := os.ReadFile(p)
		if err == nil {
			return article{DocName(p), p, data}, true
		}
		if !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return article{}, false
}

// corpusArticles returns the articles of ../shared/corpus, sorted by name;
// none when the corpus is not checked out.
func corpusArticles(t testing.TB) []article {
	t.Helper()
	paths, err := filepath.Glob(sharedCorpusGl)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var out []article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, article{DocName(p), p, data})
	}
	return out
}

// allArticles returns the sample and the corpus, saying which are missing.
func allArticles(t testing.TB) []article {
	t.Helper()
	var arts []article
	if a, ok := sampleArticle(t); ok {
		arts = append(arts, a)
	} else {
		t.Logf("sample article missing: neither %s nor %s exists", samplePath, sharedSample)
	}
	corpus := corpusArticles(t)
	if len(corpus) == 0 {
		t.Logf("corpus missing: no files match %s (../shared is not checked out next to the project)", sharedCorpusGl)
	}
	return append(arts, corpus...)
}

// objectString writes a value compactly: an entity by its ID, any other
// value by its key ("d:2022-01-11", "i:101", "q:4 year", "s:hy:…").
func objectString(v Value) string {
	if v.Kind == EntityValue {
		return v.Entity
	}
	return v.Key()
}

// factString writes a fact as "subject relation object [q=v q=v]".
func factString(f Fact) string {
	s := f.Subject + " " + string(f.Relation) + " " + objectString(f.Object)
	if len(f.Qualifiers) > 0 {
		var qs []string
		for _, q := range f.Qualifiers {
			qs = append(qs, string(q.Relation)+"="+objectString(q.Value))
		}
		s += " [" + strings.Join(qs, " ") + "]"
	}
	return s
}

// serialize writes a result as text, deterministically: the entities in
// ID order with their names, aliases, labels and links, then the facts in
// the result's order with their evidence and sources.
func serialize(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %d entities, %d facts\n", r.Doc.Name, len(r.Entities), len(r.Facts))
	b.WriteString("\n# entities\n")
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "%s %s %q\n", e.ID, e.Type, e.Name)
		for _, a := range e.Aliases {
			fmt.Fprintf(&b, "\talias %q\n", a)
		}
		for _, l := range e.Labels {
			fmt.Fprintf(&b, "\tlabel %s %q\n", l.Lang, l.Text)
		}
		for _, l := range e.Links {
			fmt.Fprintf(&b, "\tlink %s %.3f %q\n", l.QID, l.Confidence, l.Evidence)
		}
	}
	b.WriteString("\n# facts\n")
	for _, f := range r.Facts {
		b.WriteString(factString(f) + "\n")
		ev := "<out of range>"
		if f.Evidence.Start >= 0 && f.Evidence.Start <= f.Evidence.End && f.Evidence.End <= len(r.Doc.Text) {
			ev = collapse(r.Doc.Slice(f.Evidence))
		}
		fmt.Fprintf(&b, "\tevidence %q\n", ev)
		for _, s := range f.Sources {
			fmt.Fprintf(&b, "\tsource %s\n", s)
		}
	}
	return b.String()
}

func extractArticle(t testing.TB, a article) *Result {
	t.Helper()
	d, err := Parse(a.path, a.data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", a.path, err)
	}
	return Extract(d)
}

func TestGolden(t *testing.T) {
	arts := allArticles(t)
	if len(arts) == 0 {
		t.Skipf("no articles: neither %s nor %s nor %s exists", samplePath, sharedSample, sharedCorpusGl)
	}
	for _, a := range arts {
		t.Run(a.name, func(t *testing.T) {
			got := serialize(extractArticle(t, a))
			checkGolden(t, filepath.Join("testdata", a.name+".golden"), got)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites the file
// under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Fatalf("%s missing: run go test ./extractor -run TestGolden -update", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./extractor -run TestGolden -update rewrites it after a deliberate change):\n%s",
			path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want ("-") and only in got ("+"), at
// most 40 of them: enough to see what a rule change did.
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	wm, gm := count(want), count(got)
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if gm[l] > 0 {
			gm[l]--
			continue
		}
		out = append(out, "- "+l)
	}
	gm = count(got)
	for _, l := range strings.Split(got, "\n") {
		if wm[l] > 0 {
			wm[l]--
			continue
		}
		out = append(out, "+ "+l)
	}
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("… and %d more lines", len(out)-40))
	}
	return strings.Join(out, "\n")
}

// badNameParts are pieces of page furniture that must never end up in an
// entity's name.
var badNameParts = []string{"See also", "Main article", "Retrieved", "dead link", "needs additional citations"}

// checkResult checks the invariants every extraction keeps.
func checkResult(t testing.TB, r *Result) {
	t.Helper()
	d := r.Doc
	ids := map[string]bool{}
	for i, e := range r.Entities {
		if e == nil {
			t.Errorf("entity %d is nil", i)
			continue
		}
		if ids[e.ID] {
			t.Errorf("entity ID %s repeats", e.ID)
		}
		ids[e.ID] = true
		if i > 0 && r.Entities[i-1].ID >= e.ID {
			t.Errorf("entities not sorted by ID: %s before %s", r.Entities[i-1].ID, e.ID)
		}
		if !strings.HasPrefix(e.ID, segment(e.Type)+"/") || len(e.ID) == len(segment(e.Type))+1 {
			t.Errorf("entity %s: ID does not fit type %s", e.ID, e.Type)
		}
		if strings.TrimSpace(e.Name) == "" || e.Name != collapse(e.Name) {
			t.Errorf("entity %s: name %q empty or with stray white space", e.ID, e.Name)
		}
		if r.Entity(e.ID) != e {
			t.Errorf("Result.Entity(%q) does not return the entity", e.ID)
		}
		if !sort.StringsAreSorted(e.Aliases) {
			t.Errorf("entity %s: aliases not sorted: %q", e.ID, e.Aliases)
		}
		for _, a := range e.Aliases {
			if a == e.Name || strings.TrimSpace(a) == "" {
				t.Errorf("entity %s: alias %q empty or the name itself", e.ID, a)
			}
		}
		for _, l := range e.Labels {
			if l.Text == "" || l.Lang == "" {
				t.Errorf("entity %s: label %+v without text or language", e.ID, l)
			}
		}
		prev := -1
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				t.Errorf("entity %s: mention %v outside the text", e.ID, m)
				continue
			}
			if m.Start < prev {
				t.Errorf("entity %s: mentions not in text order", e.ID)
			}
			prev = m.Start
		}
	}
	// Evidence is a sentence, a table row or a footnote of the document.
	units := map[Span]bool{}
	for _, s := range d.Sentences {
		units[s.Span] = true
	}
	for _, fn := range d.Footnotes {
		units[fn.Span] = true
	}
	for _, b := range d.Blocks {
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				units[row.Span] = true
			}
		}
	}
	exists := func(what, id string) {
		if !ids[id] {
			t.Errorf("%s: no entity %q", what, id)
		}
	}
	for i, f := range r.Facts {
		fs := factString(f)
		exists(fs+": subject", f.Subject)
		if f.Object.Kind == EntityValue {
			exists(fs+": object", f.Object.Entity)
			if f.Object.Entity == f.Subject {
				t.Errorf("%s: subject and object are one entity", fs)
			}
		}
		for _, q := range f.Qualifiers {
			if q.Value.Kind == EntityValue {
				exists(fs+": qualifier", q.Value.Entity)
			}
		}
		for _, s := range f.Sources {
			exists(fs+": source", s)
			if ids[s] && !strings.HasPrefix(s, "work/") {
				t.Errorf("%s: source %s is no work", fs, s)
			}
		}
		if !sort.StringsAreSorted(f.Sources) {
			t.Errorf("%s: sources not sorted: %q", fs, f.Sources)
		}
		ev := f.Evidence
		if ev.Start < 0 || ev.End > len(d.Text) || ev.Start >= ev.End {
			t.Errorf("%s: evidence %v outside the text (%d bytes) or empty", fs, ev, len(d.Text))
		} else if strings.TrimSpace(d.Slice(ev)) == "" {
			t.Errorf("%s: evidence %v is blank", fs, ev)
		} else if !units[ev] {
			t.Errorf("%s: evidence %q is no sentence, table row or footnote", fs, d.Slice(ev))
		}
		if f.Object.Kind == DateValue && !f.Object.Date.valid() {
			t.Errorf("%s: invalid date", fs)
		}
		if i > 0 {
			p := r.Facts[i-1]
			if p.Subject > f.Subject || p.Subject == f.Subject && p.Relation > f.Relation {
				t.Errorf("facts out of order: %q before %q", factString(p), fs)
			}
		}
	}
}

// checkNames checks that no page furniture became an entity: no entity is
// named like a section heading, and no name or alias holds "See also",
// "Retrieved" and the like. (Not for random input, whose headings and
// names may be anything.)
func checkNames(t testing.TB, r *Result) {
	t.Helper()
	for _, e := range r.Entities {
		for _, bad := range badNameParts {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if strings.Contains(n, bad) {
					t.Errorf("entity %s: name %q holds %q", e.ID, n, bad)
				}
			}
		}
		for _, s := range r.Doc.Sections {
			// A heading that is a full office title heads the list of its
			// holders ("Chairman of the Supreme Soviet"): that office is
			// no page furniture.
			if strings.EqualFold(e.Name, s.Title) && !(e.Type == Office && strings.Contains(s.Title, " of ")) {
				t.Errorf("entity %s (%s) is named like the section heading %q", e.ID, e.Type, s.Title)
			}
		}
	}
}

func TestResultInvariants(t *testing.T) {
	arts := allArticles(t)
	if len(arts) == 0 {
		t.Skipf("no articles: neither %s nor %s nor %s exists", samplePath, sharedSample, sharedCorpusGl)
	}
	for _, a := range arts {
		t.Run(a.name, func(t *testing.T) {
			r := extractArticle(t, a)
			checkDocSpans(t, r.Doc)
			checkResult(t, r)
			checkNames(t, r)
			if len(r.Entities) == 0 || len(r.Facts) == 0 {
				t.Errorf("%d entities, %d facts: nothing extracted", len(r.Entities), len(r.Facts))
			}
			// Deterministic: a second parse and extraction give the same text.
			if again := serialize(extractArticle(t, a)); again != serialize(r) {
				t.Errorf("a second run differs:\n%s", lineDiff(serialize(r), again))
			}
		})
	}
}

// BenchmarkExtract measures Extract alone over the sample and the corpus,
// parsed beforehand; the bytes are those of the articles' text.
func BenchmarkExtract(b *testing.B) {
	arts := allArticles(b)
	if len(arts) == 0 {
		b.Skip("no articles")
	}
	var docs []*Document
	var n int64
	for _, a := range arts {
		d, err := Parse(a.path, a.data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		n += int64(len(a.data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Extract(d)
		}
	}
}

// BenchmarkParse measures Parse over the sample and the corpus.
func BenchmarkParse(b *testing.B) {
	arts := allArticles(b)
	if len(arts) == 0 {
		b.Skip("no articles")
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			if _, err := Parse(a.path, a.data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
