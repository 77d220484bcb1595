package exporter

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// QuickStatements v1 output.
//
// The encoder reads the Wikidata statement model from the triples it is
// given, the model ontology.Map writes and Wikidata's own RDF dumps use:
//
//	entity owl:sameAs wd:Q1 (or schema:sameAs; an entity IRI in wd: is its own item)
//	entity p:P36 st .
//	st ps:P36 value ; wikibase:rank … ; pq:P580 date ; prov:wasDerivedFrom ref .
//	st psv:P2097 [ wikibase:quantityAmount 7 ; wikibase:quantityUnit wd:Q577 ] .
//	ref pr:P1683 "quote"@en ; pr:P248 source ; pr:P854 <url> .
//
// and writes one line per statement and reference, tab-separated:
//
//	Q1	P36	Q2	P580	+1998-06-10T00:00:00Z/11	S248	Q3	S1683	en:"…"
//
// The syntax follows Wikidata's Help:QuickStatements and the parsers of
// QuickStatements itself (the PHP tool's importDataFromV1/parseValueV1 and
// quickstatements_rs's parser): columns are split on tabs, commands on
// newlines, and "||" also splits columns in quickstatements_rs; strings
// are the text between the first and the last double quote of a column,
// with no escape of any kind, trimmed. So text is written with every
// control character (tab and newline included) turned into a space and
// runs of white space collapsed, '"' turned into an apostrophe, and "||"
// broken up as "| |". Values:
//
//   - items Q123 (our entities by their owl:sameAs link);
//   - strings "…" (xsd:string, and IRIs that are not items: URLs);
//   - monolingual text lang:"…" (language-tagged literals; the tag
//     lowercased, and left out if it has characters other than letters and
//     hyphens, which QuickStatements cannot parse);
//   - dates +YYYY-MM-DDT00:00:00Z/P with precision 11 (xsd:date,
//     xsd:dateTime), 10 (xsd:gYearMonth, day 00) or 9 (xsd:gYear, month and
//     day 00), Gregorian;
//   - quantities 12, with a unit 12U11573 (from the psv: value node's
//     wikibase:quantityUnit when the graph has one).
//
// Qualifiers follow the value as pairs "Pnnn<TAB>value", then the
// reference as pairs "S248<TAB>item" (stated in, when it is an item),
// "S854<TAB>\"url\"" (reference URL: pr:P854, or the URL of the source
// document, schema:url), "S1683<TAB>lang:\"quote\"" (the evidence). A
// statement with several references is written once per reference: the
// line of the second finds the statement the first made and adds its
// reference. Truthy wdt: triples are not written: statement nodes carry
// the same value with its qualifiers and sources. Statements of
// deprecated rank are not written; QuickStatements has no syntax for
// ranks, so the others get Wikidata's default, normal rank.
//
// A statement whose subject or item value is an entity without a link is
// left out, as is a qualifier whose value is such an entity; [QSCounter]
// tells how many. With [Options.QSCreate], each unlinked entity is
// created instead, in a block:
//
//	CREATE
//	LAST	Len	"Aktau"
//	LAST	Aen	"an alias"
//	LAST	P31	Q515
//	LAST	P36	Q1520	S1683	en:"…"
//
// whose statements use LAST as subject. LAST names only the item created
// last, so a statement whose value is another unlinked entity is still
// left out (QuickStatements v1 cannot name an item created earlier).
//
// Output is deterministic and independent of the order of the triples:
// the linked statements first, sorted by item, property and line, then
// the CREATE blocks sorted by label and IRI.

// QuickStatements is QuickStatements v1 (tab-separated commands) for
// Wikidata, written from the statements of a graph in the Wikidata RDF
// model; see [NewEncoder]. It is not an RDF format: [Formats] does not list
// it and it cannot be read back, but [Lookup] finds it ("qs").
var QuickStatements = Format{Name: "qs", Extension: ".qs", MediaType: "text/vnd.wikidata.quickstatements",
	kind: kindQS, aliases: "quickstatements"}

// QSStats counts what a QuickStatements encoder wrote and left out.
type QSStats struct {
	Statements int // statements written (each on one line or more)
	Lines      int // statement lines written (one per reference)
	Created    int // CREATE blocks (with Options.QSCreate)

	SubjectUnlinked int // statements left out: the subject has no item
	ObjectUnlinked  int // statements left out: the value is an entity without an item
	Unwritable      int // statements left out: a value QuickStatements cannot express, or deprecated rank
	QualifiersLeft  int // qualifiers left out of written statements (value not linked or not expressible)
}

// LeftOut is the number of statements not written.
func (s QSStats) LeftOut() int { return s.SubjectUnlinked + s.ObjectUnlinked + s.Unwritable }

// String is a one-line summary: "41 statements (52 lines) written, 54 left
// out: 40 subject not linked, 14 value not linked".
func (s QSStats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d statements (%d lines) written", s.Statements, s.Lines)
	if s.Created > 0 {
		fmt.Fprintf(&b, ", %d items created", s.Created)
	}
	fmt.Fprintf(&b, ", %d left out", s.LeftOut())
	var why []string
	for _, c := range []struct {
		n    int
		what string
	}{
		{s.SubjectUnlinked, "subject not linked"},
		{s.ObjectUnlinked, "value not linked"},
		{s.Unwritable, "not expressible"},
	} {
		if c.n > 0 {
			why = append(why, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	if len(why) > 0 {
		b.WriteString(": " + strings.Join(why, ", "))
	}
	if s.QualifiersLeft > 0 {
		fmt.Fprintf(&b, "; %d qualifiers left out", s.QualifiersLeft)
	}
	return b.String()
}

// QSCounter is implemented by the QuickStatements encoder: after Close,
// QSStats tells what was written and what was left out.
type QSCounter interface {
	QSStats() QSStats
}

// Vocabulary read by the QuickStatements encoder.
var (
	qsSameAs       = ontology.OWL.IRI("sameAs").String()
	qsSchemaSameAs = ontology.Schema.IRI("sameAs").String()
	qsLabel        = ontology.RDFS.IRI("label").String()
	qsSchemaName   = ontology.Schema.IRI("name").String()
	qsAltLabel     = ontology.SKOS.IRI("altLabel").String()
	qsAltName      = ontology.Schema.IRI("alternateName").String()
	qsInstanceOf   = ontology.WDT.IRI("P31").String()
	qsRank         = ontology.Wikibase.IRI("rank").String()
	qsDeprecated   = ontology.Wikibase.IRI("DeprecatedRank").String()
	qsAmount       = ontology.Wikibase.IRI("quantityAmount").String()
	qsUnit         = ontology.Wikibase.IRI("quantityUnit").String()
	qsDerivedFrom  = ontology.PROV.IRI("wasDerivedFrom").String()
	qsSchemaURL    = ontology.Schema.IRI("url").String()
	qsXSD          = string(ontology.XSD)
	qsWD           = string(ontology.WD)
	qsP            = string(ontology.P)
	qsPS           = string(ontology.PS)
	qsPQ           = string(ontology.PQ)
	qsPR           = string(ontology.PR)
	qsPSV          = string(ontology.P) + "statement/value/"
)

var (
	qsPIDRE  = regexp.MustCompile(`^P[1-9][0-9]*$`)
	qsQIDRE  = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	qsLangRE = regexp.MustCompile(`^[a-z]+(?:-[a-z]+)*$`)
	qsNumRE  = regexp.MustCompile(`^[+-]?[0-9]+(?:\.[0-9]+)?$`)
	// qsDateRE matches the start of xsd:date, xsd:dateTime, xsd:gYearMonth
	// and xsd:gYear lexical forms: sign, year, month, day.
	qsDateRE = regexp.MustCompile(`^(-?)([0-9]{4,})(?:-([0-9]{2})(?:-([0-9]{2}))?)?`)
)

// Wikibase limits, in characters: labels and aliases 250, string and
// monolingual text values 1500.
const (
	qsMaxLabel = 250
	qsMaxText  = 1500
)

// qsEncoder gathers the triples of a graph and writes QuickStatements on
// Close.
type qsEncoder struct {
	w      io.Writer
	create bool
	closed bool
	stats  QSStats

	nodes map[string]*qsNode
}

// qsNode is what the encoder keeps of one subject.
type qsNode struct {
	key     string
	iri     string // "" for a blank node
	triples []qsTriple
}

type qsTriple struct {
	pred string
	obj  rdf.Object
}

func newQSEncoder(w io.Writer, opts Options) *qsEncoder {
	return &qsEncoder{w: w, create: opts.QSCreate, nodes: map[string]*qsNode{}}
}

// Encode keeps one triple.
func (e *qsEncoder) Encode(t rdf.Triple) error {
	if e.closed {
		return fmt.Errorf("qs: %w", ErrClosed)
	}
	if err := checkTriple(t); err != nil {
		return fmt.Errorf("qs: %w", err)
	}
	k := qsKey(t.Subj)
	n := e.nodes[k]
	if n == nil {
		n = &qsNode{key: k}
		if iri, ok := t.Subj.(rdf.IRI); ok {
			n.iri = iri.String()
		}
		e.nodes[k] = n
	}
	n.triples = append(n.triples, qsTriple{t.Pred.String(), t.Obj})
	return nil
}

// QSStats reports what Close wrote and left out.
func (e *qsEncoder) QSStats() QSStats { return e.stats }

// qsKey names a subject or object node.
func qsKey(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.IRI:
		return "<" + t.String() + ">"
	case rdf.Blank:
		return "_:" + t.String()
	}
	return ""
}

func (e *qsEncoder) node(o rdf.Term) *qsNode { return e.nodes[qsKey(o)] }

// objects returns the objects of n's triples with predicate pred, in order.
func (n *qsNode) objects(pred string) []rdf.Object {
	if n == nil {
		return nil
	}
	var out []rdf.Object
	for _, t := range n.triples {
		if t.pred == pred {
			out = append(out, t.obj)
		}
	}
	return out
}

// qsLine is one command line with its sort keys.
type qsLine struct {
	item, prop int // numeric QID and PID, for sorting
	text       string
}

// qsEntity is an entity of the graph: a node with statements or a class.
type qsEntity struct {
	node *qsNode
	qid  string // "" when not linked
}

// Close writes the QuickStatements of the graph gathered.
func (e *qsEncoder) Close() error {
	if e.closed {
		return fmt.Errorf("qs: %w", ErrClosed)
	}
	e.closed = true

	entities := map[string]*qsEntity{}
	for k, n := range e.nodes {
		isEntity := false
		for _, t := range n.triples {
			if t.pred == qsInstanceOf || qsStatementProp(t.pred) != "" {
				isEntity = true
				break
			}
		}
		if isEntity {
			entities[k] = &qsEntity{node: n, qid: e.itemOf(n)}
		}
	}

	var linked []qsLine
	var unlinked []*qsEntity
	for _, ent := range entities {
		if ent.qid == "" {
			unlinked = append(unlinked, ent)
			continue
		}
		linked = append(linked, e.statements(ent, ent.qid, entities)...)
	}
	slices.SortFunc(linked, func(a, b qsLine) int {
		return cmp.Or(cmp.Compare(a.item, b.item), cmp.Compare(a.prop, b.prop), strings.Compare(a.text, b.text))
	})

	bw := bufio.NewWriter(e.w)
	for _, l := range linked {
		bw.WriteString(l.text)
		bw.WriteByte('\n')
	}

	if e.create {
		type block struct {
			label, key string
			lines      []string
		}
		var blocks []block
		for _, ent := range unlinked {
			b := block{key: ent.node.key}
			head, label := e.createHead(ent.node)
			b.label = label
			b.lines = append(b.lines, head...)
			stmts := e.statements(ent, "LAST", entities)
			slices.SortFunc(stmts, func(a, b qsLine) int {
				return cmp.Or(cmp.Compare(a.prop, b.prop), strings.Compare(a.text, b.text))
			})
			for _, l := range stmts {
				b.lines = append(b.lines, l.text)
			}
			blocks = append(blocks, b)
		}
		slices.SortFunc(blocks, func(a, b block) int {
			return cmp.Or(strings.Compare(a.label, b.label), strings.Compare(a.key, b.key))
		})
		for _, b := range blocks {
			e.stats.Created++
			for _, l := range b.lines {
				bw.WriteString(l)
				bw.WriteByte('\n')
			}
		}
	} else {
		for _, ent := range unlinked {
			for _, t := range ent.node.triples {
				if qsStatementProp(t.pred) != "" {
					e.stats.SubjectUnlinked++
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("qs: write: %w", err)
	}
	return nil
}

// qsStatementProp returns Pnnn when pred is p:Pnnn, else "".
func qsStatementProp(pred string) string {
	if local, ok := strings.CutPrefix(pred, qsP); ok && qsPIDRE.MatchString(local) {
		return local
	}
	return ""
}

// itemOf returns the Wikidata item of a node: itself when its IRI is in
// wd:, else the lowest-numbered item it is owl:sameAs or schema:sameAs.
func (e *qsEncoder) itemOf(n *qsNode) string {
	if n == nil {
		return ""
	}
	if q, ok := strings.CutPrefix(n.iri, qsWD); ok && qsQIDRE.MatchString(q) {
		return q
	}
	best := ""
	for _, t := range n.triples {
		if t.pred != qsSameAs && t.pred != qsSchemaSameAs {
			continue
		}
		iri, ok := t.obj.(rdf.IRI)
		if !ok {
			continue
		}
		q, ok := strings.CutPrefix(iri.String(), qsWD)
		if !ok || !qsQIDRE.MatchString(q) {
			continue
		}
		if best == "" || qsNum(q) < qsNum(best) {
			best = q
		}
	}
	return best
}

// qsNum is the number of Q123 or P123.
func qsNum(id string) int {
	n, _ := strconv.Atoi(id[1:])
	return n
}

// createHead returns the CREATE line and the label, alias and class lines
// of an unlinked entity, and the label it is sorted by (English if it has
// one). Per language, the first label in text order is the label and the
// others (and skos:altLabel, schema:alternateName) are aliases.
func (e *qsEncoder) createHead(n *qsNode) (lines []string, sortLabel string) {
	type name struct{ lang, text string }
	collect := func(preds ...string) []name {
		var out []name
		for _, t := range n.triples {
			if !slices.Contains(preds, t.pred) {
				continue
			}
			if l, ok := t.obj.(rdf.Literal); ok && l.Lang() != "" {
				if lang, text, ok := qsLabelParts(l); ok {
					out = append(out, name{lang, text})
				}
			}
		}
		byLangText := func(a, b name) int { return cmp.Or(strings.Compare(a.lang, b.lang), strings.Compare(a.text, b.text)) }
		slices.SortFunc(out, byLangText)
		return slices.Compact(out)
	}
	lines = []string{"CREATE"}
	labels := map[string]string{}
	var aliases []name
	for _, l := range collect(qsLabel, qsSchemaName) {
		if _, ok := labels[l.lang]; ok {
			aliases = append(aliases, l)
			continue
		}
		labels[l.lang] = l.text
		lines = append(lines, "LAST\tL"+l.lang+"\t"+qsString(l.text))
		if sortLabel == "" || l.lang == "en" {
			sortLabel = l.text
		}
	}
	for _, a := range collect(qsAltLabel, qsAltName) {
		if labels[a.lang] != a.text && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	slices.SortFunc(aliases, func(a, b name) int { return cmp.Or(strings.Compare(a.lang, b.lang), strings.Compare(a.text, b.text)) })
	for _, a := range aliases {
		lines = append(lines, "LAST\tA"+a.lang+"\t"+qsString(a.text))
	}
	var classes []string
	for _, o := range n.objects(qsInstanceOf) {
		if q := e.itemOf(&qsNode{iri: qsIRIString(o)}); q != "" && !slices.Contains(classes, q) {
			classes = append(classes, q)
		}
	}
	slices.SortFunc(classes, func(a, b string) int { return cmp.Compare(qsNum(a), qsNum(b)) })
	for _, q := range classes {
		lines = append(lines, "LAST\tP31\t"+q)
	}
	return lines, sortLabel
}

// qsLabelParts returns the language code and text of a label, and whether
// QuickStatements can carry it.
func qsLabelParts(l rdf.Literal) (lang, text string, ok bool) {
	lang = strings.ToLower(l.Lang())
	text = qsClean(l.String())
	if !qsLangRE.MatchString(lang) || text == "" || utf8.RuneCountInString(text) > qsMaxLabel {
		return "", "", false
	}
	return lang, text, true
}

// statements returns the lines of an entity's statements with subject
// subj (its QID, or LAST) and counts those left out.
func (e *qsEncoder) statements(ent *qsEntity, subj string, entities map[string]*qsEntity) []qsLine {
	var out []qsLine
	done := map[string]bool{}
	for _, t := range ent.node.triples {
		pid := qsStatementProp(t.pred)
		if pid == "" {
			continue
		}
		st := e.node(t.obj)
		if st == nil || done[st.key+"\x00"+pid] {
			if st == nil {
				e.stats.Unwritable++
			}
			continue
		}
		done[st.key+"\x00"+pid] = true
		lines, why := e.statement(subj, pid, st, entities)
		switch why {
		case "":
			e.stats.Statements++
			e.stats.Lines += len(lines)
			item := 0
			if subj != "LAST" {
				item = qsNum(subj)
			}
			for _, l := range lines {
				out = append(out, qsLine{item: item, prop: qsNum(pid), text: l})
			}
		case "unlinked":
			e.stats.ObjectUnlinked++
		default:
			e.stats.Unwritable++
		}
	}
	return out
}

// statement returns the lines of one statement node, or why it cannot be
// written: "unlinked" (its value is an entity without an item) or
// "unwritable".
func (e *qsEncoder) statement(subj, pid string, st *qsNode, entities map[string]*qsEntity) ([]string, string) {
	for _, r := range st.objects(qsRank) {
		if iri, ok := r.(rdf.IRI); ok && iri.String() == qsDeprecated {
			return nil, "unwritable"
		}
	}
	values := st.objects(qsPS + pid)
	if len(values) != 1 {
		return nil, "unwritable"
	}
	var unit string
	for _, v := range st.objects(qsPSV + pid) {
		for _, u := range e.node(v).objects(qsUnit) {
			if iri, ok := u.(rdf.IRI); ok {
				if q, ok := strings.CutPrefix(iri.String(), qsWD); ok && qsQIDRE.MatchString(q) {
					unit = q
				}
			}
		}
	}
	val, why := e.value(values[0], entities)
	if why != "" {
		return nil, why
	}
	if unit != "" && qsNumRE.MatchString(val) {
		val += "U" + strings.TrimPrefix(unit, "Q")
	}
	head := subj + "\t" + pid + "\t" + val

	// Qualifiers, sorted by property and value.
	type pair struct {
		prop int
		text string
	}
	var quals []pair
	seen := map[string]bool{}
	for _, t := range st.triples {
		local, ok := strings.CutPrefix(t.pred, qsPQ)
		if !ok || !qsPIDRE.MatchString(local) {
			continue
		}
		v, why := e.value(t.obj, entities)
		if why != "" {
			e.stats.QualifiersLeft++
			continue
		}
		p := local + "\t" + v
		if !seen[p] {
			seen[p] = true
			quals = append(quals, pair{qsNum(local), p})
		}
	}
	slices.SortFunc(quals, func(a, b pair) int { return cmp.Or(cmp.Compare(a.prop, b.prop), strings.Compare(a.text, b.text)) })
	for _, q := range quals {
		head += "\t" + q.text
	}

	var lines []string
	for _, r := range st.objects(qsDerivedFrom) {
		if src := e.reference(e.node(r), entities); src != "" && !slices.Contains(lines, head+src) {
			lines = append(lines, head+src)
		}
	}
	if len(lines) == 0 {
		lines = []string{head}
	}
	slices.Sort(lines)
	return lines, ""
}

// reference returns the source pairs of a reference node, each preceded
// by a tab: S248 (stated in, items), S854 (reference URL), S1683 (quote).
func (e *qsEncoder) reference(ref *qsNode, entities map[string]*qsEntity) string {
	if ref == nil {
		return ""
	}
	var stated, urls, quotes []string
	addURL := func(o rdf.Object) {
		if iri, ok := o.(rdf.IRI); ok && qsIsURL(iri.String()) {
			urls = append(urls, qsString(iri.String()))
		} else if l, ok := o.(rdf.Literal); ok && qsIsURL(l.String()) {
			urls = append(urls, qsString(l.String()))
		}
	}
	for _, o := range ref.objects(qsPR + "P248") {
		n := e.node(o)
		if q := e.itemOfObject(o, entities); q != "" {
			stated = append(stated, q)
		} else if n != nil {
			// A source document without an item: its URL, if known.
			for _, u := range n.objects(qsSchemaURL) {
				addURL(u)
			}
		}
	}
	for _, o := range ref.objects(qsPR + "P854") {
		addURL(o)
	}
	for _, o := range ref.objects(qsPR + "P1683") {
		if l, ok := o.(rdf.Literal); ok {
			if v := qsMonolingual(l); v != "" {
				quotes = append(quotes, v)
			}
		}
	}
	var b strings.Builder
	for _, group := range []struct {
		prop string
		vals []string
	}{{"S248", stated}, {"S854", urls}, {"S1683", quotes}} {
		slices.Sort(group.vals)
		for _, v := range slices.Compact(group.vals) {
			b.WriteString("\t" + group.prop + "\t" + v)
		}
	}
	return b.String()
}

// itemOfObject returns the item an object names: a wd: IRI or a linked
// entity.
func (e *qsEncoder) itemOfObject(o rdf.Object, entities map[string]*qsEntity) string {
	if ent := entities[qsKey(o)]; ent != nil {
		return ent.qid
	}
	if n := e.node(o); n != nil {
		return e.itemOf(n)
	}
	return e.itemOf(&qsNode{iri: qsIRIString(o)})
}

func qsIRIString(o rdf.Object) string {
	if iri, ok := o.(rdf.IRI); ok {
		return iri.String()
	}
	return ""
}

// value writes a statement's or qualifier's value, or says why it cannot:
// "unlinked" for an entity without an item, "unwritable" for a value
// QuickStatements has no syntax for.
func (e *qsEncoder) value(o rdf.Object, entities map[string]*qsEntity) (string, string) {
	switch o := o.(type) {
	case rdf.IRI:
		if ent := entities[qsKey(o)]; ent != nil {
			if ent.qid == "" {
				return "", "unlinked"
			}
			return ent.qid, ""
		}
		s := o.String()
		if id, ok := strings.CutPrefix(s, qsWD); ok && (qsQIDRE.MatchString(id) || qsPIDRE.MatchString(id)) {
			return id, ""
		}
		if n := e.nodes[qsKey(o)]; n != nil {
			// A node of the graph (a document, a statement…), not a URL.
			if q := e.itemOf(n); q != "" {
				return q, ""
			}
			return "", "unwritable"
		}
		if qsIsURL(s) {
			return qsString(s), ""
		}
		return "", "unwritable"
	case rdf.Blank:
		if ent := entities[qsKey(o)]; ent != nil && ent.qid != "" {
			return ent.qid, ""
		}
		return "", "unwritable"
	case rdf.Literal:
		return qsLiteral(o)
	}
	return "", "unwritable"
}

// qsLiteral writes a literal value.
func qsLiteral(l rdf.Literal) (string, string) {
	if l.Lang() != "" {
		if v := qsMonolingual(l); v != "" {
			return v, ""
		}
		return "", "unwritable"
	}
	dt := l.DataType.String()
	local, isXSD := strings.CutPrefix(dt, qsXSD)
	if !isXSD {
		return "", "unwritable"
	}
	lex := strings.TrimSpace(l.String())
	switch local {
	case "string":
		text := qsClean(lex)
		if text == "" || utf8.RuneCountInString(text) > qsMaxText {
			return "", "unwritable"
		}
		return qsString(text), ""
	case "integer", "decimal", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger":
		if !qsNumRE.MatchString(lex) {
			return "", "unwritable"
		}
		return strings.TrimPrefix(lex, "+"), ""
	case "date", "dateTime", "gYearMonth", "gYear":
		m := qsDateRE.FindStringSubmatch(lex)
		if m == nil {
			return "", "unwritable"
		}
		sign, year, month, day := m[1], m[2], m[3], m[4]
		prec := map[string]int{"date": 11, "dateTime": 11, "gYearMonth": 10, "gYear": 9}[local]
		if prec >= 10 && month == "" || prec == 11 && day == "" {
			return "", "unwritable"
		}
		if prec < 11 {
			day = "00"
		}
		if prec < 10 {
			month = "00"
		}
		if sign == "" {
			sign = "+"
		}
		return fmt.Sprintf("%s%s-%s-%sT00:00:00Z/%d", sign, year, month, day, prec), ""
	}
	return "", "unwritable"
}

// qsMonolingual writes a language-tagged literal as monolingual text, or
// returns "" if QuickStatements cannot carry it.
func qsMonolingual(l rdf.Literal) string {
	lang := strings.ToLower(l.Lang())
	text := qsClean(l.String())
	if !qsLangRE.MatchString(lang) || text == "" || utf8.RuneCountInString(text) > qsMaxText {
		return ""
	}
	return lang + ":" + qsString(text)
}

// qsClean makes text carriable by QuickStatements: control characters
// become spaces, white space runs one space, trimmed; '"' becomes an
// apostrophe and "||" is broken up.
func qsClean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	for strings.Contains(s, "||") {
		s = strings.ReplaceAll(s, "||", "| |")
	}
	return s
}

// qsString writes text, cleaned, in double quotes.
func qsString(s string) string { return `"` + qsClean(s) + `"` }

// qsIsURL reports whether s is an http or https URL QuickStatements can
// carry as a string.
func qsIsURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) &&
		!strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '"' || r == '|' || r == 0x7f })
}
