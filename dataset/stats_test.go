package dataset

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// genTriple is the i-th triple of a generated dataset shaped like a
// build's output: eight triples a subject (an entity with a type, an
// instance of, a label, a Wikidata link and statements; a blank node in
// some), one of them a repeat of an earlier subject's type triple, as when
// two articles describe the same entity.
func genTriple(i int) rdf.Triple {
	k, j := i/8, i%8
	ent := func(k int) rdf.IRI { return iri(fmt.Sprintf("https://example.org/r/entity/Name_%d", k)) }
	classes := []rdf.IRI{ontology.Schema.IRI("Person"), ontology.Schema.IRI("Organization"), ontology.Schema.IRI("Place")}
	switch j {
	case 0:
		return rdf.Triple{Subj: ent(k), Pred: rdfType, Obj: classes[k%3]}
	case 1:
		if k%3 == 2 { // not an entity: no wdt:P31
			return rdf.Triple{Subj: ent(k), Pred: ontology.RDFS.IRI("comment"), Obj: lit(fmt.Sprint("c", k))}
		}
		return rdf.Triple{Subj: ent(k), Pred: wdtInstanceOf, Obj: ontology.WD.IRI(fmt.Sprint("Q", 5+k%4))}
	case 2:
		return rdf.Triple{Subj: ent(k), Pred: ontology.RDFS.IRI("label"), Obj: lit(fmt.Sprint("Name ", k))}
	case 3:
		if k%5 == 0 {
			return rdf.Triple{Subj: ent(k), Pred: owlSameAs, Obj: iri(fmt.Sprintf("https://example.org/other/%d", k))}
		}
		return rdf.Triple{Subj: ent(k), Pred: owlSameAs, Obj: ontology.WD.IRI(fmt.Sprint("Q", 1000+k))}
	case 4, 5:
		return rdf.Triple{Subj: ent(k), Pred: ontology.WDT.IRI(fmt.Sprint("P", 100+k%40)), Obj: ent(k + j)}
	case 6:
		b, _ := rdf.NewBlank(fmt.Sprint("b", k%1000))
		return rdf.Triple{Subj: b, Pred: ontology.RDFS.IRI("label"), Obj: lit(fmt.Sprint("v", k%7))}
	default:
		return rdf.Triple{Subj: ent(k / 2), Pred: rdfType, Obj: classes[(k/2)%3]}
	}
}

func lit(s string) rdf.Literal {
	l, err := rdf.NewLiteral(s)
	if err != nil {
		panic(err)
	}
	return l
}

// naiveSummary counts like Stats with every term held in maps: the
// reference the bounded counts must equal.
func naiveSummary(ts func(yield func(rdf.Triple) bool)) Summary {
	seen := map[string]bool{}
	subjects := map[string]int{}
	entities := map[string]bool{}
	props, classes := map[string]int{}, map[string]int{}
	var sum Summary
	for t := range ts {
		line := t.Serialize(rdf.NTriples)
		if seen[line] {
			continue
		}
		seen[line] = true
		subj := termKey(t.Subj)
		sum.Triples++
		subjects[subj]++
		props[t.Pred.String()]++
		switch {
		case t.Pred == rdfType:
			if c, ok := t.Obj.(rdf.IRI); ok {
				classes[c.String()]++
			}
		case t.Pred == wdtInstanceOf:
			entities[subj] = true
		case t.Pred == owlSameAs:
			if o, ok := t.Obj.(rdf.IRI); ok && strings.HasPrefix(o.String(), string(ontology.WD)) {
				sum.Links++
			}
		}
	}
	sum.Entities, sum.DistinctSubjects = len(entities), len(subjects)
	sum.Properties, sum.Classes = len(props), len(classes)
	parts := func(m map[string]int) []Partition {
		out := []Partition{}
		for k, n := range m {
			out = append(out, Partition{k, n})
		}
		slices.SortFunc(out, func(a, b Partition) int { return cmp.Compare(a.IRI, b.IRI) })
		return out
	}
	sum.PropertyPartitions, sum.ClassPartitions = parts(props), parts(classes)
	var exs []example
	for e := range entities {
		if !strings.HasPrefix(e, "_:") {
			exs = append(exs, example{e, subjects[e]})
		}
	}
	slices.SortFunc(exs, func(a, b example) int {
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

func sliceSeq(ts []rdf.Triple) func(func(rdf.Triple) bool) {
	return func(yield func(rdf.Triple) bool) {
		for _, t := range ts {
			if !yield(t) {
				return
			}
		}
	}
}

func genSeq(n int) func(func(rdf.Triple) bool) {
	return func(yield func(rdf.Triple) bool) {
		for i := range n {
			if !yield(genTriple(i)) {
				return
			}
		}
	}
}

// readSample reads the sample's graph (out/), as N-Triples.
func readSample(tb testing.TB) []rdf.Triple {
	tb.Helper()
	f, err := os.Open("../out/government-of-kazakhstan.nt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	dec, err := exporter.NewDecoder(exporter.NTriples, f)
	if err != nil {
		tb.Fatal(err)
	}
	var ts []rdf.Triple
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return ts
		}
		if err != nil {
			tb.Fatal(err)
		}
		ts = append(ts, q.Triple)
	}
}

// countWith runs a Stats with the options over ts and returns its summary
// and the largest size of its temporary files.
func countWith(t *testing.T, o StatsOptions, ts func(func(rdf.Triple) bool)) (Summary, int64) {
	t.Helper()
	s := NewStatsWith(o)
	defer s.Close()
	for tr := range ts {
		if err := s.Encode(tr); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := s.Summary()
	if err != nil {
		t.Fatal(err)
	}
	return sum, s.TempBytes()
}

// TestStatsSpilled compares the counts made in memory, made through
// spilled runs (a budget small enough for many runs, and for runs merged
// into runs of a higher level) and made naively, on the sample's graph and
// on a generated dataset.
func TestStatsSpilled(t *testing.T) {
	sample := readSample(t)
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	for _, tc := range []struct {
		name string
		ts   func(func(rdf.Triple) bool)
		// budget makes the spilled path: more than fanIn runs
		budget int64
		heap   bool // the records' buffer on the heap, not mapped
	}{
		{"sample", sliceSeq(sample), 1 << 10, false},
		{"generated", genSeq(n), 64 << 10, false},
		{"generated-heap", genSeq(n), 64 << 10, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.heap {
				defer func(f func(int) ([]record, func(), bool)) { mapBuffer = f }(mapBuffer)
				mapBuffer = func(int) ([]record, func(), bool) { return nil, nil, false }
			}
			want := naiveSummary(tc.ts)
			mem, memTemp := countWith(t, StatsOptions{TempDir: t.TempDir()}, tc.ts)
			if memTemp != 0 {
				t.Errorf("in memory: %d bytes spilled", memTemp)
			}
			dir := t.TempDir()
			spilled, temp := countWith(t, StatsOptions{MemoryBudget: tc.budget, TempDir: dir}, tc.ts)
			if temp == 0 {
				t.Fatal("nothing spilled")
			}
			if !reflect.DeepEqual(mem, want) {
				t.Errorf("in memory:\n %+v\nnaive:\n %+v", mem, want)
			}
			if !reflect.DeepEqual(spilled, want) {
				t.Errorf("spilled:\n %+v\nnaive:\n %+v", spilled, want)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("temporary files left after Close: %v", left)
			}
			t.Logf("%d triples, %d subjects, %d entities; %d bytes of runs at most", want.Triples, want.DistinctSubjects, want.Entities, temp)
		})
	}
}

// TestStatsRunsMerged checks that runs of a level are merged into one of
// the next: the files held never exceed fanIn a level.
func TestStatsRunsMerged(t *testing.T) {
	s := NewStatsWith(StatsOptions{MemoryBudget: 1, TempDir: t.TempDir()})
	defer s.Close()
	for i := range fanIn*fanIn + 5 {
		if err := s.Encode(genTriple(i)); err != nil {
			t.Fatal(err)
		}
	}
	levels := map[int]int{}
	for _, r := range s.spill.runs {
		levels[r.level]++
	}
	entries, err := os.ReadDir(s.spill.dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(s.spill.runs)+len(s.spill.iriR) {
		t.Errorf("%d files for %d runs", len(entries), len(s.spill.runs)+len(s.spill.iriR))
	}
	for l, n := range levels {
		if n >= fanIn {
			t.Errorf("level %d holds %d runs", l, n)
		}
	}
	if levels[2] == 0 {
		t.Errorf("no run of level 2: %v", levels)
	}
}

// TestStatsTempErrors: a spill that cannot be written fails Encode with
// the directory's name, and every call after it.
func TestStatsTempErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	s := NewStatsWith(StatsOptions{MemoryBudget: 1, TempDir: missing})
	err := s.Encode(genTriple(0))
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("Encode with a missing temporary directory: %v", err)
	}
	if err := s.Encode(genTriple(1)); err == nil {
		t.Error("Encode after a failed spill succeeded")
	}
	if _, err := s.Summary(); err == nil {
		t.Error("Summary after a failed spill succeeded")
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// mapped is the size of the records' buffer mapped outside the heap.
func (s *Stats) mapped() int64 {
	if s.unmap == nil {
		return 0
	}
	return int64(cap(s.recs)) * recordSize
}

// TestStatsMemoryFlat counts ever more triples with a memory budget of
// 1 MiB and checks that the live heap, with the records' buffer mapped
// outside it, stays within the budget: it does not grow with the input.
func TestStatsMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("counts 1,000,000 triples")
	}
	const budget = 1 << 20
	s := NewStatsWith(StatsOptions{MemoryBudget: budget, TempDir: t.TempDir()})
	defer s.Close()
	base := liveHeap()
	i := 0
	var heaps []int64
	for _, n := range []int{100_000, 300_000, 1_000_000} {
		for ; i < n; i++ {
			if err := s.Encode(genTriple(i)); err != nil {
				t.Fatal(err)
			}
		}
		heaps = append(heaps, int64(liveHeap())-int64(base)+s.mapped())
	}
	t.Logf("live heap and mapped buffer above the start after 100k, 300k, 1M triples: %d, %d, %d KB; %d KB of runs",
		heaps[0]/1024, heaps[1]/1024, heaps[2]/1024, s.TempBytes()/1024)
	for k, h := range heaps {
		// The budget, the small tables and slack for the collector.
		if h > budget+512<<10 {
			t.Errorf("live heap %d KB above the start after step %d: more than the budget (%d KB)", h/1024, k, budget/1024)
		}
	}
	if grown := heaps[2] - heaps[0]; grown > 256<<10 {
		t.Errorf("live heap grew by %d KB from 100k to 1M triples", grown/1024)
	}
	if _, err := s.Summary(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkStats counts triples: the sample's graph (out/) in memory, the
// cost the dataset description adds to a build per triple, and generated
// triples with an 8 MiB budget, reporting the live heap (with the
// records' buffer mapped outside it) and the bytes of temporary files per
// million triples.
func BenchmarkStats(b *testing.B) {
	b.Run("sample", func(b *testing.B) {
		ts := readSample(b)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			s := NewStats()
			for _, t := range ts {
				s.Encode(t)
			}
			if _, err := s.Summary(); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
		b.ReportMetric(float64(b.N*len(ts))/b.Elapsed().Seconds(), "triples/s")
	})
	for _, n := range []int{1_000_000, 4_000_000} {
		b.Run(fmt.Sprintf("generated-%dM-budget-8MiB", n/1_000_000), func(b *testing.B) {
			var heap, temp int64
			b.ReportAllocs()
			for range b.N {
				s := NewStatsWith(StatsOptions{MemoryBudget: 8 << 20, TempDir: b.TempDir()})
				base := liveHeap()
				for i := range n {
					if err := s.Encode(genTriple(i)); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				heap = max(heap, int64(liveHeap())-int64(base)+s.mapped())
				b.StartTimer()
				if _, err := s.Summary(); err != nil {
					b.Fatal(err)
				}
				temp = max(temp, s.TempBytes())
				s.Close()
			}
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "triples/s")
			b.ReportMetric(float64(heap)/1e6, "live-MB")
			b.ReportMetric(float64(temp)/float64(n)*1e6/1e6, "temp-MB/Mtriples")
		})
	}
}
