package extractor

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// This file reads what wikitext adds to a document: the wiki links
// (Document.Links), which name entities and give them their Wikipedia
// article, and the infoboxes (Table.Infobox), whose keys say what their
// values are.

// splitTitle splits a Wikipedia title into its name and its
// disambiguation: "Amanat (party)" → "Amanat", "party".
func splitTitle(title string) (base, qual string) {
	if strings.HasSuffix(title, ")") {
		if k := strings.LastIndex(title, " ("); k > 0 {
			return title[:k], title[k+2 : len(title)-1]
		}
	}
	return title, ""
}

// qualifierTypes types an article by its disambiguation: "(politician)".
var qualifierTypes = map[string]Type{
	"politician": Person, "statesman": Person, "stateswoman": Person, "diplomat": Person,
	"economist": Person, "lawyer": Person, "jurist": Person, "judge": Person,
	"journalist": Person, "businessman": Person, "businesswoman": Person,
	"activist": Person, "writer": Person, "author": Person, "historian": Person,
	"general": Person, "military officer": Person, "official": Person,
	"party": PoliticalParty, "political party": PoliticalParty,
	"city": City, "town": City, "region": AdministrativeArea, "province": AdministrativeArea,
	"oblast": AdministrativeArea, "district": AdministrativeArea, "country": Country,
	"newspaper": Periodical, "magazine": Periodical, "journal": Periodical,
	"organization": Organization, "organisation": Organization, "company": Organization,
}

// ordinalRE matches the rank of an office's holder: "2nd ", "Acting ".
var ordinalRE = regexp.MustCompile(`^(?:\d+(?:st|nd|rd|th) |Acting )`)

// bornRE matches the disambiguation of a person by dates: "(born 1953)",
// "(1940–2020)".
var bornRE = regexp.MustCompile(`^(?:born \d{4}|died \d{4}|(?:c\. )?\d{4}[–-](?:\d{4})?|politician, born \d{4})$`)

// titleType types the article a link points to from its title alone, as
// the text's own names are typed; ok is false when the title does not tell.
func (x *extraction) titleType(base, qual string) (Type, bool) {
	q := strings.ToLower(qual)
	if t, ok := qualifierTypes[q]; ok {
		return t, true
	}
	if bornRE.MatchString(q) {
		return Person, true
	}
	if strings.HasPrefix(base, "List of ") || len(FindDates(base)) > 0 && len(strings.Fields(base)) <= 3 {
		return "", false // a list, a year, a date
	}
	return x.classify(base)
}

// wikiLinks names the entities that the current sentence's wiki links
// point to, where the title types them: "[[Amanat (party)|Amanat]]" is a
// party, "[[President of Kazakhstan|president]]" the office.
func (x *extraction) wikiLinks() {
	links := x.d.Links
	s := x.sent.Span
	k := sort.Search(len(links), func(i int) bool { return links[i].Span.Start >= s.Start })
	for ; k < len(links) && links[k].Span.Start < s.End; k++ {
		l := links[k]
		if l.Span.End > s.End {
			continue
		}
		i, j := l.Span.Start-x.base, l.Span.End-x.base
		if x.at(i, j) != nil {
			continue
		}
		x.wikiEntity(l, i, j)
	}
}

// wikiEntity adds the entity a link at sentence offsets [i, j) names.
func (x *extraction) wikiEntity(l WikiLink, i, j int) {
	label := x.raw(i, j)
	base, qual := splitTitle(l.Title)
	t, ok := x.titleType(base, qual)
	if !ok {
		return
	}
	lower := !startsUpper(label)
	if lower && t != Office && t != GovernmentOrganization && t != Country {
		return // "[[head of state]]": a concept, not a thing
	}
	if t == Person && !looksLikePerson(label) {
		return
	}
	// A body of another country: "Ministry of Defence (Russia)". (The
	// document's own country qualifies its bodies' names where the text's
	// names do.)
	if c, ok := gazetteer.CountryByName(qual); ok && (t == GovernmentOrganization || t == Office) &&
		(x.r.country == nil || c.Name != x.r.country.Name) && !namesNation(base) {
		base += " of " + c.Name
	}
	name := label
	var aliases []string
	switch {
	case lower || strings.Contains(strings.ToLower(base), strings.ToLower(label)):
		name = base // the title is the fuller name
	case base != label:
		aliases = append(aliases, base) // "[[Nur Otan|Amanat]]": a former name
	}
	if t == Office {
		if off := x.officeEntity(name, x.span(i, j)); off != nil {
			x.ments = append(x.ments, mention{i, j, off})
		}
		return
	}
	x.ent(t, name, i, j, aliases...)
}

// wikiTitles gives the entities the current sentence's links name their
// Wikipedia article.
func (x *extraction) wikiTitles() {
	links := x.d.Links
	s := x.sent.Span
	k := sort.Search(len(links), func(i int) bool { return links[i].Span.Start >= s.Start })
	for ; k < len(links) && links[k].Span.Start < s.End; k++ {
		l := links[k]
		i, j := l.Span.Start-x.base, l.Span.End-x.base
		for _, m := range x.ments {
			if m.start <= i && j <= m.end && (m.end-m.start)-(j-i) <= 4 {
				setWiki(m.e, l.Title)
				break
			}
		}
	}
}

// mentionTitles gives entities mentioned exactly on a link's label (in
// tables and infoboxes) the link's article.
func (x *extraction) mentionTitles() {
	if len(x.d.Links) == 0 {
		return
	}
	at := map[Span]*Entity{}
	for _, e := range x.r.entities() {
		for _, m := range e.Mentions {
			if at[m] == nil {
				at[m] = e
			}
		}
	}
	for _, l := range x.d.Links {
		if e := at[l.Span]; e != nil {
			setWiki(e, l.Title)
		}
	}
}

// setWiki gives e the article title unless it has one or the title shares
// no word with any of e's names (a link on a name need not be to the
// named thing's article: "[[Kazakh SSR|Kazakhstan]]").
func setWiki(e *Entity, title string) {
	if e.Wiki != "" {
		return
	}
	base, _ := splitTitle(title)
	names := strings.ToLower(foldAccents(e.Name + " " + strings.Join(e.Aliases, " ")))
	for _, w := range strings.Fields(strings.ToLower(foldAccents(base))) {
		if len(w) >= 3 && !smallWords[w] && containsWord(names, w) {
			e.Wiki = title
			return
		}
	}
}

// containsWord says whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' }) {
		if f == w {
			return true
		}
	}
	return false
}

// infobox reads an infobox: who holds which office from when (officeholder
// boxes), a country's capital, leaders and legislature, a body's
// formation, dissolution and seats. Each fact's evidence is its row.
func (x *extraction) infobox(b Block) {
	t := b.Table
	rows := map[string]Row{}
	var keys []string
	for _, r := range t.Rows {
		if len(r.Cells) != 2 || r.Cells[0].Len() == 0 || r.Cells[1].Len() == 0 {
			continue
		}
		k := strings.ReplaceAll(strings.ToLower(x.d.Slice(r.Cells[0])), " ", "_")
		if _, dup := rows[k]; !dup {
			rows[k] = r
			keys = append(keys, k)
		}
	}
	// value returns a row's value cut to its first item: before a
	// citation marker, a parenthesis, a comma or a line break.
	value := func(k string) (string, Span, Span, bool) {
		r, ok := rows[k]
		if !ok {
			return "", Span{}, Span{}, false
		}
		v := r.Cells[1]
		s := x.d.Slice(v)
		if d := FindDates(s); len(d) > 0 && d[0].Start == 0 {
			s = s[:d[0].End] // "March 20, 2019": the comma is the date's
		} else if n := strings.IndexAny(s, "[(,;"); n >= 0 {
			s = strings.TrimRight(s[:n], " ")
		}
		if s == "" {
			return "", Span{}, Span{}, false
		}
		return s, Span{v.Start, v.Start + len(s)}, r.Span, true
	}
	kind := strings.ToLower(t.Infobox)
	switch {
	case strings.Contains(kind, "country") || kind == "sovereign state":
		// ("Infobox U.S. state" is no country's box: its capital is the
		// state's.)
		x.countryBox(value)
	case strings.Contains(kind, "officeholder") || strings.Contains(kind, "politician") ||
		strings.Contains(kind, "president") || strings.Contains(kind, "prime minister") ||
		strings.Contains(kind, "person") || strings.Contains(kind, "minister") || strings.Contains(kind, "leader"):
		x.officeholderBox(value, keys)
	case strings.Contains(kind, "legislature") || strings.Contains(kind, "government") ||
		strings.Contains(kind, "cabinet") || strings.Contains(kind, "agency") || strings.Contains(kind, "court") ||
		strings.Contains(kind, "political party") || strings.Contains(kind, "organization"):
		x.bodyBox(kind, value)
	}
}

// boxValue reads an infobox value by key: its first item, the span of
// that item and the row.
type boxValue func(key string) (text string, sp, row Span, ok bool)

// countryBox reads a country infobox.
func (x *extraction) countryBox(value boxValue) {
	c := x.r.country
	if name, sp, _, ok := value("common_name"); ok {
		if gc, found := gazetteer.CountryByName(name); found {
			c = x.r.add(Country, gc.Name, sp)
		}
	}
	if c == nil {
		return
	}
	if name, sp, row, ok := value("capital"); ok {
		if city := x.r.add(City, name, sp); city != nil {
			x.fact(c, Capital, ref(city), row, nil)
		}
	}
	for n := 1; n <= 9; n++ {
		title, osp, orow, ok1 := value("leader_title" + strconv.Itoa(n))
		name, nsp, nrow, ok2 := value("leader_name" + strconv.Itoa(n))
		if !ok1 || !ok2 || !looksLikePerson(name) {
			continue
		}
		off := x.officeEntity(title, osp)
		p := x.boxPerson(name, nsp)
		if off == nil || p == nil {
			continue
		}
		ev := cover(orow, nrow) // "leader title1: President" and "leader name1: …"
		x.fact(p, PositionHeld, ref(off), ev, nil)
		x.headOf(off, p, ev, nil)
	}
	leg := (*Entity)(nil)
	if name, sp, row, ok := value("legislature"); ok {
		if leg = x.r.add(GovernmentOrganization, name, sp); leg != nil {
			x.fact(c, LegislativeBody, ref(leg), row, nil)
		}
	}
	for _, k := range []string{"upper_house", "lower_house"} {
		if name, sp, row, ok := value(k); ok && leg != nil {
			if ch := x.r.add(GovernmentOrganization, name, sp); ch != nil {
				x.fact(leg, HasPart, ref(ch), row, nil)
				x.fact(ch, PartOf, ref(leg), row, nil)
			}
		}
	}
}

// boxPerson resolves a person named in an infobox.
func (x *extraction) boxPerson(name string, sp Span) *Entity {
	if p := x.r.person(name); p != nil && (len(strings.Fields(name)) == 1 || p.Name == name) {
		p.Mentions = append(p.Mentions, sp)
		return p
	}
	return x.r.add(Person, name, sp)
}

// officeholderBox reads a person's infobox: each "officeN" held from
// "term_startN" to "term_endN", the party.
func (x *extraction) officeholderBox(value boxValue, keys []string) {
	name, nsp, _, ok := value("name")
	if !ok {
		name, nsp = x.d.Title, Span{}
	}
	if !looksLikePerson(name) {
		return
	}
	p := x.boxPerson(name, nsp)
	if p == nil {
		return
	}
	for _, k := range keys {
		suffix, isOffice := strings.CutPrefix(k, "office")
		if !isOffice || suffix != "" && strings.Trim(suffix, "0123456789") != "" {
			continue
		}
		title, osp, row, ok := value(k)
		if !ok {
			continue
		}
		if m := ordinalRE.FindString(title); m != "" { // "2nd President of Kazakhstan"
			title, osp.Start = title[len(m):], osp.Start+len(m)
		}
		off := x.officeEntity(title, osp)
		if off == nil {
			continue
		}
		var q []Qualifier
		ev := row // the office's rows: office, term, predecessor, successor
		if s, _, r, ok := value("term_start" + suffix); ok {
			ev = cover(ev, r)
			q = startQual(s)
		}
		ended := false
		if s, _, r, ok := value("term_end" + suffix); ok {
			ev = cover(ev, r)
			if d, ok := dateAt(s); ok {
				q = append(q, Qualifier{EndTime, DateOf(d)})
				ended = true
			}
		}
		for _, r := range []struct {
			key string
			rel Relation
		}{{"predecessor", Replaces}, {"successor", ReplacedBy}} {
			if s, sp, rr, ok := value(r.key + suffix); ok && looksLikePerson(s) {
				ev = cover(ev, rr)
				if o := x.boxPerson(s, sp); o != nil && o != p {
					q = append(q, Qualifier{r.rel, ref(o)})
				}
			}
		}
		x.fact(p, PositionHeld, ref(off), ev, nil, q...)
		if !ended {
			x.headOf(off, p, ev, nil)
		}
	}
	if party, sp, row, ok := value("party"); ok && !strings.EqualFold(party, "Independent") {
		if pe := x.r.add(PoliticalParty, party, sp); pe != nil {
			x.fact(p, PartyMembership, ref(pe), row, nil)
		}
	}
}

// bodyBox reads the infobox of a body: its formation, dissolution, seats.
func (x *extraction) bodyBox(kind string, value boxValue) {
	var name string
	var sp Span
	for _, k := range []string{"name", "cabinet_name", "agency_name", "court_name", "party_name"} {
		if n, s, _, ok := value(k); ok {
			name, sp = n, s
			break
		}
	}
	if name == "" {
		name = x.d.Title
	}
	t := GovernmentOrganization
	if strings.Contains(kind, "party") {
		t = PoliticalParty
	} else if ct, ok := x.classify(name); ok && segment(ct) == segment(GovernmentOrganization) {
		t = ct
	}
	body := x.r.add(t, name, sp)
	if body == nil {
		return
	}
	for _, k := range []string{"date_formed", "formation", "formed", "foundation", "founded", "established", "created"} {
		if s, _, row, ok := value(k); ok {
			if d, ok := dateAt(s); ok {
				x.fact(body, Inception, DateOf(d), row, nil)
				break
			}
		}
	}
	for _, k := range []string{"date_dissolved", "dissolved", "dissolution"} {
		if s, _, row, ok := value(k); ok {
			if d, ok := dateAt(s); ok {
				x.fact(body, Dissolved, DateOf(d), row, nil)
				break
			}
		}
	}
	// "leader1_type = Chairman", "leader1 = X": the body's presiding
	// officer, holder of the office "Chairman of the <body>".
	for n := 1; n <= 5; n++ {
		title, osp, orow, ok1 := value("leader" + strconv.Itoa(n) + "_type")
		name, nsp, nrow, ok2 := value("leader" + strconv.Itoa(n))
		if !ok1 || !ok2 || !looksLikePerson(name) || !officeRE.MatchString(title) {
			continue
		}
		if !strings.Contains(title, " of ") {
			title += " of the " + body.Name
		}
		off := x.officeEntity(title, osp)
		p := x.boxPerson(name, nsp)
		if off == nil || p == nil {
			continue
		}
		ev := cover(orow, nrow)
		x.fact(p, PositionHeld, ref(off), ev, nil)
		x.fact(body, Chairperson, ref(p), ev, nil)
	}
	if s, _, row, ok := value("members"); ok {
		if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil && n > 0 {
			x.fact(body, Seats, IntOf(int64(n)), row, nil)
		}
	}
	if c := x.r.country; c != nil {
		if s, sp, row, ok := value("state_head"); ok && looksLikePerson(s) {
			x.fact(c, HeadOfState, ref(x.boxPerson(s, sp)), row, nil)
		}
		if s, sp, row, ok := value("government_head"); ok && looksLikePerson(s) {
			x.fact(c, HeadOfGovernment, ref(x.boxPerson(s, sp)), row, nil)
		}
	}
}

// cover returns the smallest span holding a and b: the evidence of a fact
// read from several rows of an infobox.
func cover(a, b Span) Span {
	return Span{min(a.Start, b.Start), max(a.End, b.End)}
}
