package extractor

import "fmt"

// Type is the kind of an extracted entity. The ontology package maps every
// Type to a schema.org class and a Wikidata class.
type Type string

// Entity types.
const (
	Person                 Type = "Person"
	Organization           Type = "Organization"
	GovernmentOrganization Type = "GovernmentOrganization"
	PoliticalParty         Type = "PoliticalParty"
	Country                Type = "Country"
	City                   Type = "City"
	AdministrativeArea     Type = "AdministrativeArea"
	Place                  Type = "Place"
	Office                 Type = "Office"
	Event                  Type = "Event"
	CreativeWork           Type = "CreativeWork"
	ScholarlyArticle       Type = "ScholarlyArticle"
	Periodical             Type = "Periodical"
	Legislation            Type = "Legislation"
)

// Types lists every entity type, in a fixed order.
var Types = []Type{Person, Organization, GovernmentOrganization, PoliticalParty,
	Country, City, AdministrativeArea, Place, Office, Event, CreativeWork,
	ScholarlyArticle, Periodical, Legislation}

// Relation is the kind of a fact or of a qualifier. The ontology package
// maps every Relation to a Wikidata property and, where one exists, a
// schema.org property.
type Relation string

// Relations between entities and values.
const (
	PositionHeld           Relation = "positionHeld"           // person → office
	PartyMembership        Relation = "memberOfPoliticalParty" // person → party
	HeadOfState            Relation = "headOfState"            // country → person
	HeadOfGovernment       Relation = "headOfGovernment"       // country → person
	HeadOfStateOffice      Relation = "officeHeldByHeadOfState"
	HeadOfGovernmentOffice Relation = "officeHeldByHeadOfGovernment"
	LeaderOffice           Relation = "officeHeldByHeadOfOrganization"
	ExecutiveBody          Relation = "executiveBody"
	LegislativeBody        Relation = "legislativeBody"
	HighestCourt           Relation = "highestJudicialAuthority"
	Capital                Relation = "capital"
	AppointedBy            Relation = "appointedBy"
	TermLength             Relation = "termLength" // quantity in years
	Dissolved              Relation = "dissolved"
	Inception              Relation = "inception"
	Ranking                Relation = "ranking"
	HasPart                Relation = "hasPart"
	PartOf                 Relation = "partOf"
	Seats                  Relation = "numberOfSeats"
	Members                Relation = "memberCount"
	InCountry              Relation = "country"
	Publisher              Relation = "publisher"
	Author                 Relation = "author"
	PublicationDate        Relation = "publicationDate"
	PublishedIn            Relation = "publishedIn"
	ContainsArea           Relation = "containsAdministrativeArea"
	LocatedIn              Relation = "locatedInAdministrativeArea"
	MemberOf               Relation = "memberOf"
	Chairperson            Relation = "chairperson"
	Replaces               Relation = "replaces"
	ReplacedBy             Relation = "replacedBy"
	Jurisdiction           Relation = "appliesToJurisdiction"
	PointInTime            Relation = "pointInTime"

	// Qualifiers.
	StartTime Relation = "startTime"
	EndTime   Relation = "endTime"
)

// Relations lists every relation, in a fixed order.
var Relations = []Relation{PositionHeld, PartyMembership, HeadOfState,
	HeadOfGovernment, HeadOfStateOffice, HeadOfGovernmentOffice, LeaderOffice,
	ExecutiveBody, LegislativeBody, HighestCourt, Capital, AppointedBy,
	TermLength, Dissolved, Inception, Ranking, HasPart, PartOf, Seats, Members,
	InCountry, Publisher, Author, PublicationDate, PublishedIn, ContainsArea,
	LocatedIn, MemberOf, Chairperson, Replaces, ReplacedBy, Jurisdiction,
	PointInTime, StartTime, EndTime}

// Span is a half-open byte range [Start, End) of a document's text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Label is a language-tagged name. Lang is a BCP 47 tag as written
// ("en", "kk", "kk-Latn").
type Label struct {
	Text string
	Lang string
}

// Entity is one real-world thing a document speaks of.
type Entity struct {
	// ID identifies the entity within and across documents: it is derived
	// from the type and the canonical name only, so it stays stable when
	// unrelated text changes.
	ID      string
	Type    Type
	Name    string   // canonical English name
	Aliases []string // other English names, sorted
	Labels  []Label  // names in other languages or scripts
	// Mentions are where the entity is named in the text, in order.
	Mentions []Span
	// Links are the Wikidata items the entity was matched to by a linker
	// (none by the extractor itself).
	Links []Link
	// Wiki is the title of the Wikipedia article the text links the entity
	// to ("Kassym-Jomart Tokayev"), from a wikitext link on one of its
	// mentions; empty when none. The site is the document's WikiSite.
	Wiki string
}

// Link says that an entity is a Wikidata item, with the linker's
// confidence (0–1] and a short account of the evidence used.
type Link struct {
	QID        string // "Q232"
	Confidence float64
	Evidence   string
}

// ValueKind says which field of a Value holds it.
type ValueKind uint8

// Kinds of value.
const (
	EntityValue ValueKind = iota + 1
	DateValue
	IntValue
	QuantityValue
	StringValue
)

// Date is a calendar date whose month and day may be unknown (zero).
type Date struct {
	Year, Month, Day int
}

// String returns the date as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Value is the object of a fact or of a qualifier.
type Value struct {
	Kind   ValueKind
	Entity string // entity ID, for EntityValue
	Date   Date   // for DateValue
	Int    int64  // for IntValue and the amount of a QuantityValue
	Unit   string // for QuantityValue: "year"
	Text   string // for StringValue
	Lang   string // for StringValue, optional
}

// EntityRef returns a Value naming the entity with the given ID.
func EntityRef(id string) Value { return Value{Kind: EntityValue, Entity: id} }

// DateOf returns a date Value.
func DateOf(d Date) Value { return Value{Kind: DateValue, Date: d} }

// IntOf returns an integer Value.
func IntOf(n int64) Value { return Value{Kind: IntValue, Int: n} }

// Years returns a duration Value of n years.
func Years(n int64) Value { return Value{Kind: QuantityValue, Int: n, Unit: "year"} }

// Key returns a string that is equal for equal values.
func (v Value) Key() string {
	switch v.Kind {
	case EntityValue:
		return "e:" + v.Entity
	case DateValue:
		return "d:" + v.Date.String()
	case IntValue:
		return fmt.Sprintf("i:%d", v.Int)
	case QuantityValue:
		return fmt.Sprintf("q:%d %s", v.Int, v.Unit)
	}
	return "s:" + v.Lang + ":" + v.Text
}

// Qualifier refines a fact, like the date an office was taken up.
type Qualifier struct {
	Relation Relation
	Value    Value
}

// Fact is one statement about an entity, tied to the text it came from.
type Fact struct {
	Subject    string // entity ID
	Relation   Relation
	Object     Value
	Qualifiers []Qualifier
	// Evidence is the sentence or table row the fact was read from.
	Evidence Span
	// Sources are the IDs of the works the evidence cites (footnotes).
	Sources []string
}

// Result is what the extractor finds in one document.
type Result struct {
	Doc      *Document
	Entities []*Entity // sorted by ID
	Facts    []Fact    // in a deterministic order
}

// Entity returns the entity with the given ID, or nil.
func (r *Result) Entity(id string) *Entity {
	for _, e := range r.Entities {
		if e.ID == id {
			return e
		}
	}
	return nil
}
