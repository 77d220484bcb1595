package link

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

// readDump reads every item of a dump file (any compression).
func readDump(t *testing.T, path string, langs []string) ([]*Candidate, *DumpReader) {
	t.Helper()
	f, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := NewDumpReader(f, path, langs)
	var out []*Candidate
	for {
		c, err := d.Next()
		if err == io.EOF {
			return out, d
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c)
	}
}

func describe(cs []*Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%s", c.QID, strings.Join(c.Labels, ";"), strings.Join(c.Aliases, ";"),
			c.Description, strings.Join(c.Classes, ";"), strings.Join(c.Countries, ";"), c.Sitelinks, c.Enwiki))
	}
	return out
}

// TestDumpReader reads a small dump in Wikidata's format (a JSON array, one
// entity a line), plain, gzipped and bzip2ed (testdata/dump.json*, made
// with gzip -n and bzip2).
func TestDumpReader(t *testing.T) {
	want := []string{
		"Q232|Kazakhstan;Қазақстан;Казахстан|Republic of Kazakhstan;KAZ;Kazakstan;Республика Казахстан|country in Central Asia|Q6256;Q3624078|Q232|3|Kazakhstan",
		"Q1520|Astana;Астана|Nur-Sultan;Akmola;Tselinograd | Akmolinsk|capital city of Kazakhstan|Q515;Q5119|Q232|2|Astana",
		// Empty maps written as [] (PHP); aliases in language order.
		"Q56825894||Alihan Smaiylov;Smaiylov\ttabbed;Әлихан Смайылов||||0|",
	}
	for _, name := range []string{"dump.json", "dump.json.gz", "dump.json.bz2"} {
		got, d := readDump(t, filepath.Join("testdata", name), nil)
		if !slices.Equal(describe(got), want) {
			t.Errorf("%s:\n got %q\nwant %q", name, describe(got), want)
		}
		// Five entities: a property and an item with German names only
		// are skipped.
		if d.Entities != 5 || d.Items != 3 || d.Line() != 7 {
			t.Errorf("%s: %d entities, %d items, %d lines; want 5, 3, 7", name, d.Entities, d.Items, d.Line())
		}
	}
	// Other languages: German first.
	got, _ := readDump(t, "testdata/dump.json", []string{"de"})
	if d := describe(got); len(d) != 2 || !strings.HasPrefix(d[0], "Q232|Kasachstan||") || !strings.HasPrefix(d[1], "Q99999991|Nur auf Deutsch|") {
		t.Errorf("--lang de: %q", d)
	}
}

func TestDumpReaderForms(t *testing.T) {
	entity := func(id, label string) string {
		return `{"type":"item","id":"` + id + `","labels":{"en":{"language":"en","value":"` + label + `"}},"claims":{}}`
	}
	cases := []struct {
		name, text string
		want       []string
	}{
		{"array", "[\n" + entity("Q1", "a") + ",\n" + entity("Q2", "b") + "\n]\n", []string{"Q1", "Q2"}},
		{"CRLF and no final newline", "[\r\n" + entity("Q1", "a") + ",\r\n" + entity("Q2", "b") + "\r\n]", []string{"Q1", "Q2"}},
		{"brackets on entity lines", "[" + entity("Q1", "a") + ",\n" + entity("Q2", "b") + "]\n", []string{"Q1", "Q2"}},
		{"newline-delimited", entity("Q1", "a") + "\n" + entity("Q2", "b") + "\n", []string{"Q1", "Q2"}},
		{"empty array", "[\n]\n", nil},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDumpReader(strings.NewReader(c.text), "d.json", nil)
			var got []string
			for {
				x, err := d.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, x.QID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	// A line longer than the reader's buffer.
	long := entity("Q3", strings.Repeat("x", 3<<20))
	d := NewDumpReader(strings.NewReader("[\n"+long+"\n]\n"), "d.json", nil)
	if c, err := d.Next(); err != nil || c.QID != "Q3" || len(c.Labels[0]) != 3<<20 {
		t.Errorf("long line: %v", err)
	}
}

func TestDumpReaderErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[\n{\"type\":\"item\",\"id\":\"Q1\"},\n{\"type\":\"item\",\"id\":\n]\n", "d.json:3: column "},
		{"[\n{\"type\":\"item\",\"id\":\"Q1\",\"labels\":7}\n]\n", "d.json:2: column 35: not a Wikidata entity: labels is not an object"},
		{"[\n{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\"en\":{\"value\":1}}}\n]\n", "d.json:2: column 41: not a Wikidata entity: labels.en: json: cannot unmarshal number"},
		{"[\n{\"type\":\"item\",\"id\":\"Q1\",\"claims\":{\"P18\":[{\"x\":\"unterminated}]}}\n]\n", "d.json:2: column 48: not a Wikidata entity: unterminated string"},
		{"[\n{\"type\":\"item\",\"id\":\"Q1\"} x\n]\n", "d.json:2: column 27: not a Wikidata entity: text after the entity"},
		{"[\n{\"type\":\"item\"}\n]\n", `d.json:2: not a Wikidata entity: no "id"`},
		{"id,label\nQ1,x\n", "d.json:1: column 1: not a Wikidata entity"},
		{"  [{\"type\":\"item\",\"id\":7},\n", "d.json:1: column 24: not a Wikidata entity: id: json: cannot unmarshal number"},
	} {
		d := NewDumpReader(strings.NewReader(c.text), "d.json", nil)
		var err error
		for err == nil {
			_, err = d.Next()
		}
		if err == io.EOF || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q…", c.text, err, c.want)
		}
	}
}

// TestLoadDumpAndIndex loads the dump directly and through a compact index
// written from it: the same items; a kgbuild index names its version.
func TestLoadDumpAndIndex(t *testing.T) {
	direct, err := Load("testdata/dump.json.bz2")
	if err != nil {
		t.Fatal(err)
	}
	cands, _ := readDump(t, "testdata/dump.json.gz", nil)
	var buf bytes.Buffer
	w := NewIndexWriter(&buf, DefaultLangs)
	for _, c := range cands {
		if err := w.Write(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil || w.Count() != 3 {
		t.Fatalf("close: %v, %d written", err, w.Count())
	}
	path := filepath.Join(t.TempDir(), "x.kgi")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	viaIndex, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := describe(direct.Candidates()), describe(viaIndex.Candidates()); !slices.Equal(a, b) || len(a) != 3 {
		t.Errorf("dump %q\nindex %q", a, b)
	}
	if got := viaIndex.Lookup("tselinograd | akmolinsk"); len(got) != 1 || got[0].QID != "Q1520" {
		t.Errorf("escaped '|' lost: %v", got)
	}
	// Same input, same bytes.
	var again bytes.Buffer
	w = NewIndexWriter(&again, DefaultLangs)
	for _, c := range cands {
		w.Write(c)
	}
	w.Close()
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two indexes of the same dump differ")
	}

	dir := t.TempDir()
	for _, c := range []struct{ text, want string }{
		{"#kgbuild-index 2\tlangs=en\n", ":1: kgbuild index version \"2\""},
		{"#kgbuild-index 1\tlangs=en\n" + kgiColumns + "\nQ1\tx\n", ":3: 2 fields, want 8"},
		{"#kgbuild-index 1\tlangs=en\nQ1\tx\t\t\t\t\tmany\t\n", ":2: sitelinks \"many\""},
		{"#kgbuild-index 1\tlangs=en\nQ1\tx\\q\t\t\t\t\t\t\n", `:2: field 2: unknown escape \q`},
		{"#kgbuild-index 1\tlangs=en\nP1\tx\t\t\t\t\t\t\n", `:2: "P1" is not a Wikidata item`},
	} {
		p := filepath.Join(dir, "bad.kgi")
		os.WriteFile(p, []byte(c.text), 0o644)
		if _, err := Load(p); err == nil || !strings.HasPrefix(err.Error(), p+c.want) {
			t.Errorf("%q: error %v, want %s%s", c.text, err, p, c.want)
		}
	}
}

// otherClaims are statements the linker does not read, with qualifiers
// and references, making a generated entity about as large as an average
// one of the full dump (some 10 KB).
var otherClaims = func() string {
	var b strings.Builder
	for p := range 24 {
		fmt.Fprintf(&b, `,"P%d":[{"mainsnak":{"snaktype":"value","property":"P%d","hash":"8d0f9f1b2c3d4e5f60718293a4b5c6d7e8f90a1b","datavalue":{"value":{"time":"+2019-03-20T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","qualifiers":{"P580":[{"snaktype":"value","property":"P580","hash":"0a1b2c3d","datavalue":{"value":{"entity-type":"item","numeric-id":1,"id":"Q1"},"type":"wikibase-entityid"},"datatype":"wikibase-item"}]},"qualifiers-order":["P580"],"id":"Q1$AB12CD34-EF56-7890-ABCD-EF1234567890","rank":"normal","references":[{"hash":"fa278ebfc458360e5aed63d5058cca83c46134f1","snaks":{"P143":[{"snaktype":"value","property":"P143","datavalue":{"value":{"entity-type":"item","numeric-id":328,"id":"Q328"},"type":"wikibase-entityid"},"datatype":"wikibase-item"}],"P854":[{"snaktype":"value","property":"P854","datavalue":{"value":"https://example.org/a/very/long/source/url/with/words/in/it","type":"string"},"datatype":"url"}]},"snaks-order":["P143","P854"]}]}]`, 1000+p, 1000+p)
	}
	return b.String()
}()

// genDump is a Wikidata-shaped dump of n items, made as it is read.
type genDump struct {
	n, i int
	buf  bytes.Buffer
}

func (g *genDump) Read(p []byte) (int, error) {
	for g.buf.Len() < len(p) && g.i <= g.n+1 {
		switch {
		case g.i == 0:
			g.buf.WriteString("[\n")
		case g.i == g.n+1:
			g.buf.WriteString("]\n")
		default:
			fmt.Fprintf(&g.buf, `{"type":"item","id":"Q%d","labels":{"en":{"language":"en","value":"Place %d"},"de":{"language":"de","value":"Ort %d"},"fr":{"language":"fr","value":"Lieu %d"}},`+
				`"descriptions":{"en":{"language":"en","value":"village number %d"}},"aliases":{"en":[{"language":"en","value":"P%d"}]},`+
				`"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":532,"id":"Q532"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],`+
				`"P1082":[{"mainsnak":{"snaktype":"value","property":"P1082","datavalue":{"value":{"amount":"+%d","unit":"1"},"type":"quantity"},"datatype":"quantity"},"type":"statement","rank":"normal"}]`+otherClaims+`},`+
				`"sitelinks":{"enwiki":{"site":"enwiki","title":"Place %d","badges":[]},"dewiki":{"site":"dewiki","title":"Ort %d","badges":[]}},"lastrevid":%d}`,
				g.i, g.i, g.i, g.i, g.i, g.i, g.i*7, g.i, g.i, g.i)
			if g.i < g.n {
				g.buf.WriteByte(',')
			}
			g.buf.WriteByte('\n')
		}
		g.i++
	}
	if g.buf.Len() == 0 {
		return 0, io.EOF
	}
	return g.buf.Read(p)
}

// TestDumpMemoryFlat streams a generated dump of 60,000 items into a
// compact index and checks that the live heap does not grow with the
// number of entities read: nothing is kept from one entity to the next.
func TestDumpMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 60,000 generated entities")
	}
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	const n = 60000
	d := NewDumpReader(&genDump{n: n}, "gen.json", nil)
	w := NewIndexWriter(io.Discard, DefaultLangs)
	var base uint64
	var peak int64
	for i := 1; ; i++ {
		c, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(c); err != nil {
			t.Fatal(err)
		}
		switch {
		case i == 5000:
			base = live()
		case i > 5000 && i%10000 == 0:
			peak = max(peak, int64(live())-int64(base))
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if d.Items != n {
		t.Fatalf("%d items read, want %d", d.Items, n)
	}
	t.Logf("live heap after 5,000 entities %d KB; largest growth after, up to %d: %+d KB", base/1024, n, peak/1024)
	if peak > 256*1024 {
		t.Errorf("live heap grew by %d KB while reading the dump: entities are kept", peak/1024)
	}
}

// BenchmarkDumpReader measures reading a dump into a compact index:
// entities/s and bytes/s of uncompressed JSON.
func BenchmarkDumpReader(b *testing.B) {
	const n = 5000
	var data bytes.Buffer
	io.Copy(&data, &genDump{n: n})
	b.SetBytes(int64(data.Len()))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDumpReader(bytes.NewReader(data.Bytes()), "gen.json", nil)
		w := NewIndexWriter(io.Discard, DefaultLangs)
		for {
			c, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			w.Write(c)
		}
		w.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "entities/s")
}

// TestLoadFor: a filtered index keeps the items the names and titles can
// find, and links the sample as the whole index does.
func TestLoadFor(t *testing.T) {
	x, err := LoadFor("testdata/dump.json.gz", []string{"NUR-SULTAN", "nobody"}, []string{"kazakhstan"})
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(x.Candidates()); len(got) != 2 || !strings.HasPrefix(got[0], "Q232|") || !strings.HasPrefix(got[1], "Q1520|") {
		t.Errorf("filtered: %q, want Kazakhstan (by its article) and Astana (by an alias)", got)
	}
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	full, err := Load(sampleIndex)
	if err != nil {
		t.Fatal(err)
	}
	a, b := sample(t), sample(t)
	names, titles := NamesOf(b)
	part, err := LoadFor(sampleIndex, names, titles)
	if err != nil {
		t.Fatal(err)
	}
	sa, sb := Link(a, full), Link(b, part)
	if sa != sb || part.Len() >= full.Len() {
		t.Errorf("whole index %+v (%d items), filtered %+v (%d items)", sa, full.Len(), sb, part.Len())
	}
	for i := range a.Entities {
		if fmt.Sprint(a.Entities[i].Links) != fmt.Sprint(b.Entities[i].Links) {
			t.Errorf("%s: %v with the whole index, %v filtered", a.Entities[i].ID, a.Entities[i].Links, b.Entities[i].Links)
		}
	}
}

// sample extracts the sample article.
func sample(t *testing.T) *extractor.Result {
	t.Helper()
	text, err := os.ReadFile("../examples/government-of-kazakhstan.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := extractor.Parse("government-of-kazakhstan.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	return extractor.Extract(d)
}

// BenchmarkDumpUnmarshal is the reference BenchmarkDumpReader is measured
// against: the same entities decoded whole by encoding/json into the
// fields the linker reads (unknown properties skipped by the decoder).
func BenchmarkDumpUnmarshal(b *testing.B) {
	const n = 5000
	var data bytes.Buffer
	io.Copy(&data, &genDump{n: n})
	lines := bytes.Split(data.Bytes(), []byte("\n"))
	b.SetBytes(int64(data.Len()))
	for b.Loop() {
		for _, l := range lines {
			l = bytes.TrimSuffix(l, []byte(","))
			if len(l) < 2 {
				continue
			}
			var e dumpEntity
			if err := json.Unmarshal(l, &e); err != nil && !emptyPHPMap(err) {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "entities/s")
}

// TestScanMatchesUnmarshal: on every entity of the fixture and of the
// generator, the scanner keeps what decoding the whole entity with
// encoding/json would.
func TestScanMatchesUnmarshal(t *testing.T) {
	var lines [][]byte
	data, err := os.ReadFile("testdata/dump.json")
	if err != nil {
		t.Fatal(err)
	}
	var gen bytes.Buffer
	io.Copy(&gen, &genDump{n: 50})
	for _, l := range bytes.Split(append(data, gen.Bytes()...), []byte("\n")) {
		if l = bytes.TrimSuffix(bytes.TrimSpace(l), []byte(",")); len(l) > 2 {
			lines = append(lines, l)
		}
	}
	for _, langs := range [][]string{DefaultLangs, {"de", "en"}} {
		for _, l := range lines {
			checkScan(t, l, langs)
		}
	}
}

func checkScan(t *testing.T, line []byte, langs []string) {
	t.Helper()
	id, typ, got, err := scanEntity(line, langs)
	var e dumpEntity
	uerr := json.Unmarshal(line, &e)
	if uerr != nil && !emptyPHPMap(uerr) {
		return // not an entity encoding/json reads: nothing to compare
	}
	if err != nil {
		t.Errorf("scan fails where encoding/json reads the entity: %v\n%s", err, line)
		return
	}
	want := candidateOf(&e, langs)
	if id != e.ID || typ != e.Type || fmt.Sprint(*got) != fmt.Sprint(*want) {
		t.Errorf("scan: %s %s %+v\nunmarshal: %s %s %+v", id, typ, *got, e.ID, e.Type, *want)
	}
}

// FuzzScanEntity: the scanner never panics, and keeps what encoding/json
// would of any entity encoding/json reads.
func FuzzScanEntity(f *testing.F) {
	data, _ := os.ReadFile("testdata/dump.json")
	for _, l := range bytes.Split(data, []byte("\n")) {
		f.Add(bytes.TrimSuffix(l, []byte(",")))
	}
	f.Add([]byte(`{"id":"Q1","type":"item","labels":{"en":{"value":"a\"b\\u00e9"}},"claims":{"P31":[]},"sitelinks":[]}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		checkScan(t, line, DefaultLangs)
	})
}
