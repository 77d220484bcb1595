package extractor

import (
	"regexp"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// Regular-expression fragments shared by the recognizers. Text is matched
// with possessive apostrophes masked (see mask), so a proper-noun phrase
// never runs across "'s".
const (
	capW = `(?:[SMF]t\.\s|[a-z]{2,3}-|[dl]['’])?\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'’/][\p{L}\p{M}\p{N}]+)*`
	// npPat is a proper-noun phrase: capitalized words joined by spaces and
	// the connectors of names ("Ministry of Internal Affairs", "Arica y
	// Parinacota", "Mato Grosso do Sul", "Santiago del Estero").
	npPat = capW + `(?:\s+(?:(?:of|for|de|du|al|el|van|von|y|del|della|di|da|do|dos|das|der|den|des|la|og|och|und)(?:\s+(?:the|la|le|los|las))?\s+)?` + capW + `)*`
	// namePat is a person's name: up to four capitalized words, with the
	// particles of names between ("Paul von Hindenburg", "Charles de
	// Gaulle", "Abdullah bin Ahmad").
	namePat = capW + `(?:\s+(?:(?:v[ao]n|d(?:[aiu]|el?)|b(?:in|en)|ibn|[ae]l|arap)\s+(?:(?:de[rn]?|la|le)\s+)?)?` + capW + `){0,3}`
	offPat  = `(?i:` + officeHeadPat + `)(?:\s+of\s+(?:the\s+)?` + capW + `(?:\s+(?:of\s+(?:the\s+)?)?` + capW + `)*)?`
)

// datePat is dateRE without its word boundaries and with no groups, so that
// a {DATE} in a pattern is one group of it.
// The two forms that begin with the month share it: "March 20, 2019" and
// "March 2019" match as in dateRE.
var datePat = `(?:\d{1,2}\s+` + monthAlt + `,?\s+\d{4}|` + monthAlt + `\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}-\d{2}-\d{2}|(?:1[0-9]|20)\d{2})`

// nonCapturing turns the capturing groups of a pattern into plain ones.
func nonCapturing(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		b.WriteByte(p[i])
		if p[i] == '\\' && i+1 < len(p) {
			i++
			b.WriteByte(p[i])
			continue
		}
		if p[i] == '(' && (i+1 == len(p) || p[i+1] != '?') {
			b.WriteString("?:")
		}
	}
	return b.String()
}

// pat compiles a pattern with the placeholders {NP}, {NAME}, {OFF}, {DATE}
// and {NUM}.
func pat(s string) *regexp.Regexp {
	r := strings.NewReplacer("{NP}", npPat, "{NAME}", namePat, "{OFF}", offPat,
		"{DATE}", datePat, "{NUM}", numberPat)
	return regexp.MustCompile(r.Replace(s))
}

// Head nouns that type a proper-noun phrase by its last word (before any
// "of"): "National Security Committee", "Ministry of Internal Affairs".
var heads = map[string]Type{}

func init() {
	for t, words := range map[Type]string{
		GovernmentOrganization: "Government Cabinet Council Committee Ministry Parliament Assembly Senate Diet Court Tribunal Service Agency Bureau Duma Chamber Congress Guard Intelligence Counterintelligence Department Administration Authority Directorate Inspectorate Procuracy Prosecutor's Police Army Navy Forces Legislature Presidium Secretariat Commission Majlis Mejlis Oliy Khural Sejm Rada Kurultai Kenesh Sobranie Ombudsman Defender Office Procuracy Cabinet Government Judiciary Collegium",
		Organization:           "Group Organization Organisation Union Association Federation Foundation Institute Corporation Company Fund Network Watch International Society Centre Center Programme Program Coalition Collegiate Bank Club University Academy Church Mission Observatory Hospital",
		PoliticalParty:         "Party Movement Front Bloc Alliance",
		AdministrativeArea:     "Region Province Oblast District Governorate Krai Okrug County Municipality Territory Raion Prefecture Canton Voivodeship Republic",
		Event:                  "Revolution War Election Elections Referendum Crisis Unrest Uprising Protests Coup Summit Conference Massacre Invasion Putsch Rebellion Revolt Insurrection Mutiny Riots Siege Battle Blockade Strike Affair Scandal Incident Uprisings Genocide Famine",
		Legislation:            "Constitution Act Law Code Treaty Decree Charter Convention Accords Accord Agreement",
		Periodical:             "Journal Gazette Review Quarterly Weekly Times Post Herald Tribune",
		CreativeWork:           "Report Index Survey Factbook Yearbook Programme's",
		Place:                  "Cathedral Mosque Monastery Temple Palace Square Stadium Airport Cosmodrome Bridge River Lake Mountain Mountains Valley",
	} {
		for _, w := range strings.Fields(words) {
			if _, ok := heads[w]; !ok {
				heads[w] = t
			}
		}
	}
}

// international says whether an organization name is international rather
// than a state body ("International Commission of Jurists").
var internationalRE = regexp.MustCompile(`\b(?:International|World|United Nations|European|Commonwealth|Global|Transparency|Human Rights Watch|Amnesty)\b`)

// stateBankRE matches a state's own bank ("Central Bank of Armenia").
var stateBankRE = regexp.MustCompile(`^(?:Central|National|State|Reserve|People's) Bank\b`)

// chamberHouseRE matches a chamber named "House of …" (not a dynasty, "House
// of Windsor", nor "Freedom House").
var chamberHouseRE = regexp.MustCompile(`^(?:(?:Lower|Upper) )?House of (?:Representatives|Commons|Lords|Councillors|Deputies|Delegates|Peers|Nationalities|Assembly|Elders|Federation|Keys|Burgesses|Nobles|the People)\b`)

// legislatureRE matches the names of legislative bodies and chambers.
var legislatureRE = regexp.MustCompile(`(?i)\b(?:parliament|assembly|senate|duma|congress|legislature|chamber|house of|majlis|mejlis|mäjilis|mazhilis|khural|sejm|rada|kenesh|sobranie|council of the federation|federation council|soviet)\b`)

// headOf returns the head word of a phrase: the last word before "of" or
// "for", or the last word.
func headOf(name string) string {
	if i := strings.Index(name, " of "); i > 0 {
		name = name[:i]
	}
	if i := strings.Index(name, " for "); i > 0 {
		// "Ministry for European Integration", "Party for Democratic
		// Development"; an organization's or a work's "for" leaves the
		// head at the end ("Organization for Security", "Index for X").
		if t := heads[lastWord(name[:i])]; t == GovernmentOrganization || t == PoliticalParty {
			name = name[:i]
		}
	}
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// classify types a proper-noun phrase from its own words: a country by the
// gazetteer, an office by its title, otherwise by its head noun. ok is
// false when the words alone do not tell.
func classify(name string) (Type, bool) {
	if isAcronym(name) {
		if _, ok := gazetteer.OrgByName(name); ok {
			return Organization, true
		}
	}
	if _, ok := gazetteer.CountryByName(name); ok {
		return Country, true
	}
	if loc := officeRE.FindStringIndex(name); loc != nil && (loc[1] == len(name) || strings.HasPrefix(name[loc[1]:], " of ")) {
		return Office, true
	}
	if _, ok := gazetteer.OrgByName(name); ok && !allGeneric(name) {
		return Organization, true
	}
	if chamberHouseRE.MatchString(name) {
		return GovernmentOrganization, true // "House of Representatives"
	}
	h := headOf(name)
	if t, ok := heads[h]; ok {
		if t == GovernmentOrganization && h != "Ministry" && internationalRE.MatchString(name) {
			return Organization, true
		}
		if h == "Bank" && stateBankRE.MatchString(name) {
			return GovernmentOrganization, true
		}
		if t == AdministrativeArea && h == "Republic" && !strings.Contains(strings.ToLower(name), "autonomous") {
			return "", false // "Republic of X" is a country's official name
		}
		if t == Event && genericEvent(name) {
			return "", false // "Presidential Elections": a kind, not an event
		}
		if len(strings.Fields(name)) == 1 && (t != GovernmentOrganization || !genericWords[strings.ToLower(name)]) {
			return "", false // a bare "Party" or "Region" names nothing
		}
		return t, true
	}
	if _, ok := gazetteer.OrgByName(name); ok {
		return Organization, true
	}
	if _, ok := gazetteer.CityByName(name); ok {
		return City, true
	}
	return "", false
}

// leadStop are capitalized words that open sentences without opening a name.
var leadStop = map[string]bool{"The": true, "A": true, "An": true, "In": true, "On": true,
	"At": true, "Each": true, "Every": true, "There": true, "It": true, "Its": true,
	"This": true, "That": true, "These": true, "Those": true, "According": true,
	"After": true, "Before": true, "During": true, "Following": true, "Since": true,
	"While": true, "Although": true, "However": true, "Under": true, "With": true,
	"Without": true, "Both": true, "Most": true, "Many": true, "Some": true, "All": true,
	"Only": true, "Then": true, "Also": true, "Earlier": true, "Later": true, "By": true,
	"From": true, "For": true, "As": true, "Of": true, "To": true, "Despite": true,
	"Current": true, "Currently": true, "Former": true, "When": true, "Where": true,
	"If": true, "Until": true, "Between": true, "Among": true, "Through": true,
	"Upon": true, "Following's": true, "He": true, "She": true, "They": true, "We": true,
	"His": true, "Her": true, "Their": true, "Our": true, "Other": true, "Such": true,
	"No": true, "Not": true, "Neither": true, "Either": true, "Several": true,
	"Fresh": true, "Concurrent": true, "Unlike": true, "Like": true, "Among's": true,
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sir": true, "Incumbent": true,
	"About": true, "Around": true, "Over": true, "Within": true, "Including": true}

// trimLead drops sentence-opening words from the front of a phrase and
// returns how many bytes were dropped.
func trimLead(s string) (string, int) {
	drop := 0
	for {
		f := strings.SplitN(s, " ", 2)
		if len(f) < 2 || !leadStop[f[0]] {
			return s, drop
		}
		drop += len(f[0]) + 1
		s = f[1]
	}
}

// mask hides possessive apostrophes ("Kazakhstan's") from the name
// patterns, keeping every byte offset.
func mask(s string) string {
	b := []byte(s)
	for i := 1; i < len(b); i++ {
		if b[i] != '\'' && b[i] != 0xe2 { // ' or the first byte of ’
			continue
		}
		if commonOwner(s[:i]) {
			continue // "General Prosecutor's Office", "People's Democratic Party"
		}
		if b[i] == '\'' && i+1 < len(b) && b[i+1] == 's' && (i+2 == len(b) || !isWordByte(b[i+2])) {
			b[i] = 1
		}
		if strings.HasPrefix(s[i:], "’s") && (i+4 == len(b) || !isWordByte(b[i+4])) {
			b[i], b[i+1], b[i+2] = 1, 1, 1
		}
	}
	return string(b)
}

// commonOwners are nouns whose possessive is part of a name rather than an
// owner: "the Prosecutor's Office", "the People's Party".
var commonOwners = map[string]bool{"Prosecutor": true, "People": true, "Workers": true,
	"Women": true, "Children": true, "Citizens": true, "Peasants": true, "Farmers": true,
	"Veterans": true, "Youth": true, "Nation": true, "Nations": true, "Soldiers": true,
	"Mothers": true, "Teachers": true, "Lawyers": true, "Journalists": true, "Writers": true,
	"Jehovah": true, "Defender": true, "Ombudsman": true}

// commonOwner says whether the word before an apostrophe is part of a
// name rather than its owner: a common owner, or a saint ("St. Luke's
// Hospital", "Saint Mary's Cathedral").
func commonOwner(before string) bool {
	k := strings.LastIndexAny(before, " (\"")
	if commonOwners[before[k+1:]] {
		return true
	}
	rest := strings.TrimRight(before[:k+1], " ")
	return strings.HasSuffix(rest, "St.") || strings.HasSuffix(rest, "Saint") || strings.HasSuffix(rest, "San") || strings.HasSuffix(rest, "Santa")
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// unitNoun turns a plural division word into the singular title that
// names a division: "regions" → "Region".
func unitNoun(p string) string {
	p = strings.ToLower(p)
	switch {
	case strings.HasSuffix(p, "ies"):
		p = p[:len(p)-3] + "y"
	case strings.HasSuffix(p, "s"):
		p = p[:len(p)-1]
	}
	return capitalize(p)
}

// eventModifiers are the words that qualify an event without naming it.
var eventModifiers = map[string]bool{"presidential": true, "parliamentary": true,
	"legislative": true, "general": true, "local": true, "municipal": true, "regional": true,
	"national": true, "constitutional": true, "snap": true, "early": true, "by": true,
	"direct": true, "indirect": true, "first": true, "second": true, "next": true, "last": true}

// genericEvent says whether an event phrase has no word that names it.
func genericEvent(name string) bool {
	f := strings.Fields(name)
	for _, w := range f[:len(f)-1] {
		if !eventModifiers[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
