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
	"errors"
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

// DefaultMemoryBudget is the memory a [Stats] holds hashes in before it
// spills them to temporary files: 64 MiB, about two million triples.
const DefaultMemoryBudget = 64 << 20

// StatsOptions configure a [Stats].
type StatsOptions struct {
	// MemoryBudget is the number of bytes of hashes (and of the IRIs of
	// entities, for the examples) held in memory; past it they are sorted
	// and written to a temporary file. 0 means [DefaultMemoryBudget].
	MemoryBudget int64
	// TempDir is the directory the temporary files are made in ("": the
	// system's, os.TempDir). They are removed by [Stats.Close].
	TempDir string
}

// Stats counts the triples of a dataset as they stream past: it is a sink
// (Encode) to add beside the encoders of a build. A triple sent twice (the
// same entity described by two documents) counts once.
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
// The counts are exact over the whole input in bounded memory. Each triple
// becomes a 32-byte record: a 128-bit hash of its subject, a 64-bit hash of
// its predicate and object, the index of its predicate (and of its class,
// for rdf:type) in small tables. Records are held in memory up to the
// memory budget, then sorted and written to a temporary file (a run); the
// IRIs of entities, needed to name examples, are spilled beside them in
// the order of their hashes. [Stats.Summary] merges the runs: records come
// out sorted, duplicates (the same triple from two documents, or twice
// from one) side by side, and each subject's triples together, so every
// count is a pass over the merged records. Distinct triples could be
// counted as one only if their subjects' 128-bit hashes collide (odds
// about n²/2¹²⁹ for n subjects) or, for one subject, their 64-bit hashes
// (about m²/2⁶⁵ for m triples of the subject); the seeds are random, the
// counts the same whatever they are.
//
// A Stats is safe for concurrent use (workers of a corpus build): the
// counts do not depend on the order the triples come in.
//
// The zero value is not usable; call [NewStats] or [NewStatsWith], and
// [Stats.Close] to remove the temporary files.
type Stats struct {
	seeds [3]maphash.Seed

	mu   sync.Mutex
	opts StatsOptions
	// Small tables: predicates and classes, by index.
	predIdx   map[string]uint32
	preds     []string
	classIdx  map[string]uint32
	classes   []string
	recs      []record             // in memory, not yet spilled
	unmap     func()               // releases recs when mapped outside the heap
	iris      map[[2]uint64]string // entity IRIs by subject hash, not yet spilled
	irisBytes int64
	spill     *spill
	err       error // a failed spill: every later call reports it
	closed    bool
	summary   *Summary
}

var errClosed = errors.New("dataset statistics: used after Close")

// NewStats returns an empty Stats with the default options.
func NewStats() *Stats { return NewStatsWith(StatsOptions{}) }

// NewStatsWith returns an empty Stats with options o.
func NewStatsWith(o StatsOptions) *Stats {
	if o.MemoryBudget <= 0 {
		o.MemoryBudget = DefaultMemoryBudget
	}
	return &Stats{
		seeds:    [3]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed(), maphash.MakeSeed()},
		opts:     o,
		predIdx:  map[string]uint32{},
		classIdx: map[string]uint32{},
		iris:     map[[2]uint64]string{},
	}
}

// Flags of a record's meta field; its low bits are a class index + 1 (0:
// no class).
const (
	metaLink   = 1 << 31 // owl:sameAs to a Wikidata item
	metaEntity = 1 << 30 // wdt:P31: the subject is an entity
	metaClass  = metaEntity - 1
)

// irisOverhead approximates the memory of one entry of the IRI map
// besides the IRI's bytes.
const irisOverhead = 64

// Encode counts one triple. It fails only when a spill to a temporary
// file fails.
func (s *Stats) Encode(t rdf.Triple) error {
	subj := termKey(t.Subj)
	pred := t.Pred.String()
	r := record{s0: maphash.String(s.seeds[0], subj), s1: maphash.String(s.seeds[1], subj)}
	var h maphash.Hash
	h.SetSeed(s.seeds[2])
	h.WriteString(pred)
	h.WriteByte(0)
	writeTerm(&h, t.Obj)
	r.t = h.Sum64()
	entityIRI := ""

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.summary = nil
	var ok bool
	if r.pred, ok = s.predIdx[pred]; !ok {
		r.pred = uint32(len(s.preds))
		s.predIdx[pred] = r.pred
		s.preds = append(s.preds, pred)
	}
	switch {
	case t.Pred == rdfType:
		if c, isIRI := t.Obj.(rdf.IRI); isIRI {
			cs := c.String()
			i, ok := s.classIdx[cs]
			if !ok {
				i = uint32(len(s.classes))
				s.classIdx[cs] = i
				s.classes = append(s.classes, cs)
			}
			r.meta = i + 1
		}
	case t.Pred == wdtInstanceOf:
		r.meta = metaEntity
		if _, blank := t.Subj.(rdf.Blank); !blank {
			entityIRI = subj
		}
	case t.Pred == owlSameAs:
		if o, isIRI := t.Obj.(rdf.IRI); isIRI && strings.HasPrefix(o.String(), string(ontology.WD)) {
			r.meta = metaLink
		}
	}
	if entityIRI != "" {
		k := [2]uint64{r.s0, r.s1}
		if _, ok := s.iris[k]; !ok {
			s.iris[k] = entityIRI
			s.irisBytes += int64(len(entityIRI)) + irisOverhead
		}
	}
	if len(s.recs) == cap(s.recs) {
		if err := s.grow(); err != nil {
			s.err = err
			return err
		}
	}
	s.recs = append(s.recs, r)
	if int64(len(s.recs))*recordSize+s.irisBytes >= s.opts.MemoryBudget {
		if err := s.spillNow(); err != nil {
			s.err = err
			return err
		}
	}
	return nil
}

// mapBuffer is mapRecords; tests replace it to try the heap's buffer.
var mapBuffer = mapRecords

// grow makes room for a record: the first time, the whole budget's
// buffer is mapped outside the heap (mapRecords) where the system allows;
// on the heap the buffer doubles, never past the budget. A full buffer of
// the budget's size is spilled.
func (s *Stats) grow() error {
	limit := max(int(s.opts.MemoryBudget/recordSize), 1)
	if s.recs == nil && s.unmap == nil {
		if recs, unmap, ok := mapBuffer(limit); ok {
			s.recs, s.unmap = recs, unmap
			return nil
		}
	}
	if cap(s.recs) >= limit {
		return s.spillNow()
	}
	n := max(2*cap(s.recs), 1024)
	n = max(min(n, limit), cap(s.recs)+1)
	recs := make([]record, len(s.recs), n)
	copy(recs, s.recs)
	s.recs = recs
	return nil
}

// spillNow sorts the records and entity IRIs in memory and writes them to
// a new run.
func (s *Stats) spillNow() error {
	if s.spill == nil {
		sp, err := newSpill(s.opts.TempDir)
		if err != nil {
			return err
		}
		s.spill = sp
	}
	s.recs = sortRecords(s.recs)
	if err := s.spill.add(s.recs, sortIRIs(s.iris)); err != nil {
		return err
	}
	s.recs = s.recs[:0]
	s.iris = map[[2]uint64]string{}
	s.irisBytes = 0
	return nil
}

// TempBytes is the largest number of bytes the temporary files held at
// once (0 when nothing was spilled).
func (s *Stats) TempBytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.spill == nil {
		return 0
	}
	return s.spill.peak
}

// Close removes the temporary files. Counts read by [Stats.Summary] before
// stay readable; Encode fails after Close, and so does a first Summary.
// Call it when the build fails, too.
func (s *Stats) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.recs, s.iris = nil, nil
	if s.unmap != nil {
		s.unmap()
		s.unmap = nil
	}
	var err error
	if s.spill != nil {
		err = s.spill.remove()
		s.spill = nil
	}
	if s.err == nil {
		s.err = errClosed
	}
	return err
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

// Summary returns the counts of the triples encoded so far, merging the
// spilled runs. It fails when a spill or the merge does.
func (s *Stats) Summary() (Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.summary != nil {
		return *s.summary, nil
	}
	if s.err != nil {
		return Summary{}, s.err
	}
	sum, err := s.count()
	if err != nil {
		return Summary{}, err
	}
	s.summary = &sum
	return sum, nil
}

// count merges the runs and the records in memory and counts them.
func (s *Stats) count() (Summary, error) {
	s.recs = sortRecords(s.recs)
	recs, err := s.spill.records(s.recs)
	if err != nil {
		return Summary{}, err
	}
	defer recs.close()
	iris, err := s.spill.iris(sortIRIs(s.iris))
	if err != nil {
		return Summary{}, err
	}
	defer iris.close()

	props := make([]int, len(s.preds))
	classes := make([]int, len(s.classes))
	var sum Summary
	var ex examples
	var (
		prev    record
		started bool
		n       int  // distinct triples of the current subject
		entity  bool // the current subject has a wdt:P31 triple
	)
	endSubject := func() error {
		if !entity {
			return nil
		}
		sum.Entities++
		// Blank nodes are never examples: their IRIs were not kept.
		iri, ok, err := iris.find([2]uint64{prev.s0, prev.s1})
		if err != nil {
			return err
		}
		if ok {
			ex.add(iri, n)
		}
		return nil
	}
	for {
		r, ok, err := recs.next()
		if err != nil {
			return Summary{}, err
		}
		if !ok {
			break
		}
		if started && r == prev {
			continue // the same triple again
		}
		if !started || r.s0 != prev.s0 || r.s1 != prev.s1 {
			if started {
				if err := endSubject(); err != nil {
					return Summary{}, err
				}
			}
			sum.DistinctSubjects++
			n, entity = 0, false
		}
		started, prev = true, r
		n++
		sum.Triples++
		props[r.pred]++
		if c := r.meta & metaClass; c != 0 {
			classes[c-1]++
		}
		if r.meta&metaEntity != 0 {
			entity = true
		}
		if r.meta&metaLink != 0 {
			sum.Links++
		}
	}
	if started {
		if err := endSubject(); err != nil {
			return Summary{}, err
		}
	}
	sum.Properties = len(s.preds)
	sum.Classes = len(s.classes)
	sum.PropertyPartitions = partitions(s.preds, props)
	sum.ClassPartitions = partitions(s.classes, classes)
	sum.Examples = ex.iris()
	return sum, nil
}

// examples keeps the MaxExamples entities with the most triples, ties by
// IRI.
type examples []example

type example struct {
	iri string
	n   int
}

func (e *examples) add(iri string, n int) {
	*e = append(*e, example{iri, n})
	slices.SortFunc(*e, func(a, b example) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.iri, b.iri)
	})
	if len(*e) > MaxExamples {
		*e = (*e)[:MaxExamples]
	}
}

func (e examples) iris() []string {
	var out []string
	for _, x := range e {
		out = append(out, x.iri)
	}
	return out
}

func partitions(names []string, counts []int) []Partition {
	out := make([]Partition, 0, len(names))
	for i, k := range names {
		out = append(out, Partition{k, counts[i]})
	}
	slices.SortFunc(out, func(a, b Partition) int { return cmp.Compare(a.IRI, b.IRI) })
	return out
}
