// Package gazetteer holds general, source-named reference lists the
// extractor uses to recognise countries, languages, international
// organizations and cities in Wikipedia text.
//
// The lists are tab-separated files embedded in the binary:
//
//   - countries.tsv: every ISO 3166-1 country and territory (plus Kosovo,
//     XK), with its common English name, official name, aliases and
//     demonym adjectives;
//   - historical.tsv: former states (Soviet Union, Yugoslavia, the Soviet
//     republics, …) with the same columns;
//   - languages.tsv: every ISO 639-1 language with its English names and
//     default ISO 15924 script;
//   - orgs.tsv: international organizations, keyed by the CIA World
//     Factbook abbreviations;
//   - capitals.tsv: the capital of every country and territory that has
//     one (several rows where a country has several capitals), from the
//     CIA World Factbook "Capital" field;
//   - cities.tsv: the other cities of over a million inhabitants.
//
// Each file starts with '#' comment lines naming its source and licence.
// The files are parsed once, on first use, and every function is safe for
// concurrent use. Returned values are copies: callers may modify them.
//
// Name matching is case-insensitive, ignores a leading "the ", treats runs
// of white space as one space, typographic apostrophes and dashes as their
// ASCII forms, "&" as "and", and British spellings "organisation" and
// "co-operation" as "organization" and "cooperation". Names written without
// any lowercase letter (acronyms such as "UK", "USA", "U.S.", "CIS") are
// matched case-sensitively, so that "us" is not taken for the United
// States. A name or demonym listed for two entries of the same kind (for
// example "Congolese", the demonym of both Congos, or "Hyderabad", a city
// in India and in Pakistan) is ambiguous and is not matched at all; a
// current country always wins over a historical state. Accents are not
// folded: the lists give unaccented spellings ("Bogota") as aliases.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed countries.tsv historical.tsv languages.tsv orgs.tsv capitals.tsv cities.tsv
var files embed.FS

// Country is a country or territory of ISO 3166-1, or a historical state.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code ("KZ"). For a historical state it
	// is the withdrawn ISO 3166-3 alpha-2 code where one was unique to it
	// ("SU", "YU", "DD"), and empty otherwise.
	Code string
	// Name is the short name in common English use ("Russia").
	Name string
	// Official is the official or long name ("Russian Federation"), empty
	// when it is the same as Name.
	Official string
	// Aliases are other names: ISO list forms ("Moldova, Republic of"),
	// former names ("Burma"), abbreviations ("UK").
	Aliases []string
	// Demonyms are the English demonym adjectives ("Kazakh",
	// "Kazakhstani"), most common first.
	Demonyms []string
	// Historical is true for a former state from historical.tsv.
	Historical bool
}

// Language is an ISO 639-1 language.
type Language struct {
	// Code is the ISO 639-1 two-letter code ("kk").
	Code string
	// Names are the English names, the most common first ("Kyrgyz",
	// "Kirghiz").
	Names []string
	// Script is the ISO 15924 code of the language's default script
	// ("Cyrl", "Latn", "Geor"), empty where no single script is usual.
	Script string
}

// Org is an international organization.
type Org struct {
	// Abbrev is the abbreviation used by the CIA World Factbook ("CIS",
	// "CE" for the Council of Europe, "C" for the Commonwealth); for a few
	// groups without one it is the full name ("Paris Club").
	Abbrev string
	// Name is the full English name.
	Name string
	// Aliases are other names and abbreviations.
	Aliases []string
}

// Countries returns every current country and territory in countries.tsv,
// ordered by code, followed by the historical states of historical.tsv in
// file order.
func Countries() []Country {
	d := load()
	out := make([]Country, len(d.countries))
	for i := range d.countries {
		out[i] = d.countries[i].clone()
	}
	return out
}

// CountryByCode returns the country with the given ISO 3166-1 alpha-2 code
// (case-insensitive), or a historical state with the given withdrawn code.
func CountryByCode(code string) (Country, bool) {
	d := load()
	i, ok := d.countryCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return d.countries[i].clone(), true
}

// CountryByName returns the country or historical state whose short name,
// official name or alias is name, matched as described in the package
// documentation: "Kazakhstan", "Republic of Kazakhstan", "russian
// federation", "the United Kingdom", "UK" and "Georgia (country)" all
// match. A current country is preferred over a historical state.
func CountryByName(name string) (Country, bool) {
	d := load()
	if i, ok := d.countryNames.lookup(name); ok {
		return d.countries[i].clone(), true
	}
	return Country{}, false
}

// CountryByDemonym returns the country or historical state whose demonym
// adjective is adj, case-insensitively ("Kazakh" or "Kazakhstani" → KZ,
// "Soviet" → Soviet Union). A current country is preferred over a
// historical state; a demonym shared by two current countries
// ("Congolese", "Dominican") matches neither.
func CountryByDemonym(adj string) (Country, bool) {
	d := load()
	if i, ok := d.demonyms.lookup(adj); ok {
		return d.countries[i].clone(), true
	}
	return Country{}, false
}

// Languages returns every ISO 639-1 language, ordered by code.
func Languages() []Language {
	d := load()
	out := make([]Language, len(d.languages))
	for i := range d.languages {
		out[i] = d.languages[i].clone()
	}
	return out
}

// LanguageByCode returns the language with the given ISO 639-1 code
// (case-insensitive).
func LanguageByCode(code string) (Language, bool) {
	d := load()
	i, ok := d.languageCode[strings.ToLower(strings.TrimSpace(code))]
	if !ok {
		return Language{}, false
	}
	return d.languages[i].clone(), true
}

// LanguageByName returns the language one of whose English names is name,
// case-insensitively ("Kazakh" → kk, "Kirghiz" → ky, "Modern Greek" → el).
func LanguageByName(name string) (Language, bool) {
	d := load()
	if i, ok := d.languageNames.lookup(name); ok {
		return d.languages[i].clone(), true
	}
	return Language{}, false
}

// Orgs returns every international organization in orgs.tsv, in file
// order (alphabetical by abbreviation).
func Orgs() []Org {
	d := load()
	out := make([]Org, len(d.orgs))
	for i := range d.orgs {
		out[i] = d.orgs[i].clone()
	}
	return out
}

// OrgByName returns the organization whose abbreviation, full name or alias
// is s. Abbreviations, and aliases written without lowercase letters, are
// matched case-sensitively ("CIS", "EAEU"); full names and other aliases
// case-insensitively ("Commonwealth of Independent States", "Arab League").
func OrgByName(s string) (Org, bool) {
	if utf8.RuneCountInString(strings.TrimSpace(s)) < 2 {
		return Org{}, false // "C" (the Commonwealth's abbreviation) is any letter
	}
	d := load()
	if i, ok := d.orgNames.lookup(s); ok {
		return d.orgs[i].clone(), true
	}
	return Org{}, false
}

// City is a national capital from capitals.tsv or another major city from
// cities.tsv.
type City struct {
	// Name is the name in common English use ("Astana", "Kyiv").
	Name string
	// Aliases are other names: former names ("Nur-Sultan", "Tselinograd"),
	// transliterations ("Kiev") and unaccented spellings ("Bogota").
	Aliases []string
	// Country is the ISO 3166-1 alpha-2 code of the city's country ("KZ").
	Country string
	// Capital is true for a national capital (or the capital of a
	// territory listed in countries.tsv).
	Capital bool
}

// Cities returns the capitals of capitals.tsv followed by the other cities
// of cities.tsv, each in file order (by country code).
func Cities() []City {
	d := load()
	out := make([]City, len(d.cities))
	for i := range d.cities {
		out[i] = d.cities[i].clone()
	}
	return out
}

// CityByName returns the city whose name or alias is name, matched as
// described in the package documentation: "Astana", "nur-sultan" and
// "Tselinograd" all match the capital of Kazakhstan. A name listed for two
// cities ("Kingston", the capital of Jamaica and of Norfolk Island) matches
// neither.
func CityByName(name string) (City, bool) {
	d := load()
	if i, ok := d.cityNames.lookup(name); ok {
		return d.cities[i].clone(), true
	}
	return City{}, false
}

// CapitalsOf returns the capitals of the country with the given ISO
// 3166-1 alpha-2 code (case-insensitive), in file order: one for most
// countries, several for a few ("ZA": Pretoria, Cape Town, Bloemfontein),
// none for a code without a capital or an unknown code.
func CapitalsOf(code string) []City {
	d := load()
	idx := d.capitals[strings.ToUpper(strings.TrimSpace(code))]
	if len(idx) == 0 {
		return nil
	}
	out := make([]City, len(idx))
	for j, i := range idx {
		out[j] = d.cities[i].clone()
	}
	return out
}

func (c Country) clone() Country {
	c.Aliases = slices.Clone(c.Aliases)
	c.Demonyms = slices.Clone(c.Demonyms)
	return c
}

func (l Language) clone() Language {
	l.Names = slices.Clone(l.Names)
	return l
}

func (o Org) clone() Org {
	o.Aliases = slices.Clone(o.Aliases)
	return o
}

func (c City) clone() City {
	c.Aliases = slices.Clone(c.Aliases)
	return c
}

// db is the parsed content of the embedded files.
type db struct {
	countries    []Country // current countries first, then historical states
	countryCode  map[string]int
	countryNames *tiered
	demonyms     *tiered

	languages     []Language
	languageCode  map[string]int
	languageNames *tiered

	orgs     []Org
	orgNames *tiered

	cities    []City // capitals first, then other cities
	cityNames *tiered
	capitals  map[string][]int // country code → indexes of its capitals
}

// load parses the embedded files once. The files are part of the binary and
// checked by the package tests, so an error is a programming error.
var load = sync.OnceValue(func() *db {
	d, err := parse(files)
	if err != nil {
		panic("gazetteer: " + err.Error())
	}
	return d
})

// ambiguous marks an index key that two entries share.
const ambiguous = -1

// index maps names to entry indexes: acronyms (names without lowercase
// letters) by their exact text, other names by their folded form.
type index struct {
	exact  map[string]int
	folded map[string]int
}

func newIndex() *index {
	return &index{exact: map[string]int{}, folded: map[string]int{}}
}

func (x *index) add(name string, i int) {
	m, k := x.folded, fold(name)
	if isAcronym(name) {
		m, k = x.exact, clean(name)
	}
	if k == "" {
		return
	}
	if j, ok := m[k]; ok && j != i {
		m[k] = ambiguous
		return
	}
	m[k] = i
}

// get reports the entry for s: found is true when s is a key at all, and i
// is ambiguous when the key is shared.
func (x *index) get(s string) (i int, found bool) {
	return x.getKeys(clean(s), fold(s))
}

// getKeys is get given s's keys, clean(s) and fold(s).
func (x *index) getKeys(cleaned, folded string) (i int, found bool) {
	if i, ok := x.exact[cleaned]; ok {
		return i, true
	}
	i, ok := x.folded[folded]
	return i, ok
}

// tiered is a list of indexes searched in order; the first that knows a
// name decides, even when it finds the name ambiguous.
type tiered struct{ tiers []*index }

func (t *tiered) lookup(s string) (int, bool) {
	c := clean(s)
	f := foldClean(c)
	for _, x := range t.tiers {
		if i, ok := x.getKeys(c, f); ok {
			return i, i != ambiguous
		}
	}
	return 0, false
}

var (
	folds = strings.NewReplacer(
		"\u2019", "'", "\u2018", "'", "\u02bc", "'", "`", "'",
		"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-",
		"\u00a0", " ",
	)
	words = strings.NewReplacer(
		" & ", " and ",
		"organisation", "organization",
		"co-operation", "cooperation",
	)
)

// clean trims s, collapses white space and normalises apostrophes and
// dashes.
func clean(s string) string {
	// The folds all begin with one of these bytes: without them, nothing
	// to replace.
	if mayFold(s) {
		s = folds.Replace(s)
	}
	// Collapse runs of white space without a regular expression: lookups
	// are on every name the extractor meets.
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\n\r\f\v\u00a0") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// mayFold says whether s holds a byte that begins one of the folds.
func mayFold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`', 0xc2, 0xca, 0xe2:
			return true
		}
	}
	return false
}

// fold is the case-insensitive key of s: cleaned, lowercased, with a
// leading "the " removed and a few spelling variants unified.
func fold(s string) string { return foldClean(clean(s)) }

// foldClean is fold of a cleaned string.
func foldClean(s string) string {
	s = strings.ToLower(s)
	if strings.Contains(s, " & ") || strings.Contains(s, "organisation") || strings.Contains(s, "co-operation") {
		s = words.Replace(s)
	}
	s = strings.TrimPrefix(s, "the ")
	return s
}

// isAcronym reports whether s has an uppercase letter and no lowercase one.
func isAcronym(s string) bool {
	return strings.ToLower(s) != s && strings.ToUpper(s) == s
}

// parse reads and checks all files in fsys.
func parse(fsys fs.FS) (*db, error) {
	d := &db{countryCode: map[string]int{}, languageCode: map[string]int{}}

	modern, err := parseCountries(fsys, "countries.tsv", false)
	if err != nil {
		return nil, err
	}
	historical, err := parseCountries(fsys, "historical.tsv", true)
	if err != nil {
		return nil, err
	}
	d.countries = append(modern, historical...)
	names := []*index{newIndex(), newIndex()}
	dems := []*index{newIndex(), newIndex()}
	for i, c := range d.countries {
		if c.Code != "" {
			if _, dup := d.countryCode[c.Code]; dup {
				return nil, fmt.Errorf("duplicate country code %q (%s)", c.Code, c.Name)
			}
			d.countryCode[c.Code] = i
		}
		t := 0
		if c.Historical {
			t = 1
		}
		for _, n := range c.names() {
			names[t].add(n, i)
		}
		for _, n := range c.Demonyms {
			dems[t].add(n, i)
		}
	}
	d.countryNames = &tiered{names}
	d.demonyms = &tiered{dems}

	if d.languages, err = parseLanguages(fsys, "languages.tsv"); err != nil {
		return nil, err
	}
	ln := newIndex()
	for i, l := range d.languages {
		if _, dup := d.languageCode[l.Code]; dup {
			return nil, fmt.Errorf("duplicate language code %q", l.Code)
		}
		d.languageCode[l.Code] = i
		for _, n := range l.Names {
			// Language names are matched case-insensitively, whatever
			// their case.
			ln.folded[fold(n)] = pick(ln.folded, fold(n), i)
		}
	}
	d.languageNames = &tiered{[]*index{ln}}

	if d.orgs, err = parseOrgs(fsys, "orgs.tsv"); err != nil {
		return nil, err
	}
	on := newIndex()
	seen := map[string]bool{}
	for i, o := range d.orgs {
		if seen[o.Abbrev] {
			return nil, fmt.Errorf("duplicate organization abbreviation %q", o.Abbrev)
		}
		seen[o.Abbrev] = true
		on.exact[clean(o.Abbrev)] = pick(on.exact, clean(o.Abbrev), i)
		for _, n := range o.names() {
			on.add(n, i)
		}
	}
	d.orgNames = &tiered{[]*index{on}}

	capitals, err := parseCities(fsys, "capitals.tsv", true)
	if err != nil {
		return nil, err
	}
	others, err := parseCities(fsys, "cities.tsv", false)
	if err != nil {
		return nil, err
	}
	d.cities = append(capitals, others...)
	d.capitals = map[string][]int{}
	cn := newIndex()
	type key struct{ country, name string }
	seenCity := map[key]bool{}
	for i, c := range d.cities {
		if j, ok := d.countryCode[c.Country]; !ok || d.countries[j].Historical {
			return nil, fmt.Errorf("city %q: unknown country code %q", c.Name, c.Country)
		}
		k := key{c.Country, fold(c.Name)}
		if seenCity[k] {
			return nil, fmt.Errorf("city %q listed twice for %s", c.Name, c.Country)
		}
		seenCity[k] = true
		if c.Capital {
			d.capitals[c.Country] = append(d.capitals[c.Country], i)
		}
		for _, n := range c.names() {
			cn.add(n, i)
		}
	}
	d.cityNames = &tiered{[]*index{cn}}
	return d, nil
}

// pick is the value to store for key k in m for entry i.
func pick(m map[string]int, k string, i int) int {
	if j, ok := m[k]; ok && j != i {
		return ambiguous
	}
	return i
}

// names lists the country's name, official name and aliases.
func (c Country) names() []string {
	n := append([]string{c.Name}, c.Aliases...)
	if c.Official != "" {
		n = append(n, c.Official)
	}
	return n
}

// names lists the organization's full name and aliases.
func (o Org) names() []string { return append([]string{o.Name}, o.Aliases...) }

// names lists the city's name and aliases.
func (c City) names() []string { return append([]string{c.Name}, c.Aliases...) }

var (
	reCountryCode  = regexp.MustCompile(`^[A-Z]{2}$`)
	reLanguageCode = regexp.MustCompile(`^[a-z]{2}$`)
	reScript       = regexp.MustCompile(`^[A-Z][a-z]{3}$`)
)

func parseCountries(fsys fs.FS, file string, historical bool) ([]Country, error) {
	var out []Country
	err := readTSV(fsys, file, 5, func(line int, f []string) error {
		c := Country{Code: f[0], Name: f[1], Official: f[2], Historical: historical}
		var err error
		if c.Aliases, err = list(f[3]); err != nil {
			return err
		}
		if c.Demonyms, err = list(f[4]); err != nil {
			return err
		}
		switch {
		case c.Code == "" && !historical, c.Code != "" && !reCountryCode.MatchString(c.Code):
			return fmt.Errorf("bad country code %q", c.Code)
		case c.Name == "":
			return fmt.Errorf("empty name")
		case c.Official == c.Name:
			return fmt.Errorf("official name %q repeats the name", c.Official)
		case slices.Contains(c.Aliases, c.Name) || c.Official != "" && slices.Contains(c.Aliases, c.Official):
			return fmt.Errorf("an alias repeats the name or official name")
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

func parseLanguages(fsys fs.FS, file string) ([]Language, error) {
	var out []Language
	err := readTSV(fsys, file, 3, func(line int, f []string) error {
		l := Language{Code: f[0], Script: f[2]}
		var err error
		if l.Names, err = list(f[1]); err != nil {
			return err
		}
		switch {
		case !reLanguageCode.MatchString(l.Code):
			return fmt.Errorf("bad language code %q", l.Code)
		case len(l.Names) == 0:
			return fmt.Errorf("no name")
		case l.Script != "" && !reScript.MatchString(l.Script):
			return fmt.Errorf("bad script code %q", l.Script)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

func parseOrgs(fsys fs.FS, file string) ([]Org, error) {
	var out []Org
	err := readTSV(fsys, file, 3, func(line int, f []string) error {
		o := Org{Abbrev: f[0], Name: f[1]}
		var err error
		if o.Aliases, err = list(f[2]); err != nil {
			return err
		}
		switch {
		case o.Abbrev == "" || o.Name == "":
			return fmt.Errorf("empty abbreviation or name")
		case slices.Contains(o.Aliases, o.Name) || slices.Contains(o.Aliases, o.Abbrev):
			return fmt.Errorf("an alias repeats the abbreviation or name")
		}
		out = append(out, o)
		return nil
	})
	return out, err
}

func parseCities(fsys fs.FS, file string, capital bool) ([]City, error) {
	var out []City
	err := readTSV(fsys, file, 3, func(line int, f []string) error {
		c := City{Country: f[0], Name: f[1], Capital: capital}
		var err error
		if c.Aliases, err = list(f[2]); err != nil {
			return err
		}
		switch {
		case !reCountryCode.MatchString(c.Country):
			return fmt.Errorf("bad country code %q", c.Country)
		case c.Name == "":
			return fmt.Errorf("empty name")
		case slices.Contains(c.Aliases, c.Name):
			return fmt.Errorf("an alias repeats the name")
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// readTSV calls row for every line of file that is neither empty nor a '#'
// comment, split on tabs into exactly n fields, none of which may have
// leading or trailing white space.
func readTSV(fsys fs.FS, file string, n int, row func(line int, fields []string) error) error {
	f, err := fsys.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d", file, line, len(fields), n)
		}
		for _, s := range fields {
			if s != strings.TrimSpace(s) {
				return fmt.Errorf("%s:%d: field %q has surrounding white space", file, line, s)
			}
		}
		if err := row(line, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	return sc.Err()
}

// list splits a ';'-separated field; an empty field is an empty list.
func list(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ";")
	for i, p := range parts {
		if p == "" || p != strings.TrimSpace(p) {
			return nil, fmt.Errorf("bad list item %q in %q", p, s)
		}
		if slices.Contains(parts[:i], p) {
			return nil, fmt.Errorf("repeated list item %q in %q", p, s)
		}
	}
	return parts, nil
}
