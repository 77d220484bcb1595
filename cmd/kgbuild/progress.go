package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/kgbuild/kgbuild/corpus"
	"golang.org/x/term"
)

// progress shows a corpus build's progress on stderr: on a terminal, a bar
// redrawn in place with documents/s, MB/s and ETA, and the lines reported
// above it; elsewhere the lines alone; with --quiet, nothing.
type progress struct {
	w     io.Writer
	quiet bool
	tty   bool
	width int
	r     *corpus.Reader
	st    *corpusStats
	start time.Time

	mu    sync.Mutex
	drawn bool
	quit  chan struct{}
	done  chan struct{}
}

// isTerminal says whether w is a terminal, and its width.
func isTerminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 40 {
		width = 80
	}
	return true, width
}

func newProgress(w io.Writer, quiet bool, r *corpus.Reader, st *corpusStats) *progress {
	p := &progress{w: w, quiet: quiet, r: r, st: st, start: time.Now()}
	if quiet {
		return p
	}
	p.tty, p.width = isTerminal(w)
	if p.tty {
		p.quit, p.done = make(chan struct{}), make(chan struct{})
		go p.loop()
	}
	return p
}

func (p *progress) loop() {
	defer close(p.done)
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.quit:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }

// draw writes the bar over the current line. p.mu is held.
func (p *progress) draw() {
	done, total := p.r.Progress()
	el := p.elapsed().Seconds()
	frac := 0.0
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	docs := p.st.docs.Load()
	mb := float64(p.st.text.Load()) / 1e6
	eta := "?"
	if frac > 0.001 && el > 1 {
		eta = (time.Duration(el*(1-frac)/frac) * time.Second).Round(time.Second).String()
	}
	stats := fmt.Sprintf(" %5.1f%%  %d docs  %.0f docs/s  %.2f MB/s  ETA %s", 100*frac, docs, float64(docs)/max(el, 1e-3), mb/max(el, 1e-3), eta)
	n := p.width - len(stats) - 3
	bar := ""
	if n >= 10 {
		full := int(frac * float64(n))
		bar = "[" + strings.Repeat("=", full) + strings.Repeat(" ", n-full) + "]"
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", bar, stats)
	p.drawn = true
}

// line reports one line, above the bar on a terminal.
func (p *progress) line(s string) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	fmt.Fprintln(p.w, s)
	if p.tty {
		p.draw()
	}
}

// stop removes the bar.
func (p *progress) stop() {
	if !p.tty {
		return
	}
	close(p.quit)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
