package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/corpus"
)

// TestProgress: on a terminal the bar is drawn over one line (documents/s,
// MB/s, ETA) and the reported lines go above it, the bar erased at the
// end; elsewhere only the lines, with no control characters; with
// --quiet, nothing.
func TestProgress(t *testing.T) {
	path := writeJSONL(t, []jsonLine{{"1", "A", "Alpha.", ""}, {"2", "B", "Beta.", ""}})
	newReader := func() *corpus.Reader {
		r, err := corpus.Open([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := r.Next(); err != nil {
				break
			}
		}
		return r
	}
	var st corpusStats
	st.docs.Store(2)
	st.text.Store(2_000_000)

	var tty bytes.Buffer
	p := &progress{w: &tty, tty: true, width: 100, r: newReader(), st: &st, start: p0()}
	p.draw()
	p.line("out/part-00000.nq: 2 documents, 10 triples")
	p.drawn = true
	out := tty.String()
	if !strings.HasPrefix(out, "\r\x1b[K[") || strings.Contains(out[:strings.Index(out, "out/")], "\n") {
		t.Errorf("bar not drawn in place: %q", out)
	}
	for _, want := range []string{"100.0%", "2 docs", "docs/s", "MB/s", "ETA", "\r\x1b[Kout/part-00000.nq: 2 documents, 10 triples\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal output lacks %q: %q", want, out)
		}
	}
	if line := strings.ReplaceAll(out[:strings.Index(out, "out/")], "\r\x1b[K", ""); len(line) >= 100 {
		t.Errorf("bar wider than the terminal: %q", line)
	}

	var plain bytes.Buffer
	q := newProgress(&plain, false, newReader(), &st) // a buffer is no terminal
	q.line("out/part-00000.nq: 2 documents, 10 triples")
	q.stop()
	if plain.String() != "out/part-00000.nq: 2 documents, 10 triples\n" {
		t.Errorf("not a terminal: %q", plain.String())
	}

	var quiet bytes.Buffer
	z := newProgress(&quiet, true, newReader(), &st)
	z.line("x")
	z.stop()
	if quiet.Len() != 0 {
		t.Errorf("--quiet: %q", quiet.String())
	}
}

// p0 is a start time one second ago, so that rates are finite.
func p0() time.Time { return time.Now().Add(-time.Second) }
