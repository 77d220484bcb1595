package site

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/kgbuild/kgbuild/dataset"
)

// Dataset is the description of the dataset a build wrote
// (DIR/dataset.ttl), shown on the index.
type Dataset struct {
	Description *dataset.Description
	// JSONLD is the description as JSON-LD (DIR/dataset.jsonld), embedded
	// in the index for dataset search engines; nil: none.
	JSONLD []byte
}

// datasetView is what the index shows of a dataset description.
type datasetView struct {
	IRI, Title, Text string
	Facts            []countRow
	Links            []labelledLink
	Downloads        []download
	Inputs           []download
}

// labelledLink is a fact whose value is a link.
type labelledLink struct {
	Label string
	Value link
}

// download is one file of the dataset.
type download struct {
	Name, Href, MediaType, Size, SHA256 string
}

// datasetView makes the view of the description, links relative to the
// index where they lead into the site.
func (s *site) datasetView() (*datasetView, template.JS) {
	ds := s.opts.Dataset
	if ds == nil || ds.Description == nil {
		return nil, ""
	}
	d := ds.Description
	v := &datasetView{IRI: d.IRI, Title: d.Title, Text: d.Description}
	add := func(label, value string) {
		if value != "" {
			v.Facts = append(v.Facts, countRow{label, value})
		}
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	extern := func(label, iri, text string) {
		if iri == "" {
			return
		}
		if text == "" {
			text = iri
		}
		v.Links = append(v.Links, labelledLink{label, s.siteLink(iri, text)})
	}
	add("Version", d.Version)
	add("Issued", date(d.Issued))
	add("Modified", date(d.Modified))
	add("Keywords", strings.Join(d.Keywords, ", "))
	var creators []string
	for _, c := range d.Creators {
		creators = append(creators, c.Name)
	}
	add("Creators", strings.Join(creators, "; "))
	if d.Publisher != nil {
		add("Publisher", d.Publisher.Name)
	}
	if d.Run.Software != "" {
		add("Made by", strings.TrimSpace(d.Run.Software+" "+d.Run.SoftwareVersion))
	}
	add("Run", strings.Trim(date(d.Run.Start)+" – "+date(d.Run.End), " –"))
	for _, p := range d.Run.Parameters {
		add("Parameter "+p.Name, p.Value)
	}
	extern("License", d.License, dataset.LicenseSPDX(d.License))
	extern("Landing page", d.LandingURL, "")
	extern("SPARQL endpoint", d.SPARQLEndpoint, "")
	if _, ok := localIn(d.IRI, s.opts.Base); ok {
		extern("Description (Turtle)", strings.TrimSuffix(d.IRI, "/")+".ttl", "")
		extern("Description (JSON-LD)", strings.TrimSuffix(d.IRI, "/")+".jsonld", "")
	}
	for _, f := range d.Distributions {
		l := s.siteLink(f.URL, f.Name)
		v.Downloads = append(v.Downloads, download{f.Name, l.Href, f.MediaType, strconv.FormatInt(f.Size, 10), f.SHA256})
	}
	for _, in := range d.Run.Inputs {
		v.Inputs = append(v.Inputs, download{Name: in.Name, Size: strconv.FormatInt(in.Size, 10), SHA256: in.SHA256})
	}
	var js template.JS
	if ds.JSONLD != nil {
		js = scriptJSON(ds.JSONLD)
	}
	return v, js
}

// siteLink links to iri: relatively when it is a file of the site (under
// the base, one of [Options.Extra]), else to the IRI itself.
func (s *site) siteLink(iri, text string) link {
	l := link{Text: text, Title: iri, Href: iri}
	if local, ok := localIn(iri, s.opts.Base); ok && s.extra[local] {
		l.Href, l.Internal = local, true
	}
	if !strings.HasPrefix(l.Href, "http://") && !strings.HasPrefix(l.Href, "https://") && !l.Internal {
		l.Href = ""
	}
	return l
}
