package exporter

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// knakkNTriples writes triples with knakk/rdf's N-Triples encoder, the
// reference for the N-Triples writer's bytes.
func knakkNTriples(t *testing.T, triples []rdf.Triple) string {
	t.Helper()
	var b strings.Builder
	enc := rdf.NewTripleEncoder(&b, rdf.NTriples)
	for _, tr := range triples {
		if err := enc.Encode(tr); err != nil {
			t.Fatalf("knakk: %v", err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("knakk: close: %v", err)
	}
	return b.String()
}

// TestNTriplesMatchesKnakk: the N-Triples writer (writeNQuad in the
// default graph) gives byte for byte what knakk/rdf's N-Triples encoder
// gives, on the hostile graph and on random hostile graphs.
func TestNTriplesMatchesKnakk(t *testing.T) {
	graphs := map[string][]rdf.Triple{"hostile": hostileGraph(t)}
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 0x6e74))
		graphs["random-"+string(rune('0'+seed))] = jsonldRandomGraph(t, rng, 2000)
	}
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			got := string(encode(t, NTriples, Options{}, g))
			want := knakkNTriples(t, g)
			if got != want {
				t.Errorf("N-Triples differ from knakk's: %s", firstDiffLine(got, want))
			}
		})
	}
}
