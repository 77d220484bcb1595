package exporter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// TestResolveIRI runs the examples of RFC 3986 section 5.4.
func TestResolveIRI(t *testing.T) {
	const base = "http://a/b/c/d;p?q"
	for ref, want := range map[string]string{
		"g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/",
		"/g": "http://a/g", "//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y",
		"#s": "http://a/b/c/d;p?q#s", "g#s": "http://a/b/c/g#s", "g?y#s": "http://a/b/c/g?y#s",
		";x": "http://a/b/c/;x", "g;x": "http://a/b/c/g;x", "g;x?y#s": "http://a/b/c/g;x?y#s",
		"": "http://a/b/c/d;p?q", ".": "http://a/b/c/", "./": "http://a/b/c/", "..": "http://a/b/",
		"../": "http://a/b/", "../g": "http://a/b/g", "../..": "http://a/", "../../": "http://a/",
		"../../g": "http://a/g",
		// Abnormal examples.
		"../../../g": "http://a/g", "../../../../g": "http://a/g", "/./g": "http://a/g",
		"/../g": "http://a/g", "g.": "http://a/b/c/g.", ".g": "http://a/b/c/.g", "g..": "http://a/b/c/g..",
		"..g": "http://a/b/c/..g", "./../g": "http://a/b/g", "./g/.": "http://a/b/c/g/",
		"g/./h": "http://a/b/c/g/h", "g/../h": "http://a/b/c/h", "g;x=1/./y": "http://a/b/c/g;x=1/y",
		"g;x=1/../y": "http://a/b/c/y", "g?y/./x": "http://a/b/c/g?y/./x", "g?y/../x": "http://a/b/c/g?y/../x",
		"g#s/./x": "http://a/b/c/g#s/./x", "g#s/../x": "http://a/b/c/g#s/../x", "http:g": "http:g",
		// IRIs: characters kept, no normalization.
		"ж/ф?я#ю": "http://a/b/c/ж/ф?я#ю", "%7e": "http://a/b/c/%7e",
	} {
		if got := resolveIRI(base, ref); got != want {
			t.Errorf("resolve %q: %q, want %q", ref, got, want)
		}
	}
	for _, c := range [][3]string{
		{"http://a", "b", "http://a/b"},
		{"urn:x:y", "#f", "urn:x:y#f"},
		{"file:///d/f.ttl", "g", "file:///d/g"},
		{"http://a/b?q", "", "http://a/b?q"},
		{"http://a/b#f", "", "http://a/b"},
	} {
		if got := resolveIRI(c[0], c[1]); got != c[2] {
			t.Errorf("resolve %q against %q: %q, want %q", c[1], c[0], got, c[2])
		}
	}
}

func readString(t *testing.T, f Format, base, doc string) []rdf.Quad {
	t.Helper()
	dec, err := NewDecoderBase(f, strings.NewReader(doc), base)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	var out []rdf.Quad
	for {
		q, err := dec.Decode()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatalf("%v\n%s", err, doc)
		}
		out = append(out, q)
	}
}

// nq writes quads as N-Quads lines, for comparisons.
func nq(t *testing.T, quads []rdf.Quad) string {
	t.Helper()
	return string(encodeQuads(t, NQuads, Options{}, quads))
}

func TestTurtleReader(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
		f               Format
	}{
		{"base and prefixes", `@base <http://a/b/> . @prefix x: <c#> . PREFIX y: <../y/>
<s> x:p y:o ; a x:T . BASE <http://z/> <s> <#p> "v"@en-GB, 'w'^^x:dt .`,
			"<http://a/b/s> <http://a/b/c#p> <http://a/y/o> .\n" +
				"<http://a/b/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a/b/c#T> .\n" +
				"<http://z/s> <http://z/#p> \"v\"@en-GB .\n" +
				"<http://z/s> <http://z/#p> \"w\"^^<http://a/b/c#dt> .\n", Turtle},
		{"numbers and booleans", `<http://a/s> <http://a/p> 1, -2.5, +.5e-3, 1.E3, true, false .`,
			"<http://a/s> <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://a/s> <http://a/p> \"-2.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n" +
				"<http://a/s> <http://a/p> \"+.5e-3\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
				"<http://a/s> <http://a/p> \"1.E3\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
				"<http://a/s> <http://a/p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n" +
				"<http://a/s> <http://a/p> \"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n", Turtle},
		{"strings", "<http://a/s> <http://a/p> \"\"\"a \"b\" \"\"c\nd\"\"\", '''e''', \"\\u00e9\\t\\U0001F600\" .",
			"<http://a/s> <http://a/p> \"a \\\"b\\\" \\\"\\\"c\\nd\" .\n" +
				"<http://a/s> <http://a/p> \"e\" .\n" +
				"<http://a/s> <http://a/p> \"é\t😀\" .\n", Turtle},
		{"local names", `@prefix : <http://a/> . :a.b :c\~d\.e :%41:x. :-`,
			"", Turtle}, // error case handled below
		{"blank nodes", `@prefix : <http://a/> . _:x :p [ :q _:g·1 ], [] . ( :a ) :p () .`,
			// A blank node's own triples come before the triple naming it.
			"_:g·1 <http://a/q> _:g··1 .\n" +
				"_:x <http://a/p> _:g·1 .\n" +
				"_:x <http://a/p> _:g·2 .\n" +
				"_:g·3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://a/a> .\n" +
				"_:g·3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n" +
				"_:g·3 <http://a/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n", Turtle},
		{"graphs", `@prefix : <http://a/> . :s :p 1 . :g { :s :p 2 } GRAPH _:b { :s :p 3 . } { :s :p 4 . :s :p 5 } [] { :s :p 6 }
graph :g { } :t :p [ :q 7 ] .`,
			"<http://a/s> <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://a/s> <http://a/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/g> .\n" +
				"<http://a/s> <http://a/p> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> _:b .\n" +
				"<http://a/s> <http://a/p> \"4\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://a/s> <http://a/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://a/s> <http://a/p> \"6\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g·1 .\n" +
				"_:g·2 <http://a/q> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
				"<http://a/t> <http://a/p> _:g·2 .\n", TriG},
	} {
		if tc.want == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if got := nq(t, readString(t, tc.f, "", tc.doc)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
	// Local names: escapes, %XX kept, ':' and inner dots, a final dot
	// ending the statement.
	got := nq(t, readString(t, Turtle, "", `@prefix : <http://a/> . :a.b :c\~d\.e :%41:x.`))
	if want := "<http://a/a.b> <http://a/c~d.e> <http://a/%41:x> .\n"; got != want {
		t.Errorf("local names: %s, want %s", got, want)
	}
}

// TestTurtleReadsOurOutput: the Turtle and TriG writers' output of the
// hostile graph and dataset read back the same.
func TestTurtleReadsOurOutput(t *testing.T) {
	ds := hostileDataset(t)
	for _, opts := range []Options{{Prefixes: testPrefixes}, {Prefixes: emptyPrefixes}, {}} {
		back := readAll(t, TriG, encodeQuads(t, TriG, opts, ds))
		if mustCanon(t, back) != mustCanon(t, ds) {
			t.Errorf("TriG %v: dataset read back differs", opts.Prefixes)
		}
		back = readAll(t, Turtle, encode(t, Turtle, opts, hostileGraph(t)))
		if mustCanon(t, back) != mustCanon(t, toQuads(hostileGraph(t), nil)) {
			t.Errorf("Turtle %v: graph read back differs", opts.Prefixes)
		}
	}
}

// FuzzTurtleDecoder: the Turtle/TriG parser never panics, and what it
// reads, written as TriG (when every term can be written), reads back as
// the same dataset.
func FuzzTurtleDecoder(f *testing.F) {
	f.Add([]byte("@prefix a: <http://a/> .\na:s a:p \"\"\"x\ny\"\"\", [ a:q 1.5e3 ], (1 2) ; a a:T .\n"))
	f.Add([]byte("@base <http://a/b/> . <../s> <p> <#o> . GRAPH <g> { _:b <p> 'x'@en-GB } [] { <s> <p> true }"))
	f.Add([]byte(".2 <http://a/p> 1 ."))
	f.Add(encode(f, Turtle, Options{Prefixes: testPrefixes}, hostileGraph(f)))
	f.Add(encodeQuads(f, TriG, Options{Prefixes: testPrefixes}, hostileDataset(f)))
	f.Fuzz(func(t *testing.T, data []byte) {
		quads, err := decodeBytes(TriG, data)
		if err != nil {
			return
		}
		if t2, err := decodeBytes(Turtle, data); err == nil && len(t2) != len(quads) {
			t.Fatalf("Turtle and TriG read %d and %d statements", len(t2), len(quads))
		}
		var b bytes.Buffer
		enc, _ := NewQuadEncoder(TriG, &b, Options{Prefixes: testPrefixes})
		for _, q := range quads {
			if enc.EncodeQuad(q) != nil {
				return
			}
		}
		enc.Close()
		back, err := decodeBytes(TriG, b.Bytes())
		if err != nil {
			t.Fatalf("our TriG does not read back: %v\n%s", err, b.String())
		}
		if mustCanon(t, back) != mustCanon(t, quads) {
			t.Fatalf("round trip changed the dataset:\n%q\n%s", data, b.String())
		}
	})
}
