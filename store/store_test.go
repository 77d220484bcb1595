package store

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/knakk/rdf"
)

// recorded is one request a test server saw.
type recorded struct {
	method, graph, contentType, auth string
	body                             string
}

// recorder is a test store: it records each request and answers with
// the status its answer function gives (200 when nil).
type recorder struct {
	mu     sync.Mutex
	reqs   []recorded
	answer func(n int, w http.ResponseWriter, r *http.Request) bool // true: answered
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	n := len(rec.reqs)
	rec.reqs = append(rec.reqs, recorded{r.Method, r.URL.Query().Get("graph"), r.Header.Get("Content-Type"),
		r.Header.Get("Authorization"), string(body)})
	answer := rec.answer
	rec.mu.Unlock()
	if answer != nil && answer(n, w, r) {
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]recorded(nil), rec.reqs...)
}

func iri(t testing.TB, s string) rdf.IRI {
	t.Helper()
	i, err := rdf.NewIRI(s)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

// triples makes n distinct triples.
func triples(t testing.TB, n int) []rdf.Triple {
	var out []rdf.Triple
	for i := range n {
		lit, err := rdf.NewLangLiteral(fmt.Sprintf("name \"%d\"\nline", i), "en")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rdf.Triple{Subj: iri(t, fmt.Sprintf("http://ex.org/s%d", i)), Pred: iri(t, "http://ex.org/p"), Obj: lit})
	}
	return out
}

const (
	g1 = "http://ex.org/graph/1"
	g2 = "http://ex.org/graph/2?x=a&b"
)

func load(t *testing.T, l *Loader, adds ...any) error {
	t.Helper()
	ctx := context.Background()
	var g string
	for _, a := range adds {
		switch a := a.(type) {
		case string:
			g = a
		case []rdf.Triple:
			for _, tr := range a {
				if err := l.Add(ctx, g, tr); err != nil {
					return err
				}
			}
		}
	}
	return l.Flush(ctx)
}

func TestGSPReplaceAndAppend(t *testing.T) {
	ts := triples(t, 6)
	for _, c := range []struct {
		append bool
		want   []string // method graph triples
	}{
		{false, []string{"PUT " + g1 + " 2", "POST " + g1 + " 2", "POST " + g1 + " 1", "PUT " + g2 + " 1", "POST " + g1 + " 1"}},
		{true, []string{"POST " + g1 + " 2", "POST " + g1 + " 2", "POST " + g1 + " 1", "POST " + g2 + " 1", "POST " + g1 + " 1"}},
	} {
		t.Run(fmt.Sprint("append=", c.append), func(t *testing.T) {
			rec := &recorder{}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			var sent []Batch
			l, err := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL + "/store?x=1", Protocol: GSP, Append: c.append,
				BatchTriples: 2, Sent: func(b Batch) { sent = append(sent, b) }})
			if err != nil {
				t.Fatal(err)
			}
			// g1 again after g2: already replaced in this load, so POSTed.
			if err := load(t, l, g1, ts[:5], g2, ts[5:], g1, ts[:1]); err != nil {
				t.Fatal(err)
			}
			var got []string
			seen := map[string]bool{}
			for _, r := range rec.requests() {
				n := strings.Count(r.body, "\n")
				got = append(got, fmt.Sprintf("%s %s %d", r.method, r.graph, n))
				if r.contentType != "application/n-triples" {
					t.Errorf("content type %q", r.contentType)
				}
				for _, line := range strings.SplitAfter(r.body, "\n") {
					seen[line] = true
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if !seen[`<http://ex.org/s3> <http://ex.org/p> "name \"3\"\nline"@en .`+"\n"] {
				t.Errorf("triple 3 not sent as N-Triples: %v", seen)
			}
			st := l.Stats()
			if st.Requests != 5 || st.Triples != 7 || st.Graphs != 2 || len(sent) != 5 {
				t.Errorf("stats %+v, %d batches reported", st, len(sent))
			}
		})
	}
}

func TestGSPGraphURL(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/store" || r.URL.Query().Get("x") != "1" || r.URL.Query().Get("graph") != g2 {
			t.Errorf("URL %s", r.URL)
		}
		rec.ServeHTTP(w, r)
	}))
	defer srv.Close()
	l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL + "/store?x=1", Protocol: GSP})
	if err := load(t, l, g2, triples(t, 1)); err != nil {
		t.Fatal(err)
	}
	if len(rec.requests()) != 1 {
		t.Fatalf("%d requests", len(rec.requests()))
	}
}

func TestUpdateRequests(t *testing.T) {
	ts := triples(t, 3)
	for _, c := range []struct {
		append bool
		want   []string
	}{
		{false, []string{
			"DROP SILENT GRAPH <" + g1 + "> ;\nINSERT DATA { GRAPH <" + g1 + "> {\n" + nt(ts[0]) + nt(ts[1]) + "} }\n",
			"INSERT DATA { GRAPH <" + g1 + "> {\n" + nt(ts[2]) + "} }\n",
		}},
		{true, []string{
			"INSERT DATA { GRAPH <" + g1 + "> {\n" + nt(ts[0]) + nt(ts[1]) + "} }\n",
			"INSERT DATA { GRAPH <" + g1 + "> {\n" + nt(ts[2]) + "} }\n",
		}},
	} {
		rec := &recorder{}
		srv := httptest.NewServer(rec)
		l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL + "/sparql", Protocol: Update, Append: c.append, BatchTriples: 2})
		if err := load(t, l, g1, ts); err != nil {
			t.Fatal(err)
		}
		srv.Close()
		reqs := rec.requests()
		if len(reqs) != len(c.want) {
			t.Fatalf("append=%v: %d requests, want %d", c.append, len(reqs), len(c.want))
		}
		for i, r := range reqs {
			if r.method != "POST" || r.contentType != "application/sparql-update" || r.body != c.want[i] {
				t.Errorf("append=%v: request %d: %s %s\n%s\nwant\n%s", c.append, i, r.method, r.contentType, r.body, c.want[i])
			}
		}
	}
}

func nt(t rdf.Triple) string { return t.Serialize(rdf.NTriples) }

func TestBatchBytesBound(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	const bound = 300
	l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL, Protocol: GSP, BatchBytes: bound})
	ts := triples(t, 40)
	if err := load(t, l, g1, ts); err != nil {
		t.Fatal(err)
	}
	total := 0
	reqs := rec.requests()
	for i, r := range reqs {
		if len(r.body) > bound {
			t.Errorf("request %d: %d bytes > %d", i, len(r.body), bound)
		}
		if i < len(reqs)-1 && len(r.body) < bound/2 {
			t.Errorf("request %d: only %d bytes", i, len(r.body))
		}
		total += strings.Count(r.body, "\n")
	}
	if total != 40 || len(reqs) < 2 {
		t.Errorf("%d triples in %d requests", total, len(reqs))
	}
	// lineSize is the exact N-Triples line length.
	for _, tr := range ts {
		if n, _ := lineSize(tr); n != len(nt(tr)) {
			t.Errorf("lineSize %d, line %d: %s", n, len(nt(tr)), nt(tr))
		}
	}
}

func TestRetries(t *testing.T) {
	for _, c := range []struct {
		name     string
		fail     int // requests that fail first
		how      string
		retries  int
		wantErr  string
		attempts int
	}{
		{"503 then ok", 2, "503", 3, "", 3},
		{"connection dropped then ok", 2, "drop", 3, "", 3},
		{"503 beyond retries", 5, "503", 2, "503 Service Unavailable: busy, try later (after 3 attempts)", 3},
		{"400 not retried", 5, "400", 3, "400 Bad Request: SP030: syntax error at line 2", 1},
		{"404 not retried", 5, "404", 3, "404 Not Found: no such graph store", 1},
		{"501 not retried", 5, "501", 3, "501 Not Implemented: PUT is not implemented", 1},
		{"429 retried", 1, "429", 3, "", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{answer: func(n int, w http.ResponseWriter, r *http.Request) bool {
				if n >= c.fail {
					return false
				}
				switch c.how {
				case "503":
					http.Error(w, "busy, try later", http.StatusServiceUnavailable)
				case "400":
					w.Header().Set("Content-Type", "text/html")
					w.WriteHeader(http.StatusBadRequest)
					io.WriteString(w, "<html><body><h3>SP030: syntax error</h3>\n at line 2</body></html>")
				case "404":
					http.Error(w, "no such graph store", http.StatusNotFound)
				case "501":
					http.Error(w, "PUT is not implemented", http.StatusNotImplemented)
				case "429":
					http.Error(w, "slow down", http.StatusTooManyRequests)
				case "drop":
					conn, _, err := w.(http.Hijacker).Hijack()
					if err == nil {
						conn.Close()
					}
				}
				return true
			}}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			var logs []string
			client := &Client{Retries: c.retries, Backoff: time.Millisecond, Log: func(m string) { logs = append(logs, m) }}
			l, _ := NewLoader(client, LoaderOptions{Endpoint: srv.URL, Protocol: GSP})
			err := load(t, l, g1, triples(t, 3))
			if got := len(rec.requests()); got != c.attempts {
				t.Errorf("%d attempts, want %d", got, c.attempts)
			}
			if len(logs) != c.attempts-1 {
				t.Errorf("%d retry logs: %q", len(logs), logs)
			}
			// The waits double: 1ms, 2ms, 4ms…
			for i, m := range logs {
				if want := fmt.Sprintf("; retry %d of %d in %v", i+1, c.retries, time.Millisecond<<i); !strings.HasSuffix(m, want) {
					t.Errorf("retry log %q, want it to end %q", m, want)
				}
			}
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				// Every attempt sent the whole body.
				for _, r := range rec.requests() {
					if r.method != "PUT" || strings.Count(r.body, "\n") != 3 {
						t.Errorf("attempt %s with %q", r.method, r.body)
					}
				}
				return
			}
			var he *HTTPError
			if !errors.As(err, &he) {
				t.Fatalf("error %v (%T), want an HTTPError", err, err)
			}
			if !strings.HasSuffix(err.Error(), c.wantErr) || !strings.HasPrefix(err.Error(), "PUT "+srv.URL) {
				t.Errorf("error %q, want PUT %s… ending %q", err, srv.URL, c.wantErr)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		time.Sleep(300 * time.Millisecond)
	}))
	defer srv.Close()
	var logs []string
	client := &Client{HTTP: &http.Client{Timeout: 50 * time.Millisecond}, Retries: 1, Backoff: time.Millisecond,
		Log: func(m string) { logs = append(logs, m) }}
	l, _ := NewLoader(client, LoaderOptions{Endpoint: srv.URL, Protocol: GSP})
	err := load(t, l, g1, triples(t, 1))
	if err == nil || !strings.Contains(err.Error(), "Timeout") || !strings.Contains(err.Error(), "after 2 attempts") || len(logs) != 1 {
		t.Errorf("error %v, logs %q", err, logs)
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	var logs []string
	client := &Client{Retries: 2, Backoff: time.Millisecond, Log: func(m string) { logs = append(logs, m) }}
	l, _ := NewLoader(client, LoaderOptions{Endpoint: "http://" + addr + "/store", Protocol: GSP})
	err = load(t, l, g1, triples(t, 1))
	if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("error %v", err)
	}
	if len(logs) != 2 {
		t.Errorf("retry logs %q", logs)
	}
}

const (
	secretPassword = "s3cret-pässword"
	secretToken    = "tok-123456789"
)

func TestAuth(t *testing.T) {
	for _, c := range []struct {
		name   string
		auth   Auth
		scheme string // what the server asks
		want   func(t *testing.T, header string) bool
	}{
		{"bearer", Auth{Token: secretToken}, "", func(t *testing.T, h string) bool { return strings.HasPrefix(h, "Bearer "+secretToken+" ") }},
		{"basic", Auth{User: "alice", Password: secretPassword}, "Basic", func(t *testing.T, h string) bool {
			return strings.HasPrefix(h, "Basic "+base64.StdEncoding.EncodeToString([]byte("alice:"+secretPassword))+" ")
		}},
		{"digest", Auth{User: "alice", Password: secretPassword}, "Digest", func(t *testing.T, h string) bool {
			return checkDigest(t, h, "alice", secretPassword)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var mu sync.Mutex
			var statuses []int
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				h := r.Header.Get("Authorization")
				status := http.StatusNoContent
				if h == "" || !c.want(t, h+" "+r.Method) {
					if h != "" {
						t.Errorf("wrong Authorization %q", h)
					}
					switch c.scheme {
					case "Basic":
						w.Header().Set("WWW-Authenticate", `Basic realm="store"`)
					case "Digest":
						w.Header().Add("WWW-Authenticate", `Basic realm="store"`)
						w.Header().Add("WWW-Authenticate", `Digest realm="store", nonce="n0nce", qop="auth", opaque="op", algorithm=MD5`)
					}
					status = http.StatusUnauthorized
				}
				mu.Lock()
				statuses = append(statuses, status)
				mu.Unlock()
				w.WriteHeader(status)
			}))
			defer srv.Close()
			l, _ := NewLoader(&Client{Auth: c.auth}, LoaderOptions{Endpoint: srv.URL + "/store", Protocol: GSP, BatchTriples: 1})
			if err := load(t, l, g1, triples(t, 3)); err != nil {
				t.Fatal(err)
			}
			// One challenge at most, then every request authorized at once.
			want := []int{204, 204, 204}
			if c.scheme != "" {
				want = append([]int{401}, want...)
			}
			if fmt.Sprint(statuses) != fmt.Sprint(want) {
				t.Errorf("statuses %v, want %v", statuses, want)
			}
		})
	}
}

// checkDigest checks an Authorization: Digest header for the test
// server's challenge, computing the response as RFC 7616 says.
// h ends with a space and the request's method.
func checkDigest(t *testing.T, h, user, password string) bool {
	i := strings.LastIndexByte(h, ' ')
	h, method := h[:i], h[i+1:]
	rest, ok := strings.CutPrefix(h, "Digest ")
	if !ok {
		return false
	}
	p, err := parseAuthParams(rest)
	if err != nil {
		t.Errorf("%q: %v", h, err)
		return false
	}
	md := func(s string) string { d := md5.Sum([]byte(s)); return hex.EncodeToString(d[:]) }
	ha1 := md(user + ":store:" + password)
	ha2 := md(method + ":" + p["uri"])
	want := md(ha1 + ":n0nce:" + p["nc"] + ":" + p["cnonce"] + ":auth:" + ha2)
	return p["username"] == user && p["realm"] == "store" && p["nonce"] == "n0nce" && p["opaque"] == "op" &&
		p["qop"] == "auth" && p["uri"] == "/store?graph=http%3A%2F%2Fex.org%2Fgraph%2F1" && p["response"] == want
}

// TestDigestRFC7616 checks the digest response against the example of
// RFC 7616, section 3.9.1 (MD5 and SHA-256).
func TestDigestRFC7616(t *testing.T) {
	saved := newCnonce
	defer func() { newCnonce = saved }()
	newCnonce = func() string { return "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ" }
	for alg, want := range map[string]string{
		"MD5":     "8ca523f5e9506fed4657c9700eebdbec",
		"SHA-256": "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
	} {
		ch, err := parseDigestChallenge(`realm="http-auth@example.org", qop="auth, auth-int", algorithm=` + alg +
			`, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
		if err != nil {
			t.Fatal(err)
		}
		h := ch.authorization("Mufasa", "Circle of Life", "GET", "/dir/index.html")
		p, err := parseAuthParams(strings.TrimPrefix(h, "Digest "))
		if err != nil {
			t.Fatal(err)
		}
		if p["response"] != want || p["nc"] != "00000001" || p["cnonce"] != newCnonce() {
			t.Errorf("%s: %s, want response %s", alg, h, want)
		}
	}
}

// TestCredentialsNeverShown: refused credentials, a dry run, retries and
// formatting give no password and no token.
func TestCredentialsNeverShown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="store"`)
		http.Error(w, "go away", http.StatusUnauthorized)
	}))
	defer srv.Close()
	var out bytes.Buffer
	for _, auth := range []Auth{{User: "alice", Password: secretPassword}, {Token: secretToken}} {
		client := &Client{Auth: auth, Retries: 1, Backoff: time.Millisecond, Log: func(m string) { out.WriteString(m) }}
		l, _ := NewLoader(client, LoaderOptions{Endpoint: srv.URL, Protocol: GSP})
		err := load(t, l, g1, triples(t, 1))
		if err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "refused") {
			t.Errorf("error %v", err)
		} else {
			out.WriteString(err.Error())
		}
		dry, _ := NewLoader(client, LoaderOptions{Endpoint: srv.URL, Protocol: Update, DryRun: &out})
		if err := load(t, dry, g1, triples(t, 1)); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%v %+v %#v %s %q %x", auth, auth, auth, auth, auth, auth)
		fmt.Fprint(&out, auth, client.Auth)
	}
	s := out.String()
	if !strings.Contains(s, "Authorization: basic or digest") || !strings.Contains(s, "Authorization: bearer token from KGBUILD_TOKEN (not shown)") {
		t.Errorf("dry run does not describe the credentials:\n%s", s)
	}
	for _, secret := range []string{secretPassword, secretToken, base64.StdEncoding.EncodeToString([]byte("alice:" + secretPassword))} {
		if strings.Contains(s, secret) {
			t.Errorf("secret %q shown in:\n%s", secret, s)
		}
	}
	// An endpoint with credentials in it is refused without showing them.
	_, err := NewLoader(&Client{}, LoaderOptions{Endpoint: "http://alice:" + secretPassword + "@store.example/x", Protocol: GSP})
	if err == nil || strings.Contains(err.Error(), secretPassword) || !strings.Contains(err.Error(), "KGBUILD_USER") {
		t.Errorf("endpoint with credentials: %v", err)
	}
}

func TestDryRun(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	var out bytes.Buffer
	l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL + "/crud", Protocol: GSP, DryRun: &out, BatchTriples: 2})
	ts := triples(t, 3)
	if err := load(t, l, g1, ts); err != nil {
		t.Fatal(err)
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("a dry run sent %d requests", n)
	}
	graph := "graph=http%3A%2F%2Fex.org%2Fgraph%2F1"
	want := "PUT " + srv.URL + "/crud?" + graph + "\nContent-Type: application/n-triples\nContent-Length: " +
		fmt.Sprint(len(nt(ts[0])+nt(ts[1]))) + "\n\n" + nt(ts[0]) + nt(ts[1]) + "# end of request: 2 triples\n\n" +
		"POST " + srv.URL + "/crud?" + graph + "\nContent-Type: application/n-triples\nContent-Length: " +
		fmt.Sprint(len(nt(ts[2]))) + "\n\n" + nt(ts[2]) + "# end of request: 1 triples\n\n"
	if out.String() != want {
		t.Errorf("dry run:\n%s\nwant:\n%s", out.String(), want)
	}
	if st := l.Stats(); st.Requests != 2 || st.Triples != 3 {
		t.Errorf("stats %+v", st)
	}
}

func TestBlankNodeWarning(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	var warns []string
	l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: srv.URL, Protocol: GSP, BatchTriples: 2,
		Warn: func(m string) { warns = append(warns, m) }})
	b, _ := rdf.NewBlank("b1")
	ts := triples(t, 4)
	ts[0].Subj = b
	ts[3].Subj = b
	if err := load(t, l, g1, ts, g2, triples(t, 4)); err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], g1) {
		t.Errorf("warnings %q", warns)
	}
}

func TestBadGraphAndTriple(t *testing.T) {
	l, _ := NewLoader(&Client{}, LoaderOptions{Endpoint: "http://127.0.0.1:1/x", Protocol: GSP})
	for _, g := range []string{"", "relative/graph", "http://ex.org/a b", "http://ex.org/<x>"} {
		if err := l.Add(context.Background(), g, triples(t, 1)[0]); err == nil {
			t.Errorf("graph %q accepted", g)
		}
	}
	bad := triples(t, 1)[0]
	bad.Pred = rdf.IRI{}
	err := l.Add(context.Background(), g1, bad)
	var te *TripleError
	if !errors.As(err, &te) {
		t.Errorf("bad triple: %v", err)
	}
	if _, err := NewLoader(&Client{}, LoaderOptions{Endpoint: "ftp://x/y", Protocol: GSP}); err == nil {
		t.Error("ftp endpoint accepted")
	}
	if _, err := NewLoader(&Client{}, LoaderOptions{Endpoint: "http://x/y", Protocol: "rest"}); err == nil {
		t.Error("unknown protocol accepted")
	}
}

func TestSelect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" ||
			r.FormValue("query") != "SELECT * {}" || !strings.Contains(r.Header.Get("Accept"), "sparql-results+json") {
			http.Error(w, "bad query request", 400)
			return
		}
		io.WriteString(w, `{"head":{"vars":["a","b","c","d"]},"results":{"bindings":[
			{"a":{"type":"uri","value":"http://ex.org/a"},"b":{"type":"literal","value":"x\ty\"z","xml:lang":"EN-gb"},
			 "c":{"type":"typed-literal","value":"2019-03-20","datatype":"http://www.w3.org/2001/XMLSchema#date"},
			 "d":{"type":"literal","value":"s","datatype":"http://www.w3.org/2001/XMLSchema#string"}},
			{"a":{"type":"bnode","value":"b0"}}]}}`)
	}))
	defer srv.Close()
	res, err := (&Client{}).Select(context.Background(), srv.URL, "SELECT * {}")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range res.Rows {
		var cells []string
		for _, v := range res.Vars {
			if term, ok := row[v]; ok {
				cells = append(cells, term.String())
			} else {
				cells = append(cells, "-")
			}
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{`<http://ex.org/a> "x\ty\"z"@en-gb "2019-03-20"^^<http://www.w3.org/2001/XMLSchema#date> "s"`, `_:b0 - - -`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := (&Client{}).Select(context.Background(), srv.URL, "ASK {}"); err == nil || !strings.Contains(err.Error(), "400 Bad Request: bad query request") {
		t.Errorf("bad query: %v", err)
	}
	if _, err := ParseResults([]byte(`<html>oops</html>`)); err == nil {
		t.Error("HTML parsed as results")
	}
	yes := true
	if r, err := ParseResults([]byte(`{"head":{},"boolean":true}`)); err != nil || r.Boolean == nil || *r.Boolean != yes {
		t.Errorf("ASK: %v %v", r, err)
	}
}

func TestServerMessage(t *testing.T) {
	virtuoso := `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Graph Protocol request failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 500 Request Failed</h1>
    <h3>Error 22023</h3>
<xmp>The PUT request for graph &lt;x&gt; is rejected</xmp></body></html>`
	if got, want := serverMessage([]byte(virtuoso), ""), "SPARQL Graph Protocol request failed HTTP/1.1 500 Request Failed Error 22023 The PUT request for graph <x> is rejected"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	long := strings.Repeat("é", 1000)
	if got := serverMessage([]byte(long), "text/plain"); len(got) > maxMessage+len("…") || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("long message: %d bytes", len(got))
	}
	// Lines are kept together: text/plain as it is, white space collapsed.
	if got := serverMessage([]byte("Virtuoso 37000 Error SP030:\n  line 2"), "text/plain"); got != "Virtuoso 37000 Error SP030: line 2" {
		t.Errorf("got %q", got)
	}
}
