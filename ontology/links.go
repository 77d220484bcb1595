package ontology

import (
	"fmt"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// LinkTriples returns the triples [Map] writes for the Wikidata links of
// one entity (e.Links): those of the entity's own block (owl:sameAs,
// schema:sameAs and kgo:wikidataLink, in link order) and the blocks of its
// link nodes (kgo:WikidataLink, kgo:item, kgo:confidence, kgo:evidence).
// A linker of an existing graph adds them where Map would have written
// them, so that its links are Map's, triple for triple. Both slices are
// empty when the entity has no links.
func LinkTriples(e *extractor.Entity, opts Options) (entity, nodes []rdf.Triple, err error) {
	if e == nil || e.ID == "" {
		return nil, nil, fmt.Errorf("ontology: link triples: entity without ID")
	}
	m := &mapping{base: opts.Base}
	if m.base == "" {
		m.base = DefaultBase
	}
	iri, err := rdf.NewIRI(m.base + e.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("ontology: link triples: entity %q: bad IRI: %w", e.ID, err)
	}
	n := &entityNode{ent: e, iri: iri}
	if err := m.links(n); err != nil {
		return nil, nil, fmt.Errorf("ontology: link triples: entity %q: %w", e.ID, err)
	}
	var own, node collect
	w := &blockWriter{sink: &own}
	w.start(iri)
	emitLinks(w, n)
	w = &blockWriter{sink: &node}
	if err := emitLinkNodes(w, n); err != nil {
		return nil, nil, fmt.Errorf("ontology: link triples: entity %q: %w", e.ID, err)
	}
	return own, node, nil
}

// collect is a sink keeping the triples.
type collect []rdf.Triple

func (c *collect) Encode(t rdf.Triple) error {
	*c = append(*c, t)
	return nil
}
