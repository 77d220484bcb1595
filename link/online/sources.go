package online

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/link"
)

// DefaultWikidataAPI is Wikidata's action API.
const DefaultWikidataAPI = "https://www.wikidata.org/w/api.php"

// A Source finds candidate items for names.
type Source interface {
	// Candidates returns the items that may be named by any of names, in
	// a deterministic order.
	Candidates(ctx context.Context, names []string) ([]link.Candidate, error)
}

// Wikidata finds candidates with Wikidata's action API: wbsearchentities
// for each name (items whose label or alias matches it, in Lang), then
// wbgetentities for the items found, 50 at a time (labels, aliases and
// descriptions in Langs, claims, sitelinks).
type Wikidata struct {
	Client *Client
	API    string   // the action API's URL; "" means DefaultWikidataAPI
	Lang   string   // the language searched in; "" means the first of Langs
	Langs  []string // the languages of names kept; nil means link.DefaultLangs
	Limit  int      // search results per name (default 10, at most 50)
}

type apiError struct {
	Code string `json:"code"`
	Info string `json:"info"`
}

func (w *Wikidata) api() string {
	if w.API == "" {
		return DefaultWikidataAPI
	}
	return w.API
}

func (w *Wikidata) langs() []string {
	if len(w.Langs) == 0 {
		return link.DefaultLangs
	}
	return w.Langs
}

// Candidates implements [Source].
func (w *Wikidata) Candidates(ctx context.Context, names []string) ([]link.Candidate, error) {
	lang := w.Lang
	if lang == "" {
		lang = w.langs()[0]
	}
	limit := w.Limit
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 50)
	var ids []string
	for _, name := range names {
		q := url.Values{"action": {"wbsearchentities"}, "format": {"json"}, "type": {"item"},
			"language": {lang}, "uselang": {lang}, "strictlanguage": {"false"},
			"limit": {strconv.Itoa(limit)}, "search": {name}}
		body, err := w.Client.Get(ctx, w.api()+"?"+q.Encode())
		if err != nil {
			return nil, fmt.Errorf("wbsearchentities %q: %w", name, err)
		}
		var resp struct {
			Search []struct {
				ID string `json:"id"`
			} `json:"search"`
			Error *apiError `json:"error"`
		}
		if err := json.Unmarshal(body, &resp); err != nil {
			return nil, fmt.Errorf("wbsearchentities %q: not an API answer: %w", name, err)
		}
		if resp.Error != nil {
			return nil, fmt.Errorf("wbsearchentities %q: %s: %s", name, resp.Error.Code, resp.Error.Info)
		}
		for _, r := range resp.Search {
			if qidRE.MatchString(r.ID) && !slices.Contains(ids, r.ID) {
				ids = append(ids, r.ID)
			}
		}
	}
	var out []link.Candidate
	for len(ids) > 0 {
		batch := ids[:min(50, len(ids))]
		ids = ids[len(batch):]
		q := url.Values{"action": {"wbgetentities"}, "format": {"json"}, "ids": {strings.Join(batch, "|")},
			"props": {"labels|aliases|descriptions|claims|sitelinks"}, "languages": {strings.Join(w.langs(), "|")}}
		cands, err := w.entities(ctx, q, batch) // in search order
		if err != nil {
			return nil, err
		}
		out = append(out, cands...)
	}
	return out, nil
}

// ByEnwiki implements [TitleSource]: wbgetentities with sites=enwiki and
// the titles, 50 at a time.
func (w *Wikidata) ByEnwiki(ctx context.Context, titles []string) ([]link.Candidate, error) {
	var out []link.Candidate
	for len(titles) > 0 {
		batch := titles[:min(50, len(titles))]
		titles = titles[len(batch):]
		q := url.Values{"action": {"wbgetentities"}, "format": {"json"}, "sites": {"enwiki"}, "titles": {strings.Join(batch, "|")},
			"props": {"labels|aliases|descriptions|claims|sitelinks"}, "languages": {strings.Join(w.langs(), "|")}}
		cands, err := w.entities(ctx, q, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, cands...)
	}
	return out, nil
}

// entities asks wbgetentities and reads the items of the answer: in the
// order of ids when given, else by QID.
func (w *Wikidata) entities(ctx context.Context, q url.Values, ids []string) ([]link.Candidate, error) {
	body, err := w.Client.Get(ctx, w.api()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("wbgetentities: %w", err)
	}
	var resp struct {
		Entities map[string]json.RawMessage `json:"entities"`
		Error    *apiError                  `json:"error"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, fmt.Errorf("wbgetentities: not an API answer: %w", err)
	}
	if resp.Error != nil {
		return nil, fmt.Errorf("wbgetentities: %s: %s", resp.Error.Code, resp.Error.Info)
	}
	if ids == nil {
		for id := range resp.Entities {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b string) int {
			if len(a) != len(b) {
				return len(a) - len(b)
			}
			return strings.Compare(a, b)
		})
	}
	var out []link.Candidate
	for _, id := range ids {
		raw, ok := resp.Entities[id]
		if !ok || !qidRE.MatchString(id) {
			continue // a title without an item comes back as "-1"
		}
		var probe struct {
			Missing *string `json:"missing"`
		}
		if json.Unmarshal(raw, &probe) == nil && probe.Missing != nil {
			continue // deleted since it was found
		}
		c, err := link.ParseEntity(raw, w.langs())
		if err != nil {
			return nil, fmt.Errorf("wbgetentities %s: %w", id, err)
		}
		out = append(out, *c)
	}
	return out, nil
}

// A TitleSource also finds items by their English Wikipedia article.
type TitleSource interface {
	ByEnwiki(ctx context.Context, titles []string) ([]link.Candidate, error)
}

var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// Reconcile finds candidates with a W3C Reconciliation Service API (v0.2)
// endpoint, such as https://wikidata.reconci.link/en/api: one batch of
// queries ({"q0": {"query": NAME, "limit": N}, …}) per ten names, posted
// as the form field "queries". A result gives the item's ID, name,
// description and types (its classes); the service says nothing of
// aliases, so a result it calls a match ("match": true) also gets the
// name queried as an alias.
type Reconcile struct {
	Client   *Client
	Endpoint string
	Limit    int // results per name (default 10)
}

// Candidates implements [Source].
func (r *Reconcile) Candidates(ctx context.Context, names []string) ([]link.Candidate, error) {
	limit := r.Limit
	if limit <= 0 {
		limit = 10
	}
	var out []link.Candidate
	at := map[string]int{}
	for len(names) > 0 {
		batch := names[:min(10, len(names))]
		names = names[len(batch):]
		queries := map[string]any{}
		for i, n := range batch {
			queries["q"+strconv.Itoa(i)] = map[string]any{"query": n, "limit": limit}
		}
		qs, err := json.Marshal(queries)
		if err != nil {
			return nil, err
		}
		body, err := r.Client.PostForm(ctx, r.Endpoint, url.Values{"queries": {string(qs)}})
		if err != nil {
			return nil, fmt.Errorf("reconcile: %w", err)
		}
		var resp map[string]struct {
			Result *[]struct {
				ID          string            `json:"id"`
				Name        string            `json:"name"`
				Description string            `json:"description"`
				Score       float64           `json:"score"`
				Match       bool              `json:"match"`
				Type        []json.RawMessage `json:"type"`
			} `json:"result"`
		}
		if err := json.Unmarshal(body, &resp); err != nil {
			return nil, fmt.Errorf("reconcile: %s: not a reconciliation result batch: %w", r.Endpoint, err)
		}
		for i, name := range batch {
			res, ok := resp["q"+strconv.Itoa(i)]
			if !ok || res.Result == nil {
				return nil, fmt.Errorf("reconcile: %s: no result for query q%d (%q)", r.Endpoint, i, name)
			}
			for _, x := range *res.Result {
				qid := strings.TrimPrefix(x.ID, "http://www.wikidata.org/entity/")
				if !qidRE.MatchString(qid) {
					continue // not a Wikidata item
				}
				c := link.Candidate{QID: qid, Description: x.Description}
				if x.Name != "" {
					c.Labels = []string{x.Name}
				}
				if x.Match {
					c.Aliases = []string{name}
				}
				for _, t := range x.Type {
					var id string
					var obj struct {
						ID string `json:"id"`
					}
					if json.Unmarshal(t, &id) != nil && json.Unmarshal(t, &obj) == nil {
						id = obj.ID
					}
					if id != "" {
						c.Classes = append(c.Classes, id)
					}
				}
				if j, seen := at[qid]; seen {
					out[j].Aliases = append(out[j].Aliases, c.Aliases...)
					continue
				}
				at[qid] = len(out)
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// Linker links a document's entities with the candidates a [Source]
// finds for their names: the canonical name, the aliases and the labels
// of every entity.
type Linker struct {
	Source Source
}

// Link sets the entities' links (see [link.Link]).
func (l *Linker) Link(ctx context.Context, res *extractor.Result) (link.Stats, error) {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.Join(strings.Fields(n), " ")
		if k := link.Fold(n); k != "" && !seen[k] {
			seen[k] = true
			names = append(names, n)
		}
	}
	if res != nil {
		for _, e := range res.Entities {
			if e == nil {
				continue
			}
			add(e.Name)
			for _, a := range e.Aliases {
				add(a)
			}
			for _, lab := range e.Labels {
				add(lab.Text)
			}
		}
	}
	cands, err := l.Source.Candidates(ctx, names)
	if err != nil {
		return link.Stats{}, err
	}
	// The English Wikipedia articles the text links entities to.
	if ts, ok := l.Source.(TitleSource); ok && res != nil && res.Doc != nil && res.Doc.WikiSite() == "en.wikipedia.org" {
		var titles []string
		for _, e := range res.Entities {
			if e != nil && e.Wiki != "" && !slices.Contains(titles, e.Wiki) {
				titles = append(titles, e.Wiki)
			}
		}
		if len(titles) > 0 {
			more, err := ts.ByEnwiki(ctx, titles)
			if err != nil {
				return link.Stats{}, err
			}
			cands = append(cands, more...)
		}
	}
	idx := link.NewIndex()
	for _, c := range cands {
		idx.Add(c)
	}
	return link.Link(res, idx), nil
}
