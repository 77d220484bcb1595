package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/kgbuild/kgbuild/store"
	"github.com/knakk/rdf"
)

type loadOptions struct {
	endpoint   string
	graph      string
	append     bool
	protocol   string
	dryRun     bool
	format     string
	batch      int
	batchBytes int
	retries    int
	timeout    time.Duration
	quiet      bool
}

// loadFlags defines the load command's flags; its Usage writes to w.
func loadFlags(o *loadOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("load", loadUsage, w)
	fs.StringVar(&o.endpoint, "endpoint", "", "`URL` of the store's graph store (gsp) or update service (update), e.g. http://127.0.0.1:8890/sparql-graph-crud")
	fs.StringVar(&o.graph, "graph", "", "named graph `IRI` for triples in no named graph (default: the document node's IRI)")
	fs.BoolVar(&o.append, "append", false, "add to the graphs instead of replacing them (gsp: POST, update: no DROP)")
	fs.StringVar(&o.protocol, "protocol", "gsp", "`PROTOCOL`: gsp (SPARQL 1.1 Graph Store HTTP Protocol) or update (SPARQL 1.1 Update, INSERT DATA)")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print the requests to stdout instead of sending them")
	fs.StringVar(&o.format, "format", "", "input `FORMAT` (default: from each file's extension; needed for stdin)")
	fs.IntVar(&o.batch, "batch", 0, fmt.Sprintf("at most `N` triples a request (default %d for gsp, %d for update)", store.DefaultGSPTriples, store.DefaultUpdateTriples))
	fs.IntVar(&o.batchBytes, "batch-bytes", 0, fmt.Sprintf("at most `N` bytes of N-Triples a request (default %d for gsp, %d for update)", store.DefaultGSPBytes, store.DefaultUpdateBytes))
	fs.IntVar(&o.retries, "retries", 4, "send a request up to `N` more times after a connection error or a 5xx answer, waiting 0.5 s, 1 s, 2 s…")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Minute, "give up on a request after `DURATION` (then retried like a connection error)")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress and no report on stderr")
	return fs
}

const loadUsage = `Usage: kgbuild load --endpoint URL [--graph IRI] [--append] [--protocol gsp|update] [--dry-run] FILE...

Sends RDF files (N-Triples, N-Quads, Turtle, TriG, JSON-LD; FILE '-' is
stdin, with --format) to a SPARQL store. Each named graph of an N-Quads or
TriG file goes to its graph; triples in no named graph go to --graph or,
without it, to the graph named by the file's document node (the subject of
kgo:byteLength that build writes), the same graph build's N-Quads use: so
loading one article's output replaces exactly that article's graph.

With --protocol gsp (the SPARQL 1.1 Graph Store HTTP Protocol) a graph's
first request is a PUT, replacing the graph, later ones POST; --append
POSTs them all. With --protocol update (SPARQL 1.1 Update) each request is
an INSERT DATA, the graph's first one preceded by DROP SILENT GRAPH unless
--append. A graph larger than a batch takes several requests, so is not
replaced atomically.

Files are streamed, never read whole (JSON-LD excepted), and checked
completely before anything is sent: a file with a syntax error leaves the
store untouched (stdin is sent as it is read). Requests are retried on
connection errors and 5xx answers; a 4xx answer stops the load with the
server's message. Credentials come only from the environment:
KGBUILD_USER and KGBUILD_PASSWORD (basic or digest, as the server asks) or
KGBUILD_TOKEN (bearer); they are never printed.

Flags:
`

// load is the load command.
func load(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o loadOptions
	fs := loadFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	usage := func(format string, a ...any) error {
		return &codedError{exitUsage, fmt.Errorf("load: "+format+" (see 'kgbuild load --help')", a...)}
	}
	if o.endpoint == "" {
		return usage("--endpoint is required")
	}
	if len(files) == 0 {
		return usage("no input files")
	}
	if o.graph != "" {
		if err := store.CheckGraph(o.graph); err != nil {
			return usage("--graph: %v", err)
		}
	}
	if o.batch < 0 || o.batchBytes < 0 || o.retries < 0 || o.timeout <= 0 {
		return usage("--batch, --batch-bytes and --retries cannot be negative, --timeout must be positive")
	}
	var forced exporter.Format
	if o.format != "" {
		f, ok := exporter.Lookup(o.format)
		if !ok {
			return usage("--format: unknown format %q (known: %s)", o.format, formatNames())
		}
		forced = f
	}
	stdinUsed := false
	inputs := make([]*loadInput, 0, len(files))
	for _, path := range files {
		in := &loadInput{path: path, format: forced}
		if path == "-" {
			if stdinUsed {
				return usage("stdin ('-') given twice")
			}
			stdinUsed = true
			if o.format == "" {
				return usage("--format is needed to read stdin")
			}
		} else if o.format == "" {
			f, ok := exporter.Lookup(filepath.Base(path))
			if !ok {
				return usage("%s: no format known for this file name (use --format; known: %s)", path, formatNames())
			}
			in.format = f
		}
		if !in.format.Readable() {
			return usage("%s: %s cannot be read", path, in.format.Name)
		}
		inputs = append(inputs, in)
	}

	client := &store.Client{Auth: store.AuthFromEnv(os.Getenv), Retries: o.retries,
		HTTP: &http.Client{Timeout: o.timeout}}
	progress := newLoadProgress(stderr, o.quiet)
	client.Log = func(msg string) { progress.warnf("kgbuild: load: %s", msg) }
	var sent atomic.Int64
	opts := store.LoaderOptions{
		Endpoint: o.endpoint, Protocol: store.Protocol(o.protocol), Append: o.append,
		BatchTriples: o.batch, BatchBytes: o.batchBytes,
		Warn: func(msg string) { progress.warnf("kgbuild: load: warning: %s", msg) },
		Sent: func(b store.Batch) { progress.sent(sent.Add(int64(b.Triples))) },
	}
	if o.dryRun {
		opts.DryRun = stdout
	}
	loader, err := store.NewLoader(client, opts)
	if err != nil {
		return usage("%v", err)
	}

	// Every file is checked before anything is sent.
	for _, in := range inputs {
		if in.path == "-" {
			continue
		}
		if err := in.check(o.graph); err != nil {
			return err
		}
		progress.total += in.size
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	progress.start()
	for _, in := range inputs {
		fileStart := time.Now()
		before := loader.Stats()
		if err := in.send(ctx, loader, stdin, o.graph, progress); err != nil {
			progress.finish()
			return err
		}
		after := loader.Stats()
		progress.logf("%s", loadReport(in, after.Triples-before.Triples, after.Requests-before.Requests, time.Since(fileStart), o))
	}
	progress.finish()
	st := loader.Stats()
	if len(inputs) > 1 {
		progress.logf("%s", loadReport(nil, st.Triples, st.Requests, time.Since(start), o))
	}
	return nil
}

// loadReport is the line saying what went where.
func loadReport(in *loadInput, triples int64, requests int, d time.Duration, o loadOptions) string {
	verb := "sent"
	if o.dryRun {
		verb = "would send"
	}
	name := "total"
	graphs := ""
	if in != nil {
		name = in.path
		if in.path == "-" {
			name = "stdin"
		}
		switch len(in.graphs) {
		case 0:
		case 1:
			graphs = " to <" + in.graphs[0] + ">"
		default:
			graphs = fmt.Sprintf(" to %d graphs", len(in.graphs))
		}
	}
	rate := ""
	if s := d.Seconds(); s > 0 && !o.dryRun {
		rate = fmt.Sprintf(", %.0f triples/s", float64(triples)/s)
	}
	reqs := "requests"
	if requests == 1 {
		reqs = "request"
	}
	return fmt.Sprintf("%s: %s %d triples%s in %d %s (%s), %.2f s%s",
		name, verb, triples, graphs, requests, reqs, o.protocol, d.Seconds(), rate)
}

// loadInput is one file to load.
type loadInput struct {
	path   string
	format exporter.Format
	size   int64
	// defaultGraph is where triples in no named graph go.
	defaultGraph string
	// graphs are the graphs written, in order of first use (filled by
	// check, and by send for stdin).
	graphs []string
}

// open opens the input and its decoder; relative IRIs resolve against
// the file's URL.
func (in *loadInput) open(stdin io.Reader, count *atomic.Int64) (exporter.Decoder, func(), error) {
	var r io.Reader = stdin
	base := ""
	closeFile := func() {}
	if in.path != "-" {
		f, err := os.Open(in.path)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = fmt.Errorf("%s: %w", in.path, pe.Err)
			}
			return nil, nil, &codedError{exitInput, err}
		}
		if fi, err := f.Stat(); err == nil {
			in.size = fi.Size()
		}
		if abs, err := filepath.Abs(in.path); err == nil {
			base = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		r, closeFile = f, func() { f.Close() }
	}
	if count != nil {
		r = &countingReader{r: r, n: count}
	}
	dec, err := exporter.NewDecoderBase(in.format, r, base)
	if err != nil {
		closeFile()
		return nil, nil, &codedError{exitInput, inputError(in.name(), err)}
	}
	return dec, func() { dec.Close(); closeFile() }, nil
}

func (in *loadInput) name() string {
	if in.path == "-" {
		return "stdin"
	}
	return in.path
}

// where names the position of the last statement decoded.
func (in *loadInput) where(dec exporter.Decoder, n int) string {
	if l, ok := dec.(interface{ Line() int }); ok {
		return fmt.Sprintf("%s:%d", in.name(), l.Line())
	}
	return fmt.Sprintf("%s: statement %d", in.name(), n)
}

// check reads the whole file: it must parse, every term must be writable
// as N-Triples and every graph name must be an IRI; triples in no named
// graph need graph or a single document node.
func (in *loadInput) check(graph string) error {
	dec, done, err := in.open(nil, nil)
	if err != nil {
		return err
	}
	defer done()
	nt, err := exporter.NewEncoder(exporter.NTriples, io.Discard, exporter.Options{})
	if err != nil {
		return err
	}
	defer nt.Close()
	seen := map[string]bool{}
	var docs []string
	defaults := 0
	for n := 1; ; n++ {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &codedError{exitInput, inputError(in.name(), err)}
		}
		if err := nt.Encode(q.Triple); err != nil {
			return &codedError{exitInput, fmt.Errorf("%s: %w", in.where(dec, n), err)}
		}
		g := ""
		switch c := q.Ctx.(type) {
		case nil:
			defaults++
			if d, ok := ontology.DocumentNode(q.Triple); ok && !slices.Contains(docs, d.String()) {
				docs = append(docs, d.String())
			}
			continue
		case rdf.IRI:
			g = c.String()
		default:
			return &codedError{exitInput, fmt.Errorf("%s: graph %s is a blank node: a store's graphs are named by IRIs", in.where(dec, n), q.Ctx.Serialize(rdf.NQuads))}
		}
		if !seen[g] {
			if err := store.CheckGraph(g); err != nil {
				return &codedError{exitInput, fmt.Errorf("%s: %w", in.where(dec, n), err)}
			}
			seen[g] = true
			in.graphs = append(in.graphs, g)
		}
	}
	if defaults == 0 {
		return nil
	}
	switch {
	case graph != "":
		in.defaultGraph = graph
	case len(docs) == 1:
		in.defaultGraph = docs[0]
		if err := store.CheckGraph(docs[0]); err != nil {
			return &codedError{exitInput, fmt.Errorf("%s: document node: %w", in.name(), err)}
		}
	case len(docs) == 0:
		return &codedError{exitUsage, fmt.Errorf("%s: %d triples in no named graph and no document node to name their graph: give --graph", in.name(), defaults)}
	default:
		return &codedError{exitUsage, fmt.Errorf("%s: %d triples in no named graph and %d document nodes (%s, …): give --graph", in.name(), defaults, len(docs), docs[0])}
	}
	if !slices.Contains(in.graphs, in.defaultGraph) {
		in.graphs = append([]string{in.defaultGraph}, in.graphs...)
	}
	return nil
}

// send streams the file to the loader.
func (in *loadInput) send(ctx context.Context, l *store.Loader, stdin io.Reader, graph string, p *loadProgress) error {
	dec, done, err := in.open(stdin, &p.read)
	if err != nil {
		return err
	}
	defer done()
	if in.path == "-" {
		in.defaultGraph = graph
	}
	for n := 1; ; n++ {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &codedError{exitInput, inputError(in.name(), err)}
		}
		g := in.defaultGraph
		switch c := q.Ctx.(type) {
		case nil:
			if g == "" {
				return &codedError{exitUsage, fmt.Errorf("%s: triples in no named graph: give --graph", in.where(dec, n))}
			}
		case rdf.IRI:
			g = c.String()
		default:
			return &codedError{exitInput, fmt.Errorf("%s: graph %s is a blank node: a store's graphs are named by IRIs", in.where(dec, n), q.Ctx.Serialize(rdf.NQuads))}
		}
		if in.path == "-" && !slices.Contains(in.graphs, g) {
			in.graphs = append(in.graphs, g)
		}
		if err := l.Add(ctx, g, q.Triple); err != nil {
			var he *store.HTTPError
			if errors.As(err, &he) || ctx.Err() != nil {
				return &codedError{exitOutput, err}
			}
			var te *store.TripleError
			if errors.As(err, &te) {
				return &codedError{exitInput, fmt.Errorf("%s: %w", in.where(dec, n), err)}
			}
			return &codedError{exitOutput, err}
		}
		if n%4096 == 0 {
			p.update()
		}
	}
	if err := l.Flush(ctx); err != nil {
		return &codedError{exitOutput, err}
	}
	p.update()
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// loadProgress shows a load's progress on stderr: on a terminal, a bar
// redrawn in place (bytes of the input files read, triples sent,
// triples/s, ETA), with the report lines above it; elsewhere the lines
// alone. The loader is synchronous, so everything happens on one
// goroutine and the bar is redrawn at most four times a second.
type loadProgress struct {
	w     io.Writer
	quiet bool
	tty   bool
	width int
	total int64 // bytes of the input files (stdin unknown: 0)
	read  atomic.Int64
	sentN int64
	begin time.Time
	last  time.Time
	drawn bool
}

func newLoadProgress(w io.Writer, quiet bool) *loadProgress {
	p := &loadProgress{w: w, quiet: quiet}
	if !quiet {
		p.tty, p.width = isTerminal(w)
	}
	return p
}

func (p *loadProgress) start() { p.begin, p.last = time.Now(), time.Now() }

func (p *loadProgress) sent(n int64) {
	p.sentN = n
	p.update()
}

// update redraws the bar if the last drawing is old enough.
//
// Off a terminal, a plain line every plainEvery says how far the load
// is.
func (p *loadProgress) update() {
	switch {
	case p.quiet:
	case p.tty && time.Since(p.last) >= 250*time.Millisecond:
		p.draw()
	case !p.tty && time.Since(p.last) >= plainEvery:
		p.last = time.Now()
		el := time.Since(p.begin).Seconds()
		fmt.Fprintf(p.w, "kgbuild: load: %d triples sent, %.1f of %.1f MB read, %.0f triples/s\n",
			p.sentN, float64(p.read.Load())/1e6, float64(p.total)/1e6, float64(p.sentN)/max(el, 1e-3))
	}
}

// plainEvery is the interval of the progress lines written off a
// terminal.
var plainEvery = 10 * time.Second

func (p *loadProgress) draw() {
	p.last = time.Now()
	el := time.Since(p.begin).Seconds()
	read := p.read.Load()
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(read)/float64(p.total), 1)
	}
	eta := "?"
	if frac > 0.001 && el > 1 {
		eta = (time.Duration(el*(1-frac)/frac) * time.Second).Round(time.Second).String()
	}
	stats := fmt.Sprintf(" %5.1f%%  %.1f/%.1f MB  %d triples sent  %.0f triples/s  ETA %s",
		100*frac, float64(read)/1e6, float64(p.total)/1e6, p.sentN, float64(p.sentN)/max(el, 1e-3), eta)
	bar := ""
	if n := p.width - len(stats) - 3; n >= 10 {
		full := int(frac * float64(n))
		bar = "[" + strings.Repeat("=", full) + strings.Repeat(" ", n-full) + "]"
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", bar, stats)
	p.drawn = true
}

// finish removes the bar.
func (p *loadProgress) finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// logf writes a report line on stderr, above the bar if there is one,
// unless quiet.
func (p *loadProgress) logf(format string, a ...any) {
	if !p.quiet {
		p.warnf(format, a...)
	}
}

// warnf writes a line on stderr (even when quiet), above the bar if there
// is one.
func (p *loadProgress) warnf(format string, a ...any) {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	fmt.Fprintf(p.w, format+"\n", a...)
	if p.drawn {
		p.draw()
	}
}
