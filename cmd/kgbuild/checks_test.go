package main

import (
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// TestChecksCatchNoise makes sure the corpus checks (resultProblems,
// graphProblems) flag what they are meant to, and only that, on a small
// article with a heading, a table and page furniture (testdata/furniture.txt).
func TestChecksCatchNoise(t *testing.T) {
	const path = "testdata/furniture.txt"
	doc, err := extractor.Parse(path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sections) == 0 || !hasTable(doc) {
		t.Fatalf("%s: the parser found no heading or no table: the fixture no longer tests the checks", path)
	}
	span := func(s string) extractor.Span {
		i := strings.Index(doc.Text, s)
		if i < 0 {
			t.Fatalf("%q not in %s", s, path)
		}
		return extractor.Span{Start: i, End: i + len(s)}
	}
	good := span("The Prime Minister of Examplia heads the Government of Examplia")
	res := &extractor.Result{Doc: doc,
		Entities: []*extractor.Entity{
			// Good: an alias equal to the heading "Government" that the
			// prose uses as a name.
			{ID: "organization/government-of-examplia", Type: extractor.GovernmentOrganization,
				Name: "Government of Examplia", Aliases: []string{"Government"}},
			{ID: "person/jane-doe", Type: extractor.Person, Name: "Jane Doe"},
			// Bad, one problem each.
			{ID: "organization/main-office-holders", Type: extractor.Organization, Name: "Main Office-holders"},
			{ID: "organization/party", Type: extractor.Organization, Name: "Party"},
			{ID: "organization/office-name-party-since", Type: extractor.Organization, Name: "Office  Name Party Since"},
			{ID: "work/x", Type: extractor.CreativeWork, Name: "Examplia today", Aliases: []string{"Examplia today. Retrieved 5 May 2024"}},
			{ID: "place/see-also-politics", Type: extractor.Place, Name: "See also: Politics of Examplia"},
			{ID: "place/untyped", Name: "Untyped Place"},
			{ID: "organization/unity", Type: extractor.PoliticalParty, Name: "Unity Party", Aliases: []string{"References"}},
		},
		Facts: []extractor.Fact{
			{Subject: "person/jane-doe", Relation: extractor.MemberOf, Object: extractor.EntityRef("organization/unity"), Evidence: good},
			{Subject: "person/jane-doe", Relation: extractor.MemberOf, Object: extractor.EntityRef("organization/party"), Evidence: extractor.Span{Start: 5, End: 5}},
			{Subject: "person/jane-doe", Relation: extractor.MemberOf, Object: extractor.EntityRef("organization/party"), Evidence: extractor.Span{Start: 10, End: len(doc.Text) + 1}},
		},
	}
	probs := resultProblems(res)
	wantProblems(t, "resultProblems", probs, []string{
		`name "Main Office-holders" is a section heading`,
		`name "Party" is a table column name`,
		`name "Office  Name Party Since" is a table header line`,
		`alias "Examplia today. Retrieved 5 May 2024" contains page furniture "Retrieved"`,
		`name "See also: Politics of Examplia" contains page furniture "See also"`,
		`entity place/untyped ("Untyped Place") has no type`,
		`alias "References" is a section heading`,
		`fact 1 (person/jane-doe memberOf e:organization/party): evidence span [5,5) is empty`,
		`fact 2 (person/jane-doe memberOf e:organization/party): evidence span [10,`,
	})

	iri := func(s string) rdf.IRI { i, _ := rdf.NewIRI("https://example.org/" + s); return i }
	lit := func(s string) rdf.Literal { l, _ := rdf.NewLangLiteral(s, "en"); return l }
	typ := iri("Type")
	rdfT, _ := rdf.NewIRI(rdfType)
	lab, _ := rdf.NewIRI(rdfsLabel)
	alt, _ := rdf.NewIRI(altLabel)
	quo, _ := rdf.NewIRI(quotation)
	triples := []rdf.Triple{
		{Subj: iri("gov"), Pred: rdfT, Obj: typ},
		{Subj: iri("gov"), Pred: lab, Obj: lit("Government of Examplia")},
		{Subj: iri("gov"), Pred: alt, Obj: lit("Government")}, // in the prose: fine
		{Subj: iri("ref1"), Pred: quo, Obj: lit("The Prime Minister of Examplia heads\nthe Government   of Examplia")},
		// Bad.
		{Subj: iri("gov"), Pred: alt, Obj: lit("References")},
		{Subj: iri("heading"), Pred: rdfT, Obj: typ},
		{Subj: iri("heading"), Pred: lab, Obj: lit("Government")},
		{Subj: iri("untyped"), Pred: lab, Obj: lit("Untyped")},
		{Subj: iri("ref2"), Pred: quo, Obj: lit("The Prime Minister of Examplia heads Utopia")},
	}
	wantProblems(t, "graphProblems", graphProblems(doc, triples), []string{
		`label "References" of https://example.org/gov is a section heading`,
		`label "Government" of https://example.org/heading is a section heading`,
		`https://example.org/untyped ("Untyped") has a label but no rdf:type`,
		`quotation of https://example.org/ref2 is not in the text`,
	})
}

func hasTable(doc *extractor.Document) bool {
	for _, b := range doc.Blocks {
		if b.Table != nil {
			return true
		}
	}
	return false
}

// wantProblems fails unless every problem in want is reported (as part of
// one of got) and nothing else is.
func wantProblems(t *testing.T, what string, got, want []string) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && strings.Contains(g, w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s did not report %q", what, w)
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Errorf("%s reported a problem it should not: %s", what, g)
		}
	}
}
