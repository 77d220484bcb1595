// Package corpus reads collections of articles as streams: directories of
// plain-text files, JSON Lines files ({"id","title","text","url"} a line)
// and MediaWiki XML dumps (pages-articles.xml, .bz2, the multistream
// variant), one article at a time, in input order, so that memory does not
// grow with the corpus.
//
// A Reader hands out Articles: the raw text, its markup (plain text or
// wikitext) and where it came from. Turning the text into a document is
// the caller's job, with the parser that fits the markup.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
)

// Markup says how an article's text is written.
type Markup uint8

// Markups.
const (
	PlainText Markup = iota + 1 // Wikipedia-style plain text, as the extractor reads it
	Wikitext                    // MediaWiki source text
)

func (m Markup) String() string {
	switch m {
	case PlainText:
		return "text"
	case Wikitext:
		return "wikitext"
	}
	return fmt.Sprintf("Markup(%d)", uint8(m))
}

// Article is one article of a corpus.
type Article struct {
	// Path is the file of a directory's article ("corpus/a.txt"); empty for
	// articles of JSON Lines files and dumps, which have a title or an ID.
	Path  string
	ID    string // page ID of a dump, "id" of a JSON line; may be empty
	Title string // page title, "title" of a JSON line; may be empty
	URL   string // "url" of a JSON line; empty otherwise
	Text  []byte
	// Markup is how Text is written: PlainText for files and JSON lines,
	// Wikitext for dump pages.
	Markup Markup
	// Site is the wiki a dump's pages come from, from its <siteinfo>
	// ("en.wikipedia.org"): the site of the text's links. Empty otherwise.
	Site string
	// Source names where the article is, for messages: "a/b.txt",
	// "wiki.jsonl:12" (line), "dump.xml.bz2:1234" (line of the <page>).
	Source string
}

// Kind is the kind of a corpus input.
type Kind uint8

// Kinds of input.
const (
	TextFile  Kind = iota + 1 // one plain-text article
	Directory                 // a directory tree of articles (*.txt and the registered extensions)
	JSONLines                 // {"id","title","text","url"} a line
	Dump                      // MediaWiki XML export
)

func (k Kind) String() string {
	switch k {
	case TextFile:
		return "text file"
	case Directory:
		return "directory"
	case JSONLines:
		return "JSON Lines"
	case Dump:
		return "MediaWiki dump"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// compressions are the compressed-file suffixes read transparently.
var compressions = []string{".bz2", ".gz"}

// KindOf says what kind of input path is, from the file system (a
// directory) or its name: .jsonl/.ndjson are JSON Lines, .xml a dump (and
// a dump's part file, .xml-p1p41242), each optionally compressed (.bz2,
// .gz); anything else is one text file.
func KindOf(path string) Kind {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return Directory
	}
	name := strings.ToLower(path)
	for _, c := range compressions {
		name = strings.TrimSuffix(name, c)
	}
	switch ext := filepath.Ext(name); {
	case ext == ".jsonl" || ext == ".ndjson":
		return JSONLines
	case ext == ".xml" || isPartExt(ext):
		return Dump
	}
	return TextFile
}

// isPartExt says whether ext is that of a dump's part file
// (enwiki-…-pages-articles1.xml-p1p41242.bz2): ".xml-pFIRSTpLAST", the
// page IDs it holds.
func isPartExt(ext string) bool {
	rest, ok := strings.CutPrefix(ext, ".xml-p")
	if !ok {
		return false
	}
	first, last, ok := strings.Cut(rest, "p")
	return ok && isDigits(first) && isDigits(last)
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// IsCorpus says whether path holds more than one article: a directory, a
// JSON Lines file or a dump.
func IsCorpus(path string) bool { return KindOf(path) != TextFile }

// source yields the articles of one input.
type source interface {
	next() (*Article, error) // io.EOF at the end
	close() error
}

// Reader reads the articles of several inputs, one input after another.
// It is not safe for concurrent use, except Progress.
type Reader struct {
	paths []string
	i     int
	cur   source
	total int64        // bytes of all inputs, as stored (compressed)
	done  atomic.Int64 // bytes read from the inputs so far
	base  int64        // bytes of the inputs finished
	err   error
}

// Open returns a Reader of the articles of paths, in order. Each path is a
// text file, a directory (its *.txt files and those of registered
// extensions, recursively, in lexical order),
// a JSON Lines file or a MediaWiki XML dump, each file optionally
// compressed with bzip2 or gzip. Open checks that every path exists.
func Open(paths []string) (*Reader, error) {
	r := &Reader{paths: paths}
	for _, p := range paths {
		n, err := Size(p)
		if err != nil {
			return nil, err
		}
		r.total += n
	}
	return r, nil
}

// Size is the number of bytes of a file, or of the article files under a
// directory (*.txt and registered extensions, recursively).
func Size(path string) (int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, pathError(path, err)
	}
	if !fi.IsDir() {
		return fi.Size(), nil
	}
	var n int64
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return pathError(p, err)
		}
		if d.Type().IsRegular() && isText(p) {
			fi, err := d.Info()
			if err != nil {
				return pathError(p, err)
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

// pathError drops the operation from an os.PathError: "x: no such file or
// directory".
func pathError(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return err
}

// extMarkup maps the file name extensions of articles, lower case, to
// their markup.
var extMarkup = map[string]Markup{".txt": PlainText}

// RegisterExtension makes files named *ext (case ignored) articles written
// in markup m, in directories and as inputs of a corpus build; ".txt" is
// plain text. It is meant for init functions: it is not safe to call
// while Readers run.
func RegisterExtension(ext string, m Markup) { extMarkup[strings.ToLower(ext)] = m }

// markupOf is the markup of an article file, by its extension.
func markupOf(p string) (Markup, bool) {
	m, ok := extMarkup[strings.ToLower(filepath.Ext(p))]
	return m, ok
}

func isText(p string) bool { _, ok := markupOf(p); return ok }

// Progress reports how many bytes of the inputs, as stored, have been read
// and how many there are in all. It may be called from any goroutine.
func (r *Reader) Progress() (done, total int64) { return r.done.Load(), r.total }

// Next returns the next article, or io.EOF after the last.
func (r *Reader) Next() (*Article, error) {
	if r.err != nil {
		return nil, r.err
	}
	for {
		if r.cur == nil {
			if r.i == len(r.paths) {
				r.err = io.EOF
				return nil, io.EOF
			}
			src, err := r.open(r.paths[r.i])
			if err != nil {
				r.err = err
				return nil, err
			}
			r.cur = src
		}
		a, err := r.cur.next()
		if err == nil {
			return a, nil
		}
		cerr := r.cur.close()
		r.cur = nil
		if err != io.EOF {
			r.err = err
			return nil, err
		}
		if cerr != nil {
			r.err = fmt.Errorf("%s: %w", r.paths[r.i], cerr)
			return nil, r.err
		}
		n, _ := Size(r.paths[r.i])
		r.base += n
		r.done.Store(r.base)
		r.i++
	}
}

// Close releases the input being read.
func (r *Reader) Close() error {
	if r.cur != nil {
		err := r.cur.close()
		r.cur = nil
		return err
	}
	return nil
}

func (r *Reader) open(path string) (source, error) {
	switch KindOf(path) {
	case Directory:
		return newDirSource(path, r)
	case JSONLines:
		f, err := r.openFile(path)
		if err != nil {
			return nil, err
		}
		return newJSONLSource(path, f), nil
	case Dump:
		f, err := r.openFile(path)
		if err != nil {
			return nil, err
		}
		return newDumpSource(path, f, f)
	}
	return &fileSource{path: path, r: r}, nil
}

// file is an open input: the decompressed stream and the file under it.
type file struct {
	io.Reader
	f     *os.File
	extra io.Closer // the decompressor
}

func (f *file) Close() error {
	if f.extra != nil {
		f.extra.Close()
	}
	return f.f.Close()
}

// counter adds the bytes read to a Reader's progress.
type counter struct {
	r    io.Reader
	done *atomic.Int64
}

func (c counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.done.Add(int64(n))
	return n, err
}

// openFile opens path for reading, decompressing .bz2 and .gz files.
// Concatenated streams (multistream bzip2 dumps, concatenated gzip
// members) read as one.
func (r *Reader) openFile(path string) (*file, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	raw := bufio.NewReaderSize(counter{f, &r.done}, 1<<16)
	zr, err := Decompress(path, raw)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &file{Reader: zr, f: f, extra: zr}, nil
}

// readAll reads a whole (possibly compressed) file.
func (r *Reader) readAll(path string) ([]byte, error) {
	f, err := r.openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// fileSource is a single text file.
type fileSource struct {
	path string
	r    *Reader
	done bool
}

func (s *fileSource) next() (*Article, error) {
	if s.done {
		return nil, io.EOF
	}
	s.done = true
	data, err := s.r.readAll(s.path)
	if err != nil {
		return nil, err
	}
	m, ok := markupOf(s.path)
	if !ok {
		m = PlainText // a single input of any other name is plain text
	}
	return &Article{Path: s.path, Text: data, Markup: m, Source: s.path}, nil
}

func (s *fileSource) close() error { return nil }

// dirSource walks a directory tree in lexical order, one directory's
// entries in memory at a time per level.
type dirSource struct {
	r     *Reader
	stack [][]string // paths still to visit, per level
}

func newDirSource(root string, r *Reader) (*dirSource, error) {
	s := &dirSource{r: r}
	if err := s.push(root); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *dirSource) push(dir string) error {
	ents, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return pathError(dir, err)
	}
	var paths []string
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() || e.Type().IsRegular() && isText(p) {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	s.stack = append(s.stack, paths)
	return nil
}

func (s *dirSource) next() (*Article, error) {
	for len(s.stack) > 0 {
		top := &s.stack[len(s.stack)-1]
		if len(*top) == 0 {
			s.stack = s.stack[:len(s.stack)-1]
			continue
		}
		p := (*top)[0]
		*top = (*top)[1:]
		fi, err := os.Stat(p)
		if err != nil {
			return nil, pathError(p, err)
		}
		if fi.IsDir() {
			if err := s.push(p); err != nil {
				return nil, err
			}
			continue
		}
		f, err := os.ReadFile(p)
		if err != nil {
			return nil, pathError(p, err)
		}
		s.r.done.Add(int64(len(f)))
		m, _ := markupOf(p)
		return &Article{Path: p, Text: f, Markup: m, Source: p}, nil
	}
	return nil, io.EOF
}

func (s *dirSource) close() error { return nil }
