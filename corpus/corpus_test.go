package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAllArticles reads every article of paths.
func readAllArticles(t *testing.T, paths ...string) ([]*Article, error) {
	t.Helper()
	r, err := Open(paths)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []*Article
	for {
		a, err := r.Next()
		if err == io.EOF {
			done, total := r.Progress()
			if done != total {
				t.Errorf("progress at the end: %d of %d bytes", done, total)
			}
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, a)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestKindOf(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path string
		want Kind
	}{
		{dir, Directory},
		{"a.txt", TextFile},
		{"a", TextFile},
		{"wiki.jsonl", JSONLines},
		{"wiki.ndjson.gz", JSONLines},
		{"WIKI.JSONL.BZ2", JSONLines},
		{"enwiki-20261101-pages-articles.xml.bz2", Dump},
		{"enwiki-20261101-pages-articles-multistream.xml.bz2", Dump},
		{"export.xml", Dump},
		{"enwiki-20261101-pages-articles1.xml-p1p41242.bz2", Dump}, // a part file
		{"enwiki-20261101-pages-articles27.xml-p69475483p70975483.bz2", Dump},
		{"notes.xml-draft.txt", TextFile},
		{"notes.txt.gz", TextFile},
	}
	for _, tc := range tests {
		if got := KindOf(tc.path); got != tc.want {
			t.Errorf("KindOf(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestDirectory reads a tree of text files: *.txt only, recursively, in
// lexical order of paths.
func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "B")
	write(t, filepath.Join(dir, "a.txt"), "A")
	write(t, filepath.Join(dir, "notes.md"), "not an article")
	write(t, filepath.Join(dir, "sub", "c.TXT"), "C")
	write(t, filepath.Join(dir, "sub", "deeper", "d.txt"), "D")
	write(t, filepath.Join(dir, "z.txt"), "Z")
	arts, err := readAllArticles(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		rel, _ := filepath.Rel(dir, a.Path)
		got = append(got, rel+"="+string(a.Text))
		if a.Markup != PlainText || a.Source != a.Path {
			t.Errorf("%s: markup %v, source %q", a.Path, a.Markup, a.Source)
		}
	}
	want := []string{"a.txt=A", "b.txt=B", "sub/c.TXT=C", "sub/deeper/d.txt=D", "z.txt=Z"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestJSONLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wiki.jsonl")
	write(t, path, `{"id":"12","title":"Politics of Armenia","text":"Armenia is a republic.","url":"https://en.wikipedia.org/wiki/Politics_of_Armenia"}

{"id": 13, "title": "Politics of Georgia", "text": "Georgia \u00e9\nsecond line", "extra": [1, 2]}`+"\r\n"+
		`{"title":"No id","text":""}`+"\n"+
		`{"id":"14","text":"No title"}`)
	arts, err := readAllArticles(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 {
		t.Fatalf("%d articles, want 4", len(arts))
	}
	a := arts[0]
	if a.ID != "12" || a.Title != "Politics of Armenia" || string(a.Text) != "Armenia is a republic." ||
		a.URL != "https://en.wikipedia.org/wiki/Politics_of_Armenia" || a.Source != path+":1" || a.Path != "" || a.Markup != PlainText {
		t.Errorf("first article: %+v", a)
	}
	if b := arts[1]; b.ID != "13" || string(b.Text) != "Georgia é\nsecond line" || b.Source != path+":3" {
		t.Errorf("second article (numeric id, line 3): %+v", b)
	}
	if c := arts[2]; c.ID != "" || c.Title != "No id" || len(c.Text) != 0 {
		t.Errorf("third article: %+v", c)
	}
	if d := arts[3]; d.ID != "14" || d.Title != "" || d.Source != path+":5" {
		t.Errorf("fourth article (no newline at the end): %+v", d)
	}
}

// TestJSONLinesErrors: a bad line is an error naming the file and line.
func TestJSONLinesErrors(t *testing.T) {
	good := `{"id":"1","title":"A","text":"a"}` + "\n"
	tests := []struct {
		name, content string
		line          string
		msg           string
	}{
		{"syntax", good + good + `{"id":"3","title":"C","text":"c}` + "\n" + good, ":3: ", "JSON syntax error"},
		{"truncated", good + `{"id":"2","title":"B",`, ":2: ", "JSON syntax error"},
		{"not-object", good + `["a", "b"]` + "\n", ":2: ", "not a JSON object"},
		{"no-text", good + `{"id":"2","title":"B"}` + "\n", ":2: ", `no "text"`},
		{"text-not-string", `{"id":"2","title":"B","text":42}` + "\n", ":1: ", `"text" is a JSON number`},
		{"no-name", good + good + good + `{"text":"who am I?"}` + "\n", ":4: ", "no name"},
		{"bad-id", `{"id":{"x":1},"title":"B","text":"b"}` + "\n", ":1: ", `"id"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".jsonl")
			write(t, path, tc.content)
			_, err := readAllArticles(t, path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), path+tc.line) {
				t.Errorf("error %q does not start with %q", err, path+tc.line)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}
}

// TestJSONLinesGzip reads a gzipped JSON Lines file of two gzip members.
func TestJSONLinesGzip(t *testing.T) {
	var buf bytes.Buffer
	for _, line := range []string{`{"id":"1","title":"A","text":"a"}` + "\n", `{"id":"2","title":"B","text":"b"}` + "\n"} {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(line))
		zw.Close()
	}
	path := filepath.Join(t.TempDir(), "wiki.jsonl.gz")
	write(t, path, buf.String())
	arts, err := readAllArticles(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[1].Title != "B" || arts[1].Source != path+":2" {
		t.Errorf("got %d articles: %+v", len(arts), arts)
	}
}

// wantDump is what the fixture dump holds: two articles; a talk page, a
// redirect, a template and a deleted page are left out.
func checkDump(t *testing.T, path string, arts []*Article) {
	t.Helper()
	if len(arts) != 2 {
		for _, a := range arts {
			t.Logf("%s %q", a.Source, a.Title)
		}
		t.Fatalf("%s: %d articles, want 2", path, len(arts))
	}
	a := arts[0]
	if a.Title != "Politics of Freedonia" || a.ID != "101" || a.Markup != Wikitext || a.Path != "" {
		t.Errorf("first article: %q id %q markup %v", a.Title, a.ID, a.Markup)
	}
	wantText := "{{Short description|Political system of Freedonia}}\nThe '''politics of Freedonia''' take place in a [[presidential republic]]. The [[President of Freedonia|president]] is head of state.<ref>{{cite web |title=Constitution}}</ref>\n\n== Executive ==\nThe prime minister is [[Rufus T. Firefly]] & co."
	if string(a.Text) != wantText {
		t.Errorf("first article's text (entities decoded):\n%s\nwant\n%s", a.Text, wantText)
	}
	if a.Source != path+":16" {
		t.Errorf("first article's source %q, want %s:16 (the line of its <page>)", a.Source, path)
	}
	if a.Site != "en.wikipedia.org" {
		t.Errorf("first article's site %q, want en.wikipedia.org (the dump's <siteinfo><base>)", a.Site)
	}
	if b := arts[1]; b.Title != "Sylvania (country)" || b.ID != "105" || !strings.HasPrefix(string(b.Text), "{{Infobox country\n") {
		t.Errorf("second article: %q id %q text %.30q", b.Title, b.ID, b.Text)
	}
}

func TestDump(t *testing.T) {
	for _, name := range []string{"dump.xml", "dump.xml.bz2", "multistream.xml.bz2"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			arts, err := readAllArticles(t, path)
			if err != nil {
				t.Fatal(err)
			}
			checkDump(t, path, arts)
		})
	}
}

func TestDumpErrors(t *testing.T) {
	full, err := os.ReadFile(filepath.Join("testdata", "dump.xml"))
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(full, []byte("<title>Sylvania"))
	tests := []struct {
		name, content string
		want          string
	}{
		{"truncated", string(full[:cut]), "truncated"},
		{"no-close", strings.TrimSuffix(string(full), "</mediawiki>\n"), "truncated"},
		{"not-mediawiki", `<?xml version="1.0"?>` + "\n<rss><channel/></rss>", ":2: root element <rss>"},
		{"syntax", "<mediawiki>\n<page>\n<title>A</title>\n<ns>0</ns><revision><text>a & b</text></revision></page></mediawiki>", ":4: XML syntax error"},
		{"empty", "", "not a MediaWiki XML dump"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".xml")
			write(t, path, tc.content)
			_, err := readAllArticles(t, path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), path+":") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q: want it to start with %q and say %q", err, path+":", tc.want)
			}
		})
	}
	t.Run("bad-bzip2", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join("testdata", "dump.xml.bz2"))
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)/2] ^= 0xff
		path := filepath.Join(t.TempDir(), "bad.xml.bz2")
		write(t, path, string(data))
		if _, err := readAllArticles(t, path); err == nil || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("corrupt bzip2: error %v, want one naming %s", err, path)
		}
	})
}

// TestSeveralInputs reads inputs of every kind one after another.
func TestSeveralInputs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "d", "x.txt"), "X")
	write(t, filepath.Join(dir, "one.txt"), "One")
	write(t, filepath.Join(dir, "w.jsonl"), `{"id":"1","title":"J","text":"j"}`+"\n")
	arts, err := readAllArticles(t, filepath.Join(dir, "one.txt"), filepath.Join("testdata", "dump.xml.bz2"), filepath.Join(dir, "d"), filepath.Join(dir, "w.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.Title+string(a.Text[:1]))
	}
	if want := "O Politics of Freedonia{ Sylvania (country){ X J" + "j"; strings.Join(got, " ") != "O Politics of Freedonia{ Sylvania (country){ X Jj" {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestOpenMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.jsonl")
	_, err := Open([]string{path})
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("Open(missing) = %v", err)
	}
}

// TestDirectoryMarkup: files of a registered extension are articles in
// its markup, in a directory and as inputs of their own.
func TestDirectoryMarkup(t *testing.T) {
	RegisterExtension(".Wiki", Wikitext)
	defer delete(extMarkup, ".wiki")
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "A")
	write(t, filepath.Join(dir, "b.WIKI"), "'''B'''")
	write(t, filepath.Join(dir, "c.md"), "C")
	arts, err := readAllArticles(t, dir, filepath.Join(dir, "b.WIKI"), filepath.Join(dir, "c.md"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, filepath.Base(a.Path)+":"+a.Markup.String())
	}
	if want := "a.txt:text b.WIKI:wikitext b.WIKI:wikitext c.md:text"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestSiteOf(t *testing.T) {
	for base, want := range map[string]string{
		"https://en.wikipedia.org/wiki/Main_Page":   "en.wikipedia.org",
		" https://KK.wikipedia.org/wiki/Басты_бет ": "kk.wikipedia.org",
		"http://wiki.example.org/index.php":         "wiki.example.org",
		"https://example.org:8080/wiki/Main":        "",
		"/wiki/Main_Page":                           "",
		"":                                          "",
	} {
		if got := siteOf(base); got != want {
			t.Errorf("siteOf(%q) = %q; want %q", base, got, want)
		}
	}
}
