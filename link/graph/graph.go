// Package graph links the entities of a graph kgbuild has written, read
// back from RDF, as build --link would have linked them.
//
// [Read] takes the statements of a graph and reconstructs, from kgbuild's
// RDF output contract, what the linker reads: each entity's IRI, type
// (rdf:type or wdt:P31), name (its first rdfs:label in the graph's
// language), aliases (skos:altLabel), labels in other languages, country
// (wdt:P17), Wikipedia article (schema:about of a sitelink), the sentences
// it occurs in (the evidence spans of the statements naming it) and the
// document's title and wiki. [Graph.Link] runs
// [link.Link] on them; [Graph.Quads] gives the statements back with the
// links in them, written where ontology.Map writes them, so that linking
// a graph gives the graph build --link would have written.
package graph

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/link"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// Terms read from the graph, built from ontology's namespaces.
var (
	rdfType          = ontology.RDF.IRI("type")
	rdfsLabel        = ontology.RDFS.IRI("label")
	skosAltLabel     = ontology.SKOS.IRI("altLabel")
	schemaName       = ontology.Schema.IRI("name")
	schemaAltName    = ontology.Schema.IRI("alternateName")
	schemaArticle    = ontology.Schema.IRI("Article")
	owlSameAs        = ontology.OWL.IRI("sameAs")
	schemaSameAs     = ontology.Schema.IRI("sameAs")
	wdtInstanceOf    = ontology.WDT.IRI("P31")
	kgoByteLength    = ontology.KGO.IRI("byteLength")
	kgoWikidataLink  = ontology.KGO.IRI("wikidataLink")
	kgoLinkClass     = ontology.KGO.IRI("WikidataLink")
	kgoEvidenceStart = ontology.KGO.IRI("evidenceStart")
	kgoEvidenceEnd   = ontology.KGO.IRI("evidenceEnd")
	provDerivedFrom  = ontology.PROV.IRI("wasDerivedFrom")
	schemaAbout      = ontology.Schema.IRI(ontology.Sitelink.About)
	schemaIsPartOf   = ontology.Schema.IRI(ontology.Sitelink.IsPartOf)
	schemaArticleRef = ontology.Schema.IRI(ontology.Sitelink.Class)
)

// documentPath is where ontology.Map puts document nodes under the base.
const documentPath = "document/"

// Options configures [Read].
type Options struct {
	// Base is the base IRI of the graph's entities when the graph has no
	// document node to tell it (Map writes BASE/document/NAME); empty
	// means ontology.DefaultBase.
	Base string
	// Lang is the language of entity names; empty means "en".
	Lang string
}

// Graph is a kgbuild graph read back for linking.
type Graph struct {
	quads []rdf.Quad
	base  string
	lang  string
	// res holds the reconstructed document and entities; entities are
	// sorted by ID, as Map writes them.
	res *extractor.Result
	// entity IRI → entity, and the entity's IRI by ID.
	byIRI map[string]*extractor.Entity
	doc   string // the document node's IRI; "" when there is none
	// articles are the Wikipedia article nodes (Map writes them after
	// the link nodes).
	articles map[string]bool
	// Skipped counts the typed, labelled nodes outside the base, which
	// cannot be given Map's link nodes and are left as they are.
	Skipped int
}

// Read reconstructs the linker's view of a graph from its statements, in
// the order read. It fails when the graph has no entity at all.
func Read(quads []rdf.Quad, opts Options) (*Graph, error) {
	g := &Graph{quads: quads, base: opts.Base, lang: opts.Lang, byIRI: map[string]*extractor.Entity{}}
	if g.lang == "" {
		g.lang = "en"
	}
	// Subjects by their statements, in order.
	types := map[string][]string{}
	var subjects []string
	seen := map[string]bool{}
	for _, q := range quads {
		s := termKey(q.Subj)
		if !seen[s] {
			seen[s] = true
			subjects = append(subjects, s)
		}
		if q.Pred.String() == rdfType.String() || q.Pred.String() == wdtInstanceOf.String() {
			types[s] = append(types[s], q.Obj.String())
		}
	}
	// The document: a schema:Article with a kgo:byteLength, at
	// BASE/document/NAME.
	var docs []string
	hasLength := map[string]bool{}
	for _, q := range quads {
		if q.Pred.String() == kgoByteLength.String() {
			hasLength[termKey(q.Subj)] = true
		}
	}
	for _, s := range subjects {
		if hasLength[s] && slices.Contains(types[s], schemaArticle.String()) && strings.Contains(s, documentPath) {
			docs = append(docs, s)
		}
	}
	res := &extractor.Result{Doc: &extractor.Document{}}
	if len(docs) > 0 {
		g.doc = docs[0]
		i := strings.LastIndex(g.doc, documentPath)
		if g.base == "" || len(docs) == 1 {
			g.base = strings.TrimPrefix(g.doc[:i], "<")
		}
		res.Doc.Name = strings.TrimSuffix(g.doc[i+len(documentPath):], ">")
	}
	if g.base == "" {
		g.base = ontology.DefaultBase
	}

	// Entities: IRIs under the base typed with a class of the mapping.
	typeOf := map[string]extractor.Type{}
	for _, c := range ontology.Classes() {
		if c.Schema != "" {
			typeOf[ontology.Schema.IRI(c.Schema).String()] = c.Type
		} else {
			typeOf[ontology.KGO.IRI(c.Term).String()] = c.Type
		}
	}
	byWikidata := map[string]extractor.Type{}
	for _, c := range ontology.Classes() {
		byWikidata[ontology.WD.IRI(c.Wikidata).String()] = c.Type
	}
	for _, s := range subjects {
		if slices.Contains(types[s], kgoLinkClass.String()) {
			continue
		}
		var typ extractor.Type
		for _, c := range types[s] {
			if t, ok := typeOf[c]; ok {
				typ = t
				break
			}
		}
		if typ == "" {
			for _, c := range types[s] {
				if t, ok := byWikidata[c]; ok {
					typ = t
					break
				}
			}
		}
		if typ == "" || s == g.doc {
			continue
		}
		if !strings.HasPrefix(s, "<") || !strings.HasPrefix(s[1:], g.base) || len(s) <= len(g.base)+2 {
			g.Skipped++
			continue
		}
		id := s[1+len(g.base) : len(s)-1]
		if strings.HasPrefix(id, documentPath) || strings.HasPrefix(id, "statement/") || strings.HasPrefix(id, "reference/") || strings.HasPrefix(id, "link/") {
			continue
		}
		e := &extractor.Entity{ID: id, Type: typ}
		g.byIRI[s] = e
		res.Entities = append(res.Entities, e)
	}
	if len(res.Entities) == 0 {
		return nil, fmt.Errorf("no entities: no node under %s is typed with a kgbuild class", g.base)
	}

	// Names, aliases, labels, countries, the document's title, and the
	// evidence spans of statements, for mentions.
	country := ontology.WDT.IRI(mustPID(extractor.InCountry)).String()
	stmtSubject := map[string][]string{} // statement → entities it names (subject, value)
	refsOf := map[string][]string{}      // statement → its references
	starts, ends := map[string]int{}, map[string]int{}
	for _, q := range quads {
		s, p := termKey(q.Subj), q.Pred.String()
		e := g.byIRI[s]
		switch {
		case e != nil && p == rdfsLabel.String():
			l, ok := q.Obj.(rdf.Literal)
			if !ok {
				break
			}
			text := l.String()
			if e.Name == "" && strings.EqualFold(l.Lang(), g.lang) {
				e.Name = text
			} else if text != e.Name || !strings.EqualFold(l.Lang(), g.lang) {
				e.Labels = append(e.Labels, extractor.Label{Text: text, Lang: l.Lang()})
			}
		case e != nil && p == skosAltLabel.String():
			if l, ok := q.Obj.(rdf.Literal); ok && !slices.Contains(e.Aliases, l.String()) {
				e.Aliases = append(e.Aliases, l.String())
			}
		case e != nil && p == country:
			if o := g.byIRI[termKey(q.Obj)]; o != nil {
				res.Facts = append(res.Facts, extractor.Fact{Subject: e.ID, Relation: extractor.InCountry, Object: extractor.EntityRef(o.ID)})
			}
		case s == g.doc && p == schemaName.String():
			if l, ok := q.Obj.(rdf.Literal); ok && res.Doc.Title == "" {
				res.Doc.Title = l.String()
			}
		case p == provDerivedFrom.String():
			refsOf[s] = append(refsOf[s], termKey(q.Obj))
		case p == kgoEvidenceStart.String() || p == kgoEvidenceEnd.String():
			l, ok := q.Obj.(rdf.Literal)
			if !ok {
				break
			}
			n, err := strconv.Atoi(l.String())
			if err != nil {
				break
			}
			if p == kgoEvidenceStart.String() {
				starts[s] = n
			} else {
				ends[s] = n
			}
		}
		// A statement names its subject (entity p:P… statement) and its
		// item value (statement ps:P… entity).
		if e != nil && strings.HasPrefix(p, string(ontology.P)) && !strings.HasPrefix(p, string(ontology.PS)) &&
			!strings.HasPrefix(p, string(ontology.PQ)) && !strings.HasPrefix(p, string(ontology.PR)) {
			stmtSubject[termKey(q.Obj)] = append(stmtSubject[termKey(q.Obj)], s)
		}
		if o := g.byIRI[termKey(q.Obj)]; o != nil && strings.HasPrefix(p, string(ontology.PS)) {
			stmtSubject[s] = append(stmtSubject[s], termKey(q.Obj))
		}
	}
	// Wikipedia articles (Map's sitelinks): an article about an entity
	// gives the entity its title and the document its wiki.
	g.articles = map[string]bool{}
	about := map[string][]string{}
	articleName, articleSite := map[string]string{}, map[string]string{}
	for _, q := range quads {
		s, p := termKey(q.Subj), q.Pred.String()
		switch p {
		case schemaAbout.String():
			about[s] = append(about[s], termKey(q.Obj))
		case schemaName.String():
			if l, ok := q.Obj.(rdf.Literal); ok && articleName[s] == "" {
				articleName[s] = l.String()
			}
		case schemaIsPartOf.String():
			if o, ok := q.Obj.(rdf.IRI); ok {
				if u, err := url.Parse(o.String()); err == nil && u.Host != "" {
					articleSite[s] = u.Host
				}
			}
		}
	}
	for _, a := range subjects {
		if !slices.Contains(types[a], schemaArticleRef.String()) || len(about[a]) == 0 || articleSite[a] == "" {
			continue
		}
		g.articles[a] = true
		for _, iri := range about[a] {
			if e := g.byIRI[iri]; e != nil && e.Wiki == "" && articleName[a] != "" {
				e.Wiki = articleName[a]
				if res.Doc.Site == "" {
					res.Doc.Site = articleSite[a]
				}
			}
		}
	}

	// Mentions: the distinct evidence spans of the statements that name
	// the entity, in text order (the graph does not keep every mention;
	// these are the sentences it occurs in).
	spans := map[*extractor.Entity]map[extractor.Span]bool{}
	for st, ents := range stmtSubject {
		for _, ref := range refsOf[st] {
			start, ok1 := starts[ref]
			end, ok2 := ends[ref]
			if !ok1 || !ok2 {
				continue
			}
			for _, iri := range ents {
				e := g.byIRI[iri]
				if spans[e] == nil {
					spans[e] = map[extractor.Span]bool{}
				}
				spans[e][extractor.Span{Start: start, End: end}] = true
			}
		}
	}
	for e, set := range spans {
		for sp := range set {
			e.Mentions = append(e.Mentions, sp)
		}
		slices.SortFunc(e.Mentions, func(a, b extractor.Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		})
	}
	for _, e := range res.Entities {
		if e.Name == "" && len(e.Labels) > 0 {
			e.Name, e.Labels = e.Labels[0].Text, e.Labels[1:]
		}
		slices.Sort(e.Aliases)
	}
	res.Entities = slices.DeleteFunc(res.Entities, func(e *extractor.Entity) bool {
		if e.Name == "" {
			delete(g.byIRI, "<"+g.base+e.ID+">")
			return true
		}
		return false
	})
	if len(res.Entities) == 0 {
		return nil, fmt.Errorf("no entities: no typed node under %s has a label", g.base)
	}
	slices.SortFunc(res.Entities, func(a, b *extractor.Entity) int { return strings.Compare(a.ID, b.ID) })
	g.res = res
	return g, nil
}

func mustPID(r extractor.Relation) string {
	p, ok := ontology.PropertyOf(r)
	if !ok {
		panic("graph: no property for " + string(r))
	}
	return p.PID
}

// termKey is a term as a map key: IRIs in angle brackets, blank nodes as
// _:label, literals in N-Triples form.
func termKey(t rdf.Term) string {
	if t == nil {
		return ""
	}
	return t.Serialize(rdf.NTriples)
}

// Base returns the base IRI of the graph's entities.
func (g *Graph) Base() string { return g.base }

// Document returns the IRI of the graph's document node, or "".
func (g *Graph) Document() string { return strings.TrimSuffix(strings.TrimPrefix(g.doc, "<"), ">") }

// Result returns the reconstructed document and entities (not facts,
// except the countries the linker reads).
func (g *Graph) Result() *extractor.Result { return g.res }

// Link links the graph's entities with the items of idx, replacing the
// links they had.
func (g *Graph) Link(idx *link.Index) link.Stats { return link.Link(g.res, idx) }

// Quads returns the graph's statements with the links of its entities as
// ontology.Map writes them, in place of the links it had: an entity's
// owl:sameAs, schema:sameAs and kgo:wikidataLink after its names, the
// link nodes before the document node (or at the end). A statement added
// is in the graph of its entity's statement (of the document's, for link
// nodes).
func (g *Graph) Quads() ([]rdf.Quad, error) {
	// Old links out.
	oldNodes := map[string]bool{}
	for _, q := range g.quads {
		if q.Pred.String() == rdfType.String() && q.Obj.String() == kgoLinkClass.String() {
			oldNodes[termKey(q.Subj)] = true
		}
	}
	isOld := func(q rdf.Quad) bool {
		s, p := termKey(q.Subj), q.Pred.String()
		if oldNodes[s] {
			return true
		}
		if g.byIRI[s] == nil {
			return false
		}
		switch p {
		case kgoWikidataLink.String():
			return true
		case owlSameAs.String(), schemaSameAs.String():
			o, ok := q.Obj.(rdf.IRI)
			return ok && strings.HasPrefix(o.String(), string(ontology.WD))
		}
		return false
	}
	// Where each entity's links go: after its last name or type statement.
	after := map[int][]rdf.Quad{}
	var nodes []rdf.Triple
	last := map[string]int{}
	head := map[string]bool{rdfType.String(): true, wdtInstanceOf.String(): true, rdfsLabel.String(): true,
		schemaName.String(): true, skosAltLabel.String(): true, schemaAltName.String(): true}
	docAt := -1
	for i, q := range g.quads {
		s := termKey(q.Subj)
		if g.byIRI[s] != nil && head[q.Pred.String()] {
			last[s] = i
		}
		if docAt < 0 && (s == g.doc || g.articles[s]) {
			docAt = i // link nodes go before the articles and the document
		}
	}
	opts := ontology.Options{Base: g.base}
	for _, e := range g.res.Entities {
		own, ns, err := ontology.LinkTriples(e, opts)
		if err != nil {
			return nil, err
		}
		if len(own) == 0 {
			continue
		}
		at := last["<"+g.base+e.ID+">"]
		ctx := g.quads[at].Ctx
		for _, t := range own {
			after[at] = append(after[at], rdf.Quad{Triple: t, Ctx: ctx})
		}
		nodes = append(nodes, ns...)
	}
	var nodeCtx rdf.Context
	if docAt >= 0 {
		nodeCtx = g.quads[docAt].Ctx
	}
	out := make([]rdf.Quad, 0, len(g.quads)+len(nodes)+3*len(after))
	emitNodes := func() {
		for _, t := range nodes {
			out = append(out, rdf.Quad{Triple: t, Ctx: nodeCtx})
		}
		nodes = nil
	}
	for i, q := range g.quads {
		if i == docAt {
			emitNodes()
		}
		if !isOld(q) {
			out = append(out, q)
		}
		out = append(out, after[i]...)
	}
	emitNodes()
	return out, nil
}
