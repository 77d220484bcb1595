package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kgbuild/kgbuild/link"
)

type indexOptions struct {
	out          string
	langs        string
	minSitelinks int
	quiet        bool
}

// indexFlags defines the index command's flags; its Usage writes to w.
func indexFlags(o *indexOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("index", indexUsage, w)
	fs.StringVar(&o.out, "out", "", "write the index to `FILE` (required)")
	fs.StringVar(&o.langs, "lang", strings.Join(link.DefaultLangs, ","), "comma-separated `LANGS` whose labels, aliases and descriptions are kept from a dump, in order of preference")
	fs.IntVar(&o.minSitelinks, "min-sitelinks", 0, "keep only items with at least `N` sitelinks (a smaller index of better-known items)")
	fs.BoolVar(&o.quiet, "quiet", false, "do not report what was read and written on stderr")
	return fs
}

const indexUsage = `Usage: kgbuild index --out FILE [--lang LIST] [--min-sitelinks N] SOURCE...

Writes a compact Wikidata candidate index (gzip-compressed, tab-separated,
versioned) for build --link and link --index, from:
  - Wikidata JSON entity dumps (latest-all.json, .json.gz, .json.bz2, or
    newline-delimited entities), read as a stream in constant memory: the
    labels and aliases in --lang, the first description in --lang, the
    classes (P31) and countries (P17) of statements not deprecated, the
    number of sitelinks and the English Wikipedia title of every item
    with a name in --lang;
  - SPARQL query results (.srj/.json, .csv, .tsv) as for build --link.
Compression is told by the first bytes; SOURCE '-' is stdin (for example
'lbzip2 -dc latest-all.json.bz2 | kgbuild index --out wd.kgi -'). FILE is
written to a temporary file renamed into place when complete.

Flags:
`

// indexCmd is the index command.
func indexCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o indexOptions
	fs := indexFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.out == "" {
		return &codedError{exitUsage, errors.New("index: --out is required (see 'kgbuild index --help')")}
	}
	if fs.NArg() == 0 {
		return &codedError{exitUsage, errors.New("index: no SOURCE (see 'kgbuild index --help')")}
	}
	var langs []string
	for _, l := range strings.Split(o.langs, ",") {
		if l = strings.TrimSpace(l); l != "" {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return &codedError{exitUsage, errors.New("--lang: no language given")}
	}
	if o.minSitelinks < 0 {
		return &codedError{exitUsage, errors.New("--min-sitelinks: must not be negative")}
	}

	tmp, err := os.CreateTemp(filepath.Dir(o.out), "."+filepath.Base(o.out)+"-*.tmp")
	if err != nil {
		return &codedError{exitOutput, err}
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	w := link.NewIndexWriter(bw, langs)
	skipped := 0
	keep := func(c *link.Candidate) error {
		if c.Sitelinks < o.minSitelinks {
			skipped++
			return nil
		}
		return w.Write(c)
	}
	for _, src := range fs.Args() {
		st := newIndexStatus(stderr, o.quiet, src)
		n, err := indexSource(src, langs, stdin, st, keep)
		st.stop()
		if err != nil {
			return err
		}
		if !o.quiet {
			name := src
			if src == "-" {
				name = "stdin"
			}
			fmt.Fprintf(stderr, "%s: %s\n", name, n)
		}
	}
	if err := w.Close(); err != nil {
		return &codedError{exitOutput, fmt.Errorf("%s: %w", o.out, err)}
	}
	if err := bw.Flush(); err != nil {
		return &codedError{exitOutput, fmt.Errorf("%s: %w", o.out, err)}
	}
	if err := tmp.Chmod(0o644); err != nil {
		return &codedError{exitOutput, err}
	}
	if err := tmp.Close(); err != nil {
		return &codedError{exitOutput, fmt.Errorf("%s: %w", o.out, err)}
	}
	if err := os.Rename(tmp.Name(), o.out); err != nil {
		return &codedError{exitOutput, err}
	}
	tmp = nil
	if !o.quiet {
		filtered := ""
		if skipped > 0 {
			filtered = fmt.Sprintf(" (%d with fewer than %d sitelinks left out)", skipped, o.minSitelinks)
		}
		fmt.Fprintf(stderr, "→ %s: %d items%s\n", o.out, w.Count(), filtered)
	}
	return nil
}

// indexSource reads one source and hands its items to keep: a dump one
// item at a time, SPARQL results once merged by item. It says what it
// read.
func indexSource(src string, langs []string, stdin io.Reader, st *indexStatus, keep func(*link.Candidate) error) (string, error) {
	var raw io.Reader = stdin
	if src != "-" {
		file, err := os.Open(src)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return "", &codedError{exitInput, &link.Error{File: src, Err: err}}
		}
		defer file.Close()
		if fi, err := file.Stat(); err == nil && fi.Mode().IsRegular() {
			st.size = fi.Size()
		}
		raw = file
	}
	f, err := link.Decompress(&countingReader{r: raw, n: &st.read}, src)
	if err != nil {
		return "", &codedError{exitInput, err}
	}
	defer f.Close()
	st.start()
	name := src
	if src == "-" {
		name = "stdin"
	}
	br := bufio.NewReaderSize(f, 1<<16)
	format := link.Detect(br, src)
	if format == link.Dump {
		d := link.NewDumpReader(br, name, langs)
		for {
			c, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return "", &codedError{exitInput, err}
			}
			st.items.Add(1)
			if err := keep(c); err != nil {
				return "", &codedError{exitOutput, err}
			}
		}
		return fmt.Sprintf("%s, %d entities, %d items with names in %s", format, d.Entities, d.Items, strings.Join(langs, ",")), nil
	}
	x := link.NewIndex()
	if err := x.Read(br, name, format); err != nil {
		return "", &codedError{exitInput, err}
	}
	for _, c := range x.Candidates() {
		if err := keep(c); err != nil {
			return "", &codedError{exitOutput, err}
		}
	}
	return fmt.Sprintf("%s, %d items", format, x.Len()), nil
}

// indexStatus shows, on a terminal only, how far the reading of a source
// has come: the share of the file read (compressed), the items found, the
// rate and the time left. A full dump takes hours.
type indexStatus struct {
	w           io.Writer
	name        string
	size        int64 // of the file; 0 when unknown (stdin)
	read, items atomic.Int64
	began       time.Time
	quit, done  chan struct{}
}

func newIndexStatus(w io.Writer, quiet bool, src string) *indexStatus {
	st := &indexStatus{w: w, name: src}
	if tty, _ := isTerminal(w); quiet || !tty {
		st.w = nil
	}
	return st
}

func (st *indexStatus) start() {
	st.began = time.Now()
	if st.w == nil {
		return
	}
	st.quit, st.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(st.done)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-st.quit:
				fmt.Fprint(st.w, "\r\x1b[K")
				return
			case <-t.C:
				st.draw()
			}
		}
	}()
}

func (st *indexStatus) draw() {
	el := max(time.Since(st.began).Seconds(), 1e-3)
	read := st.read.Load()
	line := fmt.Sprintf("%s: %d items, %.0f MB read, %.1f MB/s", st.name, st.items.Load(), float64(read)/1e6, float64(read)/1e6/el)
	if st.size > 0 {
		frac := min(float64(read)/float64(st.size), 1)
		eta := "?"
		if frac > 0.001 {
			eta = (time.Duration(el*(1-frac)/frac) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("%5.1f%%  %s, ETA %s", 100*frac, line, eta)
	}
	fmt.Fprint(st.w, "\r\x1b[K"+line)
}

func (st *indexStatus) stop() {
	if st.quit != nil {
		close(st.quit)
		<-st.done
		st.quit = nil
	}
}
