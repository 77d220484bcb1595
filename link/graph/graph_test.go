package graph

import (
	"reflect"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

type sink []rdf.Quad

func (s *sink) Encode(t rdf.Triple) error { *s = append(*s, rdf.Quad{Triple: t}); return nil }

// TestReadRoundTrip maps a result with ontology.Map and reads it back:
// the entities' IDs, types, names, aliases, labels and countries, the
// document's name and title, and mentions from the evidence spans.
func TestReadRoundTrip(t *testing.T) {
	text := "Aktobe is a city in Kazakhstan. Aktobe Region is a region of Kazakhstan."
	res := &extractor.Result{
		Doc: &extractor.Document{Name: "aktobe", Title: "Aktobe", Text: text},
		Entities: []*extractor.Entity{
			{ID: "city/aktobe", Type: extractor.City, Name: "Aktobe", Aliases: []string{"Aqtobe", "Aktyubinsk"},
				Labels: []extractor.Label{{Text: "Ақтөбе", Lang: "kk"}}},
			{ID: "country/kazakhstan", Type: extractor.Country, Name: "Kazakhstan"},
			{ID: "office/governor", Type: extractor.Office, Name: "Governor of Aktobe Region"},
			{ID: "region/aktobe-region", Type: extractor.AdministrativeArea, Name: "Aktobe Region"},
		},
		Facts: []extractor.Fact{
			{Subject: "city/aktobe", Relation: extractor.InCountry, Object: extractor.EntityRef("country/kazakhstan"), Evidence: extractor.Span{Start: 0, End: 31}},
			{Subject: "region/aktobe-region", Relation: extractor.InCountry, Object: extractor.EntityRef("country/kazakhstan"), Evidence: extractor.Span{Start: 32, End: 72}},
		},
	}
	base := "https://kg.example.org/"
	var quads sink
	if err := ontology.Map(res, ontology.Options{Base: base}, &quads); err != nil {
		t.Fatal(err)
	}
	g, err := Read(quads, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Base() != base || g.Document() != base+"document/aktobe" {
		t.Errorf("base %q, document %q", g.Base(), g.Document())
	}
	back := g.Result()
	if back.Doc.Name != "aktobe" || back.Doc.Title != "Aktobe" {
		t.Errorf("document %q, title %q", back.Doc.Name, back.Doc.Title)
	}
	if len(back.Entities) != len(res.Entities) {
		t.Fatalf("%d entities, want %d", len(back.Entities), len(res.Entities))
	}
	for i, e := range back.Entities {
		w := res.Entities[i]
		aliases := append([]string(nil), w.Aliases...)
		if e.ID != w.ID || e.Type != w.Type || e.Name != w.Name || !reflect.DeepEqual(e.Labels, w.Labels) {
			t.Errorf("entity %d: %+v, want %+v", i, e, w)
		}
		if len(aliases) > 0 && !reflect.DeepEqual(e.Aliases, []string{"Aktyubinsk", "Aqtobe"}) {
			t.Errorf("%s: aliases %v", e.ID, e.Aliases)
		}
	}
	if len(back.Facts) != 2 || back.Facts[0].Relation != extractor.InCountry || back.Facts[1].Object.Entity != "country/kazakhstan" {
		t.Errorf("facts %+v, want the two countries", back.Facts)
	}
	if m := back.Entities[1].Mentions; len(m) != 2 || m[0] != (extractor.Span{Start: 0, End: 31}) {
		t.Errorf("Kazakhstan's mentions %v, want both sentences", m)
	}
	if _, err := Read(nil, Options{}); err == nil {
		t.Error("Read of an empty graph: no error")
	}
}
