package ontology

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/knakk/rdf"
)

// sharedDir is ../shared seen from the project root.
var sharedDir = filepath.Join("..", "..", "shared")

// sharedFile returns the path of a file under ../shared, skipping the test
// when ../shared is absent.
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("skipped: %s is absent (the project's ../shared is not checked out)", p)
	} else if err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	schemaOnce  sync.Once
	schemaTerms map[string]string // local name -> "class" or "property"
	schemaErr   error
)

// loadSchemaOrg reads the schema.org vocabulary with knakk/rdf's Turtle
// decoder and returns its classes and properties by local name.
func loadSchemaOrg(t *testing.T) map[string]string {
	t.Helper()
	path := sharedFile(t, "vocab/schemaorg-30.0-https.ttl")
	schemaOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		ts, err := rdf.NewTripleDecoder(f, rdf.Turtle).DecodeAll()
		if err != nil {
			schemaErr = err
			return
		}
		schemaTerms = map[string]string{}
		for _, tr := range ts {
			s, ok := tr.Subj.(rdf.IRI)
			if !ok || tr.Pred.String() != rdfType.String() || !strings.HasPrefix(s.String(), string(Schema)) {
				continue
			}
			local := strings.TrimPrefix(s.String(), string(Schema))
			switch tr.Obj.String() {
			case RDFS.IRI("Class").String():
				schemaTerms[local] = "class"
			case RDF.IRI("Property").String():
				schemaTerms[local] = "property"
			}
		}
	})
	if schemaErr != nil {
		t.Fatalf("reading schema.org: %v", schemaErr)
	}
	return schemaTerms
}

// loadWikidataProperties reads wikidata-properties.tsv: PID -> datatype.
func loadWikidataProperties(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(sharedFile(t, "vocab/wikidata-properties.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "id\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("wikidata-properties.tsv: bad line %q", line)
		}
		out[cols[0]] = cols[2]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTableSchemaOrgTermsExist(t *testing.T) {
	terms := loadSchemaOrg(t)
	if len(terms) < 500 {
		t.Fatalf("only %d schema.org terms read", len(terms))
	}
	for _, c := range classes {
		if c.Schema == "" {
			continue
		}
		if terms[c.Schema] != "class" {
			t.Errorf("type %s: schema:%s is not a class in schema.org 30.0", c.Type, c.Schema)
		}
	}
	for _, p := range properties {
		if p.Schema == "" {
			continue
		}
		if terms[p.Schema] != "property" {
			t.Errorf("relation %s: schema:%s is not a property in schema.org 30.0", p.Relation, p.Schema)
		}
	}
	for _, name := range []string{"name", "alternateName", "Article"} { // used by Map
		if terms[name] == "" {
			t.Errorf("schema:%s is not in schema.org 30.0", name)
		}
	}
}

func TestTableWikidataProperties(t *testing.T) {
	pids := loadWikidataProperties(t)
	for _, p := range properties {
		dt, ok := pids[p.PID]
		if !ok {
			t.Errorf("relation %s: %s is not in wikidata-properties.tsv", p.Relation, p.PID)
			continue
		}
		if Datatype(dt) != p.Datatype {
			t.Errorf("relation %s: %s has datatype %q, the table says %q", p.Relation, p.PID, dt, p.Datatype)
		}
	}
	for _, pid := range []string{"P31", "P1683", "P248"} { // used by Map
		if _, ok := pids[pid]; !ok {
			t.Errorf("%s is not in wikidata-properties.tsv", pid)
		}
	}
}

func TestTableCoversExtractor(t *testing.T) {
	if errTableBuilt != nil {
		t.Fatal(errTableBuilt)
	}
	countT := map[extractor.Type]int{}
	for _, c := range classes {
		countT[c.Type]++
	}
	for _, typ := range extractor.Types {
		if countT[typ] != 1 {
			t.Errorf("type %s has %d rows, want 1", typ, countT[typ])
		}
		delete(countT, typ)
	}
	for typ := range countT {
		t.Errorf("row for type %q, which the extractor does not define", typ)
	}
	countR := map[extractor.Relation]int{}
	for _, p := range properties {
		countR[p.Relation]++
	}
	for _, r := range extractor.Relations {
		if countR[r] != 1 {
			t.Errorf("relation %s has %d rows, want 1", r, countR[r])
		}
		delete(countR, r)
	}
	for r := range countR {
		t.Errorf("row for relation %q, which the extractor does not define", r)
	}
}

func TestTableWellFormed(t *testing.T) {
	local := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)
	qid := regexp.MustCompile(`^Q[1-9][0-9]*$`)
	pid := regexp.MustCompile(`^P[1-9][0-9]*$`)
	terms := map[string]string{}
	term := func(name, owner string) {
		if prev, dup := terms[name]; dup {
			t.Errorf("kgo:%s used by %s and %s", name, prev, owner)
		}
		terms[name] = owner
	}
	for _, c := range classes {
		if !local.MatchString(c.Term) || c.Schema != "" && !local.MatchString(c.Schema) {
			t.Errorf("type %s: bad local name %q or %q", c.Type, c.Term, c.Schema)
		}
		if !qid.MatchString(c.Wikidata) || c.Label == "" || c.Comment == "" {
			t.Errorf("type %s: incomplete row %+v", c.Type, c)
		}
		term(c.Term, string(c.Type))
	}
	if c, _ := ClassOf(extractor.Office); c.Wikidata != "Q294414" || c.Schema != "" || c.Term != "PublicOffice" {
		t.Errorf("Office row %+v: want kgo:PublicOffice, wd:Q294414, no schema.org class", c)
	}
	schemaType := map[string]Datatype{}
	for _, p := range properties {
		if !local.MatchString(p.Term) || p.Schema != "" && !local.MatchString(p.Schema) {
			t.Errorf("relation %s: bad local name %q or %q", p.Relation, p.Term, p.Schema)
		}
		if !pid.MatchString(p.PID) || p.Label == "" || p.Comment == "" {
			t.Errorf("relation %s: incomplete row %+v", p.Relation, p)
		}
		switch p.Datatype {
		case Item, Time, Quantity:
		default:
			t.Errorf("relation %s: unknown datatype %q", p.Relation, p.Datatype)
		}
		if p.Schema != "" {
			if dt, ok := schemaType[p.Schema]; ok && dt != p.Datatype {
				t.Errorf("schema:%s holds both %s and %s values: the JSON-LD context cannot coerce it", p.Schema, dt, p.Datatype)
			}
			schemaType[p.Schema] = p.Datatype
		}
		term(p.Term, string(p.Relation))
	}
}
