package exporter

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// decodeAll parses data with knakk/rdf, reading to EOF (its decoders leak
// a goroutine when abandoned early).
func decodeAll(t *testing.T, data []byte, f rdf.Format) []rdf.Triple {
	t.Helper()
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), f)
	var out []rdf.Triple
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, data)
		}
		out = append(out, tr)
	}
}

// TestRoundTripKnakk writes Turtle and N-Triples and reads them back with
// knakk/rdf's decoders: the graph must be the same, lexical forms and
// language tag case included.
func TestRoundTripKnakk(t *testing.T) {
	graph := hostileGraph(t)
	want := canonical(t, toDataset(graph), false)
	tests := []struct {
		name   string
		format Format
		opts   Options
		dec    rdf.Format
	}{
		{"turtle", Turtle, Options{Prefixes: testPrefixes}, rdf.Turtle},
		{"turtle-noprefix", Turtle, Options{}, rdf.Turtle},
		{"turtle-emptyprefix", Turtle, Options{Prefixes: emptyPrefixes}, rdf.Turtle},
		{"ntriples", NTriples, Options{}, rdf.NTriples},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encode(t, tt.format, tt.opts, graph)
			for _, w := range []string{`"Almaty"@kk-Latn`, `"nested"@en-GB`} {
				if !bytes.Contains(data, []byte(w)) {
					t.Errorf("output lacks %s", w)
				}
			}
			back := decodeAll(t, data, tt.dec)
			if got := canonical(t, toDataset(back), false); got != want {
				t.Errorf("graph read back differs\n--- got\n%s--- want\n%s", got, want)
			}
			for _, tag := range []string{"kk-Latn", "en-GB"} {
				found := false
				for _, tr := range back {
					if l, ok := tr.Obj.(rdf.Literal); ok && l.Lang() == tag {
						found = true
					}
				}
				if !found {
					t.Errorf("language tag %q not read back as written", tag)
				}
			}
		})
	}
}

// TestDecodedTerms feeds the encoders terms made by knakk/rdf's decoder,
// which its constructors would refuse: an IRI holding a space (from a
// \u0020 escape) must be rejected, a language tag with two subtags
// (which NewLangLiteral refuses) must be written as given.
func TestDecodedTerms(t *testing.T) {
	in := decodeAll(t, []byte(
		"<http://a.example/b\\u0020c> <http://a.example/p> \"x\" .\n"+
			"<http://a.example/s> <http://a.example/p> \"x\"@zh-Hans-CN .\n"), rdf.NTriples)
	if len(in) != 2 || in[0].Subj.String() != "http://a.example/b c" {
		t.Fatalf("decoder gave %v", in)
	}
	for _, f := range Formats() {
		var b strings.Builder
		enc, err := NewEncoder(f, &b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(in[0]); err == nil || !strings.Contains(err.Error(), "disallowed character ' '") {
			t.Errorf("%s: IRI with a space: err = %v", f, err)
		}
		if err := enc.Encode(in[1]); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "zh-Hans-CN") {
			t.Errorf("%s: tag not kept:\n%s", f, b.String())
		}
	}
}
