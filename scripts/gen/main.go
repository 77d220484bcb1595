// Command gen writes a deterministic N-Triples file for the conversion
// benchmark (scripts/bench-convert.sh): -n triples (default 1,000,000) in
// runs of ten about one entity, with the kinds of terms kgbuild writes and
// users feed it — IRIs with non-ASCII letters, parentheses and commas,
// names in several languages with language tags of every shape (en, kk,
// kk-Latn, zh-Hans-CN, ru), strings with quotes, backslashes and newlines,
// typed literals (xsd:integer, xsd:date, xsd:gYear), Wikidata links and
// blank statement nodes. The same -n and -seed give the same bytes.
//
// Usage: go run ./scripts/gen [-n 1000000] [-seed 1] > file.nt
//
// The lines are written by hand (not by the exporter package), so that the
// input does not depend on the writers it measures.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

const (
	kg     = "https://kgbuild.example.org/kg/"
	schema = "http://schema.org/"
	rdf    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsd    = "http://www.w3.org/2001/XMLSchema#"
	wd     = "http://www.wikidata.org/entity/Q"
)

var (
	kinds = []struct{ class, path string }{
		{"Person", "person/"}, {"Organization", "org/"}, {"City", "city/"},
		{"GovernmentOrganization", "body/"}, {"Event", "event/"},
	}
	latin = []string{
		"Nursultan", "Kassym-Jomart", "Almaty", "Astana", "Aigerim", "Serik",
		"Mazhilis", "Senate", "Zhanar", "Yerlan", "O'Brien", "Müller", "São_Paulo",
	}
	cyrillic = []string{
		"Нұрсұлтан", "Қасым-Жомарт", "Алматы", "Астана", "Әйгерім", "Серік",
		"Мәжіліс", "Сенат", "Жанар", "Ерлан", "Қазақстан", "Өскемен",
	}
	chinese = []string{"阿拉木图", "阿斯塔纳", "哈萨克斯坦", "议会", "参议院", "总统"}
	words   = []string{
		"served", "as", "the", "minister", "of", "foreign", "affairs", "from", "until",
		"elected", "by", "parliament", "region", "(acting)", "chairman,", "deputy", "—",
	}
)

func main() {
	n := flag.Int("n", 1_000_000, "number of triples")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if err := generate(w, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// generate writes n triples, ten an entity (the last entity cut short).
func generate(w *bufio.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 0x6b67))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	written := 0
	line := func(s, p, o string) {
		if written < n {
			w.WriteString(s)
			w.WriteByte(' ')
			w.WriteString(p)
			w.WriteByte(' ')
			w.WriteString(o)
			w.WriteString(" .\n")
			written++
		}
	}
	iri := func(s string) string { return "<" + s + ">" }
	for i := 0; written < n; i++ {
		id := strconv.Itoa(i)
		k := kinds[i%len(kinds)]
		var local string
		switch i % 4 {
		case 0:
			local = pick(latin) + "_" + id
		case 1:
			local = pick(cyrillic) + "_" + id
		case 2:
			local = pick(latin) + "_(" + strings.ToLower(k.class) + ")_" + id
		default:
			local = pick(latin) + ",_" + pick(cyrillic) + "_" + id
		}
		s := iri(kg + k.path + local)
		line(s, iri(rdf+"type"), iri(schema+k.class))
		line(s, iri(schema+"name"), lit(pick(latin)+" "+pick(latin)+" "+id)+"@en")
		line(s, iri(schema+"name"), lit(pick(cyrillic)+" "+pick(cyrillic)+" "+id)+"@kk")
		switch i % 3 {
		case 0:
			line(s, iri(schema+"name"), lit(pick(latin)+" "+id)+"@kk-Latn")
		case 1:
			line(s, iri(schema+"name"), lit(pick(chinese)+pick(chinese)+id)+"@zh-Hans-CN")
		default:
			line(s, iri(schema+"name"), lit(pick(cyrillic)+" "+id)+"@ru")
		}
		var d strings.Builder
		for j := range 6 + rng.IntN(12) {
			if j > 0 {
				d.WriteByte(' ')
			}
			d.WriteString(pick(words))
		}
		switch rng.IntN(4) {
		case 0:
			d.WriteString(` "quoted"`)
		case 1:
			d.WriteString("\nsecond line")
		case 2:
			d.WriteString(` C:\path`)
		}
		line(s, iri(schema+"description"), lit(d.String()))
		line(s, iri(kg+"population"), lit(strconv.Itoa(rng.IntN(20_000_000)))+"^^"+iri(xsd+"integer"))
		date := fmt.Sprintf("%04d-%02d-%02d", 1900+rng.IntN(125), 1+rng.IntN(12), 1+rng.IntN(28))
		line(s, iri(schema+"foundingDate"), lit(date)+"^^"+iri(xsd+"date"))
		line(s, iri(schema+"sameAs"), iri(wd+strconv.Itoa(100+i*7)))
		st := "_:s" + id
		line(s, iri(kg+"statement"), st)
		line(st, iri(kg+"year"), lit(strconv.Itoa(1990+rng.IntN(35)))+"^^"+iri(xsd+"gYear"))
	}
	return nil
}

// lit quotes s as an N-Triples string, escaping what the grammar requires.
func lit(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
