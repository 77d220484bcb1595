package link

import (
	"os"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Astana", "astana"},
		{"  Kassym-Jomart   Tokayev ", "kassym jomart tokayev"},
		{"Kassym–Jomart Tokayev", "kassym jomart tokayev"},
		{"Älihan Smaiylov", "alihan smaiylov"},
		{"A\u0308lihan Smaiylov", "alihan smaiylov"}, // decomposed accent
		{"Öskemen", "oskemen"},
		{"People's Party", "peoples party"},
		{"People’s Party", "peoples party"},
		{"St. Petersburg", "st petersburg"},
		{"RadioFreeEurope/RadioLiberty", "radiofreeeurope radioliberty"},
		{"Trade & Development", "trade and development"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"ＡＫＴＡＵ", "aktau"}, // compatibility forms
		{"Қазақстан", "қазақстан"},
		{"Kazakhstani legislative election, 2016", "kazakhstani legislative election 2016"},
		{"", ""},
		{" - ", ""},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNameForms(t *testing.T) {
	for _, c := range []struct {
		name           string
		division, city bool // divisionName, regionOrProvince
	}{
		{"aktobe region", true, true}, {"almaty province", true, true}, {"mangystau oblast", true, false},
		{"aktobe", false, false}, {"region", false, true}, {"west kazakhstan region", true, true},
	} {
		if got := divisionName(c.name); got != c.division {
			t.Errorf("divisionName(%q) = %v", c.name, got)
		}
		if got := regionOrProvince(c.name); got != c.city {
			t.Errorf("regionOrProvince(%q) = %v", c.name, got)
		}
	}
	for _, c := range []struct {
		alias, name string
		want        bool
	}{
		{"aktobe", "aktobe region", true}, {"tokayev", "kassym jomart tokayev", true},
		{"parliament", "parliament of kazakhstan", true}, {"baikonur", "baykonur", false},
		{"government of the republic of kazakhstan", "government of kazakhstan", false},
		{"aktobe region", "aktobe region", false}, {"region aktobe", "aktobe region", false},
	} {
		if got := shortForm(c.alias, c.name); got != c.want {
			t.Errorf("shortForm(%q, %q) = %v", c.alias, c.name, got)
		}
	}
}

func TestTypesOfDescription(t *testing.T) {
	for _, c := range []struct {
		desc string
		want extractor.Type
	}{
		{"city in Kazakhstan", extractor.City},
		{"capital city of Kazakhstan", extractor.City},
		{"region of Kazakhstan", extractor.AdministrativeArea},
		{"Kazakh politician, Prime Minister of Kazakhstan (2019–2022)", extractor.Person},
		{"political party in Kazakhstan", extractor.PoliticalParty},
		{"country in Central Asia", extractor.Country},
		{"head of state of Kazakhstan", extractor.Office},
		{"bicameral legislature of Kazakhstan", extractor.GovernmentOrganization},
	} {
		got := typesOfDescription(c.desc)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("typesOfDescription(%q) = %v, want %s", c.desc, got, c.want)
		}
	}
	if got := typesOfDescription("Wikimedia disambiguation page"); len(got) != 0 {
		t.Errorf("disambiguation page: %v, want no type", got)
	}
}

// ent is an entity of the given type and names.
type ent struct {
	typ     extractor.Type
	name    string
	aliases []string
}

// doc builds a result of entities, titled title; country facts are given
// as subject name → country name.
func doc(title string, ents []ent, inCountry map[string]string) *extractor.Result {
	res := &extractor.Result{Doc: &extractor.Document{Name: "t", Title: title, Text: title}}
	ids := map[string]string{}
	for _, e := range ents {
		id := extractor.MakeID(e.typ, e.name)
		ids[e.name] = id
		res.Entities = append(res.Entities, &extractor.Entity{ID: id, Type: e.typ, Name: e.name, Aliases: e.aliases,
			Mentions: []extractor.Span{{Start: 0, End: 1}}})
	}
	for s, o := range inCountry {
		res.Facts = append(res.Facts, extractor.Fact{Subject: ids[s], Relation: extractor.InCountry, Object: extractor.EntityRef(ids[o])})
	}
	return res
}

// idx builds an index of candidates.
func idx(cands ...Candidate) *Index {
	x := NewIndex()
	for _, c := range cands {
		x.Add(c)
	}
	return x
}

func item(qid, label string, aliases ...string) Candidate {
	return Candidate{QID: qid, Labels: []string{label}, Aliases: aliases}
}

func with(c Candidate, f func(*Candidate)) Candidate {
	f(&c)
	return c
}

// links returns each entity's linked QID by name ("" when unlinked).
func links(res *extractor.Result) map[string]extractor.Link {
	out := map[string]extractor.Link{}
	for _, e := range res.Entities {
		if len(e.Links) > 1 {
			panic("more than one link")
		}
		if len(e.Links) == 1 {
			out[e.Name] = e.Links[0]
		}
	}
	return out
}

var (
	cityAktobe   = item("Q477232", "Aktobe")
	regionAktobe = item("Q485437", "Aktobe Region")
	kazakhstan   = item("Q232", "Kazakhstan", "Republic of Kazakhstan")
	russia       = item("Q159", "Russia")
)

func TestLink(t *testing.T) {
	cases := []struct {
		name  string
		title string
		ents  []ent
		in    map[string]string // country facts
		index *Index
		want  map[string]string // entity name → QID; missing: unlinked
		// evidence each link's evidence must contain, by entity name
		evidence map[string]string
	}{
		{
			name:     "region vs city of the same name, no class",
			ents:     []ent{{extractor.City, "Aktobe", nil}, {extractor.AdministrativeArea, "Aktobe Region", []string{"Aktobe"}}},
			index:    idx(cityAktobe, regionAktobe),
			want:     map[string]string{"Aktobe": "Q477232", "Aktobe Region": "Q485437"},
			evidence: map[string]string{"Aktobe": "label match 'Aktobe'", "Aktobe Region": "label match 'Aktobe Region'"},
		},
		{
			name:  "a region never takes the city of its name",
			ents:  []ent{{extractor.AdministrativeArea, "Aktobe Region", []string{"Aktobe"}}},
			index: idx(cityAktobe),
		},
		{
			name:  "a city never takes a region, even by the region's alias",
			ents:  []ent{{extractor.City, "Akmola", nil}},
			index: idx(item("Q485056", "Akmola Region", "Akmola")),
		},
		{
			name:  "a city takes the city whose alias it is, not the region",
			ents:  []ent{{extractor.City, "Akmola", nil}, {extractor.AdministrativeArea, "Akmola Region", []string{"Akmola"}}},
			index: idx(item("Q1520", "Astana", "Nur-Sultan", "Akmola"), item("Q485056", "Akmola Region")),
			want:  map[string]string{"Akmola": "Q1520", "Akmola Region": "Q485056"},
		},
		{
			name:     "a division name links to an item named otherwise when its description says region",
			ents:     []ent{{extractor.AdministrativeArea, "Zhetysu Region", []string{"Jetisu"}}},
			index:    idx(with(item("Q111281411", "Jetisu"), func(c *Candidate) { c.Description = "region of Kazakhstan" })),
			want:     map[string]string{"Zhetysu Region": "Q111281411"},
			evidence: map[string]string{"Zhetysu Region": "description 'region of Kazakhstan'"},
		},
		{
			name:  "…and not when it says city",
			ents:  []ent{{extractor.AdministrativeArea, "Zhetysu Region", []string{"Jetisu"}}},
			index: idx(with(item("Q111281411", "Jetisu"), func(c *Candidate) { c.Description = "city in Kazakhstan" })),
		},
		{
			name: "class decides between items of one name",
			ents: []ent{{extractor.City, "Turkistan", nil}, {extractor.AdministrativeArea, "Turkistan Region", []string{"Turkistan"}}},
			index: idx(
				with(item("Q815330", "Turkistan Region", "Turkistan"), func(c *Candidate) { c.Classes = []string{"Q10864048"} }),
				with(item("Q848638", "Turkistan"), func(c *Candidate) { c.Classes = []string{"Q515"} })),
			want:     map[string]string{"Turkistan": "Q848638", "Turkistan Region": "Q815330"},
			evidence: map[string]string{"Turkistan": "label match 'Turkistan'; class Q515"},
		},
		{
			name:  "type mismatch: an office is not a human",
			ents:  []ent{{extractor.Office, "President of Kazakhstan", nil}},
			index: idx(with(item("Q1", "President of Kazakhstan"), func(c *Candidate) { c.Classes = []string{"Q5"} })),
		},
		{
			name:  "type mismatch by class label",
			ents:  []ent{{extractor.City, "Amanat", nil}},
			index: idx(with(item("Q1195092", "Amanat"), func(c *Candidate) { c.Classes = []string{"political party"} })),
		},
		{
			name: "the class of the entity's type wins over an unrelated one",
			ents: []ent{{extractor.PoliticalParty, "Amanat", nil}},
			index: idx(
				with(item("Q1", "Amanat"), func(c *Candidate) { c.Classes = []string{"Q5"} }),
				with(item("Q1195092", "Amanat"), func(c *Candidate) { c.Classes = []string{"Q7278"} })),
			want: map[string]string{"Amanat": "Q1195092"},
		},
		{
			name:     "a related class is accepted: a party typed as an organization",
			ents:     []ent{{extractor.Organization, "Amanat", nil}},
			index:    idx(with(item("Q1195092", "Amanat"), func(c *Candidate) { c.Classes = []string{"political party"} })),
			want:     map[string]string{"Amanat": "Q1195092"},
			evidence: map[string]string{"Amanat": "related to Organization"},
		},
		{
			name:  "a shortened alias needs a fitting class",
			ents:  []ent{{extractor.Person, "Kassym-Jomart Tokayev", []string{"Tokayev"}}},
			index: idx(with(item("Q2", "Tokayev"), func(c *Candidate) { c.Description = "family name" })),
		},
		{
			name:     "a shortened alias with a fitting class",
			ents:     []ent{{extractor.Person, "Kassym-Jomart Tokayev", []string{"Tokayev"}}},
			index:    idx(with(item("Q200881", "Tokayev"), func(c *Candidate) { c.Classes = []string{"Q5"} })),
			want:     map[string]string{"Kassym-Jomart Tokayev": "Q200881"},
			evidence: map[string]string{"Kassym-Jomart Tokayev": "label match 'Tokayev' (short for 'Kassym-Jomart Tokayev'); class Q5"},
		},
		{
			name:     "accents and case folded",
			ents:     []ent{{extractor.Person, "ALIHAN SMAIYLOV", nil}},
			index:    idx(item("Q56825894", "Alikhan Smailov", "Älihan Smaiylov")),
			want:     map[string]string{"ALIHAN SMAIYLOV": "Q56825894"},
			evidence: map[string]string{"ALIHAN SMAIYLOV": "alias match 'Älihan Smaiylov'"},
		},
		{
			name:  "two entities want one item: the more confident keeps it",
			ents:  []ent{{extractor.City, "Semey", nil}, {extractor.City, "Semipalatinsk", nil}},
			index: idx(item("Q61944", "Semey", "Semipalatinsk")),
			want:  map[string]string{"Semey": "Q61944"},
		},
		{
			name:  "two entities want one item with the same confidence: neither gets it",
			ents:  []ent{{extractor.City, "Semipalatinsk", nil}, {extractor.City, "Semei", nil}},
			index: idx(item("Q61944", "Semey", "Semipalatinsk", "Semei")),
		},
		{
			name:  "two items too close: no link",
			ents:  []ent{{extractor.City, "Aktau", nil}},
			index: idx(item("Q198989", "Aktau"), item("Q4060357", "Aktau")),
		},
		{
			name: "two items too close: popularity decides at twice the sitelinks",
			ents: []ent{{extractor.City, "Aktau", nil}},
			index: idx(with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Sitelinks = 5 }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Sitelinks = 60 })),
			want:     map[string]string{"Aktau": "Q198989"},
			evidence: map[string]string{"Aktau": "more sitelinks than Q4060357 (60 vs 5)"},
		},
		{
			name: "two items too close: popularity short of twice decides nothing",
			ents: []ent{{extractor.City, "Aktau", nil}},
			index: idx(with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Sitelinks = 40 }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Sitelinks = 60 })),
		},
		{
			name:  "the document's country decides",
			title: "Government of Kazakhstan",
			ents:  []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.Country, "Russia", nil}, {extractor.City, "Aktau", nil}},
			index: idx(kazakhstan, russia,
				with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Countries = []string{"Q159"} }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Countries = []string{"Q232"} })),
			want:     map[string]string{"Kazakhstan": "Q232", "Russia": "Q159", "Aktau": "Q198989"},
			evidence: map[string]string{"Aktau": "country Q232 (Kazakhstan, the document's)"},
		},
		{
			name:  "scores beyond certainty still rank candidates",
			title: "Government of Kazakhstan",
			ents:  []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.Country, "Russia", nil}, {extractor.City, "Aktobe", nil}},
			index: idx(kazakhstan, russia,
				with(item("Q2", "Aktobe"), func(c *Candidate) { c.Classes, c.Countries = []string{"Q532"}, []string{"Q159"} }),
				with(item("Q477232", "Aktobe"), func(c *Candidate) {
					c.Classes, c.Countries, c.Description = []string{"Q515"}, []string{"Q232"}, "city in Kazakhstan"
				})),
			want:     map[string]string{"Kazakhstan": "Q232", "Russia": "Q159", "Aktobe": "Q477232"},
			evidence: map[string]string{"Aktobe": "label match 'Aktobe'; class Q515; country Q232 (Kazakhstan, the document's); description names 'Kazakhstan'"},
		},
		{
			name:  "the entity's own country fact decides over the document's",
			title: "Government of Kazakhstan",
			ents:  []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.Country, "Russia", nil}, {extractor.City, "Aktau", nil}},
			in:    map[string]string{"Aktau": "Russia"},
			index: idx(kazakhstan, russia,
				with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Countries = []string{"Q159"} }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Countries = []string{"Q232"} })),
			want:     map[string]string{"Kazakhstan": "Q232", "Russia": "Q159", "Aktau": "Q4060357"},
			evidence: map[string]string{"Aktau": "country Q159 (Russia, its own)"},
		},
		{
			name:  "a country given by label in the index",
			title: "Government of Kazakhstan",
			ents:  []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.City, "Aktau", nil}},
			index: idx(kazakhstan,
				with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Countries = []string{"Russia"} }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Countries = []string{"Kazakhstan"} })),
			want: map[string]string{"Kazakhstan": "Q232", "Aktau": "Q198989"},
		},
		{
			name:     "a foreign item in a country the document names is not held against",
			title:    "Government of Kazakhstan",
			ents:     []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.Country, "Russia", nil}, {extractor.City, "Moscow", nil}},
			index:    idx(kazakhstan, russia, with(item("Q649", "Moscow"), func(c *Candidate) { c.Countries = []string{"Q159"} })),
			want:     map[string]string{"Kazakhstan": "Q232", "Russia": "Q159", "Moscow": "Q649"},
			evidence: map[string]string{"Moscow": "label match 'Moscow'; country Q159 (Russia, named in the document)"},
		},
		{
			name: "co-occurring entities named in the description decide",
			ents: []ent{{extractor.Country, "Kazakhstan", nil}, {extractor.AdministrativeArea, "Mangystau Region", nil}, {extractor.City, "Aktau", nil}},
			index: idx(kazakhstan, item("Q238931", "Mangystau Region"),
				with(item("Q4060357", "Aktau"), func(c *Candidate) { c.Description = "village in Russia" }),
				with(item("Q198989", "Aktau"), func(c *Candidate) { c.Description = "city in Mangystau Region, Kazakhstan" })),
			want:     map[string]string{"Kazakhstan": "Q232", "Mangystau Region": "Q238931", "Aktau": "Q198989"},
			evidence: map[string]string{"Aktau": "description names 'Kazakhstan', 'Mangystau Region'"},
		},
		{
			name:  "names the index lacks stay unlinked",
			ents:  []ent{{extractor.GovernmentOrganization, "Mäjilis", []string{"Assembly"}}, {extractor.Organization, "World Bank Group", []string{"WBG"}}},
			index: idx(item("Q7164", "World Bank")),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := doc(c.title, c.ents, c.in)
			st := Link(res, c.index)
			got := links(res)
			for name, l := range got {
				if c.want[name] != l.QID {
					t.Errorf("%s linked to %s (%v; %s), want %q", name, l.QID, l.Confidence, l.Evidence, c.want[name])
				}
				if l.Confidence <= 0 || l.Confidence > 1 || l.Confidence < MinConfidence {
					t.Errorf("%s: confidence %v", name, l.Confidence)
				}
				if want := c.evidence[name]; !strings.Contains(l.Evidence, want) {
					t.Errorf("%s: evidence %q, want it to contain %q", name, l.Evidence, want)
				}
			}
			for name, q := range c.want {
				if _, ok := got[name]; !ok {
					t.Errorf("%s unlinked, want %s", name, q)
				}
			}
			if st.Linked != len(got) || st.Entities != len(c.ents) ||
				st.Linked+st.Unmatched+st.Rejected+st.Uncertain+st.Conflicts != st.Entities {
				t.Errorf("stats %+v do not add up (%d linked)", st, len(got))
			}
		})
	}
}

func TestLinkStats(t *testing.T) {
	res := doc("", []ent{
		{extractor.City, "Semey", nil}, {extractor.City, "Semipalatinsk", nil}, // conflict
		{extractor.City, "Aktau", nil},   // uncertain
		{extractor.City, "Akmola", nil},  // rejected
		{extractor.City, "Nowhere", nil}, // unmatched
	}, nil)
	x := idx(item("Q61944", "Semey", "Semipalatinsk"), item("Q198989", "Aktau"), item("Q4060357", "Aktau"),
		item("Q485056", "Akmola Region", "Akmola"))
	got := Link(res, x)
	want := Stats{Entities: 5, Linked: 1, Unmatched: 1, Rejected: 1, Uncertain: 1, Conflicts: 1}
	if got != want {
		t.Errorf("stats %+v, want %+v", got, want)
	}
}

func TestLinkReplacesAndNil(t *testing.T) {
	res := doc("", []ent{{extractor.City, "Aktobe", nil}}, nil)
	res.Entities[0].Links = []extractor.Link{{QID: "Q1", Confidence: 1}}
	if st := Link(res, nil); st.Linked != 0 || len(res.Entities[0].Links) != 0 {
		t.Errorf("nil index: %+v, links %v", st, res.Entities[0].Links)
	}
	res.Entities[0].Links = []extractor.Link{{QID: "Q1", Confidence: 1}}
	Link(res, idx(cityAktobe))
	if l := res.Entities[0].Links; len(l) != 1 || l[0].QID != "Q477232" {
		t.Errorf("links %v, want only Q477232", l)
	}
	if st := Link(nil, idx(cityAktobe)); st != (Stats{}) {
		t.Errorf("nil result: %+v", st)
	}
}

// TestLinkSample links the sample article with the sample index of
// ../shared and checks every link the gold expects (K lines).
func TestLinkSample(t *testing.T) {
	const goldFile = "../../shared/gold/government-of-kazakhstan.gold"
	gold, err := os.ReadFile(goldFile)
	if err != nil {
		t.Skipf("needs ../shared: %v", err)
	}
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	x, err := Load(sampleIndex)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../examples/government-of-kazakhstan.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := extractor.Parse("government-of-kazakhstan.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	res := extractor.Extract(d)
	st := Link(res, x)
	t.Logf("%+v", st)

	byName := map[string]*extractor.Entity{}
	for _, e := range res.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if byName[Fold(n)] == nil || n == e.Name {
				byName[Fold(n)] = e
			}
		}
	}
	want := 0
	for _, line := range strings.Split(string(gold), "\n") {
		if !strings.HasPrefix(line, "K ") {
			continue
		}
		name, qid, _ := strings.Cut(strings.TrimPrefix(line, "K "), "|")
		name, qid = strings.TrimSpace(name), strings.TrimSpace(qid)
		want++
		e := byName[Fold(name)]
		if e == nil {
			t.Errorf("gold entity %q not extracted", name)
			continue
		}
		switch {
		case qid == "NIL" && len(e.Links) > 0:
			t.Errorf("%s linked to %v, want unlinked", name, e.Links)
		case qid != "NIL" && (len(e.Links) != 1 || e.Links[0].QID != qid):
			t.Errorf("%s linked to %v, want %s", name, e.Links, qid)
		}
	}
	if want < 46 {
		t.Errorf("the gold has %d K lines, expected 46", want)
	}
}

// TestLinkByWikipediaArticle: an entity the text links to an English
// Wikipedia article gets the item whose enwiki sitelink it is, whatever
// its names; a class of another type lowers the score; titles compare as
// MediaWiki's do; another wiki's titles are not enwiki's.
func TestLinkByWikipediaArticle(t *testing.T) {
	x := NewIndex()
	x.Add(Candidate{QID: "Q200881", Labels: []string{"Kassym-Jomart Tokayev"}, Classes: []string{"Q5"}, Enwiki: "Kassym-Jomart Tokayev"})
	x.Add(Candidate{QID: "Q170355", Labels: []string{"Aktobe"}, Classes: []string{"Q515"}, Enwiki: "Aktobe"})
	x.Add(Candidate{QID: "Q232411", Labels: []string{"Aktobe Region"}, Classes: []string{"Q836672"}, Enwiki: "Aktobe Region"})
	x.Add(Candidate{QID: "Q1", Labels: []string{"Tokayev"}, Classes: []string{"Q4167410"}}) // a disambiguation page
	if x.ByEnwiki("kassym-Jomart_Tokayev") == nil || x.ByEnwiki("Aktobe region") != nil {
		t.Error("ByEnwiki does not compare titles as MediaWiki does")
	}
	doc := func(site string, ents ...*extractor.Entity) *extractor.Result {
		return &extractor.Result{Doc: &extractor.Document{Name: "x", Site: site}, Entities: ents}
	}
	// Known only by a short name nothing else would link.
	res := doc("", &extractor.Entity{ID: "person/tokayev", Type: extractor.Person, Name: "Tokayev", Wiki: "kassym-Jomart_Tokayev"})
	Link(res, x)
	if l := res.Entities[0].Links; len(l) != 1 || l[0].QID != "Q200881" || l[0].Confidence != 1 || !strings.HasPrefix(l[0].Evidence, "enwiki sitelink 'Kassym-Jomart Tokayev'") {
		t.Errorf("Tokayev: %+v", l)
	}
	// The region's article, though the mention's name is the city's.
	res = doc("en.wikipedia.org", &extractor.Entity{ID: "region/aktobe", Type: extractor.AdministrativeArea, Name: "Aktobe", Wiki: "Aktobe Region"})
	Link(res, x)
	if l := res.Entities[0].Links; len(l) != 1 || l[0].QID != "Q232411" {
		t.Errorf("Aktobe (region article): %+v", l)
	}
	// A class of another type: linked with less confidence.
	res = doc("", &extractor.Entity{ID: "org/tokayev", Type: extractor.Organization, Name: "Tokayev Foundation", Wiki: "Kassym-Jomart Tokayev"})
	Link(res, x)
	if l := res.Entities[0].Links; len(l) != 1 || l[0].QID != "Q200881" || l[0].Confidence != 0.7 || !strings.Contains(l[0].Evidence, "do not fit Organization") {
		t.Errorf("organization linked to a person's article: %+v", l)
	}
	// German Wikipedia's titles are not enwiki's.
	res = doc("de.wikipedia.org", &extractor.Entity{ID: "person/tokayev", Type: extractor.Person, Name: "Tokayev", Wiki: "Kassym-Jomart Tokayev"})
	Link(res, x)
	if l := res.Entities[0].Links; len(l) != 0 {
		t.Errorf("dewiki title used as enwiki's: %+v", l)
	}
}
