package exporter

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/internal/qsgrammar"
	"github.com/knakk/rdf"
)

// qsGraph is a graph in the Wikidata statement model with every case the
// QuickStatements writer handles.
const qsGraph = `
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix psv: <http://www.wikidata.org/prop/statement/value/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix pr: <http://www.wikidata.org/prop/reference/> .
@prefix wikibase: <http://wikiba.se/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix : <https://example.org/r/> .

:land a schema:Country ; wdt:P31 wd:Q6256 ; rdfs:label "Land"@en ;
    owl:sameAs wd:Q232 ; schema:sameAs wd:Q232 ;
    wdt:P36 :city ; p:P36 :s1 ;
    p:P150 :s2 ; p:P6 :s3 ; p:P1352 :s4 ; p:P571 :s5 ; p:P2097 :s6 ;
    p:P35 :s7 ; p:P1001 :s8 ; p:P17 :s9 ; p:P1343 :s12 .
:city wdt:P31 wd:Q515 ; rdfs:label "City"@en ; owl:sameAs wd:Q1520 .
:region wdt:P31 wd:Q56061 ; rdfs:label "Region"@en, "Облыс"@kk-Cyrl, "Region"@es-419 ;
    skos:altLabel "The \"Region\""@en ; p:P36 :s10 ; p:P17 :s11 .
:person wdt:P31 wd:Q5 ; rdfs:label "A. Person"@en .

:s1 ps:P36 :city ; wikibase:rank wikibase:NormalRank ;
    pq:P580 "1998-06-10"^^xsd:date ; pq:P1365 :region ; pq:P582 "2030-01"^^xsd:gYearMonth ;
    prov:wasDerivedFrom :r1, :r2 .
:s2 ps:P150 :region ; prov:wasDerivedFrom :r1 .
:s3 ps:P6 :person ; prov:wasDerivedFrom :r1 .
:s4 ps:P1352 28 ; wikibase:rank wikibase:DeprecatedRank .
:s5 ps:P571 "1991"^^xsd:gYear .
:s6 ps:P2097 "7"^^xsd:decimal ; psv:P2097 [ wikibase:quantityAmount "7"^^xsd:decimal ; wikibase:quantityUnit wd:Q577 ] .
:s7 ps:P35 "Tab\there,\nnewline, \"quoted\" a||b"@en .
:s8 ps:P1001 <https://example.org/page> .
:s9 ps:P17 wd:Q232 ; prov:wasDerivedFrom :r3 .
:s10 ps:P36 :city ; prov:wasDerivedFrom :r1 .
:s11 ps:P17 :land .
:s12 ps:P1343 :doc .

:r1 pr:P1683 "Land's capital is City."@en ; pr:P248 :doc .
:r2 pr:P1683 "Quoted again."@en ; pr:P248 wd:Q36578 ; pr:P854 <https://example.org/source> .
:r3 pr:P1683 "Kazakh text"@kk-Cyrl ; pr:P248 :work .
:doc a schema:Article ; schema:url <https://en.wikipedia.org/wiki/Land> .
:work wdt:P31 wd:Q17537576 ; rdfs:label "Work"@en ; owl:sameAs wd:Q99 .
`

// qsTriples reads qsGraph.
func qsTriples(t testing.TB) []rdf.Triple {
	t.Helper()
	dec, err := NewDecoder(Turtle, strings.NewReader(qsGraph))
	if err != nil {
		t.Fatal(err)
	}
	var out []rdf.Triple
	for {
		q, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.Triple)
	}
	return out
}

func writeQS(t testing.TB, triples []rdf.Triple, create bool) (string, QSStats) {
	t.Helper()
	var b bytes.Buffer
	enc, err := NewEncoder(QuickStatements, &b, Options{QSCreate: create})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range triples {
		if err := enc.Encode(tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String(), enc.(QSCounter).QSStats()
}

func TestQuickStatements(t *testing.T) {
	triples := qsTriples(t)
	for _, tc := range []struct {
		name   string
		create bool
		want   string
		stats  QSStats
	}{
		{"linked only", false,
			"Q232\tP17\tQ232\tS248\tQ99\tS1683\tkk-cyrl:\"Kazakh text\"\n" +
				"Q232\tP35\ten:\"Tab here, newline, 'quoted' a| |b\"\n" +
				"Q232\tP36\tQ1520\tP580\t+1998-06-10T00:00:00Z/11\tP582\t+2030-01-00T00:00:00Z/10\tS248\tQ36578\tS854\t\"https://example.org/source\"\tS1683\ten:\"Quoted again.\"\n" +
				"Q232\tP36\tQ1520\tP580\t+1998-06-10T00:00:00Z/11\tP582\t+2030-01-00T00:00:00Z/10\tS854\t\"https://en.wikipedia.org/wiki/Land\"\tS1683\ten:\"Land's capital is City.\"\n" +
				"Q232\tP571\t+1991-00-00T00:00:00Z/9\n" +
				"Q232\tP1001\t\"https://example.org/page\"\n" +
				"Q232\tP2097\t7U577\n",
			QSStats{Statements: 6, Lines: 7, SubjectUnlinked: 2, ObjectUnlinked: 2, Unwritable: 2, QualifiersLeft: 1}},
		{"create", true,
			"Q232\tP17\tQ232\tS248\tQ99\tS1683\tkk-cyrl:\"Kazakh text\"\n" +
				"Q232\tP35\ten:\"Tab here, newline, 'quoted' a| |b\"\n" +
				"Q232\tP36\tQ1520\tP580\t+1998-06-10T00:00:00Z/11\tP582\t+2030-01-00T00:00:00Z/10\tS248\tQ36578\tS854\t\"https://example.org/source\"\tS1683\ten:\"Quoted again.\"\n" +
				"Q232\tP36\tQ1520\tP580\t+1998-06-10T00:00:00Z/11\tP582\t+2030-01-00T00:00:00Z/10\tS854\t\"https://en.wikipedia.org/wiki/Land\"\tS1683\ten:\"Land's capital is City.\"\n" +
				"Q232\tP571\t+1991-00-00T00:00:00Z/9\n" +
				"Q232\tP1001\t\"https://example.org/page\"\n" +
				"Q232\tP2097\t7U577\n" +
				"CREATE\n" +
				"LAST\tLen\t\"A. Person\"\n" +
				"LAST\tP31\tQ5\n" +
				"CREATE\n" +
				"LAST\tLen\t\"Region\"\n" +
				"LAST\tLkk-cyrl\t\"Облыс\"\n" +
				"LAST\tAen\t\"The 'Region'\"\n" +
				"LAST\tP31\tQ56061\n" +
				"LAST\tP17\tQ232\n" +
				"LAST\tP36\tQ1520\tS854\t\"https://en.wikipedia.org/wiki/Land\"\tS1683\ten:\"Land's capital is City.\"\n",
			QSStats{Statements: 8, Lines: 9, Created: 2, ObjectUnlinked: 2, Unwritable: 2, QualifiersLeft: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, stats := writeQS(t, triples, tc.create)
			if got != tc.want {
				t.Errorf("output:\n%s\nwant:\n%s", got, tc.want)
			}
			if stats != tc.stats {
				t.Errorf("stats %+v, want %+v", stats, tc.stats)
			}
			if err := qsgrammar.Check([]byte(got)); err != nil {
				t.Errorf("output breaks the QuickStatements grammar:\n%v", err)
			}
			// The order of the triples does not matter.
			r := rand.New(rand.NewPCG(1, 2))
			for i := 0; i < 5; i++ {
				shuffled := append([]rdf.Triple(nil), triples...)
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if again, _ := writeQS(t, shuffled, tc.create); again != got {
					t.Fatalf("shuffled triples give other output:\n%s", again)
				}
			}
		})
	}
}

// TestQuickStatementsStatsString is the summary's wording.
func TestQuickStatementsStatsString(t *testing.T) {
	s := QSStats{Statements: 6, Lines: 7, SubjectUnlinked: 2, ObjectUnlinked: 3, QualifiersLeft: 1}
	want := "6 statements (7 lines) written, 5 left out: 2 subject not linked, 3 value not linked; 1 qualifiers left out"
	if got := s.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestQuickStatementsFormat: Lookup finds it, Formats does not list it,
// it cannot be read, and a closed encoder says so.
func TestQuickStatementsFormat(t *testing.T) {
	for _, s := range []string{"qs", "QS", ".qs", "out.qs", "quickstatements", "text/vnd.wikidata.quickstatements"} {
		if f, ok := Lookup(s); !ok || f != QuickStatements {
			t.Errorf("Lookup(%q) = %v, %v", s, f, ok)
		}
	}
	for _, f := range Formats() {
		if f == QuickStatements {
			t.Error("Formats() lists QuickStatements, which is not RDF")
		}
	}
	if QuickStatements.Readable() || QuickStatements.Dataset() {
		t.Error("QuickStatements is readable or a dataset format")
	}
	enc, err := NewEncoder(QuickStatements, io.Discard, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err == nil {
		t.Error("second Close did not fail")
	}
}
