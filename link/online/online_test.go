package online

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/link"
)

const (
	sampleText  = "../../examples/government-of-kazakhstan.txt"
	sampleIndex = "../../../shared/wikidata/kazakhstan-sample.srj"
	testUA      = "kgbuild-test/0 (https://example.org/kgbuild)"
)

// sleeps records the waits of a client instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func newClient(t *testing.T, o Options) (*Client, *sleeps) {
	t.Helper()
	s := &sleeps{}
	if o.UserAgent == "" {
		o.UserAgent = testUA
	}
	if o.Interval == 0 {
		o.Interval = time.Nanosecond
	}
	o.Sleep = s.sleep
	c, err := NewClient(o)
	if err != nil {
		t.Fatal(err)
	}
	return c, s
}

// TestClientRetries: 429 and 5xx are retried with growing back-off, and a
// Retry-After is honoured; other errors are not retried; every request
// has the User-Agent.
func TestClientRetries(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.UserAgent() != testUA {
			t.Errorf("User-Agent %q, want %q", r.UserAgent(), testUA)
		}
		mu.Lock()
		calls[r.URL.Path]++
		n := calls[r.URL.Path]
		mu.Unlock()
		switch r.URL.Path {
		case "/busy": // 429 with Retry-After twice, then OK
			if n <= 2 {
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
		case "/flaky": // 503, 502, 500, then OK
			if n <= 3 {
				w.WriteHeader(500 + []int{3, 2, 0}[n-1])
				return
			}
		case "/down":
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, "maintenance")
			return
		case "/missing":
			w.WriteHeader(http.StatusNotFound)
			return
		}
		fmt.Fprint(w, `{"ok":true}`)
	}))
	defer srv.Close()
	ctx := context.Background()

	c, s := newClient(t, Options{Backoff: time.Second, MaxBackoff: 30 * time.Second})
	if body, err := c.Get(ctx, srv.URL+"/busy"); err != nil || string(body) != `{"ok":true}` {
		t.Fatalf("busy: %q, %v", body, err)
	}
	if len(s.d) != 2 || s.d[0] < 7*time.Second || s.d[1] < 7*time.Second {
		t.Errorf("busy: waits %v, want two of at least Retry-After's 7s", s.d)
	}

	c, s = newClient(t, Options{Backoff: time.Second, MaxBackoff: 30 * time.Second})
	if _, err := c.Get(ctx, srv.URL+"/flaky"); err != nil {
		t.Fatalf("flaky: %v", err)
	}
	if len(s.d) != 3 || s.d[0] < time.Second || s.d[1] < 2*time.Second || s.d[2] < 4*time.Second || s.d[2] > 5*time.Second {
		t.Errorf("flaky: waits %v, want about 1s, 2s, 4s (doubling, a quarter of jitter)", s.d)
	}

	c, s = newClient(t, Options{Retries: 3})
	_, err := c.Get(ctx, srv.URL+"/down")
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 503 || !strings.Contains(err.Error(), "after 4 attempts") || !strings.Contains(err.Error(), "maintenance") {
		t.Errorf("down: error %v, want HTTP 503 after 4 attempts", err)
	}
	if len(s.d) != 3 {
		t.Errorf("down: %d waits, want 3", len(s.d))
	}

	c, s = newClient(t, Options{})
	if _, err := c.Get(ctx, srv.URL+"/missing"); !errors.As(err, &se) || se.Status != 404 || len(s.d) != 0 {
		t.Errorf("missing: error %v after %d waits, want HTTP 404 at once", err, len(s.d))
	}
	if calls["/missing"] != 1 {
		t.Errorf("404 asked %d times", calls["/missing"])
	}
	c, s = newClient(t, Options{})
	if _, err := c.Get(ctx, "http://bad host/x"); err == nil || len(s.d) != 0 {
		t.Errorf("bad URL: error %v after %d waits, want an error at once", err, len(s.d))
	}
	// A connection refused is retried.
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	c, s = newClient(t, Options{Retries: 2})
	if _, err := c.Get(ctx, deadURL); err == nil || len(s.d) != 2 {
		t.Errorf("connection refused: error %v after %d waits, want 2 retries", err, len(s.d))
	}
	if _, err := NewClient(Options{}); err == nil {
		t.Error("a client without User-Agent was made")
	}
}

// TestClientRateAndCache: requests are spaced by the interval; a cached
// answer is not asked again, in this client or a new one.
func TestClientRateAndCache(t *testing.T) {
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		r.ParseForm()
		fmt.Fprintf(w, `{"q":%q}`, r.Form.Get("queries")+r.URL.Query().Get("x"))
	}))
	defer srv.Close()
	ctx := context.Background()
	dir := t.TempDir()
	c, s := newClient(t, Options{Interval: time.Hour, CacheDir: dir})
	for _, x := range []string{"a", "b", "c"} {
		if _, err := c.Get(ctx, srv.URL+"/?x="+x); err != nil {
			t.Fatal(err)
		}
	}
	// The first request goes at once, the next wait about an hour, then two.
	if len(s.d) != 2 || s.d[0] < 59*time.Minute || s.d[1] < 119*time.Minute {
		t.Errorf("waits %v, want about 1h and 2h", s.d)
	}
	c2, s2 := newClient(t, Options{Interval: time.Hour, CacheDir: dir})
	body, err := c2.Get(ctx, srv.URL+"/?x=b")
	if err != nil || string(body) != `{"q":"b"}` || n != 3 || c2.Hits != 1 || len(s2.d) != 0 {
		t.Errorf("cached: %q, %v; %d requests, %d hits, waits %v", body, err, n, c2.Hits, s2.d)
	}
	// POST answers are cached under their form.
	for range 2 {
		if body, err := c2.PostForm(ctx, srv.URL+"/", map[string][]string{"queries": {"q1"}}); err != nil || string(body) != `{"q":"q1"}` {
			t.Errorf("post: %q, %v", body, err)
		}
	}
	if body, _ := c2.PostForm(ctx, srv.URL+"/", map[string][]string{"queries": {"q2"}}); string(body) != `{"q":"q2"}` || n != 5 {
		t.Errorf("post with another form: %q; %d requests, want 5", body, n)
	}
}

// fakeWikidata answers wbsearchentities and wbgetentities in Wikidata's
// formats from an index: a search finds the items one of whose labels or
// aliases starts with the search (as Wikidata's prefix search does), an
// entity has its names in English and sitelinks.
func fakeWikidata(t *testing.T, idx *link.Index, requests *int) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*requests++
		q := r.URL.Query()
		if r.URL.Path != "/w/api.php" || q.Get("format") != "json" {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		switch q.Get("action") {
		case "wbsearchentities":
			search := q.Get("search")
			type match struct {
				Type     string `json:"type"`
				Language string `json:"language"`
				Text     string `json:"text"`
			}
			type result struct {
				ID          string   `json:"id"`
				Title       string   `json:"title"`
				PageID      int      `json:"pageid"`
				ConceptURI  string   `json:"concepturi"`
				Repository  string   `json:"repository"`
				URL         string   `json:"url"`
				Label       string   `json:"label"`
				Description string   `json:"description,omitempty"`
				Match       match    `json:"match"`
				Aliases     []string `json:"aliases,omitempty"`
			}
			var out []result
			prefix := link.Fold(search)
			for _, c := range idx.Candidates() {
				names := append(slices.Clone(c.Labels), c.Aliases...)
				for i, n := range names {
					if !strings.HasPrefix(link.Fold(n), prefix) {
						continue
					}
					kind := "label"
					if i >= len(c.Labels) {
						kind = "alias"
					}
					res := result{ID: c.QID, Title: c.QID, PageID: 1000 + len(out), ConceptURI: "http://www.wikidata.org/entity/" + c.QID,
						Repository: "wikidata", URL: "//www.wikidata.org/wiki/" + c.QID, Label: c.Name(), Description: c.Description,
						Match: match{kind, "en", n}}
					if kind == "alias" {
						res.Aliases = []string{n}
					}
					out = append(out, res)
					break
				}
			}
			json.NewEncoder(w).Encode(map[string]any{"searchinfo": map[string]string{"search": search}, "search": out, "success": 1})
		case "wbgetentities":
			if q.Get("props") != "labels|aliases|descriptions|claims|sitelinks" {
				t.Errorf("wbgetentities props %q", q.Get("props"))
			}
			ents := map[string]any{}
			ids := strings.Split(q.Get("ids"), "|")
			if q.Get("sites") == "enwiki" {
				ids = nil
				for i, title := range strings.Split(q.Get("titles"), "|") {
					if c := idx.ByEnwiki(title); c != nil {
						ids = append(ids, c.QID)
					} else {
						ents[fmt.Sprint(-1-i)] = map[string]any{"site": "enwiki", "title": title, "missing": ""}
					}
				}
			}
			for _, id := range ids {
				c := idx.Item(id)
				if c == nil {
					ents[id] = map[string]any{"id": id, "missing": ""}
					continue
				}
				lv := func(s string) map[string]string { return map[string]string{"language": "en", "value": s} }
				e := map[string]any{"type": "item", "id": id, "pageid": 1, "ns": 0, "title": id, "lastrevid": 1, "modified": "2026-01-01T00:00:00Z"}
				e["labels"] = map[string]any{"en": lv(c.Name())}
				var al []any
				for _, a := range append(slices.Clone(c.Labels[1:]), c.Aliases...) {
					al = append(al, lv(a))
				}
				if len(al) > 0 {
					e["aliases"] = map[string]any{"en": al}
				} else {
					e["aliases"] = []any{} // PHP's empty map
				}
				e["descriptions"] = map[string]any{}
				if c.Description != "" {
					e["descriptions"] = map[string]any{"en": lv(c.Description)}
				}
				claims := map[string]any{}
				for _, p := range []struct {
					pid  string
					qids []string
				}{{"P31", c.Classes}, {"P17", c.Countries}} {
					var cl []any
					for _, v := range p.qids {
						cl = append(cl, map[string]any{"mainsnak": map[string]any{"snaktype": "value", "property": p.pid,
							"datavalue": map[string]any{"value": map[string]any{"entity-type": "item", "numeric-id": 1, "id": v}, "type": "wikibase-entityid"},
							"datatype":  "wikibase-item"}, "type": "statement", "id": id + "$x", "rank": "normal"})
					}
					if len(cl) > 0 {
						claims[p.pid] = cl
					}
				}
				e["claims"] = claims
				sl := map[string]any{}
				if c.Enwiki != "" {
					sl["enwiki"] = map[string]any{"site": "enwiki", "title": c.Enwiki, "badges": []any{}}
				}
				for i := range c.Sitelinks {
					sl[fmt.Sprintf("x%dwiki", i)] = map[string]any{"site": fmt.Sprintf("x%dwiki", i), "title": c.Name(), "badges": []any{}}
				}
				e["sitelinks"] = sl
				ents[id] = e
			}
			json.NewEncoder(w).Encode(map[string]any{"entities": ents, "success": 1})
		default:
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "badvalue", "info": "Unrecognized value for parameter \"action\""}, "servedby": "mw0"})
		}
	}))
}

func sampleResult(t *testing.T) *extractor.Result {
	t.Helper()
	data, err := os.ReadFile(sampleText)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extractor.Parse(sampleText, data)
	if err != nil {
		t.Fatal(err)
	}
	return extractor.Extract(doc)
}

func links(res *extractor.Result) []string {
	var out []string
	for _, e := range res.Entities {
		for _, l := range e.Links {
			out = append(out, fmt.Sprintf("%s %s %v %s", e.ID, l.QID, l.Confidence, l.Evidence))
		}
	}
	return out
}

// TestWikidataLinksAsOffline links the sample through a local server
// speaking Wikidata's API with the sample index's items: the same links,
// confidences and evidence as offline with the index, and a second run
// from the cache makes no request.
func TestWikidataLinksAsOffline(t *testing.T) {
	idx, err := link.Load(sampleIndex)
	if err != nil {
		t.Skipf("needs %s (../shared): %v", sampleIndex, err)
	}
	offline := sampleResult(t)
	st := link.Link(offline, idx)
	requests := 0
	srv := fakeWikidata(t, idx, &requests)
	defer srv.Close()
	dir := t.TempDir()
	for run := range 2 {
		c, _ := newClient(t, Options{CacheDir: dir})
		l := &Linker{Source: &Wikidata{Client: c, API: srv.URL + "/w/api.php"}}
		res := sampleResult(t)
		got, err := l.Link(context.Background(), res)
		if err != nil {
			t.Fatal(err)
		}
		if got.Linked != st.Linked || !slices.Equal(links(res), links(offline)) {
			t.Errorf("run %d: %d linked online, %d offline; links differ:\n%s\nvs\n%s", run, got.Linked, st.Linked,
				strings.Join(links(res), "\n"), strings.Join(links(offline), "\n"))
		}
		if run == 0 && requests == 0 {
			t.Error("no request made")
		}
		if run == 1 && (c.Requests != 0 || c.Hits == 0) {
			t.Errorf("second run: %d requests, %d cache hits; want all from the cache", c.Requests, c.Hits)
		}
	}
	t.Logf("%d entities linked, %d requests", st.Linked, requests)

	// An API error is an error.
	c, _ := newClient(t, Options{})
	w := &Wikidata{Client: c, API: srv.URL + "/w/api.php"}
	if _, err := w.Candidates(context.Background(), []string{"x"}); err != nil {
		t.Errorf("search for a name nothing has: %v", err)
	}
	w.API = srv.URL + "/nope"
	if _, err := w.Candidates(context.Background(), []string{"Astana"}); err == nil || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("wrong API URL: error %v", err)
	}
}

// TestWikidataDisambiguates: a prefix search finds the city, the region
// and the airport for "Aktobe"; the disambiguation gives the region, not
// the city, to "Aktobe Region" and the city to "Aktobe".
func TestWikidataDisambiguates(t *testing.T) {
	idx := link.NewIndex()
	idx.Add(link.Candidate{QID: "Q170355", Labels: []string{"Aktobe"}, Description: "city in Kazakhstan", Classes: []string{"Q515"}, Countries: []string{"Q232"}, Sitelinks: 80})
	idx.Add(link.Candidate{QID: "Q232", Labels: []string{"Kazakhstan"}, Classes: []string{"Q6256"}, Countries: []string{"Q232"}, Sitelinks: 300})
	idx.Add(link.Candidate{QID: "Q232411", Labels: []string{"Aktobe Region"}, Aliases: []string{"Aktobe Oblast"}, Description: "region of Kazakhstan", Classes: []string{"Q836672"}, Countries: []string{"Q232"}, Sitelinks: 50})
	idx.Add(link.Candidate{QID: "Q4701431", Labels: []string{"Aktobe Airport"}, Classes: []string{"Q1248784"}, Sitelinks: 5})
	requests := 0
	srv := fakeWikidata(t, idx, &requests)
	defer srv.Close()
	res := &extractor.Result{Doc: &extractor.Document{Name: "x", Title: "Regions of Kazakhstan"}, Entities: []*extractor.Entity{
		{ID: "city/aktobe", Type: extractor.City, Name: "Aktobe"},
		{ID: "country/kazakhstan", Type: extractor.Country, Name: "Kazakhstan"},
		{ID: "region/aktobe-region", Type: extractor.AdministrativeArea, Name: "Aktobe Region"},
	}}
	c, _ := newClient(t, Options{})
	st, err := (&Linker{Source: &Wikidata{Client: c, API: srv.URL + "/w/api.php"}}).Link(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"city/aktobe": "Q170355", "country/kazakhstan": "Q232", "region/aktobe-region": "Q232411"}
	for _, e := range res.Entities {
		if len(e.Links) != 1 || e.Links[0].QID != want[e.ID] {
			t.Errorf("%s: links %+v, want %s", e.ID, e.Links, want[e.ID])
		}
	}
	if st.Linked != 3 {
		t.Errorf("%+v", st)
	}
}

// TestReconcile links through a local Reconciliation Service API (v0.2)
// endpoint: batches of queries posted as "queries", results with types
// given as objects or strings.
func TestReconcile(t *testing.T) {
	var batches []map[string]struct {
		Query string `json:"query"`
		Limit int    `json:"limit"`
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("%s with %q, want a form POST", r.Method, r.Header.Get("Content-Type"))
		}
		var qs map[string]struct {
			Query string `json:"query"`
			Limit int    `json:"limit"`
		}
		if err := json.Unmarshal([]byte(r.PostFormValue("queries")), &qs); err != nil {
			t.Errorf("queries: %v", err)
		}
		batches = append(batches, qs)
		out := map[string]any{}
		for key, q := range qs {
			result := []any{}
			switch link.Fold(q.Query) {
			case "astana", "nur sultan":
				result = append(result, map[string]any{"id": "Q1520", "name": "Astana", "description": "capital city of Kazakhstan",
					"score": 100, "match": true, "type": []any{map[string]string{"id": "Q5119", "name": "capital city"}, "Q515"}})
				result = append(result, map[string]any{"id": "Q1012811", "name": "Astana Arena", "score": 60, "match": false,
					"type": []any{map[string]string{"id": "Q483110", "name": "stadium"}}})
			case "kazakhstan":
				result = append(result, map[string]any{"id": "Q232", "name": "Kazakhstan", "score": 100, "match": true,
					"type": []any{map[string]string{"id": "Q6256", "name": "country"}}})
			}
			out[key] = map[string]any{"result": result}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}))
	defer srv.Close()
	res := &extractor.Result{Doc: &extractor.Document{Name: "x"}, Entities: []*extractor.Entity{
		{ID: "city/astana", Type: extractor.City, Name: "Nur-Sultan", Aliases: []string{"Astana"}},
		{ID: "country/kazakhstan", Type: extractor.Country, Name: "Kazakhstan"},
		{ID: "person/nobody", Type: extractor.Person, Name: "Nobody Known"},
	}}
	for i := range 12 { // enough names for two batches
		res.Entities = append(res.Entities, &extractor.Entity{ID: fmt.Sprintf("place/p%d", i), Type: extractor.Place, Name: fmt.Sprintf("Place %d", i)})
	}
	c, _ := newClient(t, Options{})
	st, err := (&Linker{Source: &Reconcile{Client: c, Endpoint: srv.URL + "/en/api", Limit: 5}}).Link(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 2 || len(batches[0]) != 10 || len(batches[1]) != 6 || batches[0]["q0"].Limit != 5 {
		t.Errorf("batches of %d and %d queries, want 10 and 6 with limit 5", len(batches[0]), len(batches[len(batches)-1]))
	}
	if l := res.Entities[0].Links; len(l) != 1 || l[0].QID != "Q1520" || !strings.Contains(l[0].Evidence, "class Q5119") {
		t.Errorf("Nur-Sultan: %+v, want Q1520 by its class", l)
	}
	if l := res.Entities[1].Links; len(l) != 1 || l[0].QID != "Q232" {
		t.Errorf("Kazakhstan: %+v", l)
	}
	if st.Linked != 2 {
		t.Errorf("%+v, want 2 linked", st)
	}
	// A batch without an answer for a query is an error.
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"q0":{}}`) }))
	defer bad.Close()
	if _, err := (&Reconcile{Client: c, Endpoint: bad.URL}).Candidates(context.Background(), []string{"a"}); err == nil || !strings.Contains(err.Error(), "no result for query q0") {
		t.Errorf("bad batch: error %v", err)
	}
}

// TestWikidataByArticle: an entity the text links to an English Wikipedia
// article is looked up by it (wbgetentities sites=enwiki), and linked
// through it though no search for its names finds the item.
func TestWikidataByArticle(t *testing.T) {
	idx := link.NewIndex()
	idx.Add(link.Candidate{QID: "Q200881", Labels: []string{"Kassym-Jomart Tokayev"}, Classes: []string{"Q5"}, Enwiki: "Kassym-Jomart Tokayev"})
	requests := 0
	srv := fakeWikidata(t, idx, &requests)
	defer srv.Close()
	res := &extractor.Result{Doc: &extractor.Document{Name: "x"}, Entities: []*extractor.Entity{
		{ID: "person/tokayev", Type: extractor.Person, Name: "Jomart", Wiki: "Kassym-Jomart_Tokayev"},
		{ID: "person/nobody", Type: extractor.Person, Name: "Nobody", Wiki: "No such article"},
	}}
	c, _ := newClient(t, Options{})
	st, err := (&Linker{Source: &Wikidata{Client: c, API: srv.URL + "/w/api.php"}}).Link(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	if l := res.Entities[0].Links; st.Linked != 1 || len(l) != 1 || l[0].QID != "Q200881" || !strings.HasPrefix(l[0].Evidence, "enwiki sitelink") {
		t.Errorf("%+v: links %+v", st, l)
	}
}
