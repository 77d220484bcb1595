package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// Description is a dataset: what a build wrote, described with VoID, DCAT 3,
// schema.org and PROV-O by [Description.Triples].
type Description struct {
	// IRI names the dataset; see [IRIs].
	IRI         string
	Title       string
	Description string
	Keywords    []string
	// License is the IRI of the license of the data (see [LicenseIRI]).
	License    string
	Creators   []Agent
	Publisher  *Agent // nil: none given
	Version    string
	Issued     time.Time
	Modified   time.Time
	LandingURL string // dcat:landingPage and schema:url; empty: none
	// SPARQLEndpoint is the endpoint that serves the dataset; empty: none.
	SPARQLEndpoint string
	// URISpace is the IRI prefix of the resources minted (the build's
	// base), for void:uriSpace.
	URISpace string
	// Stats are the counts of the dataset's triples.
	Stats Summary
	// Linked is true when the build linked entities to Wikidata: the
	// description then has a void:Linkset with Stats.Links links.
	Linked        bool
	Distributions []Distribution
	Run           Run
}

// Agent is a creator or publisher.
type Agent struct {
	Name string `json:"name"`
	// URL identifies the agent (an ORCID, a home page); it becomes the
	// agent's IRI. Empty: the agent is a blank node.
	URL   string `json:"url,omitempty"`
	Email string `json:"email,omitempty"`
	// Type is "Person" or "Organization" (schema.org's classes); empty
	// means Person for creators and Organization for publishers.
	Type string `json:"type,omitempty"`
}

// Distribution is one downloadable file of the dataset.
type Distribution struct {
	IRI       string // the distribution (see [IRIs])
	Name      string // file name
	URL       string // where it is downloaded from
	MediaType string // IANA media type, "text/turtle"
	// CompressFormat is the media type of the compression ("application/gzip");
	// empty: none.
	CompressFormat string
	Size           int64  // bytes
	SHA256         string // lowercase hex
}

// Run is the build that made the dataset, a prov:Activity.
type Run struct {
	IRI             string
	Software        string // "kgbuild"
	SoftwareVersion string
	Start, End      time.Time
	Inputs          []Input
	Parameters      []Parameter
}

// Input is one file the run read: a source document (Document is its IRI
// in the graph) or another input such as a link index (Document empty).
type Input struct {
	Document string
	Name     string // file name, without directories
	Size     int64
	SHA256   string
}

// Parameter is one setting of the run.
type Parameter struct {
	Name, Value string
}

// SoftwareIRI names kgbuild, the software agent of runs: its code
// repository, after the Go module path.
const SoftwareIRI = "https://github.com/kgbuild/kgbuild"

// IRIs returns the IRIs of a description under base (a build's --base):
// the dataset, its run, its Wikidata linkset, and the prefix of its
// distributions' IRIs (followed by the file name).
func IRIs(base string) (dataset, run, linkset, distribution string) {
	d := base + "dataset"
	return d, d + "/run", d + linksetPath, d + "/distribution/"
}

// linksetPath follows the dataset's IRI in its Wikidata linkset's.
const linksetPath = "/wikidata-links"

// Licenses known by name: the SPDX identifier and the license's IRI.
var licenses = []struct{ spdx, iri, name string }{
	{"CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution-ShareAlike 4.0 International"},
	{"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0 International"},
	{"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "Creative Commons Zero v1.0 Universal"},
	{"ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "Open Data Commons Open Database License v1.0"},
	{"PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/", "Open Data Commons Public Domain Dedication and License v1.0"},
	{"MIT", "https://spdx.org/licenses/MIT.html", "MIT License"},
	{"Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0", "Apache License 2.0"},
}

// DefaultLicense is the license of text derived from Wikipedia articles,
// CC BY-SA 4.0.
const DefaultLicense = "CC-BY-SA-4.0"

// LicenseIRI resolves a license given by SPDX identifier ("CC-BY-SA-4.0",
// any case) or by absolute IRI to its IRI.
func LicenseIRI(s string) (string, error) {
	for _, l := range licenses {
		if strings.EqualFold(s, l.spdx) || s == l.iri {
			return l.iri, nil
		}
	}
	if isAbsIRI(s) {
		return s, nil
	}
	var ids []string
	for _, l := range licenses {
		ids = append(ids, l.spdx)
	}
	return "", fmt.Errorf("license %q: neither an absolute IRI nor a known SPDX identifier (%s)", s, strings.Join(ids, ", "))
}

// LicenseSPDX returns the SPDX identifier of a license IRI, "" if unknown.
func LicenseSPDX(iri string) string {
	for _, l := range licenses {
		if iri == l.iri {
			return l.spdx
		}
	}
	return ""
}

func isAbsIRI(s string) bool {
	i := strings.Index(s, ":")
	if i <= 0 || strings.ContainsAny(s, " <>\"{}|\\^`") {
		return false
	}
	for j, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	_, err := rdf.NewIRI(s)
	return err == nil
}

// HashFile returns the size and SHA-256 (lowercase hex) of a file.
func HashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w", path, err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// HashBytes returns the SHA-256 of data in lowercase hex.
func HashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// SourceDateEpoch parses the value of $SOURCE_DATE_EPOCH (the
// reproducible-builds.org convention: seconds since 1970-01-01 UTC), the
// time a build records instead of the clock so that the same inputs give
// the same bytes.
func SourceDateEpoch(s string) (time.Time, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a non-negative integer number of seconds", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// Terms of descriptions.
var (
	rdfsLabel           = ontology.RDFS.IRI("label")
	owlVersionInfo      = ontology.OWL.IRI("versionInfo")
	xsdInteger          = ontology.XSD.IRI("integer")
	xsdNonNegInteger    = ontology.XSD.IRI("nonNegativeInteger")
	xsdDateTime         = ontology.XSD.IRI("dateTime")
	xsdHexBinary        = ontology.XSD.IRI("hexBinary")
	voidDataset         = ontology.VoID.IRI("Dataset")
	voidLinkset         = ontology.VoID.IRI("Linkset")
	voidTriples         = ontology.VoID.IRI("triples")
	voidEntities        = ontology.VoID.IRI("entities")
	voidDistinctSubj    = ontology.VoID.IRI("distinctSubjects")
	voidProperties      = ontology.VoID.IRI("properties")
	voidClasses         = ontology.VoID.IRI("classes")
	voidClassPartition  = ontology.VoID.IRI("classPartition")
	voidPropPartition   = ontology.VoID.IRI("propertyPartition")
	voidClass           = ontology.VoID.IRI("class")
	voidProperty        = ontology.VoID.IRI("property")
	voidExample         = ontology.VoID.IRI("exampleResource")
	voidSPARQL          = ontology.VoID.IRI("sparqlEndpoint")
	voidDataDump        = ontology.VoID.IRI("dataDump")
	voidURISpace        = ontology.VoID.IRI("uriSpace")
	voidSubset          = ontology.VoID.IRI("subset")
	voidSubjectsTarget  = ontology.VoID.IRI("subjectsTarget")
	voidObjectsTarget   = ontology.VoID.IRI("objectsTarget")
	voidLinkPredicate   = ontology.VoID.IRI("linkPredicate")
	dcatDataset         = ontology.DCAT.IRI("Dataset")
	dcatDistribution    = ontology.DCAT.IRI("Distribution")
	dcatDistributionP   = ontology.DCAT.IRI("distribution")
	dcatKeyword         = ontology.DCAT.IRI("keyword")
	dcatVersion         = ontology.DCAT.IRI("version")
	dcatLandingPage     = ontology.DCAT.IRI("landingPage")
	dcatDownloadURL     = ontology.DCAT.IRI("downloadURL")
	dcatMediaType       = ontology.DCAT.IRI("mediaType")
	dcatByteSize        = ontology.DCAT.IRI("byteSize")
	dcatCompressFormat  = ontology.DCAT.IRI("compressFormat")
	dctTitle            = ontology.DCTerms.IRI("title")
	dctDescription      = ontology.DCTerms.IRI("description")
	dctLicense          = ontology.DCTerms.IRI("license")
	dctCreator          = ontology.DCTerms.IRI("creator")
	dctPublisher        = ontology.DCTerms.IRI("publisher")
	dctIssued           = ontology.DCTerms.IRI("issued")
	dctModified         = ontology.DCTerms.IRI("modified")
	dctIdentifier       = ontology.DCTerms.IRI("identifier")
	spdxChecksum        = ontology.SPDX.IRI("checksum")
	spdxChecksumClass   = ontology.SPDX.IRI("Checksum")
	spdxAlgorithm       = ontology.SPDX.IRI("algorithm")
	spdxSHA256          = ontology.SPDX.IRI("checksumAlgorithm_sha256")
	spdxChecksumValue   = ontology.SPDX.IRI("checksumValue")
	foafAgent           = ontology.FOAF.IRI("Agent")
	foafName            = ontology.FOAF.IRI("name")
	foafMbox            = ontology.FOAF.IRI("mbox")
	provEntity          = ontology.PROV.IRI("Entity")
	provActivity        = ontology.PROV.IRI("Activity")
	provAgent           = ontology.PROV.IRI("Agent")
	provSoftwareAgent   = ontology.PROV.IRI("SoftwareAgent")
	provGeneratedBy     = ontology.PROV.IRI("wasGeneratedBy")
	provDerivedFrom     = ontology.PROV.IRI("wasDerivedFrom")
	provStarted         = ontology.PROV.IRI("startedAtTime")
	provEnded           = ontology.PROV.IRI("endedAtTime")
	provAssociatedWith  = ontology.PROV.IRI("wasAssociatedWith")
	provUsed            = ontology.PROV.IRI("used")
	provValue           = ontology.PROV.IRI("value")
	schemaDataset       = ontology.Schema.IRI("Dataset")
	schemaDataDownload  = ontology.Schema.IRI("DataDownload")
	schemaSoftwareApp   = ontology.Schema.IRI("SoftwareApplication")
	schemaPropertyValue = ontology.Schema.IRI("PropertyValue")
	schemaName          = ontology.Schema.IRI("name")
	schemaDescription   = ontology.Schema.IRI("description")
	schemaKeywords      = ontology.Schema.IRI("keywords")
	schemaLicense       = ontology.Schema.IRI("license")
	schemaCreator       = ontology.Schema.IRI("creator")
	schemaPublisher     = ontology.Schema.IRI("publisher")
	schemaDatePublished = ontology.Schema.IRI("datePublished")
	schemaDateModified  = ontology.Schema.IRI("dateModified")
	schemaVersion       = ontology.Schema.IRI("version")
	schemaURL           = ontology.Schema.IRI("url")
	schemaEmail         = ontology.Schema.IRI("email")
	schemaDistribution  = ontology.Schema.IRI("distribution")
	schemaContentURL    = ontology.Schema.IRI("contentUrl")
	schemaEncoding      = ontology.Schema.IRI("encodingFormat")
	schemaContentSize   = ontology.Schema.IRI("contentSize")
	schemaSHA256        = ontology.Schema.IRI("sha256")
	schemaIsBasedOn     = ontology.Schema.IRI("isBasedOn")
	schemaSoftwareVer   = ontology.Schema.IRI("softwareVersion")
	schemaValue         = ontology.Schema.IRI("value")
)

// Triples returns the description as RDF, grouped by subject in a fixed
// order: the dataset; its class and property partitions (blank nodes); the
// Wikidata linkset; each distribution and its checksum; the run, its
// software agent, its inputs and parameters; the creators and publisher.
// The dataset node is at once a void:Dataset, a dcat:Dataset, a
// schema:Dataset and a prov:Entity, with the DCAT and the schema.org
// properties side by side. It returns an error naming the field when a
// value cannot be an RDF term (an IRI that is not absolute).
func (d *Description) Triples() ([]rdf.Triple, error) {
	b := &builder{}
	ds := b.iri("dataset", d.IRI)
	runIRI := b.iri("run", d.Run.IRI)
	agents := map[*Agent]node{}
	agent := func(a *Agent, i int, role string) node {
		if a.URL != "" {
			s := b.iri(role+" URL", a.URL)
			agents[a] = s
			return s
		}
		s := b.blank(fmt.Sprintf("%s%d", role, i+1))
		agents[a] = s
		return s
	}
	var creators []node
	for i := range d.Creators {
		creators = append(creators, agent(&d.Creators[i], i, "creator"))
	}
	var publisher node
	if d.Publisher != nil {
		publisher = agent(d.Publisher, 0, "publisher")
	}

	// The dataset.
	b.subject(ds)
	b.add(rdfType, voidDataset)
	b.add(rdfType, dcatDataset)
	b.add(rdfType, schemaDataset)
	b.add(rdfType, provEntity)
	if d.Title != "" {
		b.add(dctTitle, en(d.Title))
		b.add(schemaName, en(d.Title))
	}
	if d.Description != "" {
		b.add(dctDescription, en(d.Description))
		b.add(schemaDescription, en(d.Description))
	}
	for _, k := range d.Keywords {
		b.add(dcatKeyword, en(k))
		b.add(schemaKeywords, en(k))
	}
	if d.License != "" {
		l := b.iri("license", d.License)
		b.add(dctLicense, l)
		b.add(schemaLicense, l)
	}
	for _, c := range creators {
		b.add(dctCreator, c)
		b.add(schemaCreator, c)
	}
	if publisher != nil {
		b.add(dctPublisher, publisher)
		b.add(schemaPublisher, publisher)
	}
	if !d.Issued.IsZero() {
		b.add(dctIssued, dateTime(d.Issued))
		b.add(schemaDatePublished, dateTime(d.Issued))
	}
	if !d.Modified.IsZero() {
		b.add(dctModified, dateTime(d.Modified))
		b.add(schemaDateModified, dateTime(d.Modified))
	}
	if d.Version != "" {
		b.add(dcatVersion, plain(d.Version))
		b.add(schemaVersion, plain(d.Version))
	}
	if d.LandingURL != "" {
		u := b.iri("landing page", d.LandingURL)
		b.add(dcatLandingPage, u)
		b.add(schemaURL, u)
	}
	s := d.Stats
	b.add(voidTriples, count(s.Triples))
	b.add(voidEntities, count(s.Entities))
	b.add(voidDistinctSubj, count(s.DistinctSubjects))
	b.add(voidProperties, count(s.Properties))
	b.add(voidClasses, count(s.Classes))
	if d.URISpace != "" {
		b.add(voidURISpace, plain(d.URISpace))
	}
	for _, e := range s.Examples {
		b.add(voidExample, b.iri("example resource", e))
	}
	if d.SPARQLEndpoint != "" {
		b.add(voidSPARQL, b.iri("SPARQL endpoint", d.SPARQLEndpoint))
	}
	for _, dist := range d.Distributions {
		b.add(voidDataDump, b.iri("download URL", dist.URL))
	}
	for i := range s.ClassPartitions {
		b.add(voidClassPartition, b.blank(fmt.Sprintf("class%d", i+1)))
	}
	for i := range s.PropertyPartitions {
		b.add(voidPropPartition, b.blank(fmt.Sprintf("property%d", i+1)))
	}
	var linkset node
	if d.Linked {
		linkset = b.iri("linkset", d.IRI+linksetPath)
		b.add(voidSubset, linkset)
	}
	for _, dist := range d.Distributions {
		b.add(dcatDistributionP, b.iri("distribution", dist.IRI))
		b.add(schemaDistribution, b.iri("distribution", dist.IRI))
	}
	b.add(provGeneratedBy, runIRI)
	for _, in := range d.Run.Inputs {
		if in.Document != "" {
			doc := b.iri("document", in.Document)
			b.add(provDerivedFrom, doc)
			b.add(schemaIsBasedOn, doc)
		}
	}

	// Partitions.
	for i, p := range s.ClassPartitions {
		b.subject(b.blank(fmt.Sprintf("class%d", i+1)))
		b.add(voidClass, b.iri("class", p.IRI))
		b.add(voidEntities, count(p.Count))
	}
	for i, p := range s.PropertyPartitions {
		b.subject(b.blank(fmt.Sprintf("property%d", i+1)))
		b.add(voidProperty, b.iri("property", p.IRI))
		b.add(voidTriples, count(p.Count))
	}

	// The Wikidata linkset and Wikidata itself.
	if d.Linked {
		b.subject(linkset)
		b.add(rdfType, voidLinkset)
		b.add(dctTitle, en("Links to Wikidata"))
		b.add(voidSubjectsTarget, ds)
		wd := b.iri("Wikidata", ontology.WikidataDataset)
		b.add(voidObjectsTarget, wd)
		b.add(voidLinkPredicate, owlSameAs)
		b.add(voidTriples, count(s.Links))
		b.subject(wd)
		b.add(rdfType, voidDataset)
		b.add(dctTitle, en("Wikidata"))
		b.add(voidURISpace, plain(string(ontology.WD)))
	}

	// Distributions.
	for i, dist := range d.Distributions {
		b.subject(b.iri("distribution", dist.IRI))
		b.add(rdfType, dcatDistribution)
		b.add(rdfType, schemaDataDownload)
		b.add(dctTitle, plain(dist.Name))
		b.add(schemaName, plain(dist.Name))
		u := b.iri("download URL", dist.URL)
		b.add(dcatDownloadURL, u)
		b.add(schemaContentURL, u)
		if dist.MediaType != "" {
			b.add(dcatMediaType, b.iri("media type", string(ontology.MediaTypes)+dist.MediaType))
			b.add(schemaEncoding, plain(dist.MediaType))
		}
		if dist.CompressFormat != "" {
			b.add(dcatCompressFormat, b.iri("compress format", string(ontology.MediaTypes)+dist.CompressFormat))
		}
		b.add(dcatByteSize, rdf.NewTypedLiteral(strconv.FormatInt(dist.Size, 10), xsdNonNegInteger))
		b.add(schemaContentSize, plain(strconv.FormatInt(dist.Size, 10)+" B"))
		if d.License != "" {
			b.add(dctLicense, b.iri("license", d.License))
		}
		b.add(spdxChecksum, b.blank(fmt.Sprintf("sha256-%d", i+1)))
		b.add(schemaSHA256, plain(dist.SHA256))
		b.checksum(fmt.Sprintf("sha256-%d", i+1), dist.SHA256)
	}

	// The run.
	r := d.Run
	sw := b.iri("software", SoftwareIRI)
	b.subject(runIRI)
	b.add(rdfType, provActivity)
	b.add(rdfsLabel, en(r.Software+" build"))
	if !r.Start.IsZero() {
		b.add(provStarted, dateTime(r.Start))
	}
	if !r.End.IsZero() {
		b.add(provEnded, dateTime(r.End))
	}
	b.add(provAssociatedWith, sw)
	for i, in := range r.Inputs {
		b.add(provUsed, b.input(i, in))
	}
	for i := range r.Parameters {
		b.add(provUsed, b.blank(fmt.Sprintf("parameter%d", i+1)))
	}
	b.subject(sw)
	b.add(rdfType, provSoftwareAgent)
	b.add(rdfType, schemaSoftwareApp)
	b.add(rdfsLabel, plain(r.Software))
	b.add(schemaName, plain(r.Software))
	if r.SoftwareVersion != "" {
		b.add(owlVersionInfo, plain(r.SoftwareVersion))
		b.add(schemaSoftwareVer, plain(r.SoftwareVersion))
	}
	for i, in := range r.Inputs {
		b.subject(b.input(i, in))
		b.add(rdfType, provEntity)
		b.add(dctIdentifier, plain(in.Name))
		b.add(dcatByteSize, rdf.NewTypedLiteral(strconv.FormatInt(in.Size, 10), xsdNonNegInteger))
		if in.SHA256 != "" { // a directory has none
			b.add(spdxChecksum, b.blank(fmt.Sprintf("input-sha256-%d", i+1)))
			b.checksum(fmt.Sprintf("input-sha256-%d", i+1), in.SHA256)
		}
	}
	for i, p := range r.Parameters {
		b.subject(b.blank(fmt.Sprintf("parameter%d", i+1)))
		b.add(rdfType, provEntity)
		b.add(rdfType, schemaPropertyValue)
		b.add(schemaName, plain(p.Name))
		b.add(schemaValue, plain(p.Value))
		b.add(provValue, plain(p.Value))
	}

	// Agents.
	emitAgent := func(a *Agent, defType string) {
		b.subject(agents[a])
		b.add(rdfType, foafAgent)
		b.add(rdfType, provAgent)
		typ := a.Type
		if typ == "" {
			typ = defType
		}
		b.add(rdfType, ontology.Schema.IRI(typ))
		b.add(foafName, plain(a.Name))
		b.add(schemaName, plain(a.Name))
		if a.Email != "" {
			b.add(foafMbox, b.iri("email", "mailto:"+a.Email))
			b.add(schemaEmail, plain(a.Email))
		}
		if a.URL != "" {
			b.add(schemaURL, b.iri("agent URL", a.URL))
		}
	}
	for i := range d.Creators {
		emitAgent(&d.Creators[i], "Person")
	}
	if d.Publisher != nil {
		emitAgent(d.Publisher, "Organization")
	}
	if b.err != nil {
		return nil, b.err
	}
	return b.out, nil
}

// node is an IRI or a blank node: a subject or an object.
type node interface {
	rdf.Subject
	rdf.Object
}

// builder collects the triples of one subject after another and keeps the
// first error.
type builder struct {
	out  []rdf.Triple
	subj rdf.Subject
	err  error
}

func (b *builder) subject(s rdf.Subject) { b.subj = s }

func (b *builder) add(p rdf.IRI, o rdf.Object) {
	if b.subj == nil || o == nil {
		return
	}
	b.out = append(b.out, rdf.Triple{Subj: b.subj, Pred: p, Obj: o})
}

// iri makes an IRI term of s; what names the field in the error.
func (b *builder) iri(what, s string) rdf.IRI {
	if !isAbsIRI(s) {
		if b.err == nil {
			b.err = fmt.Errorf("%s %q is not an absolute IRI", what, s)
		}
		return rdf.IRI{}
	}
	iri, _ := rdf.NewIRI(s)
	return iri
}

func (b *builder) blank(label string) rdf.Blank {
	bl, err := rdf.NewBlank(label)
	if err != nil {
		panic(err) // labels are the program's
	}
	return bl
}

func (b *builder) input(i int, in Input) node {
	if in.Document != "" {
		return b.iri("document", in.Document)
	}
	return b.blank(fmt.Sprintf("input%d", i+1))
}

func (b *builder) checksum(label, hex string) {
	b.subject(b.blank(label))
	b.add(rdfType, spdxChecksumClass)
	b.add(spdxAlgorithm, spdxSHA256)
	b.add(spdxChecksumValue, rdf.NewTypedLiteral(hex, xsdHexBinary))
}

func en(s string) rdf.Literal {
	l, err := rdf.NewLangLiteral(s, "en")
	if err != nil {
		panic(err)
	}
	return l
}

func plain(s string) rdf.Literal {
	l, err := rdf.NewLiteral(s)
	if err != nil {
		panic(err)
	}
	return l
}

func count(n int) rdf.Literal {
	return rdf.NewTypedLiteral(strconv.Itoa(n), xsdInteger)
}

func dateTime(t time.Time) rdf.Literal {
	return rdf.NewTypedLiteral(t.UTC().Format(time.RFC3339), xsdDateTime)
}
