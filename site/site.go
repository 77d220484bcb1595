// Package site renders a knowledge graph as a static linked-data web site:
// one HTML page per entity (labels in every language, types, statements
// with their qualifiers, evidence quotes and cited sources, other facts,
// incoming links, Wikidata links), each with its own description beside it
// as Turtle and JSON-LD and embedded as JSON-LD for search engines, and an
// index page with counts, the entities by class and a picture of the graph
// (an SVG drawn here, without scripts or fonts).
//
// Entity IRIs under [Options.Base] map to page paths: BASE/person/x is
// described by person/x.html, person/x.ttl and person/x.jsonld, so the
// site served at the base IRI answers the entity IRIs (the server maps
// an extensionless path to its .html file, or by Accept to .ttl or
// .jsonld). Links between pages are relative and name the .html file, so
// the site also works opened from disk.
//
// Output is deterministic: the same triples give the same files, byte for
// byte.
package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// Options configures [Generate].
type Options struct {
	// Base is the IRI the site is served at: IRIs under it are the
	// site's pages. Empty means [ontology.DefaultBase].
	Base string
	// Title is the site's title; empty means one made from the names of
	// the source documents (schema:Article).
	Title string
	// Lang is the language preferred for the names shown; empty means
	// "en".
	Lang string
	// Encoder gives the prefixes and the JSON-LD context of the .ttl and
	// .jsonld files; prefixes also abbreviate IRIs on the pages.
	Encoder exporter.Options
	// Dataset is the description of the dataset, shown on the index;
	// nil: none.
	Dataset *Dataset
	// Extra are files the site serves as they are, such as the dataset's
	// description and its downloads (dataset.ttl, NAME.nt): the index
	// links to the ones the description names. Their paths must not be
	// those of generated files.
	Extra []File
}

// File is one file of the site: Path is relative to the site's root,
// slash-separated. Its content is Data, or when Data is nil the file
// Source, copied by [Write].
type File struct {
	Path   string
	Data   []byte
	Source string
}

// Site is a generated site.
type Site struct {
	Files []File // sorted by path
	Pages int    // entity pages
	// Nodes counts the small pages of statements, references and other
	// nodes under the base described on entity pages.
	Nodes int
	// Count is the number of files of the site.
	Count int
	// Unpaged lists the IRIs under the base that describe something but
	// get no page, with the reason (an IRI whose path is not a safe file
	// name); their triples appear in the pages of the nodes that refer to
	// them.
	Unpaged []string
}

// Terms the site reads.
var (
	rdfType         = ontology.RDF.IRI("type")
	rdfsLabel       = ontology.RDFS.IRI("label")
	schemaName      = ontology.Schema.IRI("name")
	skosAltLabel    = ontology.SKOS.IRI("altLabel")
	schemaAltName   = ontology.Schema.IRI("alternateName")
	owlSameAs       = ontology.OWL.IRI("sameAs")
	schemaSameAs    = ontology.Schema.IRI("sameAs")
	schemaArticle   = ontology.Schema.IRI("Article")
	schemaAbout     = ontology.Schema.IRI("about")
	schemaIsPartOf  = ontology.Schema.IRI("isPartOf")
	schemaInLang    = ontology.Schema.IRI("inLanguage")
	wikibaseStmt    = ontology.Wikibase.IRI("Statement")
	wikibaseRef     = ontology.Wikibase.IRI("Reference")
	wikibaseRank    = ontology.Wikibase.IRI("rank")
	wikibaseNormal  = ontology.Wikibase.IRI("NormalRank")
	kgoLinkClass    = ontology.KGO.IRI("WikidataLink")
	kgoWikidataLink = ontology.KGO.IRI("wikidataLink")
	kgoItem         = ontology.KGO.IRI("item")
	kgoConfidence   = ontology.KGO.IRI("confidence")
	kgoEvidence     = ontology.KGO.IRI("evidence")
	provDerivedFrom = ontology.PROV.IRI("wasDerivedFrom")
	prQuote         = ontology.PR.IRI("P1683")
	prStatedIn      = ontology.PR.IRI("P248")
	wdtInstanceOf   = ontology.WDT.IRI("P31")
)

// Wikidata properties the mapping table does not list, which the output
// uses: the class, and the quote and source of a reference.
var extraPropertyLabels = map[string]string{
	"P31":   "instance of",
	"P1683": "quote",
	"P248":  "stated in",
}

// site is the state of one generation.
type site struct {
	opts  Options
	g     *graph
	pages map[string]*page // subject key → page
	order []*page          // sorted by path
	// nodes are the statements, references and other nodes under the
	// base without a page of their own that still get small pages, so
	// that their IRIs resolve too; by subject key, and sorted by path.
	nodes     map[string]*page
	nodeOrder []*page
	propLabel map[string]string
	classLbl  map[string]string // Wikidata class QID → label
	schemaEq  map[string][]string
	unpaged   []string
	extra     map[string]bool // paths of Options.Extra
	siteTitle string
	ownerMap  map[string][]*page
	covCache  map[string]map[string]bool
}

// page is one entity's page.
type page struct {
	subj  rdf.IRI
	path  string // relative to the root, without extension: "person/x"
	label rdf.Literal
	desc  []rdf.Triple // its description: own triples, then its nodes'
	nodes []string     // keys of the nodes described in its page
}

// Generate renders the site of triples in memory: Site.Files holds every
// file, sorted by path. [Build] writes a site without holding its files.
func Generate(triples []rdf.Triple, opts Options) (*Site, error) {
	var files []File
	st, err := Render(triples, opts, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	st.Files = files
	return st, nil
}

// Render renders the site of triples and gives each file to emit as soon
// as it is made, so that only the graph and one page are held: the entity
// pages and their descriptions, the node pages, the index and picture,
// then the extra files. It stops at emit's first error. The returned Site
// has no Files.
func Render(triples []rdf.Triple, opts Options, emit func(File) error) (*Site, error) {
	if opts.Base == "" {
		opts.Base = ontology.DefaultBase
	}
	if opts.Lang == "" {
		opts.Lang = "en"
	}
	s := &site{opts: opts, g: newGraph(), pages: map[string]*page{}, nodes: map[string]*page{}, extra: map[string]bool{}}
	for _, f := range opts.Extra {
		if badFilePath(f.Path) {
			return nil, fmt.Errorf("site: bad file path %q", f.Path)
		}
		if s.extra[f.Path] {
			return nil, fmt.Errorf("site: %s given twice", f.Path)
		}
		s.extra[f.Path] = true
	}
	for _, t := range triples {
		if t.Subj == nil || t.Pred == nil || t.Obj == nil {
			return nil, errors.New("site: incomplete triple")
		}
		s.g.add(t)
	}
	s.vocabulary()
	if err := s.findPages(); err != nil {
		return nil, err
	}
	// The files the site makes, which extra files may not replace.
	made := []string{"index.html", "graph.svg"}
	datasetPage := ""
	if ds := opts.Dataset; ds != nil && ds.Description != nil {
		// The dataset's IRI (BASE/dataset) answers with the index, as
		// BASE/dataset.html, beside its description's files.
		if local, ok := localIn(ds.Description.IRI, opts.Base); ok && local != "" && !strings.ContainsAny(local, "/.") {
			datasetPage = local + ".html"
			made = append(made, datasetPage)
		}
	}
	for _, ps := range [][]*page{s.order, s.nodeOrder} {
		for _, p := range ps {
			made = append(made, p.path+".html", p.path+".ttl", p.path+".jsonld")
		}
	}
	for _, m := range made {
		if s.extra[m] {
			return nil, fmt.Errorf("site: %s is a file the site generates", m)
		}
	}
	count := 0
	emitAll := func(fs []File) error {
		for _, f := range fs {
			if err := emit(f); err != nil {
				return err
			}
			count++
		}
		return nil
	}
	for _, p := range s.order {
		fs, err := s.pageFiles(p)
		if err != nil {
			return nil, fmt.Errorf("site: %s: %w", p.subj, err)
		}
		if err := emitAll(fs); err != nil {
			return nil, err
		}
	}
	for _, p := range s.nodeOrder {
		fs, err := s.nodeFiles(p)
		if err != nil {
			return nil, fmt.Errorf("site: %s: %w", p.subj, err)
		}
		if err := emitAll(fs); err != nil {
			return nil, err
		}
	}
	idx, svg, err := s.indexFiles()
	if err != nil {
		return nil, fmt.Errorf("site: index: %w", err)
	}
	fs := []File{{Path: "index.html", Data: idx}, {Path: "graph.svg", Data: svg}}
	if datasetPage != "" {
		fs = append(fs, File{Path: datasetPage, Data: idx})
	}
	if err := emitAll(append(fs, opts.Extra...)); err != nil {
		return nil, err
	}
	return &Site{Pages: len(s.order), Nodes: len(s.nodeOrder), Count: count, Unpaged: s.unpaged}, nil
}

// vocabulary collects the labels of the properties and classes the pages
// name: the mapping table's, the ontology's, and those the graph gives.
func (s *site) vocabulary() {
	s.propLabel = map[string]string{}
	s.classLbl = map[string]string{}
	s.schemaEq = map[string][]string{}
	pid := func(id, label string) {
		for _, ns := range []ontology.Namespace{ontology.WDT, ontology.P, ontology.PS, ontology.PQ, ontology.PR} {
			s.propLabel[string(ns)+id] = label
		}
		s.propLabel[string(ontology.PSV)+id] = "value"
	}
	s.propLabel[ontology.Wikibase.IRI("quantityAmount").String()] = "amount"
	s.propLabel[ontology.Wikibase.IRI("quantityUnit").String()] = "unit"
	for id, l := range extraPropertyLabels {
		pid(id, l)
	}
	for _, p := range ontology.Properties() {
		pid(p.PID, p.Label)
		if p.Schema != "" {
			k := string(ontology.Schema) + p.Schema
			s.schemaEq[k] = append(s.schemaEq[k], p.PID)
		}
	}
	for _, c := range ontology.Classes() {
		s.classLbl[c.Wikidata] = c.Label
	}
	label := func(t rdf.Triple) {
		if t.Pred.(rdf.IRI) != rdfsLabel {
			return
		}
		l, ok := t.Obj.(rdf.Literal)
		if !ok || (l.Lang() != "en" && l.Lang() != "") {
			return
		}
		if iri := iriOf(t.Subj); strings.HasPrefix(iri, string(ontology.KGO)) {
			if _, done := s.propLabel[iri]; !done {
				s.propLabel[iri] = l.String()
			}
		}
	}
	for _, t := range ontology.OntologyTriples() {
		label(t)
	}
}

// auxiliary reports whether node n is described in the pages of the
// nodes that refer to it rather than on a page of its own: blank nodes,
// the nodes of the Wikibase model (statements, references, quantity
// values: any wikibase: class) and Wikidata link records.
func (s *site) auxiliary(n rdf.Term) bool {
	if n.Type() == rdf.TermBlank {
		return true
	}
	for _, c := range s.g.objects(n, rdfType) {
		if strings.HasPrefix(iriOf(c), string(ontology.Wikibase)) || iriOf(c) == kgoLinkClass.String() {
			return true
		}
	}
	return false
}

// findPages picks the subjects that get pages and gathers each one's
// description.
func (s *site) findPages() error {
	taken := map[string]string{} // path → IRI
	for _, subj := range s.g.subjects {
		iri, ok := subj.(rdf.IRI)
		if !ok {
			continue
		}
		local, ok := localIn(iri.String(), s.opts.Base)
		if !ok {
			continue
		}
		aux := s.auxiliary(subj)
		if why := badPath(local); why != "" {
			if !aux {
				s.unpaged = append(s.unpaged, fmt.Sprintf("%s: %s", iri, why))
			}
			continue
		}
		fold := strings.ToLower(local)
		if prev, dup := taken[fold]; dup {
			if !aux {
				s.unpaged = append(s.unpaged, fmt.Sprintf("%s: its file name differs only in case from %s's", iri, prev))
			}
			continue
		}
		taken[fold] = iri.String()
		p := &page{subj: iri, path: local}
		if aux {
			s.nodes[key(iri)] = p
			s.nodeOrder = append(s.nodeOrder, p)
			continue
		}
		s.pages[key(iri)] = p
		s.order = append(s.order, p)
	}
	byPath := func(a, b *page) int { return strings.Compare(a.path, b.path) }
	slices.SortFunc(s.order, byPath)
	slices.SortFunc(s.nodeOrder, byPath)
	for _, p := range s.order {
		p.label = s.preferredLabel(p.subj)
		p.desc, p.nodes = s.describe(p.subj)
		for _, a := range s.articles(p.subj) {
			p.desc = append(p.desc, s.g.out[key(a)]...)
		}
	}
	for _, p := range s.nodeOrder {
		p.desc, _ = s.describe(p.subj)
	}
	return nil
}

// badPath says why local, the part of an IRI after the base, cannot name
// a page's files, or "" when it can: it must be slash-separated segments
// of letters, digits, marks, '-', '_' and '~' (no dots: the extensions
// are ours), not the index.
func badPath(local string) string {
	if local == "" {
		return "the base IRI itself is the index"
	}
	if local == "index" || local == "graph" || local == "dataset" {
		return "the path is the site's own"
	}
	for _, seg := range strings.Split(local, "/") {
		if seg == "" {
			return "empty path segment"
		}
		for _, r := range seg {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_' || r == '~') {
				return fmt.Sprintf("character %q in its path", r)
			}
		}
	}
	return ""
}

// describe gathers the description of a page's subject: its triples, then
// those of the nodes it leads to that have no page (statements,
// references, blank nodes…), breadth first, each node once.
func (s *site) describe(subj rdf.IRI) ([]rdf.Triple, []string) {
	var desc []rdf.Triple
	var nodes []string
	seen := map[string]bool{key(subj): true}
	queue := []rdf.Term{subj}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, t := range s.g.out[key(n)] {
			desc = append(desc, t)
			o := t.Obj
			if o.Type() == rdf.TermLiteral {
				continue
			}
			k := key(o)
			if seen[k] || s.pages[k] != nil || len(s.g.out[k]) == 0 {
				continue
			}
			if o.Type() == rdf.TermIRI {
				if _, under := localIn(iriOf(o), s.opts.Base); !under {
					continue
				}
			}
			seen[k] = true
			nodes = append(nodes, k)
			queue = append(queue, o)
		}
	}
	return desc, nodes
}

// articles returns the pages elsewhere about the entity (its Wikipedia
// articles: IRIs outside the base with schema:about the entity), in
// order; an entity's description includes them, as Wikidata's includes
// its sitelinks.
func (s *site) articles(subj rdf.IRI) []rdf.IRI {
	var out []rdf.IRI
	for _, t := range s.g.in[key(subj)] {
		a, ok := t.Subj.(rdf.IRI)
		if !ok || t.Pred.(rdf.IRI) != schemaAbout || s.pages[key(a)] != nil || slices.Contains(out, a) {
			continue
		}
		if _, under := localIn(a.String(), s.opts.Base); under {
			continue
		}
		out = append(out, a)
	}
	return out
}

// preferredLabel is the name shown for n: its label in the preferred
// language, or else in the first language in tag order, or else none.
func (s *site) preferredLabel(n rdf.Term) rdf.Literal {
	var best rdf.Literal
	rank := func(l rdf.Literal) int {
		switch l.Lang() {
		case s.opts.Lang:
			return 0
		case "":
			return 1
		}
		return 2
	}
	found := false
	for _, p := range []rdf.IRI{rdfsLabel, schemaName, skosAltLabel, schemaAltName} {
		for _, o := range s.g.objects(n, p) {
			l, ok := o.(rdf.Literal)
			if !ok {
				continue
			}
			if !found || rank(l) < rank(best) || (rank(l) == rank(best) && l.Lang() < best.Lang()) {
				best, found = l, true
			}
		}
		if found && rank(best) == 0 {
			break
		}
	}
	return best
}

// name is the text shown for node n.
func (s *site) name(n rdf.Term) string {
	if p := s.pages[key(n)]; p != nil {
		if p.label.String() != "" {
			return p.label.String()
		}
		return p.path
	}
	if l := s.preferredLabel(n); l.String() != "" {
		return l.String()
	}
	return s.curie(n)
}

// curie abbreviates an IRI with the encoder's prefixes (the longest
// namespace that leaves a simple local name), or gives it whole.
func (s *site) curie(n rdf.Term) string {
	switch n := n.(type) {
	case rdf.Blank:
		return "_:" + n.String()
	case rdf.IRI:
		iri := n.String()
		best, bestLen := iri, 0
		for _, p := range s.opts.Encoder.Prefixes {
			local, ok := localIn(iri, p.IRI)
			if !ok || len(p.IRI) <= bestLen || !simpleLocal(local) {
				continue
			}
			best, bestLen = p.Name+":"+local, len(p.IRI)
		}
		return best
	}
	return n.String()
}

func simpleLocal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// encode writes triples in format f with the site's encoder options.
func (s *site) encode(f exporter.Format, triples []rdf.Triple) ([]byte, error) {
	var b bytes.Buffer
	if err := exporter.WriteAll(f, &b, s.opts.Encoder, triples); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return b.Bytes(), nil
}

// scriptJSON makes JSON safe inside a <script> element: '<', '>' and '&'
// can only be in strings, where \u escapes mean the same.
func scriptJSON(js []byte) template.JS {
	r := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`)
	return template.JS(r.Replace(string(js)))
}

// byName orders pages by the name shown, then by path.
func (s *site) byName(a, b *page) int {
	return cmp.Or(strings.Compare(strings.ToLower(s.name(a.subj)), strings.ToLower(s.name(b.subj))), strings.Compare(a.path, b.path))
}

// badFilePath reports whether p is not a clean relative slash-separated
// path.
func badFilePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return true
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return true
		}
	}
	return false
}
