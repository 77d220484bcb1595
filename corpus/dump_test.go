package corpus

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Multistream fixture (testdata/gen-multistream.py): a header stream,
// streams of two pages, a closing stream, and its index.
const (
	multistream      = "testdata/testwiki-pages-articles-multistream.xml.bz2"
	multistreamIndex = "testdata/testwiki-pages-articles-multistream-index.txt.bz2"
	wholeGz          = "testdata/testwiki-pages-articles.xml.gz"
)

// readDump reads every article of d.
func readDump(t *testing.T, d *DumpReader) []*Article {
	t.Helper()
	var out []*Article
	for {
		a, err := d.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
}

// sameArticles compares articles but for their Source.
func sameArticles(t *testing.T, what string, got, want []*Article) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d articles, want %d", what, len(got), len(want))
	}
	for i := range got {
		g, w := *got[i], *want[i]
		g.Source, w.Source = "", ""
		if g.Title != w.Title || g.ID != w.ID || g.Site != w.Site || g.Markup != w.Markup || !bytes.Equal(g.Text, w.Text) {
			t.Errorf("%s: article %d is %q (%s, site %q), want %q (%s, site %q)", what, i, g.Title, g.ID, g.Site, w.Title, w.ID, w.Site)
		}
	}
}

// TestDumpParts splits the multistream dump by its index into parts of
// one and of two streams and reads them with NewDumpPartReader: the
// articles, in order, are those of the whole file read by a Reader, and
// those of the same pages as one gzipped dump read by NewDumpReader.
func TestDumpParts(t *testing.T) {
	want, err := readAllArticles(t, multistream)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 5 {
		t.Fatalf("%d articles in %s, want 5", len(want), multistream)
	}
	data, err := os.ReadFile(multistream)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := os.Open(multistreamIndex)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	zi, err := Decompress(multistreamIndex, idx)
	if err != nil {
		t.Fatal(err)
	}
	offs, err := ReadMultistreamIndex(zi, multistreamIndex)
	if err != nil {
		t.Fatal(err)
	}
	if len(offs) != 5 || offs[0] == 0 {
		t.Fatalf("offsets %v: want 5 streams after the header", offs)
	}
	part := func(from, to int64) io.Reader {
		r, err := Decompress(multistream, bytes.NewReader(data[from:to]))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	site, err := DumpSite(part(0, offs[0]), multistream)
	if err != nil || site != "en.wikipedia.org" {
		t.Fatalf("DumpSite = %q, %v", site, err)
	}
	ends := append(offs[1:], int64(len(data)))
	for _, per := range []int{1, 2} {
		var got []*Article
		for i := 0; i < len(offs); i += per {
			to := ends[min(i+per, len(offs))-1]
			got = append(got, readDump(t, NewDumpPartReader(part(offs[i], to), multistream, site))...)
		}
		sameArticles(t, "parts", got, want)
	}

	f, err := os.Open(wholeGz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := Decompress(wholeGz, f)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDumpReader(zr, wholeGz)
	if err != nil {
		t.Fatal(err)
	}
	sameArticles(t, filepath.Base(wholeGz), readDump(t, d), want)
	if d.Site() != "en.wikipedia.org" {
		t.Errorf("Site() = %q", d.Site())
	}
}

// TestDumpPartErrors: a part cut inside a page, and a bad index line,
// are errors naming the input.
func TestDumpPartErrors(t *testing.T) {
	d := NewDumpPartReader(strings.NewReader("  <page>\n<title>A</title><ns>0</ns><revision><text>x"), "d.xml.bz2@100", "")
	if _, err := d.Next(); err == nil || !strings.Contains(err.Error(), "d.xml.bz2@100") {
		t.Errorf("cut part: %v", err)
	}
	_, err := ReadMultistreamIndex(strings.NewReader("10:1:A\n20:2:B\nx:3:C\n"), "index.txt")
	if err == nil || !strings.Contains(err.Error(), "index.txt:3") {
		t.Errorf("bad index line: %v", err)
	}
	_, err = ReadMultistreamIndex(strings.NewReader("20:1:A\n10:2:B\n"), "index.txt")
	if err == nil || !strings.Contains(err.Error(), "not in order") {
		t.Errorf("index out of order: %v", err)
	}
}
