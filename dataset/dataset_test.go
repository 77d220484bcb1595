package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

func iri(s string) rdf.IRI {
	i, err := rdf.NewIRI(s)
	if err != nil {
		panic(err)
	}
	return i
}

func TestStats(t *testing.T) {
	ex := func(s string) rdf.IRI { return iri("http://ex.org/" + s) }
	typ, p31 := ontology.RDF.IRI("type"), ontology.WDT.IRI("P31")
	label := ontology.RDFS.IRI("label")
	person, human := ontology.Schema.IRI("Person"), ontology.WD.IRI("Q5")
	bl, _ := rdf.NewBlank("b1")
	lit, _ := rdf.NewLiteral("Ada")
	ts := []rdf.Triple{
		{Subj: ex("ada"), Pred: typ, Obj: person},
		{Subj: ex("ada"), Pred: p31, Obj: human},
		{Subj: ex("ada"), Pred: label, Obj: lit},
		{Subj: ex("ada"), Pred: owlSameAs, Obj: ontology.WD.IRI("Q7259")},
		{Subj: ex("ada"), Pred: owlSameAs, Obj: ex("elsewhere")}, // not Wikidata
		{Subj: ex("bob"), Pred: typ, Obj: person},
		{Subj: ex("bob"), Pred: p31, Obj: human},
		{Subj: ex("ada"), Pred: typ, Obj: person}, // again: counts once
		{Subj: bl, Pred: label, Obj: lit},         // a blank node: a subject, no entity
		{Subj: ex("doc"), Pred: typ, Obj: ontology.Schema.IRI("Article")},
	}
	want := Summary{
		Triples: 9, Entities: 2, DistinctSubjects: 4, Properties: 4, Classes: 2,
		ClassPartitions: []Partition{{ontology.Schema.IRI("Article").String(), 1}, {person.String(), 2}},
		PropertyPartitions: []Partition{
			{typ.String(), 3}, {label.String(), 2}, {owlSameAs.String(), 2}, {p31.String(), 2},
		},
		Examples: []string{"http://ex.org/ada", "http://ex.org/bob"},
		Links:    1,
	}
	// In memory, and spilled after every triple (32 runs merge into one).
	for _, budget := range []int64{0, 1} {
		s := NewStatsWith(StatsOptions{MemoryBudget: budget, TempDir: t.TempDir()})
		for range 4 { // every triple four times: the counts do not change
			for _, tr := range ts {
				if err := s.Encode(tr); err != nil {
					t.Fatal(err)
				}
			}
		}
		got, err := s.Summary()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("budget %d: Summary() =\n %+v\nwant\n %+v", budget, got, want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLicenseIRI(t *testing.T) {
	for in, want := range map[string]string{
		"CC-BY-SA-4.0":                "https://creativecommons.org/licenses/by-sa/4.0/",
		"cc0-1.0":                     "https://creativecommons.org/publicdomain/zero/1.0/",
		"https://example.org/license": "https://example.org/license",
	} {
		if got, err := LicenseIRI(in); err != nil || got != want {
			t.Errorf("LicenseIRI(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "GPL", "my license", "/relative"} {
		if _, err := LicenseIRI(bad); err == nil {
			t.Errorf("LicenseIRI(%q) accepted", bad)
		}
	}
	if LicenseSPDX("https://creativecommons.org/licenses/by-sa/4.0/") != "CC-BY-SA-4.0" {
		t.Error("LicenseSPDX does not know CC BY-SA 4.0")
	}
}

func TestParseAgent(t *testing.T) {
	tests := []struct {
		in   string
		want Agent
		ok   bool
	}{
		{"Ada Lovelace", Agent{Name: "Ada Lovelace"}, true},
		{" Ada Lovelace  <https://orcid.org/0000-0002-1825-0097> ", Agent{Name: "Ada Lovelace", URL: "https://orcid.org/0000-0002-1825-0097"}, true},
		{"<https://x.org/>", Agent{URL: "https://x.org/"}, false},
		{"Ada <x y>", Agent{}, false},
	}
	for _, tc := range tests {
		got, err := ParseAgent(tc.in)
		if (err == nil) != tc.ok || tc.ok && got != tc.want {
			t.Errorf("ParseAgent(%q) = %+v, %v", tc.in, got, err)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	if got, err := SourceDateEpoch("1795862582"); err != nil || !got.Equal(time.Date(2026, 11, 28, 10, 43, 2, 0, time.UTC)) {
		t.Errorf("SourceDateEpoch = %v, %v", got, err)
	}
	for _, bad := range []string{"", "x", "-1", "1e9", "12.5"} {
		if _, err := SourceDateEpoch(bad); err == nil {
			t.Errorf("SourceDateEpoch(%q) accepted", bad)
		}
	}
}

// full is a description with every field set.
func full(t *testing.T) *Description {
	t.Helper()
	when := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	d, err := Describe(&Config{
		Title: "T", Description: "D", Keywords: []string{"a", "b"}, License: "CC0-1.0",
		Creators:  []Agent{{Name: "Ada Lovelace", URL: "https://orcid.org/0000-0002-1825-0097", Type: "Person"}, {Name: "Lab", Type: "Organization", Email: "lab@example.org"}},
		Publisher: &Agent{Name: "Uni", Type: "Organization"}, Version: "2", Issued: "2024-01-02",
		LandingPage: "https://example.org/kg/", SPARQLEndpoint: "https://example.org/sparql",
	}, Facts{
		Base:   "https://example.org/r/",
		Titles: []string{"One"},
		Stats: Summary{Triples: 10, Entities: 2, DistinctSubjects: 3, Properties: 2, Classes: 1,
			ClassPartitions:    []Partition{{"https://schema.org/Person", 2}},
			PropertyPartitions: []Partition{{"http://p.org/a", 4}, {"http://p.org/b", 6}},
			Examples:           []string{"https://example.org/r/person/ada"}, Links: 1},
		Linked:        true,
		Distributions: []Distribution{{Name: "one.ttl", MediaType: "text/turtle", Size: 5, SHA256: strings.Repeat("ab", 32)}},
		Run: Run{Software: "kgbuild", SoftwareVersion: "9", Start: when, End: when.Add(time.Second),
			Inputs:     []Input{{Document: "https://example.org/r/document/one", Name: "one.txt", Size: 3, SHA256: strings.Repeat("cd", 32)}, {Name: "index.srj", Size: 4, SHA256: strings.Repeat("ef", 32)}},
			Parameters: []Parameter{{"format", "ttl"}}},
		Time: when.Add(time.Second),
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRoundTrip: FromTriples reads back what Triples writes.
func TestRoundTrip(t *testing.T) {
	d := full(t)
	ts, err := d.Triples()
	if err != nil {
		t.Fatal(err)
	}
	got, err := FromTriples(ts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("FromTriples(Triples()) =\n %+v\nwant\n %+v", got, d)
	}
	if d.Distributions[0].URL != "https://example.org/r/one.ttl" || d.Distributions[0].IRI != "https://example.org/r/dataset/distribution/one.ttl" {
		t.Errorf("distribution %+v", d.Distributions[0])
	}
}

func TestDescribeDefaults(t *testing.T) {
	d, err := Describe(nil, Facts{Base: "https://example.org/r#", Titles: []string{"A", "B"}, Run: Run{Software: "kgbuild"},
		Distributions: []Distribution{{Name: "a.ttl"}}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Knowledge graph of 2 articles" || d.License != "https://creativecommons.org/licenses/by-sa/4.0/" ||
		d.Version != "1.0" || len(d.Keywords) == 0 || !strings.Contains(d.Description, "from 2 articles") {
		t.Errorf("defaults: %+v", d)
	}
	if got := d.Distributions[0].URL; got != "https://example.org/r/a.ttl" {
		t.Errorf("download URL under a # base: %s", got)
	}
}

// TestCFF checks the citation file's shape: the keys CFF 1.2.0 requires
// at the top level, persons split into names, quoting of odd strings.
func TestCFF(t *testing.T) {
	d := full(t)
	d.Title = `A "quoted": title # not a comment`
	cff := string(d.CFF())
	want := `cff-version: 1.2.0
message: "If you use this dataset, please cite it as below."
type: dataset
title: "A \"quoted\": title # not a comment"
abstract: "D"
authors:
  - family-names: "Lovelace"
    given-names: "Ada"
    orcid: "https://orcid.org/0000-0002-1825-0097"
  - name: "Lab"
    email: "lab@example.org"
version: "2"
date-released: 2024-01-02
license: "CC0-1.0"
keywords:
  - "a"
  - "b"
url: "https://example.org/kg/"
`
	if cff != want {
		t.Errorf("CFF() =\n%s\nwant\n%s", cff, want)
	}
	bib := string(d.BibTeX())
	for _, w := range []string{"@misc{lovelace2024,", "author    = {Lovelace, Ada and {Lab}},", `title     = {{A "quoted": title \# not a comment}},`, "publisher = {Uni},", "month     = {jan},"} {
		if !strings.Contains(bib, w) {
			t.Errorf("BibTeX lacks %q:\n%s", w, bib)
		}
	}
}

// TestSchemaOrg reads the schema.org JSON-LD with the schema.org context's
// coercions given inline, and checks that its facts are the description's:
// every triple (blank nodes aside, literals by their text) is among those
// of Triples.
func TestSchemaOrg(t *testing.T) {
	d := full(t)
	js := d.SchemaOrg()
	var top map[string]any
	if err := json.Unmarshal(js, &top); err != nil {
		t.Fatal(err)
	}
	if top["@context"] != SchemaOrgContext || top["@type"] != "Dataset" || top["name"] != "T" {
		t.Errorf("not a schema.org Dataset: %s", js)
	}
	ctx := `{"@vocab": "https://schema.org/", "url": {"@type": "@id"}, "license": {"@type": "@id"}, "contentUrl": {"@type": "@id"}}`
	inline := bytes.Replace(js, []byte(`"`+SchemaOrgContext+`"`), []byte(ctx), 1)
	dec, err := exporter.NewDecoder(exporter.JSONLD, bytes.NewReader(inline))
	if err != nil {
		t.Fatal(err)
	}
	key := func(tr rdf.Triple) string {
		s, o := "_", "_"
		if _, ok := tr.Subj.(rdf.IRI); ok {
			s = tr.Subj.String()
		}
		if _, ok := tr.Obj.(rdf.Blank); !ok {
			o = tr.Obj.String()
		}
		return s + " " + tr.Pred.String() + " " + o
	}
	all, err := d.Triples()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, tr := range all {
		have[key(tr)] = true
	}
	n := 0
	for {
		q, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if k := key(q.Triple); !have[k] {
			t.Errorf("schema.org fact not in the description: %s", k)
		}
	}
	if n < 25 {
		t.Errorf("only %d triples in the schema.org JSON-LD", n)
	}
}
