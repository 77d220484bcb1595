package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Config is the metadata of a dataset that a build cannot find out: who
// made and publishes it, under what license, its title and so on. It is
// read from a small JSON file (--config) and overridden by flags; see
// [LoadConfig] for the keys. Empty fields take the build's defaults.
type Config struct {
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	// License is an SPDX identifier ("CC-BY-SA-4.0") or an IRI.
	License   string  `json:"license,omitempty"`
	Creators  []Agent `json:"creators,omitempty"`
	Publisher *Agent  `json:"publisher,omitempty"`
	Version   string  `json:"version,omitempty"`
	// Issued is the date of first publication, YYYY-MM-DD or RFC 3339;
	// empty: the build's time.
	Issued         string `json:"issued,omitempty"`
	LandingPage    string `json:"landingPage,omitempty"`
	SPARQLEndpoint string `json:"sparqlEndpoint,omitempty"`
	// DownloadBase is the URL the output files are published under
	// (followed by their names); empty: the build's base IRI.
	DownloadBase string `json:"downloadBase,omitempty"`
}

// LoadConfig reads a Config from a JSON file, an object with the keys
// title, description, keywords (array of strings), license, creators
// (array of {name, url, email, type}), publisher ({name, url, email,
// type}), version, issued, landingPage, sparqlEndpoint and downloadBase.
// Unknown keys are errors (a misspelt key would be silently lost);
// syntax errors name the file, line and column.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %w", path, pe.Err)
		}
		return nil, err
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s:%s", path, jsonError(data, dec, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: more than one JSON value", path)
	}
	if err := c.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

// jsonError places a decoding error at its line and column.
func jsonError(data []byte, dec *json.Decoder, err error) string {
	off := dec.InputOffset()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = max(se.Offset-1, 0) // the offset is after the bad byte
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.EOF):
		return " empty: want a JSON object"
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, c := range data[:min(int(off), len(data))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%d:%d: %v", line, col, err)
}

// Check reports the first value that is not of its form: a license that is
// neither an IRI nor a known SPDX identifier, an agent without a name or
// with a URL that is not an absolute IRI, an issued date that is no date,
// a landing page, endpoint or download base that is not an absolute IRI.
func (c *Config) Check() error {
	if c.License != "" {
		if _, err := LicenseIRI(c.License); err != nil {
			return err
		}
	}
	for i, a := range c.Creators {
		if err := a.check(); err != nil {
			return fmt.Errorf("creator %d: %w", i+1, err)
		}
	}
	if c.Publisher != nil {
		if err := c.Publisher.check(); err != nil {
			return fmt.Errorf("publisher: %w", err)
		}
	}
	if c.Issued != "" {
		if _, err := ParseDate(c.Issued); err != nil {
			return err
		}
	}
	for _, f := range []struct{ name, v string }{
		{"landingPage", c.LandingPage}, {"sparqlEndpoint", c.SPARQLEndpoint}, {"downloadBase", c.DownloadBase},
	} {
		if f.v != "" && !isAbsIRI(f.v) {
			return fmt.Errorf("%s %q is not an absolute IRI", f.name, f.v)
		}
	}
	return nil
}

func (a Agent) check() error {
	if a.Name == "" {
		return errors.New("no name")
	}
	if a.URL != "" && !isAbsIRI(a.URL) {
		return fmt.Errorf("%s: url %q is not an absolute IRI", a.Name, a.URL)
	}
	switch a.Type {
	case "", "Person", "Organization":
	default:
		return fmt.Errorf("%s: type %q is neither Person nor Organization", a.Name, a.Type)
	}
	return nil
}

// ParseDate reads a date (YYYY-MM-DD, midnight UTC) or an RFC 3339 time.
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("date %q is neither YYYY-MM-DD nor an RFC 3339 time", s)
}

// ParseAgent reads an agent from a flag: "NAME" or "NAME <URL>".
func ParseAgent(s string) (Agent, error) {
	s = trimSpace(s)
	a := Agent{Name: s}
	if i := bytes.LastIndexByte([]byte(s), '<'); i >= 0 && len(s) > 0 && s[len(s)-1] == '>' {
		a = Agent{Name: trimSpace(s[:i]), URL: s[i+1 : len(s)-1]}
	}
	a.Name = trimSpace(a.Name)
	return a, a.check()
}

func trimSpace(s string) string { return string(bytes.TrimSpace([]byte(s))) }

// Facts are what a build found out about its dataset.
type Facts struct {
	// Base is the base IRI of the resources minted; the dataset's IRIs are
	// made under it (see [IRIs]).
	Base string
	// Titles are the titles of the source documents, in input order.
	Titles []string
	// Documents is the number of source documents when Titles does not
	// list them (a corpus); 0: len(Titles).
	Documents     int
	Stats         Summary
	Linked        bool
	Distributions []Distribution // IRI and URL are filled in by Describe
	Run           Run            // IRI is filled in by Describe
	// Time is the build's time: $SOURCE_DATE_EPOCH, or the clock at its end.
	Time time.Time
}

// Describe makes the description of a dataset from the configuration and
// the facts of the build. Defaults for what c leaves empty: a title naming
// the source (one document) or counting them, a description saying what
// the graph holds, keywords, the license CC BY-SA 4.0 of Wikipedia-derived
// text, version "1.0", issued and modified f.Time, distributions under
// f.Base.
func Describe(c *Config, f Facts) (*Description, error) {
	if c == nil {
		c = &Config{}
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	dsIRI, runIRI, _, distPrefix := IRIs(f.Base)
	d := &Description{
		IRI:            dsIRI,
		Title:          c.Title,
		Description:    c.Description,
		Keywords:       c.Keywords,
		Creators:       c.Creators,
		Publisher:      c.Publisher,
		Version:        c.Version,
		Issued:         f.Time,
		Modified:       f.Time,
		LandingURL:     c.LandingPage,
		SPARQLEndpoint: c.SPARQLEndpoint,
		URISpace:       f.Base,
		Stats:          f.Stats,
		Linked:         f.Linked,
		Run:            f.Run,
	}
	d.Run.IRI = runIRI
	docs := f.Documents
	if docs == 0 {
		docs = len(f.Titles)
	}
	if d.Title == "" {
		switch {
		case docs == 1 && len(f.Titles) == 1:
			d.Title = "Knowledge graph of “" + f.Titles[0] + "”"
		default:
			d.Title = fmt.Sprintf("Knowledge graph of %d articles", docs)
		}
	}
	if d.Description == "" {
		src := "a plain-text article"
		if docs != 1 {
			src = fmt.Sprintf("%d articles", docs)
		}
		d.Description = fmt.Sprintf("Entities and facts that %s extracted from %s: %d entities and %d triples in the Wikidata statement model (truthy triples, statements with qualifiers and references) with schema.org terms. Every statement cites the sentence it was read from.",
			f.Run.Software, src, f.Stats.Entities, f.Stats.Triples)
	}
	if len(d.Keywords) == 0 {
		d.Keywords = []string{"knowledge graph", "linked data", "Wikidata", "schema.org", "information extraction"}
	}
	license := c.License
	if license == "" {
		license = DefaultLicense
	}
	var err error
	if d.License, err = LicenseIRI(license); err != nil {
		return nil, err
	}
	if d.Version == "" {
		d.Version = "1.0"
	}
	if c.Issued != "" {
		if d.Issued, err = ParseDate(c.Issued); err != nil {
			return nil, err
		}
	}
	download := c.DownloadBase
	if download == "" {
		download = f.Base
	}
	// A base ending in '#' names documents, not a directory: the files
	// are beside it.
	download = strings.TrimSuffix(download, "#")
	if download != "" && !strings.HasSuffix(download, "/") {
		download += "/"
	}
	for _, dist := range f.Distributions {
		dist.IRI = distPrefix + dist.Name
		dist.URL = download + dist.Name
		d.Distributions = append(d.Distributions, dist)
	}
	return d, nil
}
