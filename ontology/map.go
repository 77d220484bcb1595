package ontology

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// Sink receives triples, one at a time. Encoders of the exporter package are
// sinks.
type Sink interface {
	Encode(rdf.Triple) error
}

// NodePaths returns the path segments, under Options.Base, of the nodes Map
// mints besides entities: statements, references and documents.
func NodePaths() []string { return []string{statementPath, referencePath, documentPath} }

// DocumentNode reports whether t is the triple that marks its subject as
// the node of a source document (kgo:byteLength, which only document nodes
// have) and returns that subject: the IRI build also names the document's
// graph with in N-Quads and TriG. kgbuild load uses it to find the graph a
// Turtle or N-Triples file of one document belongs in.
func DocumentNode(t rdf.Triple) (rdf.IRI, bool) {
	s, ok := t.Subj.(rdf.IRI)
	if !ok {
		return rdf.IRI{}, false
	}
	p, ok := t.Pred.(rdf.IRI)
	if !ok || p != kgoByteLength {
		return rdf.IRI{}, false
	}
	return s, true
}

// DescriptionClasses returns the IRIs of the classes of the nodes Map mints
// to describe an entity's facts and links — statements, references,
// quantity values, Wikidata links — rather than things of their own: a
// framed JSON-LD writer embeds them in the node that refers to them.
func DescriptionClasses() []string {
	return []string{wikibaseStmt.String(), wikibaseRef.String(), wikibaseQuantityValue.String(), kgoWikidataLinkClass.String()}
}

// Options configures [Map].
type Options struct {
	// Base is the IRI that entity IDs and the paths of generated nodes
	// ("statement/…", "reference/…", "document/…") are appended to. It must
	// be absolute and end in '/' or '#'. Empty means [DefaultBase].
	Base string
	// Lang is the language tag of names, aliases and evidence quotes.
	// Empty means "en".
	Lang string
}

// Path segments of the nodes Map generates, under Options.Base.
const (
	statementPath = "statement/"
	referencePath = "reference/"
	documentPath  = "document/"
	// linkPath holds the nodes describing Wikidata links. It is not among
	// NodePaths (whose prefixes writers declare) so that a graph without
	// links is unchanged by it.
	linkPath = "link/"
	// valuePath holds the value nodes of quantities with a unit; not among
	// NodePaths for the same reason.
	valuePath = "value/"
)

// Map writes the triples of res to sink, in the Wikidata RDF model with a
// schema.org view:
//
//   - each entity (sorted by ID), IRI Base+ID: rdf:type (schema.org class,
//     or kgo:PublicOffice for offices), wdt:P31 (Wikidata class), rdfs:label
//     and schema:name, skos:altLabel and schema:alternateName for aliases,
//     rdfs:label and schema:name for each language-tagged label; for each
//     Wikidata link (Entity.Links, in order): owl:sameAs and schema:sameAs
//     the item (wd:Q…) and kgo:wikidataLink to the link node; then for
//     each of its facts, in fact order: the truthy triple wdt:Pnnn, the
//     schema.org triple where the table has a schema.org property, and
//     p:Pnnn to the statement node;
//   - each statement node, in order of first fact: a wikibase:Statement,
//     ps:Pnnn value, psv:Pnnn the value node when the value is a quantity
//     with a unit, wikibase:rank wikibase:NormalRank, pq:Pqqq for each
//     qualifier, prov:wasDerivedFrom for each reference. Facts equal in
//     subject, relation, object and set of qualifiers share one statement;
//   - each value node, IRI Base+"value/"+hash of amount and unit, in order
//     of first use: a wikibase:QuantityValue, wikibase:quantityAmount (an
//     xsd:decimal) and wikibase:quantityUnit (the unit's item, wd:Q577 for
//     years), as in Wikidata's RDF;
//   - each reference node, one per evidence span, in order of first use: a
//     wikibase:Reference, pr:P1683 the evidence text (whitespace runs
//     collapsed to one space), pr:P248 the document and each cited work,
//     kgo:evidenceStart and kgo:evidenceEnd byte offsets;
//   - each link node, IRI Base+"link/"+hash of entity and item, in entity
//     order: a kgo:WikidataLink, kgo:item the item, kgo:confidence (an
//     xsd:decimal in (0, 1]) and kgo:evidence (the linker's account of it);
//   - each Wikipedia article of an entity (Entity.Wiki), IRI its URL on the
//     document's wiki, in entity order: written as Wikidata writes
//     sitelinks (see [Sitelink]): a schema:Article, schema:about the
//     entity, schema:isPartOf the wiki, schema:inLanguage, schema:name;
//   - the document node: a schema:Article, schema:name, kgo:byteLength.
//
// The triples of one subject are consecutive and identical triples are
// written once. The output depends only on res and opts. Map checks res
// first and writes nothing if it breaks the extractor's contract (unknown
// entity IDs, values of the wrong kind, spans outside the text…).
func Map(res *extractor.Result, opts Options, sink Sink) error {
	m, err := plan(res, opts)
	if err != nil {
		return fmt.Errorf("ontology: map %s: %w", docName(res), err)
	}
	if err := m.emit(sink); err != nil {
		return fmt.Errorf("ontology: map %s: %w", docName(res), err)
	}
	return nil
}

func docName(res *extractor.Result) string {
	if res == nil || res.Doc == nil {
		return "(no document)"
	}
	return strconv.Quote(res.Doc.Name)
}

// mapping is a checked Result with every node named, ready to be emitted.
type mapping struct {
	res      *extractor.Result
	base     string
	lang     string
	doc      rdf.IRI
	title    *rdf.Literal // nil when the document has none
	entities []*entityNode
	stmts    []*stmtNode
	refs     []*refNode
	values   []*valueNode
	articles []*articleNode // Wikipedia articles of entities
	site     rdf.IRI        // the wiki of the articles
	siteLang string         // its language; "" when its host does not say
}

// valueNode is the full value of a quantity with a unit.
type valueNode struct {
	iri    rdf.IRI
	amount rdf.Literal
	unit   rdf.IRI
}

type entityNode struct {
	ent     *extractor.Entity
	iri     rdf.IRI
	class   Class
	name    rdf.Literal
	aliases []rdf.Literal
	labels  []rdf.Literal
	facts   []*factNode
	links   []*linkNode
}

// articleNode is the Wikipedia article of one or more entities.
type articleNode struct {
	iri   rdf.IRI
	about []rdf.IRI
	name  rdf.Literal
}

// sitelinks names the Wikipedia articles of the entities (Entity.Wiki),
// in entity order, on the document's wiki.
func (m *mapping) sitelinks() error {
	site := m.res.Doc.WikiSite()
	byIRI := map[rdf.IRI]*articleNode{}
	for _, n := range m.entities {
		if n.ent.Wiki == "" {
			continue
		}
		if m.articles == nil {
			iri, err := wikiSiteIRI(site)
			if err != nil {
				return fmt.Errorf("document: %w", err)
			}
			m.site, m.siteLang = iri, wikiLang(site)
		}
		iri, err := WikiArticleIRI(site, n.ent.Wiki)
		if err != nil {
			return fmt.Errorf("entity %q: Wikipedia article: %w", n.ent.ID, err)
		}
		a := byIRI[iri]
		if a == nil {
			lang := m.siteLang
			if lang == "" {
				lang = m.lang
			}
			name, err := LangLiteral(n.ent.Wiki, lang)
			if err != nil {
				return fmt.Errorf("entity %q: Wikipedia article: %w", n.ent.ID, err)
			}
			a = &articleNode{iri: iri, name: name}
			byIRI[iri] = a
			m.articles = append(m.articles, a)
		}
		a.about = append(a.about, n.iri)
	}
	return nil
}

// linkNode is an entity's link to a Wikidata item.
type linkNode struct {
	iri        rdf.IRI
	item       rdf.IRI
	confidence rdf.Literal
	evidence   *rdf.Literal // nil when the linker gave none
}

type factNode struct {
	prop   Property
	object rdf.Object
	schema rdf.Object // the object in the schema.org view; nil for none
	stmt   *stmtNode
}

type stmtNode struct {
	iri    rdf.IRI
	prop   Property
	object rdf.Object
	quals  []qualNode
	refs   []*refNode
	value  *valueNode // nil unless the value is a quantity with a unit
}

type qualNode struct {
	prop  Property
	value rdf.Object
}

type refNode struct {
	iri     rdf.IRI
	span    extractor.Span
	quote   rdf.Literal
	sources []rdf.IRI
	seen    map[string]bool // sources already listed
}

// plan checks res and names every node.
func plan(res *extractor.Result, opts Options) (*mapping, error) {
	if res == nil || res.Doc == nil {
		return nil, fmt.Errorf("no document")
	}
	m := &mapping{res: res, base: opts.Base, lang: opts.Lang}
	if m.base == "" {
		m.base = DefaultBase
	}
	if m.lang == "" {
		m.lang = "en"
	}
	if !strings.Contains(m.base, ":") || !strings.HasSuffix(m.base, "/") && !strings.HasSuffix(m.base, "#") {
		return nil, fmt.Errorf("base %q: not an absolute IRI ending in '/' or '#'", m.base)
	}
	if _, err := rdf.NewIRI(m.base); err != nil {
		return nil, fmt.Errorf("base %q: %w", m.base, err)
	}
	if !ValidLangTag(m.lang) {
		return nil, fmt.Errorf("language tag %q: malformed", m.lang)
	}
	doc := res.Doc
	if doc.Name == "" {
		return nil, fmt.Errorf("document has no name")
	}
	var err error
	if m.doc, err = rdf.NewIRI(m.base + documentPath + doc.Name); err != nil {
		return nil, fmt.Errorf("document IRI: %w", err)
	}
	if strings.TrimSpace(doc.Title) != "" {
		l, err := LangLiteral(doc.Title, m.lang)
		if err != nil {
			return nil, fmt.Errorf("document title: %w", err)
		}
		m.title = &l
	}

	byID := map[string]*entityNode{}
	for _, e := range res.Entities {
		if e == nil {
			return nil, fmt.Errorf("nil entity")
		}
		if e.ID == "" {
			return nil, fmt.Errorf("entity %q has no ID", e.Name)
		}
		if byID[e.ID] != nil {
			return nil, fmt.Errorf("entity %q: ID used twice", e.ID)
		}
		for _, p := range []string{statementPath, referencePath, documentPath, linkPath, valuePath} {
			if strings.HasPrefix(e.ID, p) {
				return nil, fmt.Errorf("entity %q: ID clashes with generated %s nodes", e.ID, strings.TrimSuffix(p, "/"))
			}
		}
		iri, err := rdf.NewIRI(m.base + e.ID)
		if err != nil {
			return nil, fmt.Errorf("entity %q: bad IRI: %w", e.ID, err)
		}
		class, ok := ClassOf(e.Type)
		if !ok {
			return nil, fmt.Errorf("entity %q: unknown type %q", e.ID, e.Type)
		}
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("entity %q has no name", e.ID)
		}
		n := &entityNode{ent: e, iri: iri, class: class}
		if err := m.names(n); err != nil {
			return nil, fmt.Errorf("entity %q: %w", e.ID, err)
		}
		if err := m.links(n); err != nil {
			return nil, fmt.Errorf("entity %q: %w", e.ID, err)
		}
		byID[e.ID] = n
		m.entities = append(m.entities, n)
	}
	slices.SortFunc(m.entities, func(a, b *entityNode) int { return strings.Compare(a.ent.ID, b.ent.ID) })
	if err := m.sitelinks(); err != nil {
		return nil, err
	}

	stmts := map[string]*stmtNode{}
	refs := map[extractor.Span]*refNode{}
	values := map[string]*valueNode{}
	for i := range res.Facts {
		f := &res.Facts[i]
		where := fmt.Sprintf("fact %d (%s %s %s)", i, f.Subject, f.Relation, f.Object.Key())
		subj := byID[f.Subject]
		if subj == nil {
			return nil, fmt.Errorf("%s: unknown subject entity %q", where, f.Subject)
		}
		prop, ok := PropertyOf(f.Relation)
		if !ok {
			return nil, fmt.Errorf("%s: unknown relation %q", where, f.Relation)
		}
		obj, err := m.value(prop, f.Object, byID)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		fn := &factNode{prop: prop, object: obj}
		if prop.Schema != "" {
			fn.schema = obj
			if f.Object.Kind == extractor.QuantityValue {
				fn.schema = durationOf(f.Object) // nil when the unit has none
			}
		}
		quals := make([]qualNode, 0, len(f.Qualifiers))
		for _, q := range f.Qualifiers {
			qp, ok := PropertyOf(q.Relation)
			if !ok {
				return nil, fmt.Errorf("%s: unknown qualifier relation %q", where, q.Relation)
			}
			qv, err := m.value(qp, q.Value, byID)
			if err != nil {
				return nil, fmt.Errorf("%s: qualifier %s: %w", where, q.Relation, err)
			}
			quals = append(quals, qualNode{prop: qp, value: qv})
		}
		key := statementKey(f)
		st := stmts[key]
		if st == nil {
			iri, err := rdf.NewIRI(m.base + statementPath + shortHash(key))
			if err != nil {
				return nil, fmt.Errorf("%s: statement IRI: %w", where, err)
			}
			st = &stmtNode{iri: iri, prop: prop, object: obj, quals: quals}
			if q, ok := UnitItem(f.Object.Unit); ok && f.Object.Kind == extractor.QuantityValue {
				vkey := strconv.FormatInt(f.Object.Int, 10) + "\x1f" + q
				if st.value = values[vkey]; st.value == nil {
					viri, err := rdf.NewIRI(m.base + valuePath + shortHash(vkey))
					if err != nil {
						return nil, fmt.Errorf("%s: value IRI: %w", where, err)
					}
					st.value = &valueNode{iri: viri, amount: obj.(rdf.Literal), unit: WD.IRI(q)}
					values[vkey] = st.value
					m.values = append(m.values, st.value)
				}
			}
			stmts[key] = st
			m.stmts = append(m.stmts, st)
		}
		fn.stmt = st
		subj.facts = append(subj.facts, fn)

		ev := f.Evidence
		if ev.Start == ev.End && ev.Start >= 0 {
			continue // no evidence: a statement without this reference
		}
		if ev.Start < 0 || ev.End < ev.Start || ev.End > len(doc.Text) {
			return nil, fmt.Errorf("%s: evidence span [%d,%d) outside the text (%d bytes)", where, ev.Start, ev.End, len(doc.Text))
		}
		ref := refs[ev]
		if ref == nil {
			ref, err = m.reference(ev)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			refs[ev] = ref
			m.refs = append(m.refs, ref)
		}
		if !slices.Contains(st.refs, ref) {
			st.refs = append(st.refs, ref)
		}
		for _, id := range f.Sources {
			if ref.seen[id] {
				continue
			}
			if id == "" {
				return nil, fmt.Errorf("%s: empty source ID", where)
			}
			iri, err := rdf.NewIRI(m.base + id)
			if err != nil {
				return nil, fmt.Errorf("%s: source %q: bad IRI: %w", where, id, err)
			}
			ref.seen[id] = true
			ref.sources = append(ref.sources, iri)
		}
	}
	return m, nil
}

// names builds the literals of an entity's name, aliases and labels.
func (m *mapping) names(n *entityNode) error {
	e := n.ent
	var err error
	if n.name, err = LangLiteral(e.Name, m.lang); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	for _, a := range e.Aliases {
		if a == e.Name || strings.TrimSpace(a) == "" {
			continue
		}
		l, err := LangLiteral(a, m.lang)
		if err != nil {
			return fmt.Errorf("alias: %w", err)
		}
		n.aliases = append(n.aliases, l)
	}
	for _, lab := range e.Labels {
		if strings.TrimSpace(lab.Text) == "" {
			continue
		}
		l, err := LangLiteral(lab.Text, lab.Lang)
		if err != nil {
			return fmt.Errorf("label: %w", err)
		}
		n.labels = append(n.labels, l)
	}
	return nil
}

var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// links checks an entity's Wikidata links and names their nodes. A link to
// an item already linked is left out.
func (m *mapping) links(n *entityNode) error {
	seen := map[string]bool{}
	for _, l := range n.ent.Links {
		if !qidRE.MatchString(l.QID) {
			return fmt.Errorf("link %q: not a Wikidata item ID", l.QID)
		}
		if seen[l.QID] {
			continue
		}
		seen[l.QID] = true
		if math.IsNaN(l.Confidence) || l.Confidence <= 0 || l.Confidence > 1 {
			return fmt.Errorf("link %s: confidence %v outside (0, 1]", l.QID, l.Confidence)
		}
		iri, err := rdf.NewIRI(m.base + linkPath + shortHash(n.ent.ID+"\x1f"+l.QID))
		if err != nil {
			return fmt.Errorf("link %s: IRI: %w", l.QID, err)
		}
		// Four decimals at most, written without an exponent.
		conf := strconv.FormatFloat(math.Round(l.Confidence*1e4)/1e4, 'f', -1, 64)
		if !strings.Contains(conf, ".") {
			conf += ".0"
		}
		ln := &linkNode{iri: iri, item: WD.IRI(l.QID), confidence: rdf.NewTypedLiteral(conf, xsdDecimal)}
		if ev := collapseSpace(l.Evidence); ev != "" {
			if !utf8.ValidString(ev) {
				return fmt.Errorf("link %s: evidence not valid UTF-8", l.QID)
			}
			lit, err := rdf.NewLiteral(ev)
			if err != nil {
				return fmt.Errorf("link %s: evidence: %w", l.QID, err)
			}
			ln.evidence = &lit
		}
		n.links = append(n.links, ln)
	}
	return nil
}

// reference names the reference node of an evidence span and reads its quote.
func (m *mapping) reference(ev extractor.Span) (*refNode, error) {
	text := m.res.Doc.Text[ev.Start:ev.End]
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("evidence span [%d,%d): not valid UTF-8 (cuts a character?)", ev.Start, ev.End)
	}
	quote := collapseSpace(text)
	if quote == "" {
		return nil, fmt.Errorf("evidence span [%d,%d): only white space", ev.Start, ev.End)
	}
	lit, err := LangLiteral(quote, m.lang)
	if err != nil {
		return nil, fmt.Errorf("evidence quote: %w", err)
	}
	key := m.res.Doc.Name + "\x1f" + strconv.Itoa(ev.Start) + "\x1f" + strconv.Itoa(ev.End)
	iri, err := rdf.NewIRI(m.base + referencePath + shortHash(key))
	if err != nil {
		return nil, fmt.Errorf("reference IRI: %w", err)
	}
	return &refNode{iri: iri, span: ev, quote: lit, seen: map[string]bool{}}, nil
}

// statementKey identifies a statement: subject, relation, object and the
// set of qualifiers (order and repeats do not matter).
func statementKey(f *extractor.Fact) string {
	q := make([]string, len(f.Qualifiers))
	for i, x := range f.Qualifiers {
		q[i] = string(x.Relation) + "\x1f" + x.Value.Key()
	}
	slices.Sort(q)
	q = slices.Compact(q)
	return f.Subject + "\x1e" + string(f.Relation) + "\x1e" + f.Object.Key() + "\x1e" + strings.Join(q, "\x1d")
}

// shortHash returns 16 hex digits (64 bits) of the SHA-256 of s.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// collapseSpace trims s and replaces every run of white space by one space,
// as kgscore's normalization does before it looks for a quote in the source.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// value returns the RDF term of a fact's or qualifier's object in the
// truthy/statement form, after checking that its kind fits the property.
func (m *mapping) value(p Property, v extractor.Value, byID map[string]*entityNode) (rdf.Object, error) {
	want := map[Datatype][]extractor.ValueKind{
		Item:     {extractor.EntityValue},
		Time:     {extractor.DateValue},
		Quantity: {extractor.IntValue, extractor.QuantityValue},
	}[p.Datatype]
	if !slices.Contains(want, v.Kind) {
		return nil, fmt.Errorf("value %s: wrong kind for %s (%s)", v.Key(), p.PID, p.Datatype)
	}
	switch v.Kind {
	case extractor.EntityValue:
		n := byID[v.Entity]
		if n == nil {
			return nil, fmt.Errorf("unknown object entity %q", v.Entity)
		}
		return n.iri, nil
	case extractor.DateValue:
		return dateLiteral(v.Date)
	case extractor.IntValue:
		return rdf.NewTypedLiteral(strconv.FormatInt(v.Int, 10), xsdInteger), nil
	case extractor.QuantityValue:
		return rdf.NewTypedLiteral(strconv.FormatInt(v.Int, 10), xsdDecimal), nil
	case extractor.StringValue:
		if v.Lang != "" {
			return LangLiteral(v.Text, v.Lang)
		}
		if !utf8.ValidString(v.Text) {
			return nil, fmt.Errorf("string %q: not valid UTF-8", v.Text)
		}
		return rdf.NewLiteral(v.Text)
	}
	return nil, fmt.Errorf("value of unknown kind %d", v.Kind)
}

// dateLiteral returns an xsd:date, xsd:gYearMonth or xsd:gYear literal,
// after the precision of d.
func dateLiteral(d extractor.Date) (rdf.Literal, error) {
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 ||
		d.Month == 0 && d.Day != 0 || d.Day > daysIn(d.Year, d.Month) {
		return rdf.Literal{}, fmt.Errorf("invalid date %d-%d-%d", d.Year, d.Month, d.Day)
	}
	dt := xsdDate
	switch {
	case d.Month == 0:
		dt = xsdGYear
	case d.Day == 0:
		dt = xsdGYearMonth
	}
	return rdf.NewTypedLiteral(d.String(), dt), nil
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// durationOf returns a quantity as an xsd:duration ("P7Y"), or nil when its
// unit is not a unit of time.
func durationOf(v extractor.Value) rdf.Object {
	unit := map[string]string{"year": "Y", "month": "M", "week": "W", "day": "D"}[v.Unit]
	if unit == "" || v.Int < 0 {
		return nil
	}
	return rdf.NewTypedLiteral("P"+strconv.FormatInt(v.Int, 10)+unit, xsdDuration)
}

// emit writes the planned triples, one subject block after another.
func (m *mapping) emit(sink Sink) error {
	w := &blockWriter{sink: sink}
	for _, n := range m.entities {
		if err := m.emitEntity(w, n); err != nil {
			return fmt.Errorf("entity %q: %w", n.ent.ID, err)
		}
	}
	for _, st := range m.stmts {
		w.start(st.iri)
		w.add(rdfType, wikibaseStmt)
		w.add(PS.IRI(st.prop.PID), st.object)
		if st.value != nil {
			w.add(PSV.IRI(st.prop.PID), st.value.iri)
		}
		w.add(wikibaseRank, wikibaseNormal)
		for _, q := range st.quals {
			w.add(PQ.IRI(q.prop.PID), q.value)
		}
		for _, r := range st.refs {
			w.add(provDerivedFrom, r.iri)
		}
		if w.err != nil {
			return fmt.Errorf("statement %s: %w", st.iri, w.err)
		}
	}
	for _, v := range m.values {
		w.start(v.iri)
		w.add(rdfType, wikibaseQuantityValue)
		w.add(wikibaseQuantityAmount, v.amount)
		w.add(wikibaseQuantityUnit, v.unit)
		if w.err != nil {
			return fmt.Errorf("value %s: %w", v.iri, w.err)
		}
	}
	for _, r := range m.refs {
		w.start(r.iri)
		w.add(rdfType, wikibaseRef)
		w.add(prQuote, r.quote)
		w.add(prStatedIn, m.doc)
		for _, s := range r.sources {
			w.add(prStatedIn, s)
		}
		w.add(kgoEvidenceStart, intLiteral(r.span.Start))
		w.add(kgoEvidenceEnd, intLiteral(r.span.End))
		if w.err != nil {
			return fmt.Errorf("reference %s: %w", r.iri, w.err)
		}
	}
	for _, n := range m.entities {
		if err := emitLinkNodes(w, n); err != nil {
			return err
		}
	}
	for _, a := range m.articles {
		w.start(a.iri)
		w.add(rdfType, Schema.IRI(Sitelink.Class))
		for _, e := range a.about {
			w.add(Schema.IRI(Sitelink.About), e)
		}
		w.add(Schema.IRI(Sitelink.IsPartOf), m.site)
		if m.siteLang != "" {
			lit, err := rdf.NewLiteral(m.siteLang)
			if err != nil {
				return fmt.Errorf("article %s: %w", a.iri, err)
			}
			w.add(Schema.IRI(Sitelink.InLanguage), lit)
		}
		w.add(Schema.IRI(Sitelink.Name), a.name)
		if w.err != nil {
			return fmt.Errorf("article %s: %w", a.iri, w.err)
		}
	}
	w.start(m.doc)
	w.add(rdfType, schemaArticle)
	if m.title != nil {
		w.add(schemaName, *m.title)
	}
	w.add(kgoByteLength, intLiteral(len(m.res.Doc.Text)))
	if w.err != nil {
		return fmt.Errorf("document %s: %w", m.doc, w.err)
	}
	return nil
}

func (m *mapping) emitEntity(w *blockWriter, n *entityNode) error {
	w.start(n.iri)
	if n.class.Schema != "" {
		w.add(rdfType, Schema.IRI(n.class.Schema))
	} else {
		w.add(rdfType, KGO.IRI(n.class.Term))
	}
	w.add(wdtInstanceOf, WD.IRI(n.class.Wikidata))
	w.add(rdfsLabel, n.name)
	w.add(schemaName, n.name)
	for _, l := range n.aliases {
		w.add(skosAltLabel, l)
		w.add(schemaAltName, l)
	}
	for _, l := range n.labels {
		w.add(rdfsLabel, l)
		w.add(schemaName, l)
	}
	emitLinks(w, n)
	for _, f := range n.facts {
		w.add(WDT.IRI(f.prop.PID), f.object)
		if f.schema != nil {
			w.add(Schema.IRI(f.prop.Schema), f.schema)
		}
		w.add(P.IRI(f.prop.PID), f.stmt.iri)
	}
	return w.err
}

// emitLinks writes, in the entity's block, the triples of its links.
func emitLinks(w *blockWriter, n *entityNode) {
	for _, l := range n.links {
		w.add(owlSameAs, l.item)
		w.add(schemaSameAs, l.item)
		w.add(kgoWikidataLink, l.iri)
	}
}

// emitLinkNodes writes the blocks of the entity's link nodes.
func emitLinkNodes(w *blockWriter, n *entityNode) error {
	for _, l := range n.links {
		w.start(l.iri)
		w.add(rdfType, kgoWikidataLinkClass)
		w.add(kgoItem, l.item)
		w.add(kgoConfidence, l.confidence)
		if l.evidence != nil {
			w.add(kgoEvidence, *l.evidence)
		}
		if w.err != nil {
			return fmt.Errorf("link %s: %w", l.iri, w.err)
		}
	}
	return nil
}

// Terms of Wikidata links.
var (
	owlSameAs            = OWL.IRI("sameAs")
	schemaSameAs         = Schema.IRI("sameAs")
	kgoWikidataLink      = KGO.IRI("wikidataLink")
	kgoWikidataLinkClass = KGO.IRI("WikidataLink")
	kgoItem              = KGO.IRI("item")
	kgoConfidence        = KGO.IRI("confidence")
	kgoEvidence          = KGO.IRI("evidence")
	schemaThing          = Schema.IRI("Thing")
	wikibaseItem         = Wikibase.IRI("Item")
	xsdString            = XSD.IRI("string")
)

func intLiteral(n int) rdf.Literal {
	return rdf.NewTypedLiteral(strconv.Itoa(n), xsdInteger)
}

// blockWriter writes the triples of one subject at a time, dropping
// repeats within the block, and keeps the first error.
type blockWriter struct {
	sink Sink
	subj rdf.Subject
	seen map[string]bool
	err  error
}

func (w *blockWriter) start(s rdf.Subject) {
	w.subj = s
	w.seen = map[string]bool{}
}

func (w *blockWriter) add(p rdf.IRI, o rdf.Object) {
	if w.err != nil {
		return
	}
	t := rdf.Triple{Subj: w.subj, Pred: p, Obj: o}
	key := p.String() + " " + o.Serialize(rdf.NTriples)
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	if err := w.sink.Encode(t); err != nil {
		w.err = fmt.Errorf("encode %s: %w", strings.TrimSuffix(t.Serialize(rdf.NTriples), "\n"), err)
	}
}
