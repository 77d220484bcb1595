package dataset

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// yamlToJSON converts YAML to JSON with PyYAML (Debian's python3-yaml, which
// .ci/run installs), dates as {"date": "YYYY-MM-DD"}. Without it the test
// skips, and fails in CI ($CI set), where .ci/run must have installed it.
const yamlToJSON = `
import datetime, json, sys, yaml
def enc(o):
    if isinstance(o, (datetime.date, datetime.datetime)):
        return {"date": o.isoformat()}
    raise TypeError(repr(o))
print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), default=enc))
`

func loadYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import yaml").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PyYAML missing in CI (.ci/run installs python3-yaml): %v", err)
		}
		t.Skip("needs python3-yaml (apt-get install python3-yaml)")
	}
	out, err := exec.Command(python, "-c", yamlToJSON, path).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("%s is not YAML: %s", path, ee.Stderr)
		}
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%s: top level is not a mapping: %v", path, err)
	}
	return m
}

// cffKeys are the top-level keys of CFF 1.2.0.
var cffKeys = []string{"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
	"identifiers", "keywords", "license", "license-url", "message", "preferred-citation", "references",
	"repository", "repository-artifact", "repository-code", "title", "type", "url", "version"}

// personKeys and entityKeys are the keys of CFF 1.2.0's authors.
var (
	personKeys = []string{"address", "affiliation", "alias", "city", "country", "email", "family-names", "fax",
		"given-names", "name-particle", "name-suffix", "orcid", "post-code", "region", "tel", "website"}
	entityKeys = []string{"address", "alias", "city", "country", "date-end", "date-start", "email", "fax",
		"location", "name", "orcid", "post-code", "region", "tel", "website"}
)

// checkCFF checks a parsed CITATION.cff against the rules of CFF 1.2.0's
// schema that our files use: the required keys and their types, known
// keys only, authors as persons or entities, a date-released that is a
// YAML date, string versions, keywords a list of strings.
func checkCFF(t *testing.T, name string, m map[string]any) {
	t.Helper()
	for k := range m {
		if !slices.Contains(cffKeys, k) {
			t.Errorf("%s: unknown key %q", name, k)
		}
	}
	if m["cff-version"] != "1.2.0" {
		t.Errorf("%s: cff-version %v, want the string 1.2.0", name, m["cff-version"])
	}
	for _, k := range []string{"message", "title"} {
		if s, ok := m[k].(string); !ok || s == "" {
			t.Errorf("%s: %s %v, want a non-empty string", name, k, m[k])
		}
	}
	if typ, ok := m["type"]; ok && typ != "software" && typ != "dataset" {
		t.Errorf("%s: type %v", name, typ)
	}
	authors, ok := m["authors"].([]any)
	if !ok || len(authors) == 0 {
		t.Fatalf("%s: authors %v, want a non-empty list", name, m["authors"])
	}
	for i, a := range authors {
		am, ok := a.(map[string]any)
		if !ok {
			t.Errorf("%s: author %d is not a mapping", name, i+1)
			continue
		}
		keys := personKeys
		if _, entity := am["name"]; entity {
			keys = entityKeys
		}
		for k, v := range am {
			if !slices.Contains(keys, k) {
				t.Errorf("%s: author %d: key %q not allowed", name, i+1, k)
			}
			if _, ok := v.(string); !ok {
				t.Errorf("%s: author %d: %s is not a string", name, i+1, k)
			}
		}
	}
	if v, ok := m["version"]; ok {
		if _, ok := v.(string); !ok {
			t.Errorf("%s: version %v is not a string", name, v)
		}
	}
	if d, ok := m["date-released"]; ok {
		if dm, ok := d.(map[string]any); !ok || dm["date"] == nil {
			t.Errorf("%s: date-released %v is not a YAML date", name, d)
		}
	}
	if kw, ok := m["keywords"]; ok {
		l, ok := kw.([]any)
		for _, k := range l {
			if _, s := k.(string); !s {
				ok = false
			}
		}
		if !ok {
			t.Errorf("%s: keywords %v, want a list of strings", name, kw)
		}
	}
}

// TestProjectCFF checks the project's own CITATION.cff.
func TestProjectCFF(t *testing.T) {
	checkCFF(t, "CITATION.cff", loadYAML(t, "../CITATION.cff"))
}

// TestDatasetCFF checks a dataset's CITATION.cff, and that YAML reads
// its quoted strings back unchanged.
func TestDatasetCFF(t *testing.T) {
	d := full(t)
	d.Title = "A \"quoted\": title # not a comment\u00e9 \\ end"
	p := filepath.Join(t.TempDir(), "CITATION.cff")
	if err := os.WriteFile(p, d.CFF(), 0o644); err != nil {
		t.Fatal(err)
	}
	m := loadYAML(t, p)
	checkCFF(t, "dataset CITATION.cff", m)
	if m["title"] != d.Title || m["type"] != "dataset" || m["license"] != "CC0-1.0" {
		t.Errorf("read back title %q, type %v, license %v", m["title"], m["type"], m["license"])
	}
}
