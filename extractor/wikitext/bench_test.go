package wikitext

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

// wikiFiles reads testdata/*.wiki.
func wikiFiles(b *testing.B) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob("testdata/*.wiki")
	if len(paths) == 0 {
		b.Fatal("no testdata/*.wiki")
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkParse measures Parse over the test articles; the bytes are the
// wikitext's.
func BenchmarkParse(b *testing.B) {
	files := wikiFiles(b)
	n := 0
	for _, f := range files {
		n += len(f)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := Parse("bench.wiki", f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseExtract measures Parse and Extract together, the
// extractor's whole path for a wikitext article.
func BenchmarkParseExtract(b *testing.B) {
	files := wikiFiles(b)
	n := 0
	for _, f := range files {
		n += len(f)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			d, err := Parse("bench.wiki", f)
			if err != nil {
				b.Fatal(err)
			}
			extractor.Extract(d)
		}
	}
}

// BenchmarkParseLarge measures Parse on one large article (the test
// articles repeated 50 times, about 0.5 MB): rendering must stay linear
// in the article's length.
func BenchmarkParseLarge(b *testing.B) {
	paths, _ := filepath.Glob("testdata/*.wiki")
	var one []byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		one = append(append(one, data...), '\n', '\n')
	}
	big := bytes.Repeat(one, 50)
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		if _, err := Parse("large.wiki", big); err != nil {
			b.Fatal(err)
		}
	}
}
