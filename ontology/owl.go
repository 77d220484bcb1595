package ontology

import (
	"fmt"
	"strings"

	"github.com/knakk/rdf"
)

// Version is the version of the ontology, written as owl:versionInfo.
const Version = "0.1.0"

// OntologyIRI returns the IRI of the ontology document: the kgo namespace
// without its '#'.
func OntologyIRI() rdf.IRI {
	iri, err := rdf.NewIRI(strings.TrimSuffix(string(KGO), "#"))
	if err != nil {
		panic(err)
	}
	return iri
}

// sliceSink collects triples.
type sliceSink []rdf.Triple

func (s *sliceSink) Encode(t rdf.Triple) error {
	*s = append(*s, t)
	return nil
}

// OntologyTriples returns the OWL ontology of our own terms, generated from
// the mapping table, grouped by subject in a fixed order:
//
//   - the owl:Ontology header (label, comment, version);
//   - each kgo class: owl:Class, label, comment, rdfs:subClassOf its
//     schema.org class and its Wikidata class, or owl:equivalentClass its
//     Wikidata class when schema.org has none (kgo:PublicOffice ≡
//     wd:Q294414);
//   - each kgo property: owl:ObjectProperty (Wikidata datatype Item) or
//     owl:DatatypeProperty, label, comment, owl:equivalentProperty its truthy
//     Wikidata property and rdfs:subPropertyOf its schema.org property;
//   - kgo:evidenceStart, kgo:evidenceEnd and kgo:byteLength, the terms Map
//     uses besides the table's;
//   - the terms of Wikidata links: the class kgo:WikidataLink and the
//     properties kgo:wikidataLink, kgo:item, kgo:confidence and
//     kgo:evidence.
//
// The slice is new on every call.
func OntologyTriples() []rdf.Triple {
	var out sliceSink
	w := &blockWriter{sink: &out}
	en := func(s string) rdf.Literal {
		l, err := rdf.NewLangLiteral(s, "en")
		if err != nil {
			panic(err)
		}
		return l
	}
	plain := func(s string) rdf.Literal {
		l, err := rdf.NewLiteral(s)
		if err != nil {
			panic(err)
		}
		return l
	}
	ont := OntologyIRI()
	w.start(ont)
	w.add(rdfType, owlOntology)
	w.add(rdfsLabel, en("kgbuild ontology"))
	w.add(rdfsComment, en("The terms kgbuild uses to publish entities and facts extracted from "+
		"Wikipedia articles as linked data, and their mapping to schema.org and Wikidata. "+
		"Data use schema.org classes and properties and Wikidata's RDF model (truthy "+
		"wdt: triples, statement nodes with qualifiers, references quoting the evidence)."))
	w.add(owlVersionInfo, plain(Version))

	for _, c := range classes {
		w.start(KGO.IRI(c.Term))
		w.add(rdfType, owlClass)
		w.add(rdfsLabel, en(c.Label))
		w.add(rdfsComment, en(c.Comment))
		w.add(rdfsIsDefinedBy, ont)
		if c.Schema != "" {
			w.add(rdfsSubClassOf, Schema.IRI(c.Schema))
			w.add(rdfsSubClassOf, WD.IRI(c.Wikidata))
		} else {
			w.add(owlEquivClass, WD.IRI(c.Wikidata))
		}
	}
	for _, p := range properties {
		w.start(KGO.IRI(p.Term))
		if p.Datatype == Item {
			w.add(rdfType, owlObjectProp)
		} else {
			w.add(rdfType, owlDatatypeProp)
		}
		w.add(rdfsLabel, en(p.Label))
		w.add(rdfsComment, en(p.Comment))
		w.add(rdfsIsDefinedBy, ont)
		w.add(owlEquivProp, WDT.IRI(p.PID))
		if p.Schema != "" {
			w.add(rdfsSubPropOf, Schema.IRI(p.Schema))
		}
	}
	extra := []struct {
		term           rdf.IRI
		label, comment string
		domain         rdf.IRI
	}{
		{kgoEvidenceStart, "evidence start", "Byte offset in the document's text where the quoted evidence starts.", wikibaseRef},
		{kgoEvidenceEnd, "evidence end", "Byte offset in the document's text just after the quoted evidence.", wikibaseRef},
		{kgoByteLength, "byte length", "Length of the document's text in bytes.", schemaArticle},
	}
	for _, x := range extra {
		w.start(x.term)
		w.add(rdfType, owlDatatypeProp)
		w.add(rdfsLabel, en(x.label))
		w.add(rdfsComment, en(x.comment))
		w.add(rdfsIsDefinedBy, ont)
		w.add(rdfsDomain, x.domain)
		w.add(rdfsRange, xsdInteger)
	}

	// Wikidata links: the entity is owl:sameAs (and schema:sameAs) the
	// item; a link node says how sure the linker was and why.
	w.start(kgoWikidataLinkClass)
	w.add(rdfType, owlClass)
	w.add(rdfsLabel, en("Wikidata link"))
	w.add(rdfsComment, en("The record of a link from an entity to a Wikidata item, made by kgbuild's linker: "+
		"the item, the linker's confidence and the evidence it used. The entity also has owl:sameAs "+
		"and schema:sameAs the item."))
	w.add(rdfsIsDefinedBy, ont)
	links := []struct {
		term           rdf.IRI
		object         bool
		label, comment string
		domain, rng    rdf.IRI
	}{
		{kgoWikidataLink, true, "Wikidata link", "Links the entity to the record of its link to a Wikidata item.",
			schemaThing, kgoWikidataLinkClass},
		{kgoItem, true, "item", "The Wikidata item (wd:Q…) the link is to.",
			kgoWikidataLinkClass, wikibaseItem},
		{kgoConfidence, false, "confidence", "The linker's confidence in the link, a decimal in (0, 1].",
			kgoWikidataLinkClass, xsdDecimal},
		{kgoEvidence, false, "evidence", "What the linker based the link on: the name matched, the class, the country and the other entities that agreed.",
			kgoWikidataLinkClass, xsdString},
	}
	for _, x := range links {
		w.start(x.term)
		if x.object {
			w.add(rdfType, owlObjectProp)
		} else {
			w.add(rdfType, owlDatatypeProp)
		}
		w.add(rdfsLabel, en(x.label))
		w.add(rdfsComment, en(x.comment))
		w.add(rdfsIsDefinedBy, ont)
		w.add(rdfsDomain, x.domain)
		w.add(rdfsRange, x.rng)
	}
	if w.err != nil {
		panic(fmt.Sprintf("ontology: collecting triples: %v", w.err))
	}
	return out
}
