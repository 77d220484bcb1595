package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kgbuild/kgbuild/corpus"
	"github.com/kgbuild/kgbuild/dataset"
	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
)

// Names of the dataset description files a build writes.
const (
	datasetName  = "dataset"
	citationName = "CITATION.cff"
	bibtexName   = "dataset.bib"
)

// datasetOptions are build's flags for the dataset description.
type datasetOptions struct {
	config       string
	title        string
	description  string
	keywords     string
	license      string
	creators     agentFlags
	publisher    string
	version      string
	issued       string
	landing      string
	sparql       string
	downloadBase string
	citation     bool
	memory       string // memory for the counts before they spill (a size)
	// describe: write DIR/dataset.ttl and .jsonld. --dataset sets it;
	// without that flag it is on unless --format names the outputs.
	describe bool
}

// agentFlags collects a repeated --creator.
type agentFlags []string

func (a *agentFlags) String() string     { return strings.Join(*a, "; ") }
func (a *agentFlags) Set(s string) error { *a = append(*a, s); return nil }

// datasetFlags adds the dataset description's flags to build's.
func datasetFlags(fs *flag.FlagSet, o *datasetOptions) {
	fs.StringVar(&o.config, "config", "", "read the dataset's metadata from the JSON `FILE` (keys: title, description, keywords, license, creators, publisher, version, issued, landingPage, sparqlEndpoint, downloadBase); flags override it")
	fs.StringVar(&o.title, "title", "", "the dataset's `TITLE` (default: after the source article)")
	fs.StringVar(&o.description, "description", "", "the dataset's description `TEXT`")
	fs.StringVar(&o.keywords, "keywords", "", "the dataset's comma-separated `KEYWORDS`")
	fs.StringVar(&o.license, "license", "", "the data's `LICENSE`, an SPDX identifier or an IRI (default CC-BY-SA-4.0, the license of Wikipedia text)")
	fs.Var(&o.creators, "creator", "a creator of the dataset, `\"NAME\" or \"NAME <URL>\"` (repeatable)")
	fs.StringVar(&o.publisher, "publisher", "", "the dataset's publisher, `\"NAME\" or \"NAME <URL>\"`")
	fs.StringVar(&o.version, "dataset-version", "", "the dataset's `VERSION` (default 1.0)")
	fs.StringVar(&o.issued, "issued", "", "the dataset's first publication `DATE` (YYYY-MM-DD; default the build's time)")
	fs.StringVar(&o.landing, "landing-page", "", "the dataset's landing page `URL`")
	fs.StringVar(&o.sparql, "sparql-endpoint", "", "the `URL` of a SPARQL endpoint serving the dataset")
	fs.StringVar(&o.downloadBase, "download-base", "", "the `URL` the output files are published under (default: --base)")
	fs.BoolVar(&o.describe, "dataset", true, "write DIR/"+datasetName+".ttl and .jsonld describing the output (default: on, unless --format names the outputs: then only with --dataset)")
	fs.StringVar(&o.memory, "dataset-memory", "64MiB", "memory (a `SIZE`: 64MiB, 500MB) for counting the triples the description reports; past it what is counted spills to temporary files in $TMPDIR, removed at the end")
	fs.BoolVar(&o.citation, "citation", false, "also write DIR/"+citationName+" and DIR/"+bibtexName+" citing the dataset (needs a creator)")
}

// datasetRun gathers, during a build, what the dataset description says:
// its Stats are a sink beside the encoders, and the inputs and output
// files are noted as they are read and written. Its close removes the
// Stats' temporary files.
type datasetRun struct {
	off    bool // no description is written
	cfg    dataset.Config
	cite   bool
	stats  *dataset.Stats // nil when off: nothing is counted
	start  time.Time
	fixed  bool // start is $SOURCE_DATE_EPOCH
	titles []string
	inputs []dataset.Input
	files  []string // output files, in order
	types  []string // their media types
}

// newDatasetRun reads the config file and the flags (flags win) and
// $SOURCE_DATE_EPOCH (getenv's). Errors are usage errors.
func newDatasetRun(o *datasetOptions, getenv func(string) string) (*datasetRun, error) {
	r := &datasetRun{off: !o.describe, cite: o.citation, start: time.Now().UTC()}
	budget, ok := parseBytes(o.memory)
	if !ok {
		return nil, &codedError{exitUsage, fmt.Errorf("--dataset-memory: %q is not a size (64MiB, 500MB)", o.memory)}
	}
	if o.config != "" {
		c, err := dataset.LoadConfig(o.config)
		if err != nil {
			return nil, &codedError{exitInput, fmt.Errorf("--config: %w", err)}
		}
		r.cfg = *c
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&r.cfg.Title, o.title)
	set(&r.cfg.Description, o.description)
	set(&r.cfg.License, o.license)
	set(&r.cfg.Version, o.version)
	set(&r.cfg.Issued, o.issued)
	set(&r.cfg.LandingPage, o.landing)
	set(&r.cfg.SPARQLEndpoint, o.sparql)
	set(&r.cfg.DownloadBase, o.downloadBase)
	if o.keywords != "" {
		r.cfg.Keywords = nil
		for _, k := range strings.Split(o.keywords, ",") {
			if k = strings.TrimSpace(k); k != "" {
				r.cfg.Keywords = append(r.cfg.Keywords, k)
			}
		}
	}
	if len(o.creators) > 0 {
		r.cfg.Creators = nil
		for _, s := range o.creators {
			a, err := dataset.ParseAgent(s)
			if err != nil {
				return nil, &codedError{exitUsage, fmt.Errorf("--creator %q: %w", s, err)}
			}
			r.cfg.Creators = append(r.cfg.Creators, a)
		}
	}
	if o.publisher != "" {
		a, err := dataset.ParseAgent(o.publisher)
		if err != nil {
			return nil, &codedError{exitUsage, fmt.Errorf("--publisher %q: %w", o.publisher, err)}
		}
		a.Type = "Organization"
		r.cfg.Publisher = &a
	}
	if err := r.cfg.Check(); err != nil {
		return nil, &codedError{exitUsage, fmt.Errorf("dataset metadata: %w", err)}
	}
	if r.cite && len(r.cfg.Creators) == 0 {
		return nil, &codedError{exitUsage, fmt.Errorf("--citation needs a creator (--creator or creators in --config)")}
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		t, err := dataset.SourceDateEpoch(s)
		if err != nil {
			return nil, &codedError{exitUsage, err}
		}
		r.start, r.fixed = t, true
	}
	if !r.off {
		r.stats = dataset.NewStatsWith(dataset.StatsOptions{MemoryBudget: budget})
	}
	return r, nil
}

// sinks are the sinks counting the triples: none when no description is
// written.
func (r *datasetRun) sinks() []ontology.Sink {
	if r.stats == nil {
		return nil
	}
	return []ontology.Sink{r.stats}
}

// close removes the counts' temporary files.
func (r *datasetRun) close() error {
	if r.stats == nil {
		return nil
	}
	if err := r.stats.Close(); err != nil {
		return &codedError{exitOutput, err}
	}
	return nil
}

// input notes a source document read from path.
func (r *datasetRun) input(path, title, docIRI string, data []byte) {
	name := filepath.Base(path)
	if path == "-" {
		name = "-"
	}
	r.titles = append(r.titles, title)
	r.inputs = append(r.inputs, dataset.Input{Document: docIRI, Name: name, Size: int64(len(data)), SHA256: dataset.HashBytes(data)})
}

// wrote notes the files written for the document name.
func (r *datasetRun) wrote(dir, name string, formats []exporter.Format) {
	for _, f := range formats {
		r.files = append(r.files, filepath.Join(dir, name+f.Extension))
		r.types = append(r.types, f.MediaType)
	}
}

// finish writes DIR/dataset.ttl and DIR/dataset.jsonld (and, with
// --citation, CITATION.cff and dataset.bib) describing a build of files,
// each atomically, and reports them on stderr unless --quiet.
func (r *datasetRun) finish(dir string, o *buildOptions, formats []exporter.Format, linked bool, stderr io.Writer) error {
	if r.off {
		return nil
	}
	f, err := r.facts(o, linked, stderr)
	if err != nil {
		return err
	}
	f.Titles = r.titles
	f.Run.Inputs = append(append([]dataset.Input(nil), r.inputs...), buildInputs(o)...)
	f.Run.Parameters = buildParameters(o, formats)
	for i, p := range r.files {
		size, sum, err := dataset.HashFile(p)
		if err != nil {
			return &codedError{exitOutput, err}
		}
		f.Distributions = append(f.Distributions, dataset.Distribution{Name: filepath.Base(p), MediaType: r.types[i], Size: size, SHA256: sum})
	}
	if err := r.close(); err != nil {
		return err
	}
	return r.write(dir, o.quiet, f, stderr)
}

// finishCorpus is finish for a corpus build: the distributions are the
// shards of the manifest (their sizes and SHA-256 recorded there), the
// inputs the corpus files (a directory without checksum).
func (r *datasetRun) finishCorpus(o *buildOptions, files []string, m corpus.Manifest, linked bool, stderr io.Writer) error {
	if r.off {
		return nil
	}
	f, err := r.facts(o, linked, stderr)
	if err != nil {
		return err
	}
	for _, sh := range m.Shards {
		f.Documents += sh.Documents
		d := dataset.Distribution{Name: sh.File, MediaType: exporter.NQuads.MediaType, Size: sh.Size, SHA256: sh.SHA256}
		if strings.HasSuffix(sh.File, ".gz") {
			d.CompressFormat = "application/gzip"
		}
		f.Distributions = append(f.Distributions, d)
	}
	for _, p := range files {
		in := dataset.Input{Name: filepath.Base(p)}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			size, sum, err := dataset.HashFile(p)
			if err != nil {
				return &codedError{exitInput, err}
			}
			in.Size, in.SHA256 = size, sum
		}
		f.Run.Inputs = append(f.Run.Inputs, in)
	}
	f.Run.Inputs = append(f.Run.Inputs, buildInputs(o)...)
	f.Run.Parameters = buildParameters(o, []exporter.Format{exporter.NQuads})
	if o.shardSize != "" {
		f.Run.Parameters = append(f.Run.Parameters, dataset.Parameter{Name: "shard-size", Value: o.shardSize})
	}
	f.Run.Parameters = append(f.Run.Parameters, dataset.Parameter{Name: "gzip", Value: strconv.FormatBool(o.gzip)})
	if err := r.close(); err != nil {
		return err
	}
	return r.write(o.out, o.quiet, f, stderr)
}

// countShards counts the triples of the shards a resumed run keeps, read
// back from their files, so that the description covers the whole run.
func (r *datasetRun) countShards(dir string, shards []corpus.ShardInfo) error {
	if r.stats == nil {
		return nil
	}
	for _, sh := range shards {
		if err := countFile(filepath.Join(dir, sh.File), r.stats); err != nil {
			return &codedError{exitInput, fmt.Errorf("--resume: %w", err)}
		}
	}
	return nil
}

// countFile sends the triples of an N-Quads file (gzipped when its name
// ends in .gz) to sink.
func countFile(path string, sink ontology.Sink) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	var rd io.Reader = fh
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(fh)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		rd = zr
	}
	dec, err := exporter.NewDecoder(exporter.NQuads, rd)
	if err != nil {
		return err
	}
	defer dec.Close()
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := sink.Encode(q.Triple); err != nil {
			return err
		}
	}
}

// facts are the facts of every build: base, counts, the run's times.
// How much the counts spilled to temporary files is reported on stderr
// unless --quiet.
func (r *datasetRun) facts(o *buildOptions, linked bool, stderr io.Writer) (dataset.Facts, error) {
	end := time.Now().UTC()
	if r.fixed {
		end = r.start
	}
	sum, err := r.stats.Summary()
	if err != nil {
		return dataset.Facts{}, &codedError{exitOutput, err}
	}
	if n := r.stats.TempBytes(); n > 0 && !o.quiet {
		fmt.Fprintf(stderr, "dataset counts: %.1f MB of temporary files at most (--dataset-memory %s)\n", float64(n)/1e6, o.dataset.memory)
	}
	return dataset.Facts{
		Base:   o.base,
		Stats:  sum,
		Linked: linked,
		Run:    dataset.Run{Software: "kgbuild", SoftwareVersion: version, Start: r.start, End: end},
		Time:   end,
	}, nil
}

// write describes the dataset in dir: dataset.ttl, dataset.jsonld and,
// with --citation, CITATION.cff and dataset.bib, each atomically.
func (r *datasetRun) write(dir string, quiet bool, f dataset.Facts, stderr io.Writer) error {
	if r.off {
		return nil
	}
	d, err := dataset.Describe(&r.cfg, f)
	if err != nil {
		return &codedError{exitUsage, fmt.Errorf("dataset metadata: %w", err)}
	}
	triples, err := d.Triples()
	if err != nil {
		return &codedError{exitUsage, fmt.Errorf("dataset metadata: %w", err)}
	}
	opts := exporter.Options{}
	for _, p := range ontology.DescriptionPrefixes() {
		opts.Prefixes = append(opts.Prefixes, exporter.Prefix(p))
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	for _, fmt_ := range []exporter.Format{exporter.Turtle, exporter.JSONLD} {
		var b strings.Builder
		if err := exporter.WriteAll(fmt_, &b, opts, triples); err != nil {
			return fmt.Errorf("dataset description: %w", err)
		}
		files = append(files, file{datasetName + fmt_.Extension, []byte(b.String())})
	}
	if r.cite {
		files = append(files, file{citationName, d.CFF()}, file{bibtexName, d.BibTeX()})
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := writeFileAtomic(path, f.data); err != nil {
			return &codedError{exitOutput, err}
		}
		written = append(written, path)
	}
	if !quiet {
		fmt.Fprintf(stderr, "dataset: %s\n", strings.Join(written, ", "))
	}
	return nil
}

// writeFileAtomic writes data to a temporary file in path's directory and
// renames it into place.
func writeFileAtomic(path string, data []byte) error {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// buildInputs are the inputs of a build besides its documents: the link
// index.
func buildInputs(o *buildOptions) []dataset.Input {
	if o.link == "" {
		return nil
	}
	size, sum, err := dataset.HashFile(o.link)
	if err != nil {
		return nil // read once already; a vanished index is not described
	}
	return []dataset.Input{{Name: filepath.Base(o.link), Size: size, SHA256: sum}}
}

// buildParameters are the settings of a build recorded in its provenance:
// the formats, the base IRI and the link index's file name. The output
// directory and the input paths are not: they are where the run happened,
// not what it did, and would make the description differ between two
// checkouts.
func buildParameters(o *buildOptions, formats []exporter.Format) []dataset.Parameter {
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	ps := []dataset.Parameter{{Name: "format", Value: strings.Join(names, ",")}, {Name: "base", Value: o.base}}
	if o.link != "" {
		ps = append(ps, dataset.Parameter{Name: "link", Value: filepath.Base(o.link)})
	}
	return ps
}
