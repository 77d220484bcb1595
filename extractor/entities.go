package extractor

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// segment is the IRI path segment of a type: types that detection may
// confuse (an organization and a government organization, a work and a
// scholarly article) share one, so an entity keeps its IRI when only its
// type is refined.
func segment(t Type) string {
	switch t {
	case Person:
		return "person"
	case Organization, GovernmentOrganization, PoliticalParty:
		return "organization"
	case Office:
		return "office"
	case Country:
		return "country"
	case City:
		return "city"
	case AdministrativeArea:
		return "region"
	case Event:
		return "event"
	case CreativeWork, ScholarlyArticle, Periodical, Legislation:
		return "work"
	}
	return "place"
}

// Segments returns the IRI path segments of entity IDs, one per group of
// types, in a fixed order.
func Segments() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range Types {
		if s := segment(t); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// MakeID returns the ID of the entity of type t called name: its segment
// and the slug of its name, e.g. "person/kassym-jomart-tokayev".
func MakeID(t Type, name string) string { return segment(t) + "/" + slug(name) }

// specificity orders types within a segment: a more specific type wins
// when two mentions of one entity were typed differently.
func specificity(t Type) int {
	switch t {
	case GovernmentOrganization, PoliticalParty, ScholarlyArticle, Periodical, Legislation:
		return 2
	}
	return 1
}

// registry holds a document's entities while they are found, and resolves
// new mentions to entities already known.
type registry struct {
	doc     *Document
	country *Entity // the country the document is about, if known
	// ofCountry is " of " and the country's name as titles end with it:
	// " of Armenia", " of the Weimar Republic".
	ofCountry string
	byID      map[string]*Entity
	keys      map[string][]*Entity // nameKey of a name or alias → entities
	surname   map[string][]*Entity // nameKey of a person's last or first name → persons
}

func newRegistry(d *Document) *registry {
	return &registry{doc: d, byID: map[string]*Entity{}, keys: map[string][]*Entity{},
		surname: map[string][]*Entity{}}
}

// find returns the entity of type t's segment known under name.
func (r *registry) find(t Type, name string) *Entity {
	k := nameKey(name)
	for _, e := range r.keys[k] {
		if segment(e.Type) == segment(t) {
			return e
		}
	}
	return nil
}

// findAny returns the entity known under name, whatever its type, when
// exactly one entity is.
func (r *registry) findAny(name string) *Entity {
	es := r.keys[nameKey(name)]
	if len(es) == 1 {
		return es[0]
	}
	if len(es) == 0 && len(name) <= 8 && isAcronym(name) {
		return r.byAcronym(name)
	}
	return nil
}

// byAcronym returns the one organization, party, place or event whose name
// the acronym abbreviates ("TSFSR" the Transcaucasian SFSR, "DPT" the
// Democratic Party of Turkmenistan), and makes the acronym its alias.
func (r *registry) byAcronym(acr string) *Entity {
	var found *Entity
	for _, e := range r.byID {
		if e.Type == Person || e.Type == Office || acronymOf(e.Name) != acr {
			continue
		}
		if found != nil {
			return nil // two names abbreviate alike: neither is meant
		}
		found = e
	}
	if found != nil {
		found.Aliases = append(found.Aliases, acr)
		r.index(found, acr)
	}
	return found
}

// acronymOf spells the acronym of a name: the initials of its capitalized
// words, and whole any word that is itself an acronym ("Transcaucasian
// SFSR" → "TSFSR"); "of", "the" and other lower-case words are skipped.
func acronymOf(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch {
		case isAcronym(w):
			b.WriteString(w)
		case startsUpper(w):
			r, _ := utf8.DecodeRuneInString(w)
			if r >= 0x80 {
				return "" // an initial outside A–Z: no ASCII acronym
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// person resolves a short form of a person's name ("Tokayev") to the one
// person it can mean.
func (r *registry) person(name string) *Entity {
	if e := r.find(Person, name); e != nil {
		return e
	}
	ps := r.surname[nameKey(name)]
	if len(ps) == 1 {
		return ps[0]
	}
	// "Karim Massimov" and "Karim Kajymkanuly Massimov": one person with
	// and without a patronymic, whom the shorter name names.
	var short *Entity
	for _, p := range ps {
		if short == nil || len(strings.Fields(p.Name)) < len(strings.Fields(short.Name)) {
			short = p
		}
	}
	for _, p := range ps {
		if !samePerson(short.Name, p.Name) {
			return nil
		}
	}
	return short
}

// samePerson says whether two names share their first and last words:
// the longer has middle names the shorter leaves out.
func samePerson(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 {
		return false
	}
	return nameKey(fa[0]) == nameKey(fb[0]) && nameKey(fa[len(fa)-1]) == nameKey(fb[len(fb)-1])
}

// add records a mention of an entity of type t called name, with optional
// aliases, and returns the entity, new or known.
func (r *registry) add(t Type, name string, sp Span, aliases ...string) *Entity {
	name = collapse(strings.Trim(name, " ,;:"))
	if name == "" {
		return nil
	}
	canon, extra := r.canonical(t, name)
	if slug(canon) == "" {
		return nil // no letter or digit to name it by
	}
	given := aliases
	aliases = append(aliases, extra...)
	e := r.find(t, canon)
	if e == nil {
		others := given
		if canon == name || !allGeneric(name) {
			others = append([]string{name}, given...)
		} // else "Security Council", now "… of Russia", is not any Security Council
		// The canonical form's own aliases find it too, but not by an
		// abbreviation the text may give another body: "International
		// Criminal Court (ICC)" is not the International Chamber of
		// Commerce, whose abbreviation is ICC.
		for _, a := range extra {
			if !isAcronym(a) {
				others = append(others, a)
			}
		}
		for _, a := range others {
			if e = r.find(t, a); e != nil {
				break
			}
		}
	}
	if e == nil && t == Person {
		if ps := r.surname[nameKey(canon)]; len(ps) == 1 && len(strings.Fields(canon)) == 1 {
			e = ps[0]
		}
	}
	if e == nil {
		id := MakeID(t, canon)
		if old, ok := r.byID[id]; ok {
			e = old
		} else {
			e = &Entity{ID: id, Type: t, Name: canon}
			r.byID[id] = e
			r.index(e, canon)
		}
	}
	if specificity(t) > specificity(e.Type) && segment(t) == segment(e.Type) {
		e.Type = t
	}
	for _, a := range append([]string{name}, aliases...) {
		r.alias(e, a)
	}
	if sp.End > sp.Start {
		e.Mentions = append(e.Mentions, sp)
	}
	return e
}

// alias records another English name of e.
func (r *registry) alias(e *Entity, a string) {
	a = collapse(strings.Trim(a, " ,;:"))
	if a == "" || a == e.Name {
		return
	}
	for _, x := range e.Aliases {
		if x == a {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
	r.index(e, a)
}

func (r *registry) index(e *Entity, name string) {
	k := nameKey(name)
	for _, x := range r.keys[k] {
		if x == e {
			return
		}
	}
	r.keys[k] = append(r.keys[k], e)
	if e.Type == Person {
		f := strings.Fields(name)
		if len(f) >= 2 {
			for _, part := range []string{f[len(f)-1], f[0]} {
				pk := nameKey(part)
				found := false
				for _, x := range r.surname[pk] {
					found = found || x == e
				}
				if !found {
					r.surname[pk] = append(r.surname[pk], e)
				}
			}
		}
	}
}

// label adds a name in another language or script.
func (r *registry) label(e *Entity, text, lang string) {
	text = collapse(text)
	for _, l := range e.Labels {
		if l.Text == text && l.Lang == lang {
			return
		}
	}
	e.Labels = append(e.Labels, Label{text, lang})
}

var (
	ofCountryRE  = regexp.MustCompile(`\bof (?:the )?((?:[\p{Lu}][\p{L}\p{M}'’-]*)(?: (?:of|the|and|[\p{Lu}][\p{L}\p{M}'’-]*))*)$`)
	genericWords = map[string]bool{"supreme": true, "constitutional": true, "court": true,
		"parliament": true, "senate": true, "government": true, "assembly": true,
		"national": true, "cabinet": true, "council": true, "ministers": true, "of": true,
		"federal": true, "state": true, "high": true, "central": true, "electoral": true,
		"commission": true, "election": true, "legislature": true, "house": true,
		"representatives": true, "chamber": true, "legislative": true, "deputies": true, "congress": true,
		"judiciary": true, "people's": true, "bank": true, "security": true,
		"prosecutor's": true, "office": true, "general": true, "administration": true,
		"presidential": true, "the": true}
)

// canonical gives the preferred name of an entity and the aliases the
// change implies: a country's official name becomes its short name
// ("Prime Minister of the Republic of Kazakhstan" → "… of Kazakhstan"), and
// an office or body named only by generic words is qualified by the
// document's country ("Senate" → "Senate of Kazakhstan").
func (r *registry) canonical(t Type, name string) (string, []string) {
	if t == Country {
		if c, ok := gazetteer.CountryByName(name); ok && c.Name != name {
			return c.Name, []string{name}
		}
		return name, nil
	}
	if t == Organization || t == GovernmentOrganization {
		// International organizations by the name the gazetteer gives.
		if o, ok := gazetteer.OrgByName(name); ok && !allGeneric(name) {
			var aliases []string
			for _, a := range []string{name, o.Abbrev} {
				if a != o.Name && a != "" {
					aliases = append(aliases, a)
				}
			}
			return o.Name, aliases
		}
	}
	if t != Office && t != GovernmentOrganization {
		return name, nil
	}
	// "Georgian Parliament" → "Parliament of Georgia".
	if f := strings.Fields(name); t == GovernmentOrganization && len(f) >= 2 {
		if c, ok := gazetteer.CountryByDemonym(f[0]); ok && allGeneric(strings.Join(f[1:], " ")) {
			return strings.Join(f[1:], " ") + " of " + c.Name, []string{name}
		}
	}
	// "… of the Republic of Kazakhstan" → "… of Kazakhstan".
	if m := ofCountryRE.FindStringSubmatchIndex(name); m != nil {
		if c, ok := gazetteer.CountryByName(name[m[2]:m[3]]); ok {
			short := name[:m[0]] + "of " + c.Name
			if r.country != nil && c.Name == r.country.Name {
				short = name[:m[0]] + strings.TrimPrefix(r.ofCountry, " ")
			} else if takesThe(c.Name, "") {
				short = name[:m[0]] + "of the " + c.Name // "of the Ottoman Empire"
			}
			if short != name {
				return short, []string{name}
			}
			return name, nil
		}
	}
	if r.country == nil {
		return name, nil
	}
	// "President of the Republic": the country's.
	if t == Office && strings.HasSuffix(name, " of the Republic") {
		return strings.TrimSuffix(name, " of the Republic") + r.ofCountry, []string{name}
	}
	qualified := name + r.ofCountry
	switch {
	case t == GovernmentOrganization && allGeneric(name):
		return qualified, []string{name}
	case t == Office && namesNation(name):
		return name, nil // "First Secretary of the Turkmen Communist Party"
	case t == Office && (strings.Contains(name, " of ") || strings.Contains(name, " for ") || stateTitleRE.MatchString(name)):
		// Offices are the country's own unless they name another:
		// "Minister of Economy" → "Minister of Economy of Georgia".
		return qualified, []string{name}
	}
	return name, nil
}

// namesNation says whether a name holds a country's name or demonym.
func namesNation(name string) bool {
	for _, w := range strings.Fields(name) {
		if _, ok := gazetteer.CountryByDemonym(w); ok {
			return true
		}
		if _, ok := gazetteer.CountryByName(w); ok {
			return true
		}
	}
	return false
}

// stateTitleRE matches the titles of a state's own top offices, which
// need no "of X" to be understood.
var stateTitleRE = regexp.MustCompile(`^(?:(?:First|Second|Acting) )?(?:(?:Deputy|Vice)[ -])?(?:(?:Federal|Reich|State) )?(?:President|Prime Minister|Premier|Head of Government|Chancellor|Grand Vizier|Regent|Caliph|Pharaoh|Doge|King|Queen|Emperor|Empress|Tsar|Czar|Shah|Monarch|Emir|Sultan|Supreme Leader)$`)

func capitalize(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// entities returns the registry's entities sorted by ID, with sorted
// aliases and mentions in text order.
func (r *registry) entities() []*Entity {
	out := make([]*Entity, 0, len(r.byID))
	for _, e := range r.byID {
		sort.Strings(e.Aliases)
		sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
