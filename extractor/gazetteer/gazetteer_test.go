package gazetteer

import (
	"bufio"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestCountryByName(t *testing.T) {
	tests := []struct {
		name     string
		code     string
		historic bool
	}{
		{"Kazakhstan", "KZ", false},
		{"Republic of Kazakhstan", "KZ", false},
		{"republic of kazakhstan", "KZ", false},
		{"Russia", "RU", false},
		{"Russian Federation", "RU", false},
		{"the Russian Federation", "RU", false},
		{"United Kingdom", "GB", false},
		{"the United Kingdom", "GB", false},
		{"The United Kingdom", "GB", false},
		{"UK", "GB", false},
		{"Georgia", "GE", false},
		{"Georgia (country)", "GE", false},
		{"Armenia", "AM", false},
		{"Kyrgyz Republic", "KG", false},
		{"Kyrgyzstan", "KG", false},
		{"Tajikistan", "TJ", false},
		{"Turkmenistan", "TM", false},
		{"Uzbekistan", "UZ", false},
		{"Azerbaijan", "AZ", false},
		{"United States", "US", false},
		{"USA", "US", false},
		{"U.S.", "US", false},
		{"United States of America", "US", false},
		{"Gambia", "GM", false},
		{"The Gambia", "GM", false},
		{"Bosnia & Herzegovina", "BA", false},
		{"Côte d\u2019Ivoire", "CI", false},
		{"Czechia", "CZ", false},
		{"Burma", "MM", false},
		{"Moldova, Republic of", "MD", false},
		{"  South   Korea ", "KR", false},
		{"Kosovo", "XK", false},
		{"Soviet Union", "SU", true},
		{"USSR", "SU", true},
		{"East Germany", "DD", true},
		{"Yugoslavia", "YU", true},
		{"Kazakh SSR", "", true},
		{"Kazakh Soviet Socialist Republic", "", true},
		{"Armenian SSR", "", true},
		{"Russian Empire", "", true},
		{"Ottoman Empire", "", true},
		{"Austria-Hungary", "", true},
		{"Czechoslovakia", "", true},
	}
	for _, tt := range tests {
		c, ok := CountryByName(tt.name)
		if !ok {
			t.Errorf("CountryByName(%q) not found", tt.name)
			continue
		}
		if c.Code != tt.code || c.Historical != tt.historic {
			t.Errorf("CountryByName(%q) = %s %q (historical %v), want %q (historical %v)",
				tt.name, c.Code, c.Name, c.Historical, tt.code, tt.historic)
		}
	}
}

func TestCountryByNameFields(t *testing.T) {
	c, ok := CountryByName("Kazakhstan")
	if !ok || c.Code != "KZ" || c.Name != "Kazakhstan" || c.Official != "Republic of Kazakhstan" ||
		strings.Join(c.Demonyms, ";") != "Kazakh;Kazakhstani" || c.Historical {
		t.Errorf("CountryByName(Kazakhstan) = %+v, %v", c, ok)
	}
	if c, _ := CountryByName("Russian Federation"); c.Name != "Russia" || c.Official != "Russian Federation" {
		t.Errorf("Russian Federation: got %+v", c)
	}
	if s, _ := CountryByName("Kazakh SSR"); s.Official != "Kazakh Soviet Socialist Republic" {
		t.Errorf("Kazakh SSR: got %+v", s)
	}
}

func TestCountryByNameMisses(t *testing.T) {
	for _, name := range []string{
		"", "the", "us", "uk", "Kazakh", "Atlantis", "Korea",
	} {
		if c, ok := CountryByName(name); ok {
			t.Errorf("CountryByName(%q) = %s %q, want no match", name, c.Code, c.Name)
		}
	}
}

func TestCountryByCode(t *testing.T) {
	for code, name := range map[string]string{"KZ": "Kazakhstan", "ru": "Russia", "GE": "Georgia", "SU": "Soviet Union", "XK": "Kosovo"} {
		if c, ok := CountryByCode(code); !ok || c.Name != name {
			t.Errorf("CountryByCode(%q) = %q, %v, want %q", code, c.Name, ok, name)
		}
	}
	if c, ok := CountryByCode("ZZ"); ok {
		t.Errorf("CountryByCode(ZZ) = %+v", c)
	}
	if c, ok := CountryByCode(""); ok {
		t.Errorf("CountryByCode(\"\") = %+v", c)
	}
}

func TestCountryByDemonym(t *testing.T) {
	tests := []struct{ adj, code, name string }{
		{"Kazakh", "KZ", ""},
		{"Kazakhstani", "KZ", ""},
		{"kazakh", "KZ", ""},
		{"Armenian", "AM", ""},
		{"Russian", "RU", ""},
		{"Georgian", "GE", ""},
		{"Tajik", "TJ", ""},
		{"Tajikistani", "TJ", ""},
		{"Turkmen", "TM", ""},
		{"Kyrgyz", "KG", ""},
		{"Uzbek", "UZ", ""},
		{"Azerbaijani", "AZ", ""},
		{"French", "FR", ""},
		{"British", "GB", ""},
		{"American", "US", ""},
		{"Dutch", "NL", ""},
		{"Soviet", "SU", "Soviet Union"},
		{"Yugoslav", "YU", "Yugoslavia"},
		{"Ottoman", "", "Ottoman Empire"},
	}
	for _, tt := range tests {
		c, ok := CountryByDemonym(tt.adj)
		if !ok || c.Code != tt.code || tt.name != "" && c.Name != tt.name {
			t.Errorf("CountryByDemonym(%q) = %s %q, %v; want %q %q", tt.adj, c.Code, c.Name, ok, tt.code, tt.name)
		}
	}
	// Shared by two current countries: ambiguous.
	for _, adj := range []string{"Congolese", "Dominican", "", "Martian"} {
		if c, ok := CountryByDemonym(adj); ok {
			t.Errorf("CountryByDemonym(%q) = %s, want no match", adj, c.Code)
		}
	}
}

func TestLanguageByName(t *testing.T) {
	tests := []struct{ name, code, script string }{
		{"Kazakh", "kk", "Cyrl"},
		{"kazakh", "kk", "Cyrl"},
		{"Russian", "ru", "Cyrl"},
		{"Georgian", "ka", "Geor"},
		{"Armenian", "hy", "Armn"},
		{"Kyrgyz", "ky", "Cyrl"},
		{"Kirghiz", "ky", "Cyrl"},
		{"Tajik", "tg", "Cyrl"},
		{"Turkmen", "tk", "Latn"},
		{"Uzbek", "uz", "Latn"},
		{"Azerbaijani", "az", "Latn"},
		{"Greek", "el", "Grek"},
		{"Modern Greek", "el", "Grek"},
		{"Hebrew", "he", "Hebr"},
		{"Hindi", "hi", "Deva"},
		{"Arabic", "ar", "Arab"},
		{"English", "en", "Latn"},
		{"Chinese", "zh", "Hans"},
		{"Ukrainian", "uk", "Cyrl"},
	}
	for _, tt := range tests {
		l, ok := LanguageByName(tt.name)
		if !ok || l.Code != tt.code || l.Script != tt.script {
			t.Errorf("LanguageByName(%q) = %+v, %v; want %s %s", tt.name, l, ok, tt.code, tt.script)
		}
	}
	if l, ok := LanguageByName("Klingon"); ok {
		t.Errorf("LanguageByName(Klingon) = %+v", l)
	}
	if l, ok := LanguageByCode("KK"); !ok || l.Names[0] != "Kazakh" {
		t.Errorf("LanguageByCode(KK) = %+v, %v", l, ok)
	}
}

func TestOrgByName(t *testing.T) {
	tests := []struct{ s, abbrev string }{
		{"CIS", "CIS"},
		{"Commonwealth of Independent States", "CIS"},
		{"commonwealth of independent states", "CIS"},
		{"Collective Security Treaty Organization", "CSTO"},
		{"Collective Security Treaty Organisation", "CSTO"},
		{"CSTO", "CSTO"},
		{"SCO", "SCO"},
		{"Shanghai Cooperation Organisation", "SCO"},
		{"OSCE", "OSCE"},
		{"Organization for Security and Co-operation in Europe", "OSCE"},
		{"Council of Europe", "CE"},
		{"NATO", "NATO"},
		{"European Union", "EU"},
		{"EAEU", "EAEU"},
		{"Eurasian Economic Union", "EAEU"},
		{"United Nations", "UN"},
		{"the United Nations", "UN"},
		{"World Bank", "WBG"},
		{"Interpol", "Interpol"},
		{"INTERPOL", "Interpol"},
		{"GUAM", "GUAM"},
		{"Organization of Islamic Cooperation", "OIC"},
		{"Economic Cooperation Organization", "ECO"},
		{"Black Sea Economic Cooperation", "BSEC"},
		{"Arab League", "LAS"},
		{"Paris Club", "Paris Club"},
	}
	for _, tt := range tests {
		o, ok := OrgByName(tt.s)
		if !ok || o.Abbrev != tt.abbrev {
			t.Errorf("OrgByName(%q) = %+v, %v; want %s", tt.s, o, ok, tt.abbrev)
		}
	}
	// Abbreviations are case-sensitive.
	for _, s := range []string{"cis", "who", "un", "Nato", ""} {
		if o, ok := OrgByName(s); ok {
			t.Errorf("OrgByName(%q) = %s, want no match", s, o.Abbrev)
		}
	}
}

func TestCounts(t *testing.T) {
	var modern, historical int
	for _, c := range Countries() {
		if c.Historical {
			historical++
		} else {
			modern++
		}
	}
	if modern < 240 {
		t.Errorf("%d current countries, want at least 240", modern)
	}
	if historical < 25 {
		t.Errorf("%d historical states, want at least 25 (Soviet Union and its 15 republics, …)", historical)
	}
	if n := len(Languages()); n < 180 {
		t.Errorf("%d languages, want at least 180", n)
	}
	if n := len(Orgs()); n < 100 {
		t.Errorf("%d organizations, want at least 100", n)
	}
	var capitals, others int
	for _, c := range Cities() {
		if c.Capital {
			capitals++
		} else {
			others++
		}
	}
	if capitals < 190 {
		t.Errorf("%d capitals, want at least 190", capitals)
	}
	if others < 400 {
		t.Errorf("%d other cities, want at least 400", others)
	}
}

// TestSovietRepublics checks that all 15 union republics are listed.
func TestSovietRepublics(t *testing.T) {
	for _, name := range []string{
		"Russian SFSR", "Ukrainian SSR", "Byelorussian SSR", "Uzbek SSR", "Kazakh SSR",
		"Georgian SSR", "Azerbaijan SSR", "Lithuanian SSR", "Moldavian SSR", "Latvian SSR",
		"Kirghiz SSR", "Tajik SSR", "Armenian SSR", "Turkmen SSR", "Estonian SSR",
	} {
		if c, ok := CountryByName(name); !ok || !c.Historical {
			t.Errorf("CountryByName(%q) = %+v, %v", name, c, ok)
		}
	}
}

func TestUniqueCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Countries() {
		if c.Code == "" {
			continue
		}
		if seen[c.Code] {
			t.Errorf("duplicate country code %s", c.Code)
		}
		seen[c.Code] = true
	}
	seen = map[string]bool{}
	for _, l := range Languages() {
		if seen[l.Code] {
			t.Errorf("duplicate language code %s", l.Code)
		}
		seen[l.Code] = true
	}
	seen = map[string]bool{}
	for _, o := range Orgs() {
		if seen[o.Abbrev] {
			t.Errorf("duplicate organization abbreviation %s", o.Abbrev)
		}
		seen[o.Abbrev] = true
	}
}

// TestNoAmbiguousNames checks that, within current countries, within
// historical states, within languages and within organizations, no name is
// shared by two entries, and that only the known demonyms are.
func TestNoAmbiguousNames(t *testing.T) {
	check := func(what string, entries map[string][]string, tiers map[string]bool, allowed map[string]bool) {
		t.Helper()
		keys := map[string]map[string]bool{}
		for id, names := range entries {
			for _, n := range names {
				k := fold(n)
				if isAcronym(n) {
					k = "=" + clean(n)
				}
				if tiers[id] {
					k = "historical:" + k
				}
				if keys[k] == nil {
					keys[k] = map[string]bool{}
				}
				keys[k][id] = true
			}
		}
		for k, ids := range keys {
			if len(ids) > 1 && !allowed[k] {
				var list []string
				for id := range ids {
					list = append(list, id)
				}
				t.Errorf("%s %q is shared by %v", what, k, list)
			}
		}
	}
	names, dems, hist := map[string][]string{}, map[string][]string{}, map[string]bool{}
	for _, c := range Countries() {
		id := c.Code + "/" + c.Name
		names[id] = c.names()
		dems[id] = c.Demonyms
		hist[id] = c.Historical
	}
	check("country name", names, hist, nil)
	check("demonym", dems, hist, map[string]bool{"congolese": true, "dominican": true})
	langs := map[string][]string{}
	for _, l := range Languages() {
		for _, n := range l.Names {
			langs[l.Code] = append(langs[l.Code], strings.ToLower(n))
		}
	}
	check("language name", langs, nil, nil)
	orgs := map[string][]string{}
	for _, o := range Orgs() {
		orgs[o.Abbrev] = append(o.names(), o.Abbrev)
	}
	check("organization name", orgs, nil, nil)
	cities := map[string][]string{}
	for _, c := range Cities() {
		cities[c.Country+"/"+c.Name] = c.names()
	}
	// Names that really belong to two cities, and so match neither.
	check("city name", cities, nil, map[string]bool{"kingston": true, "hyderabad": true})
}

// TestWellFormed reads the raw files and checks every row: the column
// count, the codes, and that each file opens with '#' lines naming its
// source and licence.
func TestWellFormed(t *testing.T) {
	for file, cols := range map[string]int{
		"countries.tsv": 5, "historical.tsv": 5, "languages.tsv": 3, "orgs.tsv": 3,
		"capitals.tsv": 3, "cities.tsv": 3,
	} {
		f, err := files.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		var header []string
		rows := 0
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			if strings.HasPrefix(text, "#") {
				if rows == 0 {
					header = append(header, text)
				}
				continue
			}
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s:%d: blank line", file, line)
				continue
			}
			rows++
			f := strings.Split(text, "\t")
			if len(f) != cols {
				t.Errorf("%s:%d: %d columns, want %d", file, line, len(f), cols)
				continue
			}
			if f[1] == "" {
				t.Errorf("%s:%d: empty name column", file, line)
			}
			for _, s := range f {
				if strings.ContainsAny(s, "\r|") || strings.Contains(s, ";;") ||
					strings.HasPrefix(s, ";") || strings.HasSuffix(s, ";") {
					t.Errorf("%s:%d: malformed field %q", file, line, s)
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		h := strings.ToLower(strings.Join(header, "\n"))
		if !strings.Contains(h, "source:") || !strings.Contains(h, "licence:") {
			t.Errorf("%s: header does not name its source and licence:\n%s", file, h)
		}
		if rows == 0 {
			t.Errorf("%s: no rows", file)
		}
	}
	for _, c := range Countries() {
		if !c.Historical && !reCountryCode.MatchString(c.Code) {
			t.Errorf("country %q: bad code %q", c.Name, c.Code)
		}
	}
	for _, l := range Languages() {
		if !reLanguageCode.MatchString(l.Code) || len(l.Names) == 0 {
			t.Errorf("language %+v malformed", l)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := map[string]string{
		"countries.tsv":  "# c\nKZ\tKazakhstan\tRepublic of Kazakhstan\t\tKazakh\n",
		"historical.tsv": "# h\n\tSoviet Union\t\tUSSR\tSoviet\n",
		"languages.tsv":  "# l\nkk\tKazakh\tCyrl\n",
		"orgs.tsv":       "# o\nCIS\tCommonwealth of Independent States\t\n",
		"capitals.tsv":   "# c\nKZ\tAstana\tNur-Sultan\n",
		"cities.tsv":     "# c\nKZ\tAlmaty\tAlma-Ata\n",
	}
	mk := func(file, body string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		if file != "" {
			m[file] = &fstest.MapFile{Data: []byte(body)}
		}
		return m
	}
	if _, err := parse(mk("", "")); err != nil {
		t.Fatalf("good files: %v", err)
	}
	bad := []struct{ file, body string }{
		{"countries.tsv", "KZ\tKazakhstan\n"},
		{"countries.tsv", "kz\tKazakhstan\t\t\t\n"},
		{"countries.tsv", "\tKazakhstan\t\t\t\n"},
		{"countries.tsv", "KZ\tKazakhstan\tKazakhstan\t\t\n"},
		{"countries.tsv", "KZ\tKazakhstan\t\tA;;B\t\n"},
		{"countries.tsv", "KZ\tKazakhstan\t\tA;A\t\n"},
		{"countries.tsv", "KZ\t Kazakhstan\t\t\t\n"},
		{"countries.tsv", "KZ\tKazakhstan\t\t\t\nKZ\tKazakstan\t\t\t\n"},
		{"historical.tsv", "KZ\tKazakh SSR\t\t\t\n"},
		{"languages.tsv", "kaz\tKazakh\tCyrl\n"},
		{"languages.tsv", "kk\tKazakh\tcyrillic\n"},
		{"languages.tsv", "kk\t\tCyrl\n"},
		{"orgs.tsv", "CIS\tCommonwealth of Independent States\tCIS\n"},
		{"orgs.tsv", "CIS\tA\t\nCIS\tB\t\n"},
		{"capitals.tsv", "KZ\tAstana\n"},
		{"capitals.tsv", "ZZ\tAstana\t\n"},
		{"capitals.tsv", "kz\tAstana\t\n"},
		{"capitals.tsv", "KZ\t\t\n"},
		{"capitals.tsv", "KZ\tAstana\tAstana\n"},
		{"capitals.tsv", "KZ\tAstana\tA;;B\n"},
		{"cities.tsv", "KZ\tAstana\t\n"},
		{"cities.tsv", "KZ\tAlmaty\t\nKZ\talmaty\t\n"},
	}
	for _, b := range bad {
		if _, err := parse(mk(b.file, b.body)); err == nil {
			t.Errorf("%s %q: no error", b.file, b.body)
		}
	}
}

func TestCopies(t *testing.T) {
	c, _ := CountryByName("Kazakhstan")
	c.Demonyms[0] = "changed"
	if c2, _ := CountryByName("Kazakhstan"); c2.Demonyms[0] != "Kazakh" {
		t.Errorf("a caller's change leaked into the gazetteer: %v", c2.Demonyms)
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if _, ok := CountryByName("Kazakhstan"); !ok {
					t.Error("Kazakhstan not found")
				}
				if _, ok := LanguageByName("Kazakh"); !ok {
					t.Error("Kazakh not found")
				}
				if _, ok := OrgByName("CIS"); !ok {
					t.Error("CIS not found")
				}
				if _, ok := CityByName("Astana"); !ok {
					t.Error("Astana not found")
				}
			}
		})
	}
	wg.Wait()
}

func TestCityByName(t *testing.T) {
	tests := []struct {
		name, city, country string
		capital             bool
	}{
		{"Astana", "Astana", "KZ", true},
		{"Nur-Sultan", "Astana", "KZ", true},
		{"nur-sultan", "Astana", "KZ", true},
		{"Nur\u2011Sultan", "Astana", "KZ", true},
		{"Akmola", "Astana", "KZ", true},
		{"Tselinograd", "Astana", "KZ", true},
		{"Tbilisi", "Tbilisi", "GE", true},
		{"Tiflis", "Tbilisi", "GE", true},
		{"Yerevan", "Yerevan", "AM", true},
		{"Erevan", "Yerevan", "AM", true},
		{"Dushanbe", "Dushanbe", "TJ", true},
		{"Stalinabad", "Dushanbe", "TJ", true},
		{"Ashgabat", "Ashgabat", "TM", true},
		{"Ashkhabad", "Ashgabat", "TM", true},
		{"Aşgabat", "Ashgabat", "TM", true},
		{"Moscow", "Moscow", "RU", true},
		{"MOSCOW", "Moscow", "RU", true},
		{"Tashkent", "Tashkent", "UZ", true},
		{"Toshkent", "Tashkent", "UZ", true},
		{"Bishkek", "Bishkek", "KG", true},
		{"Frunze", "Bishkek", "KG", true},
		{"Baku", "Baku", "AZ", true},
		{"Kyiv", "Kyiv", "UA", true},
		{"Kiev", "Kyiv", "UA", true},
		{"Minsk", "Minsk", "BY", true},
		{"Chisinau", "Chișinău", "MD", true},
		{"Chișinău", "Chișinău", "MD", true},
		{"Bogotá", "Bogotá", "CO", true},
		{"Bogota", "Bogotá", "CO", true},
		{"Washington, D.C.", "Washington, D.C.", "US", true},
		{"Pretoria", "Pretoria", "ZA", true},
		{"Cape Town", "Cape Town", "ZA", true},
		{"Sucre", "Sucre", "BO", true},
		{"Amsterdam", "Amsterdam", "NL", true},
		{"The Valley", "The Valley", "AI", true},
		{"Almaty", "Almaty", "KZ", false},
		{"Alma-Ata", "Almaty", "KZ", false},
		{"Shymkent", "Shymkent", "KZ", false},
		{"Saint Petersburg", "Saint Petersburg", "RU", false},
		{"St. Petersburg", "Saint Petersburg", "RU", false},
		{"Leningrad", "Saint Petersburg", "RU", false},
		{"Volgograd", "Volgograd", "RU", false},
		{"Stalingrad", "Volgograd", "RU", false},
		{"Kharkiv", "Kharkiv", "UA", false},
		{"Odessa", "Odesa", "UA", false},
		{"Istanbul", "Istanbul", "TR", false},
		{"Bombay", "Mumbai", "IN", false},
		{"New York City", "New York City", "US", false},
		{"NYC", "New York City", "US", false},
		{"São Paulo", "São Paulo", "BR", false},
		{"Sao Paulo", "São Paulo", "BR", false},
		{"Hong Kong", "Hong Kong", "HK", false},
		{"  Rio   de Janeiro ", "Rio de Janeiro", "BR", false},
	}
	for _, tt := range tests {
		c, ok := CityByName(tt.name)
		if !ok || c.Name != tt.city || c.Country != tt.country || c.Capital != tt.capital {
			t.Errorf("CityByName(%q) = %+v, %v; want %s %s (capital %v)", tt.name, c, ok, tt.city, tt.country, tt.capital)
		}
	}
	for _, name := range []string{
		"", "Parliament", "Kazakhstan", "Atlantis",
		"Kingston",  // Jamaica and Norfolk Island
		"Hyderabad", // India and Pakistan
		"nyc",       // acronyms are case-sensitive
	} {
		if c, ok := CityByName(name); ok {
			t.Errorf("CityByName(%q) = %+v, want no match", name, c)
		}
	}
}

func TestCityByNameFields(t *testing.T) {
	c, ok := CityByName("Astana")
	if !ok || c.Country != "KZ" || !c.Capital ||
		strings.Join(c.Aliases, ";") != "Nur-Sultan;Akmola;Aqmola;Tselinograd;Akmolinsk" {
		t.Errorf("CityByName(Astana) = %+v, %v", c, ok)
	}
	c.Aliases[0] = "changed"
	if c2, _ := CityByName("Astana"); c2.Aliases[0] != "Nur-Sultan" {
		t.Errorf("a caller's change leaked into the gazetteer: %v", c2.Aliases)
	}
}

func TestCapitalsOf(t *testing.T) {
	tests := map[string][]string{
		"KZ": {"Astana"},
		"kz": {"Astana"},
		"GE": {"Tbilisi"},
		"AM": {"Yerevan"},
		"TJ": {"Dushanbe"},
		"TM": {"Ashgabat"},
		"RU": {"Moscow"},
		"UZ": {"Tashkent"},
		"KG": {"Bishkek"},
		"AZ": {"Baku"},
		"UA": {"Kyiv"},
		"NL": {"Amsterdam"},
		"ZA": {"Pretoria", "Cape Town", "Bloemfontein"},
		"BO": {"La Paz", "Sucre"},
		"MY": {"Kuala Lumpur", "Putrajaya"},
		"XK": {"Pristina"},
		"AQ": nil,
		"ZZ": nil,
		"SU": nil,
		"":   nil,
	}
	for code, want := range tests {
		var got []string
		for _, c := range CapitalsOf(code) {
			if !c.Capital || c.Country != strings.ToUpper(code) {
				t.Errorf("CapitalsOf(%q): %+v", code, c)
			}
			got = append(got, c.Name)
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("CapitalsOf(%q) = %q, want %q", code, got, want)
		}
	}
	cs := CapitalsOf("ZA")
	cs[0].Name = "changed"
	if CapitalsOf("ZA")[0].Name != "Pretoria" {
		t.Error("a caller's change leaked into the gazetteer")
	}
}

// TestCitiesSane checks every city: a current country's code, a name, and
// that capitals.tsv covers the sovereign states.
func TestCitiesSane(t *testing.T) {
	withCapital := map[string]bool{}
	for _, c := range Cities() {
		cc, ok := CountryByCode(c.Country)
		if !ok || cc.Historical {
			t.Errorf("city %q: country code %q is not a current country", c.Name, c.Country)
		}
		if c.Name == "" || c.Name != clean(c.Name) {
			t.Errorf("city %+v: malformed name", c)
		}
		if c.Capital {
			withCapital[c.Country] = true
		}
	}
	// Every country and territory has a capital, except these.
	none := map[string]bool{"AQ": true, "BV": true, "HM": true, "UM": true, "TK": true, "TF": true, "HK": true, "MO": true}
	for _, c := range Countries() {
		if c.Historical {
			continue
		}
		if !withCapital[c.Code] && !none[c.Code] {
			t.Errorf("%s (%s) has no capital", c.Code, c.Name)
		}
		if withCapital[c.Code] && none[c.Code] {
			t.Errorf("%s (%s) has a capital but is listed as having none", c.Code, c.Name)
		}
	}
}

// A one-letter name matches no organization, though the fact book
// abbreviates the Commonwealth as "C".
func TestOrgByNameNotOneLetter(t *testing.T) {
	for _, s := range []string{"C", " C ", "É"} {
		if o, ok := OrgByName(s); ok {
			t.Errorf("OrgByName(%q) = %q, want none", s, o.Name)
		}
	}
	if _, ok := OrgByName("UN"); !ok {
		t.Error(`OrgByName("UN") found nothing`)
	}
}
