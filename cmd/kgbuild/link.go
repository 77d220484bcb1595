package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/link/graph"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

type linkOptions struct {
	index    string
	out      string
	from, to string
	base     string
	quiet    bool
	online   onlineOptions
}

// linkFlags defines the link command's flags; its Usage writes to w.
func linkFlags(o *linkOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("link", linkUsage, w)
	fs.StringVar(&o.index, "index", "", "Wikidata candidate `INDEX` (as for build --link), 'wikidata' (Wikidata's API) or a Reconciliation API URL")
	fs.StringVar(&o.out, "out", "-", "write the linked graph to `FILE` ('-': stdout)")
	fs.StringVar(&o.to, "format", "", "output `FORMAT` (default: from --out's extension, else GRAPH's format)")
	fs.StringVar(&o.from, "from", "", "input `FORMAT` (default: from GRAPH's extension)")
	fs.StringVar(&o.base, "base", "", "base `IRI` of the entities when the graph has no document node (default "+ontology.DefaultBase+")")
	fs.BoolVar(&o.quiet, "quiet", false, "do not report how many entities were linked on stderr")
	onlineFlags(fs, &o.online)
	return fs
}

const linkUsage = `Usage: kgbuild link --index INDEX [--out FILE] [--format FORMAT] GRAPH

Links the entities of a graph kgbuild has written (Turtle, N-Triples,
N-Quads, TriG or JSON-LD; GRAPH '-' is stdin, with --from) to Wikidata, as
build --link does: it reads back each entity's type, name, aliases, labels
and country and the document's title, runs the same disambiguation, and
writes the graph with owl:sameAs, schema:sameAs and a kgo:WikidataLink node
(confidence, evidence) for each entity linked, in place of the links the
graph had. Linking the output of build gives the graph build --link writes.
INDEX 'wikidata' looks candidates up with Wikidata's API, an http(s) URL
with that W3C Reconciliation API endpoint (see build --help).
FILE is written to a temporary file renamed into place when complete.

Flags:
`

// linkCmd is the link command.
func linkCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o linkOptions
	fs := linkFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &codedError{exitUsage, fmt.Errorf("link: want one GRAPH, got %d arguments (see 'kgbuild link --help')", fs.NArg())}
	}
	if o.index == "" {
		return &codedError{exitUsage, errors.New("link: --index is required (see 'kgbuild link --help')")}
	}
	in := fs.Arg(0)
	from, err := convertFormat("--from", o.from, in)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	if !from.Readable() {
		return &codedError{exitUsage, fmt.Errorf("link: %s cannot be read", from.Name)}
	}
	to := from
	switch {
	case o.to != "":
		if to, err = convertFormat("--format", o.to, ""); err != nil {
			return &codedError{exitUsage, err}
		}
	case o.out != "-":
		if f, ok := exporter.Lookup(filepath.Base(o.out)); ok {
			to = f
		}
	}
	if o.base != "" {
		if err := checkBase(o.base); err != nil {
			return &codedError{exitUsage, err}
		}
	}

	quads, inName, err := readGraph(in, from, stdin)
	if err != nil {
		return err
	}
	g, err := graph.Read(quads, graph.Options{Base: o.base})
	if err != nil {
		return &codedError{exitInput, fmt.Errorf("%s: %w", inName, err)}
	}
	// The index is read for the graph's names only: an index of all of
	// Wikidata takes memory in proportion to what they match.
	linker, err := newLinkerFor(o.index, &o.online, g.Result())
	if err != nil {
		return prefixError("--index", err)
	}
	st, err := linker.Link(g.Result())
	if err != nil {
		return err
	}
	linked, err := g.Quads()
	if err != nil {
		return &codedError{exitError, fmt.Errorf("%s: %w", inName, err)}
	}
	merged, err := writeGraph(o.out, to, linked, g, stdout)
	if err != nil {
		return err
	}
	if merged {
		fmt.Fprintf(stderr, "kgbuild: link: warning: %s has named graphs; %s has none: they are merged into one graph\n", inName, to.Name)
	}
	if !o.quiet {
		outName := o.out
		if outName == "-" {
			outName = "stdout"
		}
		skipped := ""
		if g.Skipped > 0 {
			skipped = fmt.Sprintf(", %d outside %s left as they are", g.Skipped, g.Base())
		}
		fmt.Fprintf(stderr, "%s: %d entities, %d linked (%d not in the index, %d ruled out, %d uncertain, %d conflicting)%s → %s\n",
			inName, st.Entities, st.Linked, st.Unmatched, st.Rejected, st.Uncertain, st.Conflicts, skipped, outName)
	}
	return nil
}

// prefixError puts a flag's name before an error, keeping its exit code.
func prefixError(flagName string, err error) error {
	if ce, ok := err.(*codedError); ok {
		return &codedError{ce.code, fmt.Errorf("%s: %w", flagName, ce.err)}
	}
	return fmt.Errorf("%s: %w", flagName, err)
}

// readGraph reads every statement of the graph in file in (stdin for
// "-"). Relative IRIs resolve against the file's URL.
func readGraph(in string, from exporter.Format, stdin io.Reader) ([]rdf.Quad, string, error) {
	var r io.Reader = stdin
	inName, base := "stdin", ""
	if in != "-" {
		if abs, err := filepath.Abs(in); err == nil {
			base = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		f, err := os.Open(in)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = fmt.Errorf("%s: %w", in, pe.Err)
			}
			return nil, in, &codedError{exitInput, err}
		}
		defer f.Close()
		r, inName = f, in
	}
	dec, err := exporter.NewDecoderBase(from, r, base)
	if err != nil {
		return nil, inName, &codedError{exitInput, inputError(inName, err)}
	}
	defer dec.Close()
	var quads []rdf.Quad
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			return quads, inName, nil
		}
		if err != nil {
			return nil, inName, &codedError{exitInput, inputError(inName, err)}
		}
		quads = append(quads, q)
	}
}

// writeGraph writes the quads to out ("-": stdout) in format to, through
// a temporary file renamed into place. Triples of the default graph go to
// the document's graph in dataset formats, as build writes them; named
// graphs are merged in triple formats (merged reports it).
func writeGraph(out string, to exporter.Format, quads []rdf.Quad, g *graph.Graph, stdout io.Writer) (merged bool, err error) {
	var w io.Writer = stdout
	var tmp *os.File
	if out != "-" {
		tmp, err = os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+"-*.tmp")
		if err != nil {
			return false, &codedError{exitOutput, err}
		}
		defer func() {
			if tmp != nil {
				tmp.Close()
				os.Remove(tmp.Name())
			}
		}()
		w = tmp
	}
	opts := encoderOptions(g.Base())
	opts.Graph = g.Document()
	enc, err := exporter.NewEncoder(to, w, opts)
	if err != nil {
		return false, &codedError{exitOutput, err}
	}
	qenc, isQuad := enc.(exporter.QuadEncoder)
	for i, q := range quads {
		if isQuad && q.Ctx != nil {
			err = qenc.EncodeQuad(q)
		} else {
			merged = merged || q.Ctx != nil
			err = enc.Encode(q.Triple)
		}
		if err != nil {
			return merged, &codedError{exitError, fmt.Errorf("statement %d cannot be written as %s: %w", i+1, to.Name, err)}
		}
	}
	if err := enc.Close(); err != nil {
		return merged, &codedError{exitOutput, fmt.Errorf("%s: %w", out, err)}
	}
	if tmp != nil {
		if err := tmp.Chmod(0o644); err != nil {
			return merged, &codedError{exitOutput, err}
		}
		if err := tmp.Close(); err != nil {
			return merged, &codedError{exitOutput, fmt.Errorf("%s: %w", out, err)}
		}
		if err := os.Rename(tmp.Name(), out); err != nil {
			return merged, &codedError{exitOutput, err}
		}
		tmp = nil
	}
	return merged, nil
}
