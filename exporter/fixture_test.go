package exporter

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	kgNS     = "https://example.org/kg/"
	cityNS   = "https://example.org/kg/city/"
	schemaNS = "https://schema.org/"
	xsdNS    = "http://www.w3.org/2001/XMLSchema#"
	rdfNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// testPrefixes are the prefixes of the hostile graph, in print order.
var testPrefixes = []Prefix{
	{"rdf", rdfNS},
	{"xsd", xsdNS},
	{"schema", schemaNS},
	{"kg", kgNS},
	{"city", cityNS},
}

// emptyPrefixes use the empty prefix for the kg namespace.
var emptyPrefixes = []Prefix{{"", kgNS}, {"c", cityNS}, {"x", xsdNS}, {"s", schemaNS}}

// testContext is the JSON-LD context used with the hostile graph: the
// prefixes, a language map and a typed term.
const testContext = `{
  "@context": {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "kg": "https://example.org/kg/",
    "city": "https://example.org/kg/city/",
    "name": {"@id": "schema:name", "@container": "@language"},
    "founded": {"@id": "kg:founded", "@type": "xsd:date"},
    "sameAs": {"@id": "schema:sameAs", "@type": "@id"}
  }
}`

func iri(t testing.TB, s string) rdf.IRI {
	t.Helper()
	i, err := rdf.NewIRI(s)
	if err != nil {
		t.Fatalf("NewIRI(%q): %v", s, err)
	}
	return i
}

func blank(t testing.TB, s string) rdf.Blank {
	t.Helper()
	b, err := rdf.NewBlank(s)
	if err != nil {
		t.Fatalf("NewBlank(%q): %v", s, err)
	}
	return b
}

func str(t testing.TB, s string) rdf.Literal {
	t.Helper()
	l, err := rdf.NewLiteral(s)
	if err != nil {
		t.Fatalf("NewLiteral(%q): %v", s, err)
	}
	return l
}

func lang(t testing.TB, s, tag string) rdf.Literal {
	t.Helper()
	l, err := rdf.NewLangLiteral(s, tag)
	if err != nil {
		t.Fatalf("NewLangLiteral(%q, %q): %v", s, tag, err)
	}
	return l
}

func typed(t testing.TB, s, dt string) rdf.Literal {
	t.Helper()
	return rdf.NewTypedLiteral(s, iri(t, dt))
}

func tr(s rdf.Subject, p rdf.Predicate, o rdf.Object) rdf.Triple {
	return rdf.Triple{Subj: s, Pred: p, Obj: o}
}

// hostileGraph returns a small graph meant to break writers: IRIs that
// cannot be prefixed names, escapes of every kind, language tags with
// upper case, integers with invalid lexical forms, blank nodes and a
// subject that comes back after others.
func hostileGraph(t testing.TB) []rdf.Triple {
	kg := func(s string) rdf.IRI { return iri(t, kgNS+s) }
	city := func(s string) rdf.IRI { return iri(t, cityNS+s) }
	schema := func(s string) rdf.IRI { return iri(t, schemaNS+s) }
	xsd := func(s string) string { return xsdNS + s }
	almaty := city("almaty")
	b1, b2 := blank(t, "b1"), blank(t, "e.2")
	return []rdf.Triple{
		tr(almaty, iri(t, rdfNS+"type"), schema("City")),
		tr(almaty, schema("name"), lang(t, "Almaty", "en")),
		tr(almaty, schema("name"), lang(t, "Алматы", "kk")),
		tr(almaty, schema("name"), lang(t, "Almaty", "kk-Latn")),
		tr(almaty, kg("population"), typed(t, "2000000", xsd("integer"))),
		tr(almaty, kg("population"), typed(t, "1,000", xsd("integer"))),
		tr(almaty, kg("founded"), typed(t, "1854-02-04", xsd("date"))),
		tr(almaty, kg("event"), b1),
		tr(city("almaty_(city)"), schema("sameAs"), almaty),
		tr(city("almaty_(city)"), kg("code"), typed(t, "ALA", kgNS+"Code")),
		tr(city("almaty_(city)"), kg("code"), typed(t, "x\"y", kgNS+"dt(1)")),
		tr(kg("a,b"), kg("note"), str(t, "He said \"hi\" \\ back\nline 2\ttab\r\x01\x1f\x7f\u0085 end")),
		tr(kg("a,b"), kg("note"), str(t, "")),
		tr(kg("a,b"), kg("note"), typed(t, "explicit string", xsd("string"))),
		tr(kg("a,b"), kg("note"), str(t, "emoji 😀 and tab\t")),
		tr(kg("x."), kg("year"), typed(t, "1991", xsd("gYear"))),
		tr(kg("x."), kg("year"), typed(t, "1991", xsd("integer"))),
		tr(kg("x."), kg("count"), typed(t, "+5", xsd("integer"))),
		tr(kg("x."), kg("count"), typed(t, "-0", xsd("integer"))),
		tr(kg("x."), kg("count"), typed(t, "007", xsd("integer"))),
		tr(kg("x."), kg("count"), typed(t, "12345678901234567890123", xsd("integer"))),
		tr(kg("x."), kg("count"), typed(t, "1e3", xsd("integer"))),
		tr(kg("x."), kg("flag"), typed(t, "true", xsd("boolean"))),
		tr(kg("x."), kg("ratio"), typed(t, "0.5", xsd("decimal"))),
		tr(kg("Қазақстан"), schema("name"), lang(t, "Қазақстан", "kk")),
		tr(kg("Қазақстан"), schema("name"), lang(t, "Qazaqstan", "kk-Latn")),
		tr(kg("Қазақстан"), kg("capital"), kg("Астана")),
		tr(kg("Қазақстан"), kg("ns"), iri(t, kgNS)),
		tr(b1, kg("label"), str(t, "anonymous event")),
		tr(b1, kg("partOf"), b2),
		tr(b2, kg("label"), lang(t, "nested", "en-GB")),
		tr(kg("-lead"), kg("trail."), kg(".dot")),
		tr(kg("-lead"), kg("percent"), kg("Almaty%28city%29")),
		tr(kg("-lead"), kg("colon"), kg("a:b")),
		tr(kg("1st"), kg("a.b"), kg("c_d-e")),
		tr(kg("1st"), iri(t, rdfNS+"type"), iri(t, rdfNS+"type")),
		tr(kg("1st"), iri(t, "urn:x-kg:thing"), iri(t, "http://other.example/path?q=1#frag")),
		tr(almaty, kg("mayor"), iri(t, kgNS+"person/Ерболат_Досаев")),
		tr(almaty, schema("name"), lang(t, "Almaty", "en")), // duplicate
	}
}

// goldenPath returns testdata/name.
func goldenPath(name string) string { return filepath.Join("testdata", name) }

// checkGolden compares got with testdata/name, or rewrites the file when
// -update is set.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := goldenPath(name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./exporter -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from golden file (run with -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// canonical returns the URDNA2015 canonical N-Quads of a graph, so that
// graphs can be compared whatever their blank node labels. With
// lowerLang, language tags are lowercased first (json-gold's reader
// lowercases them).
func canonical(t *testing.T, ds *ld.RDFDataset, lowerLang bool) string {
	t.Helper()
	if lowerLang {
		for _, q := range ds.Graphs["@default"] {
			if l, ok := q.Object.(ld.Literal); ok && l.Language != "" {
				q.Object = ld.NewLiteral(l.Value, l.Datatype, strings.ToLower(l.Language))
			}
		}
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offlineLoader{}
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdApi().Normalize(ds, opts)
	if err != nil {
		t.Fatalf("normalize: %v", err)
	}
	return out.(string)
}

// encode writes triples in format f and returns the bytes.
func encode(t testing.TB, f Format, opts Options, triples []rdf.Triple) []byte {
	t.Helper()
	var b strings.Builder
	if err := WriteAll(f, &b, opts, triples); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return []byte(b.String())
}
