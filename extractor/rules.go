package extractor

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// mention is an entity named in the current sentence, at offsets relative
// to the sentence.
type mention struct {
	start, end int
	e          *Entity
}

// sentence runs every recognizer over one sentence. Recognizers that name
// things (native names, parenthesized aliases, division lists) run first,
// then a scan types every proper-noun phrase, then the relation patterns
// read facts between the mentions found.
func (x *extraction) sentence(s Sentence) {
	x.sent = s
	x.base = s.Span.Start
	x.text = mask(x.d.Slice(s.Span))
	x.lower = strings.ToLower(x.text)
	x.grams.set(x.lower)
	x.plain = plainLower(x.text)
	x.toks, x.tokOK = x.toks[:0], false
	x.ments = x.ments[:0]
	x.subject = nil

	x.nativeNames()
	x.divisions()
	x.parenAliases()
	if len(x.d.Links) > 0 {
		x.wikiLinks()
	}
	x.scan()
	x.findSubject()
	for _, rule := range sentenceRules {
		rule(x)
	}
	if len(x.d.Links) > 0 {
		x.wikiTitles()
	}
	if x.subject != nil {
		x.prev = x.subject
	}
	last := -1
	for _, m := range x.ments {
		if m.e.Type == Person && m.start > last {
			x.lastPerson, last = m.e, m.start
		}
	}
}

// sentenceRules are the relation recognizers, small and independent.
var sentenceRules = []func(*extraction){
	(*extraction).legislatures,
	(*extraction).factbook,
	(*extraction).listRow,
	(*extraction).holders,
	(*extraction).successions,
	(*extraction).presidentialWinners,
	(*extraction).thePost,
	(*extraction).powers,
	(*extraction).appointedBy,
	(*extraction).chairs,
	(*extraction).seats,
	(*extraction).terms,
	(*extraction).inception,
	(*extraction).statePeriod,
	(*extraction).independence,
	(*extraction).dissolution,
	(*extraction).ranking,
	(*extraction).publishedBy,
	(*extraction).includes,
	(*extraction).partOf,
	(*extraction).capital,
	(*extraction).memberOf,
	(*extraction).memberAmong,
	(*extraction).accession,
	(*extraction).joined,
	(*extraction).countryOf,
	(*extraction).institutionCountry,
	(*extraction).cityRegions,
	(*extraction).parties,
	(*extraction).createdLead,
	(*extraction).events,
	(*extraction).branches,
	(*extraction).headedBy,
	(*extraction).appositions,
	(*extraction).roleAppositions,
	(*extraction).resignations,
	(*extraction).inOffice,
	(*extraction).headsOfBodies,
	(*extraction).elections,
}

// ent adds an entity mentioned at sentence offsets [i, j) and records the
// mention.
func (x *extraction) ent(t Type, name string, i, j int, aliases ...string) *Entity {
	for _, a := range x.parens[nameKey(name)] {
		aliases = append(aliases, a)
	}
	e := x.r.add(t, name, x.span(i, j), aliases...)
	if e != nil {
		x.ments = append(x.ments, mention{i, j, e})
	}
	return e
}

// at returns the entity mentioned over sentence offsets [i, j), if any.
func (x *extraction) at(i, j int) *Entity {
	var best *mention
	for k := range x.ments {
		m := &x.ments[k]
		if m.start < j && i < m.end && (best == nil || m.end-m.start > best.end-best.start) {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	return best.e
}

// resolve returns the entity a phrase at [i, j) names: one already
// mentioned there, one known by that name, or a new one of type def (when
// def is not empty).
func (x *extraction) resolve(i, j int, def Type) *Entity {
	if i < 0 || j <= i {
		return nil
	}
	if e := x.at(i, j); e != nil {
		return e
	}
	name, drop := trimLead(x.raw(i, j))
	i += drop
	if t, ok := x.classify(name); ok {
		if t == Office {
			return x.officeEntity(name, x.span(i, j))
		}
		return x.ent(t, name, i, j)
	}
	if e := x.r.findAny(name); e != nil {
		x.ments = append(x.ments, mention{i, j, e})
		return e
	}
	if def == "" {
		return nil
	}
	if def == Person {
		if loc := officeRE.FindStringIndex(name); loc != nil {
			i += loc[1] + 1 // "Finance Minister Zurab Nogaideli"
		}
		if loc := honorificRE.FindStringIndex(x.raw(min(i, j), j)); loc != nil {
			i += loc[1]
		}
		if i >= j {
			return nil
		}
		name = x.raw(i, j)
		if p := x.r.person(name); p != nil {
			x.ments = append(x.ments, mention{i, j, p})
			return p
		}
		if !looksLikePerson(name) {
			return nil
		}
	}
	return x.ent(def, name, i, j)
}

// raw returns the original text at sentence offsets [i, j).
func (x *extraction) raw(i, j int) string { return x.d.Text[x.base+i : x.base+j] }

// looksLikePerson says whether a phrase can be a person's name: one to
// four capitalized words, none of them a head noun, not a country.
func looksLikePerson(name string) bool {
	f := strings.Fields(name)
	if len(f) < 1 || len(f) > 4 {
		return false
	}
	for k, w := range f {
		if nameParticles[w] && k > 0 && k < len(f)-1 {
			continue // "Paul von Hindenburg"
		}
		if i := strings.IndexByte(w, '-'); i > 0 && k > 0 && articlePrefixes[w[:i]] {
			w = w[i+1:] // "Faisal al-Fayez"
		}
		if !startsUpper(w) || heads[w] != "" || leadStop[w] || officeWords[w] {
			return false
		}
	}
	if _, isCity := gazetteer.CityByName(name); isCity {
		return false
	}
	_, isCountry := gazetteer.CountryByName(name)
	return !isCountry
}

// nameParticles are the lower-case words inside persons' names, as namePat
// allows them.
var nameParticles = map[string]bool{"von": true, "van": true, "de": true, "da": true,
	"di": true, "del": true, "der": true, "den": true, "du": true, "bin": true, "ibn": true,
	"ben": true, "al": true, "el": true, "arap": true}

// articlePrefixes are the lower-case articles joined by a hyphen to a
// capitalized name ("al-Fayez", "el-Sisi"), as capW allows them.
var articlePrefixes = map[string]bool{"al": true, "el": true, "ad": true, "ar": true,
	"as": true, "at": true, "an": true, "az": true, "ash": true, "ud": true, "ul": true,
	"abu": true}

// officeWords are the words of office titles, which are no part of a
// person's name.
var officeWords = map[string]bool{"President": true, "Minister": true, "Premier": true,
	"Chancellor": true, "Speaker": true, "Chairman": true, "Chairwoman": true,
	"Chairperson": true, "Governor": true, "Mayor": true, "Secretary": true,
	"Deputy": true, "Vice": true, "Prime": true, "Prosecutor": true, "Ombudsman": true,
	"Leader": true, "Head": true, "King": true, "Queen": true, "Emir": true,
	"Emperor": true, "Empress": true, "Tsar": true, "Czar": true, "Shah": true,
	"Regent": true, "Viceroy": true, "Caliph": true, "Pharaoh": true, "Doge": true,
	"Patriarch": true, "Catholicos-Patriarch": true,
	"Sultan": true, "General": true, "Foreign": true, "Finance": true, "Defence": true,
	"Defense": true, "Interior": true, "Justice": true, "Acting": true, "First": true}

var (
	nativeRE = pat(`({NP})\s*\(([\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?):\s*([^,;()]+?)(?:[,;]\s*([^()]+?))?\)`)
	npRE     = pat(`{NP}`)
	npAndRE  = pat(`{NP}(?: and {NP})?`)
)

// nativeNames reads "X (Kazakh: Қазақстан…, Qazaqstan…)": the first name
// in the language, a second one in another script (a transliteration).
func (x *extraction) nativeNames() {
	if !x.has(":") {
		return
	}
	for _, m := range x.findAll(nativeRE) {
		lang, ok := gazetteer.LanguageByName(x.raw(m[4], m[5]))
		if !ok {
			continue
		}
		e := x.resolve(m[2], m[3], "")
		if e == nil {
			continue
		}
		for _, g := range [][2]int{{m[6], m[7]}, {m[8], m[9]}} {
			if g[0] < 0 {
				continue
			}
			text := strings.TrimSpace(x.raw(g[0], g[1]))
			// "romanized: Voulí ton Ellínon" is the name in Latin letters;
			// "lit. 'House of the Nation'" and "IPA: …" are no names.
			if loc := romanizedRE.FindStringIndex(text); loc != nil {
				text = strings.TrimSpace(text[loc[1]:])
			} else if noNameRE.MatchString(text) {
				continue
			}
			if text == "" {
				continue // "(Russian: )"
			}
			tag := lang.Code
			if sc := scriptOf(text); sc != "" && lang.Script != "" && sc != lang.Script {
				tag += "-" + sc
			}
			x.r.label(e, text, tag)
		}
	}
}

var (
	romanizedRE = regexp.MustCompile(`^(?i:romani[sz]ed|transliterated|translit\.|latin):\s*`)
	noNameRE    = regexp.MustCompile(`^(?i:lit\.|trans\.|(?:literally|IPA|pronounced|meaning|translation)\b)`)
)

// scriptOf names the ISO 15924 script of the letters of s, when it is one
// of the common ones.
func scriptOf(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				return sc.code
			}
		}
		return ""
	}
	return ""
}

// scripts pairs Unicode script tables with their ISO 15924 codes.
var scripts = []struct {
	table *unicode.RangeTable
	code  string
}{
	{unicode.Latin, "Latn"}, {unicode.Cyrillic, "Cyrl"}, {unicode.Arabic, "Arab"},
	{unicode.Georgian, "Geor"}, {unicode.Armenian, "Armn"}, {unicode.Greek, "Grek"},
	{unicode.Han, "Hani"}, {unicode.Hebrew, "Hebr"}, {unicode.Devanagari, "Deva"},
	{unicode.Thai, "Thai"}, {unicode.Hangul, "Hang"}, {unicode.Bengali, "Beng"},
	{unicode.Ethiopic, "Ethi"}, {unicode.Mongolian, "Mong"}, {unicode.Tibetan, "Tibt"},
	{unicode.Khmer, "Khmr"}, {unicode.Lao, "Laoo"}, {unicode.Myanmar, "Mymr"},
	{unicode.Sinhala, "Sinh"}, {unicode.Tamil, "Taml"}, {unicode.Hiragana, "Jpan"},
	{unicode.Katakana, "Jpan"},
}

var (
	dividedRE  = pat(`({NP}) is (?:divided|subdivided|split) into {NUM} (?:\w+ )?(regions|provinces|oblasts|districts|governorates|counties|states|municipalities|prefectures|cantons|departments|territories|velayats|viloyats)\b`)
	citiesOfRE = pat(`\b(?:cities|city)\b[^.:]*?\bof ((?:{NP},?\s+)+and\s+{NP})`)
	// "… 14 regions: A, B, C", "The regions include A, B and C".
	capitalAreaRE = regexp.MustCompile(`(?i)\bcapital(?: (?:territory|city|district|region)\b|,)`)
	listHeadRE    = regexp.MustCompile(`(?i)\b(regions|provinces|oblasts|districts|governorates|counties|municipalities|prefectures|cantons|departments|velayats|viloyats|states|territories)\b(?:[^:]*:| (?:include|includes|are|comprise) (?:the )?)`)
	itemRE        = pat(`({NP})\s*(\*?)\s*(?:\(({NP})(?:[,;][^)]*)?\))?`)
)

// divisions reads "X is divided into 16 regions … of A, B, and C" and the
// lists "A (centre), B (centre), C*": each item a division named with the
// division word ("Abai Region"), its centre in parentheses a city and its
// capital, and starred items cities.
func (x *extraction) divisions() {
	container := x.r.country
	if !x.has("divided", "split", ":", " include", " are ", " comprise") {
		return
	}
	// "Georgia is divided into 2 autonomous republics, 9 regions, and a
	// capital territory": the capital is one of the divisions.
	if c := x.r.country; c != nil && x.has("divided into") && capitalAreaRE.MatchString(x.text) {
		x.capitalArea = true
		if city := x.capitalOf(c); city != nil {
			x.sfact(c, ContainsArea, ref(city))
		}
	}
	divided := false
	if m := x.findFirst(dividedRE); m != nil {
		divided = true
		if c := x.resolve(m[2], m[3], ""); c != nil && (c.Type == Country || c.Type == AdministrativeArea) {
			container = c
		}
		x.unit = unitNoun(x.text[m[6]:m[7]])
		if cm := x.findFirst(citiesOfRE); cm != nil {
			for _, it := range npRE.FindAllStringIndex(x.text[cm[2]:cm[3]], -1) {
				i, j := cm[2]+it[0], cm[2]+it[1]
				if city := x.ent(City, x.raw(i, j), i, j); city != nil && container != nil {
					x.sfact(container, ContainsArea, ref(city))
				}
			}
		}
		if !strings.Contains(x.text[m[1]:], ":") {
			return // the list, if any, follows in the next sentence
		}
	}
	if x.labelledList(container) {
		return
	}
	lm := x.findFirst(listHeadRE)
	if lm == nil || strings.Count(x.text[:lm[1]], "(") != strings.Count(x.text[:lm[1]], ")") {
		return // no list, or a colon inside parentheses ("in Tajik: …")
	}
	if w := strings.ToLower(x.text[lm[2]:lm[3]]); (w == "states" || w == "territories") && !divided {
		return // "27 member states: Austria, …" lists no divisions
	}
	unit := x.unit
	if unit == "" {
		unit = unitNoun(x.text[lm[2]:lm[3]])
	}
	list := lm[1]
	items := itemRE.FindAllStringSubmatchIndex(x.text[list:], -1)
	if len(items) < 3 {
		return
	}
	for _, it := range items {
		for k := range it {
			if it[k] >= 0 {
				it[k] += list
			}
		}
		name := x.raw(it[2], it[3])
		if name == "" {
			continue
		}
		if it[5] > it[4] { // starred: a city with the status of a division
			if city := x.ent(City, name, it[2], it[5]); city != nil {
				x.sfact(container, ContainsArea, ref(city))
			}
			continue
		}
		// "Abai Region", "Ahal Province": the unit word is part of the
		// name; a state, territory or county goes by its name alone
		// ("Alabama", "Kent").
		full := name
		if !strings.HasSuffix(name, " "+unit) && !bareUnits[unit] {
			full = name + " " + unit
		}
		area := x.ent(AdministrativeArea, full, it[2], it[3], name)
		x.sfact(container, ContainsArea, ref(area))
		if it[6] >= 0 {
			if centre := x.ent(City, x.raw(it[6], it[7]), it[6], it[7]); centre != nil {
				x.sfact(area, Capital, ref(centre))
			}
		}
	}
}

var (
	parenRE  = pat(`({NP})\s*\((?:the\s+)?({NP}|\p{Lu}{2,8})\)`)
	abbrevRE = pat(`\b(\p{Lu}{2,8})\s*\((?:the\s+)?({NP})\)`)
)

// parenAliases reads "National Security Committee (NSC)", "the Assembly
// (Mäjilis)" and "UTO (United Tajik Opposition)": the two forms name one
// entity. A body named by generic words takes the native name in
// parentheses as its name unless the two are cognates ("Senate (Senat)").
func (x *extraction) parenAliases() {
	if x.parens == nil {
		x.parens = map[string][]string{}
	}
	if !x.has("(") {
		return
	}
	x.acronymNames()
	// `Vladimer ("Lado") Gurgenidze`: a person known also by a nickname.
	for _, m := range x.near(nicknameRE, 40, "(\"", "(“") {
		first, nick, last := x.raw(m[2], m[3]), x.raw(m[4], m[5]), x.raw(m[6], m[7])
		if x.at(m[2], m[7]) == nil && looksLikePerson(first+" "+last) {
			x.ent(Person, first+" "+last, m[2], m[7], nick+" "+last)
		}
	}
	for _, m := range x.near(abbrevRE, 12, "(") {
		long := x.raw(m[4], m[5])
		if t, ok := x.classify(long); ok && t != Office {
			x.ent(t, long, m[4], m[5], x.raw(m[2], m[3]))
		}
	}
	for _, m := range x.near(parenRE, 120, "(") {
		outer, drop := trimLead(x.raw(m[2], m[3]))
		i := m[2] + drop
		inner := x.raw(m[4], m[5])
		if x.at(i, m[3]) != nil && x.at(m[4], m[5]) != nil {
			continue // a division and its centre
		}
		if _, isLang := gazetteer.LanguageByName(inner); isLang {
			continue
		}
		t, ok := x.classify(outer)
		if !ok {
			// "the Lok Sabha (House of the People)", "Fidesz (Hungarian
			// Civic Alliance)": a native name glossed in English names a
			// body of the gloss's type, by its native name.
			gt, gok := x.classify(inner)
			if gok && (gt == GovernmentOrganization || gt == PoliticalParty || gt == Organization) && x.at(i, m[3]) == nil && (gt == GovernmentOrganization || !looksLikePerson(outer)) {
				if x.ent(gt, outer, i, m[5], inner) != nil {
					continue
				}
			}
			x.parens[nameKey(outer)] = append(x.parens[nameKey(outer)], inner)
			continue
		}
		if t == Office || t == Country {
			continue
		}
		name, alias := outer, inner
		if allGeneric(outer) && !cognate(outer, inner) && !isAcronym(inner) {
			name, alias = inner, outer
			if x.r.country != nil {
				x.r.alias(x.ent(t, name, i, m[5], alias), outer+x.r.ofCountry)
				continue
			}
		}
		x.ent(t, name, i, m[5], alias)
	}
}

var nicknameRE = regexp.MustCompile(`\b(\p{Lu}[\p{L}\p{M}]+) \(["“](\p{Lu}[\p{L}\p{M}]+)["”]\) (\p{Lu}[\p{L}\p{M}\x{2019}-]+)`)

var acronymRE = regexp.MustCompile(`\((\p{Lu}{2,8})\)`)

// acronymNames reads a name joined by "and" before its acronym, which the
// acronym's letters delimit: "National Assessment and Examination Centre
// (NAEC)".
func (x *extraction) acronymNames() {
	for _, loc := range x.findAll(acronymRE) {
		letters := []rune(x.text[loc[2]:loc[3]])
		end := len(strings.TrimRight(x.text[:loc[0]], " "))
		toks := tokensOf(x.text[:end])
		k, start := len(letters)-1, -1
		for t := len(toks) - 1; t >= 0 && k >= 0; t-- {
			w := x.text[toks[t].Start:toks[t].End]
			if w == "and" || w == "of" || w == "for" || w == "the" || w == "on" || w == "in" {
				continue
			}
			if r := []rune(w); !startsUpper(w) || r[0] != letters[k] {
				break
			}
			if k--; k < 0 {
				start = toks[t].Start
			}
		}
		if start < 0 || !strings.Contains(x.text[start:end], " and ") {
			continue // names without "and" are the phrase rules'
		}
		long := x.raw(start, end)
		if t, ok := x.classify(long); ok && t != Office && t != Country {
			x.ent(t, long, start, end, x.raw(loc[2], loc[3]))
		}
	}
}

func allGeneric(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(s) >= 2
}

// cognate says whether two names share their first four letters (after
// folding accents): "Senate"/"Senat", "Parliament"/"Parlamenti".
func cognate(a, b string) bool {
	a, b = nameKey(a), nameKey(b)
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4
}

var (
	titleNameAt = regexp.MustCompile(`^(?:` + titleNameRE.String() + `)`)
	titleNameRE = pat(`(?:\b(?:[Tt]hen|[Ff]ormer|[Ee]x)-?\s*)?({OFF})\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?({NAME})`)
	lowerOffRE  = regexp.MustCompile(`\b(?:[Tt]he|and|or|[Tt]hen-|[Ff]ormer)\s*((?:(?:first|vice|deputy|acting)[ -])*(?:president|prime minister|premier|chancellor|speaker))\b`)
	cityOfRE    = pat(`\b[Cc]ity of ({NP})`)
	ownedRE     = pat(`({NAME})\x01s ({NP})`)
)

// scan types every proper-noun phrase of the sentence by its own words,
// reads "Title Name" as a person holding an office, and resolves short
// names ("Tokayev") and lower-case offices ("the president").
func (x *extraction) scan() {
	if x.has("city of", " cities", " towns") {
		x.citiesOf()
	}
	if x.has("\x01") {
		x.leaderBodies()
	}
	if x.has(officeKeys...) {
		x.titles()
	}
	x.names()
	if x.has(" cabinet", " government") {
		x.namedCabinets()
	}
}

// namedCabinetRE matches a cabinet named after its head: "the Michal
// cabinet", "the second Orbán government".
var namedCabinetRE = pat(`\b[Tt]he ((?:first|second|third|fourth|fifth) )?({NAME}) ([Cc]abinet|[Gg]overnment)\b`)

// namedCabinets reads a cabinet named after a person the text knows as
// the "Michal Cabinet" (as "Mamin's Cabinet" is the "Mamin Cabinet").
func (x *extraction) namedCabinets() {
	for _, m := range x.findAll(namedCabinetRE) {
		owner := x.raw(m[4], m[5])
		p := x.r.person(owner)
		if p == nil || p.Type != Person {
			continue // only a person already named
		}
		name := owner + " " + capitalize(x.raw(m[6], m[7]))
		if m[2] >= 0 {
			name = capitalize(x.raw(m[2], m[3])) + name
		}
		x.ent(GovernmentOrganization, name, m[4], m[7], x.raw(max(m[2], m[4]), m[7]))
	}
}

// anchored returns the matches of re (which must start with "^") at the
// starts of the sentence's words for which start is true, left to right
// and not overlapping, as FindAllStringSubmatchIndex would: trying a
// pattern only where it can begin is much cheaper than scanning for it.
func (x *extraction) anchored(re *regexp.Regexp, start func(w string) bool) [][]int {
	if !x.may(re, 0, len(x.text)) {
		return nil
	}
	var pre prefixSet
	if x.plain {
		pre = prefixesOf(re)
	}
	var out [][]int
	end := 0
	for _, t := range x.tokens() {
		if t.Start < end || !start(x.text[t.Start:t.End]) || !pre.begins(x.lower[t.Start:]) {
			continue
		}
		m := re.FindStringSubmatchIndex(x.text[t.Start:min(len(x.text), t.Start+400)])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += t.Start
			}
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

// officeStart says whether a word can begin an office title (or "Then-").
func officeStart(w string) bool {
	w = strings.ToLower(w)
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	return officeStartWords[w]
}

var officeStartWords = map[string]bool{}

func init() {
	// Every word of officeHeadPat (a superset of the words a title can
	// begin with), and the words of time before a title.
	words := regexp.MustCompile(`[A-Za-z]+`).FindAllString(officeHeadPat, -1)
	for _, w := range append(words, "then", "former", "ex") {
		officeStartWords[strings.ToLower(w)] = true
	}
}

// near runs re only around (from before bytes before to 160 after) the places where one of the lower-case key
// words occurs, and returns its matches that span such a place, as
// FindAllStringSubmatchIndex would on the whole sentence. A pattern that
// cannot match without a key word thus costs little on sentences that have
// it only once.
func (x *extraction) near(re *regexp.Regexp, before int, keys ...string) [][]int {
	var at []int
	for _, k := range keys {
		if !x.grams.may(k) {
			continue // not in the sentence
		}
		for i := 0; ; {
			j := strings.Index(x.lower[i:], k)
			if j < 0 {
				break
			}
			at = append(at, i+j)
			i += j + len(k)
		}
	}
	if len(at) == 0 {
		return nil
	}
	if !x.may(re, 0, len(x.text)) {
		return nil // no match anywhere in the sentence
	}
	sort.Ints(at)
	var out [][]int
	for w := 0; w < len(at); {
		// One window for every run of key words close together.
		lo := max(0, at[w]-before)
		for lo > 0 && x.text[lo-1] != ' ' {
			lo--
		}
		last := w
		for last+1 < len(at) && at[last+1]-before <= at[last]+160 {
			last++
		}
		hi := min(len(x.text), at[last]+160)
		if !x.may(re, lo, hi) {
			w = last + 1
			continue // no match in the window
		}
		// A match must span a key word: none begins after the last.
		for _, m := range wordStartsUpTo(re, x.text[lo:hi], at[last]-lo) {
			spans := false
			for _, k := range at[w : last+1] {
				spans = spans || m[0]+lo <= k && k < m[1]+lo
			}
			if !spans {
				continue
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += lo
				}
			}
			out = append(out, m)
		}
		w = last + 1
	}
	return out
}

// officeKeys are the lower-case words without which no office is named.
var officeKeys = []string{"president", "minister", "premier", "chancellor", "speaker",
	"chair", "governor", "mayor", "ombudsman", "prosecutor", "secretary", "king", "queen",
	"emir", "sultan", "monarch", "leader", "justice", "attorney", "emperor", "empress", "tsar", "czar", "shah",
	"head of government", "regent", "viceroy", "vizier", "caliph", "pharaoh", "doge",
	"stadtholder", "patriarch"}

// citiesOf reads "the city of Baikonur".
func (x *extraction) citiesOf() {
	// "Mombasa, Kisumu and Nakuru are other major cities".
	for _, m := range x.near(citiesAreRE, 200, " cities", " towns") {
		for _, it := range findAll(npRE, x.text[m[2]:m[3]]) {
			i, j := m[2]+it[0], m[2]+it[1]
			if x.at(i, j) == nil {
				if _, ok := x.classify(x.raw(i, j)); !ok {
					x.ent(City, x.raw(i, j), i, j)
				}
			}
		}
	}
	for _, m := range x.findAll(cityOfRE) {
		if x.at(m[2], m[3]) == nil {
			if _, ok := x.classify(x.raw(m[2], m[3])); !ok {
				x.ent(City, x.raw(m[2], m[3]), m[2], m[3])
			}
		}
	}
}

// bareUnits are the division words a division's name goes without.
var bareUnits = map[string]bool{"State": true, "Territory": true, "County": true}

// citiesAreRE matches a list of names said to be cities.
var citiesAreRE = pat(`((?:{NP},\s+)*{NP},?\s+and\s+{NP}) (?:are|were) (?:the |also |all )?(?:(?:other|major|main|largest|principal|important|big|biggest|chief)\s+)*(?:cities|towns)\b`)

// leaderBodies reads "Mamin's Cabinet": a body named after a person is the
// "Mamin Cabinet".
func (x *extraction) leaderBodies() {
	for _, m := range x.near(ownedRE, 60, "\x01") {
		owner, body := x.raw(m[2], m[3]), x.raw(m[4], m[5])
		if _, isCountry := gazetteer.CountryByName(owner); isCountry || !looksLikePerson(owner) {
			continue
		}
		if t, ok := x.classify(body); ok && t == GovernmentOrganization && leaderBodyRE.MatchString(body) {
			x.ent(t, owner+" "+body, m[2], m[5], x.raw(m[2], m[5]))
		}
	}
}

// titles reads "Title Name" as a person holding an office, and lower-case
// offices ("the president") as the country's.
func (x *extraction) titles() {
	for _, m := range x.anchored(titleNameAt, officeStart) {
		oi, oj, ni, nj := x.splitOfficePerson(m[2], m[3], m[4], m[5])
		name := x.raw(ni, nj)
		if !looksLikePerson(name) || x.at(ni, nj) != nil {
			continue
		}
		if _, ok := x.classify(name); ok {
			continue
		}
		p := x.r.person(name)
		if p == nil && len(strings.Fields(name)) < 2 {
			continue // "deputy governor of Kvemo Kartli": one word is no name
		}
		// A title before a name says it is a person's, even when the
		// office itself is too vague to name ("parliament Speaker X").
		if p == nil {
			p = x.ent(Person, name, ni, nj)
		} else {
			x.ments = append(x.ments, mention{ni, nj, p})
		}
		off := x.officeEntity(x.raw(oi, oj), x.span(oi, oj))
		if off == nil && parliamentBeforeRE.MatchString(x.text[:oi]) {
			// "parliament Speaker Karen Demirchyan": the speaker of the
			// country's legislature.
			if leg := x.legislature(); leg != nil && presidingRE.MatchString(x.raw(oi, oj)+" of X") {
				off = x.officeEntity(x.raw(oi, oj)+" of the "+leg.Name, x.span(oi, oj))
				if loc := parliamentBeforeRE.FindStringIndex(x.text[:oi]); off != nil && loc != nil {
					x.r.alias(off, x.raw(loc[0], oj)) // as the text names it
				}
			}
		}
		if off != nil {
			x.ments = append(x.ments, mention{oi, oj, off})
			x.sfact(p, PositionHeld, ref(off), append(x.diedInOffice(m[0], nj), x.termAfter(nj)...)...)
		}
	}
	for _, m := range x.near(lowerOffRE, 48, officeKeys...) {
		if x.at(m[2], m[3]) != nil || m[3] < len(x.text) && x.text[m[3]] == 's' {
			continue
		}
		if off := x.officeEntity(x.raw(m[2], m[3]), x.span(m[2], m[3])); off != nil {
			x.ments = append(x.ments, mention{m[2], m[3], off})
		}
	}
}

// parliamentBeforeRE matches "parliament" right before a title.
var parliamentBeforeRE = regexp.MustCompile(`(?i)\b(?:parliament|parliamentary|parliament\x01s|legislature\x01s)\s+$`)

var (
	// A term right after a holder's name or office: "(1990–1997)", "(in
	// office 1997–2001)", ", in office since 24 December 2020", " took
	// office in February 2023".
	termParenRE  = pat(`^\s*\((?:in office |served |r\. )?({DATE})\s*[–—-]\s*({DATE}|present|incumbent)\)`)
	termSinceRE  = pat(`^,? (?:in office )?since ({DATE})`)
	tookOfficeRE = pat(`^,? (?:took office|assumed office|was sworn in|was inaugurated) (?:on|in) ({DATE})`)
)

// termAfter reads the term that follows a holder's name or office at end.
func (x *extraction) termAfter(end int) []Qualifier {
	rest := x.text[end:]
	if !strings.ContainsAny(rest, "0123456789") {
		return nil
	}
	if m := termParenRE.FindStringSubmatchIndex(rest); m != nil {
		var q []Qualifier
		if d, ok := dateAt(rest[m[2]:m[3]]); ok {
			q = append(q, Qualifier{StartTime, DateOf(d)})
		}
		if d, ok := dateAt(rest[m[4]:m[5]]); ok {
			q = append(q, Qualifier{EndTime, DateOf(d)})
		}
		return q
	}
	for _, re := range []*regexp.Regexp{termSinceRE, tookOfficeRE} {
		if m := re.FindStringSubmatchIndex(rest); m != nil {
			return startQual(rest[m[2]:m[3]])
		}
	}
	return nil
}

var (
	diedAfterRE   = regexp.MustCompile(`^,?\s+(?:died|was assassinated|was killed|was murdered)\b`)
	deathOfRE     = regexp.MustCompile(`\b(?:assassination|death|killing|murder) of (?:the )?$`)
	onDateLaterRE = pat(`^[^.;]{0,120}? (?:on|in) ({DATE})`)
)

// diedInOffice gives the end of a term that a death ends: "On 3 February
// 2005, Prime Minister X died", "the assassination of Prime Minister X …
// on 27 October 1999" (the title-name phrase spans [start, end)).
func (x *extraction) diedInOffice(start, end int) []Qualifier {
	if !diedAfterRE.MatchString(x.text[end:]) && !deathOfRE.MatchString(x.text[:start]) {
		return nil
	}
	if lead := leadDateRE.FindString(x.text[:start]); lead != "" {
		if d, ok := dateAt(lead); ok {
			return []Qualifier{{EndTime, DateOf(d)}}
		}
	}
	if m := onDateLaterRE.FindStringSubmatchIndex(x.text[end:]); m != nil {
		if d, ok := dateAt(x.text[end+m[2] : end+m[3]]); ok {
			return []Qualifier{{EndTime, DateOf(d)}}
		}
	}
	return nil
}

// names types every proper-noun phrase by its own words, resolves short
// names ("Tokayev"), finds persons by their context, and the country's own
// bodies and the country itself named in lower case.
func (x *extraction) names() {
	for _, m := range x.phrases() {
		name, drop := trimLead(x.raw(m[0], m[1]))
		i, j := m[0]+drop, m[1]
		if x.at(i, j) != nil || name == "" {
			continue
		}
		if t, ok := x.classify(name); ok {
			if t == Office {
				if k := portfolioEnd(name); k > 0 {
					j, name = i+k, name[:k] // the holder's name follows
				}
				if off := x.officeEntity(name, x.span(i, j)); off != nil {
					x.ments = append(x.ments, mention{i, j, off})
				}
				continue
			}
			x.ent(t, name, i, j)
			continue
		}
		if p := x.r.person(name); p != nil {
			x.ments = append(x.ments, mention{i, j, p})
			continue
		}
		if e := x.r.findAny(name); e != nil {
			x.ments = append(x.ments, mention{i, j, e})
			continue
		}
		if x.personContext(name, i, j) {
			x.ent(Person, name, i, j)
		}
	}
	if x.has("unicameral") {
		if m := x.findFirst(unicameralRE); m != nil {
			if e := x.at(m[2], m[3]); e != nil && e.Type == GovernmentOrganization {
				x.unicameral = e
			}
		}
	}
	// "the country": the document's country.
	for _, m := range x.near(theCountryRE, 4, "the country", "the state", "the republic") {
		if x.r.country != nil && x.at(m[0], m[1]) == nil && !strings.HasPrefix(x.text[m[1]:], "\x01") {
			x.ments = append(x.ments, mention{m[0], m[1], x.r.country})
		}
	}
	// "the government", "parliament": the country's own bodies.
	for _, m := range x.near(institutionRE, 4, "government", "parliament", "legislature") {
		if x.at(m[2], m[3]) != nil || x.r.country == nil {
			continue
		}
		word := capitalize(strings.ToLower(x.text[m[2]:m[3]]))
		if e := x.r.find(GovernmentOrganization, word+x.r.ofCountry); e != nil {
			x.ments = append(x.ments, mention{m[2], m[3], e})
		}
	}
}

// leaderBodyRE matches bodies named after their leader ("Mamin's Cabinet").
var leaderBodyRE = regexp.MustCompile(`^(?:Cabinet|Government|Administration|Ministry)$`)

var (
	unicameralRE  = pat(`\b[Uu]nicameral (?:legislature,? (?:the )?|parliament,? (?:the )?)?({NP})`)
	institutionRE = regexp.MustCompile(`\b(?:the |of |The )?(government|parliament|legislature)\b`)
	theCountryRE  = regexp.MustCompile(`\b[Tt]he (country|state|republic)\b`)
)

// findSubject takes the entity named at the start of the sentence as its
// subject; "It" and "They" continue the previous sentence's subject.
func (x *extraction) findSubject() {
	t := strings.TrimLeft(x.text, " ")
	if strings.HasPrefix(t, "It ") || strings.HasPrefix(t, "They ") {
		x.subject = x.prev
		return
	}
	first := -1
	for _, m := range x.ments {
		if first < 0 || m.start < x.ments[first].start {
			first = indexOf(x.ments, m)
		}
	}
	if first < 0 {
		return
	}
	m := x.ments[first]
	// "Kazakhstan's National Security Committee": the owned body is the subject.
	if strings.HasPrefix(x.text[m.end:], "\x01s ") || strings.HasPrefix(x.text[m.end:], "\x01\x01\x01s ") {
		next := -1
		for k, n := range x.ments {
			if n.start > m.end && (next < 0 || n.start < x.ments[next].start) {
				next = k
			}
		}
		if next >= 0 && len(strings.Fields(x.text[m.end:x.ments[next].start])) <= 1 {
			m = x.ments[next]
			x.subject = m.e
			return
		}
	}
	// Only words like "The", "In 1995," may come before the subject.
	if len(strings.Fields(x.text[:m.start])) <= 2 {
		x.subject = m.e
	}
}

func indexOf(ms []mention, m mention) int {
	for i := range ms {
		if ms[i] == m {
			return i
		}
	}
	return -1
}

// honorificRE matches courtesy titles before a name.
var honorificRE = regexp.MustCompile(`^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Madam|Lord|Lady)\.?\s+`)

// splitOfficePerson moves the words after a country from an office title
// to the name that follows it ("Prime Minister of Georgia Zurab" +
// "Nogaideli"), and drops courtesy titles from the name. It takes and
// returns sentence offsets of the office [oi, oj) and the name [ni, nj).
func (x *extraction) splitOfficePerson(oi, oj, ni, nj int) (int, int, int, int) {
	k := countryEnd(x.text[oi:oj])
	if k < 0 {
		k = portfolioEnd(x.text[oi:oj])
	}
	if k > 0 && oi+k < oj {
		ni = oi + k
		for ni < nj && x.text[ni] == ' ' {
			ni++
		}
		oj = oi + k
	}
	if loc := honorificRE.FindStringIndex(x.text[ni:nj]); loc != nil {
		ni += loc[1]
	}
	return oi, oj, ni, nj
}

// phrases returns the proper-noun phrases of the sentence, cut after a
// country named inside one ("Ministry of Justice of Georgia Bachana
// Akhalaia" is a body and a person).
func (x *extraction) phrases() [][2]int {
	var out [][2]int
	nps := x.findAll(npRE)
	for k := 0; k < len(nps); k++ {
		m := nps[k]
		i, j := m[0], m[1]
		// "Ministry for European and Euro-Atlantic Integration": a body's
		// portfolio joined by "and" is one name when what follows "and"
		// names no body or office of its own.
		if k+1 < len(nps) && portfolioBodyRE.MatchString(x.text[i:j]) && x.text[j:nps[k+1][0]] == " and " && !namesBody(x.text[nps[k+1][0]:nps[k+1][1]]) {
			j = nps[k+1][1]
			k++
		}
		if !strings.Contains(x.text[i:j], " of ") {
			out = append(out, [2]int{i, j})
			continue
		}
		if mm := ofMonthRE.FindStringIndex(x.text[i:j]); mm != nil {
			j = i + mm[0] // "Rose Revolution of November"
		}
		for {
			cut := -1
			if !strings.Contains(x.text[i:j], " of ") {
				break
			}
			if k := countryEnd(x.text[i:j]); k > 0 && i+k < j {
				cut = i + k
			}
			if cut < 0 {
				break
			}
			out = append(out, [2]int{i, cut})
			i = cut
			for i < j && x.text[i] == ' ' {
				i++
			}
		}
		if i < j {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// portfolioBodyRE matches a body named by its portfolio ("Ministry of
// Labour", "Committee for Youth").
var portfolioBodyRE = regexp.MustCompile(`^(?:The )?(?:Ministry|Department|Committee|Commission|Agency|Office|Directorate|Inspectorate|Service|Party|Union|Movement|Front|Alliance|Coalition|Bloc) (?:of|for) (?:the )?\p{Lu}`)

// namesBody says whether a phrase holds a head noun or an office word, so
// that it names something of its own.
func namesBody(s string) bool {
	for _, w := range strings.Fields(s) {
		if heads[w] != "" || officeWords[w] {
			return true
		}
	}
	_, isCountry := gazetteer.CountryByName(s)
	return isCountry
}

// portfolioWords are the words of ministerial portfolios and of the bodies
// offices belong to ("Minister of Foreign Affairs", "Speaker of the
// National Assembly"): a capitalized word outside them, after an office's
// "of", begins the holder's name ("Minister of Defense Pavel Grachev").
var portfolioWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Defense Defence Foreign Affairs Finance Finances Interior
		Internal Justice Economy Economic Development Health Healthcare Education Science
		Agriculture Energy Culture Transport Transportation Labour Labor Trade Industry
		Environment Emergency Situations Communications Information Tourism Sport Sports
		Youth Social Protection Welfare Digital Foreign Security National State Public
		Works Housing Construction Regional Local Government Refugees Accommodation
		Natural Resources Water Land Relations Integration European Euro-Atlantic Diaspora
		Religious Veterans Family Women Children Civil Service Taxes Revenue Customs
		Statistics Planning Investment Investments Technology Technologies Innovation
		Higher Secondary Territorial Administration Policy Affairs Supreme Council Court
		Assembly Parliament Senate Duma Congress Cabinet Council Ministers Federation
		Republic People's Deputies House Representatives Chamber Legislative Executive
		General Staff Armed Forces Navy Army Air Force Border Guard Police Intelligence
		Services Service Bank Central Committee Commission Electoral Audit Accounts
		Constitutional Judicial Prosecutor Procuracy Presidential Administration Office
		Mineral Mining Oil Gas Forestry Fisheries Food Light Heavy Machine Building
		Telecommunications Post Media Press Arts Heritage Antiquities Labour's Employment
		Migration Ecology Emergencies Civil Aviation Railways Roads Highways Maritime
		Soviet Presidium Rada Majlis Mejlis Khural Kurultai Sejm Seimas Saeima Riigikogu
		Storting Knesset Bundestag Kenesh Sobranie Oliy Sabor Verkhovna Milli Mejlisi
		Jogorku Hural Cortes Diet Althing Eduskunta Folketing Riksdag Oireachtas`) {
		portfolioWords[w] = true
	}
}

// portfolioEnd returns the offset in s after an office's complement made
// only of portfolio words and connectors, when a name follows; else -1.
func portfolioEnd(s string) int {
	loc := officeRE.FindStringIndex(s)
	if countryEnd(s) > 0 || loc == nil || !strings.HasPrefix(s[loc[1]:], " of ") && !strings.HasPrefix(s[loc[1]:], " for ") {
		return -1
	}
	end := -1
	for _, t := range tokensOf(s[loc[1]:]) {
		w := s[loc[1]+t.Start : loc[1]+t.End]
		switch {
		case w == "of" || w == "for" || w == "the" || w == "and":
			continue
		case portfolioWords[w]:
			end = loc[1] + t.End
		default:
			if end < 0 || !startsUpper(w) {
				return -1
			}
			return end
		}
	}
	return -1
}

// countryEnd returns the offset in s just after the first "of [the]
// Country" with one or two capitalized words naming a country, or -1.
func countryEnd(s string) int {
	for _, m := range ofCountryInRE.FindAllStringSubmatchIndex(s, -1) {
		words := strings.Fields(s[m[2]:m[3]])
		for n := len(words); n >= 1; n-- {
			name := strings.Join(words[:n], " ")
			if _, ok := gazetteer.CountryByName(name); ok {
				return m[2] + len(name)
			}
		}
	}
	return -1
}

var ofMonthRE = regexp.MustCompile(` of (?:January|February|March|April|May|June|July|August|September|October|November|December)\b`)

var ofCountryInRE = regexp.MustCompile(`\bof (?:the )?(\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*)?)\b`)

var (
	// Words before a name that say it is a person's: roles and titles.
	personBeforeRE = regexp.MustCompile(`(?i)\b(?:(?:headed|led|chaired|replaced|succeeded|defeated|nominated|appointed|won) by(?: the)?|votes? (?:went )?to|president|leader|minister|premier|chancellor|tycoon|businessman|businesswoman|speaker|chairman|chairwoman|chairperson|secretary|candidate|head|deputy|governor|mayor|mr|mrs|ms|dr|sir|former|late|patriarch|activist|journalist|general|colonel|ambassador|prosecutor|judge|senator|commander|king|queen|prince|princess|emir|sultan|politician|dissident|writer|poet|opponent|rival|successor|predecessor|incumbent|son|daughter|wife|husband|brother|sister|founder|chief|spokesman|spokeswoman|envoy|ombudsman|advisor|adviser|aide)\.?,?\s+(?:of\s+(?:the\s+)?\p{Lu}[^,]{0,80}?\s+)?$`)
	// Words after a name that say it is a person's: verbs of people and
	// appositions naming a role.
	personAfterRE = regexp.MustCompile(`^(?:\s*\([^)]*\))?,?\s+(?:(?:was|is|had|has|who|would|later|then|also|again|himself|herself)\s+)?(?:resign|said|says|won|wins|lost|became|becomes|took|take|responded|invited|implemented|announced|declared|stated|served|serves|led|leads|died|replaced|succeeded|hoping|elected|re-elected|reelected|inaugurated|appointed|arrested|born|killed|assassinated|sworn|ran|runs|defeated|claimed|argued|proposed|signed|vetoed|dismissed|nominated|named|forced|fled|returned|promised|accused|criticized|criticised|met|visited|received|ordered|decided|approved|refused|rejected|called|founded|headed|chaired|joined|left|married|succeeded|known|implemented|formally)|^,\s+(?:the\s+)?(?:former\s+|then\s+|new\s+|current\s+|acting\s+|interim\s+|popular\s+|long-time\s+|longtime\s+)?(?:deputy\s+|vice\s+|first\s+)?(?:president|leader|minister|prime minister|speaker|chairman|chairwoman|head|secretary|founder|governor|mayor|ambassador|candidate|businessman|tycoon)\b`)
)

// romanRE matches a regnal number ("II", "XIV").
var romanRE = regexp.MustCompile(`^(?:X{0,3})(?:IX|IV|V?I{0,3})$`)

// standalone returns the capitalized words that occur in the document on
// their own, away from other capitalized words and not opening a sentence:
// surnames do ("Ter-Petrosyan was re-elected"), the words of most other
// names do not.
func (x *extraction) standalone() map[string]bool {
	if x.alone != nil {
		return x.alone
	}
	x.alone = map[string]bool{}
	for _, s := range x.d.Sentences {
		text := mask(x.d.Slice(s.Span))
		toks := tokensOf(text)
		for k, t := range toks {
			w := text[t.Start:t.End]
			if k == 0 || !startsUpper(w) {
				continue
			}
			prev := text[toks[k-1].Start:toks[k-1].End]
			if startsUpper(prev) || prev == "of" || prev == "the" && k == 1 {
				continue
			}
			if k+1 < len(toks) && startsUpper(text[toks[k+1].Start:toks[k+1].End]) {
				continue
			}
			x.alone[w] = true
		}
	}
	return x.alone
}

// personContext says whether an untyped phrase of two to four capitalized
// words names a person: a role or title stands before it, a verb of people
// or a role apposition after it, or its last word recurs alone in the
// document as a surname does.
func (x *extraction) personContext(name string, i, j int) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	if before := strings.ToLower(x.text[max(0, i-4):i]); before == "the " {
		return false // "The National Rally was founded …": no person
	}
	for k, w := range f {
		if months[strings.ToLower(w)] != 0 || isAcronym(w) && !(k == len(f)-1 && k > 0 && romanRE.MatchString(w)) {
			return false // a regnal number may end a name: "Ilia II"
		}
	}
	// The context first, the gazetteers (dearer) only for what it admits.
	if !x.standalone()[f[len(f)-1]] && !x.matches(personBeforeRE, max(0, i-80), i) && !x.matches(personAfterRE, j, len(x.text)) {
		return false
	}
	if !looksLikePerson(name) {
		return false
	}
	for _, w := range f {
		if _, ok := gazetteer.CountryByDemonym(w); ok {
			return false
		}
		if _, ok := gazetteer.CountryByName(w); ok {
			return false
		}
	}
	return true
}

var (
	topDivisionRE = regexp.MustCompile(`republic|region|province|oblast|governorate|state|territor|county|krai|okrug|canton|prefecture|velayat|viloyat|mkhare`)
	lowDivisionRE = regexp.MustCompile(`district|municipalit|raion|rayon|commune`)
)

var labelListRE = regexp.MustCompile(`^\s*(\p{Lu}[\p{L} ]{2,40}?)\s*:\s*(.+?)\.?\s*$`)

// labelledList reads lines like "Autonomous republics: Abkhazia, Ajaria.",
// "Cities: Batumi, Kutaisi" and "Capital city: Tbilisi": the label's noun
// types the items; first-level divisions belong to the country.
func (x *extraction) labelledList(container *Entity) bool {
	m := x.findFirst(labelListRE)
	if m == nil {
		return false
	}
	if strings.ContainsAny(x.text[m[4]:m[5]], "(*") && listHeadRE.MatchString(x.text) {
		return false // "The provinces are: A (B), C*": the division reader's
	}
	label := strings.ToLower(x.text[m[2]:m[3]])
	var t Type
	capital, top := false, false
	switch {
	case strings.Contains(label, "capital"):
		t, capital = City, true
	case strings.Contains(label, "cit") || strings.Contains(label, "town"):
		t = City
	case topDivisionRE.MatchString(label):
		t, top = AdministrativeArea, true
	case lowDivisionRE.MatchString(label):
		t = AdministrativeArea
	default:
		return false
	}
	for _, part := range splitList(x.text[m[4]:m[5]]) {
		i, j := m[4]+part.Start, m[4]+part.End
		item := x.raw(i, j)
		if loc := npAndRE.FindStringIndex(x.text[i:j]); loc == nil || loc[0] != 0 || loc[1] != j-i {
			continue
		}
		if isAcronym(strings.ReplaceAll(item, " ", "")) && len(item) > 3 {
			item = titleCase(item)
		}
		e := x.ent(t, item, i, j)
		switch {
		case capital && container != nil:
			x.sfact(container, Capital, ref(e))
		case top && container != nil:
			x.sfact(container, ContainsArea, ref(e))
		}
	}
	return true
}

// titleCase turns "TBILISI" into "Tbilisi".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

var (
	// "Prime Minister – Aram Vardanyan", "Minister of Defence Levan Beridze".
	rowOfficeNameRE = regexp.MustCompile(`^\s*(.+?)\s*(?:[–—:]|\s-)?\s+(` + namePat + `)\s*(?:\(([^)]*)\))?\.?\s*$`)
	// "Aram Vardanyan – Prime Minister".
	// rowPartyRE matches a party's name in parentheses in a row: up to four
	// capitalized words, not "Independent" or "acting".
	noPartyRE  = regexp.MustCompile(`^(?i:independent|non-partisan|nonpartisan|acting|interim|incumbent|caretaker)$`)
	rowPartyRE = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}\p{N}'’-]*)(?: (?:[\p{Lu}][\p{L}\p{N}'’-]*|of|for|and|the|\d+)){0,3}$`)
	// "Aram Vardanyan, Minister of Finance", "… – Minister of Economics
	// (New Unity)".
	rowNameOfficeRE = regexp.MustCompile(`^\s*(` + namePat + `)\s*(?:[–—:-]|,)\s*(.+?)(?:\s*\(([^()]*)\))?\.?\s*$`)
	// "Saparmurat Niyazov (19 January 1990 – 2 November 1990)".
	rowNameTermRE = regexp.MustCompile(`^\s*(` + namePat + `)(?:\s*\((?:acting|interim)\))?\s*\(([^()]*?)\s*[–—-]\s*([^()]*?)\)`)
	presentRE     = regexp.MustCompile(`(?i)^(?:present|incumbent|now|today)\b`)
)

// listRow reads office-holder lists: a line "Office – Name" or "Office
// Name", "Name – Office", and under a heading naming an office ("Presidents",
// "Chairmen of the Supreme Soviet") lines "Name (start – end)".
func (x *extraction) listRow() {
	if x.d.Blocks[x.sent.Block].Kind != ListItem && !x.wholeLine() {
		return
	}
	if m := x.findFirst(rowNameTermRE); m != nil {
		if off := x.sectionOffice(); off != nil {
			p := x.resolve(m[2], m[3], Person)
			if p == nil || p.Type != Person {
				return
			}
			var q []Qualifier
			if d, ok := dateAt(x.text[m[4]:m[5]]); ok {
				q = append(q, Qualifier{StartTime, DateOf(d)})
			}
			if d, ok := dateAt(x.text[m[6]:m[7]]); ok && !presentRE.MatchString(x.text[m[6]:m[7]]) {
				q = append(q, Qualifier{EndTime, DateOf(d)})
			}
			x.sfact(p, PositionHeld, ref(off), q...)
		}
		return
	}
	if m := x.findFirst(rowOfficeNameRE); m != nil {
		k := officeExtent(x.text[m[2]:])
		if k > 0 && m[2]+k <= m[4] && strings.TrimSpace(strings.Trim(x.text[m[2]+k:m[4]], " –—:-")) == "" {
			x.officeRow(m[2], m[2]+k, m[4], m[5], m[6], m[7])
			return
		}
	}
	if m := x.findFirst(rowNameOfficeRE); m != nil {
		if k := officeExtent(x.text[m[4]:m[5]]); k > 0 && m[4]+k == m[5] {
			x.officeRow(m[4], m[5], m[2], m[3], m[6], m[7])
		}
	}
}

// officeRow records the holder at [ni, nj) of the office at [oi, oj), with
// a parenthesized party or term at [pi, pj) if any.
func (x *extraction) officeRow(oi, oj, ni, nj, pi, pj int) {
	name := x.raw(ni, nj)
	if !looksLikePerson(name) || len(strings.Fields(name)) < 2 {
		return
	}
	p := x.resolve(ni, nj, Person)
	if p == nil || p.Type != Person {
		return
	}
	var q []Qualifier
	if pi >= 0 {
		if d, ok := dateAt(x.text[pi:pj]); ok {
			q = append(q, Qualifier{StartTime, DateOf(d)})
		} else if t, ok := x.classify(x.raw(pi, pj)); ok && t == PoliticalParty || !ok && rowPartyRE.MatchString(x.raw(pi, pj)) && !noPartyRE.MatchString(x.raw(pi, pj)) {
			// "(Progressives)", "(New Unity)": in a list of office
			// holders, the name in parentheses after the holder is the
			// party's.
			x.sfact(p, PartyMembership, ref(x.ent(PoliticalParty, x.raw(pi, pj), pi, pj)))
		}
	}
	for _, title := range jointOffices(x.raw(oi, oj)) {
		if off := x.officeEntity(title, x.span(oi, oj)); off != nil {
			x.sfact(p, PositionHeld, ref(off), q...)
		}
	}
}

// wholeLine says whether the current sentence is its block's whole text,
// as the rows of a list are.
func (x *extraction) wholeLine() bool {
	b := x.d.Blocks[x.sent.Block]
	return b.Span == x.sent.Span && !strings.HasSuffix(strings.TrimSpace(x.text), ".")
}

// sectionOffice reads the office a list's heading names: "Presidents",
// "Chairmen of the Presidium of the Supreme Soviet", "List of Prime
// Ministers" — a plural office title made singular — or a singular title
// ("Chairman of the Supreme Soviet") above rows that give terms.
func (x *extraction) sectionOffice() *Entity {
	sec := x.d.Blocks[x.sent.Block].Section
	if sec < 0 {
		return nil
	}
	title := x.d.Sections[sec].Title
	title = strings.TrimPrefix(title, "List of ")
	head, rest, hasOf := strings.Cut(title, " of ")
	words := strings.Fields(head)
	if len(words) == 0 {
		return nil
	}
	last := words[len(words)-1]
	switch {
	case strings.HasSuffix(last, "men"):
		last = last[:len(last)-3] + "man"
	case strings.HasSuffix(last, "ies"):
		last = last[:len(last)-3] + "y"
	case strings.HasSuffix(last, "s"):
		last = last[:len(last)-1]
	default:
		// A singular title: its rows give terms (the only caller's
		// rows do), "Chairman of the Supreme Soviet" above "Alla Berdy
		// Berdiyev (24 July 1938 – 27 July 1938)".
	}
	words[len(words)-1] = last
	name := strings.Join(words, " ")
	if hasOf {
		name += " of " + rest
	}
	if loc := officeRE.FindStringIndex(name); loc == nil || loc[1] != len(strings.Join(words, " ")) {
		return nil
	}
	return x.officeEntity(name, x.d.Sections[sec].Heading)
}

// tokens returns tokensOf(x.text), made once per sentence.
func (x *extraction) tokens() []Span {
	if !x.tokOK {
		x.toks, x.tokOK = append(x.toks[:0], tokensOf(x.text)...), true
	}
	return x.toks
}

// may says whether re may match the sentence's text[i:j]: false when that
// text lacks every word re needs (see needSet).
func (x *extraction) may(re *regexp.Regexp, i, j int) bool {
	return !x.plain || needOf(re).in(x.lower[i:j], &x.grams)
}

// matches is re.MatchString(x.text[i:j]), not run where re cannot match.
func (x *extraction) matches(re *regexp.Regexp, i, j int) bool {
	return x.may(re, i, j) && re.MatchString(x.text[i:j])
}
