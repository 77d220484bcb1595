package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/extractor/wikitext"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/kgbuild/kgbuild/pipeline"
	"github.com/knakk/rdf"
)

// version is the program's version; release builds set it with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK     = 0
	exitError  = 1 // the work failed: an output could not be written
	exitUsage  = 2 // bad command line
	exitInput  = 3 // an input file is missing or is not an article
	exitOutput = 4 // an output directory or file cannot be written
)

// codedError wraps an error with the exit code it calls for.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }

// run is the whole program: it parses args, does the work and returns the
// exit code. Data goes to stdout, diagnostics to stderr.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch {
	case cmd == "--version":
		cmd = "version"
	case cmd == "help" || cmd == "-h" || cmd == "--help":
		if len(rest) > 0 {
			if c, ok := lookupCommand(rest[0]); ok && c.flags != nil {
				c.flags(stdout).Usage()
				return exitOK
			}
		}
		fmt.Fprint(stdout, usageText())
		return exitOK
	}
	c, ok := lookupCommand(cmd)
	if !ok {
		fmt.Fprintf(stderr, "kgbuild: unknown command %q\n\n%s", cmd, usageText())
		return exitUsage
	}
	err = c.run(rest, stdin, stdout, stderr)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "kgbuild: %v\n", err)
	var ce *codedError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitError
}

type buildOptions struct {
	out      string
	formats  string
	base     string
	quiet    bool
	link     string // Wikidata candidate index, "wikidata" or a reconciliation URL; empty: no linking
	online   onlineOptions
	qsCreate bool // QuickStatements: CREATE blocks for unlinked entities
	frame    bool // JSON-LD framed (--jsonld-frame)

	// Corpus builds (corpus.go).
	jobs      int    // workers; 0: one per core
	shardSize string // documents ("10000") or bytes ("256MB") a shard
	gzip      bool   // gzip the shards
	resume    bool   // skip the shards the manifest lists

	dataset datasetOptions // the dataset description (dataset.go)
}

// defaultFormats are the formats build writes when --format is not given.
const defaultFormats = "ttl,jsonld,nt"

// buildFlags defines the build command's flags; its Usage writes to w.
func buildFlags(o *buildOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("build", buildUsage, w)
	fs.StringVar(&o.out, "out", "out", "write output files to `DIR`")
	fs.StringVar(&o.formats, "format", defaultFormats, "comma-separated output `FORMATS`, by name (ttl, jsonld, nt, nq, trig, canonical, jsonld-framed, qs), extension or media type")
	fs.BoolVar(&o.frame, "jsonld-frame", false, "write JSON-LD framed: jsonld in --format becomes jsonld-framed (NAME.framed.jsonld), a tree per entity with its statements, qualifiers and references embedded")
	fs.StringVar(&o.base, "base", ontology.DefaultBase, "base `IRI` of the entities, statements and references minted (absolute, ending in / or #)")
	fs.BoolVar(&o.quiet, "quiet", false, "do not report the files written on stderr")
	fs.BoolVar(&o.qsCreate, "qs-create", false, "with --format qs, write a CREATE block (label, aliases, P31, statements on LAST) for each entity without a Wikidata link instead of leaving its statements out")
	fs.StringVar(&o.link, "link", "", "link entities to Wikidata items found in `INDEX`: a compact index (kgbuild index), SPARQL query results (.srj/.json, .csv, .tsv) with item, itemLabel, itemAltLabel and optionally itemDescription, class, country, sitelinks, or a Wikidata JSON dump; 'wikidata' looks items up with Wikidata's API, an http(s) URL with that W3C Reconciliation API endpoint")
	onlineFlags(fs, &o.online)
	fs.IntVar(&o.jobs, "jobs", 0, "corpus: extract with `N` workers (default: one per core)")
	fs.StringVar(&o.shardSize, "shard-size", "", "corpus: cut a shard every `N` documents (default 10000) or N bytes of N-Quads (256MB, 1GiB)")
	fs.BoolVar(&o.gzip, "gzip", false, "corpus: gzip the shards (DIR/part-NNNNN.nq.gz)")
	fs.BoolVar(&o.resume, "resume", false, "corpus: continue an interrupted run, skipping the shards DIR/manifest.json lists")
	datasetFlags(fs, &o.dataset)
	return fs
}

const buildUsage = `Usage: kgbuild build [--out DIR] [--format LIST] [--base IRI] [--quiet] FILE...
       kgbuild build [--out DIR] [--jobs N] [--shard-size N] [--gzip] [--resume] CORPUS...

Reads articles (FILE '-' reads stdin) and writes, for each input
NAME.txt, DIR/NAME.ttl, DIR/NAME.jsonld and DIR/NAME.nt (as --format asks).
N-Quads (nq), TriG (trig) and canonical N-Quads (canonical: NAME.c14n.nq,
URDNA2015, lines sorted) put the triples in a named graph, the document's
IRI (BASE/document/NAME); the report gives the SHA-256 of the canonical
form, a fingerprint of the graph. JSON-LD keeps the graph as its default
graph; with --jsonld-frame (or format jsonld-framed) it is written as
DIR/NAME.framed.jsonld, framed: one top-level node object per entity, its
statements, their qualifiers and references embedded in it, the document
and other nodes at top level.
Files named *.wiki, *.wikitext or *.mediawiki are read as MediaWiki
wikitext (infoboxes, wikitables, <ref> notes; links give each entity its
Wikipedia article); any other file as plain text.
An input that cannot be read leaves no output file behind.
With --link INDEX, entities matched with confidence to an item of the index
get owl:sameAs and schema:sameAs wd:Q… and a kgo:WikidataLink node giving
the confidence and the evidence; the index is read once for all inputs.
--link wikidata looks each document's names up with Wikidata's API
(wbsearchentities, wbgetentities), --link URL with a W3C Reconciliation
API endpoint; answers are cached (--link-cache), requests spaced
(--link-rate) and retried with back-off on 429 and 5xx.
QuickStatements (qs: NAME.qs) writes the statements of linked entities as
Wikidata batch-edit commands, with qualifiers and the evidence as source;
the report counts the statements left out because an entity is not linked
(see --qs-create).

A CORPUS is a directory (its *.txt and wikitext files, recursively, in
name order), a JSON Lines file (.jsonl, .ndjson: {"id","title","text",
"url"} a line) or a MediaWiki XML dump (.xml, pages-articles, multistream
or not), each file optionally compressed (.bz2, .gz). A corpus is read as a stream and built
on every core into sharded N-Quads, DIR/part-00000.nq[.gz], …, each
article in its own named graph (BASE/document/NAME, NAME the file name or
the slug of the title); the output is the same whatever --jobs is.
DIR/manifest.json records the finished shards: --resume continues an
interrupted run after them. On a terminal a progress bar shows
documents/s, MB/s and the time left.

DIR/dataset.ttl and DIR/dataset.jsonld describe the run's output as one
dataset (VoID counts, DCAT distributions with SHA-256, schema.org Dataset,
PROV-O run); their times are $SOURCE_DATE_EPOCH when it is set. They
come with the default formats; when --format names the outputs, DIR holds
exactly those files unless --dataset is given too.

Flags:
`

// commandFlags makes a command's flag set whose Usage writes text and the
// flags' defaults to w.
func commandFlags(name, text string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprint(w, text)
		out := fs.Output()
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(out)
	}
	return fs
}

// parseFlags parses a command's flags. Help asked for is data: the usage
// goes to the flag set's writer (stdout) and flag.ErrHelp comes back. Other
// errors are reported once, by run, with a pointer to the help.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on errors too
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return &codedError{exitUsage, fmt.Errorf("%s: %w (see 'kgbuild %s --help')", fs.Name(), err, fs.Name())}
	}
	return nil
}

// build is the build command.
func build(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o buildOptions
	// Help asked for is data (stdout); errors are reported once, by run.
	fs := buildFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	explicit := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	if explicit["format"] && !explicit["dataset"] {
		// --format names the files wanted: DIR holds those only, so a
		// tool taking DIR/*.ttl finds the article's graph.
		o.dataset.describe = false
	}
	files := fs.Args()
	if len(files) == 0 {
		return &codedError{exitUsage, errors.New("build: no input files (see 'kgbuild build --help')")}
	}
	formats, err := parseFormats(o.formats)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	if o.frame {
		if formats, err = frameJSONLD(formats); err != nil {
			return &codedError{exitUsage, err}
		}
	}
	if err := checkBase(o.base); err != nil {
		return &codedError{exitUsage, err}
	}
	var linker linker
	if o.link != "" {
		if linker, err = newLinker(o.link, &o.online); err != nil {
			return prefixError("--link", err)
		}
	}
	if isCorpusBuild(&o, files) {
		return buildCorpus(&o, files, linker, stderr)
	}
	// Outputs are named after the inputs: two inputs of the same name
	// ("a/x.txt b/x.txt", or "-" twice) would overwrite each other's.
	names := map[string]string{}
	for _, path := range files {
		name := extractor.DocName(path)
		if name == "" {
			// ".txt": the output files would have no name (".ttl").
			return &codedError{exitInput, fmt.Errorf("%s: no output name: the file name is empty without its extension", path)}
		}
		if prev, ok := names[name]; ok {
			return &codedError{exitUsage, fmt.Errorf("build: %s and %s would both write %s.*", prev, path, filepath.Join(o.out, name))}
		}
		names[name] = path
	}
	if path, ok := names[datasetName]; ok && o.dataset.describe {
		// DIR/dataset.ttl and .jsonld are the dataset's description.
		return &codedError{exitUsage, fmt.Errorf("build: %s would write %s.*, the dataset description's name: rename the input", path, filepath.Join(o.out, datasetName))}
	}
	ds, err := newDatasetRun(&o.dataset, os.Getenv)
	if err != nil {
		return err
	}
	defer ds.close() // on failure; on success finish closes it
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return &codedError{exitOutput, err}
	}
	for _, path := range files {
		data, err := readInput(path, stdin)
		if err != nil {
			return &codedError{exitInput, err}
		}
		doc, err := parserFor(path)(path, data)
		if err != nil {
			return &codedError{exitInput, err}
		}
		res := extractor.Extract(doc)
		linked := ""
		if linker != nil {
			st, err := linker.Link(res)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			linked = fmt.Sprintf(", %d linked", st.Linked)
		}
		written, err := writeOutputs(o.out, doc.Name, formats, res, ontology.Options{Base: o.base}, o.qsCreate, ds.sinks()...)
		if err != nil {
			return err
		}
		ds.input(path, doc.Title, documentIRI(o.base, doc.Name), data)
		ds.wrote(o.out, doc.Name, formats)
		if !o.quiet {
			fmt.Fprintf(stderr, "%s: %d entities, %d facts%s → %s\n", path, len(res.Entities), len(res.Facts), linked, strings.Join(written, ", "))
		}
	}
	return ds.finish(o.out, &o, formats, linker != nil, stderr)
}

// parserFor chooses an input's parser by its extension: wikitext for
// .wiki, .wikitext and .mediawiki files, plain text for any other.
func parserFor(path string) func(string, []byte) (*extractor.Document, error) {
	if wikitext.IsWikitext(path) {
		return wikitext.Parse
	}
	return extractor.Parse
}

func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %w", path, pe.Err)
		}
		return nil, err
	}
	return data, nil
}

func parseFormats(list string) ([]exporter.Format, error) {
	var out []exporter.Format
	seen := map[string]bool{}
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		f, ok := exporter.Lookup(s)
		if !ok {
			var names []string
			for _, f := range exporter.Formats() {
				names = append(names, f.Name)
			}
			names = append(names, exporter.QuickStatements.Name)
			return nil, fmt.Errorf("--format: unknown format %q (known: %s)", s, strings.Join(names, ", "))
		}
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("--format: no format given")
	}
	return out, nil
}

// frameJSONLD replaces JSON-LD by framed JSON-LD in formats, for
// --jsonld-frame.
func frameJSONLD(formats []exporter.Format) ([]exporter.Format, error) {
	var out []exporter.Format
	found := false
	for _, f := range formats {
		if f == exporter.JSONLD || f == exporter.JSONLDFramed {
			f, found = exporter.JSONLDFramed, true
			if slices.Contains(out, f) {
				continue
			}
		}
		out = append(out, f)
	}
	if !found {
		return nil, errors.New("--jsonld-frame: --format has no JSON-LD")
	}
	return out, nil
}

func checkBase(base string) error {
	u, err := url.Parse(base)
	if err != nil || !u.IsAbs() || !(strings.HasSuffix(base, "/") || strings.HasSuffix(base, "#")) {
		return fmt.Errorf("--base: %q is not an absolute IRI ending in / or #", base)
	}
	if _, err := rdf.NewIRI(base); err != nil {
		return fmt.Errorf("--base: %q: %v", base, err)
	}
	return nil
}

// encoderOptions are the prefixes and JSON-LD context of our vocabulary,
// plus a prefix for each kind of entity minted under base ("person:").
func encoderOptions(base string) exporter.Options { return pipeline.EncoderOptions(base) }

// documentIRI is the IRI ontology.Map gives the document named name
// under base: N-Quads and TriG put the document's triples in the graph of
// that name, so that a store can replace one document's graph alone.
func documentIRI(base, name string) string { return pipeline.DocumentIRI(base, name) }

// fanout sends each triple to several encoders: the graph is mapped once
// and streamed into every format.
type fanout []exporter.Encoder

func (f fanout) Encode(t rdf.Triple) error {
	for _, e := range f {
		if err := e.Encode(t); err != nil {
			return err
		}
	}
	return nil
}

// teeSink sends each triple to the encoders, then to extra sinks.
type teeSink struct {
	encs  fanout
	extra []ontology.Sink
}

func (t teeSink) Encode(tr rdf.Triple) error {
	if err := t.encs.Encode(tr); err != nil {
		return err
	}
	for _, s := range t.extra {
		if err := s.Encode(tr); err != nil {
			return err
		}
	}
	return nil
}

// writeOutputs writes one document's graph in every format. Each file is
// written to a temporary name in dir and renamed into place only when all
// of them are complete, so a failure leaves no partial output.
// With qsCreate, QuickStatements creates items for unlinked entities.
// Extra sinks (the dataset's counts) receive the triples too; they are not
// closed.
func writeOutputs(dir, name string, formats []exporter.Format, res *extractor.Result, opts ontology.Options, qsCreate bool, extra ...ontology.Sink) ([]string, error) {
	type out struct {
		tmp   *os.File
		final string
	}
	var outs []out
	cleanup := func() {
		for _, o := range outs {
			o.tmp.Close()
			os.Remove(o.tmp.Name())
		}
	}
	encOpts := encoderOptions(opts.Base)
	encOpts.Graph = documentIRI(opts.Base, name) // N-Quads, TriG: the document's named graph
	encOpts.QSCreate = qsCreate
	var encs fanout
	for _, f := range formats {
		tmp, err := os.CreateTemp(dir, "."+name+"-*"+f.Extension+".tmp")
		if err != nil {
			cleanup()
			return nil, &codedError{exitOutput, err}
		}
		outs = append(outs, out{tmp, filepath.Join(dir, name+f.Extension)})
		enc, err := exporter.NewEncoder(f, tmp, encOpts)
		if err != nil {
			cleanup()
			return nil, err
		}
		encs = append(encs, enc)
	}
	var sink ontology.Sink = encs
	if len(extra) > 0 {
		sink = teeSink{encs, extra}
	}
	if err := ontology.Map(res, opts, sink); err != nil {
		cleanup()
		return nil, err
	}
	for i, e := range encs {
		if err := e.Close(); err != nil {
			cleanup()
			return nil, &codedError{exitOutput, fmt.Errorf("%s: %w", outs[i].final, err)}
		}
	}
	var written []string
	for _, o := range outs {
		if err := o.tmp.Chmod(0o644); err != nil {
			cleanup()
			return nil, &codedError{exitOutput, err}
		}
		if err := o.tmp.Close(); err != nil {
			cleanup()
			return nil, &codedError{exitOutput, err}
		}
	}
	for i, o := range outs {
		if err := os.Rename(o.tmp.Name(), o.final); err != nil {
			cleanup()
			return nil, &codedError{exitOutput, err}
		}
		if fp, ok := encs[i].(exporter.Fingerprinter); ok {
			// Canonical N-Quads: the dataset's fingerprint.
			written = append(written, o.final+" (sha256 "+fp.SHA256()+")")
			continue
		}
		if qc, ok := encs[i].(exporter.QSCounter); ok {
			// QuickStatements: what was left out, and why.
			written = append(written, o.final+" ("+qc.QSStats().String()+")")
			continue
		}
		written = append(written, o.final)
	}
	return written, nil
}

// writeOntology writes the ontology describing kgbuild's own terms.
func writeOntology(w io.Writer) error {
	return exporter.WriteAll(exporter.Turtle, w, encoderOptions(""), ontology.OntologyTriples())
}
