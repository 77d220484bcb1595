package link

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/extractor"
)

// Candidate is one Wikidata item of an index, with what the index says of
// it. Rows of an index that name the same item are merged into one
// candidate.
type Candidate struct {
	QID         string   // "Q1520"
	Labels      []string // labels, in the order first seen
	Aliases     []string // aliases (itemAltLabel), in the order first seen
	Description string   // the first description seen
	// Classes are the item's instance-of (P31) values: QIDs ("Q515"), or
	// class labels ("city") when the index gives labels rather than items.
	Classes []string
	// Countries are the item's country (P17) values, as QIDs.
	Countries []string
	// Sitelinks is the item's popularity (number of sitelinks), 0 when the
	// index does not say.
	Sitelinks int
	// Enwiki is the title of the item's English Wikipedia article, "" when
	// it has none or the index does not say.
	Enwiki string
}

// Name returns the candidate's first label, or its QID when it has none.
func (c *Candidate) Name() string {
	if len(c.Labels) > 0 {
		return c.Labels[0]
	}
	return c.QID
}

// nameKind says how a name belongs to a candidate.
type nameKind uint8

const (
	byLabel nameKind = iota + 1
	byAlias
)

// hit is a candidate found under a folded name.
type hit struct {
	cand *Candidate
	kind nameKind
	text string // the name as the index spells it
}

// Index holds candidate items, looked up by folded label or alias. The zero
// value is not usable: make one with [NewIndex] or [Load].
type Index struct {
	cands  []*Candidate // in the order first seen
	byQID  map[string]*Candidate
	byName map[string][]hit
	byWiki map[string]*Candidate // by English Wikipedia title (wikiKey)
	// When filter is set (NewFilteredIndex), Add keeps only the items
	// one of whose names folds to a key of wantName, or whose enwiki
	// title's key is in wantWiki.
	filter             bool
	wantName, wantWiki map[string]bool
}

// NewFilteredIndex returns an empty index that keeps only the items that
// names or titles can find: those one of whose labels or aliases folds as
// one of names does, or whose English Wikipedia title is one of titles
// (further rows of an item kept are kept too). Reading a dump or a compact
// index of all of Wikidata into it takes memory in proportion to what the
// names match, not to the index; linking the entities whose names and
// articles these are gives the same links as with the whole index.
func NewFilteredIndex(names, titles []string) *Index {
	x := NewIndex()
	x.filter = true
	x.wantName, x.wantWiki = map[string]bool{}, map[string]bool{}
	for _, n := range names {
		if k := Fold(n); k != "" {
			x.wantName[k] = true
		}
	}
	for _, t := range titles {
		if k := wikiKey(t); k != "" {
			x.wantWiki[k] = true
		}
	}
	return x
}

// wanted reports whether a filtered index keeps c.
func (x *Index) wanted(c *Candidate) bool {
	if x.byQID[c.QID] != nil || x.wantWiki[wikiKey(c.Enwiki)] {
		return true
	}
	for _, list := range [][]string{c.Labels, c.Aliases} {
		for _, n := range list {
			if x.wantName[Fold(n)] {
				return true
			}
		}
	}
	return false
}

// NamesOf returns the names the linker looks the entities of res up by
// (canonical names, aliases, labels) and the English Wikipedia titles the
// text links them to, for [NewFilteredIndex].
func NamesOf(res *extractor.Result) (names, titles []string) {
	if res == nil {
		return nil, nil
	}
	for _, e := range res.Entities {
		if e == nil {
			continue
		}
		names = append(names, e.Name)
		names = append(names, e.Aliases...)
		for _, l := range e.Labels {
			names = append(names, l.Text)
		}
		if e.Wiki != "" && res.Doc != nil && res.Doc.WikiSite() == enwikiHost {
			titles = append(titles, e.Wiki)
		}
	}
	return names, titles
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byQID: map[string]*Candidate{}, byName: map[string][]hit{}, byWiki: map[string]*Candidate{}}
}

// Len returns the number of items in the index.
func (x *Index) Len() int { return len(x.cands) }

// Candidates returns the items of the index in the order first seen. The
// slice is new on every call; the candidates are the index's own.
func (x *Index) Candidates() []*Candidate { return slices.Clone(x.cands) }

// Item returns the candidate with the given QID, or nil.
func (x *Index) Item(qid string) *Candidate { return x.byQID[qid] }

// ByEnwiki returns the item whose English Wikipedia article has the given
// title (compared as MediaWiki does: '_' as ' ', the first letter in any
// case), or nil.
func (x *Index) ByEnwiki(title string) *Candidate { return x.byWiki[wikiKey(title)] }

// wikiKey normalizes a MediaWiki page title: underscores are spaces, runs
// of spaces one, the first letter upper case.
func wikiKey(title string) string {
	t := strings.Join(strings.Fields(strings.ReplaceAll(title, "_", " ")), " ")
	if t == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// enwikiTitle reads an English Wikipedia article's title from its URL
// (https://en.wikipedia.org/wiki/Kassym-Jomart_Tokayev, percent-encoded
// or not) or its title.
func enwikiTitle(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if !strings.Contains(v, "://") {
		return v, v != ""
	}
	u, err := url.Parse(v)
	if err != nil || u.Host != "en.wikipedia.org" || !strings.HasPrefix(u.Path, "/wiki/") {
		return "", false
	}
	t := strings.ReplaceAll(strings.TrimPrefix(u.Path, "/wiki/"), "_", " ")
	return t, t != ""
}

// Lookup returns the candidates one of whose labels or aliases folds to the
// same key as name, in the order first seen.
func (x *Index) Lookup(name string) []*Candidate {
	var out []*Candidate
	for _, h := range x.byName[Fold(name)] {
		if !slices.Contains(out, h.cand) {
			out = append(out, h.cand)
		}
	}
	return out
}

var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// Add merges c into the index: a new item is added, the labels, aliases,
// classes and countries of a known one are added to it, its description
// kept when it has one, its sitelinks raised to the larger count and its
// English Wikipedia title kept when it has one. Empty
// and repeated names are ignored. Add ignores c unless c.QID is a QID.
func (x *Index) Add(c Candidate) {
	if !qidRE.MatchString(c.QID) || x.filter && !x.wanted(&c) {
		return
	}
	have := x.byQID[c.QID]
	if have == nil {
		have = &Candidate{QID: c.QID}
		x.byQID[c.QID] = have
		x.cands = append(x.cands, have)
	}
	for _, l := range c.Labels {
		x.addName(have, l, byLabel)
	}
	for _, a := range c.Aliases {
		x.addName(have, a, byAlias)
	}
	if have.Description == "" {
		have.Description = strings.TrimSpace(c.Description)
	}
	for _, cl := range c.Classes {
		if cl = strings.TrimSpace(cl); cl != "" && !slices.Contains(have.Classes, cl) {
			have.Classes = append(have.Classes, cl)
		}
	}
	for _, co := range c.Countries {
		if co = strings.TrimSpace(co); co != "" && !slices.Contains(have.Countries, co) {
			have.Countries = append(have.Countries, co)
		}
	}
	if c.Sitelinks > have.Sitelinks {
		have.Sitelinks = c.Sitelinks
	}
	if have.Enwiki == "" {
		have.Enwiki = strings.TrimSpace(c.Enwiki)
		if k := wikiKey(have.Enwiki); k != "" && x.byWiki[k] == nil {
			x.byWiki[k] = have
		}
	}
}

// addName records a label or an alias of c. A name that is already one of
// c's labels is not added again as an alias; an alias that turns out to be
// a label (in another row) becomes one.
func (x *Index) addName(c *Candidate, name string, kind nameKind) {
	name = strings.Join(strings.Fields(name), " ")
	key := Fold(name)
	if key == "" || name == c.QID {
		return // the label service gives the QID for an item without a label
	}
	hits := x.byName[key]
	for i, h := range hits {
		if h.cand != c {
			continue
		}
		if kind == byLabel && h.kind == byAlias {
			hits[i].kind = byLabel
			hits[i].text = name
			c.Labels = append(c.Labels, name)
			c.Aliases = slices.DeleteFunc(c.Aliases, func(a string) bool { return Fold(a) == key })
		}
		return
	}
	x.byName[key] = append(hits, hit{cand: c, kind: kind, text: name})
	if kind == byLabel {
		c.Labels = append(c.Labels, name)
	} else {
		c.Aliases = append(c.Aliases, name)
	}
}
