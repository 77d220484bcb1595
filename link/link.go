package link

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
)

// Thresholds of the linker.
const (
	// MinConfidence is the least confidence a link is made with.
	MinConfidence = 0.5
	// Margin is how far the best candidate must lead the next one; within
	// it, popularity decides (twice the sitelinks) or no link is made.
	Margin = 0.1
)

// Base scores of a name match, before the other evidence.
const (
	scoreNameLabel  = 0.80 // our canonical name is the item's label
	scoreNameAlias  = 0.70 // our canonical name is one of the item's aliases
	scoreAliasLabel = 0.65 // one of our aliases (or labels) is the item's label
	scoreAliasAlias = 0.55 // one of our aliases is one of the item's aliases
	scoreShortForm  = 0.45 // a shortened alias ("Aktobe" of "Aktobe Region"); needs a fitting class
	// scoreWiki: the text links the entity to the English Wikipedia
	// article that is the item's sitelink: near-certain whatever the names.
	scoreWiki = 0.95
)

// enwikiHost is the wiki whose titles Candidate.Enwiki holds.
const enwikiHost = "en.wikipedia.org"

// Stats counts what [Link] did to one result.
type Stats struct {
	Entities  int // entities of the result
	Linked    int // entities given a link
	Unmatched int // entities whose names the index does not hold
	Rejected  int // entities whose candidates all failed the type, class or name-form rules
	Uncertain int // entities left unlinked: best candidate below MinConfidence, or two too close
	Conflicts int // entities left unlinked because another entity wanted the same item
}

// Link matches the entities of res with the items of idx and sets each
// entity's Links: one link when the match is confident, none otherwise.
// Links set before are replaced, so the outcome depends only on res and
// idx. It reads:
//
//   - names: the entity's canonical name, aliases and labels against the
//     items' labels and aliases, folded ([Fold]). An alias that only
//     shortens the name ("Aktobe" of "Aktobe Region", "Tokayev") is used
//     only when the item's class fits the entity's type;
//   - the entity's type against the item's classes (P31) when the index
//     has them: a class of an unrelated type rules the item out; else
//     against the item's description ("city in Kazakhstan");
//   - the name's form: an entity whose name ends with a division word
//     ("Aktobe Region") links only to an item one of whose names does too,
//     or whose class or description says it is a region; an entity of
//     another type than administrative area or place (a city) never links
//     to an item whose labels all end with one ("Aktobe Region");
//   - the country: the item's country (P17) against the entity's own
//     country fact or else the document's country (the country the title
//     names, or the one mentioned most), once the countries are linked;
//   - co-occurring entities: other entities of the document that the
//     item's description names;
//   - popularity (sitelinks), to choose between candidates otherwise too
//     close;
//   - the English Wikipedia article the text links the entity to
//     (Entity.Wiki, on a document of en.wikipedia.org): the item whose
//     enwiki sitelink it is, is near-certain whatever the names (a class
//     of another type lowers it).
//
// Items of Wikimedia's own pages (disambiguation pages, categories,
// templates, lists) are never linked.
//
// Two entities never get the same item: the more confident keeps it, and
// on a tie neither does.
func Link(res *extractor.Result, idx *Index) Stats {
	var st Stats
	if res == nil {
		return st
	}
	st.Entities = len(res.Entities)
	for _, e := range res.Entities {
		if e != nil {
			e.Links = nil
		}
	}
	if idx == nil || idx.Len() == 0 {
		st.Unmatched = st.Entities
		return st
	}
	l := &linker{res: res, idx: idx}
	l.names()
	// Pass one: names, types and co-occurrence. Pass two adds the
	// countries, known once the pass-one links of the countries are.
	first, _ := l.pass(nil)
	l.countries(first)
	final, outcome := l.pass(first)
	for _, e := range res.Entities {
		if e == nil {
			continue
		}
		c := final[e.ID]
		if c == nil {
			switch outcome[e.ID] {
			case outUnmatched:
				st.Unmatched++
			case outRejected:
				st.Rejected++
			case outConflict:
				st.Conflicts++
			default:
				st.Uncertain++
			}
			continue
		}
		e.Links = []extractor.Link{{QID: c.cand.QID, Confidence: confidence(c.score), Evidence: strings.Join(c.evidence, "; ")}}
		st.Linked++
	}
	return st
}

// outcome says why an entity has no link.
type outcome uint8

const (
	outLinked outcome = iota
	outUnmatched
	outRejected
	outUncertain
	outConflict
)

// choice is a scored candidate for one entity. The score is not capped
// (evidence beyond certainty still ranks candidates); the link's
// confidence is the score capped to (0, 1].
type choice struct {
	cand     *Candidate
	score    float64
	evidence []string
	wiki     bool // found through the Wikipedia article the text links
}

// country is a linked country of the document.
type country struct {
	qid, name string
}

func (c *country) matches(v string) bool {
	return v == c.qid || Fold(v) == Fold(c.name)
}

type linker struct {
	res *extractor.Result
	idx *Index
	// folded canonical names of the document's entities, by entity ID,
	// for co-occurrence in descriptions.
	folded map[string]string
	// Set by countries: the document's country, the linked countries, and
	// each entity's own country (from a country fact).
	docCountry *country
	linkedCtry []*country
	ownCountry map[string]*country
}

// names folds the canonical names of the document's entities.
func (l *linker) names() {
	l.folded = map[string]string{}
	for _, e := range l.res.Entities {
		if e != nil {
			l.folded[e.ID] = Fold(e.Name)
		}
	}
}

// countries reads the document's countries from the first pass's links.
func (l *linker) countries(first map[string]*choice) {
	l.ownCountry = map[string]*country{}
	byID := map[string]*country{}
	var countries []*extractor.Entity
	for _, e := range l.res.Entities {
		if e == nil || e.Type != extractor.Country {
			continue
		}
		countries = append(countries, e)
		if c := first[e.ID]; c != nil {
			byID[e.ID] = &country{qid: c.cand.QID, name: e.Name}
			l.linkedCtry = append(l.linkedCtry, byID[e.ID])
		}
	}
	// The document's country: the one its title names, else the one
	// mentioned most (if one is).
	var doc *extractor.Entity
	if l.res.Doc != nil {
		title := Fold(l.res.Doc.Title)
		for _, e := range countries {
			if containsWords(title, l.folded[e.ID]) && (doc == nil || len(e.Name) > len(doc.Name)) {
				doc = e
			}
		}
	}
	if doc == nil {
		most, tie := -1, false
		for _, e := range countries {
			switch n := len(e.Mentions); {
			case n > most:
				doc, most, tie = e, n, false
			case n == most:
				tie = true
			}
		}
		if tie || most <= 0 {
			doc = nil
		}
	}
	if doc != nil {
		l.docCountry = byID[doc.ID]
	}
	for _, f := range l.res.Facts {
		if f.Relation != extractor.InCountry || f.Object.Kind != extractor.EntityValue {
			continue
		}
		if c := byID[f.Object.Entity]; c != nil && l.ownCountry[f.Subject] == nil {
			l.ownCountry[f.Subject] = c
		}
	}
}

// pass chooses an item for every entity and settles conflicts. first is
// nil in the first pass.
func (l *linker) pass(first map[string]*choice) (map[string]*choice, map[string]outcome) {
	chosen := map[string]*choice{}
	why := map[string]outcome{}
	for _, e := range l.res.Entities {
		if e == nil {
			continue
		}
		c, o := l.choose(e, first != nil)
		if c != nil {
			chosen[e.ID] = c
		} else {
			why[e.ID] = o
		}
	}
	// Two entities never get the same item.
	byQID := map[string][]string{}
	for id, c := range chosen {
		byQID[c.cand.QID] = append(byQID[c.cand.QID], id)
	}
	for _, ids := range byQID {
		if len(ids) < 2 {
			continue
		}
		slices.SortFunc(ids, func(a, b string) int {
			if d := chosen[b].score - chosen[a].score; d != 0 {
				if d > 0 {
					return 1
				}
				return -1
			}
			return strings.Compare(a, b)
		})
		keep := chosen[ids[0]].score > chosen[ids[1]].score
		for i, id := range ids {
			if i == 0 && keep {
				continue
			}
			delete(chosen, id)
			why[id] = outConflict
		}
	}
	return chosen, why
}

// match is how a candidate was found for an entity.
type match struct {
	base  float64
	short bool   // only through a shortened alias
	wiki  bool   // through the English Wikipedia article the text links
	what  string // evidence: "label match 'Astana'"
}

// choose picks the entity's item, or says why there is none.
func (l *linker) choose(e *extractor.Entity, withCountry bool) (*choice, outcome) {
	matches := l.candidates(e)
	if len(matches) == 0 {
		return nil, outUnmatched
	}
	var scored []*choice
	for _, cand := range l.order(matches) {
		if wikimediaPage(cand) {
			continue // a disambiguation page, a category…
		}
		if c := l.evaluate(e, cand, matches[cand], withCountry); c != nil {
			scored = append(scored, c)
		}
	}
	if len(scored) == 0 {
		return nil, outRejected
	}
	slices.SortStableFunc(scored, func(a, b *choice) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	best := scored[0]
	if best.score < MinConfidence {
		return nil, outUncertain
	}
	if best.wiki && (len(scored) == 1 || scored[1].score < best.score) {
		return best, outLinked // the article the text links decides
	}
	close := []*choice{best}
	for _, c := range scored[1:] {
		if best.score-c.score < Margin-1e-9 {
			close = append(close, c)
		}
	}
	if len(close) == 1 {
		return best, outLinked
	}
	// Too close to call on the evidence: popularity decides when one has
	// at least twice the sitelinks of every other.
	slices.SortStableFunc(close, func(a, b *choice) int { return b.cand.Sitelinks - a.cand.Sitelinks })
	top, next := close[0], close[1]
	if top.cand.Sitelinks > 0 && top.cand.Sitelinks >= 2*next.cand.Sitelinks {
		c := &choice{cand: top.cand, score: round(top.score - 0.05), evidence: slices.Clone(top.evidence)}
		c.evidence = append(c.evidence, fmt.Sprintf("more sitelinks than %s (%d vs %d)", next.cand.QID, top.cand.Sitelinks, next.cand.Sitelinks))
		if c.score >= MinConfidence {
			return c, outLinked
		}
	}
	return nil, outUncertain
}

// order returns the matched candidates in index order (deterministic).
func (l *linker) order(m map[*Candidate]match) []*Candidate {
	out := make([]*Candidate, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	pos := map[*Candidate]int{}
	for i, c := range l.idx.cands {
		if _, ok := m[c]; ok {
			pos[c] = i
		}
	}
	slices.SortFunc(out, func(a, b *Candidate) int { return pos[a] - pos[b] })
	return out
}

// candidates finds the items any of the entity's names matches, with the
// best match for each.
func (l *linker) candidates(e *extractor.Entity) map[*Candidate]match {
	out := map[*Candidate]match{}
	name := l.folded[e.ID]
	try := func(key string, canonical, short bool) {
		for _, h := range l.idx.byName[key] {
			var m match
			switch {
			case short:
				m = match{scoreShortForm, true, false, fmt.Sprintf("%s match '%s' (short for '%s')", kindWord(h.kind), h.text, e.Name)}
			case canonical && h.kind == byLabel:
				m = match{scoreNameLabel, false, false, fmt.Sprintf("label match '%s'", h.text)}
			case canonical:
				m = match{scoreNameAlias, false, false, fmt.Sprintf("alias match '%s'", h.text)}
			case h.kind == byLabel:
				m = match{scoreAliasLabel, false, false, fmt.Sprintf("label match '%s' (our alias)", h.text)}
			default:
				m = match{scoreAliasAlias, false, false, fmt.Sprintf("alias match '%s' (our alias)", h.text)}
			}
			if have, ok := out[h.cand]; !ok || m.base > have.base {
				out[h.cand] = m
			}
		}
	}
	if e.Wiki != "" && l.res.Doc != nil && l.res.Doc.WikiSite() == enwikiHost {
		if c := l.idx.ByEnwiki(e.Wiki); c != nil {
			out[c] = match{scoreWiki, false, true, fmt.Sprintf("enwiki sitelink '%s' (the article the text links)", c.Enwiki)}
		}
	}
	try(name, true, false)
	for _, a := range e.Aliases {
		if k := Fold(a); k != name {
			try(k, false, shortForm(k, name))
		}
	}
	for _, lab := range e.Labels {
		if k := Fold(lab.Text); k != name {
			try(k, false, false)
		}
	}
	return out
}

func kindWord(k nameKind) string {
	if k == byLabel {
		return "label"
	}
	return "alias"
}

// evaluate scores one candidate for the entity, or rules it out (nil).
func (l *linker) evaluate(e *extractor.Entity, cand *Candidate, m match, withCountry bool) *choice {
	score := m.base
	ev := []string{m.what}
	name := l.folded[e.ID]

	classTypes := []extractor.Type{}
	for _, cl := range cand.Classes {
		for _, t := range typesOfClass(cl) {
			classTypes = appendType(classTypes, t)
		}
	}
	var descTypes []extractor.Type
	if cand.Description != "" {
		descTypes = typesOfDescription(cand.Description)
	}
	classFit, descFit := fitOf(e.Type, classTypes), fitOf(e.Type, descTypes)

	if m.wiki {
		return l.evaluateWiki(e, cand, m, classFit, descFit, withCountry)
	}

	// The name's form.
	candDivision := false
	allDivision := len(cand.Labels) > 0
	for _, s := range cand.Labels {
		d := divisionName(Fold(s))
		candDivision = candDivision || d
		allDivision = allDivision && d
		if e.Type == extractor.City && regionOrProvince(Fold(s)) {
			return nil // a city is never a "… Region"
		}
	}
	for _, s := range cand.Aliases {
		candDivision = candDivision || divisionName(Fold(s))
	}
	saysRegion := slices.Contains(classTypes, extractor.AdministrativeArea) ||
		len(classTypes) == 0 && slices.Contains(descTypes, extractor.AdministrativeArea)
	if divisionName(name) && !candDivision && !saysRegion {
		return nil // "Aktobe Region" is not the city "Aktobe"
	}
	if !divisionName(name) && allDivision && e.Type != extractor.AdministrativeArea && e.Type != extractor.Place {
		return nil
	}

	// The type against the classes, else the description.
	switch {
	case len(cand.Classes) > 0 && classFit == fitExact:
		score += 0.15
		ev = append(ev, "class "+l.classFor(e.Type, cand.Classes))
	case m.short:
		return nil // a shortened name needs a class that confirms it
	case len(cand.Classes) > 0 && classFit == fitRelated:
		ev = append(ev, "class "+cand.Classes[0]+" (related to "+string(e.Type)+")")
	case len(cand.Classes) > 0 && classFit == fitOther:
		return nil // a class of another type
	case len(cand.Classes) > 0:
		score -= 0.05
		ev = append(ev, "class "+cand.Classes[0]+" (not known to fit "+string(e.Type)+")")
	case descFit == fitExact:
		score += 0.10
		ev = append(ev, fmt.Sprintf("description '%s'", cand.Description))
	case descFit == fitOther:
		score -= 0.15
		ev = append(ev, fmt.Sprintf("description '%s' does not fit %s", cand.Description, e.Type))
	}

	score, ev = l.country(e, cand, score, ev, withCountry)
	score, ev = l.cooccurrence(e, cand, name, score, ev)
	return &choice{cand: cand, score: round(score), evidence: ev}
}

// evaluateWiki scores an item that is the English Wikipedia article the
// text links the entity to. The article names the item whatever our names
// and the name's form; a class or description of another type only
// lowers the score, and the country and co-occurrence add as usual.
func (l *linker) evaluateWiki(e *extractor.Entity, cand *Candidate, m match, classFit, descFit fit, withCountry bool) *choice {
	score := m.base
	ev := []string{m.what}
	switch {
	case len(cand.Classes) > 0 && classFit == fitExact:
		score += 0.05
		ev = append(ev, "class "+l.classFor(e.Type, cand.Classes))
	case len(cand.Classes) > 0 && classFit == fitOther, len(cand.Classes) == 0 && descFit == fitOther:
		score -= 0.25
		ev = append(ev, fmt.Sprintf("but its classes or description do not fit %s", e.Type))
	}
	score, ev = l.country(e, cand, score, ev, withCountry)
	score, ev = l.cooccurrence(e, cand, l.folded[e.ID], score, ev)
	return &choice{cand: cand, score: round(score), evidence: ev, wiki: true}
}

// country adds the evidence of the item's country (P17) against the
// entity's own country or the document's.
func (l *linker) country(e *extractor.Entity, cand *Candidate, score float64, ev []string, withCountry bool) (float64, []string) {
	if withCountry && e.Type != extractor.Country && len(cand.Countries) > 0 {
		want := l.ownCountry[e.ID]
		whose := "its own"
		if want == nil {
			want, whose = l.docCountry, "the document's"
		}
		if want != nil {
			switch {
			case slices.ContainsFunc(cand.Countries, want.matches):
				score += 0.10
				ev = append(ev, fmt.Sprintf("country %s (%s, %s)", want.qid, want.name, whose))
			case l.namedCountry(cand.Countries) != nil:
				c := l.namedCountry(cand.Countries)
				ev = append(ev, fmt.Sprintf("country %s (%s, named in the document)", c.qid, c.name))
			default:
				score -= 0.15
				ev = append(ev, fmt.Sprintf("country %s, not %s (%s)", cand.Countries[0], want.qid, want.name))
			}
		}
	}

	return score, ev
}

// cooccurrence adds the other entities of the document that the item's
// description names.
func (l *linker) cooccurrence(e *extractor.Entity, cand *Candidate, name string, score float64, ev []string) (float64, []string) {
	if cand.Description != "" {
		desc := Fold(cand.Description)
		var named []string
		for _, o := range l.res.Entities {
			if o == nil || o.ID == e.ID {
				continue
			}
			if n := l.folded[o.ID]; len(n) >= 4 && n != name && containsWords(desc, n) {
				named = append(named, o.Name)
			}
		}
		slices.Sort(named)
		named = slices.Compact(named)
		if len(named) > 0 {
			score += math.Min(0.05*float64(len(named)), 0.10)
			ev = append(ev, "description names '"+strings.Join(named, "', '")+"'")
		}
	}
	return score, ev
}

// classFor returns the first of the classes that fits t, for the evidence.
func (l *linker) classFor(t extractor.Type, classes []string) string {
	for _, cl := range classes {
		if slices.Contains(typesOfClass(cl), t) {
			return cl
		}
	}
	return classes[0]
}

// namedCountry returns the linked country of the document one of the
// values is, or nil.
func (l *linker) namedCountry(values []string) *country {
	for _, c := range l.linkedCtry {
		if slices.ContainsFunc(values, c.matches) {
			return c
		}
	}
	return nil
}

// round keeps two decimals, so that scores equal on paper compare equal.
func round(x float64) float64 { return math.Round(x*100) / 100 }

// confidence caps a score to (0, 1].
func confidence(score float64) float64 { return math.Min(math.Max(score, 0.01), 1) }
