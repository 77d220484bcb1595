package exporter

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"ttl", Turtle, true},
		{"TTL", Turtle, true},
		{"turtle", Turtle, true},
		{".ttl", Turtle, true},
		{"out.ttl", Turtle, true},
		{"dir/Out.TTL", Turtle, true},
		{"text/turtle", Turtle, true},
		{"Text/Turtle; charset=utf-8", Turtle, true},
		{"nt", NTriples, true},
		{"n-triples", NTriples, true},
		{"ntriples", NTriples, true},
		{".nt", NTriples, true},
		{"graph.nt", NTriples, true},
		{"application/n-triples", NTriples, true},
		{"jsonld", JSONLD, true},
		{"JSON-LD", JSONLD, true},
		{".jsonld", JSONLD, true},
		{"/tmp/kg.jsonld", JSONLD, true},
		{"application/ld+json", JSONLD, true},
		{" ttl ", Turtle, true},
		{"", Format{}, false},
		{"xml", Format{}, false},
		{"application/json", Format{}, false},
		{"out.ttl.gz", Format{}, false},
		{"out", Format{}, false},
		{".", Format{}, false},
		{"nq", NQuads, true},
		{"N-Quads", NQuads, true},
		{"x.nq", NQuads, true},
		{"application/n-quads", NQuads, true},
		{"trig", TriG, true},
		{"out.TriG", TriG, true},
		{"application/trig", TriG, true},
		{"nq.gz", Format{}, false},
		{"canonical", Canonical, true},
		{"C14N", Canonical, true},
		{".c14n.nq", Canonical, true},
		{"c14n.nq", Canonical, true},
		{"dir/x.c14n.nq", Canonical, true},
		{"x.C14N.NQ", Canonical, true},
		{"x.c14n", Format{}, false},
		{"jsonld-framed", JSONLDFramed, true},
		{"framed", JSONLDFramed, true},
		{".framed.jsonld", JSONLDFramed, true},
		{"framed.jsonld", JSONLDFramed, true},
		{"dir/x.Framed.JSONLD", JSONLDFramed, true},
		{"dir/.framed.jsonld", JSONLD, true},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormats(t *testing.T) {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name+" "+f.Extension+" "+f.MediaType)
		if g, ok := Lookup(f.Name); !ok || g != f {
			t.Errorf("Lookup(%q) does not find %v", f.Name, f)
		}
	}
	want := "ttl .ttl text/turtle|nt .nt application/n-triples|jsonld .jsonld application/ld+json|" +
		"nq .nq application/n-quads|trig .trig application/trig|canonical .c14n.nq application/n-quads|" +
		"jsonld-framed .framed.jsonld application/ld+json"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("Formats() = %s, want %s", got, want)
	}
	// The slice is the caller's.
	Formats()[0] = Format{}
	if Formats()[0] != Turtle {
		t.Error("Formats() returns shared storage")
	}
	if _, err := NewEncoder(Format{Name: "nq", Extension: ".nq"}, io.Discard, Options{}); err == nil {
		t.Error("NewEncoder accepts a made-up format")
	}
}

// TestInvalidTriples checks that every encoder rejects terms it cannot
// write validly, writes nothing for them and stays usable.
func TestInvalidTriples(t *testing.T) {
	s := iri(t, kgNS+"s")
	p := iri(t, kgNS+"p")
	o := str(t, "ok")
	langString := iri(t, rdfNS+"langString")
	tests := []struct {
		name string
		tr   rdf.Triple
		want string
	}{
		{"nil subject", rdf.Triple{Pred: p, Obj: o}, "nil term"},
		{"nil object", rdf.Triple{Subj: s, Pred: p}, "nil term"},
		{"zero IRI", tr(rdf.IRI{}, p, o), "empty IRI"},
		{"relative IRI", tr(iri(t, "almaty"), p, o), "not absolute"},
		{"relative predicate", tr(s, iri(t, "#p"), o), "not absolute"},
		{"invalid UTF-8 IRI", tr(iri(t, kgNS+"\xff"), p, o), "UTF-8"},
		{"zero blank", tr(rdf.Blank{}, p, o), "without label"},
		{"blank with space", tr(blank(t, "a b"), p, o), "not allowed"},
		{"blank ending with dot", tr(s, p, blank(t, "a.")), "not allowed"},
		{"blank starting with dash", tr(s, p, blank(t, "-a")), "not allowed"},
		{"invalid UTF-8 literal", tr(s, p, str(t, "\xc3(")), "UTF-8"},
		{"zero literal", tr(s, p, rdf.Literal{}), "datatype"},
		{"relative datatype", tr(s, p, rdf.NewTypedLiteral("x", iri(t, "date"))), "not absolute"},
		{"langString without tag", tr(s, p, rdf.NewTypedLiteral("x", langString)), "langString"},
	}
	good := tr(s, p, o)
	for _, f := range Formats() {
		for _, tt := range tests {
			t.Run(f.Name+"/"+tt.name, func(t *testing.T) {
				var b strings.Builder
				enc, err := NewEncoder(f, &b, Options{Prefixes: testPrefixes})
				if err != nil {
					t.Fatal(err)
				}
				err = enc.Encode(tt.tr)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Encode = %v, want error containing %q", err, tt.want)
				}
				if !strings.HasPrefix(err.Error(), map[Format]string{Turtle: "turtle: ", NTriples: "ntriples: ", JSONLD: "jsonld: ", JSONLDFramed: "jsonld-framed: ", NQuads: "nquads: ", TriG: "trig: ", Canonical: "canonical: "}[f]) {
					t.Errorf("error %q lacks the format name", err)
				}
				if err := enc.Encode(good); err != nil {
					t.Fatalf("Encode after a rejected triple: %v", err)
				}
				if err := enc.Close(); err != nil {
					t.Fatal(err)
				}
				want := string(encode(t, f, Options{Prefixes: testPrefixes}, []rdf.Triple{good}))
				if b.String() != want {
					t.Errorf("output after a rejected triple:\n%s\nwant\n%s", b.String(), want)
				}
			})
		}
	}
}

func TestBadOptions(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		opts Options
	}{
		{"prefix name with colon", Turtle, Options{Prefixes: []Prefix{{"a:b", kgNS}}}},
		{"prefix name starting with digit", Turtle, Options{Prefixes: []Prefix{{"1a", kgNS}}}},
		{"prefix name ending with dot", Turtle, Options{Prefixes: []Prefix{{"a.", kgNS}}}},
		{"duplicate prefix", Turtle, Options{Prefixes: []Prefix{{"kg", kgNS}, {"kg", cityNS}}}},
		{"relative prefix IRI", Turtle, Options{Prefixes: []Prefix{{"kg", "kg/"}}}},
		{"prefix IRI with space", Turtle, Options{Prefixes: []Prefix{{"kg", "https://x/ y"}}}},
		{"context not JSON", JSONLD, Options{Context: []byte(`{"kg":`)}},
		{"remote context", JSONLD, Options{Context: []byte(`"https://schema.org/"`)}},
		{"remote context in document", JSONLD, Options{Context: []byte(`{"@context": ["https://schema.org/"]}`)}},
		{"local file context", JSONLD, Options{Context: []byte(`{"@context": "/etc/passwd"}`)}},
		{"bad term definition", JSONLD, Options{Context: []byte(`{"kg": 42}`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewEncoder(tt.f, io.Discard, tt.opts); err == nil {
				t.Errorf("NewEncoder accepted %+v", tt.opts)
			} else {
				t.Log(err)
			}
		})
	}
	if _, err := NewEncoder(Turtle, nil, Options{}); err == nil {
		t.Error("NewEncoder accepted a nil writer")
	}
	// Accepted: the empty prefix, and non-ASCII prefix names.
	for _, ps := range [][]Prefix{{{"", kgNS}}, {{"қ", kgNS}}, {{"a.b-c_1", kgNS}}} {
		if _, err := NewEncoder(Turtle, io.Discard, Options{Prefixes: ps}); err != nil {
			t.Errorf("prefixes %v: %v", ps, err)
		}
	}
}

func TestClosed(t *testing.T) {
	good := tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), str(t, "o"))
	for _, f := range Formats() {
		enc, err := NewEncoder(f, io.Discard, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(good); !errors.Is(err, ErrClosed) {
			t.Errorf("%s: Encode after Close = %v, want ErrClosed", f, err)
		}
		if err := enc.Close(); !errors.Is(err, ErrClosed) {
			t.Errorf("%s: second Close = %v, want ErrClosed", f, err)
		}
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestWriteError checks that write errors come back, wrapped.
func TestWriteError(t *testing.T) {
	boom := errors.New("disk full")
	for _, f := range Formats() {
		err := WriteAll(f, failWriter{boom}, Options{}, hostileGraph(t))
		if !errors.Is(err, boom) {
			t.Errorf("%s: WriteAll = %v, want %v", f, err, boom)
		}
	}
	// Turtle reports the error from Encode once its buffer fills.
	enc, _ := NewEncoder(Turtle, failWriter{boom}, Options{})
	long := tr(iri(t, kgNS+"s"), iri(t, kgNS+"p"), str(t, strings.Repeat("x", 100<<10)))
	if err := enc.Encode(long); !errors.Is(err, boom) {
		t.Errorf("Encode of a long literal = %v, want %v", err, boom)
	}
	if err := enc.Encode(long); !errors.Is(err, boom) {
		t.Errorf("error is not sticky: %v", err)
	}
}

// TestTurtleTerms checks the writing of single terms.
func TestTurtleTerms(t *testing.T) {
	prefixes := []Prefix{{"kg", kgNS}, {"city", cityNS}, {"xsd", xsdNS}, {"", "https://example.org/"}}
	s := iri(t, kgNS+"s")
	p := iri(t, kgNS+"p")
	tests := []struct {
		obj  rdf.Object
		want string
	}{
		{iri(t, kgNS+"Almaty"), "kg:Almaty"},
		{iri(t, cityNS+"almaty"), "city:almaty"}, // longest namespace wins
		{iri(t, kgNS+"city/almaty_(city)"), "<https://example.org/kg/city/almaty_(city)>"},
		{iri(t, kgNS+"a,b"), "<https://example.org/kg/a,b>"},
		{iri(t, kgNS+"x."), "<https://example.org/kg/x.>"},
		{iri(t, kgNS+".x"), "<https://example.org/kg/.x>"},
		{iri(t, kgNS+"-x"), "<https://example.org/kg/-x>"},
		{iri(t, kgNS+"x-"), "kg:x-"},
		{iri(t, kgNS+"a.b"), "kg:a.b"},
		{iri(t, kgNS+"_x"), "kg:_x"},
		{iri(t, kgNS+"1"), "kg:1"},
		{iri(t, kgNS+"a~b"), "<https://example.org/kg/a~b>"},
		{iri(t, kgNS+"a%20b"), "<https://example.org/kg/a%20b>"},
		{iri(t, kgNS+"Қазақстан"), "kg:Қазақстан"},
		{iri(t, kgNS), "kg:"},
		{iri(t, "https://example.org/other"), ":other"},
		{iri(t, "https://example.org/"), ":"},
		{iri(t, "https://example.org/kgx"), ":kgx"},
		{iri(t, "http://example.org/kg/x"), "<http://example.org/kg/x>"},
		{str(t, `q"b\n`+"\n\r\t\x00\x08\x0c\x1b\x7f\u0080\u009f\u00a0\u2028"), `"q\"b\\n\n\r\t\u0000\u0008\u000C\u001B\u007F\u0080\u009F` + "\u00a0\u2028\""},
		{str(t, `'''"""`), `"'''\"\"\""`},
		{lang(t, "x", "kk-Latn"), `"x"@kk-Latn`},
		{lang(t, "x", "EN"), `"x"@EN`},
		{typed(t, "1854-02-04", xsdNS+"date"), `"1854-02-04"^^xsd:date`},
		{typed(t, "x", "https://example.org/kg/dt(1)"), `"x"^^<https://example.org/kg/dt(1)>`},
		{typed(t, "x", xsdNS+"string"), `"x"`},
		{typed(t, "42", xsdNS+"integer"), `42`},
		{typed(t, "-42", xsdNS+"integer"), `-42`},
		// Only canonical integers are bare: readers that convert
		// numbers would normalize +042 to 42.
		{typed(t, "+042", xsdNS+"integer"), `"+042"^^xsd:integer`},
		{typed(t, "007", xsdNS+"integer"), `"007"^^xsd:integer`},
		{typed(t, "-0", xsdNS+"integer"), `"-0"^^xsd:integer`},
		{typed(t, "0", xsdNS+"integer"), `0`},
		{typed(t, "-17", xsdNS+"integer"), `-17`},
		{typed(t, "1,000", xsdNS+"integer"), `"1,000"^^xsd:integer`},
		{typed(t, " 42", xsdNS+"integer"), `" 42"^^xsd:integer`},
		{typed(t, "", xsdNS+"integer"), `""^^xsd:integer`},
		{typed(t, "+", xsdNS+"integer"), `"+"^^xsd:integer`},
		{typed(t, "4.2", xsdNS+"integer"), `"4.2"^^xsd:integer`},
		{typed(t, "42", xsdNS+"int"), `"42"^^xsd:int`},
		{typed(t, "4.2", xsdNS+"decimal"), `"4.2"^^xsd:decimal`},
		{blank(t, "b0"), "_:b0"},
		{blank(t, "0a.b"), "_:0a.b"},
	}
	for _, tt := range tests {
		got := string(encode(t, Turtle, Options{Prefixes: prefixes}, []rdf.Triple{tr(s, p, tt.obj)}))
		_, body, _ := strings.Cut(got, "\n\n")
		want := "kg:s kg:p " + tt.want + " .\n\n"
		if body != want {
			t.Errorf("object %#v:\n got %q\nwant %q", tt.obj, body, want)
		}
	}
}

// TestTurtleGrouping checks the layout of subject blocks: ';' for a new
// predicate, ',' for a new object, a new block when a subject comes back.
func TestTurtleGrouping(t *testing.T) {
	a, b := iri(t, kgNS+"a"), iri(t, kgNS+"b")
	p, q := iri(t, kgNS+"p"), iri(t, kgNS+"q")
	typ := iri(t, rdfNS+"type")
	one, two := str(t, "1"), str(t, "2")
	got := string(encode(t, Turtle, Options{Prefixes: []Prefix{{"kg", kgNS}}}, []rdf.Triple{
		tr(a, typ, b), tr(a, p, one), tr(a, p, two), tr(a, q, one), tr(a, p, one),
		tr(b, p, one),
		tr(a, p, two),
		tr(blank(t, "x"), p, blank(t, "x")),
	}))
	want := `@prefix kg: <https://example.org/kg/> .

kg:a a kg:b ;
    kg:p "1",
        "2" ;
    kg:q "1" ;
    kg:p "1" .

kg:b kg:p "1" .

kg:a kg:p "2" .

_:x kg:p _:x .

`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := string(encode(t, Turtle, Options{}, nil)); got != "" {
		t.Errorf("empty graph without prefixes: %q", got)
	}
}
