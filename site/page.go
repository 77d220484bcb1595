package site

import (
	"bytes"
	"cmp"
	"html/template"
	"path"
	"slices"
	"strings"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// link is a term as shown: its text, and where it leads (Href empty: no
// link). Lang is the language of the text, Title the full term.
type link struct {
	Text, Href, Lang, Title string
	Internal                bool // Href is a page of the site
}

// propValue is one property and its value.
type propValue struct {
	Property, Value link
}

// labelRow is the names of an entity in one language.
type labelRow struct {
	Lang           string
	Names, Aliases []string
}

// wikidataRow is one Wikidata item the entity is the same as.
type wikidataRow struct {
	Item                 link
	Confidence, Evidence string
}

// statementRow is one statement: its property and value, qualifiers and
// references.
type statementRow struct {
	ID         string // the statement node's local name, an anchor
	Title      string // the statement node
	Href       string // its own page; empty: none
	Property   link
	Values     []link
	Qualifiers []propValue
	References []referenceRow
	Other      []propValue
}

// referenceRow is one reference of a statement: the evidence quoted and
// the work it is stated in.
type referenceRow struct {
	Title  string
	Href   string // its own page; empty: none
	Quotes []link
	Cited  []link
	Other  []propValue
}

// incomingRow is a node linking to the entity, through a property.
type incomingRow struct {
	From, Property link
}

// pageData is what the entity template shows.
type pageData struct {
	Site, Title, Lang, IRI string
	Root                   string // relative path to the site's root
	TTL, JSONLD            string // relative paths of the descriptions
	JSONLDScript           template.JS
	Labels                 []labelRow
	Types                  []link
	Wikidata               []wikidataRow
	Articles               []articleRow
	Statements             []statementRow
	Other                  []propValue
	Incoming               []incomingRow
	Generator              string
}

// pageFiles renders a page and its descriptions.
func (s *site) pageFiles(p *page) ([]File, error) {
	ttl, err := s.encode(exporter.Turtle, p.desc)
	if err != nil {
		return nil, err
	}
	js, err := s.encode(exporter.JSONLD, p.desc)
	if err != nil {
		return nil, err
	}
	base := path.Base(p.path)
	d := pageData{
		Site:         s.title(),
		Title:        s.name(p.subj),
		Lang:         p.label.Lang(),
		IRI:          p.subj.String(),
		Root:         strings.Repeat("../", strings.Count(p.path, "/")),
		TTL:          base + ".ttl",
		JSONLD:       base + ".jsonld",
		JSONLDScript: scriptJSON(js),
		Labels:       s.labels(p.subj),
		Types:        s.types(p),
		Wikidata:     s.wikidata(p),
		Articles:     s.articleLinks(p),
		Incoming:     s.incoming(p),
		Generator:    generator,
	}
	d.Statements, d.Other = s.facts(p)
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return []File{
		{Path: p.path + ".html", Data: b.Bytes()},
		{Path: p.path + ".ttl", Data: ttl},
		{Path: p.path + ".jsonld", Data: js},
	}, nil
}

// term shows node n as seen from page from (nil: the index).
func (s *site) term(n rdf.Term, from *page) link {
	switch n := n.(type) {
	case rdf.Literal:
		l := link{Text: n.String(), Lang: n.Lang()}
		if n.Lang() == "" {
			l.Title = s.curie(n.DataType)
		}
		return l
	}
	iri := iriOf(n)
	if p := s.pages[key(n)]; p != nil {
		return link{Text: s.name(n), Href: s.href(from, p), Lang: p.label.Lang(), Title: iri, Internal: true}
	}
	if s.auxiliary(n) && len(s.g.out[key(n)]) > 0 {
		// A node without a page of its own (a quantity value…): its
		// triples in one line.
		var parts []string
		for _, t := range s.g.out[key(n)] {
			if t.Pred.(rdf.IRI) == rdfType {
				continue
			}
			v := t.Obj.String()
			if t.Obj.Type() != rdf.TermLiteral {
				v = s.curie(t.Obj)
			}
			parts = append(parts, s.property(t.Pred.(rdf.IRI)).Text+": "+v)
		}
		l := link{Text: strings.Join(parts, " · "), Title: s.curie(n)}
		if np := s.nodes[key(n)]; np != nil {
			l.Href, l.Title, l.Internal = s.href(from, np), iri, true
		}
		return l
	}
	if n.Type() == rdf.TermBlank {
		return link{Text: s.name(n), Title: s.curie(n)}
	}
	l := link{Text: s.curie(n), Title: iri}
	if qid, ok := localIn(iri, string(ontology.WD)); ok {
		if c := s.classLbl[qid]; c != "" {
			l.Text = c + " (" + qid + ")"
		}
	} else if lbl := s.preferredLabel(n); lbl.String() != "" {
		l.Text, l.Lang = lbl.String(), lbl.Lang()
	}
	if strings.HasPrefix(iri, "http://") || strings.HasPrefix(iri, "https://") {
		l.Href = iri
	}
	return l
}

// href is the relative address of page to from page from (nil: the
// index).
func (s *site) href(from, to *page) string {
	root := ""
	if from != nil {
		root = strings.Repeat("../", strings.Count(from.path, "/"))
	}
	return root + to.path + ".html"
}

// property shows a predicate: its label and the property it is.
func (s *site) property(p rdf.IRI) link {
	iri := p.String()
	l := link{Text: s.curie(p), Title: iri, Href: iri}
	if lbl := s.propLabel[iri]; lbl != "" {
		l.Text = lbl
		l.Title = s.curie(p) + " — " + iri
	}
	if !strings.HasPrefix(iri, "http://") && !strings.HasPrefix(iri, "https://") {
		l.Href = ""
	}
	return l
}

// labels lists the entity's names by language, the preferred one first.
func (s *site) labels(n rdf.Term) []labelRow {
	rows := map[string]*labelRow{}
	add := func(p rdf.IRI, alias bool) {
		for _, o := range s.g.objects(n, p) {
			l, ok := o.(rdf.Literal)
			if !ok {
				continue
			}
			r := rows[l.Lang()]
			if r == nil {
				r = &labelRow{Lang: l.Lang()}
				rows[l.Lang()] = r
			}
			list := &r.Names
			if alias {
				list = &r.Aliases
			}
			if !slices.Contains(*list, l.String()) {
				*list = append(*list, l.String())
			}
		}
	}
	add(rdfsLabel, false)
	add(schemaName, false)
	add(skosAltLabel, true)
	add(schemaAltName, true)
	var out []labelRow
	for _, r := range rows {
		r.Aliases = slices.DeleteFunc(r.Aliases, func(a string) bool { return slices.Contains(r.Names, a) })
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b labelRow) int {
		ap, bp := a.Lang != s.opts.Lang, b.Lang != s.opts.Lang
		if ap != bp {
			if ap {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Lang, b.Lang)
	})
	return out
}

// types lists the entity's classes: rdf:type, then wdt:P31.
func (s *site) types(p *page) []link {
	var out []link
	for _, pred := range []rdf.IRI{rdfType, wdtInstanceOf} {
		for _, o := range s.g.objects(p.subj, pred) {
			out = append(out, s.term(o, p))
		}
	}
	return out
}

// wikidata lists the Wikidata items the entity is the same as, with the
// confidence and evidence of the link records that name them.
func (s *site) wikidata(p *page) []wikidataRow {
	var out []wikidataRow
	seen := map[string]bool{}
	for _, pred := range []rdf.IRI{owlSameAs, schemaSameAs} {
		for _, o := range s.g.objects(p.subj, pred) {
			iri := iriOf(o)
			if _, ok := localIn(iri, string(ontology.WD)); !ok || seen[iri] {
				continue
			}
			seen[iri] = true
			r := wikidataRow{Item: s.term(o, p)}
			for _, rec := range s.g.objects(p.subj, kgoWikidataLink) {
				if !slices.ContainsFunc(s.g.objects(rec, kgoItem), func(i rdf.Object) bool { return iriOf(i) == iri }) {
					continue
				}
				for _, c := range s.g.objects(rec, kgoConfidence) {
					r.Confidence = c.String()
				}
				for _, e := range s.g.objects(rec, kgoEvidence) {
					r.Evidence = e.String()
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// statementPID returns the property ID of a p: predicate ("P36"), or ""
// when pred is not one (ps:, pq: and pr: are not).
func statementPID(pred rdf.IRI) string {
	local, ok := localIn(pred.String(), string(ontology.P))
	if !ok || strings.Contains(local, "/") {
		return ""
	}
	return local
}

// covered lists the triples of n that its statements (or, for the
// schema.org view, its truthy triples) say already, as "predicate object"
// keys.
func (s *site) covered(n rdf.Term) map[string]bool {
	if c, ok := s.covCache[key(n)]; ok {
		return c
	}
	if s.covCache == nil {
		s.covCache = map[string]map[string]bool{}
	}
	cov := map[string]bool{}
	s.covCache[key(n)] = cov
	truthy := map[string]bool{}
	for _, t := range s.g.out[key(n)] {
		pred := t.Pred.(rdf.IRI)
		if pid := statementPID(pred); pid != "" {
			for _, v := range s.g.objects(t.Obj, ontology.PS.IRI(pid)) {
				cov[key(ontology.WDT.IRI(pid))+" "+key(v)] = true
				truthy[pid+" "+key(v)] = true
			}
		}
		if pid, ok := localIn(pred.String(), string(ontology.WDT)); ok {
			truthy[pid+" "+key(t.Obj)] = true
		}
	}
	for _, t := range s.g.out[key(n)] {
		for _, pid := range s.schemaEq[t.Pred.(rdf.IRI).String()] {
			if truthy[pid+" "+key(t.Obj)] {
				cov[key(t.Pred)+" "+key(t.Obj)] = true
			}
		}
	}
	return cov
}

// shownElsewhere are the predicates of an entity shown in sections of
// their own (names, types, Wikidata links).
var shownElsewhere = map[rdf.IRI]bool{
	rdfType: true, wdtInstanceOf: true, rdfsLabel: true, schemaName: true,
	skosAltLabel: true, schemaAltName: true, kgoWikidataLink: true,
}

// facts lists the entity's statements and its other triples.
func (s *site) facts(p *page) ([]statementRow, []propValue) {
	var stmts []statementRow
	var other []propValue
	cov := s.covered(p.subj)
	for _, t := range s.g.out[key(p.subj)] {
		pred := t.Pred.(rdf.IRI)
		if shownElsewhere[pred] || cov[key(pred)+" "+key(t.Obj)] {
			continue
		}
		if pred == owlSameAs || pred == schemaSameAs {
			if _, wd := localIn(iriOf(t.Obj), string(ontology.WD)); wd {
				continue
			}
		}
		if pid := statementPID(pred); pid != "" && len(s.g.out[key(t.Obj)]) > 0 {
			stmts = append(stmts, s.statement(p, pred, pid, t.Obj))
			continue
		}
		other = append(other, propValue{s.property(pred), s.term(t.Obj, p)})
	}
	// Statements of one property together, in the order of their first.
	first := map[string]int{}
	for i, st := range stmts {
		if _, ok := first[st.Property.Title]; !ok {
			first[st.Property.Title] = i
		}
	}
	slices.SortStableFunc(stmts, func(a, b statementRow) int {
		return cmp.Compare(first[a.Property.Title], first[b.Property.Title])
	})
	return stmts, other
}

// statement shows statement node st of property pid.
func (s *site) statement(p *page, pred rdf.IRI, pid string, st rdf.Object) statementRow {
	r := statementRow{Property: s.property(pred), Title: s.curie(st)}
	if iri := iriOf(st); iri != "" {
		r.ID = "s-" + path.Base(iri)
		r.Title = iri
	}
	if np := s.nodes[key(st)]; np != nil {
		r.Href = s.href(p, np)
	}
	ps := ontology.PS.IRI(pid)
	for _, t := range s.g.out[key(st)] {
		q := t.Pred.(rdf.IRI)
		switch {
		case q == ps:
			r.Values = append(r.Values, s.term(t.Obj, p))
		case q == rdfType || (q == wikibaseRank && iriOf(t.Obj) == wikibaseNormal.String()):
		case strings.HasPrefix(q.String(), string(ontology.PQ)):
			r.Qualifiers = append(r.Qualifiers, propValue{s.property(q), s.term(t.Obj, p)})
		case q == provDerivedFrom && len(s.g.out[key(t.Obj)]) > 0 && s.pages[key(t.Obj)] == nil:
			r.References = append(r.References, s.reference(p, t.Obj))
		default:
			r.Other = append(r.Other, propValue{s.property(q), s.term(t.Obj, p)})
		}
	}
	return r
}

// reference shows reference node ref.
func (s *site) reference(p *page, ref rdf.Object) referenceRow {
	r := referenceRow{Title: iriOf(ref)}
	if np := s.nodes[key(ref)]; np != nil {
		r.Href = s.href(p, np)
	}
	if r.Title == "" {
		r.Title = s.curie(ref)
	}
	for _, t := range s.g.out[key(ref)] {
		switch q := t.Pred.(rdf.IRI); q {
		case rdfType:
		case prQuote:
			r.Quotes = append(r.Quotes, s.term(t.Obj, p))
		case prStatedIn:
			r.Cited = append(r.Cited, s.term(t.Obj, p))
		default:
			r.Other = append(r.Other, propValue{s.property(q), s.term(t.Obj, p)})
		}
	}
	return r
}

// incoming lists the pages that link to p: directly, or through a node
// described on their page (a statement's value, a reference's source).
// The schema.org and statement triples that repeat a truthy one are left
// out.
func (s *site) incoming(p *page) []incomingRow {
	type row struct {
		from *page
		pred rdf.IRI
	}
	var rows []row
	seen := map[string]bool{}
	add := func(from *page, pred rdf.IRI) {
		k := key(from.subj) + " " + key(pred)
		if from == p || seen[k] {
			return
		}
		seen[k] = true
		rows = append(rows, row{from, pred})
	}
	owners := s.owners()
	for _, t := range s.g.in[key(p.subj)] {
		pred := t.Pred.(rdf.IRI)
		if from := s.pages[key(t.Subj)]; from != nil {
			// A truthy triple is shown, the schema.org one repeating it not.
			if strings.HasPrefix(pred.String(), string(ontology.WDT)) || !s.covered(from.subj)[key(pred)+" "+key(p.subj)] {
				add(from, pred)
			}
			continue
		}
		for _, from := range owners[key(t.Subj)] {
			if pid, ok := localIn(pred.String(), string(ontology.PS)); ok &&
				slices.ContainsFunc(s.g.objects(from.subj, ontology.WDT.IRI(pid)), func(o rdf.Object) bool { return key(o) == key(p.subj) }) {
				continue // the truthy triple says it
			}
			add(from, pred)
		}
	}
	out := make([]incomingRow, len(rows))
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(s.byName(a.from, b.from), strings.Compare(a.pred.String(), b.pred.String()))
	})
	for i, r := range rows {
		out[i] = incomingRow{s.term(r.from.subj, p), s.property(r.pred)}
	}
	return out
}

// owners maps each node described on pages to those pages, in page order.
func (s *site) owners() map[string][]*page {
	if s.ownerMap != nil {
		return s.ownerMap
	}
	s.ownerMap = map[string][]*page{}
	for _, p := range s.order {
		for _, n := range p.nodes {
			s.ownerMap[n] = append(s.ownerMap[n], p)
		}
	}
	return s.ownerMap
}

// nodeData is what the template of a node's page shows.
type nodeData struct {
	Site, Title, IRI string
	Root             string
	TTL, JSONLD      string
	Types            []link
	Facts            []propValue
	DescribedOn      []link
	Incoming         []incomingRow
	Generator        string
}

// nodeTitle names a node's page: its class and local name, and the
// entities whose pages describe it.
func (s *site) nodeTitle(p *page) string {
	kind := "Node"
	for _, c := range s.g.objects(p.subj, rdfType) {
		curie := s.curie(c)
		if i := strings.LastIndex(curie, ":"); i >= 0 {
			kind = curie[i+1:]
		}
		break
	}
	title := kind + " " + path.Base(p.path)
	var names []string
	for _, o := range s.owners()[key(p.subj)] {
		names = append(names, s.name(o.subj))
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	if len(names) > 0 {
		title += " (" + strings.Join(names, ", ") + ")"
	}
	return title
}

// nodeFiles renders the page of a statement, reference or other node
// described on entity pages, and its own description, so that its IRI
// resolves as an entity's does.
func (s *site) nodeFiles(p *page) ([]File, error) {
	ttl, err := s.encode(exporter.Turtle, p.desc)
	if err != nil {
		return nil, err
	}
	js, err := s.encode(exporter.JSONLD, p.desc)
	if err != nil {
		return nil, err
	}
	base := path.Base(p.path)
	d := nodeData{
		Site:      s.title(),
		Title:     s.nodeTitle(p),
		IRI:       p.subj.String(),
		Root:      strings.Repeat("../", strings.Count(p.path, "/")),
		TTL:       base + ".ttl",
		JSONLD:    base + ".jsonld",
		Generator: generator,
	}
	for _, t := range s.g.out[key(p.subj)] {
		pred := t.Pred.(rdf.IRI)
		if pred == rdfType {
			d.Types = append(d.Types, s.term(t.Obj, p))
			continue
		}
		d.Facts = append(d.Facts, propValue{s.property(pred), s.term(t.Obj, p)})
	}
	anchor := ""
	if s.g.hasType(p.subj, wikibaseStmt) {
		anchor = "#s-" + base
	}
	for _, o := range s.owners()[key(p.subj)] {
		l := s.term(o.subj, p)
		l.Href += anchor
		d.DescribedOn = append(d.DescribedOn, l)
	}
	seen := map[string]bool{}
	for _, t := range s.g.in[key(p.subj)] {
		k := key(t.Subj) + " " + key(t.Pred)
		if seen[k] {
			continue
		}
		seen[k] = true
		from := s.term(t.Subj, p)
		if np := s.nodes[key(t.Subj)]; np != nil {
			from = link{Text: s.nodeTitle(np), Href: s.href(p, np), Title: np.subj.String(), Internal: true}
		}
		d.Incoming = append(d.Incoming, incomingRow{from, s.property(t.Pred.(rdf.IRI))})
	}
	var b bytes.Buffer
	if err := nodeTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return []File{
		{Path: p.path + ".html", Data: b.Bytes()},
		{Path: p.path + ".ttl", Data: ttl},
		{Path: p.path + ".jsonld", Data: js},
	}, nil
}

// articleRow is a page elsewhere about the entity.
type articleRow struct {
	Link  link
	About string // its language and site
}

// articleLinks shows the pages elsewhere about the entity: name,
// language and site.
func (s *site) articleLinks(p *page) []articleRow {
	var out []articleRow
	for _, a := range s.articles(p.subj) {
		r := articleRow{Link: link{Text: a.String(), Href: a.String(), Title: a.String()}}
		if n := s.preferredLabel(a); n.String() != "" {
			r.Link.Text, r.Link.Lang = n.String(), n.Lang()
		}
		var about []string
		for _, lang := range s.g.objects(a, schemaInLang) {
			about = append(about, lang.String())
		}
		for _, w := range s.g.objects(a, schemaIsPartOf) {
			about = append(about, strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(w.String(), "https://"), "http://"), "/"))
		}
		r.About = strings.Join(about, ", ")
		out = append(out, r)
	}
	return out
}
