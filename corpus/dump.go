package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
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
	f    *file
	dec  *xml.Decoder
	site string // the wiki's host, from <siteinfo><base>; "" when not given
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

func newDumpSource(path string, f *file) (*dumpSource, error) {
	s := &dumpSource{path: path, f: f, dec: xml.NewDecoder(f)}
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

func (s *dumpSource) close() error { return s.f.Close() }
