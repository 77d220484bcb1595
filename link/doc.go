// Package link links the entities the extractor finds to Wikidata items,
// offline, from an index of candidates.
//
// An [Index] is read from SPARQL 1.1 query results (JSON, CSV or TSV) as the
// Wikidata Query Service exports them, with the columns item, itemLabel,
// itemAltLabel and optionally itemDescription, class (P31), country (P17)
// and sitelinks ([Load]). [Link] then gives an entity a link (a QID, a
// confidence in (0, 1] and the evidence used, in [extractor.Entity].Links)
// when one item fits its names, type, country and document well enough,
// and none otherwise; ontology.Map writes the links as owl:sameAs and
// schema:sameAs, with a kgo:WikidataLink node holding the confidence and
// the evidence.
package link
