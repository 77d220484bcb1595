package dataset

import (
	"encoding/json"
	"strconv"
	"time"
)

// SchemaOrgContext is the JSON-LD context of [Description.SchemaOrg]: the
// schema.org context, which search engines know by name.
const SchemaOrgContext = "https://schema.org/"

// SchemaOrg returns the description as a schema.org Dataset in the nested
// JSON-LD form that dataset search engines read from a landing page
// (<script type="application/ld+json">): one Dataset object with name,
// description, keywords, license, url, version, datePublished,
// dateModified, creator and publisher (Person or Organization objects),
// isBasedOn (the source documents) and distribution (DataDownload objects
// with contentUrl, encodingFormat, contentSize and sha256). Its @context is
// [SchemaOrgContext], which makes url, license and contentUrl IRIs; nodes
// that have IRIs in the description (the dataset,
// distributions, agents with a URL) have them as @id, so its triples are
// among those of [Description.Triples]. The JSON is indented and
// deterministic.
func (d *Description) SchemaOrg() []byte {
	type agent struct {
		Type  string `json:"@type"`
		ID    string `json:"@id,omitempty"`
		Name  string `json:"name"`
		URL   string `json:"url,omitempty"`
		Email string `json:"email,omitempty"`
	}
	type download struct {
		Type           string `json:"@type"`
		ID             string `json:"@id,omitempty"`
		Name           string `json:"name,omitempty"`
		ContentURL     string `json:"contentUrl"`
		EncodingFormat string `json:"encodingFormat,omitempty"`
		ContentSize    string `json:"contentSize"`
		SHA256         string `json:"sha256,omitempty"`
	}
	type ref struct {
		ID string `json:"@id"`
	}
	doc := struct {
		Context       string     `json:"@context"`
		Type          string     `json:"@type"`
		ID            string     `json:"@id,omitempty"`
		Name          string     `json:"name,omitempty"`
		Description   string     `json:"description,omitempty"`
		Keywords      []string   `json:"keywords,omitempty"`
		License       string     `json:"license,omitempty"`
		URL           string     `json:"url,omitempty"`
		Version       string     `json:"version,omitempty"`
		DatePublished string     `json:"datePublished,omitempty"`
		DateModified  string     `json:"dateModified,omitempty"`
		Creator       []agent    `json:"creator,omitempty"`
		Publisher     *agent     `json:"publisher,omitempty"`
		IsBasedOn     []ref      `json:"isBasedOn,omitempty"`
		Distribution  []download `json:"distribution,omitempty"`
	}{
		Context: SchemaOrgContext, Type: "Dataset", ID: d.IRI,
		Name: d.Title, Description: d.Description, Keywords: d.Keywords, Version: d.Version,
	}
	doc.License, doc.URL = d.License, d.LandingURL
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	doc.DatePublished, doc.DateModified = date(d.Issued), date(d.Modified)
	mk := func(a Agent, def string) agent {
		typ := a.Type
		if typ == "" {
			typ = def
		}
		return agent{Type: typ, ID: a.URL, Name: a.Name, URL: a.URL, Email: a.Email}
	}
	for _, c := range d.Creators {
		doc.Creator = append(doc.Creator, mk(c, "Person"))
	}
	if d.Publisher != nil {
		p := mk(*d.Publisher, "Organization")
		doc.Publisher = &p
	}
	for _, in := range d.Run.Inputs {
		if in.Document != "" {
			doc.IsBasedOn = append(doc.IsBasedOn, ref{in.Document})
		}
	}
	for _, dist := range d.Distributions {
		doc.Distribution = append(doc.Distribution, download{
			Type: "DataDownload", ID: dist.IRI, Name: dist.Name, ContentURL: dist.URL,
			EncodingFormat: dist.MediaType, ContentSize: strconv.FormatInt(dist.Size, 10) + " B", SHA256: dist.SHA256,
		})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // strings and slices always marshal
	}
	return append(b, '\n')
}
