package site

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// sampleOut is the sample's committed output.
const sampleOut = "../out/government-of-kazakhstan.ttl"

// copies returns the sample's triples n times, the IRIs under the base
// suffixed "-i" in copy i: n graphs of the sample's shape, disjoint.
func copies(b *testing.B, n int) []rdf.Triple {
	b.Helper()
	f, err := os.Open(sampleOut)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ts := readTriples(b, exporter.Turtle, f)
	var out []rdf.Triple
	for i := range n {
		suffix := "-" + strconv.Itoa(i)
		rename := func(t rdf.Term) rdf.Term {
			iri, ok := t.(rdf.IRI)
			if !ok || !strings.HasPrefix(iri.String(), ontology.DefaultBase) {
				return t
			}
			r, err := rdf.NewIRI(iri.String() + suffix)
			if err != nil {
				b.Fatal(err)
			}
			return r
		}
		for _, t := range ts {
			out = append(out, rdf.Triple{Subj: rename(t.Subj).(rdf.Subject), Pred: t.Pred, Obj: rename(t.Obj).(rdf.Object)})
		}
	}
	return out
}

// BenchmarkGenerate renders the site of the sample's output (1 copy) and
// of 20 disjoint copies of it, in memory (no writing).
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1, 20} {
		b.Run("copies="+strconv.Itoa(n), func(b *testing.B) {
			ts := copies(b, n)
			opts := testOptions()
			var bytes int
			for b.Loop() {
				s, err := Generate(ts, opts)
				if err != nil {
					b.Fatal(err)
				}
				bytes = 0
				for _, f := range s.Files {
					bytes += len(f.Data)
				}
			}
			b.ReportMetric(float64(len(ts))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
			b.ReportMetric(float64(bytes), "site-bytes")
		})
	}
}
