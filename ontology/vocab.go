// Package ontology maps the extractor's entities and facts to RDF: every
// entity type to a schema.org class and a Wikidata class, every relation to a
// Wikidata property and, where one fits, a schema.org property. It turns an
// [extractor.Result] into triples in the Wikidata RDF model (truthy triples,
// statement nodes with qualifiers, reference nodes quoting the evidence) plus
// a schema.org view, and describes its own terms as an OWL ontology.
//
// This file is the only place where vocabulary namespace IRIs are spelled.
package ontology

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/knakk/rdf"
)

// Namespace is a vocabulary namespace IRI, ending in '/' or '#'.
type Namespace string

// Vocabulary namespaces. Each IRI is spelled here once; everything else in
// the project builds its terms from these.
const (
	RDF    Namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   Namespace = "http://www.w3.org/2000/01/rdf-schema#"
	OWL    Namespace = "http://www.w3.org/2002/07/owl#"
	XSD    Namespace = "http://www.w3.org/2001/XMLSchema#"
	SKOS   Namespace = "http://www.w3.org/2004/02/skos/core#"
	Schema Namespace = "https://schema.org/"
	WD     Namespace = "http://www.wikidata.org/entity/"
	WDT    Namespace = "http://www.wikidata.org/prop/direct/"
	P      Namespace = "http://www.wikidata.org/prop/"
	PS               = P + "statement/"
	PQ               = P + "qualifier/"
	PR               = P + "reference/"
	// PSV links a statement to its full value node (a quantity with its
	// unit).
	PSV                = P + "statement/value/"
	Wikibase Namespace = "http://wikiba.se/ontology#"
	PROV     Namespace = "http://www.w3.org/ns/prov#"
	DCTerms  Namespace = "http://purl.org/dc/terms/"
	// Vocabularies of dataset descriptions (package dataset) and shapes.
	VoID Namespace = "http://rdfs.org/ns/void#"
	DCAT Namespace = "http://www.w3.org/ns/dcat#"
	SPDX Namespace = "http://spdx.org/rdf/terms#"
	FOAF Namespace = "http://xmlns.com/foaf/0.1/"
	SH   Namespace = "http://www.w3.org/ns/shacl#"
	// MediaTypes is IANA's media type registry: a media type's IRI is the
	// namespace plus "text/turtle" (DCAT 3's dcat:mediaType values).
	MediaTypes Namespace = "https://www.iana.org/assignments/media-types/"
	// KGO is kgbuild's own ontology. We have no registered domain yet: this
	// is the one place to change when we do.
	KGO Namespace = "https://example.org/kgbuild/ontology#"
	// KGS names the SHACL shapes of our output (ontology/shapes.ttl).
	KGS Namespace = "https://example.org/kgbuild/shapes#"
)

// WikidataDataset is the IRI that names Wikidata as a whole, the target of
// our links' void:Linkset.
const WikidataDataset = "https://www.wikidata.org/"

// DefaultBase is the base IRI of generated resources (entities, statements,
// references, documents) when [Options.Base] is empty.
const DefaultBase = "https://example.org/kgbuild/resource/"

// IRI returns the term local in the namespace. It panics if the result is not
// a valid IRI, which can only happen for local names that are not constants
// of the program; build IRIs from data with rdf.NewIRI and check the error.
func (ns Namespace) IRI(local string) rdf.IRI {
	iri, err := rdf.NewIRI(string(ns) + local)
	if err != nil {
		panic(fmt.Sprintf("ontology: bad term %q in %s: %v", local, ns, err))
	}
	return iri
}

// Prefix is a namespace prefix for writers: Name without its colon, IRI the
// namespace.
type Prefix struct {
	Name, IRI string
}

// prefixes is the fixed order in which Prefixes lists the namespaces.
var prefixes = []struct {
	name string
	ns   Namespace
}{
	{"rdf", RDF}, {"rdfs", RDFS}, {"owl", OWL}, {"xsd", XSD}, {"skos", SKOS},
	{"schema", Schema}, {"wd", WD}, {"wdt", WDT}, {"p", P}, {"ps", PS},
	{"pq", PQ}, {"pr", PR}, {"psv", PSV}, {"wikibase", Wikibase}, {"prov", PROV},
	{"dcterms", DCTerms}, {"kgo", KGO},
}

// descriptionPrefixes are the prefixes of dataset descriptions, in order.
var descriptionPrefixes = []struct {
	name string
	ns   Namespace
}{
	{"rdf", RDF}, {"rdfs", RDFS}, {"owl", OWL}, {"xsd", XSD},
	{"void", VoID}, {"dcat", DCAT}, {"dcterms", DCTerms}, {"prov", PROV},
	{"spdx", SPDX}, {"foaf", FOAF}, {"schema", Schema}, {"wd", WD},
	{"wdt", WDT}, {"p", P}, {"ps", PS}, {"pq", PQ}, {"pr", PR},
	{"psv", PSV}, {"wikibase", Wikibase}, {"skos", SKOS}, {"kgo", KGO},
	{"sh", SH}, {"kgs", KGS},
}

// DescriptionPrefixes returns the prefixes of dataset descriptions and
// shapes (VoID, DCAT, PROV, SPDX, SHACL besides those of [Prefixes]), in a
// fixed order. The slice is new on every call.
func DescriptionPrefixes() []Prefix {
	out := make([]Prefix, len(descriptionPrefixes))
	for i, p := range descriptionPrefixes {
		out[i] = Prefix{Name: p.name, IRI: string(p.ns)}
	}
	return out
}

// Prefixes returns the vocabulary prefixes in a fixed order, for writers.
// The slice is new on every call. Note that p: is a prefix of ps:, pq: and
// pr: as strings: writers must pick the longest matching namespace.
func Prefixes() []Prefix {
	out := make([]Prefix, len(prefixes))
	for i, p := range prefixes {
		out[i] = Prefix{Name: p.name, IRI: string(p.ns)}
	}
	return out
}

// Context returns a JSON-LD context document, {"@context": {…}}, for
// compacting our graphs with json-gold: the prefixes of [Prefixes],
// "@vocab" schema.org, "@language" "en", and a term for each schema.org
// property of the mapping table, coerced to "@id" when it links entities,
// to xsd:date when it holds dates and to xsd:duration when it holds
// quantities. The JSON is deterministic; the slice is new on every call.
func Context() []byte {
	var b bytes.Buffer
	b.WriteString("{\n  \"@context\": {\n")
	first := true
	entry := func(key string, val any) {
		k, err := json.Marshal(key)
		if err != nil {
			panic(err)
		}
		v, err := json.Marshal(val)
		if err != nil {
			panic(err)
		}
		if !first {
			b.WriteString(",\n")
		}
		first = false
		fmt.Fprintf(&b, "    %s: %s", k, v)
	}
	entry("@vocab", string(Schema))
	entry("@language", "en")
	for _, p := range prefixes {
		entry(p.name, string(p.ns))
	}
	seen := map[string]bool{}
	for _, p := range properties {
		if p.Schema == "" || seen[p.Schema] {
			continue
		}
		seen[p.Schema] = true
		var typ string
		switch p.Datatype {
		case Item:
			typ = "@id"
		case Time:
			typ = "xsd:date"
		case Quantity:
			typ = "xsd:duration"
		default:
			continue
		}
		entry(p.Schema, struct {
			ID   string `json:"@id"`
			Type string `json:"@type"`
		}{"schema:" + p.Schema, typ})
	}
	b.WriteString("\n  }\n}\n")
	return b.Bytes()
}

// Terms used by the mapping.
var (
	rdfType          = RDF.IRI("type")
	rdfsLabel        = RDFS.IRI("label")
	rdfsComment      = RDFS.IRI("comment")
	rdfsSubClassOf   = RDFS.IRI("subClassOf")
	rdfsSubPropOf    = RDFS.IRI("subPropertyOf")
	rdfsDomain       = RDFS.IRI("domain")
	rdfsRange        = RDFS.IRI("range")
	rdfsIsDefinedBy  = RDFS.IRI("isDefinedBy")
	owlOntology      = OWL.IRI("Ontology")
	owlClass         = OWL.IRI("Class")
	owlObjectProp    = OWL.IRI("ObjectProperty")
	owlDatatypeProp  = OWL.IRI("DatatypeProperty")
	owlEquivClass    = OWL.IRI("equivalentClass")
	owlEquivProp     = OWL.IRI("equivalentProperty")
	owlVersionInfo   = OWL.IRI("versionInfo")
	skosAltLabel     = SKOS.IRI("altLabel")
	schemaName       = Schema.IRI("name")
	schemaAltName    = Schema.IRI("alternateName")
	schemaArticle    = Schema.IRI("Article")
	wdtInstanceOf    = WDT.IRI("P31")
	wikibaseStmt     = Wikibase.IRI("Statement")
	wikibaseRef      = Wikibase.IRI("Reference")
	wikibaseRank     = Wikibase.IRI("rank")
	wikibaseNormal   = Wikibase.IRI("NormalRank")
	provDerivedFrom  = PROV.IRI("wasDerivedFrom")
	prQuote          = PR.IRI("P1683") // quote
	prStatedIn       = PR.IRI("P248")  // stated in
	kgoEvidenceStart = KGO.IRI("evidenceStart")
	kgoEvidenceEnd   = KGO.IRI("evidenceEnd")
	kgoByteLength    = KGO.IRI("byteLength")
	xsdInteger       = XSD.IRI("integer")
	xsdDecimal       = XSD.IRI("decimal")
	xsdDate          = XSD.IRI("date")
	xsdGYearMonth    = XSD.IRI("gYearMonth")
	xsdGYear         = XSD.IRI("gYear")
	xsdDuration      = XSD.IRI("duration")

	wikibaseQuantityValue  = Wikibase.IRI("QuantityValue")
	wikibaseQuantityAmount = Wikibase.IRI("quantityAmount")
	wikibaseQuantityUnit   = Wikibase.IRI("quantityUnit")
)
