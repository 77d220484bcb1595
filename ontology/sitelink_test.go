package ontology

import (
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

func TestWikiArticleIRI(t *testing.T) {
	for _, tc := range []struct{ site, title, want string }{
		{"en.wikipedia.org", "Kassym-Jomart Tokayev", "https://en.wikipedia.org/wiki/Kassym-Jomart_Tokayev"},
		{"en.wikipedia.org", "Älihan Smaiylov", "https://en.wikipedia.org/wiki/%C3%84lihan_Smaiylov"},
		{"en.wikipedia.org", "Amanat (party)", "https://en.wikipedia.org/wiki/Amanat_(party)"},
		{"en.wikipedia.org", "AC/DC", "https://en.wikipedia.org/wiki/AC/DC"},
		{"en.wikipedia.org", `Rock & "Roll"?#x`, "https://en.wikipedia.org/wiki/Rock_%26_%22Roll%22%3F%23x"},
		{"kk.wikipedia.org", "Қазақстан", "https://kk.wikipedia.org/wiki/%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD"},
	} {
		got, err := WikiArticleIRI(tc.site, tc.title)
		if err != nil || got.String() != tc.want {
			t.Errorf("WikiArticleIRI(%q, %q) = %v, %v; want %s", tc.site, tc.title, got, err, tc.want)
		}
	}
	for _, bad := range [][2]string{{"", "X"}, {"en.wikipedia.org", " "}, {"a b", "X"}, {"x/y", "X"}} {
		if _, err := WikiArticleIRI(bad[0], bad[1]); err == nil {
			t.Errorf("WikiArticleIRI(%q, %q): no error", bad[0], bad[1])
		}
	}
	for site, want := range map[string]string{"en.wikipedia.org": "en", "kk.wikipedia.org": "kk",
		"de.wikivoyage.org": "de", "commons.wikimedia.org": "", "example.org": "", "wiki.example.org": ""} {
		if got := wikiLang(site); got != want {
			t.Errorf("wikiLang(%q) = %q; want %q", site, got, want)
		}
	}
}

// TestMapSitelinks checks that an entity's Wikipedia article is written
// as Wikidata writes sitelinks, on the document's wiki, one node for
// entities sharing an article, none for entities without one.
func TestMapSitelinks(t *testing.T) {
	doc := &extractor.Document{Name: "d", Title: "D", Text: "Tokayev and Smaiylov.", Site: "kk.wikipedia.org"}
	res := &extractor.Result{Doc: doc, Entities: []*extractor.Entity{
		{ID: "person/a", Type: extractor.Person, Name: "A", Wiki: "Тоқаев"},
		{ID: "person/b", Type: extractor.Person, Name: "B", Wiki: "Тоқаев"},
		{ID: "person/c", Type: extractor.Person, Name: "C"},
	}}
	var sink sliceSink
	if err := Map(res, Options{Base: testBase}, &sink); err != nil {
		t.Fatal(err)
	}
	art := "<https://kk.wikipedia.org/wiki/%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2>"
	want := []string{
		art + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Article> .",
		art + " <https://schema.org/about> <" + testBase + "person/a> .",
		art + " <https://schema.org/about> <" + testBase + "person/b> .",
		art + " <https://schema.org/isPartOf> <https://kk.wikipedia.org/> .",
		art + ` <https://schema.org/inLanguage> "kk" .`,
		art + ` <https://schema.org/name> "Тоқаев"@kk .`,
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(ntLines(sink))), "\n") {
		if strings.HasPrefix(l, "<https://kk.wikipedia.org/") {
			got = append(got, l)
		}
		if strings.Contains(l, "person/c>") && strings.Contains(l, "schema.org/about") {
			t.Errorf("entity without an article has one: %s", l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sitelink triples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	doc.Site = "not a host"
	if err := Map(res, Options{Base: testBase}, &sink); err == nil {
		t.Error("Map accepted a malformed wiki site")
	}
}
