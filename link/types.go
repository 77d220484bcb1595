package link

import (
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
)

// typeClasses says which Wikidata items fit each of our entity types: by
// the QIDs of common instance-of (P31) classes, and by phrases found in
// class labels and descriptions ("city in Kazakhstan", "region of
// Kazakhstan", "Kazakh politician"). Phrases are folded (see [Fold]) and
// match whole words.
var typeClasses = []struct {
	typ     extractor.Type
	qids    []string
	phrases []string
}{
	{extractor.Person,
		[]string{"Q5"},
		[]string{"human", "person", "politician", "statesman", "stateswoman", "diplomat", "lawyer", "jurist",
			"economist", "journalist", "businessman", "businesswoman", "businessperson", "historian",
			"writer", "scholar", "political scientist", "military officer", "activist", "civil servant"}},
	{extractor.City,
		[]string{"Q515", "Q1549591", "Q3957", "Q486972", "Q5119", "Q532", "Q7930989", "Q1637706", "Q200250", "Q174844"},
		[]string{"city", "town", "village", "human settlement", "settlement", "capital", "metropolis", "megacity",
			"urban type settlement", "hamlet"}},
	{extractor.AdministrativeArea,
		[]string{"Q56061", "Q10864048", "Q13220204", "Q13221722", "Q34876", "Q35657", "Q28575", "Q107390",
			"Q836672"}, // Q836672: region of Kazakhstan,
		[]string{"region", "province", "oblast", "oblys", "administrative territorial entity", "administrative division",
			"administrative region", "country subdivision", "district", "county", "prefecture", "governorate",
			"federated state", "federal subject", "canton", "voivodeship", "krai", "okrug", "raion"}},
	{extractor.Country,
		[]string{"Q6256", "Q3624078", "Q3024240", "Q7275"},
		[]string{"country", "sovereign state", "historical country", "nation state", "kingdom", "empire",
			"union republic", "soviet socialist republic"}},
	{extractor.PoliticalParty,
		[]string{"Q7278"},
		[]string{"political party", "party"}},
	{extractor.Organization,
		[]string{"Q43229", "Q484652", "Q163740", "Q79913", "Q4830453", "Q783794"},
		[]string{"organization", "organisation", "international organization", "international organisation",
			"non governmental organization", "nonprofit organization", "company", "business", "enterprise",
			"foundation", "association", "bank", "broadcaster", "news agency", "radio station", "publisher",
			"university", "think tank", "alliance", "bar association", "trade union", "federation"}},
	{extractor.GovernmentOrganization,
		[]string{"Q327333", "Q2659904", "Q7188", "Q35749", "Q11204", "Q640506", "Q41487", "Q190752", "Q192350", "Q375928"},
		[]string{"government agency", "government organization", "government organisation", "government",
			"ministry", "parliament", "legislature", "legislative body", "legislative chamber", "upper house",
			"lower house", "senate", "court", "supreme court", "constitutional court", "cabinet",
			"council of ministers", "committee", "state agency", "intelligence agency", "security agency",
			"border guard", "police", "armed forces", "executive branch"}},
	{extractor.Office,
		[]string{"Q294414", "Q4164871", "Q48352", "Q2285706", "Q30461", "Q14212", "Q83307"},
		[]string{"public office", "position", "office", "post", "head of state", "head of government",
			"president", "prime minister", "deputy prime minister", "minister", "chairperson", "governor", "mayor"}},
	{extractor.Place,
		[]string{"Q17334923", "Q2221906", "Q82794"},
		[]string{"location", "geographic location", "geographic region", "geographical region", "place",
			"desert", "mountain", "mountain range", "river", "lake", "sea", "island", "steppe", "valley",
			"plain", "peninsula", "basin", "spaceport", "cosmodrome", "building"}},
	{extractor.Event,
		[]string{"Q1656682", "Q40231", "Q858439", "Q1190554", "Q198", "Q43109"},
		[]string{"event", "election", "legislative election", "presidential election", "war", "battle",
			"referendum", "protest", "protests", "unrest", "revolution", "coup", "coup d etat", "summit",
			"conference", "riot", "uprising", "conflict", "crisis"}},
	{extractor.CreativeWork,
		[]string{"Q17537576", "Q386724", "Q7725634", "Q571", "Q5707594", "Q10870555"},
		[]string{"creative work", "work", "literary work", "book", "report", "article", "news article",
			"publication", "document", "film", "website", "web page"}},
	{extractor.ScholarlyArticle,
		[]string{"Q13442814", "Q591041"},
		[]string{"scholarly article", "scientific article", "academic article", "scholarly work", "research article"}},
	{extractor.Periodical,
		[]string{"Q1002697", "Q5633421", "Q737498", "Q11032", "Q41298"},
		[]string{"periodical", "journal", "academic journal", "scientific journal", "law journal", "newspaper", "magazine"}},
	{extractor.Legislation,
		[]string{"Q820655", "Q7748", "Q7755", "Q131569"},
		[]string{"legislation", "law", "act", "statute", "constitution", "decree", "treaty", "code", "bill", "regulation"}},
}

// related are pairs of types an item may be taken for each other's with
// less confidence: the extractor's type and Wikidata's class can differ in
// grain (a party typed as an organization, a city as a place).
var related = map[[2]extractor.Type]bool{}

var typeOfQID = map[string][]extractor.Type{}

func init() {
	groups := [][]extractor.Type{
		{extractor.Organization, extractor.GovernmentOrganization, extractor.PoliticalParty},
		{extractor.CreativeWork, extractor.ScholarlyArticle, extractor.Periodical, extractor.Legislation},
	}
	for _, g := range groups {
		for _, a := range g {
			for _, b := range g {
				related[[2]extractor.Type{a, b}] = true
			}
		}
	}
	for _, t := range []extractor.Type{extractor.City, extractor.AdministrativeArea, extractor.Country} {
		related[[2]extractor.Type{extractor.Place, t}] = true
		related[[2]extractor.Type{t, extractor.Place}] = true
	}
	for _, row := range typeClasses {
		for _, q := range row.qids {
			typeOfQID[q] = append(typeOfQID[q], row.typ)
		}
	}
}

// fit is how well an item's classes or description fit an entity's type.
type fit uint8

const (
	fitUnknown fit = iota // nothing known either way
	fitExact              // a class of the entity's type
	fitRelated            // a class of a related type only
	fitOther              // classes of unrelated types only
)

// fitOf compares the types a class or description indicates with t.
func fitOf(t extractor.Type, types []extractor.Type) fit {
	if len(types) == 0 {
		return fitUnknown
	}
	f := fitOther
	for _, u := range types {
		if u == t {
			return fitExact
		}
		if related[[2]extractor.Type{t, u}] {
			f = fitRelated
		}
	}
	return f
}

// typesOfClass returns the types a class (a QID or a label) indicates.
func typesOfClass(class string) []extractor.Type {
	if qidRE.MatchString(class) {
		return typeOfQID[class]
	}
	folded := Fold(class)
	var out []extractor.Type
	for _, row := range typeClasses {
		for _, p := range row.phrases {
			if containsWords(folded, p) {
				out = appendType(out, row.typ)
				break
			}
		}
	}
	return out
}

// typesOfDescription returns the types of the phrase that starts first in
// a description (the longest one of those that start there): "city in
// Kazakhstan" is a city, "region of Kazakhstan" a region, "Kazakh
// politician, Prime Minister of Kazakhstan" a person.
func typesOfDescription(desc string) []extractor.Type {
	folded := Fold(desc)
	bestAt, bestLen := -1, 0
	var out []extractor.Type
	for _, row := range typeClasses {
		for _, p := range row.phrases {
			at := wordIndex(folded, p)
			if at < 0 {
				continue
			}
			switch {
			case bestAt < 0 || at < bestAt || at == bestAt && len(p) > bestLen:
				bestAt, bestLen = at, len(p)
				out = []extractor.Type{row.typ}
			case at == bestAt && len(p) == bestLen:
				out = appendType(out, row.typ)
			}
		}
	}
	return out
}

// wordIndex returns where phrase first occurs in text as whole words, or -1.
func wordIndex(text, phrase string) int {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return -1
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || text[j-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return j
		}
		i = j + 1
	}
}

func appendType(ts []extractor.Type, t extractor.Type) []extractor.Type {
	for _, u := range ts {
		if u == t {
			return ts
		}
	}
	return append(ts, t)
}

// wikimediaClasses are classes of Wikimedia's own pages, which a full
// dump holds by the million and which are never what a text names:
// disambiguation pages, categories, templates, list articles, project
// pages and modules.
var wikimediaClasses = map[string]bool{
	"Q4167410": true, "Q4167836": true, "Q11266439": true, "Q13406463": true,
	"Q14204246": true, "Q15184295": true, "Q17633526": true, "Q22808320": true,
}

// wikimediaPage reports whether an item is one of Wikimedia's own pages.
func wikimediaPage(c *Candidate) bool {
	for _, cl := range c.Classes {
		if wikimediaClasses[cl] {
			return true
		}
	}
	return false
}
