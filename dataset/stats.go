// Package dataset describes the output of a build as one dataset: VoID
// statistics counted from the triples as they are written, DCAT 3
// distributions with sizes and SHA-256 checksums, the same facts as a
// schema.org Dataset, and the PROV-O provenance of the run. It also writes
// citation files (CITATION.cff, BibTeX) for the dataset.
//
// A build adds a [Stats] to the sinks its triples stream into, fills a
// [Description] at the end of the run and writes [Description.Triples]
// with the exporter. [Read] turns a written description back into a
// [Description], for tools that publish the dataset (a landing page).
package dataset

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// Terms the statistics look for.
var (
	rdfType       = ontology.RDF.IRI("type")
	wdtInstanceOf = ontology.WDT.IRI("P31")
	owlSameAs     = ontology.OWL.IRI("sameAs")
)

// Stats counts the triples of a dataset as they stream past: it is a sink
// (Encode) to add beside the encoders of a build. A triple sent twice (the
// same entity described by two documents) counts once: Stats keeps a 128-bit
// hash of every distinct triple (two 64-bit maphash sums with random seeds:
// the counts are the same whatever the seeds, barring a collision, whose
// odds are about n²/2¹²⁹ for n triples) and the IRI of every distinct
// subject.
//
// What it counts:
//   - triples: distinct triples;
//   - distinct subjects;
//   - entities: distinct subjects with a wdt:P31 (instance of) triple, the
//     things the articles are about (statements, references, documents and
//     link nodes have none);
//   - properties: distinct predicates, each with its number of triples
//     (VoID property partitions);
//   - classes: distinct objects of rdf:type, each with its number of
//     instances (VoID class partitions);
//   - links: owl:sameAs triples whose object is a Wikidata item (the
//     Wikidata linkset).
//
// A Stats is safe for concurrent use (workers of a corpus build): the
// counts do not depend on the order the triples come in.
//
// The zero value is not usable; call [NewStats].
type Stats struct {
	mu       sync.Mutex
	seeds    [2]maphash.Seed
	seen     map[[2]uint64]struct{}
	subjects map[string]int // triples per subject
	entities map[string]struct{}
	props    map[string]int
	classes  map[string]int
	triples  int
	links    int
}

// NewStats returns an empty Stats.
func NewStats() *Stats {
	return &Stats{
		seeds:    [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		seen:     map[[2]uint64]struct{}{},
		subjects: map[string]int{},
		entities: map[string]struct{}{},
		props:    map[string]int{},
		classes:  map[string]int{},
	}
}

// Encode counts one triple. It never fails.
func (s *Stats) Encode(t rdf.Triple) error {
	subj := termKey(t.Subj)
	pred := t.Pred.String()
	// Two 64-bit hashes of the triple with independent seeds: a 128-bit
	// key. A collision (two distinct triples counted as one) has odds
	// around n²/2¹²⁹ for n triples.
	var key [2]uint64
	for i, seed := range s.seeds {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteString(subj)
		h.WriteByte(0)
		h.WriteString(pred)
		h.WriteByte(0)
		writeTerm(&h, t.Obj)
		key[i] = h.Sum64()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.seen[key]; dup {
		return nil
	}
	s.seen[key] = struct{}{}
	s.triples++
	s.subjects[subj]++
	s.props[pred]++
	switch {
	case t.Pred == rdfType:
		if c, ok := t.Obj.(rdf.IRI); ok {
			s.classes[c.String()]++
		}
	case t.Pred == wdtInstanceOf:
		s.entities[subj] = struct{}{}
	case t.Pred == owlSameAs:
		if o, ok := t.Obj.(rdf.IRI); ok && hasPrefix(o.String(), string(ontology.WD)) {
			s.links++
		}
	}
	return nil
}

// termKey is a subject's key: an IRI as itself, a blank node as "_:label"
// (no IRI starts with "_:", which is no scheme).
func termKey(t rdf.Term) string {
	if b, ok := t.(rdf.Blank); ok {
		return "_:" + b.String()
	}
	return t.String()
}

// writeTerm writes an object to h, its kind and every part that tells it
// from another term.
func writeTerm(h *maphash.Hash, t rdf.Term) {
	switch v := t.(type) {
	case rdf.IRI:
		h.WriteByte('I')
		h.WriteString(v.String())
	case rdf.Blank:
		h.WriteByte('B')
		h.WriteString(v.String())
	case rdf.Literal:
		h.WriteByte('L')
		h.WriteString(v.String())
		h.WriteByte(0)
		h.WriteString(v.Lang())
		h.WriteByte(0)
		h.WriteString(v.DataType.String())
	default:
		h.WriteString(t.Serialize(rdf.NTriples))
	}
}

// Close does nothing: Stats is a sink like the exporter's encoders.
func (s *Stats) Close() error { return nil }

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// Partition is one VoID class or property partition: the class or property
// IRI and its count (instances of the class, triples of the property).
type Partition struct {
	IRI   string
	Count int
}

// Summary is what a [Stats] counted.
type Summary struct {
	Triples          int
	Entities         int
	DistinctSubjects int
	Properties       int
	Classes          int
	// ClassPartitions and PropertyPartitions are sorted by IRI.
	ClassPartitions    []Partition
	PropertyPartitions []Partition
	// Examples are up to MaxExamples entities with the most triples (ties
	// by IRI), for void:exampleResource.
	Examples []string
	// Links is the number of owl:sameAs links to Wikidata items.
	Links int
}

// MaxExamples is the number of example resources a [Summary] names.
const MaxExamples = 3

// Summary returns the counts so far.
func (s *Stats) Summary() Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := Summary{
		Triples:          s.triples,
		Entities:         len(s.entities),
		DistinctSubjects: len(s.subjects),
		Properties:       len(s.props),
		Classes:          len(s.classes),
		ClassPartitions:  partitions(s.classes),
		Links:            s.links,
	}
	sum.PropertyPartitions = partitions(s.props)
	type ex struct {
		iri string
		n   int
	}
	var exs []ex
	for e := range s.entities {
		// Blank nodes are never examples.
		if !strings.HasPrefix(e, "_:") {
			exs = append(exs, ex{e, s.subjects[e]})
		}
	}
	slices.SortFunc(exs, func(a, b ex) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.iri, b.iri)
	})
	for i := 0; i < len(exs) && i < MaxExamples; i++ {
		sum.Examples = append(sum.Examples, exs[i].iri)
	}
	return sum
}

func partitions(m map[string]int) []Partition {
	out := make([]Partition, 0, len(m))
	for k, n := range m {
		out = append(out, Partition{k, n})
	}
	slices.SortFunc(out, func(a, b Partition) int { return cmp.Compare(a.IRI, b.IRI) })
	return out
}
