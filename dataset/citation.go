package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// CFF returns a CITATION.cff (Citation File Format 1.2.0) citing the
// dataset: type dataset, title, abstract, authors (the creators), version,
// date-released (the issued date), license (an SPDX identifier when the
// license is known, license-url otherwise), keywords and url (the landing
// page, else the first distribution). A person's name is split at its last
// space into given-names and family-names; an organization is an entity
// with a name. Strings are YAML double-quoted scalars.
func (d *Description) CFF() []byte {
	var b bytes.Buffer
	line := func(indent, key, val string) {
		if val != "" {
			fmt.Fprintf(&b, "%s%s: %s\n", indent, key, yamlString(val))
		}
	}
	b.WriteString("cff-version: 1.2.0\n")
	line("", "message", "If you use this dataset, please cite it as below.")
	b.WriteString("type: dataset\n")
	line("", "title", d.Title)
	line("", "abstract", d.Description)
	b.WriteString("authors:\n")
	for _, a := range d.Creators {
		first := true
		item := func(key, val string) {
			if val == "" {
				return
			}
			indent := "    "
			if first {
				indent = "  - "
				first = false
			}
			line(indent, key, val)
		}
		if a.Type == "Organization" {
			item("name", a.Name)
		} else {
			given, family := splitName(a.Name)
			item("family-names", family)
			item("given-names", given)
		}
		if strings.HasPrefix(a.URL, "https://orcid.org/") {
			item("orcid", a.URL)
		} else {
			item("website", a.URL)
		}
		item("email", a.Email)
	}
	line("", "version", d.Version)
	if !d.Issued.IsZero() {
		// An unquoted date: CFF's schema wants a YAML date.
		fmt.Fprintf(&b, "date-released: %s\n", d.Issued.UTC().Format("2006-01-02"))
	}
	if id := LicenseSPDX(d.License); id != "" {
		line("", "license", id)
	} else {
		line("", "license-url", d.License)
	}
	if len(d.Keywords) > 0 {
		b.WriteString("keywords:\n")
		for _, k := range d.Keywords {
			fmt.Fprintf(&b, "  - %s\n", yamlString(k))
		}
	}
	line("", "url", d.citeURL())
	return b.Bytes()
}

func (d *Description) citeURL() string {
	if d.LandingURL != "" {
		return d.LandingURL
	}
	if len(d.Distributions) > 0 {
		return d.Distributions[0].URL
	}
	return ""
}

// yamlString quotes s as a YAML double-quoted scalar (JSON's string syntax
// is a subset of it).
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // strings always encode
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// splitName splits a person's name at its last space.
func splitName(name string) (given, family string) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		return strings.TrimSpace(name[:i]), name[i+1:]
	}
	return "", name
}

// BibTeX returns a BibTeX @misc entry citing the dataset: author (the
// creators, "Family, Given" for persons, braced for organizations), title,
// year and month of the issued date, version, publisher, url, license and
// the note "Dataset". Its key is the first creator's family name and the
// year.
func (d *Description) BibTeX() []byte {
	var authors []string
	key := "dataset"
	for i, a := range d.Creators {
		var s string
		if a.Type == "Organization" {
			s = "{" + bibEscape(a.Name) + "}"
		} else {
			given, family := splitName(a.Name)
			s = bibEscape(family)
			if given != "" {
				s += ", " + bibEscape(given)
			}
		}
		if i == 0 {
			_, family := splitName(a.Name)
			key = keyPart(family)
		}
		authors = append(authors, s)
	}
	if !d.Issued.IsZero() {
		key += d.Issued.UTC().Format("2006")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "@misc{%s,\n", key)
	field := func(name, val string) {
		if val != "" {
			fmt.Fprintf(&b, "  %-9s = {%s},\n", name, val)
		}
	}
	field("author", strings.Join(authors, " and "))
	field("title", "{"+bibEscape(d.Title)+"}")
	if !d.Issued.IsZero() {
		field("year", d.Issued.UTC().Format("2006"))
		field("month", strings.ToLower(d.Issued.UTC().Format("Jan")))
	}
	field("version", bibEscape(d.Version))
	if d.Publisher != nil {
		field("publisher", bibEscape(d.Publisher.Name))
	}
	if u := d.citeURL(); u != "" {
		field("url", u)
	}
	license := LicenseSPDX(d.License)
	if license == "" {
		license = d.License
	}
	field("copyright", bibEscape(license))
	field("note", "Dataset")
	b.WriteString("}\n")
	return b.Bytes()
}

// bibEscape escapes BibTeX's special characters.
func bibEscape(s string) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`,
		"$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)
	return r.Replace(s)
}

// keyPart keeps the ASCII letters and digits of s, lowercased.
func keyPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "dataset"
	}
	return b.String()
}
