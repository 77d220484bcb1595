package link

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// The compact index ([IndexWriter]) is a gzip-compressed text file:
//
//	#kgbuild-index 1	langs=en,kk,ru
//	#qid	labels	aliases	description	classes	countries	sitelinks	enwiki
//	Q1520	Astana|Астана	Nur-Sultan|Akmola	capital of Kazakhstan	Q515|Q5119	Q232	182	Astana
//
// one item a line, tab-separated, lists separated by '|'; in every field a
// backslash, tab, newline, carriage return and '|' are written \\, \t, \n,
// \r and \p. The first line names the format and its version, then
// key=value settings; lines starting with '#' are comments. Readers refuse
// a version they do not know.
const (
	kgiMagic   = "#kgbuild-index"
	kgiVersion = 1
	kgiColumns = "#qid\tlabels\taliases\tdescription\tclasses\tcountries\tsitelinks\tenwiki"
)

// IndexWriter writes the compact index, one candidate at a time, so that
// an index of all of Wikidata is written in constant memory.
type IndexWriter struct {
	zw  *gzip.Writer
	bw  *bufio.Writer
	n   int
	err error
}

// NewIndexWriter starts a compact index on w, noting the languages its
// names were kept in.
func NewIndexWriter(w io.Writer, langs []string) *IndexWriter {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	iw := &IndexWriter{zw: zw, bw: bufio.NewWriterSize(zw, 1<<16)}
	_, iw.err = fmt.Fprintf(iw.bw, "%s %d\tlangs=%s\n%s\n", kgiMagic, kgiVersion, strings.Join(langs, ","), kgiColumns)
	return iw
}

// Write adds one candidate.
func (w *IndexWriter) Write(c *Candidate) error {
	if w.err != nil {
		return w.err
	}
	if !qidRE.MatchString(c.QID) {
		return fmt.Errorf("index: %q is not a Wikidata item", c.QID)
	}
	b := w.bw
	b.WriteString(c.QID)
	for _, list := range [][]string{c.Labels, c.Aliases, {c.Description}, c.Classes, c.Countries} {
		b.WriteByte('\t')
		for i, v := range list {
			if i > 0 {
				b.WriteByte('|')
			}
			writeEscaped(b, v)
		}
	}
	b.WriteByte('\t')
	if c.Sitelinks > 0 {
		b.WriteString(strconv.Itoa(c.Sitelinks))
	}
	b.WriteByte('\t')
	writeEscaped(b, c.Enwiki)
	_, w.err = b.WriteString("\n")
	w.n++
	return w.err
}

// Count returns the number of candidates written.
func (w *IndexWriter) Count() int { return w.n }

// Close flushes the index; it does not close the underlying writer.
func (w *IndexWriter) Close() error {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	if err := w.zw.Close(); w.err == nil {
		w.err = err
	}
	return w.err
}

func writeEscaped(b *bufio.Writer, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '|':
			b.WriteString(`\p`)
		default:
			b.WriteByte(c)
		}
	}
}

// unescapeKGI undoes writeEscaped.
func unescapeKGI(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 == len(s) {
			return "", errors.New(`a lone \ at the end of a field`)
		}
		i++
		switch s[i] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'p':
			b.WriteByte('|')
		default:
			return "", fmt.Errorf(`unknown escape \%c`, s[i])
		}
	}
	return b.String(), nil
}

// readKGI reads a compact index into x.
func (x *Index) readKGI(r io.Reader, file string) error {
	br := bufio.NewReaderSize(r, 1<<16)
	line := 0
	for {
		text, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return &Error{File: file, Line: line + 1, Err: err}
		}
		if text == "" && err != nil {
			if line == 0 {
				return &Error{File: file, Err: errors.New("empty index")}
			}
			return nil
		}
		line++
		text = strings.TrimSuffix(text, "\n")
		if line == 1 {
			head, _, _ := strings.Cut(text, "\t")
			v, ok := strings.CutPrefix(head, kgiMagic+" ")
			if !ok {
				return errAt(file, line, "not a kgbuild index")
			}
			if n, e := strconv.Atoi(v); e != nil || n != kgiVersion {
				return errAt(file, line, "kgbuild index version %q, this program reads version %d (rebuild it with kgbuild index)", v, kgiVersion)
			}
			continue
		}
		if strings.HasPrefix(text, "#") || text == "" {
			if err != nil {
				return nil
			}
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 8 {
			return errAt(file, line, "%d fields, want 8", len(f))
		}
		c := Candidate{QID: f[0]}
		if !qidRE.MatchString(c.QID) {
			return errAt(file, line, "%q is not a Wikidata item", c.QID)
		}
		lists := []*[]string{&c.Labels, &c.Aliases, nil, &c.Classes, &c.Countries}
		for i, dst := range lists {
			if f[i+1] == "" {
				continue
			}
			for _, v := range strings.Split(f[i+1], "|") {
				u, e := unescapeKGI(v)
				if e != nil {
					return errAt(file, line, "field %d: %v", i+2, e)
				}
				if dst == nil {
					c.Description = u
				} else {
					*dst = append(*dst, u)
				}
			}
		}
		if f[6] != "" {
			n, e := strconv.Atoi(f[6])
			if e != nil || n < 0 {
				return errAt(file, line, "sitelinks %q is not a count", f[6])
			}
			c.Sitelinks = n
		}
		var e error
		if c.Enwiki, e = unescapeKGI(f[7]); e != nil {
			return errAt(file, line, "field 8: %v", e)
		}
		x.Add(c)
		if err != nil {
			return nil
		}
	}
}

// Open opens a file for reading, decompressing it when it is gzip or
// bzip2 (told by its first bytes, whatever its name); "-" is stdin. Close
// the result.
func Open(path string, stdin io.Reader) (io.ReadCloser, error) {
	var f io.ReadCloser
	if path == "-" {
		f = io.NopCloser(stdin)
	} else {
		file, err := os.Open(path)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &Error{File: path, Err: err}
		}
		f = file
	}
	rc, err := Decompress(f, path)
	if err != nil {
		f.Close()
		return nil, err
	}
	return rc, nil
}

// Decompress reads r, decompressing it when it is gzip or bzip2 (told by
// its first bytes); name is the file name errors give. Closing the result
// closes r when r is an io.Closer.
func Decompress(r io.Reader, name string) (io.ReadCloser, error) {
	closeR := func() error { return nil }
	if c, ok := r.(io.Closer); ok {
		closeR = c.Close
	}
	path, f := name, readCloser{r, closeR}
	br := bufio.NewReaderSize(r, 1<<16)
	magic, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &Error{File: path, Err: fmt.Errorf("gzip: %w", err)}
		}
		zr.Multistream(true)
		return readCloser{zr, func() error { zr.Close(); return f.Close() }}, nil
	case bytes.Equal(magic, []byte("BZh")):
		return readCloser{bzip2.NewReader(br), f.Close}, nil
	}
	return readCloser{br, f.Close}, nil
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }
