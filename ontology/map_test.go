package ontology

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ and kgbuild.ttl")

// sampleText is the document of the hand-built result.
const sampleText = "Government of Kazakhstan\n" +
	"Kassym-Jomart Tokayev has been the President of Kazakhstan since 20 March 2019.[1]\n" +
	"The President of Kazakhstan,\n   Kassym-Jomart Tokayev, took office on 20 March 2019.\n" +
	"The President is elected for a seven-year term.\n" +
	"References\n" +
	"1. ^ World Development Report 2016. World Bank. 2016.\n"

// span returns the span of the n-th (from 0) occurrence of s in sampleText.
func span(t testing.TB, s string, n int) extractor.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(sampleText[off:], s)
		if j < 0 {
			t.Fatalf("%q (occurrence %d) not in the sample text", s, n)
		}
		if i == n {
			return extractor.Span{Start: off + j, End: off + j + len(s)}
		}
		off += j + len(s)
	}
}

const (
	tokayev   = "person/kassym-jomart-tokayev"
	president = "office/president-of-kazakhstan"
	kazakh    = "place/kazakhstan"
	wdr       = "work/world-development-report-2016"
	worldBank = "organization/world-bank"
)

// sampleResult is a small extraction: a person, an office, a country, a
// cited work and its publisher; a fact with a start-date qualifier and a
// footnote source, the same fact again from a second sentence, the same
// truthy triple without the qualifier, a shared evidence sentence, dates of
// two precisions, a quantity and an integer.
func sampleResult(t testing.TB) *extractor.Result {
	first := span(t, "Kassym-Jomart Tokayev has been the President of Kazakhstan since 20 March 2019.", 0)
	second := span(t, "The President of Kazakhstan,\n   Kassym-Jomart Tokayev, took office on 20 March 2019.", 0)
	term := span(t, "The President is elected for a seven-year term.", 0)
	note := span(t, "World Development Report 2016. World Bank. 2016.", 0)
	start := []extractor.Qualifier{{Relation: extractor.StartTime, Value: extractor.DateOf(extractor.Date{Year: 2019, Month: 3, Day: 20})}}
	doc := &extractor.Document{
		Name:  "sample",
		Path:  "testdata/sample.txt",
		Title: "Government of Kazakhstan",
		Text:  sampleText,
	}
	return &extractor.Result{
		Doc: doc,
		Entities: []*extractor.Entity{
			{ID: kazakh, Type: extractor.Country, Name: "Kazakhstan",
				Aliases: []string{"Kazakhstan", "Republic of Kazakhstan"},
				Labels: []extractor.Label{
					{Text: "Қазақстан", Lang: "kk"},
					{Text: "Qazaqstan", Lang: "kk-Latn"},
					{Text: "哈萨克斯坦", Lang: "zh-Hans-CN"},
				}},
			{ID: president, Type: extractor.Office, Name: "President of Kazakhstan", Aliases: []string{"President"},
				Mentions: []extractor.Span{span(t, "President of Kazakhstan", 0)}},
			{ID: tokayev, Type: extractor.Person, Name: "Kassym-Jomart Tokayev", Aliases: []string{"Tokayev"},
				Mentions: []extractor.Span{span(t, "Kassym-Jomart Tokayev", 0), span(t, "Kassym-Jomart Tokayev", 1)}},
			{ID: worldBank, Type: extractor.Organization, Name: "World Bank"},
			{ID: wdr, Type: extractor.CreativeWork, Name: `World Development Report 2016 "Digital Dividends"`},
		},
		Facts: []extractor.Fact{
			{Subject: tokayev, Relation: extractor.PositionHeld, Object: extractor.EntityRef(president),
				Qualifiers: start, Evidence: first, Sources: []string{wdr}},
			{Subject: kazakh, Relation: extractor.HeadOfState, Object: extractor.EntityRef(tokayev),
				Evidence: first, Sources: []string{wdr}},
			{Subject: tokayev, Relation: extractor.PositionHeld, Object: extractor.EntityRef(president),
				Qualifiers: start, Evidence: second},
			{Subject: tokayev, Relation: extractor.PositionHeld, Object: extractor.EntityRef(president),
				Evidence: second},
			{Subject: kazakh, Relation: extractor.HeadOfStateOffice, Object: extractor.EntityRef(president),
				Evidence: first},
			{Subject: president, Relation: extractor.TermLength, Object: extractor.Years(7), Evidence: term},
			{Subject: wdr, Relation: extractor.Publisher, Object: extractor.EntityRef(worldBank), Evidence: note},
			{Subject: wdr, Relation: extractor.PublicationDate, Object: extractor.DateOf(extractor.Date{Year: 2016}), Evidence: note},
			{Subject: worldBank, Relation: extractor.Inception, Object: extractor.DateOf(extractor.Date{Year: 1944, Month: 7})},
			{Subject: kazakh, Relation: extractor.Ranking, Object: extractor.IntOf(28), Evidence: first},
		},
	}
}

const testBase = "https://kg.example.org/"

func mapSample(t *testing.T, res *extractor.Result) []rdf.Triple {
	t.Helper()
	var out sliceSink
	if err := Map(res, Options{Base: testBase}, &out); err != nil {
		t.Fatalf("Map: %v", err)
	}
	return out
}

func ntLines(ts []rdf.Triple) []byte {
	var b bytes.Buffer
	for _, t := range ts {
		b.WriteString(t.Serialize(rdf.NTriples))
	}
	return b.Bytes()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ontology -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./ontology -update if the change is intended)", path, i+1, g, w)
			}
		}
	}
}

func TestMapGolden(t *testing.T) {
	ts := mapSample(t, sampleResult(t))
	golden(t, "sample.nt", ntLines(ts))
	// Deterministic: a second run gives the same triples.
	if again := ntLines(mapSample(t, sampleResult(t))); !bytes.Equal(again, ntLines(ts)) {
		t.Error("two runs of Map differ")
	}
}

// graph indexes triples for the contract checks.
type graph struct {
	ts []rdf.Triple
}

func (g graph) objects(s rdf.Term, p rdf.IRI) []rdf.Object {
	var out []rdf.Object
	for _, t := range g.ts {
		if t.Subj.String() == s.String() && t.Pred.String() == p.String() {
			out = append(out, t.Obj)
		}
	}
	return out
}

func (g graph) subjects(p rdf.IRI, o rdf.Term) []rdf.Subject {
	var out []rdf.Subject
	for _, t := range g.ts {
		if t.Pred.String() == p.String() && t.Obj.Serialize(rdf.NTriples) == o.Serialize(rdf.NTriples) {
			out = append(out, t.Subj)
		}
	}
	return out
}

func TestMapContract(t *testing.T) {
	res := sampleResult(t)
	ts := mapSample(t, res)
	g := graph{ts}

	// Subjects are contiguous, and no triple is written twice.
	done := map[string]bool{}
	seen := map[string]bool{}
	var cur string
	for _, tr := range ts {
		s := tr.Subj.String()
		if s != cur {
			if done[s] {
				t.Errorf("subject %s appears in two blocks", s)
			}
			done[s] = true
			cur = s
		}
		line := tr.Serialize(rdf.NTriples)
		if seen[line] {
			t.Errorf("triple written twice: %s", line)
		}
		seen[line] = true
	}

	// Entities come first, sorted by ID.
	var order []string
	for _, tr := range ts {
		if s := tr.Subj.String(); strings.HasPrefix(s, testBase) && (len(order) == 0 || order[len(order)-1] != s) {
			order = append(order, s)
		}
	}
	wantOrder := []string{president, worldBank, tokayev, kazakh, wdr}
	for i, id := range wantOrder {
		if i >= len(order) || order[i] != testBase+id {
			t.Fatalf("subject order %v, want entities %v first", order, wantOrder)
		}
	}

	// Every entity has a type, a Wikidata class and a label.
	for _, e := range res.Entities {
		s, _ := rdf.NewIRI(testBase + e.ID)
		c, _ := ClassOf(e.Type)
		types := g.objects(s, rdfType)
		wantType := Schema.IRI(c.Schema)
		if c.Schema == "" {
			wantType = KGO.IRI(c.Term)
		}
		if len(types) != 1 || types[0].String() != wantType.String() {
			t.Errorf("%s: rdf:type %v, want %s", e.ID, types, wantType)
		}
		if p31 := g.objects(s, wdtInstanceOf); len(p31) != 1 || p31[0].String() != string(WD)+c.Wikidata {
			t.Errorf("%s: wdt:P31 %v, want wd:%s", e.ID, p31, c.Wikidata)
		}
		if len(g.objects(s, rdfsLabel)) == 0 || len(g.objects(s, schemaName)) == 0 {
			t.Errorf("%s: no rdfs:label or schema:name", e.ID)
		}
	}

	// Every statement has a reference quoting the document.
	collapsed := collapseSpace(res.Doc.Text)
	stmts := g.subjects(rdfType, wikibaseStmt)
	if len(stmts) == 0 {
		t.Fatal("no statements")
	}
	unsourced := 0 // the sample has one fact without evidence
	for _, st := range stmts {
		refs := g.objects(st, provDerivedFrom)
		if len(refs) == 0 {
			unsourced++
		}
		for _, ref := range refs {
			quotes := g.objects(ref, prQuote)
			if len(quotes) != 1 {
				t.Errorf("reference %s: %d quotes", ref, len(quotes))
				continue
			}
			q := quotes[0].(rdf.Literal)
			if !strings.Contains(collapsed, q.String()) {
				t.Errorf("reference %s: quote %q is not in the document", ref, q.String())
			}
			var start, end int
			fmt.Sscan(g.objects(ref, kgoEvidenceStart)[0].String(), &start)
			fmt.Sscan(g.objects(ref, kgoEvidenceEnd)[0].String(), &end)
			if collapseSpace(res.Doc.Text[start:end]) != q.String() {
				t.Errorf("reference %s: offsets [%d,%d) do not give the quote %q", ref, start, end, q.String())
			}
			if len(g.objects(ref, prStatedIn)) == 0 {
				t.Errorf("reference %s: no pr:P248", ref)
			}
		}
	}

	if unsourced != 1 {
		t.Errorf("%d statements without a reference, want 1", unsourced)
	}

	// The duplicated fact is one statement with two references; the same
	// truthy triple without the qualifier is a second statement.
	tok, _ := rdf.NewIRI(testBase + tokayev)
	pres, _ := rdf.NewIRI(testBase + president)
	if got := g.objects(tok, WDT.IRI("P39")); len(got) != 1 || got[0].String() != pres.String() {
		t.Errorf("truthy P39 of Tokayev: %v, want one", got)
	}
	sts := g.objects(tok, P.IRI("P39"))
	if len(sts) != 2 {
		t.Fatalf("Tokayev has %d P39 statements, want 2", len(sts))
	}
	if refs := g.objects(sts[0], provDerivedFrom); len(refs) != 2 {
		t.Errorf("first P39 statement has %d references, want 2", len(refs))
	}
	if q := g.objects(sts[0], PQ.IRI("P580")); len(q) != 1 || q[0].Serialize(rdf.NTriples) != `"2019-03-20"^^<`+string(XSD)+`date>` {
		t.Errorf("P580 qualifier %v", q)
	}
	if q := g.objects(sts[1], PQ.IRI("P580")); len(q) != 0 {
		t.Errorf("second P39 statement has qualifiers %v", q)
	}

	// Labels keep their tags as written.
	kz, _ := rdf.NewIRI(testBase + kazakh)
	tags := map[string]string{}
	for _, o := range g.objects(kz, rdfsLabel) {
		tags[o.(rdf.Literal).Lang()] = o.String()
	}
	for tag, text := range map[string]string{"en": "Kazakhstan", "kk": "Қазақстан", "kk-Latn": "Qazaqstan", "zh-Hans-CN": "哈萨克斯坦"} {
		if tags[tag] != text {
			t.Errorf("label @%s = %q, want %q", tag, tags[tag], text)
		}
	}
	// An alias equal to the name is not repeated as an alternate name.
	for _, o := range g.objects(kz, skosAltLabel) {
		if o.String() == "Kazakhstan" {
			t.Error("alias equal to the name written as skos:altLabel")
		}
	}

	// Values.
	for _, c := range []struct {
		subj, pred, want string
	}{
		{president, string(WDT) + "P2097", `"7"^^<` + string(XSD) + `decimal>`},
		{wdr, string(WDT) + "P577", `"2016"^^<` + string(XSD) + `gYear>`},
		{wdr, string(Schema) + "datePublished", `"2016"^^<` + string(XSD) + `gYear>`},
		{worldBank, string(WDT) + "P571", `"1944-07"^^<` + string(XSD) + `gYearMonth>`},
		{worldBank, string(Schema) + "foundingDate", `"1944-07"^^<` + string(XSD) + `gYearMonth>`},
		{kazakh, string(WDT) + "P1352", `"28"^^<` + string(XSD) + `integer>`},
		{wdr, string(Schema) + "publisher", "<" + testBase + worldBank + ">"},
	} {
		s, _ := rdf.NewIRI(testBase + c.subj)
		p, _ := rdf.NewIRI(c.pred)
		got := g.objects(s, p)
		if len(got) != 1 || got[0].Serialize(rdf.NTriples) != c.want {
			t.Errorf("%s %s: %v, want %s", c.subj, c.pred, got, c.want)
		}
	}

	// The document node.
	doc, _ := rdf.NewIRI(testBase + "document/sample")
	if got := g.objects(doc, rdfType); len(got) != 1 || got[0].String() != schemaArticle.String() {
		t.Errorf("document type %v", got)
	}
	if got := g.objects(doc, kgoByteLength); len(got) != 1 || got[0].String() != fmt.Sprint(len(sampleText)) {
		t.Errorf("document byte length %v", got)
	}
	// DocumentNode finds that node, and only it.
	var docs []string
	for _, tr := range ts {
		if d, ok := DocumentNode(tr); ok {
			docs = append(docs, d.String())
		}
	}
	if len(docs) != 1 || docs[0] != doc.String() {
		t.Errorf("DocumentNode found %v, want [%s]", docs, doc)
	}
}

func TestStatementKeyIgnoresQualifierOrder(t *testing.T) {
	a := extractor.Qualifier{Relation: extractor.StartTime, Value: extractor.DateOf(extractor.Date{Year: 2019})}
	b := extractor.Qualifier{Relation: extractor.EndTime, Value: extractor.DateOf(extractor.Date{Year: 2022})}
	f1 := extractor.Fact{Subject: "x", Relation: extractor.PositionHeld, Object: extractor.EntityRef("y"), Qualifiers: []extractor.Qualifier{a, b}}
	f2 := f1
	f2.Qualifiers = []extractor.Qualifier{b, a, b}
	f3 := f1
	f3.Qualifiers = []extractor.Qualifier{a}
	if statementKey(&f1) != statementKey(&f2) {
		t.Error("qualifier order or repetition changes the statement")
	}
	if statementKey(&f1) == statementKey(&f3) {
		t.Error("different qualifiers give the same statement")
	}
}

func TestMapErrors(t *testing.T) {
	cases := []struct {
		name   string
		opts   Options
		change func(r *extractor.Result)
		want   string
	}{
		{"nil document", Options{}, func(r *extractor.Result) { r.Doc = nil }, "no document"},
		{"relative base", Options{Base: "kg/"}, nil, "not an absolute IRI"},
		{"base without slash", Options{Base: "https://kg.example.org/x"}, nil, "not an absolute IRI"},
		{"bad language", Options{Lang: "english-"}, nil, "language tag"},
		{"bad entity ID", Options{}, func(r *extractor.Result) { r.Entities[0].ID = "place/kazakh stan" }, `entity "place/kazakh stan": bad IRI`},
		{"duplicate ID", Options{}, func(r *extractor.Result) { r.Entities[1].ID = kazakh }, "ID used twice"},
		{"reserved ID", Options{}, func(r *extractor.Result) { r.Entities[0].ID = "statement/x" }, "clashes"},
		{"unknown type", Options{}, func(r *extractor.Result) { r.Entities[0].Type = "Planet" }, "unknown type"},
		{"no name", Options{}, func(r *extractor.Result) { r.Entities[0].Name = " " }, "has no name"},
		{"bad label tag", Options{}, func(r *extractor.Result) { r.Entities[0].Labels[0].Lang = "kk_KZ" }, "malformed language tag"},
		{"unknown subject", Options{}, func(r *extractor.Result) { r.Facts[0].Subject = "person/nobody" }, `unknown subject entity "person/nobody"`},
		{"unknown object", Options{}, func(r *extractor.Result) { r.Facts[0].Object = extractor.EntityRef("office/none") }, "unknown object entity"},
		{"unknown relation", Options{}, func(r *extractor.Result) { r.Facts[0].Relation = "likes" }, "unknown relation"},
		{"wrong kind", Options{}, func(r *extractor.Result) { r.Facts[0].Object = extractor.IntOf(3) }, "wrong kind for P39"},
		{"bad date", Options{}, func(r *extractor.Result) {
			r.Facts[0].Qualifiers = []extractor.Qualifier{{Relation: extractor.StartTime, Value: extractor.DateOf(extractor.Date{Year: 2019, Month: 2, Day: 30})}}
		}, "invalid date"},
		{"span outside", Options{}, func(r *extractor.Result) { r.Facts[0].Evidence = extractor.Span{Start: 10, End: 1 << 20} }, "outside the text"},
		{"span cuts a character", Options{}, func(r *extractor.Result) {
			r.Doc.Text += "Қазақстан"
			r.Facts[0].Evidence = extractor.Span{Start: len(r.Doc.Text) - 3, End: len(r.Doc.Text)}
		}, "not valid UTF-8"},
		{"bad source", Options{}, func(r *extractor.Result) { r.Facts[0].Sources = []string{"work/a b"} }, `source "work/a b"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := sampleResult(t)
			if c.change != nil {
				c.change(res)
			}
			var out sliceSink
			err := Map(res, c.opts, &out)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Map error %v, want one containing %q", err, c.want)
			}
			if len(out) != 0 {
				t.Errorf("%d triples written before the error", len(out))
			}
		})
	}
}

// failSink fails after n triples.
type failSink struct{ n int }

func (f *failSink) Encode(rdf.Triple) error {
	if f.n == 0 {
		return fmt.Errorf("disk full")
	}
	f.n--
	return nil
}

func TestMapSinkError(t *testing.T) {
	err := Map(sampleResult(t), Options{}, &failSink{n: 3})
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), president) {
		t.Fatalf("error %v, want the sink's error naming the entity", err)
	}
}

func TestMapDefaults(t *testing.T) {
	var out sliceSink
	if err := Map(sampleResult(t), Options{}, &out); err != nil {
		t.Fatal(err)
	}
	if s := out[0].Subj.String(); s != DefaultBase+president {
		t.Errorf("first subject %s, want under DefaultBase", s)
	}
	if l := out[2].Obj.(rdf.Literal); l.Lang() != "en" {
		t.Errorf("default language %q", l.Lang())
	}
}
