package exporter

import (
	"io"
	"strconv"
	"testing"

	"github.com/knakk/rdf"
)

// benchGraph returns n triples grouped by subject, ten per subject, with
// the kinds of terms the project writes.
func benchGraph(b *testing.B, n int) []rdf.Triple {
	b.Helper()
	typ := iri(b, rdfNS+"type")
	city := iri(b, schemaNS+"City")
	name := iri(b, schemaNS+"name")
	pop := iri(b, kgNS+"population")
	founded := iri(b, kgNS+"founded")
	near := iri(b, kgNS+"near")
	note := iri(b, kgNS+"note")
	out := make([]rdf.Triple, 0, n)
	for i := 0; len(out) < n; i++ {
		id := strconv.Itoa(i)
		s := iri(b, cityNS+"c"+id)
		for _, t := range []rdf.Triple{
			tr(s, typ, city),
			tr(s, name, lang(b, "City "+id, "en")),
			tr(s, name, lang(b, "Қала "+id, "kk")),
			tr(s, name, lang(b, "Qala "+id, "kk-Latn")),
			tr(s, pop, typed(b, strconv.Itoa(i*37), xsdNS+"integer")),
			tr(s, founded, typed(b, "1854-02-04", xsdNS+"date")),
			tr(s, near, iri(b, cityNS+"c"+strconv.Itoa(i+1))),
			tr(s, near, iri(b, cityNS+"c"+id+"_(town)")),
			tr(s, note, str(b, "A \"quoted\" note\nwith two lines")),
			tr(s, note, blank(b, "n"+id)),
		} {
			if len(out) < n {
				out = append(out, t)
			}
		}
	}
	return out
}

func benchEncode(b *testing.B, f Format) {
	const n = 100_000
	graph := benchGraph(b, n)
	opts := Options{Prefixes: testPrefixes}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		enc, err := NewEncoder(f, io.Discard, opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range graph {
			if err := enc.Encode(t); err != nil {
				b.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

// BenchmarkTurtle writes 100k triples as Turtle to io.Discard.
func BenchmarkTurtle(b *testing.B) { benchEncode(b, Turtle) }

// BenchmarkNTriples writes 100k triples as N-Triples to io.Discard.
func BenchmarkNTriples(b *testing.B) { benchEncode(b, NTriples) }

// BenchmarkJSONLD writes 100k triples as JSON-LD to io.Discard.
func BenchmarkJSONLD(b *testing.B) { benchEncode(b, JSONLD) }

// BenchmarkJSONLDFramed writes 100k triples as framed JSON-LD to
// io.Discard (the graph held in memory, then written as trees).
func BenchmarkJSONLDFramed(b *testing.B) { benchEncode(b, JSONLDFramed) }

// BenchmarkNTriplesKnakk writes the same 100k triples with knakk/rdf's
// N-Triples encoder, the reference the N-Triples writer is tested
// against (TestNTriplesMatchesKnakk), for comparison.
func BenchmarkNTriplesKnakk(b *testing.B) {
	const n = 100_000
	graph := benchGraph(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		enc := rdf.NewTripleEncoder(io.Discard, rdf.NTriples)
		for _, t := range graph {
			if err := enc.Encode(t); err != nil {
				b.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}
