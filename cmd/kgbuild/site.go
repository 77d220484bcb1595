package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgbuild/kgbuild/dataset"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/kgbuild/kgbuild/site"
	"github.com/knakk/rdf"
)

type siteOptions struct {
	out, base, title, from string
	dataset                string
	quiet                  bool
}

// siteFlags defines the site command's flags; its Usage writes to w.
func siteFlags(o *siteOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("site", siteUsage, w)
	fs.StringVar(&o.out, "out", "site", "write the site to `DIR` (replaced whole; refused unless empty or a site)")
	fs.StringVar(&o.base, "base", ontology.DefaultBase, "base `IRI` the site is served at: entities under it get pages")
	fs.StringVar(&o.title, "title", "", "site `TITLE` (default: from the source documents' names)")
	fs.StringVar(&o.from, "from", "", "input `FORMAT` of every GRAPH (default: from each file's extension)")
	fs.StringVar(&o.dataset, "dataset", "", "the build's dataset description `FILE` (dataset.ttl) to show on the index, with its downloads (default: dataset.ttl beside the first GRAPH, if any; 'none': no description)")
	fs.BoolVar(&o.quiet, "quiet", false, "do not report the site written on stderr")
	return fs
}

const siteUsage = `Usage: kgbuild site [--out DIR] [--base IRI] [--title TITLE] GRAPH...

Writes a static linked-data site for the graphs (Turtle, TriG, N-Triples,
N-Quads or JSON-LD, by extension, gzipped when it ends in .gz, such as
a corpus build's shards; named graphs are merged): for each
entity BASE/PATH, DIR/PATH.html (names in every language, types,
statements with qualifiers, evidence quotes and sources, incoming links,
Wikidata links, its JSON-LD embedded) with DIR/PATH.ttl and
DIR/PATH.jsonld beside it, and DIR/index.html with counts, the entities
by class and a picture of the graph (also DIR/graph.svg). Serve DIR at
BASE; README.md gives web server rules for content negotiation.
With the build's dataset description (DIR/dataset.ttl of build, found
beside the first GRAPH or given by --dataset), the index shows it and
embeds its JSON-LD, and the site serves it (BASE/dataset.ttl, .jsonld)
and the downloads it lists under BASE, copied when their SHA-256 is the
one described. The site is written into a new directory that replaces
DIR when complete; an existing DIR is replaced only if empty or a site.

Flags:
`

// siteCommand is the site command.
func siteCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o siteOptions
	fs := siteFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &codedError{exitUsage, errors.New("site: no input graphs (see 'kgbuild site --help')")}
	}
	if err := checkBase(o.base); err != nil {
		return &codedError{exitUsage, err}
	}
	var from *exporter.Format
	if o.from != "" {
		f, ok := exporter.Lookup(o.from)
		if !ok || !f.Readable() {
			return &codedError{exitUsage, fmt.Errorf("--from: unknown or unreadable format %q (known: %s)", o.from, formatNames())}
		}
		from = &f
	}
	var triples []rdf.Triple
	for _, path := range fs.Args() {
		f, err := siteFormat(strings.TrimSuffix(path, ".gz"), from)
		if err != nil {
			return err
		}
		var quads []rdf.Quad
		if strings.HasSuffix(path, ".gz") {
			quads, err = readGzipGraph(path, f)
		} else {
			quads, _, err = readGraph(path, f, stdin)
		}
		if err != nil {
			return err
		}
		for _, q := range quads {
			triples = append(triples, q.Triple)
		}
	}
	opts := site.Options{Base: o.base, Title: o.title, Encoder: encoderOptions(o.base)}
	if err := siteDataset(&opts, o.dataset, fs.Arg(0), stderr); err != nil {
		return err
	}
	// Pages are written as they are made, into a new directory that
	// replaces o.out when complete.
	s, err := site.Build(o.out, triples, opts)
	if err != nil {
		var pe *iofs.PathError
		var le *os.LinkError
		if errors.Is(err, site.ErrNotSite) || errors.As(err, &pe) || errors.As(err, &le) {
			return &codedError{exitOutput, fmt.Errorf("site: %w", err)}
		}
		return &codedError{exitError, err}
	}
	for _, u := range s.Unpaged {
		fmt.Fprintf(stderr, "kgbuild: site: warning: no page for %s\n", u)
	}
	if !o.quiet {
		fmt.Fprintf(stderr, "%d triples → %s: %d entity pages, %d statement/reference/value pages, %d files\n", len(triples), o.out, s.Pages, s.Nodes, s.Count)
	}
	return nil
}

// siteFormat is the format of graph file path: from, or the one its name
// tells.
func siteFormat(path string, from *exporter.Format) (exporter.Format, error) {
	if from != nil {
		return *from, nil
	}
	if path == "-" {
		return exporter.Format{}, &codedError{exitUsage, errors.New("site: --from is needed with '-'")}
	}
	f, ok := exporter.Lookup(filepath.Base(path))
	if !ok || !f.Readable() {
		return f, &codedError{exitUsage, fmt.Errorf("site: %s: no readable RDF format known for this file name (use --from; known: %s)", path, formatNames())}
	}
	return f, nil
}

// siteDataset finds the dataset description for the site: the file
// named, or else dataset.ttl beside the first graph. It adds the
// description's files and the downloads it lists under the base, when
// they are beside it unchanged, to the site's files.
func siteDataset(opts *site.Options, file, firstGraph string, stderr io.Writer) error {
	if file == "none" {
		return nil
	}
	if file == "" {
		if firstGraph == "-" {
			return nil
		}
		file = filepath.Join(filepath.Dir(firstGraph), "dataset.ttl")
		if _, err := os.Stat(file); err != nil {
			return nil
		}
	}
	d, err := dataset.Load(file)
	if err != nil {
		return &codedError{exitInput, fmt.Errorf("--dataset: %w", err)}
	}
	// The index embeds the nested schema.org Dataset that dataset search
	// engines read; the site serves the whole description beside it.
	ds := &site.Dataset{Description: d, JSONLD: d.SchemaOrg()}
	dir := filepath.Dir(file)
	stem := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	local, under := strings.CutPrefix(d.IRI, opts.Base)
	for _, f := range []exporter.Format{exporter.Turtle, exporter.JSONLD} {
		path := filepath.Join(dir, stem+f.Extension)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if under && local != "" && !strings.ContainsAny(local, "/.#?") {
			opts.Extra = append(opts.Extra, site.File{Path: local + f.Extension, Data: data})
		}
	}
	opts.Dataset = ds
	for _, f := range d.Distributions {
		name, ok := strings.CutPrefix(f.URL, opts.Base)
		if !ok || name == "" || strings.ContainsAny(name, "/#?") || name == stem+".ttl" || name == stem+".jsonld" {
			continue
		}
		src := filepath.Join(dir, f.Name)
		size, sum, err := dataset.HashFile(src)
		if err != nil || size != f.Size || sum != f.SHA256 {
			fmt.Fprintf(stderr, "kgbuild: site: warning: %s not served: missing or changed since %s described it\n", src, file)
			continue
		}
		opts.Extra = append(opts.Extra, site.File{Path: name, Source: src})
	}
	return nil
}

// readGzipGraph reads every statement of a gzipped graph file, such as a
// shard of a corpus build (part-00000.nq.gz).
func readGzipGraph(path string, f exporter.Format) ([]rdf.Quad, error) {
	file, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", path, pe.Err)
		}
		return nil, &codedError{exitInput, err}
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		return nil, &codedError{exitInput, fmt.Errorf("%s: %w", path, err)}
	}
	dec, err := exporter.NewDecoder(f, zr)
	if err != nil {
		return nil, &codedError{exitInput, inputError(path, err)}
	}
	defer dec.Close()
	var quads []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return quads, nil
		}
		if err != nil {
			return nil, &codedError{exitInput, inputError(path, err)}
		}
		quads = append(quads, q)
	}
}
