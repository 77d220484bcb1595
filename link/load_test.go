package link

import (
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sampleIndex is the index of ../shared, seen from the package directory.
const sampleIndex = "../../shared/wikidata/kazakhstan-sample.srj"

// summary describes an index compactly for comparisons: one line per item,
// "QID|labels|aliases|description|classes|countries|sitelinks".
func summary(x *Index) []string {
	var out []string
	for _, c := range x.Candidates() {
		out = append(out, strings.Join([]string{c.QID, strings.Join(c.Labels, ";"), strings.Join(c.Aliases, ";"),
			c.Description, strings.Join(c.Classes, ";"), strings.Join(c.Countries, ";"), itoa(c.Sitelinks)}, "|"))
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

const srjFull = `{
  "head": {"vars": ["item", "itemLabel", "itemAltLabel", "itemDescription", "class", "country", "sitelinks"]},
  "results": {
    "bindings": [
      {
        "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1520"},
        "itemLabel": {"type": "literal", "value": "Astana", "xml:lang": "en"},
        "itemAltLabel": {"type": "literal", "value": "Nur-Sultan, Akmola, Tselinograd", "xml:lang": "en"},
        "itemDescription": {"type": "literal", "value": "capital city of Kazakhstan", "xml:lang": "en"},
        "class": {"type": "uri", "value": "http://www.wikidata.org/entity/Q515"},
        "country": {"type": "uri", "value": "http://www.wikidata.org/entity/Q232"},
        "sitelinks": {"type": "literal", "value": "9", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
      },
      {
        "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1520"},
        "itemLabel": {"type": "literal", "value": "Astana", "xml:lang": "en"},
        "class": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5119"}
      },
      {
        "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7164"},
        "itemLabel": {"type": "literal", "value": "Q7164"},
        "other": {"type": "bnode", "value": "b0"}
      }
    ]
  }
}
`

func TestRead(t *testing.T) {
	astana := "Q1520|Astana|Nur-Sultan;Akmola;Tselinograd|capital city of Kazakhstan|Q515;Q5119|Q232|9"
	cases := []struct {
		name   string
		format Format
		in     string
		want   []string
	}{
		{"srj: all columns, rows merged, label-service QID label dropped", JSON, srjFull,
			[]string{astana, "Q7164||||||"}},
		{"srj: minimal", JSON, `{"head":{"vars":["item"]},"results":{"bindings":[{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q232"}}]}}`,
			[]string{"Q232||||||"}},
		{"srj: keys in another order, extra keys", JSON, `{"results":{"distinct":false,"bindings":[{"item":{"type":"uri","value":"wd:Q232"},"label":{"type":"literal","value":"Kazakhstan"}}]},"head":{"vars":["item","label"],"link":[]}}`,
			[]string{"Q232|Kazakhstan|||||"}},
		{"csv: as WDQS downloads it", CSV,
			"item,itemLabel,itemAltLabel,itemDescription,class,country,sitelinks\r\n" +
				"http://www.wikidata.org/entity/Q1520,Astana,\"Nur-Sultan, Akmola, Tselinograd\",capital city of Kazakhstan,http://www.wikidata.org/entity/Q515,http://www.wikidata.org/entity/Q232,9\r\n" +
				"http://www.wikidata.org/entity/Q1520,Astana,,,http://www.wikidata.org/entity/Q5119,,\r\n",
			[]string{astana}},
		{"csv: byte-order mark, class labels, one row per alias", CSV,
			"\uFEFFitem,itemLabel,itemAltLabel,classLabel\n" +
				"Q485437,Aktobe Region,Aktobe Province,region of Kazakhstan\n" +
				"Q485437,Aktobe Region,Aqtöbe Region,region of Kazakhstan\n",
			[]string{"Q485437|Aktobe Region|Aktobe Province;Aqtöbe Region||region of Kazakhstan||"}},
		{"csv: an alias piece without letters stays with its alias", CSV,
			"item,itemLabel,itemAltLabel\nQ23014128,\"Kazakhstani legislative election, 2016\",\"2016 election, 20 March, 2016\"\n",
			[]string{"Q23014128|Kazakhstani legislative election, 2016|2016 election;20 March, 2016||||"}},
		{"tsv: as WDQS downloads it", TSV,
			"?item\t?itemLabel\t?itemAltLabel\t?itemDescription\t?class\t?country\t?sitelinks\n" +
				"<http://www.wikidata.org/entity/Q1520>\t\"Astana\"@en\t\"Nur-Sultan, Akmola, Tselinograd\"@en\t\"capital city of Kazakhstan\"@en\t<http://www.wikidata.org/entity/Q515>\t<http://www.wikidata.org/entity/Q232>\t\"9\"^^<http://www.w3.org/2001/XMLSchema#integer>\n" +
				"<http://www.wikidata.org/entity/Q1520>\t\"Astana\"@en\t\t\t<http://www.wikidata.org/entity/Q5119>\t\t9\n",
			[]string{astana}},
		{"tsv: escapes, CRLF, plain values, blank lines", TSV,
			"?item\t?itemLabel\t?itemAltLabel\r\n" +
				"<http://www.wikidata.org/entity/Q9252>\t\"Kazakh \\\"Qazaq\\\" \\u00E4\"@en\tQazaq tili\r\n\r\n" +
				"Q7737\tRussian\t\n",
			[]string{`Q9252|Kazakh "Qazaq" ä|Qazaq tili||||`, "Q7737|Russian|||||"}},
		{"tsv: header only", TSV, "?item\t?itemLabel\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := NewIndex()
			if err := x.Read(strings.NewReader(c.in), "idx", c.format); err != nil {
				t.Fatal(err)
			}
			if got := summary(x); !slices.Equal(got, c.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name   string
		format Format
		in     string
		want   string // the error starts with it
	}{
		{"json: empty", JSON, "", "idx:1: unexpected end of JSON"},
		{"json: not an object", JSON, "\n[1]", "idx:2: want a JSON object"},
		{"json: syntax error", JSON, "{\"head\": {\"vars\": [\"item\"]},\n \"results\": {\"bindings\": [\n {\"item\": {\"type\": \"uri\" \"value\": 1}}]}}", "idx:3: invalid character"},
		{"json: truncated", JSON, "{\"results\": {\"bindings\": [\n{\"item\": {\"type\": \"uri\", \"value\": \"Q1\"}},\n", "idx:3: unexpected end of JSON"},
		{"json: binding without item", JSON, "{\"results\": {\"bindings\": [\n  {\"item\": {\"type\": \"uri\", \"value\": \"Q1\"}},\n  {\"itemLabel\": {\"type\": \"literal\", \"value\": \"x\"}}\n]}}", "idx:3: row has no item"},
		{"json: item not an item", JSON, "{\"results\": {\"bindings\": [\n\n  {\"item\": {\"type\": \"uri\", \"value\": \"http://www.wikidata.org/entity/P31\"}}]}}", `idx:3: item "http://www.wikidata.org/entity/P31" is not a Wikidata item`},
		{"json: term not an object", JSON, "{\"results\": {\"bindings\": [\n  {\"item\": \"Q1\"}]}}", "idx:2: want a JSON object (an RDF term), found a JSON string"},
		{"json: vars not an array", JSON, "{\n\"head\": {\"vars\": 3}, \"results\": {}}", `idx:2: "vars": want a JSON array, found a JSON number`},
		{"json: no item variable", JSON, "{\n \"head\": {\"vars\": [\"x\", \"xLabel\"]},\n \"results\": {\"bindings\": []}}", "idx:2: no item variable (variables: x, xLabel)"},
		{"json: ASK result", JSON, "{\"head\": {},\n\"boolean\": true}", "idx:2: the results of an ASK query"},
		{"json: no results", JSON, `{"head": {"vars": ["item"]}}`, `idx:1: no "results"`},
		{"json: bad sitelinks", JSON, "{\"results\": {\"bindings\": [\n{\"item\": {\"type\": \"uri\", \"value\": \"Q1\"}, \"sitelinks\": {\"type\": \"literal\", \"value\": \"many\"}}]}}", `idx:2: sitelinks "many" is not a count`},
		{"csv: empty", CSV, "", "idx:1: empty: no header"},
		{"csv: no item column", CSV, "id,label\nQ1,x\n", "idx:1: no item column in the header (id, label)"},
		{"csv: wrong number of fields", CSV, "item,itemLabel\nQ1,x\nQ2,y,z\n", "idx:3: wrong number of fields"},
		{"csv: bad quote", CSV, "item,itemLabel\nQ1,\"x\ny\"z\n", "idx:3: extraneous or missing \" in quoted-field"},
		{"csv: bad item", CSV, "item,itemLabel\nQ1,x\n\nAstana,y\n", `idx:4: item "Astana" is not a Wikidata item`},
		{"tsv: empty", TSV, "", "idx:1: empty: no header"},
		{"tsv: no item column", TSV, "?x\t?y\n", "idx:1: no item column"},
		{"tsv: unterminated literal", TSV, "?item\t?itemLabel\n<http://www.wikidata.org/entity/Q1>\t\"Astana@en\n", "idx:2: column 2: literal \"Astana@en has no closing quote"},
		{"tsv: unterminated IRI", TSV, "?item\t?itemLabel\n<http://www.wikidata.org/entity/Q1\tx\n", "idx:2: column 1: IRI"},
		{"tsv: junk after literal", TSV, "?item\t?itemLabel\nQ1\t\"x\"y\n", `idx:2: column 2: unexpected "y" after literal`},
		{"tsv: bad escape", TSV, "?item\t?itemLabel\nQ1\t\"x\\q\"\n", `idx:2: column 2: unknown escape \q`},
		{"tsv: short unicode escape", TSV, "?item\t?itemLabel\nQ1\t\"x\\u00\"\n", `idx:2: column 2: short \u escape`},
		{"tsv: field count", TSV, "?item\t?itemLabel\nQ1\tx\nQ2\n", "idx:3: 1 fields, the header has 2"},
		{"tsv: not UTF-8", TSV, "?item\t?itemLabel\nQ1\t\"\xff\"\n", "idx:2: not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := NewIndex().Read(strings.NewReader(c.in), "idx", c.format)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("error %v, want one starting %q", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "idx" {
				t.Errorf("error %#v is no *Error naming the file", err)
			}
		})
	}
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, zip bool) string {
		t.Helper()
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if zip {
			zw := gzip.NewWriter(f)
			zw.Write([]byte(content))
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			return path
		}
		f.WriteString(content)
		return path
	}
	csvText := "item,itemLabel\nhttp://www.wikidata.org/entity/Q232,Kazakhstan\n"
	tsvText := "?item\t?itemLabel\n<http://www.wikidata.org/entity/Q232>\t\"Kazakhstan\"@en\n"
	jsonText := `{"results":{"bindings":[{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q232"},"itemLabel":{"type":"literal","value":"Kazakhstan"}}]}}`
	for _, p := range []string{
		write("a.csv", csvText, false), write("a.tsv", tsvText, false), write("a.srj", jsonText, false),
		write("a.json", jsonText, false), write("b.CSV", csvText, false), write("a.tsv.gz", tsvText, true),
		write("a.srj.gz", jsonText, true),
		// Sniffed: no known extension.
		write("c.txt", csvText, false), write("t.txt", tsvText, false), write("j.txt", "\n "+jsonText, false),
	} {
		x, err := Load(p)
		if err != nil {
			t.Errorf("Load(%s): %v", filepath.Base(p), err)
			continue
		}
		if got := summary(x); !slices.Equal(got, []string{"Q232|Kazakhstan|||||"}) {
			t.Errorf("Load(%s): %q", filepath.Base(p), got)
		}
	}

	missing := filepath.Join(dir, "missing.srj")
	if _, err := Load(missing); err == nil || !strings.HasPrefix(err.Error(), missing+": ") {
		t.Errorf("missing file: error %v, want one naming it", err)
	}
	// Compression is told by the first bytes, not the name.
	if x, err := Load(write("plain.csv.gz", csvText, false)); err != nil || x.Len() != 1 {
		t.Errorf("plain CSV named .gz: %v", err)
	}
	badGzip := write("bad.csv.gz", "\x1f\x8b\x08garbage", false)
	if _, err := Load(badGzip); err == nil || !strings.Contains(err.Error(), "gzip") || !strings.HasPrefix(err.Error(), badGzip) {
		t.Errorf("bad gzip: error %v", err)
	}
	bad := write("bad.srj", "{\"results\": {\"bindings\": [\n{\"item\": {\"type\": \"uri\", \"value\": \"x\"}}]}}", false)
	if _, err := Load(bad); err == nil || !strings.HasPrefix(err.Error(), bad+":2: ") {
		t.Errorf("bad file: error %v, want it at %s:2", err, bad)
	}
}

// TestLoadSample reads the sample index of ../shared.
func TestLoadSample(t *testing.T) {
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s (../shared): %v", sampleIndex, err)
	}
	x, err := Load(sampleIndex)
	if err != nil {
		t.Fatal(err)
	}
	if x.Len() < 46 {
		t.Errorf("%d items, want at least the 46 the gold links", x.Len())
	}
	astana := x.Item("Q1520")
	if astana == nil || astana.Name() != "Astana" || !slices.Contains(astana.Aliases, "Nur-Sultan") {
		t.Errorf("Q1520: %+v", astana)
	}
	if got := x.Lookup("ALIHAN smaiylov"); len(got) != 1 || got[0].QID != "Q56825894" {
		t.Errorf("Lookup(ALIHAN smaiylov) = %v, want Q56825894 by its alias Älihan Smaiylov", got)
	}
}

func TestAddMerges(t *testing.T) {
	x := NewIndex()
	x.Add(Candidate{QID: "Q1", Labels: []string{"Semey"}, Aliases: []string{"Semipalatinsk", " Semey "}})
	x.Add(Candidate{QID: "Q1", Labels: []string{"Semipalatinsk"}, Classes: []string{"Q515", "Q515"}, Sitelinks: 3})
	x.Add(Candidate{QID: "Q1", Description: "city", Sitelinks: 2})
	x.Add(Candidate{QID: "not a QID", Labels: []string{"x"}})
	want := []string{"Q1|Semey;Semipalatinsk||city|Q515||3"}
	if got := summary(x); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := x.Lookup("semipalatinsk"); len(got) != 1 {
		t.Errorf("Lookup: %v", got)
	}
}
