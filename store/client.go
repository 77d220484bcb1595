// Package store talks to SPARQL stores over HTTP: a [Loader] sends RDF
// graphs by the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces a named
// graph, POST adds to it) or by SPARQL 1.1 Update (INSERT DATA), in
// batches of bounded size; [Client.Select] asks a SELECT or ASK query.
//
// Requests are retried with exponential back-off on connection errors and
// 5xx answers; a 4xx answer is an [*HTTPError] carrying the server's
// message. Credentials ([Auth]: basic or digest with a user and password,
// or a bearer token) are sent only in Authorization headers and are never
// written to errors, logs or the dry-run output.
package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Environment variables [AuthFromEnv] reads.
const (
	EnvUser     = "KGBUILD_USER"
	EnvPassword = "KGBUILD_PASSWORD"
	EnvToken    = "KGBUILD_TOKEN"
)

// Auth holds the credentials sent to a store. With Token set, every
// request carries "Authorization: Bearer TOKEN". With User set, a request
// answered 401 is sent again with basic or digest authentication, as the
// server's WWW-Authenticate asks, and later requests use that scheme at
// once. Its String, GoString and Format never show the secrets.
type Auth struct {
	User, Password string
	Token          string
}

// AuthFromEnv reads the credentials from KGBUILD_USER, KGBUILD_PASSWORD
// and KGBUILD_TOKEN through getenv (os.Getenv).
func AuthFromEnv(getenv func(string) string) Auth {
	return Auth{User: getenv(EnvUser), Password: getenv(EnvPassword), Token: getenv(EnvToken)}
}

// Describe says which credentials are used without showing them.
func (a Auth) Describe() string {
	switch {
	case a.Token != "":
		return "bearer token from " + EnvToken + " (not shown)"
	case a.User != "":
		return "basic or digest, as the server asks, with " + EnvUser + " and " + EnvPassword + " (not shown)"
	}
	return "none"
}

// String is Describe: printing an Auth shows no secret.
func (a Auth) String() string { return a.Describe() }

// GoString is Describe, for %#v.
func (a Auth) GoString() string { return "store.Auth{" + a.Describe() + "}" }

// Format is Describe for every verb.
func (a Auth) Format(f fmt.State, _ rune) { io.WriteString(f, a.Describe()) }

// DefaultBackoff is the first wait before a retry when Client.Backoff is
// zero; each further retry waits twice as long, up to MaxBackoff.
const (
	DefaultBackoff = 500 * time.Millisecond
	MaxBackoff     = 30 * time.Second
)

// A Client sends requests to stores. The zero value works: no
// credentials, no retries, http.DefaultClient. A Client is safe for
// concurrent use; its fields must not change once it is in use.
type Client struct {
	// HTTP does the requests; nil means http.DefaultClient.
	HTTP *http.Client
	// Auth are the credentials.
	Auth Auth
	// Retries is how many times a request is sent again after a
	// connection error or a 5xx (or 429) answer.
	Retries int
	// Backoff is the wait before the first retry (DefaultBackoff when
	// zero); it doubles with each retry.
	Backoff time.Duration
	// Log, when set, is told of each retry.
	Log func(msg string)

	mu     sync.Mutex
	scheme string           // "basic" or "digest" once a server asked for it
	chal   *digestChallenge // the digest challenge in use
}

// HTTPError is a request the store answered with an error status.
type HTTPError struct {
	Method, URL string
	StatusCode  int
	Status      string // "400 Bad Request"
	// Message is the server's explanation, from the response body (HTML
	// turned into text, shortened).
	Message string
	// Attempts is the number of times the request was sent.
	Attempts int
	hint     string
}

func (e *HTTPError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s", e.Method, e.URL, e.Status)
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.hint != "" {
		b.WriteString(" (" + e.hint + ")")
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// request is one request, sendable several times.
type request struct {
	method, url string
	header      http.Header
	body        []byte
}

// do sends r, retrying and authenticating as the client says, and returns
// the body of a 2xx answer.
func (c *Client) do(ctx context.Context, r request) ([]byte, error) {
	wait := c.Backoff
	if wait <= 0 {
		wait = DefaultBackoff
	}
	for attempt := 1; ; attempt++ {
		body, retry, err := c.once(ctx, r)
		if err == nil {
			return body, nil
		}
		var he *HTTPError
		if errors.As(err, &he) {
			he.Attempts = attempt
		}
		if !retry || attempt > c.Retries || ctx.Err() != nil {
			if he == nil && attempt > 1 {
				err = fmt.Errorf("%w (after %d attempts)", err, attempt)
			}
			return nil, err
		}
		if c.Log != nil {
			c.Log(fmt.Sprintf("%v; retry %d of %d in %v", err, attempt, c.Retries, wait))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("%s %s: %w", r.method, r.url, ctx.Err())
		case <-t.C:
		}
		wait = min(2*wait, MaxBackoff)
	}
}

// once sends r once (twice when the server asks for credentials first).
// retry tells whether a failure is worth another attempt.
func (c *Client) once(ctx context.Context, r request) (body []byte, retry bool, err error) {
	challenged := false
	for {
		req, err := http.NewRequestWithContext(ctx, r.method, r.url, bytes.NewReader(r.body))
		if err != nil {
			return nil, false, fmt.Errorf("%s %s: %w", r.method, r.url, err)
		}
		for k, v := range r.header {
			req.Header[k] = v
		}
		c.authorize(req)
		hc := c.HTTP
		if hc == nil {
			hc = http.DefaultClient
		}
		resp, err := hc.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, false, fmt.Errorf("%s %s: %w", r.method, r.url, ctx.Err())
			}
			// Connection refused, reset, timeout…: the *url.Error
			// names the method and URL.
			return nil, true, err
		}
		data, rerr := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		switch {
		case resp.StatusCode == http.StatusUnauthorized && c.Auth.User != "" && c.Auth.Token == "" && !challenged:
			if err := c.challenge(resp.Header.Values("WWW-Authenticate")); err != nil {
				return nil, false, &HTTPError{Method: r.method, URL: r.url, StatusCode: resp.StatusCode,
					Status: resp.Status, Message: serverMessage(data, resp.Header.Get("Content-Type")), hint: err.Error()}
			}
			challenged = true
			continue
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			if rerr != nil {
				return nil, true, fmt.Errorf("%s %s: reading the answer: %w", r.method, r.url, rerr)
			}
			return data, false, nil
		}
		he := &HTTPError{Method: r.method, URL: r.url, StatusCode: resp.StatusCode, Status: resp.Status,
			Message: serverMessage(data, resp.Header.Get("Content-Type"))}
		if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
			switch {
			case c.Auth.Token != "":
				he.hint = "the store refused the token in " + EnvToken
			case c.Auth.User != "":
				he.hint = "the store refused the credentials in " + EnvUser + " and " + EnvPassword
			default:
				he.hint = "set " + EnvUser + " and " + EnvPassword + ", or " + EnvToken
			}
		}
		return nil, retryable(resp.StatusCode), he
	}
}

// retryable tells whether an answer with this status may succeed later:
// 5xx but 501 Not Implemented and 505 HTTP Version Not Supported, and 429
// Too Many Requests.
func retryable(status int) bool {
	switch status {
	case http.StatusNotImplemented, http.StatusHTTPVersionNotSupported:
		return false
	case http.StatusTooManyRequests:
		return true
	}
	return status >= 500
}

// maxBody bounds what is read of an answer: query results, or an error
// page.
const maxBody = 256 << 20

// authorize adds the Authorization header the client's credentials call
// for.
func (c *Client) authorize(req *http.Request) {
	a := c.Auth
	if a.Token != "" {
		req.Header.Set("Authorization", "Bearer "+a.Token)
		return
	}
	if a.User == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch c.scheme {
	case "basic":
		req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(a.User+":"+a.Password)))
	case "digest":
		req.Header.Set("Authorization", c.chal.authorization(a.User, a.Password, req.Method, req.URL.RequestURI()))
	}
}

// challenge takes the server's WWW-Authenticate headers: digest is
// preferred to basic.
func (c *Client) challenge(headers []string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var basic bool
	for _, h := range headers {
		scheme, params, _ := strings.Cut(strings.TrimSpace(h), " ")
		switch strings.ToLower(scheme) {
		case "digest":
			ch, err := parseDigestChallenge(params)
			if err != nil {
				continue
			}
			c.scheme, c.chal = "digest", ch
			return nil
		case "basic":
			basic = true
		}
	}
	if basic {
		c.scheme = "basic"
		return nil
	}
	if len(headers) == 0 {
		return errors.New("the store asks for credentials but names no scheme")
	}
	return fmt.Errorf("the store asks for an authentication scheme not supported here (%s)", schemes(headers))
}

func schemes(headers []string) string {
	var s []string
	for _, h := range headers {
		scheme, _, _ := strings.Cut(strings.TrimSpace(h), " ")
		s = append(s, scheme)
	}
	return strings.Join(s, ", ")
}

var (
	tagRE   = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>|<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// maxMessage bounds the server message quoted in an error, in bytes.
const maxMessage = 1000

// serverMessage is the text of an error answer: HTML turned into text,
// white space collapsed, shortened.
func serverMessage(data []byte, contentType string) string {
	s := string(data)
	if strings.Contains(contentType, "html") || strings.Contains(strings.ToLower(s[:min(len(s), 200)]), "<html") ||
		strings.HasPrefix(strings.TrimSpace(s), "<!DOCTYPE") {
		s = tagRE.ReplaceAllString(s, " ")
		s = html.UnescapeString(s)
	}
	s = strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	if len(s) > maxMessage {
		cut := maxMessage
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
