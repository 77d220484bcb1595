package exporter

import (
	"testing"
)

func TestGolden(t *testing.T) {
	graph := hostileGraph(t)
	tests := []struct {
		golden string
		format Format
		opts   Options
	}{
		{"hostile.ttl", Turtle, Options{Prefixes: testPrefixes}},
		{"hostile-noprefix.ttl", Turtle, Options{}},
		{"hostile.nt", NTriples, Options{Prefixes: testPrefixes}},
		{"hostile.jsonld", JSONLD, Options{Prefixes: testPrefixes, Context: []byte(testContext)}},
		{"hostile-prefixes.jsonld", JSONLD, Options{Prefixes: testPrefixes}},
		{"hostile-nocontext.jsonld", JSONLD, Options{}},
		{"empty.ttl", Turtle, Options{Prefixes: testPrefixes[:2]}},
		{"empty.nt", NTriples, Options{}},
		{"empty.jsonld", JSONLD, Options{Context: []byte(testContext)}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			triples := graph
			if len(tt.golden) > 5 && tt.golden[:5] == "empty" {
				triples = nil
			}
			got := encode(t, tt.format, tt.opts, triples)
			checkGolden(t, tt.golden, got)
			// Deterministic: a second run gives the same bytes.
			if again := encode(t, tt.format, tt.opts, triples); string(again) != string(got) {
				t.Errorf("second encoding differs")
			}
		})
	}
}
