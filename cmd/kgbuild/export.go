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
	"github.com/kgbuild/kgbuild/ontology"
)

type exportOptions struct {
	format   string
	from     string
	out      string
	qsCreate bool
	quiet    bool
}

// exportFlags defines the export command's flags; its Usage writes to w.
func exportFlags(o *exportOptions, w io.Writer) *flag.FlagSet {
	fs := commandFlags("export", exportUsage, w)
	fs.StringVar(&o.format, "format", "qs", "output `FORMAT`: qs (QuickStatements)")
	fs.StringVar(&o.from, "from", "", "input `FORMAT` (default: from GRAPH's extension)")
	fs.StringVar(&o.out, "out", "-", "write to `FILE` ('-': stdout)")
	fs.BoolVar(&o.qsCreate, "qs-create", false, "write a CREATE block (label, aliases, P31, statements on LAST) for each entity without a Wikidata link instead of leaving its statements out")
	fs.BoolVar(&o.quiet, "quiet", false, "do not print the summary on stderr")
	return fs
}

const exportUsage = `Usage: kgbuild export --format qs [--from FORMAT] [--out FILE] [--qs-create] GRAPH

Writes the statements of a graph in the Wikidata RDF model (as kgbuild
build writes it, in any format kgbuild reads: ttl, nt, nq, trig, jsonld) as
QuickStatements v1 commands for Wikidata, the same as 'build --format qs':
one line per statement and reference, with its qualifiers and its sources
(S248 stated in, S854 reference URL, S1683 the evidence quote). Entities
are named by their owl:sameAs wd:Q… link (build --link, or kgbuild link on
an existing graph); a statement whose
subject or item value has no link is left out and counted in the summary
on stderr, unless --qs-create makes an item for each unlinked entity.
GRAPH '-' is stdin (then --from is needed). FILE is written to a temporary
file renamed into place when complete.

Flags:
`

// export is the export command.
func export(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o exportOptions
	fs := exportFlags(&o, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &codedError{exitUsage, fmt.Errorf("export: want one GRAPH, got %d arguments (see 'kgbuild export --help')", fs.NArg())}
	}
	in := fs.Arg(0)
	to, ok := exporter.Lookup(o.format)
	if !ok || to != exporter.QuickStatements {
		return &codedError{exitUsage, fmt.Errorf("--format: %q: export writes qs (QuickStatements); use convert for RDF formats", o.format)}
	}
	from, err := convertFormat("--from", o.from, in)
	if err != nil {
		return &codedError{exitUsage, err}
	}
	if !from.Readable() {
		return &codedError{exitUsage, fmt.Errorf("export: %s cannot be read", from.Name)}
	}

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
			return &codedError{exitInput, err}
		}
		defer f.Close()
		r, inName = f, in
	}

	var w io.Writer = stdout
	var tmp *os.File
	if o.out != "-" {
		tmp, err = os.CreateTemp(filepath.Dir(o.out), "."+filepath.Base(o.out)+"-*.tmp")
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

	dec, err := exporter.NewDecoderBase(from, r, base)
	if err != nil {
		return &codedError{exitInput, inputError(inName, err)}
	}
	defer dec.Close()
	opts := encoderOptions(ontology.DefaultBase)
	opts.QSCreate = o.qsCreate
	enc, err := exporter.NewEncoder(to, w, opts)
	if err != nil {
		return err
	}
	n := 0
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &codedError{exitInput, inputError(inName, err)}
		}
		n++
		// Named graphs are merged: statements are statements wherever
		// they are.
		if err := enc.Encode(q.Triple); err != nil {
			return &codedError{exitError, fmt.Errorf("%s: statement %d: %w", inName, n, err)}
		}
	}
	if err := enc.Close(); err != nil {
		return &codedError{exitOutput, fmt.Errorf("%s: %w", o.out, err)}
	}
	if tmp != nil {
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
	}
	if !o.quiet {
		outName := o.out
		if outName == "-" {
			outName = "stdout"
		}
		stats := enc.(exporter.QSCounter).QSStats()
		fmt.Fprintf(stderr, "%s (%s, %d triples) → %s: %s\n", inName, from.Name, n, outName, stats)
	}
	return nil
}
