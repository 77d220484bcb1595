package ontology

import (
	"fmt"
	"strconv"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// SHACL terms.
var (
	shNodeShape        = SH.IRI("NodeShape")
	shTargetClass      = SH.IRI("targetClass")
	shTargetSubjectsOf = SH.IRI("targetSubjectsOf")
	shProperty         = SH.IRI("property")
	shPath             = SH.IRI("path")
	shMinCount         = SH.IRI("minCount")
	shMaxCount         = SH.IRI("maxCount")
	shDatatype         = SH.IRI("datatype")
	shNodeKind         = SH.IRI("nodeKind")
	shIRIKind          = SH.IRI("IRI")
	shClass            = SH.IRI("class")
	shIn               = SH.IRI("in")
	shOr               = SH.IRI("or")
	shXone             = SH.IRI("xone")
	shPattern          = SH.IRI("pattern")
	shMinInclusive     = SH.IRI("minInclusive")
	shMinExclusive     = SH.IRI("minExclusive")
	shMaxInclusive     = SH.IRI("maxInclusive")
	shLessThanOrEquals = SH.IRI("lessThanOrEquals")
	shHasValue         = SH.IRI("hasValue")
	shMinLength        = SH.IRI("minLength")
	shMaxLength        = SH.IRI("maxLength")
	shName             = SH.IRI("name")
	shDescription      = SH.IRI("description")
	rdfFirst           = RDF.IRI("first")
	rdfRest            = RDF.IRI("rest")
	rdfNil             = RDF.IRI("nil")
	rdfLangString      = RDF.IRI("langString")
	wikibasePreferred  = Wikibase.IRI("PreferredRank")
	wikibaseDeprecated = Wikibase.IRI("DeprecatedRank")
)

// countRelations are the relations whose values are counts (whole numbers
// of things, not amounts with a unit): their values are non-negative
// xsd:integers. Other quantities are non-negative xsd:integers or
// xsd:decimals.
var countRelations = map[extractor.Relation]bool{
	extractor.Seats:   true,
	extractor.Members: true,
	extractor.Ranking: true,
}

// ShapesIRI is the IRI of the shapes graph, ontology/shapes.ttl.
func ShapesIRI() rdf.IRI { return KGS.IRI("") }

// propShape is one SHACL property shape.
type propShape struct {
	path      rdf.IRI
	name      string
	min, max  int       // 0: no constraint
	datatype  rdf.IRI   // zero: none
	datatypes []rdf.IRI // sh:or of datatypes
	iri       bool      // sh:nodeKind sh:IRI
	class     rdf.IRI
	in        []rdf.Object
	pattern   string
	minIncl   *rdf.Literal
	minExcl   *rdf.Literal
	maxIncl   *rdf.Literal
	lessEq    rdf.IRI // sh:lessThanOrEquals
	hasValue  rdf.Object
	length    int // sh:minLength and sh:maxLength
}

// nodeShape is one SHACL node shape.
type nodeShape struct {
	local       string // local name in the kgs: namespace
	description string
	targetClass rdf.IRI
	targetSubj  rdf.IRI
	props       []propShape
	xone        []propShape // exactly one of these holds
}

func integer(n int) *rdf.Literal {
	l := rdf.NewTypedLiteral(strconv.Itoa(n), xsdInteger)
	return &l
}

func decimal(s string) *rdf.Literal {
	l := rdf.NewTypedLiteral(s, xsdDecimal)
	return &l
}

var timeTypes = []rdf.IRI{xsdDate, xsdGYearMonth, xsdGYear}

// datePattern is the lexical form of our dates: a year, then optionally a
// month 01-12, then optionally a day 01-31.
const datePattern = `^-?[0-9]{4,}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// valueShape is the shape of the values of property p (by Wikidata
// datatype) on path.
func valueShape(path rdf.IRI, p Property) propShape {
	ps := propShape{path: path, name: p.Label}
	switch p.Datatype {
	case Item:
		ps.iri = true
	case Time:
		ps.datatypes = timeTypes
		// Validators check the lexical form of xsd:date loosely (any two
		// digits as month): the pattern allows months 01-12, days 01-31.
		ps.pattern = datePattern
	case Quantity:
		if countRelations[p.Relation] {
			ps.datatype = xsdInteger
		} else {
			ps.datatypes = []rdf.IRI{xsdInteger, xsdDecimal}
		}
		ps.minIncl = integer(0)
	}
	return ps
}

// shapes is the shapes graph, built from the mapping table.
func shapes() []nodeShape {
	entity := nodeShape{
		local:       "EntityShape",
		description: "An entity (a subject with wdt:P31): typed, classed in Wikidata, labelled and named; its truthy and schema.org values well-typed; its statements wikibase:Statements.",
		targetSubj:  wdtInstanceOf,
		props: []propShape{
			{path: rdfType, name: "type", min: 1, iri: true},
			{path: wdtInstanceOf, name: "instance of", min: 1, iri: true, pattern: "^" + string(WD) + "Q[1-9][0-9]*$"},
			{path: rdfsLabel, name: "label", min: 1, datatype: rdfLangString},
			{path: schemaName, name: "name", min: 1, datatype: rdfLangString},
			{path: skosAltLabel, name: "alias", datatype: rdfLangString},
			{path: schemaAltName, name: "alternate name", datatype: rdfLangString},
			{path: owlSameAs, name: "same as", iri: true, pattern: "^" + string(WD) + "Q[1-9][0-9]*$"},
		},
	}
	stmt := nodeShape{
		local:       "StatementShape",
		description: "A statement: exactly one ps: value, well-typed; one rank; qualifiers well-typed; at least one reference.",
		targetClass: wikibaseStmt,
		props: []propShape{
			{path: wikibaseRank, name: "rank", min: 1, max: 1, in: []rdf.Object{wikibasePreferred, wikibaseNormal, wikibaseDeprecated}},
			{path: provDerivedFrom, name: "reference", min: 1, class: wikibaseRef},
		},
	}
	for _, p := range properties {
		v := valueShape(WDT.IRI(p.PID), p)
		entity.props = append(entity.props, v)
		if p.Schema != "" && p.Datatype != Quantity {
			entity.props = append(entity.props, valueShape(Schema.IRI(p.Schema), p))
		}
		entity.props = append(entity.props, propShape{path: P.IRI(p.PID), name: p.Label + " statement", class: wikibaseStmt})
		s := valueShape(PS.IRI(p.PID), p)
		s.max = 1
		stmt.props = append(stmt.props, s)
		stmt.props = append(stmt.props, valueShape(PQ.IRI(p.PID), p))
		stmt.xone = append(stmt.xone, propShape{path: PS.IRI(p.PID), name: p.Label, min: 1})
	}
	ref := nodeShape{
		local:       "ReferenceShape",
		description: "A reference: the evidence quoted, the document it is stated in, and the evidence's byte offsets in order.",
		targetClass: wikibaseRef,
		props: []propShape{
			{path: prQuote, name: "quote", min: 1, max: 1, datatype: rdfLangString},
			{path: prStatedIn, name: "stated in", min: 1, iri: true},
			{path: kgoEvidenceStart, name: "evidence start", min: 1, max: 1, datatype: xsdInteger, minIncl: integer(0), lessEq: kgoEvidenceEnd},
			{path: kgoEvidenceEnd, name: "evidence end", min: 1, max: 1, datatype: xsdInteger, minIncl: integer(0)},
		},
	}
	// Source documents and the Wikipedia articles of entities are both
	// schema:Article: a document has a byte length, an entity's article is
	// about the entity (exactly one of the two).
	doc := nodeShape{
		local:       "DocumentShape",
		description: "A source document (its title and its length in bytes) or an entity's Wikipedia article (about the entity).",
		targetClass: schemaArticle,
		props: []propShape{
			{path: schemaName, name: "title", max: 1, datatype: rdfLangString},
			{path: kgoByteLength, name: "byte length", max: 1, datatype: xsdInteger, minIncl: integer(0)},
		},
		xone: []propShape{
			{path: kgoByteLength, name: "byte length", min: 1},
			{path: Schema.IRI(Sitelink.About), name: "about", min: 1},
		},
	}
	sitelink := nodeShape{
		local:       "SitelinkShape",
		description: "An entity's Wikipedia article, as Wikidata writes sitelinks: the entities it is about, its wiki, the wiki's language, its title.",
		targetSubj:  Schema.IRI(Sitelink.About),
		props: []propShape{
			{path: rdfType, name: "type", min: 1, hasValue: schemaArticle},
			{path: Schema.IRI(Sitelink.About), name: "about", min: 1, iri: true},
			{path: Schema.IRI(Sitelink.IsPartOf), name: "wiki", min: 1, max: 1, iri: true, pattern: "^https://[^/]+/$"},
			{path: Schema.IRI(Sitelink.InLanguage), name: "language", max: 1, datatype: xsdString},
			{path: Schema.IRI(Sitelink.Name), name: "title", min: 1, max: 1, datatype: rdfLangString},
		},
	}
	link := nodeShape{
		local:       "WikidataLinkShape",
		description: "A link to Wikidata: the item and a confidence in (0, 1].",
		targetClass: kgoWikidataLinkClass,
		props: []propShape{
			{path: kgoItem, name: "item", min: 1, max: 1, iri: true, pattern: "^" + string(WD) + "Q[1-9][0-9]*$"},
			{path: kgoConfidence, name: "confidence", min: 1, max: 1, datatype: xsdDecimal, minExcl: decimal("0"), maxIncl: decimal("1")},
		},
	}
	quantity := nodeShape{
		local:       "QuantityValueShape",
		description: "The value node of a quantity with a unit: a non-negative amount and the unit's item.",
		targetClass: wikibaseQuantityValue,
		props: []propShape{
			{path: wikibaseQuantityAmount, name: "amount", min: 1, max: 1, datatype: xsdDecimal, minIncl: decimal("0")},
			{path: wikibaseQuantityUnit, name: "unit", min: 1, max: 1, iri: true},
		},
	}
	return append([]nodeShape{entity, stmt, ref, doc, sitelink, link, quantity}, descriptionShapes()...)
}

// descriptionShapes are the shapes of dataset descriptions (package
// dataset): counts are non-negative integers, distributions have a size
// and a SHA-256.
func descriptionShapes() []nodeShape {
	count := func(path rdf.IRI, name string) propShape {
		return propShape{path: path, name: name, min: 1, max: 1, datatype: xsdInteger, minIncl: integer(0)}
	}
	void, dcat, dct, spdx := VoID.IRI, DCAT.IRI, DCTerms.IRI, SPDX.IRI
	nonNeg := XSD.IRI("nonNegativeInteger")
	dateTime := XSD.IRI("dateTime")
	return []nodeShape{
		{
			local:       "DatasetShape",
			description: "A dataset description: title, licence, dates, VoID counts, partitions and distributions.",
			targetClass: dcat("Dataset"),
			props: []propShape{
				{path: dct("title"), name: "title", min: 1, datatype: rdfLangString},
				{path: dct("license"), name: "license", min: 1, max: 1, iri: true},
				{path: dct("issued"), name: "issued", max: 1, datatype: dateTime},
				{path: dct("modified"), name: "modified", max: 1, datatype: dateTime},
				count(void("triples"), "triples"),
				count(void("entities"), "entities"),
				count(void("distinctSubjects"), "distinct subjects"),
				count(void("properties"), "properties"),
				count(void("classes"), "classes"),
				{path: void("dataDump"), name: "data dump", iri: true},
				{path: dcat("distribution"), name: "distribution", class: dcat("Distribution")},
			},
		},
		{
			local:       "ClassPartitionShape",
			description: "A VoID class partition: the class and its number of instances.",
			targetSubj:  void("class"),
			props:       []propShape{{path: void("class"), name: "class", min: 1, max: 1, iri: true}, count(void("entities"), "entities")},
		},
		{
			local:       "PropertyPartitionShape",
			description: "A VoID property partition: the property and its number of triples.",
			targetSubj:  void("property"),
			props:       []propShape{{path: void("property"), name: "property", min: 1, max: 1, iri: true}, count(void("triples"), "triples")},
		},
		{
			local:       "LinksetShape",
			description: "A VoID linkset: its link predicate, targets and number of links.",
			targetClass: void("Linkset"),
			props: []propShape{
				{path: void("linkPredicate"), name: "link predicate", min: 1, max: 1, iri: true},
				{path: void("subjectsTarget"), name: "subjects target", min: 1, max: 1, iri: true},
				{path: void("objectsTarget"), name: "objects target", min: 1, max: 1, iri: true},
				count(void("triples"), "links"),
			},
		},
		{
			local:       "DistributionShape",
			description: "A distribution: where to download it, its media type, size and SHA-256.",
			targetClass: dcat("Distribution"),
			props: []propShape{
				{path: dcat("downloadURL"), name: "download URL", min: 1, max: 1, iri: true},
				{path: dcat("mediaType"), name: "media type", max: 1, iri: true, pattern: "^" + string(MediaTypes)},
				{path: dcat("byteSize"), name: "byte size", min: 1, max: 1, datatype: nonNeg},
				{path: spdx("checksum"), name: "checksum", min: 1, max: 1},
			},
		},
		{
			local:       "ChecksumShape",
			description: "A SHA-256 checksum: 64 hexadecimal digits.",
			targetClass: spdx("Checksum"),
			props: []propShape{
				{path: spdx("algorithm"), name: "algorithm", min: 1, max: 1, hasValue: spdx("checksumAlgorithm_sha256")},
				{path: spdx("checksumValue"), name: "value", min: 1, max: 1, datatype: XSD.IRI("hexBinary"), length: 64},
			},
		},
		{
			local:       "ActivityShape",
			description: "The run that made a dataset: when it started and ended.",
			targetClass: PROV.IRI("Activity"),
			props: []propShape{
				{path: PROV.IRI("startedAtTime"), name: "started", max: 1, datatype: dateTime},
				{path: PROV.IRI("endedAtTime"), name: "ended", max: 1, datatype: dateTime},
				{path: PROV.IRI("wasAssociatedWith"), name: "software", min: 1, iri: true},
			},
		},
	}
}

// ShapesTriples returns the SHACL shapes of kgbuild's output, generated from
// the mapping table, for ontology/shapes.ttl:
//
//   - EntityShape (subjects of wdt:P31): rdf:type, wdt:P31 a Wikidata item,
//     rdfs:label and schema:name language-tagged; for each property of the
//     table, the truthy and schema.org values of its datatype (items are
//     IRIs, dates xsd:date, xsd:gYearMonth or xsd:gYear with months 01-12
//     and days 01-31, quantities
//     non-negative numbers and counts non-negative xsd:integers) and p:
//     linking to wikibase:Statements;
//   - StatementShape: exactly one ps: value (sh:xone over the table's
//     properties, each at most once), well-typed; one rank; qualifiers
//     well-typed; at least one prov:wasDerivedFrom wikibase:Reference;
//   - ReferenceShape: one quote, a document stated in, byte offsets as
//     non-negative integers with start ≤ end;
//   - DocumentShape (a source document, or with SitelinkShape an entity's
//     Wikipedia article), WikidataLinkShape (confidence in (0, 1]),
//     QuantityValueShape;
//   - the shapes of dataset descriptions: DatasetShape (VoID counts are
//     non-negative integers), class and property partitions, linkset,
//     distributions, SHA-256 checksums (64 hex digits), the run.
//
// Shapes are IRIs in the kgs: namespace; property shapes and lists are
// blank nodes. The slice is new on every call.
func ShapesTriples() []rdf.Triple {
	var out sliceSink
	w := &blockWriter{sink: &out}
	en := func(s string) rdf.Literal {
		l, err := rdf.NewLangLiteral(s, "en")
		if err != nil {
			panic(err)
		}
		return l
	}
	n := 0
	blank := func(prefix string) rdf.Blank {
		n++
		b, err := rdf.NewBlank(fmt.Sprintf("%s%d", prefix, n))
		if err != nil {
			panic(err)
		}
		return b
	}
	// Blocks that follow a shape's: its property shapes and lists.
	type pending struct {
		subj rdf.Blank
		ps   *propShape
		list []rdf.Object // a list cell: first and the rest
	}
	w.start(ShapesIRI())
	w.add(rdfType, owlOntology)
	w.add(rdfsLabel, en("kgbuild output shapes"))
	w.add(rdfsComment, en("SHACL shapes of the graphs and dataset descriptions kgbuild writes, generated from its mapping table."))
	w.add(owlVersionInfo, mustLiteral(Version))
	for _, s := range shapes() {
		var later []pending
		list := func(items []rdf.Object) rdf.Object {
			if len(items) == 0 {
				return rdfNil
			}
			head := blank("list")
			later = append(later, pending{subj: head, list: items})
			return head
		}
		shapeList := func(pss []propShape) rdf.Object {
			var items []rdf.Object
			for i := range pss {
				b := blank("p")
				later = append(later, pending{subj: b, ps: &pss[i]})
				items = append(items, b)
			}
			return list(items)
		}
		w.start(KGS.IRI(s.local))
		w.add(rdfType, shNodeShape)
		w.add(rdfsComment, en(s.description))
		if s.targetClass != (rdf.IRI{}) {
			w.add(shTargetClass, s.targetClass)
		}
		if s.targetSubj != (rdf.IRI{}) {
			w.add(shTargetSubjectsOf, s.targetSubj)
		}
		for i := range s.props {
			b := blank("p")
			later = append(later, pending{subj: b, ps: &s.props[i]})
			w.add(shProperty, b)
		}
		if len(s.xone) > 0 {
			w.add(shXone, shapeList(s.xone))
		}
		for i := 0; i < len(later); i++ { // later grows as lists are made
			p := later[i]
			w.start(p.subj)
			if p.list != nil {
				w.add(rdfFirst, p.list[0])
				w.add(rdfRest, list(p.list[1:]))
				continue
			}
			ps := p.ps
			if ps.path != (rdf.IRI{}) {
				w.add(shPath, ps.path)
			}
			if ps.name != "" {
				w.add(shName, en(ps.name))
			}
			if ps.min > 0 {
				w.add(shMinCount, *integer(ps.min))
			}
			if ps.max > 0 {
				w.add(shMaxCount, *integer(ps.max))
			}
			if ps.datatype != (rdf.IRI{}) {
				w.add(shDatatype, ps.datatype)
			}
			if len(ps.datatypes) > 0 {
				var alts []propShape
				for _, d := range ps.datatypes {
					alts = append(alts, propShape{datatype: d})
				}
				var items []rdf.Object
				for i := range alts {
					b := blank("dt")
					later = append(later, pending{subj: b, ps: &alts[i]})
					items = append(items, b)
				}
				w.add(shOr, list(items))
			}
			if ps.iri {
				w.add(shNodeKind, shIRIKind)
			}
			if ps.class != (rdf.IRI{}) {
				w.add(shClass, ps.class)
			}
			if ps.in != nil {
				w.add(shIn, list(ps.in))
			}
			if ps.pattern != "" {
				w.add(shPattern, mustLiteral(ps.pattern))
			}
			if ps.minIncl != nil {
				w.add(shMinInclusive, *ps.minIncl)
			}
			if ps.minExcl != nil {
				w.add(shMinExclusive, *ps.minExcl)
			}
			if ps.maxIncl != nil {
				w.add(shMaxInclusive, *ps.maxIncl)
			}
			if ps.lessEq != (rdf.IRI{}) {
				w.add(shLessThanOrEquals, ps.lessEq)
			}
			if ps.hasValue != nil {
				w.add(shHasValue, ps.hasValue)
			}
			if ps.length > 0 {
				w.add(shMinLength, *integer(ps.length))
				w.add(shMaxLength, *integer(ps.length))
			}
		}
	}
	if w.err != nil {
		panic(w.err) // the shapes are the program's
	}
	return out
}

func mustLiteral(s string) rdf.Literal {
	l, err := rdf.NewLiteral(s)
	if err != nil {
		panic(err)
	}
	return l
}
