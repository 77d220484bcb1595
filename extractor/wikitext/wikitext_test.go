package wikitext

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkDoc checks the invariants of a parsed document: every span inside
// the text and trimmed, blocks and sentences in order without overlap,
// table cells inside their rows, links on their label.
func checkDoc(t testing.TB, d *extractor.Document) {
	t.Helper()
	in := func(what string, s extractor.Span) bool {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Errorf("%s span %v outside the text (%d bytes)", what, s, len(d.Text))
			return false
		}
		return true
	}
	trimmed := func(what string, s extractor.Span) {
		if !in(what, s) {
			return
		}
		str := d.Slice(s)
		if str == "" || strings.Trim(str, " \t\r\n\f") != str {
			t.Errorf("%s span %v = %q: empty or untrimmed", what, s, str)
		}
	}
	prev := 0
	for i, b := range d.Blocks {
		if b.Kind == extractor.FootnoteBlock && b.Span.Len() == 0 {
			in(fmt.Sprintf("block %d", i), b.Span)
		} else {
			trimmed(fmt.Sprintf("block %d", i), b.Span)
		}
		if b.Span.Start < prev {
			t.Errorf("block %d %v overlaps the block before", i, b.Span)
		}
		prev = b.Span.End
		if b.Section < -1 || b.Section >= len(d.Sections) {
			t.Errorf("block %d: section %d of %d", i, b.Section, len(d.Sections))
		}
		if (b.Kind == extractor.TableBlock) != (b.Table != nil) {
			t.Errorf("block %d: kind %s with table %v", i, b.Kind, b.Table != nil)
		}
		if b.Table == nil {
			continue
		}
		for ri, r := range b.Table.Rows {
			trimmed(fmt.Sprintf("block %d row %d", i, ri), r.Span)
			if r.Span.Start < b.Span.Start || r.Span.End > b.Span.End {
				t.Errorf("block %d row %d outside the table", i, ri)
			}
			if len(r.Cells) != len(b.Table.Header) {
				t.Errorf("block %d row %d: %d cells for %d columns", i, ri, len(r.Cells), len(b.Table.Header))
			}
			for ci, c := range r.Cells {
				if c.Len() == 0 {
					continue
				}
				trimmed(fmt.Sprintf("block %d row %d cell %d", i, ri, ci), c)
				if c.Start < r.Span.Start || c.End > r.Span.End {
					t.Errorf("block %d row %d cell %d %v outside the row %v", i, ri, ci, c, r.Span)
				}
			}
		}
	}
	prev = 0
	for i, s := range d.Sentences {
		trimmed(fmt.Sprintf("sentence %d", i), s.Span)
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			t.Errorf("sentence %d: block %d of %d", i, s.Block, len(d.Blocks))
			continue
		}
		b := d.Blocks[s.Block]
		if s.Span.Start < b.Span.Start || s.Span.End > b.Span.End {
			t.Errorf("sentence %d %v outside its block %v", i, s.Span, b.Span)
		}
		if s.Span.Start < prev {
			t.Errorf("sentence %d overlaps the sentence before", i)
		}
		prev = s.Span.End
	}
	for i, fn := range d.Footnotes {
		if fn.Number != i+1 {
			t.Errorf("footnote %d numbered %d", i, fn.Number)
		}
		if fn.Span.Len() > 0 {
			trimmed(fmt.Sprintf("footnote %d", i), fn.Span)
		} else {
			in(fmt.Sprintf("footnote %d", i), fn.Span)
		}
	}
	for i, s := range d.Sections {
		trimmed(fmt.Sprintf("section %d", i), s.Heading)
	}
	for i, l := range d.Links {
		trimmed(fmt.Sprintf("link %d", i), l.Span)
		if l.Title == "" || strings.TrimSpace(l.Title) != l.Title {
			t.Errorf("link %d: title %q", i, l.Title)
		}
		if i > 0 && l.Span.Start < d.Links[i-1].Span.Start {
			t.Errorf("link %d %v before the link before", i, l.Span)
		}
	}
}

// dump writes a document's structure and what is extracted from it, one
// item a line, for golden files.
func dump(d *extractor.Document, r *extractor.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%q): %d blocks, %d sentences, %d notes, %d links\n", d.Name, d.Title,
		len(d.Blocks), len(d.Sentences), len(d.Footnotes), len(d.Links))
	b.WriteString("\n# blocks\n")
	for i, bl := range d.Blocks {
		fmt.Fprintf(&b, "%d %s s%d %q\n", i, bl.Kind, bl.Section, d.Slice(bl.Span))
		if t := bl.Table; t != nil {
			fmt.Fprintf(&b, "\theader %q infobox %q\n", t.Header, t.Infobox)
			for _, row := range t.Rows {
				cells := make([]string, len(row.Cells))
				for k, c := range row.Cells {
					cells[k] = d.Slice(c)
				}
				fmt.Fprintf(&b, "\trow %q\n", cells)
			}
		}
	}
	b.WriteString("\n# sentences\n")
	for _, s := range d.Sentences {
		fmt.Fprintf(&b, "b%d %v %q\n", s.Block, s.Cites, d.Slice(s.Span))
	}
	b.WriteString("\n# links\n")
	for _, l := range d.Links {
		fmt.Fprintf(&b, "%d:%d %q → %q\n", l.Span.Start, l.Span.End, d.Slice(l.Span), l.Title)
	}
	b.WriteString("\n# entities\n")
	for _, e := range r.Entities {
		fmt.Fprintf(&b, "%s %s %q", e.ID, e.Type, e.Name)
		if e.Wiki != "" {
			fmt.Fprintf(&b, " wiki %q", e.Wiki)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n# facts\n")
	for _, f := range r.Facts {
		fmt.Fprintf(&b, "%s\n", factString(f))
	}
	return b.String()
}

// factString writes a fact as "subject relation object [q=v …]".
func factString(f extractor.Fact) string {
	s := f.Subject + " " + string(f.Relation) + " " + f.Object.Key()
	for _, q := range f.Qualifiers {
		s += " " + string(q.Relation) + "=" + q.Value.Key()
	}
	return s
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extractor/wikitext -update)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		var diff []string
		seen := map[string]int{}
		for _, l := range gl {
			seen[l]++
		}
		for _, l := range wl {
			if seen[l] > 0 {
				seen[l]--
				continue
			}
			diff = append(diff, "- "+l)
		}
		seen = map[string]int{}
		for _, l := range wl {
			seen[l]++
		}
		for _, l := range gl {
			if seen[l] > 0 {
				seen[l]--
				continue
			}
			diff = append(diff, "+ "+l)
		}
		if len(diff) > 40 {
			diff = diff[:40]
		}
		t.Errorf("%s differs (go test ./extractor/wikitext -update to accept):\n%s", path, strings.Join(diff, "\n"))
	}
}

// TestGolden parses every testdata/*.wiki file, checks the document's
// invariants and compares structure and extraction with its golden file.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.wiki")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/*.wiki files (%v)", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(path, data)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			checkGolden(t, strings.TrimSuffix(path, ".wiki")+".golden", dump(d, extractor.Extract(d)))
		})
	}
}

// FuzzParse checks that any input is either refused with an InputError
// naming a position or parsed into a sound document that the extractor
// accepts. Without -fuzz it runs the seeds.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.wiki")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse("fuzz.wiki", []byte(text))
		if err != nil {
			var ie *extractor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Parse error %T %v; want *extractor.InputError", err, err)
			}
			return
		}
		checkDoc(t, d)
		extractor.Extract(d)
	})
}

// fuzzSeeds are awkward inputs: unclosed and unbalanced markup.
var fuzzSeeds = []string{
	"{{Infobox country\n| name = X\n",
	"{|\n! A !! B\n|-\n| 1 || 2\n",
	"Text [[unclosed link and more.\n\nNext.",
	"A <ref>unclosed ref. B.",
	"A<ref name=x/> B<ref name=x>text</ref>.",
	"<!-- unclosed comment\n== H ==",
	"{{{{{{a}}}}}}",
	"}} ]] |} |- ! ||",
	"[[File:X.jpg|thumb|A [[nested]] caption]] Text.",
	"{|\n|-\n| rowspan=99 colspan=99 | A\n|}\n",
	"== ==\n=\n======= x =======",
	"'''''''bold''''' ''x",
	"&nbsp;&bogus; &#0; &#xFFFFFF;",
	"* \n# \n: \n;",
	"#REDIRECT [[Elsewhere]]",
	"<nowiki>{{x}}</nowiki> <pre>[[y]]</pre>",
	"[[:Category:X|cat]] [[kk:Y]] [[wikt:word|word]] [[Foo (bar)|]]",
	"{{cite web|title=T|publisher=[[P]]}}",
	"<references>\n<ref name=a>A</ref>\n</references>",
	"{{reflist|refs=<ref name=b>B</ref>}} x<ref name=b/>.",
	"{|\n|+ cap\n! a\n|-\n{|\n| inner\n|}\n| x\n|}",
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"Intro.\n\n{{Infobox country\n| name = X\n", `e.wiki:3:1: unclosed template "{{Infobox country"`},
		{"A.\n{|\n! A\n|-\n| 1\n", `e.wiki:2:1: unclosed table "{|"`},
		{"Über {{lang|kk|x", `e.wiki:1:6: unclosed template "{{lang"`},
		{"#REDIRECT [[Elsewhere]]", "e.wiki:1:1: redirect page (to Elsewhere)"},
		{"{{Short description|x}}\n[[Category:Y]]", "e.wiki: empty input"},
		{"bad \xff byte", "e.wiki:1:5: invalid UTF-8"},
	} {
		_, err := Parse("e.wiki", []byte(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error %v; want prefix %q", tc.in, err, tc.want)
		}
	}
}

// TestConcurrent parses and extracts the test articles from several
// goroutines at once, as corpus builds do (run with -race to check).
func TestConcurrent(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.wiki")
	var want []string
	var inputs [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
		want = append(want, dump(d, extractor.Extract(d)))
	}
	errs := make(chan string, 4*len(paths))
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i, data := range inputs {
				d, err := Parse(paths[i], data)
				if err != nil {
					errs <- err.Error()
					continue
				}
				if got := dump(d, extractor.Extract(d)); got != want[i] {
					errs <- paths[i] + ": result differs when parsed concurrently"
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
