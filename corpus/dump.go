package corpus

import (
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// dumpSource reads a MediaWiki XML export (Special:Export, the
// pages-articles dumps): <mediawiki><siteinfo>…</siteinfo><page>…</page>…
// A multistream dump is a concatenation of bzip2 streams, the first holding
// the header and each other a hundred pages: it reads as one stream, so
// its index file is not needed.
//
// Only articles are returned: pages of namespace 0 that are not redirects
// and whose latest revision is wikitext with text.
type dumpSource struct {
	path string
	f    io.Closer
	dec  *xml.Decoder
	site string // the wiki's host, from <siteinfo><base>; "" when not given
	// part: the input is a part of a multistream dump, <page> elements
	// without the <mediawiki> root around them (wrapped in one here): its
	// end is the end of the input, or </mediawiki> for the last part.
	part bool
}

// xmlPage is a <page> of the export format (export-0.10, 0.11).
type xmlPage struct {
	Title    string    `xml:"title"`
	NS       *string   `xml:"ns"`
	ID       string    `xml:"id"`
	Redirect *struct{} `xml:"redirect"`
	Revision struct {
		Model string `xml:"model"`
		Text  struct {
			Body    string  `xml:",chardata"`
			Deleted *string `xml:"deleted,attr"`
		} `xml:"text"`
	} `xml:"revision"`
}

func newDumpSource(path string, f io.Closer, r io.Reader) (*dumpSource, error) {
	s := &dumpSource{path: path, f: f, dec: xml.NewDecoder(r)}
	// The root element must be <mediawiki>.
	for {
		tok, err := s.dec.Token()
		if err != nil {
			f.Close()
			if err == io.EOF {
				return nil, fmt.Errorf("%s: no <mediawiki> element: not a MediaWiki XML dump", path)
			}
			return nil, s.wrap(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "mediawiki" {
				f.Close()
				line, _ := s.dec.InputPos()
				return nil, fmt.Errorf("%s:%d: root element <%s>, want <mediawiki>: not a MediaWiki XML dump", path, line, se.Name.Local)
			}
			return s, nil
		}
	}
}

// wrap gives a decoding error its file and, for XML errors, line.
func (s *dumpSource) wrap(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Msg == "unexpected EOF" {
			return fmt.Errorf("%s:%d: unexpected end of file: the dump is truncated", s.path, se.Line)
		}
		return fmt.Errorf("%s:%d: XML syntax error: %s", s.path, se.Line, se.Msg)
	}
	if err == io.ErrUnexpectedEOF {
		line, _ := s.dec.InputPos()
		return fmt.Errorf("%s:%d: unexpected end of file: the dump is truncated", s.path, line)
	}
	return fmt.Errorf("%s: %w", s.path, err)
}

func (s *dumpSource) next() (*Article, error) {
	for {
		tok, err := s.dec.Token()
		if err != nil {
			if s.part && endOfPart(err) {
				return nil, io.EOF
			}
			if err == io.EOF {
				return nil, fmt.Errorf("%s: unexpected end of file: no </mediawiki>: the dump is truncated", s.path)
			}
			return nil, s.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "mediawiki" {
				return nil, io.EOF
			}
		case xml.StartElement:
			if t.Name.Local == "siteinfo" {
				var si struct {
					Base string `xml:"base"`
				}
				if err := s.dec.DecodeElement(&si, &t); err != nil {
					return nil, s.wrap(err)
				}
				s.site = siteOf(si.Base)
				continue
			}
			if t.Name.Local != "page" {
				if err := s.dec.Skip(); err != nil { // <siteinfo>, anything else
					return nil, s.wrap(err)
				}
				continue
			}
			line, _ := s.dec.InputPos()
			var p xmlPage
			if err := s.dec.DecodeElement(&p, &t); err != nil {
				return nil, s.wrap(err)
			}
			if a := s.article(&p, line); a != nil {
				return a, nil
			}
		}
	}
}

// article returns the page as an article, or nil for a page that is not
// one: another namespace, a redirect, deleted or non-wikitext content.
func (s *dumpSource) article(p *xmlPage, line int) *Article {
	ns := "0"
	if p.NS != nil {
		ns = strings.TrimSpace(*p.NS)
	} else if strings.Contains(p.Title, ":") {
		// Old exports have no <ns>: namespaced titles have a prefix. An
		// article title may contain a colon too; without <ns> it cannot be
		// told apart, and is left out.
		return nil
	}
	if ns != "0" || p.Redirect != nil || p.Revision.Text.Deleted != nil {
		return nil
	}
	if m := p.Revision.Model; m != "" && m != "wikitext" {
		return nil
	}
	title := strings.TrimSpace(p.Title)
	if title == "" || strings.TrimSpace(p.Revision.Text.Body) == "" {
		return nil
	}
	return &Article{
		ID:     strings.TrimSpace(p.ID),
		Title:  title,
		Text:   []byte(p.Revision.Text.Body),
		Markup: Wikitext,
		Source: s.path + ":" + strconv.Itoa(line),
		Site:   s.site,
	}
}

// endOfPart says whether err, from a token between pages, is the end of
// a part: the input ends with the <mediawiki> given by NewDumpPartReader
// still open, or anything else is closed. Inside a page the end of the
// input is an error from DecodeElement.
func endOfPart(err error) bool {
	var se *xml.SyntaxError
	return err == io.EOF || errors.As(err, &se) && se.Msg == "unexpected EOF"
}

// siteOf returns the host of a wiki's main page URL
// ("https://kk.wikipedia.org/wiki/Басты_бет" → "kk.wikipedia.org"), or ""
// when base is no absolute http(s) URL.
func siteOf(base string) string {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Port() != "" {
		return ""
	}
	return strings.ToLower(u.Host)
}

func (s *dumpSource) close() error {
	if s.f == nil {
		return nil
	}
	return s.f.Close()
}

// DumpReader reads the articles of a MediaWiki XML dump, or of a part of
// a multistream dump, from a stream (decompressed: see [Decompress]), for
// readers of files that are not local (the Beam pipeline). The articles
// are those a [Reader] returns for the same dump.
type DumpReader struct{ s *dumpSource }

// NewDumpReader reads a whole dump, <mediawiki> element and all; name
// names it in errors and in the articles' Source.
func NewDumpReader(r io.Reader, name string) (*DumpReader, error) {
	s, err := newDumpSource(name, nil, r)
	if err != nil {
		return nil, err
	}
	return &DumpReader{s}, nil
}

// NewDumpPartReader reads a part of a multistream dump: one or more of
// its bzip2 streams after the first, decompressed, which hold <page>
// elements and, in the last stream, the closing </mediawiki>. site is the
// wiki's host from the dump's <siteinfo> (the first stream; see
// [DumpSite]).
func NewDumpPartReader(r io.Reader, name, site string) *DumpReader {
	// Inside a <mediawiki> element, as the pages are in the whole dump.
	in := io.MultiReader(strings.NewReader("<mediawiki>"), r)
	s := &dumpSource{path: name, dec: xml.NewDecoder(in), site: site, part: true}
	s.dec.Token() // the <mediawiki> given
	return &DumpReader{s}
}

// Next returns the next article, or io.EOF after the last.
func (d *DumpReader) Next() (*Article, error) { return d.s.next() }

// Site is the wiki's host, from the dump's <siteinfo>, once read.
func (d *DumpReader) Site() string { return d.s.site }

// DumpSite reads the start of a dump, up to its first page, and returns
// the wiki's host from its <siteinfo> ("" when it has none). The first
// stream of a multistream dump is that start.
func DumpSite(r io.Reader, name string) (string, error) {
	s, err := newDumpSource(name, nil, r)
	if err != nil {
		return "", err
	}
	s.part = true // the start alone ends without </mediawiki>
	for {
		tok, err := s.dec.Token()
		if err == io.EOF {
			return s.site, nil
		}
		if err != nil {
			return "", s.wrap(err)
		}
		if t, ok := tok.(xml.StartElement); ok {
			if t.Name.Local == "page" {
				return s.site, nil
			}
			if t.Name.Local == "siteinfo" {
				var si struct {
					Base string `xml:"base"`
				}
				if err := s.dec.DecodeElement(&si, &t); err != nil {
					return "", s.wrap(err)
				}
				return siteOf(si.Base), nil
			}
		}
	}
}

// ReadMultistreamIndex reads the index of a multistream dump
// (pages-articles-multistream-index.txt, decompressed): "OFFSET:ID:TITLE"
// a line, OFFSET the byte offset of the bzip2 stream holding the page. It
// returns the distinct offsets, ascending: the starts of the streams after
// the first.
func ReadMultistreamIndex(r io.Reader, name string) ([]int64, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var offs []int64
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if line == "" && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			continue
		}
		num, _, ok := strings.Cut(line, ":")
		off, perr := strconv.ParseInt(num, 10, 64)
		if !ok || perr != nil || off < 0 {
			return nil, fmt.Errorf("%s:%d: not an index line (OFFSET:ID:TITLE): %.60q", name, n, line)
		}
		if len(offs) == 0 || off != offs[len(offs)-1] {
			if len(offs) > 0 && off < offs[len(offs)-1] {
				return nil, fmt.Errorf("%s:%d: offset %d after %d: the index is not in order", name, n, off, offs[len(offs)-1])
			}
			offs = append(offs, off)
		}
	}
	return offs, nil
}

// Decompress returns r decompressed by the name's extension: .bz2 (bzip2,
// concatenated streams read as one), .gz (gzip), else as it is.
func Decompress(name string, r io.Reader) (io.ReadCloser, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".bz2":
		return io.NopCloser(bzip2.NewReader(r)), nil
	case ".gz":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return zr, nil
	}
	return io.NopCloser(r), nil
}
