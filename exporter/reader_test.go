package exporter

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/knakk/rdf"
)

// readAll decodes data in format f to the end.
func readAll(t testing.TB, f Format, data []byte) []rdf.Quad {
	t.Helper()
	dec, err := NewDecoder(f, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, data)
		}
		out = append(out, q)
	}
}

// TestReadBack writes the hostile graph (and dataset) in each format we
// read and reads it back: the same dataset, language tag case included.
func TestReadBack(t *testing.T) {
	graph := toQuads(hostileGraph(t), nil)
	ds := hostileDataset(t)
	for _, tc := range []struct {
		name string
		f    Format
		data []byte
		want []rdf.Quad
	}{
		{"nt", NTriples, encode(t, NTriples, Options{}, hostileGraph(t)), graph},
		{"ttl", Turtle, encode(t, Turtle, Options{Prefixes: testPrefixes}, hostileGraph(t)), graph},
		{"ttl-empty-prefix", Turtle, encode(t, Turtle, Options{Prefixes: emptyPrefixes}, hostileGraph(t)), graph},
		{"nq", NQuads, encodeQuads(t, NQuads, Options{}, ds), ds},
		{"nq-graph", NQuads, encode(t, NQuads, Options{Graph: kgNS + "g"}, hostileGraph(t)), toQuads(hostileGraph(t), iri(t, kgNS+"g"))},
		{"jsonld", JSONLD, encode(t, JSONLD, Options{Prefixes: testPrefixes, Context: []byte(testContext)}, hostileGraph(t)), graph},
		{"jsonld-nocontext", JSONLD, encode(t, JSONLD, Options{}, hostileGraph(t)), graph},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back := readAll(t, tc.f, tc.data)
			if got, want := mustCanon(t, back), mustCanon(t, tc.want); got != want {
				t.Errorf("read back differs\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

func TestReaderFormats(t *testing.T) {
	for _, f := range Formats() {
		_, err := NewDecoder(f, strings.NewReader("{}"))
		if (err == nil) != f.Readable() {
			t.Errorf("%s: Readable %v, NewDecoder error %v", f, f.Readable(), err)
		}
	}
	if _, err := NewDecoder(NTriples, nil); err == nil {
		t.Error("nil reader accepted")
	}
}

// TestJSONLDReader: language tags keep their spelling, also tags with
// two subtags (which knakk/rdf's NewLangLiteral refuses), unless the
// document spells one tag two ways; named graphs come back; contexts are
// never loaded.
func TestJSONLDReader(t *testing.T) {
	doc := `{"@context": {"@vocab": "http://ex.org/", "@language": "kk-Cyrl",
	  "label": {"@id": "http://ex.org/label", "@container": "@language"}},
	 "@graph": [
	  {"@id": "http://ex.org/a", "name": "Алматы",
	   "label": {"zh-Hans-CN": "阿拉木图", "en-GB": "Almaty"},
	   "alt": {"@value": "x", "@language": "EN"}, "alt2": {"@value": "y", "@language": "en"}},
	  {"@id": "http://ex.org/g", "@graph": [{"@id": "http://ex.org/b", "p": {"@id": "http://ex.org/c"}}]}
	 ]}`
	quads := readAll(t, JSONLD, []byte(doc))
	tags := map[string]bool{}
	graphs := map[string]bool{}
	for _, q := range quads {
		if l, ok := q.Obj.(rdf.Literal); ok {
			tags[l.Lang()] = true
		}
		graphs[graphKey(q.Ctx)] = true
	}
	for _, want := range []string{"kk-Cyrl", "zh-Hans-CN", "en-GB", "en"} {
		if !tags[want] {
			t.Errorf("tag %s not read; tags %v", want, tags)
		}
	}
	if tags["EN"] {
		t.Errorf("ambiguous tag EN/en kept as EN")
	}
	if !graphs[""] || !graphs["<http://ex.org/g>"] || len(graphs) != 2 {
		t.Errorf("graphs %v", graphs)
	}
	if len(quads) != 6 {
		t.Errorf("%d quads, want 6: %v", len(quads), quads)
	}

	for _, bad := range []struct{ doc, want string }{
		{`{"@context": "http://schema.org/", "name": "x"}`, "only inline contexts"},
		{`{"@context": "/etc/passwd", "name": "x"}`, "only inline contexts"},
		{"{\n  \"a\": 1,\n  \"b\" 2\n}", "3:7: "},
		{`[1, 2`, "1:6: "},
	} {
		_, err := NewDecoder(JSONLD, strings.NewReader(bad.doc))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err = %v, want %q", bad.doc, err, bad.want)
		}
	}
}

// TestSyntaxErrors: errors name the line and column; the statements
// before the error are read, not the failing one; Decode keeps returning
// the error.
func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		f    Format
		in   string
		n    int // quads before the error
		want string
	}{
		{Turtle, "@prefix a: <http://a/> .\na:s a:p \"x\" .\na:s a:p \"x\" ;\n  a:q ? .\n", 1, "turtle: 4:7: unexpected '?', want an object"},
		{Turtle, "@prefix a: <http://a/> .\na:s a:p \"\"\"x\n\n", 0, "turtle: 4:1: string not closed"},
		{Turtle, "<http://a/s> b:p 1 .\n", 0, "turtle: 1:14: prefix \"b:\" not declared"},
		{TriG, "<http://a/g> { <http://a/s> <http://a/p> 1 . \n", 1, "trig: 2:1: end of document inside a graph block"},
		{Turtle, "<http://a/g> { <http://a/s> <http://a/p> 1 . }\n", 0, "turtle: 1:14: unexpected '{', want a predicate"},
		{NTriples, "<http://a/s> <http://a/p> \"x\" .\n\n<http://a/s> <http://a/p> bad .\n<http://a/s> <http://a/p> \"y\" .\n", 1, "ntriples: 3:27: unexpected 'b'"},
		{NQuads, "<http://a/s> <http://a/p> \"x\" <http://a/g> .\n<http://a/s> <http://a/p> \"x\" <http://a/g> <http://a/h> .\n", 1, "nquads: 2:"},
		{NTriples, "<http://a/s> <http://a/p> \"x\"", 0, "ntriples: 1:30: end of line"},
		{NTriples, "# c\n<http://a/s> <http://a/p> <http://a/o\n", 0, "ntriples: 2:27: object IRI not closed"},
		{NTriples, "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n", 0, "ntriples: 1:40: unexpected '<', want '.'"},
		{NQuads, "<http://a/s> <http://a/p> \"\\q\" .\n", 0, "nquads: 1:28: backslash"},
		{NQuads, "<http://a/s> <http://a/p> \"x\xff\" .\n", 0, "nquads: 1:29: invalid UTF-8"},
	} {
		dec, err := NewDecoder(tc.f, strings.NewReader(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			_, err = dec.Decode()
			if err != nil {
				break
			}
			n++
		}
		if n != tc.n || err == io.EOF || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s %q: %d quads, then %v; want %d, then %q…", tc.f, tc.in, n, err, tc.n, tc.want)
			continue
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%v is not a SyntaxError", err)
		}
		if _, again := dec.Decode(); again == nil || again.Error() != err.Error() {
			t.Errorf("second Decode after error: %v", again)
		}
		dec.Close()
	}
}

type failReader struct {
	r   io.Reader
	err error
}

func (f *failReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

// TestReadError: a read error is reported, not taken for the end.
func TestReadError(t *testing.T) {
	boom := errors.New("disk gone")
	for _, f := range []Format{NTriples, NQuads, Turtle, JSONLD} {
		in := &failReader{strings.NewReader("<http://a/s> <http://a/p> <http://a/o> .\n"), boom}
		dec, err := NewDecoder(f, in)
		if err == nil {
			for err == nil {
				_, err = dec.Decode()
			}
			dec.Close()
		}
		if !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want %v", f, err, boom)
		}
	}
}

// TestTruncated reads every prefix of a document: each is read, or
// fails with a SyntaxError (knakk/rdf's lexers panicked, killing the
// program, on an unclosed IRI in N-Triples and on ".5" at the start of a
// Turtle line).
func TestTruncated(t *testing.T) {
	ds := hostileDataset(t)
	docs := map[Format][]byte{
		NTriples: encode(t, NTriples, Options{}, hostileGraph(t)),
		NQuads:   encodeQuads(t, NQuads, Options{}, ds),
		Turtle:   encode(t, Turtle, Options{Prefixes: testPrefixes}, hostileGraph(t)),
		TriG:     encodeQuads(t, TriG, Options{Prefixes: testPrefixes}, ds),
	}
	for f, doc := range docs {
		for n := range len(doc) {
			dec, err := NewDecoder(f, bytes.NewReader(doc[:n]))
			if err != nil {
				t.Fatal(err)
			}
			for err == nil {
				_, err = dec.Decode()
			}
			var se *SyntaxError
			if err != io.EOF && !errors.As(err, &se) {
				t.Errorf("%s cut at %d: %v", f, n, err)
			}
			dec.Close()
		}
	}
}

// TestDecoderNoLeak: closing a decoder before the end of a long input
// leaves no goroutine behind (knakk/rdf's decoders, not used, left their
// lexer's).
func TestDecoderNoLeak(t *testing.T) {
	var b strings.Builder
	for i := range 20000 {
		b.WriteString("<http://a/s" + strconv.Itoa(i) + "> <http://a/p> \"x\" .\n")
	}
	nt := b.String()
	ttl := "@prefix a: <http://a/> .\n" + strings.ReplaceAll(strings.ReplaceAll(nt, "<http://a/", "a:"), "> ", " ")
	before := runtime.NumGoroutine()
	for range 20 {
		for _, c := range []struct {
			f  Format
			in string
		}{{NTriples, nt}, {NQuads, nt}, {Turtle, ttl}, {NTriples, "bad\n" + nt}} {
			dec, err := NewDecoder(c.f, strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			dec.Decode()
			dec.Decode()
			if err := dec.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := dec.Decode(); err == nil {
				t.Fatalf("%s: Decode after Close succeeded", c.f)
			}
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running, %d before", n, before)
	}
}

// BenchmarkReadNTriples reads 100k triples of N-Triples.
func BenchmarkReadNTriples(b *testing.B) { benchRead(b, NTriples) }

// BenchmarkReadTurtle reads 100k triples of Turtle (as our writer writes
// it: prefixed names, subject blocks).
func BenchmarkReadTurtle(b *testing.B) { benchRead(b, Turtle) }

func benchRead(b *testing.B, f Format) {
	const n = 100_000
	var buf bytes.Buffer
	if err := WriteAll(f, &buf, Options{Prefixes: testPrefixes}, benchGraph(b, n)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec, _ := NewDecoder(f, bytes.NewReader(data))
		for {
			if _, err := dec.Decode(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
		dec.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}
