package dataset

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// record is one triple as [Stats] counts it: the 128-bit hash of its
// subject, the 64-bit hash of its predicate and object, the index of its
// predicate and its meta flags (class index + 1, entity, link).
type record struct {
	s0, s1, t  uint64
	pred, meta uint32
}

// recordSize is a record's size in memory and in a run file.
const recordSize = 32

func (a record) compare(b record) int {
	if c := cmp.Compare(a.s0, b.s0); c != 0 {
		return c
	}
	if c := cmp.Compare(a.s1, b.s1); c != 0 {
		return c
	}
	if c := cmp.Compare(a.t, b.t); c != 0 {
		return c
	}
	// The same triple has the same predicate and flags; these only make
	// the order total.
	if c := cmp.Compare(a.pred, b.pred); c != 0 {
		return c
	}
	return cmp.Compare(a.meta, b.meta)
}

// sortRecords sorts recs and drops repeated records.
func sortRecords(recs []record) []record {
	slices.SortFunc(recs, record.compare)
	return slices.Compact(recs)
}

// iriEntry is an entity's IRI with the hash of it as a subject.
type iriEntry struct {
	h   [2]uint64
	iri string
}

func (a iriEntry) compare(b iriEntry) int {
	if c := cmp.Compare(a.h[0], b.h[0]); c != 0 {
		return c
	}
	return cmp.Compare(a.h[1], b.h[1])
}

func sortIRIs(m map[[2]uint64]string) []iriEntry {
	out := make([]iriEntry, 0, len(m))
	for h, iri := range m {
		out = append(out, iriEntry{h, iri})
	}
	slices.SortFunc(out, iriEntry.compare)
	return out
}

// fanIn is the number of runs of one level merged into one run of the
// next level, which bounds the files open in a merge.
const fanIn = 32

// spill is the temporary files of a [Stats]: sorted runs of records and
// of entity IRIs in a directory of their own.
type spill struct {
	dir        string
	runs, iriR []run
	seq        int
	bytes      int64 // held now
	peak       int64 // held at most
}

// run is one sorted file; a run of level l+1 merges fanIn runs of level l.
type run struct {
	path  string
	level int
	size  int64
}

func newSpill(parent string) (*spill, error) {
	if parent == "" {
		parent = os.TempDir()
	}
	dir, err := os.MkdirTemp(parent, "kgbuild-stats-")
	if err != nil {
		return nil, fmt.Errorf("dataset statistics: %w", err)
	}
	return &spill{dir: dir}, nil
}

func (sp *spill) remove() error {
	if err := os.RemoveAll(sp.dir); err != nil {
		return fmt.Errorf("dataset statistics: %w", err)
	}
	return nil
}

// add writes sorted records and IRIs as runs of level 0, then merges runs
// while a level has fanIn of them.
func (sp *spill) add(recs []record, iris []iriEntry) error {
	r, err := sp.write(0, func(w *bufio.Writer) error {
		for _, x := range recs {
			writeRecord(w, x)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sp.runs = append(sp.runs, r)
	if len(iris) > 0 {
		r, err := sp.write(0, func(w *bufio.Writer) error {
			for _, x := range iris {
				writeIRI(w, x)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sp.iriR = append(sp.iriR, r)
	}
	if sp.runs, err = sp.compact(sp.runs, func(w *bufio.Writer, rs []run) error {
		m, err := openMerge(rs, readRecord, nil, record.compare)
		if err != nil {
			return err
		}
		defer m.close()
		var prev record
		for first := true; ; first = false {
			x, ok, err := m.next()
			if err != nil || !ok {
				return err
			}
			if first || x != prev {
				writeRecord(w, x)
			}
			prev = x
		}
	}); err != nil {
		return err
	}
	sp.iriR, err = sp.compact(sp.iriR, func(w *bufio.Writer, rs []run) error {
		m, err := openMerge(rs, readIRI, nil, iriEntry.compare)
		if err != nil {
			return err
		}
		defer m.close()
		var prev iriEntry
		for first := true; ; first = false {
			x, ok, err := m.next()
			if err != nil || !ok {
				return err
			}
			if first || x.h != prev.h {
				writeIRI(w, x)
			}
			prev = x
		}
	})
	return err
}

// compact merges the runs of a level into one of the next while a level
// has fanIn runs.
func (sp *spill) compact(runs []run, merge func(*bufio.Writer, []run) error) ([]run, error) {
	for level := 0; ; level++ {
		var at, rest []run
		for _, r := range runs {
			if r.level == level {
				at = append(at, r)
			} else {
				rest = append(rest, r)
			}
		}
		if len(at) == 0 {
			return runs, nil
		}
		if len(at) < fanIn {
			continue
		}
		r, err := sp.write(level+1, func(w *bufio.Writer) error { return merge(w, at) })
		if err != nil {
			return runs, err
		}
		for _, old := range at {
			if err := os.Remove(old.path); err != nil {
				return runs, fmt.Errorf("dataset statistics: %w", err)
			}
			sp.bytes -= old.size
		}
		runs = append(rest, r)
	}
}

// write makes a new run file of the level with fill.
func (sp *spill) write(level int, fill func(*bufio.Writer) error) (run, error) {
	sp.seq++
	path := filepath.Join(sp.dir, fmt.Sprintf("run-%06d", sp.seq))
	f, err := os.Create(path)
	if err != nil {
		return run{}, fmt.Errorf("dataset statistics: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	var size int64
	if err == nil {
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil {
			size = fi.Size()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return run{}, fmt.Errorf("dataset statistics: spilling to %s: %w", sp.dir, err)
	}
	sp.bytes += size
	sp.peak = max(sp.peak, sp.bytes)
	return run{path: path, level: level, size: size}, nil
}

// records merges the record runs with mem (sorted).
func (sp *spill) records(mem []record) (*merge[record], error) {
	var runs []run
	if sp != nil {
		runs = sp.runs
	}
	return openMerge(runs, readRecord, mem, record.compare)
}

// iris merges the IRI runs with mem (sorted).
func (sp *spill) iris(mem []iriEntry) (*iriCursor, error) {
	var runs []run
	if sp != nil {
		runs = sp.iriR
	}
	m, err := openMerge(runs, readIRI, mem, iriEntry.compare)
	if err != nil {
		return nil, err
	}
	return &iriCursor{m: m}, nil
}

// iriCursor finds the IRIs of ascending hashes in a merge of IRI runs.
type iriCursor struct {
	m   *merge[iriEntry]
	cur iriEntry
	has bool
	end bool
}

// find returns the IRI of hash h; each call's h is at least the last's.
func (c *iriCursor) find(h [2]uint64) (string, bool, error) {
	want := iriEntry{h: h}
	for !c.end && (!c.has || c.cur.compare(want) < 0) {
		x, ok, err := c.m.next()
		if err != nil {
			return "", false, err
		}
		if !ok {
			c.end = true
			break
		}
		c.cur, c.has = x, true
	}
	if c.has && c.cur.h == h {
		return c.cur.iri, true, nil
	}
	return "", false, nil
}

func (c *iriCursor) close() { c.m.close() }

func writeRecord(w *bufio.Writer, r record) {
	var b [recordSize]byte
	binary.LittleEndian.PutUint64(b[0:], r.s0)
	binary.LittleEndian.PutUint64(b[8:], r.s1)
	binary.LittleEndian.PutUint64(b[16:], r.t)
	binary.LittleEndian.PutUint32(b[24:], r.pred)
	binary.LittleEndian.PutUint32(b[28:], r.meta)
	w.Write(b[:]) // a write error stays in w and is returned by Flush
}

func readRecord(rd *bufio.Reader) (record, error) {
	var b [recordSize]byte
	if _, err := io.ReadFull(rd, b[:]); err != nil {
		return record{}, err
	}
	return record{
		s0:   binary.LittleEndian.Uint64(b[0:]),
		s1:   binary.LittleEndian.Uint64(b[8:]),
		t:    binary.LittleEndian.Uint64(b[16:]),
		pred: binary.LittleEndian.Uint32(b[24:]),
		meta: binary.LittleEndian.Uint32(b[28:]),
	}, nil
}

func writeIRI(w *bufio.Writer, e iriEntry) {
	var b [16 + binary.MaxVarintLen64]byte
	binary.LittleEndian.PutUint64(b[0:], e.h[0])
	binary.LittleEndian.PutUint64(b[8:], e.h[1])
	n := binary.PutUvarint(b[16:], uint64(len(e.iri)))
	w.Write(b[:16+n])
	w.WriteString(e.iri)
}

func readIRI(rd *bufio.Reader) (iriEntry, error) {
	var b [16]byte
	if _, err := io.ReadFull(rd, b[:]); err != nil {
		return iriEntry{}, err
	}
	n, err := binary.ReadUvarint(rd)
	if err != nil {
		return iriEntry{}, noEOF(err)
	}
	if n > 1<<20 {
		return iriEntry{}, errors.New("corrupt run: IRI too long")
	}
	s := make([]byte, n)
	if _, err := io.ReadFull(rd, s); err != nil {
		return iriEntry{}, noEOF(err)
	}
	return iriEntry{h: [2]uint64{binary.LittleEndian.Uint64(b[0:]), binary.LittleEndian.Uint64(b[8:])}, iri: string(s)}, nil
}

// noEOF turns an end of file inside an item into an error.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// merge is a k-way merge of sorted runs (and of a sorted slice in
// memory): next returns their items in order, repeats included.
type merge[T any] struct {
	files []*os.File
	h     mergeHeap[T]
}

type cursor[T any] struct {
	rd   *bufio.Reader
	path string
	read func(*bufio.Reader) (T, error)
	mem  []T
	cur  T
}

// advance loads the cursor's next item; false at its end.
func (c *cursor[T]) advance() (bool, error) {
	if c.rd == nil {
		if len(c.mem) == 0 {
			return false, nil
		}
		c.cur, c.mem = c.mem[0], c.mem[1:]
		return true, nil
	}
	x, err := c.read(c.rd)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("dataset statistics: reading %s: %w", c.path, noEOF(err))
	}
	c.cur = x
	return true, nil
}

type mergeHeap[T any] struct {
	cs   []*cursor[T]
	less func(a, b T) int
}

func (h *mergeHeap[T]) Len() int           { return len(h.cs) }
func (h *mergeHeap[T]) Less(i, j int) bool { return h.less(h.cs[i].cur, h.cs[j].cur) < 0 }
func (h *mergeHeap[T]) Swap(i, j int)      { h.cs[i], h.cs[j] = h.cs[j], h.cs[i] }
func (h *mergeHeap[T]) Push(x any)         { h.cs = append(h.cs, x.(*cursor[T])) }
func (h *mergeHeap[T]) Pop() any {
	c := h.cs[len(h.cs)-1]
	h.cs = h.cs[:len(h.cs)-1]
	return c
}

func openMerge[T any](runs []run, read func(*bufio.Reader) (T, error), mem []T, compare func(a, b T) int) (*merge[T], error) {
	m := &merge[T]{h: mergeHeap[T]{less: compare}}
	add := func(c *cursor[T]) error {
		ok, err := c.advance()
		if ok {
			m.h.cs = append(m.h.cs, c)
		}
		return err
	}
	for _, r := range runs {
		f, err := os.Open(r.path)
		if err != nil {
			m.close()
			return nil, fmt.Errorf("dataset statistics: %w", err)
		}
		m.files = append(m.files, f)
		if err := add(&cursor[T]{rd: bufio.NewReaderSize(f, 64<<10), path: r.path, read: read}); err != nil {
			m.close()
			return nil, err
		}
	}
	if err := add(&cursor[T]{mem: mem}); err != nil {
		m.close()
		return nil, err
	}
	heap.Init(&m.h)
	return m, nil
}

// next returns the least item left; false when every run is done.
func (m *merge[T]) next() (T, bool, error) {
	var zero T
	if len(m.h.cs) == 0 {
		return zero, false, nil
	}
	c := m.h.cs[0]
	x := c.cur
	ok, err := c.advance()
	if err != nil {
		return zero, false, err
	}
	if ok {
		heap.Fix(&m.h, 0)
	} else {
		heap.Pop(&m.h)
	}
	return x, true, nil
}

func (m *merge[T]) close() {
	for _, f := range m.files {
		f.Close()
	}
	m.files = nil
}
