package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/knakk/rdf"
)

// Protocol is the way a Loader writes to a store.
type Protocol string

const (
	// GSP is the SPARQL 1.1 Graph Store HTTP Protocol: the endpoint is the
	// graph store, the graph is named by ?graph=IRI, the body is
	// N-Triples. The first batch of a graph is PUT (replacing the graph)
	// and later ones POSTed, or all POSTed when appending.
	GSP Protocol = "gsp"
	// Update is SPARQL 1.1 Update: the endpoint takes POSTed
	// application/sparql-update requests, each an INSERT DATA into the
	// graph, the first one of a graph preceded by DROP SILENT GRAPH
	// unless appending.
	Update Protocol = "update"
)

// Default batch bounds. Virtuoso 7.2's SPARQL compiler refuses an INSERT
// DATA of about 1,200 short triples or more ("The length of generated SQL
// text has exceeded 10000 lines"), hence the small Update batches.
const (
	DefaultGSPTriples    = 100_000
	DefaultGSPBytes      = 16 << 20
	DefaultUpdateTriples = 1_000
	DefaultUpdateBytes   = 1 << 20
)

// LoaderOptions configures a [Loader].
type LoaderOptions struct {
	// Endpoint is the URL of the graph store (GSP) or of the update
	// service (Update): for Virtuoso, http://HOST:8890/sparql-graph-crud
	// or http://HOST:8890/sparql.
	Endpoint string
	Protocol Protocol
	// Append adds the triples to the graphs instead of replacing them.
	Append bool
	// BatchTriples and BatchBytes bound a request's triples and the size
	// of its N-Triples; 0 means the protocol's default.
	BatchTriples, BatchBytes int
	// DryRun, when set, receives each request (method, URL, headers,
	// body) instead of the store. Credentials are described, not shown.
	DryRun io.Writer
	// Sent, when set, is called after each request has been sent.
	Sent func(Batch)
	// Warn, when set, receives warnings (blank nodes split across
	// requests).
	Warn func(msg string)
}

// Batch describes one request a Loader sent.
type Batch struct {
	Method, Graph string
	Triples       int
	Bytes         int // body size
}

// Stats counts what a Loader sent.
type Stats struct {
	Requests int
	Triples  int64
	Bytes    int64 // bodies
	Graphs   int   // distinct graphs written
}

// A Loader sends triples to named graphs of a store in batches. Add
// buffers a triple and sends the batch when it is full or when the graph
// changes; Flush sends what is left. A graph is replaced (unless
// appending) by the first request sent to it by this Loader; a graph split
// in several requests is therefore not replaced atomically, and blank
// nodes are scoped to one request (a warning says when a graph with blank
// nodes took more than one).
type Loader struct {
	c     *Client
	opt   LoaderOptions
	base  *url.URL
	graph string // graph of the pending batch
	buf   bytes.Buffer
	enc   exporter.Encoder
	n     int  // triples pending
	size  int  // N-Triples bytes pending (computed, not yet flushed by enc)
	blank bool // pending batch has blank nodes
	seen  map[string]*graphState
	stats Stats
}

type graphState struct {
	requests int
	blank    bool
	warned   bool
}

// NewLoader returns a Loader sending through c.
func NewLoader(c *Client, opt LoaderOptions) (*Loader, error) {
	u, err := parseEndpoint(opt.Endpoint)
	if err != nil {
		return nil, err
	}
	switch opt.Protocol {
	case GSP:
		if opt.BatchTriples == 0 {
			opt.BatchTriples = DefaultGSPTriples
		}
		if opt.BatchBytes == 0 {
			opt.BatchBytes = DefaultGSPBytes
		}
	case Update:
		if opt.BatchTriples == 0 {
			opt.BatchTriples = DefaultUpdateTriples
		}
		if opt.BatchBytes == 0 {
			opt.BatchBytes = DefaultUpdateBytes
		}
	default:
		return nil, fmt.Errorf("protocol %q: want %q or %q", opt.Protocol, GSP, Update)
	}
	if opt.BatchTriples < 0 || opt.BatchBytes < 0 {
		return nil, errors.New("batch bounds must be positive")
	}
	return &Loader{c: c, opt: opt, base: u, seen: map[string]*graphState{}}, nil
}

// parseEndpoint parses an http or https URL without credentials in it.
func parseEndpoint(s string) (*url.URL, error) {
	if _, rest, ok := strings.Cut(s, "://"); ok {
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			rest = rest[:i]
		}
		if strings.Contains(rest, "@") {
			return nil, fmt.Errorf("endpoint %s has credentials in it: give them in %s and %s, or %s, instead", redact(s), EnvUser, EnvPassword, EnvToken)
		}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an http or https URL", s)
	}
	return u, nil
}

// redact hides what looks like a password in a URL that did not parse.
func redact(s string) string {
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		if j := strings.Index(s, "://"); j >= 0 && j < i {
			return s[:j+3] + "…" + s[i:]
		}
	}
	return s
}

// CheckGraph reports whether g can name a graph in a store: an absolute
// IRI that SPARQL's IRIREF can spell.
func CheckGraph(g string) error {
	if g == "" {
		return errors.New("empty graph IRI")
	}
	if !utf8.ValidString(g) {
		return fmt.Errorf("graph IRI %q is not valid UTF-8", g)
	}
	if i := strings.IndexAny(g, "<>\"{}|^`\\"); i >= 0 {
		return fmt.Errorf("graph IRI %q contains %q", g, g[i])
	}
	for _, r := range g {
		if r <= 0x20 {
			return fmt.Errorf("graph IRI %q contains a space or control character", g)
		}
	}
	u, err := url.Parse(g)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("graph IRI %q is not absolute", g)
	}
	return nil
}

// Add puts t in graph, an absolute IRI, sending the pending batch first
// when graph is another one or when t would make it too large.
func (l *Loader) Add(ctx context.Context, graph string, t rdf.Triple) error {
	if graph != l.graph || l.enc == nil {
		if err := l.Flush(ctx); err != nil {
			return err
		}
		if err := CheckGraph(graph); err != nil {
			return err
		}
		l.graph = graph
	}
	n, blank := lineSize(t)
	if l.n > 0 && (l.n+1 > l.opt.BatchTriples || l.size+n > l.opt.BatchBytes) {
		if err := l.Flush(ctx); err != nil {
			return err
		}
	}
	if l.enc == nil {
		l.buf.Reset()
		enc, err := exporter.NewEncoder(exporter.NTriples, &l.buf, exporter.Options{})
		if err != nil {
			return err
		}
		l.enc = enc
		l.graph = graph
	}
	if err := l.enc.Encode(t); err != nil {
		return &TripleError{err}
	}
	l.n++
	l.size += n
	l.blank = l.blank || blank
	return nil
}

// Flush sends the pending batch, if any.
func (l *Loader) Flush(ctx context.Context) error {
	if l.enc == nil {
		return nil
	}
	err := l.enc.Close()
	l.enc = nil
	if err != nil {
		return err
	}
	if l.n == 0 {
		return nil
	}
	n, blank := l.n, l.blank
	l.n, l.size, l.blank = 0, 0, false
	st := l.seen[l.graph]
	if st == nil {
		st = &graphState{}
		l.seen[l.graph] = st
		l.stats.Graphs++
	}
	replace := !l.opt.Append && st.requests == 0
	var r request
	switch l.opt.Protocol {
	case GSP:
		r = request{method: http.MethodPost, url: l.graphURL(l.graph), body: l.buf.Bytes(),
			header: http.Header{"Content-Type": {exporter.NTriples.MediaType}}}
		if replace {
			r.method = http.MethodPut
		}
	case Update:
		var b bytes.Buffer
		b.Grow(l.buf.Len() + 2*len(l.graph) + 64)
		if replace {
			fmt.Fprintf(&b, "DROP SILENT GRAPH <%s> ;\n", l.graph)
		}
		fmt.Fprintf(&b, "INSERT DATA { GRAPH <%s> {\n", l.graph)
		b.Write(l.buf.Bytes())
		b.WriteString("} }\n")
		r = request{method: http.MethodPost, url: l.base.String(), body: b.Bytes(),
			header: http.Header{"Content-Type": {"application/sparql-update"}}}
	}
	if l.opt.DryRun != nil {
		if err := l.writeDryRun(r, n); err != nil {
			return err
		}
	} else if _, err := l.c.do(ctx, r); err != nil {
		return err
	}
	st.requests++
	st.blank = st.blank || blank
	if st.blank && st.requests > 1 && !st.warned && l.opt.Warn != nil {
		st.warned = true
		l.opt.Warn(fmt.Sprintf("graph <%s> has blank nodes and takes more than one request: a blank node used in two requests becomes two nodes (raise the batch size)", l.graph))
	}
	l.stats.Requests++
	l.stats.Triples += int64(n)
	l.stats.Bytes += int64(len(r.body))
	if l.opt.Sent != nil {
		l.opt.Sent(Batch{Method: r.method, Graph: l.graph, Triples: n, Bytes: len(r.body)})
	}
	return nil
}

// TripleError is a triple Add refused: a term N-Triples cannot write.
type TripleError struct{ Err error }

func (e *TripleError) Error() string { return e.Err.Error() }
func (e *TripleError) Unwrap() error { return e.Err }

// Stats returns the counts of what was sent so far.
func (l *Loader) Stats() Stats { return l.stats }

// graphURL is the GSP URL of graph g: the endpoint with ?graph=g added to
// its query.
func (l *Loader) graphURL(g string) string {
	u := *l.base
	q := u.RawQuery
	if q != "" {
		q += "&"
	}
	u.RawQuery = q + "graph=" + url.QueryEscape(g)
	return u.String()
}

// writeDryRun writes r as an HTTP message, the credentials described.
func (l *Loader) writeDryRun(r request, triples int) error {
	w := l.opt.DryRun
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.method, r.url)
	fmt.Fprintf(&b, "Content-Type: %s\n", r.header.Get("Content-Type"))
	fmt.Fprintf(&b, "Content-Length: %d\n", len(r.body))
	if a := l.c.Auth; a.Token != "" || a.User != "" {
		fmt.Fprintf(&b, "Authorization: %s\n", a.Describe())
	}
	fmt.Fprintf(&b, "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if _, err := w.Write(r.body); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "# end of request: %d triples\n\n", triples)
	return err
}

// lineSize is the length of t's N-Triples line as the exporter writes it,
// and whether t has a blank node.
func lineSize(t rdf.Triple) (n int, blank bool) {
	n = 5 // two spaces and " .\n"
	for _, term := range []rdf.Term{t.Subj, t.Pred, t.Obj} {
		switch x := term.(type) {
		case rdf.IRI:
			n += len(x.String()) + 2
		case rdf.Blank:
			n += len(x.String()) + 2
			blank = true
		case rdf.Literal:
			s := x.String()
			n += len(s) + 2
			for i := 0; i < len(s); i++ {
				switch s[i] {
				case '"', '\\', '\n', '\r':
					n++
				}
			}
			if lang := x.Lang(); lang != "" {
				n += 1 + len(lang)
			} else if dt := x.DataType.String(); dt != "" {
				n += 4 + len(dt)
			}
		}
	}
	return n, blank
}
