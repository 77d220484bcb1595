package corpus

import (
	"io"
	"sync"
)

// Ordered reads the articles of r and runs work on them with jobs
// goroutines, then hands each result to emit in input order, on the
// calling goroutine: the output is the same whatever jobs is. At most
// 2×jobs+1 articles are read and not yet emitted, so memory is bounded by
// the number of workers, not by the size of the corpus.
//
// The first skip articles are read but neither worked on nor emitted (to
// resume a run). seq is an article's position in the input, from 0.
//
// Ordered stops at the first error in input order — a read error, or an
// error from work or emit — and returns it; the same error whatever jobs
// is. r is no longer in use when Ordered returns.
func Ordered[T any](r *Reader, jobs, skip int, work func(seq int, a *Article) (T, error), emit func(seq int, a *Article, v T) error) error {
	if jobs < 1 {
		jobs = 1
	}
	type item struct {
		seq int
		a   *Article
		v   T
		err error
	}
	in := make(chan item, jobs)
	out := make(chan item, jobs)
	tokens := make(chan struct{}, 2*jobs+1)
	done := make(chan struct{})
	readerDone := make(chan struct{})

	go func() { // the reader: input order, bounded by tokens
		defer close(readerDone)
		defer close(in)
		for seq := 0; ; seq++ {
			a, err := r.Next()
			if err == io.EOF {
				return
			}
			if err == nil && seq < skip {
				continue
			}
			select {
			case tokens <- struct{}{}:
			case <-done:
				return
			}
			select {
			case in <- item{seq: seq, a: a, err: err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				if it.err == nil {
					it.v, it.err = work(it.seq, it.a)
				}
				out <- it
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	fail := func(err error) error {
		close(done)
		go func() {
			for range out { // let the workers finish
			}
		}()
		<-readerDone
		return err
	}
	pending := map[int]item{}
	next := skip
	for it := range out {
		pending[it.seq] = it
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if p.err != nil {
				return fail(p.err)
			}
			if err := emit(p.seq, p.a, p.v); err != nil {
				return fail(err)
			}
			<-tokens
			next++
		}
	}
	<-readerDone
	return nil
}
