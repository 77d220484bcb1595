// Package online finds Wikidata candidates for the linker on the web:
// through Wikidata's action API (wbsearchentities to find items by name,
// wbgetentities to read their labels, aliases, descriptions, classes,
// countries and sitelinks) or through a W3C Reconciliation Service API
// (v0.2) endpoint. The candidates found for a document's names make an
// index of its own, which [link.Link] reads as it reads an offline one:
// the same disambiguation applies.
//
// Requests go through a [Client]: responses are cached on disk, requests
// are spaced by a rate limit, a 429 or 5xx answer is retried with
// exponential back-off (honouring Retry-After), and every request carries
// a User-Agent naming the tool, its version and a contact URL, as the
// Wikimedia User-Agent policy asks.
package online

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configures a [Client]. The zero value of a field means its
// default.
type Options struct {
	// UserAgent names the tool, its version and a contact URL
	// ("kgbuild/0.1 (https://example.org/kgbuild; ops@example.org)").
	// Required: Wikimedia refuses requests without one.
	UserAgent string
	// CacheDir holds cached responses; "" disables the cache.
	CacheDir string
	// Interval is the least time between two requests (default 200ms: 5
	// requests a second).
	Interval time.Duration
	// Retries is how many times a request answered 429 or 5xx, or failed
	// in transit, is tried again (default 5; negative: never).
	Retries int
	// Backoff is the first wait before a retry, doubled at each one, with
	// up to a quarter of jitter (default 1s); MaxBackoff caps it and a
	// Retry-After asked for (default 1 minute).
	Backoff, MaxBackoff time.Duration
	// HTTP is the client used (default: one with a 30s timeout).
	HTTP *http.Client
	// Sleep waits (default: a timer honouring the context); tests replace
	// it.
	Sleep func(context.Context, time.Duration) error
}

// Client makes HTTP requests for the linker: cached, rate-limited and
// retried. It is safe for concurrent use.
type Client struct {
	opts Options
	mu   sync.Mutex
	next time.Time // when the next request may start
	// Requests counts the requests sent (retries included); Hits the
	// answers found in the cache.
	Requests, Hits int
}

// NewClient returns a client with opts, defaults filled in.
func NewClient(opts Options) (*Client, error) {
	if strings.TrimSpace(opts.UserAgent) == "" {
		return nil, errors.New("online: a User-Agent naming the tool and a contact is required")
	}
	if opts.Interval == 0 {
		opts.Interval = 200 * time.Millisecond
	}
	if opts.Retries == 0 {
		opts.Retries = 5
	}
	if opts.Backoff == 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxBackoff == 0 {
		opts.MaxBackoff = time.Minute
	}
	if opts.HTTP == nil {
		opts.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	if opts.Sleep == nil {
		opts.Sleep = sleep
	}
	return &Client{opts: opts}, nil
}

// DefaultCacheDir is where responses are cached by default:
// os.UserCacheDir()/kgbuild/online, or "" when the system has no cache
// directory.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "kgbuild", "online")
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// StatusError is an HTTP answer other than 200 OK, after the retries.
type StatusError struct {
	URL    string
	Status int
	Body   string // the start of the answer
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// Get fetches u and returns the body of its 200 answer.
func (c *Client) Get(ctx context.Context, u string) ([]byte, error) {
	return c.do(ctx, http.MethodGet, u, nil)
}

// PostForm posts form to u and returns the body of its 200 answer. The
// answer is cached under the URL and the form.
func (c *Client) PostForm(ctx context.Context, u string, form url.Values) ([]byte, error) {
	return c.do(ctx, http.MethodPost, u, form)
}

func (c *Client) do(ctx context.Context, method, u string, form url.Values) ([]byte, error) {
	key := method + " " + u
	if form != nil {
		key += "\n" + form.Encode()
	}
	if body, ok := c.cached(key); ok {
		return body, nil
	}
	wait := c.opts.Backoff
	for attempt := 0; ; attempt++ {
		if err := c.pace(ctx); err != nil {
			return nil, err
		}
		body, retryAfter, err := c.once(ctx, method, u, form)
		if err == nil {
			c.store(key, body)
			return body, nil
		}
		var se *StatusError
		var pe permanent
		retryable := errors.As(err, &se) && (se.Status == http.StatusTooManyRequests || se.Status >= 500) ||
			!errors.As(err, &se) && !errors.As(err, &pe) && ctx.Err() == nil
		if !retryable || attempt >= c.opts.Retries {
			if attempt > 0 {
				return nil, fmt.Errorf("%w (after %d attempts)", err, attempt+1)
			}
			return nil, err
		}
		d := wait + time.Duration(rand.Int64N(int64(wait)/4+1))
		if retryAfter > d {
			d = retryAfter
		}
		d = min(d, c.opts.MaxBackoff)
		if err := c.opts.Sleep(ctx, d); err != nil {
			return nil, err
		}
		wait = min(2*wait, c.opts.MaxBackoff)
	}
}

// pace waits until the rate limit lets the next request go.
func (c *Client) pace(ctx context.Context) error {
	c.mu.Lock()
	now := time.Now()
	start := c.next
	if start.Before(now) {
		start = now
	}
	c.next = start.Add(c.opts.Interval)
	c.Requests++
	c.mu.Unlock()
	if d := time.Until(start); d > 0 {
		return c.opts.Sleep(ctx, d)
	}
	return nil
}

// once makes one request. A 429 or 503 answer's Retry-After (seconds or
// an HTTP date) comes back with its error.
func (c *Client) once(ctx context.Context, method, u string, form url.Values) ([]byte, time.Duration, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, 0, permanent{err} // a bad URL: no retry mends it
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/json")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.opts.HTTP.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		snippet := strings.Join(strings.Fields(string(data[:min(len(data), 200)])), " ")
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: u, Status: resp.StatusCode, Body: snippet}
	}
	return data, 0, nil
}

// permanent is an error that retrying cannot mend.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

func (c *Client) cachePath(key string) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.opts.CacheDir, h[:2], h+".json")
}

// cached returns the cached answer to key. The file starts with the key's
// line(s) and a blank line, so that a hash collision is noticed and a
// cache entry can be read by a person.
func (c *Client) cached(key string) ([]byte, bool) {
	if c.opts.CacheDir == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.cachePath(key))
	if err != nil {
		return nil, false
	}
	head, body, ok := bytes.Cut(data, []byte("\n\n"))
	if !ok || string(head) != key {
		return nil, false
	}
	c.mu.Lock()
	c.Hits++
	c.mu.Unlock()
	return body, true
}

// store caches an answer, atomically; a cache that cannot be written is
// not an error (the answer was had).
func (c *Client) store(key string, body []byte) {
	if c.opts.CacheDir == "" {
		return
	}
	path := c.cachePath(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(append(append([]byte(key), "\n\n"...), body...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
