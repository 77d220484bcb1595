package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
)

type convertOptions struct {
	from, to string
	base     string
	quiet    bool
	frame    bool
	max      int
}

// convertFlags defines the convert command's flags; its Usage writes to w.
func convertFlags(o *convertOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("convert", convertUsage, w)
	fs.StringVar(&o.from, "from", "", "input `FORMAT` (default: from IN's extension)")
	fs.StringVar(&o.to, "to", "", "output `FORMAT` (default: from OUT's extension)")
	fs.StringVar(&o.base, "base", ontology.DefaultBase, "base `IRI` whose node prefixes (person:, statement:…) Turtle and TriG use")
	fs.BoolVar(&o.quiet, "quiet", false, "do not report the conversion on stderr")
	fs.BoolVar(&o.frame, "jsonld-frame", false, "write JSON-LD framed (as format jsonld-framed): a tree per entity, its statements, qualifiers and references embedded")
	fs.IntVar(&o.max, "max-statements", 0, "most statements held in memory by framed JSON-LD (per graph) and canonical N-Quads (0: "+
		fmt.Sprintf("%d and %d; -1: no limit)", exporter.DefaultMaxFramedTriples, exporter.DefaultMaxCanonicalTriples))
	return fs
}

const convertUsage = `Usage: kgbuild convert [--from FORMAT] [--to FORMAT] [--jsonld-frame] IN OUT

Converts an RDF file from one format to another. Formats are named as for
build (ttl, nt, nq, trig, jsonld, jsonld-framed, canonical; extensions such
as .framed.jsonld and media types work too) and taken from the file
extensions unless given. Reads and writes N-Triples, N-Quads, Turtle, TriG
and JSON-LD (framed or not), and writes canonical N-Quads; all but JSON-LD
are read as a stream, JSON-LD whole. Writing streams, except framed JSON-LD
(one graph at a time in memory) and canonical N-Quads (the whole dataset):
those stop with an error beyond --max-statements. Relative IRIs resolve
against IN's file URL. IN '-' is stdin, OUT '-' stdout (then --from/--to
are needed). OUT is written to a temporary file renamed into place when
complete. Named graphs are kept by N-Quads, TriG and JSON-LD (graph
objects); written to Turtle or N-Triples they are merged into one graph,
with a warning.

Flags:
`

// convert is the convert command.
func convert(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o convertOptions
	fs := convertFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return &codedError{exitUsage, fmt.Errorf("convert: want IN and OUT, got %d arguments (see 'kgbuild convert --help')", fs.NArg())}
	}
	in, out := fs.Arg(0), fs.Arg(1)
	from, err := convertFormat("--from", o.from, in)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	to, err := convertFormat("--to", o.to, out)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	if o.frame {
		switch to {
		case exporter.JSONLD, exporter.JSONLDFramed:
			to = exporter.JSONLDFramed
		default:
			return &codedError{exitUsage, fmt.Errorf("convert: --jsonld-frame: the output is %s, not JSON-LD", to.Name)}
		}
	}
	if !from.Readable() {
		return &codedError{exitUsage, fmt.Errorf("convert: %s cannot be read", from.Name)}
	}
	if err := checkBase(o.base); err != nil {
		return &codedError{exitUsage, err}
	}

	var r io.Reader = stdin
	inName, base := "stdin", ""
	if in != "-" {
		// Relative IRIs (Turtle, TriG, JSON-LD) resolve against the
		// file's URL, as a browser or rapper would.
		if abs, err := filepath.Abs(in); err == nil {
			base = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		f, err := os.Open(in)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = fmt.Errorf("%s: %w", in, pe.Err)
			}
			return &codedError{exitInput, err}
		}
		defer f.Close()
		r, inName = f, in
	}

	var w io.Writer = stdout
	var tmp *os.File
	if out != "-" {
		tmp, err = os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+"-*.tmp")
		if err != nil {
			return &codedError{exitOutput, err}
		}
		defer func() {
			if tmp != nil {
				tmp.Close()
				os.Remove(tmp.Name())
			}
		}()
		w = tmp
	}

	opts := encoderOptions(o.base)
	opts.MaxTriples = o.max
	n, merged, err := convertStream(from, to, r, inName, base, w, opts)
	if err != nil {
		return err
	}
	if tmp != nil {
		if err := tmp.Chmod(0o644); err != nil {
			return &codedError{exitOutput, err}
		}
		if err := tmp.Close(); err != nil {
			return &codedError{exitOutput, fmt.Errorf("%s: %w", out, err)}
		}
		if err := os.Rename(tmp.Name(), out); err != nil {
			return &codedError{exitOutput, err}
		}
		tmp = nil
	}
	if merged {
		fmt.Fprintf(stderr, "kgbuild: convert: warning: %s has named graphs; %s has none: they are merged into one graph\n", inName, to.Name)
	}
	if !o.quiet {
		outName := out
		if out == "-" {
			outName = "stdout"
		}
		fmt.Fprintf(stderr, "%s (%s) → %s (%s): %d statements\n", inName, from.Name, outName, to.Name, n)
	}
	return nil
}

// convertFormat is the format named by flag value v, or else the one of
// file name path.
func convertFormat(flagName, v, path string) (exporter.Format, error) {
	if v != "" {
		f, ok := exporter.Lookup(v)
		if !ok {
			return f, fmt.Errorf("%s: unknown format %q (known: %s)", flagName, v, formatNames())
		}
		return f, nil
	}
	if path == "-" {
		return exporter.Format{}, fmt.Errorf("convert: %s is needed with '-'", flagName)
	}
	f, ok := exporter.Lookup(filepath.Base(path))
	if !ok {
		return f, fmt.Errorf("convert: %s: no format known for this file name (use %s; known: %s)", path, flagName, formatNames())
	}
	return f, nil
}

func formatNames() string {
	var names []string
	for _, f := range exporter.Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// convertStream decodes r (named in in errors, relative IRIs resolved
// against base) in format from and encodes
// every statement to w in format to. It returns the number of statements
// and whether named graphs were merged because to has none.
func convertStream(from, to exporter.Format, r io.Reader, in, base string, w io.Writer, opts exporter.Options) (n int, merged bool, err error) {
	dec, err := exporter.NewDecoderBase(from, r, base)
	if err != nil {
		return 0, false, &codedError{exitInput, inputError(in, err)}
	}
	defer dec.Close()
	enc, err := exporter.NewEncoder(to, w, opts)
	if err != nil {
		return 0, false, err
	}
	qenc, isQuad := enc.(exporter.QuadEncoder)
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, merged, &codedError{exitInput, inputError(in, err)}
		}
		n++
		if isQuad {
			err = qenc.EncodeQuad(q)
		} else {
			merged = merged || q.Ctx != nil
			err = enc.Encode(q.Triple)
		}
		if err != nil {
			where := fmt.Sprintf("%s: statement %d", in, n)
			if l, ok := dec.(interface{ Line() int }); ok {
				where = fmt.Sprintf("%s:%d", in, l.Line())
			}
			return n, merged, &codedError{exitError, fmt.Errorf("%s: cannot be written as %s: %w", where, to.Name, err)}
		}
	}
	if err := enc.Close(); err != nil {
		return n, merged, &codedError{exitError, fmt.Errorf("%s: %w", to.Name, err)}
	}
	return n, merged, nil
}

// inputError names the input file and, for a syntax error, the position:
// "in.nt:3:27: ntriples: unexpected …".
func inputError(in string, err error) error {
	var se *exporter.SyntaxError
	if errors.As(err, &se) {
		format, _, _ := strings.Cut(err.Error(), ":")
		if se.Line > 0 {
			return fmt.Errorf("%s:%d:%d: %s: %s", in, se.Line, se.Col, format, se.Msg)
		}
		return fmt.Errorf("%s: %s: after statement %d: %s", in, format, se.Statement, se.Msg)
	}
	return fmt.Errorf("%s: %w", in, err)
}
