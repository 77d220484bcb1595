package ontology

import (
	"fmt"

	"github.com/kgbuild/kgbuild/extractor"
)

// Class maps one extractor entity type to our class and to the classes of
// schema.org and Wikidata.
type Class struct {
	Type     extractor.Type
	Term     string // local name of our class in the kgo: namespace
	Schema   string // schema.org class; empty when schema.org has none
	Wikidata string // QID of the Wikidata class, used with wdt:P31
	Label    string
	Comment  string
}

// Datatype is the Wikidata datatype of a property, as spelled in
// wikidata-properties.tsv.
type Datatype string

// Datatypes of the properties we map to.
const (
	Item     Datatype = "Item"          // an entity
	Time     Datatype = "Point in time" // a date
	Quantity Datatype = "Quantity"      // a number, with or without a unit
)

// Property maps one extractor relation to our property, a Wikidata property
// and, where one fits, a schema.org property.
type Property struct {
	Relation extractor.Relation
	Term     string // local name of our property in the kgo: namespace
	PID      string // Wikidata property ID, from wikidata-properties.tsv
	Datatype Datatype
	Schema   string // schema.org property; empty when none fits
	Label    string
	Comment  string
}

// classes is the class half of the mapping table: one row per
// extractor.Type. Offices have no schema.org class: they are typed
// kgo:PublicOffice, declared equivalent to Wikidata's public office.
var classes = []Class{
	{extractor.Person, "Person", "Person", "Q5",
		"person", "A human being named in an article."},
	{extractor.Organization, "Organization", "Organization", "Q43229",
		"organization", "An organization that is neither a government body nor a political party."},
	{extractor.GovernmentOrganization, "GovernmentOrganization", "GovernmentOrganization", "Q327333",
		"government organization", "A government body: a cabinet, parliament, chamber, court, ministry or agency."},
	{extractor.PoliticalParty, "PoliticalParty", "PoliticalParty", "Q7278",
		"political party", "A political party."},
	{extractor.Country, "Country", "Country", "Q6256",
		"country", "A sovereign state."},
	{extractor.City, "City", "City", "Q515",
		"city", "A city or town."},
	{extractor.AdministrativeArea, "AdministrativeArea", "AdministrativeArea", "Q56061",
		"administrative area", "An administrative territorial entity below the state, such as a region."},
	{extractor.Place, "Place", "Place", "Q17334923",
		"place", "A location that is not an administrative entity."},
	{extractor.Office, "PublicOffice", "", "Q294414",
		"public office", "A position in a government or organization held by one person at a time, such as President of Kazakhstan."},
	{extractor.Event, "Event", "Event", "Q1656682",
		"event", "Something that happened at a time and place."},
	{extractor.CreativeWork, "CreativeWork", "CreativeWork", "Q17537576",
		"creative work", "A cited work: a report, book, web page or news story."},
	{extractor.ScholarlyArticle, "ScholarlyArticle", "ScholarlyArticle", "Q13442814",
		"scholarly article", "An article in an academic journal."},
	{extractor.Periodical, "Periodical", "Periodical", "Q1002697",
		"periodical", "A journal, magazine or newspaper published in issues."},
	{extractor.Legislation, "Legislation", "Legislation", "Q820655",
		"legislation", "A statute, constitution, decree or other legal act."},
}

// properties is the property half of the mapping table: one row per
// extractor.Relation, qualifiers included.
var properties = []Property{
	{extractor.PositionHeld, "positionHeld", "P39", Item, "",
		"position held", "The person holds or held the public office."},
	{extractor.PartyMembership, "memberOfPoliticalParty", "P102", Item, "memberOf",
		"member of political party", "The person is or was a member of the political party."},
	{extractor.HeadOfState, "headOfState", "P35", Item, "",
		"head of state", "The person is the country's head of state."},
	{extractor.HeadOfGovernment, "headOfGovernment", "P6", Item, "",
		"head of government", "The person is the country's head of government."},
	{extractor.HeadOfStateOffice, "officeHeldByHeadOfState", "P1906", Item, "",
		"office held by head of state", "The office whose holder is the country's head of state."},
	{extractor.HeadOfGovernmentOffice, "officeHeldByHeadOfGovernment", "P1313", Item, "",
		"office held by head of government", "The office whose holder is the country's head of government."},
	{extractor.LeaderOffice, "officeHeldByHeadOfOrganization", "P2388", Item, "",
		"office held by head of the organization", "The office whose holder leads the organization."},
	{extractor.ExecutiveBody, "executiveBody", "P208", Item, "",
		"executive body", "The body that holds the country's executive power."},
	{extractor.LegislativeBody, "legislativeBody", "P194", Item, "",
		"legislative body", "The body that holds the country's legislative power."},
	{extractor.HighestCourt, "highestJudicialAuthority", "P209", Item, "",
		"highest judicial authority", "The country's highest court."},
	{extractor.Capital, "capital", "P36", Item, "",
		"capital", "The country's or region's seat of government."},
	{extractor.AppointedBy, "appointedBy", "P748", Item, "",
		"appointed by", "Who appoints the holder of the office or the members of the body."},
	{extractor.TermLength, "termLength", "P2097", Quantity, "",
		"term length of office", "How long one term of the office or body lasts."},
	{extractor.Dissolved, "dissolved", "P576", Time, "dissolutionDate",
		"dissolved", "When the organization was dissolved or abolished."},
	{extractor.Inception, "inception", "P571", Time, "foundingDate",
		"inception", "When the organization was founded or established."},
	{extractor.Ranking, "ranking", "P1352", Quantity, "",
		"ranking", "The subject's rank in a ranking."},
	{extractor.HasPart, "hasPart", "P527", Item, "subOrganization",
		"has part", "The object is a part of the subject, such as a chamber of a parliament."},
	{extractor.PartOf, "partOf", "P361", Item, "parentOrganization",
		"part of", "The subject is a part of the object, such as a chamber of a parliament."},
	{extractor.Seats, "numberOfSeats", "P1342", Quantity, "",
		"number of seats", "How many seats the body has."},
	{extractor.Members, "memberCount", "P2124", Quantity, "",
		"member count", "How many members the organization has."},
	{extractor.InCountry, "country", "P17", Item, "",
		"country", "The country the subject belongs to or is in."},
	{extractor.Publisher, "publisher", "P123", Item, "publisher",
		"publisher", "Who published the work."},
	{extractor.Author, "author", "P50", Item, "author",
		"author", "Who wrote the work."},
	{extractor.PublicationDate, "publicationDate", "P577", Time, "datePublished",
		"publication date", "When the work was published."},
	{extractor.PublishedIn, "publishedIn", "P1433", Item, "isPartOf",
		"published in", "The periodical or larger work the work appeared in."},
	{extractor.ContainsArea, "containsAdministrativeArea", "P150", Item, "containsPlace",
		"contains administrative territorial entity", "An administrative area directly inside the subject."},
	{extractor.LocatedIn, "locatedInAdministrativeArea", "P131", Item, "containedInPlace",
		"located in the administrative territorial entity", "The administrative area the subject is directly inside."},
	{extractor.MemberOf, "memberOf", "P463", Item, "memberOf",
		"member of", "The subject is a member of the organization."},
	{extractor.Chairperson, "chairperson", "P488", Item, "",
		"chairperson", "The person who chairs the organization."},
	{extractor.Replaces, "replaces", "P1365", Item, "",
		"replaces", "The entity the subject took the place of."},
	{extractor.ReplacedBy, "replacedBy", "P1366", Item, "",
		"replaced by", "The entity that took the subject's place."},
	{extractor.Jurisdiction, "appliesToJurisdiction", "P1001", Item, "jurisdiction",
		"applies to jurisdiction", "The territory where the office, body or law has authority."},
	{extractor.PointInTime, "pointInTime", "P585", Time, "",
		"point in time", "When the event happened or the statement was true."},
	{extractor.StartTime, "startTime", "P580", Time, "startDate",
		"start time", "When the statement became true; a qualifier."},
	{extractor.EndTime, "endTime", "P582", Time, "endDate",
		"end time", "When the statement stopped being true; a qualifier."},
}

// units maps the units of the extractor's quantities (extractor.Value.Unit)
// to Wikidata items: a quantity with one of them gets a value node giving
// the amount and the unit (psv:, wikibase:quantityUnit).
var units = map[string]string{
	"year":  "Q577",
	"month": "Q5151",
	"week":  "Q23387",
	"day":   "Q573",
}

// UnitItem returns the QID of the Wikidata item of a quantity's unit
// ("year": "Q577").
func UnitItem(unit string) (string, bool) {
	q, ok := units[unit]
	return q, ok
}

var (
	classByType   = map[extractor.Type]Class{}
	propByRel     = map[extractor.Relation]Property{}
	errTableBuilt = buildIndex()
)

// buildIndex indexes the table. Duplicate rows are reported by the tests
// (and make the first row win here).
func buildIndex() error {
	var err error
	for _, c := range classes {
		if _, dup := classByType[c.Type]; dup {
			err = fmt.Errorf("ontology: type %s mapped twice", c.Type)
			continue
		}
		classByType[c.Type] = c
	}
	for _, p := range properties {
		if _, dup := propByRel[p.Relation]; dup {
			err = fmt.Errorf("ontology: relation %s mapped twice", p.Relation)
			continue
		}
		propByRel[p.Relation] = p
	}
	return err
}

// Classes returns the class rows of the mapping table, in table order. The
// slice is new on every call.
func Classes() []Class { return append([]Class(nil), classes...) }

// Properties returns the property rows of the mapping table, in table order.
// The slice is new on every call.
func Properties() []Property { return append([]Property(nil), properties...) }

// ClassOf returns the row of the mapping table for an entity type.
func ClassOf(t extractor.Type) (Class, bool) {
	c, ok := classByType[t]
	return c, ok
}

// PropertyOf returns the row of the mapping table for a relation.
func PropertyOf(r extractor.Relation) (Property, bool) {
	p, ok := propByRel[r]
	return p, ok
}

// Sitelink is how an entity's Wikipedia article (extractor.Entity.Wiki,
// on the document's wiki) is written: as Wikidata's RDF writes an item's
// sitelinks, so that queries written for Wikidata find it. The article's
// IRI is the page's URL, percent-encoded as MediaWiki does:
//
//	<https://en.wikipedia.org/wiki/Kassym-Jomart_Tokayev> a schema:Article ;
//	    schema:about <…/person/kassym-jomart-tokayev> ;
//	    schema:isPartOf <https://en.wikipedia.org/> ;
//	    schema:inLanguage "en" ;
//	    schema:name "Kassym-Jomart Tokayev"@en .
//
// The fields are local names in the schema.org namespace.
var Sitelink = struct {
	Class      string // the article's class
	About      string // article → entity
	IsPartOf   string // article → the wiki's main page URL
	InLanguage string // article → the wiki's language code, a plain literal
	Name       string // article → its title, in the wiki's language
}{"Article", "about", "isPartOf", "inLanguage", "name"}
