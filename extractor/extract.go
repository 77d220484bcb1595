package extractor

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// Extract finds the entities and facts of a parsed document.
func Extract(d *Document) *Result {
	x := &extraction{d: d, r: newRegistry(d), works: map[int]*Entity{}}
	x.findCountry()
	x.footnotes()
	next := 0 // sentences are in block order
	for bi, b := range d.Blocks {
		switch b.Kind {
		case TableBlock:
			if b.Table.Infobox != "" {
				x.infobox(b)
			} else {
				x.table(b)
			}
		case Paragraph, ListItem:
			for ; next < len(d.Sentences) && d.Sentences[next].Block == bi; next++ {
				x.sentence(d.Sentences[next])
			}
		}
	}
	return x.result()
}

// extraction is the state of one document's extraction.
type extraction struct {
	d     *Document
	r     *registry
	facts []Fact
	works map[int]*Entity // footnote number → cited work

	// Per sentence.
	sent    Sentence
	text    string  // the sentence, possessives masked
	lower   string  // text in lower case, to test for a rule's key words
	grams   bigrams // the byte pairs of lower: a quick "no" for has and near
	plain   bool    // lower has text's offsets and folds (see plainLower)
	toks    []Span  // tokensOf(text), made when first asked for (see tokens)
	tokOK   bool
	classes map[string]class
	base    int // byte offset of text in the document
	subject *Entity
	prev    *Entity // the previous sentence's subject, for "It …"
	// The person named last, for "he" and "she".
	lastPerson *Entity
	ments      []mention
	alone      map[string]bool // see standalone
	// Bodies the text calls the parliament or legislature, whatever their
	// name ("the Storting, the unicameral parliament").
	legis map[*Entity]bool
	// The country's division list counts its capital ("… 9 regions and a
	// capital territory").
	capitalArea bool
	// The legislature called unicameral: the country's only chamber, so
	// "the Parliament" is another name of it.
	unicameral *Entity
	parens     map[string][]string // nameKey → aliases seen in parentheses

	// A legislature that "has two chambers", waiting for its chambers.
	chambers struct {
		of      *Entity
		left    int
		section int
	}
	// The division word of an administrative-division sentence ("Region").
	unit string
}

// fact records a fact read from evidence span ev citing the given footnotes.
func (x *extraction) fact(s *Entity, rel Relation, o Value, ev Span, cites []int, q ...Qualifier) {
	if s == nil || o.Kind == EntityValue && (o.Entity == "" || o.Entity == s.ID) {
		return
	}
	f := Fact{Subject: s.ID, Relation: rel, Object: o, Qualifiers: q, Evidence: ev}
	for _, n := range cites {
		if w := x.works[n]; w != nil {
			f.Sources = append(f.Sources, w.ID)
		}
	}
	x.facts = append(x.facts, f)
}

// sfact records a fact read from the current sentence.
func (x *extraction) sfact(s *Entity, rel Relation, o Value, q ...Qualifier) {
	x.fact(s, rel, o, x.sent.Span, x.sent.Cites, q...)
}

func ref(e *Entity) Value {
	if e == nil {
		return Value{Kind: EntityValue}
	}
	return EntityRef(e.ID)
}

// span converts offsets within the current sentence to document offsets.
func (x *extraction) span(i, j int) Span { return Span{x.base + i, x.base + j} }

// findCountry decides which country the document is about: the country
// its title names ("Politics of Armenia"), else the one its opening names
// most often.
func (x *extraction) findCountry() {
	name := ""
	words := strings.Fields(x.d.Title)
	for i := range words {
		if c, ok := gazetteer.CountryByName(strings.Join(words[i:], " ")); ok {
			name = c.Name
			break
		}
	}
	if name == "" {
		// An article names its country early: its first 4 KB decide.
		head := x.d.Text[:min(len(x.d.Text), 4096)]
		counts := map[string]int{}
		masked := mask(head)
		for _, loc := range findAll(npRE, masked) {
			if c, ok := gazetteer.CountryByName(masked[loc[0]:loc[1]]); ok && !c.Historical {
				counts[c.Name]++
			}
		}
		best := 0
		for n, c := range counts {
			if c > best || c == best && n < name {
				name, best = n, c
			}
		}
	}
	if name != "" {
		x.r.country = x.r.add(Country, name, Span{})
		x.r.ofCountry = " of " + name
		if takesThe(name, x.d.Text) {
			x.r.ofCountry = " of the " + name
		}
	}
}

// takesThe says whether a country's name takes "the" after "of": a name
// ending in a word such as Republic, Union or States ("the Czech
// Republic", "the Weimar Republic"), or one the text writes with "the"
// more often than without.
func takesThe(name, text string) bool {
	f := strings.Fields(name)
	if theWords[f[len(f)-1]] || len(f) > 1 && theWords[f[0]] {
		return true
	}
	with, without := 0, 0
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			break
		}
		at := i + k
		i = at + len(name)
		if i < len(text) && isWordByte(text[i]) {
			continue // "the Georgian Dream" names no Georgia
		}
		if at >= 4 && (text[at-4:at] == "the " || text[at-4:at] == "The ") {
			with++
		} else {
			without++
		}
	}
	return with > without
}

// theWords are the words that make a country's name take "the".
var theWords = map[string]bool{"Republic": true, "Union": true, "Kingdom": true,
	"States": true, "Islands": true, "Emirates": true, "Federation": true, "Empire": true,
	"Confederation": true, "Caliphate": true, "Sultanate": true, "Khanate": true,
	"Commonwealth": true, "Netherlands": true, "Philippines": true, "Bahamas": true,
	"Gambia": true, "Maldives": true, "Comoros": true, "Seychelles": true,
	"Emirate": true, "Principality": true}

// officeEntity resolves an office title as written ("the president",
// "Prime Minister of the Republic of Kazakhstan") to an Office entity.
func (x *extraction) officeEntity(title string, sp Span) *Entity {
	title = strings.TrimSpace(title)
	title = strings.TrimPrefix(strings.TrimPrefix(title, "the "), "The ")
	if title == "" {
		return nil
	}
	head, rest, _ := strings.Cut(title, " of ")
	words := strings.Fields(head)
	for i, w := range words {
		if smallWords[strings.ToLower(w)] && i > 0 {
			words[i] = strings.ToLower(w)
			continue
		}
		parts := strings.Split(w, "-")
		for k, p := range parts {
			parts[k] = capitalize(strings.ToLower(p))
		}
		words[i] = strings.Join(parts, "-")
	}
	name := strings.Join(words, " ")
	if rest == "" {
		// "Finance Minister" is the "Minister of Finance".
		if m := portfolioTitleRE.FindStringSubmatch(name); m != nil {
			return x.r.add(Office, "Minister of "+portfolioOf[m[1]], sp, name)
		}
	}
	if rest != "" {
		name += " of " + rest
	}
	// The plural of the title itself, not of its portfolio ("Deputy Prime
	// Minister for Oil and Gas").
	if t, _, _ := strings.Cut(name, " for "); strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && rest == "" {
		return nil // plural: "ministers"
	}
	if rest == "" && !stateTitleRE.MatchString(name) && !strings.Contains(name, " for ") {
		return nil // "the speaker": of what is not said
	}
	off := x.r.add(Office, name, sp)
	x.presides(off, sp)
	return off
}

// knownBody returns the government body known by name, or by name without
// the country the canonical form adds ("Speaker of the Federation Council
// of Russia": the Federation Council the text names without its country).
func (x *extraction) knownBody(name string) *Entity {
	if body := x.r.find(GovernmentOrganization, name); body != nil {
		return body
	}
	if x.r.ofCountry == "" {
		return nil
	}
	return x.r.find(GovernmentOrganization, strings.TrimSuffix(name, x.r.ofCountry))
}

// presidingRE matches the title of whoever presides over a body: "Speaker
// of the National Assembly of Armenia", "Chairman of the Supreme Council".
var presidingRE = regexp.MustCompile(`^(?:Speaker|Chairman|Chairwoman|Chairperson|Chair|President) of (?:the )?(.+)$`)

// presides records that the office presides over the body its title
// names, a legislature or council ("Chairman of the Supreme Council of
// Armenia": the Supreme Council of Armenia, headed by that office).
func (x *extraction) presides(off *Entity, sp Span) {
	// Only an office named in running prose: a list's heading or a table
	// cell names offices of bodies long gone or named elsewhere.
	if s := x.sent.Span; off == nil || sp.Len() == 0 || sp.Start < s.Start || sp.End > s.End {
		return
	}
	m := presidingRE.FindStringSubmatch(off.Name)
	if m == nil {
		return
	}
	body := x.knownBody(m[1])
	if body == nil {
		if t, ok := classify(m[1]); !ok || t != GovernmentOrganization || !seatedRE.MatchString(m[1]) {
			return
		}
		body = x.r.add(GovernmentOrganization, m[1], sp)
	}
	if body == nil || body.Type != GovernmentOrganization {
		return
	}
	x.sfact(body, LeaderOffice, ref(off))
}

// portfolioTitleRE matches a minister's title written with the portfolio
// before it ("Foreign Minister"); portfolioOf spells the portfolio as the
// "Minister of …" title does.
var (
	portfolioTitleRE = regexp.MustCompile(`^(Foreign|Finance|Defence|Defense|Interior|Justice) Minister$`)
	portfolioOf      = map[string]string{"Foreign": "Foreign Affairs", "Finance": "Finance",
		"Defence": "Defence", "Defense": "Defense", "Interior": "Internal Affairs", "Justice": "Justice"}
)

// result sorts and de-duplicates what was found.
func (x *extraction) result() *Result {
	x.mergeShortNames()
	x.mentionTitles()
	seen := map[string]bool{}
	var facts []Fact
	for _, f := range x.facts {
		k := factKey(f) + "|" + spanKey(f.Evidence)
		if seen[k] || f.Object.Kind == EntityValue && f.Object.Entity == f.Subject {
			continue
		}
		seen[k] = true
		sort.Strings(f.Sources)
		facts = append(facts, f)
	}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Relation != b.Relation {
			return a.Relation < b.Relation
		}
		if a.Object.Key() != b.Object.Key() {
			return a.Object.Key() < b.Object.Key()
		}
		return a.Evidence.Start < b.Evidence.Start
	})
	return &Result{Doc: x.d, Entities: x.r.entities(), Facts: facts}
}

func factKey(f Fact) string {
	var b strings.Builder
	b.WriteString(f.Subject + "|" + string(f.Relation) + "|" + f.Object.Key())
	for _, q := range f.Qualifiers {
		b.WriteString("|" + string(q.Relation) + "=" + q.Value.Key())
	}
	return b.String()
}

func spanKey(s Span) string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

// mergeShortNames folds short forms into the one entity they can mean: a
// person known by one name ("Saakashvili", met before "Mikheil
// Saakashvili") into the one person with that surname, and a body named
// by the tail of a longer name ("the Electoral Commission") into the one
// body whose name ends so ("Central Electoral Commission of Armenia").
func (x *extraction) mergeShortNames() {
	remap := map[string]string{}
	country := ""
	if x.r.country != nil {
		country = x.r.ofCountry
	}
	core := func(e *Entity) string { return nameKey(strings.TrimSuffix(e.Name, country)) }
	all := x.r.entities()
	for _, e := range all {
		var target *Entity
		n := 0
		switch {
		case e.Type == Person && len(strings.Fields(e.Name)) > 2:
			// "Gurbanguly Mälikguliýewiç Berdimuhamedow" is "Gurbanguly
			// Berdimuhamedow" with a patronymic.
			f := strings.Fields(e.Name)
			short := x.r.find(Person, f[0]+" "+f[len(f)-1])
			if short != nil && short != e {
				target, n = short, 1
			}
		case e.Type == Person && len(strings.Fields(e.Name)) == 1:
			for _, o := range x.r.surname[nameKey(e.Name)] {
				if o != e && len(strings.Fields(o.Name)) > 1 {
					target, n = o, n+1
				}
			}
		case e.Type == GovernmentOrganization && x.unicameral != nil && e != x.unicameral &&
			allGeneric(strings.TrimSuffix(e.Name, country)) && legislatureRE.MatchString(e.Name):
			target, n = x.unicameral, 1
		case e.Type == GovernmentOrganization && country != "" && strings.HasSuffix(e.Name, country):
			k := core(e)
			if len(strings.Fields(k)) < 2 {
				break // "Government" is every cabinet's tail
			}
			for _, o := range all {
				if o != e && segment(o.Type) == segment(e.Type) && strings.HasSuffix(core(o), " "+k) &&
					!strings.Contains(strings.TrimSuffix(core(o), k), " of ") {
					target, n = o, n+1
				}
			}
		}
		if n != 1 || remap[target.ID] != "" {
			continue
		}
		x.r.alias(target, e.Name)
		if target.Wiki == "" {
			target.Wiki = e.Wiki
		}
		for _, a := range e.Aliases {
			x.r.alias(target, a)
		}
		for _, l := range e.Labels {
			x.r.label(target, l.Text, l.Lang)
		}
		target.Mentions = append(target.Mentions, e.Mentions...)
		delete(x.r.byID, e.ID)
		remap[e.ID] = target.ID
	}
	if len(remap) == 0 {
		return
	}
	for i := range x.facts {
		f := &x.facts[i]
		if to, ok := remap[f.Subject]; ok {
			f.Subject = to
		}
		if f.Object.Kind == EntityValue {
			if to, ok := remap[f.Object.Entity]; ok {
				f.Object.Entity = to
			}
		}
		// Qualifiers name entities too ("replaces"); one that now names
		// the subject itself says nothing.
		var qs []Qualifier
		changed := false
		for _, q := range f.Qualifiers {
			if q.Value.Kind == EntityValue {
				if to, ok := remap[q.Value.Entity]; ok {
					q.Value.Entity, changed = to, true
				}
				if q.Value.Entity == f.Subject {
					changed = true
					continue
				}
			}
			qs = append(qs, q)
		}
		if changed {
			f.Qualifiers = qs
		}
	}
}

// has says whether the sentence holds any of the given lower-case words:
// the cheap test that lets a recognizer skip its patterns.
func (x *extraction) has(words ...string) bool {
	for _, w := range words {
		if x.grams.may(w) && strings.Contains(x.lower, w) {
			return true
		}
	}
	return false
}

type class struct {
	t  Type
	ok bool
}

// classify is the package's classify, remembered per document: names recur.
func (x *extraction) classify(name string) (Type, bool) {
	if c, ok := x.classes[name]; ok {
		return c.t, c.ok
	}
	t, ok := classify(name)
	if x.classes == nil {
		x.classes = map[string]class{}
	}
	x.classes[name] = class{t, ok}
	return t, ok
}
