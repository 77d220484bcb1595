package dataset

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// Load reads a dataset description written by a build (DIR/dataset.ttl or
// DIR/dataset.jsonld, the format by extension) back into a Description:
// for tools that publish the dataset, such as a landing page.
func Load(path string) (*Description, error) {
	f, ok := exporter.Lookup(path)
	if !ok {
		return nil, fmt.Errorf("%s: unknown RDF format (by extension)", path)
	}
	r, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dec, err := exporter.NewDecoder(f, r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer dec.Close()
	var ts []rdf.Triple
	for {
		q, err := dec.Decode()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		ts = append(ts, rdf.Triple{Subj: q.Subj, Pred: q.Pred, Obj: q.Obj})
	}
	d, err := FromTriples(ts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Namespaces and classes FromTriples compares strings with.
var (
	schemaNS           = string(ontology.Schema)
	mediaTypesNS       = string(ontology.MediaTypes)
	schemaPerson       = schemaNS + "Person"
	schemaOrganization = schemaNS + "Organization"
)

// graph indexes triples by subject.
type graph map[string][]rdf.Triple

func (g graph) objects(s rdf.Term, p rdf.IRI) []rdf.Object {
	var out []rdf.Object
	for _, t := range g[key(s)] {
		if t.Pred == p {
			out = append(out, t.Obj)
		}
	}
	return out
}

func (g graph) str(s rdf.Term, p rdf.IRI) string {
	for _, o := range g.objects(s, p) {
		return termString(o)
	}
	return ""
}

func (g graph) strs(s rdf.Term, p rdf.IRI) []string {
	var out []string
	for _, o := range g.objects(s, p) {
		out = append(out, termString(o))
	}
	return out
}

func (g graph) num(s rdf.Term, p rdf.IRI) int64 {
	n, _ := strconv.ParseInt(g.str(s, p), 10, 64)
	return n
}

func (g graph) time(s rdf.Term, p rdf.IRI) time.Time {
	t, _ := time.Parse(time.RFC3339, g.str(s, p))
	return t
}

func (g graph) one(s rdf.Term, p rdf.IRI) rdf.Term {
	for _, o := range g.objects(s, p) {
		return o
	}
	return nil
}

func key(t rdf.Term) string { return t.Serialize(rdf.NTriples) }

func termString(o rdf.Term) string {
	switch v := o.(type) {
	case rdf.Literal:
		return v.String()
	case rdf.IRI:
		return v.String()
	default:
		return o.String()
	}
}

// FromTriples finds the void:Dataset that is also a dcat:Dataset in a
// description's triples and reads it and what it links to (partitions,
// distributions, run, agents) into a Description: the inverse of
// [Description.Triples].
func FromTriples(ts []rdf.Triple) (*Description, error) {
	g := graph{}
	var ds rdf.Term
	for _, t := range ts {
		g[key(t.Subj)] = append(g[key(t.Subj)], t)
	}
	for _, t := range ts {
		if t.Pred == rdfType && t.Obj == rdf.Object(dcatDataset) {
			for _, o := range g.objects(t.Subj, rdfType) {
				if o == rdf.Object(voidDataset) {
					ds = t.Subj
				}
			}
		}
	}
	if ds == nil {
		return nil, errors.New("no resource is both a void:Dataset and a dcat:Dataset")
	}
	d := &Description{
		IRI:            termString(ds),
		Title:          g.str(ds, dctTitle),
		Description:    g.str(ds, dctDescription),
		Keywords:       g.strs(ds, dcatKeyword),
		License:        g.str(ds, dctLicense),
		Version:        g.str(ds, dcatVersion),
		Issued:         g.time(ds, dctIssued),
		Modified:       g.time(ds, dctModified),
		LandingURL:     g.str(ds, dcatLandingPage),
		SPARQLEndpoint: g.str(ds, voidSPARQL),
		URISpace:       g.str(ds, voidURISpace),
	}
	agent := func(n rdf.Term) Agent {
		a := Agent{Name: g.str(n, foafName), Email: g.str(n, schemaEmail)}
		if iri, ok := n.(rdf.IRI); ok {
			a.URL = iri.String()
		}
		for _, t := range g.strs(n, rdfType) {
			if t == schemaPerson || t == schemaOrganization {
				a.Type = strings.TrimPrefix(t, schemaNS)
			}
		}
		return a
	}
	for _, c := range g.objects(ds, dctCreator) {
		d.Creators = append(d.Creators, agent(c))
	}
	if p := g.one(ds, dctPublisher); p != nil {
		a := agent(p)
		d.Publisher = &a
	}
	s := &d.Stats
	s.Triples = int(g.num(ds, voidTriples))
	s.Entities = int(g.num(ds, voidEntities))
	s.DistinctSubjects = int(g.num(ds, voidDistinctSubj))
	s.Properties = int(g.num(ds, voidProperties))
	s.Classes = int(g.num(ds, voidClasses))
	s.Examples = g.strs(ds, voidExample)
	for _, p := range g.objects(ds, voidClassPartition) {
		s.ClassPartitions = append(s.ClassPartitions, Partition{g.str(p, voidClass), int(g.num(p, voidEntities))})
	}
	for _, p := range g.objects(ds, voidPropPartition) {
		s.PropertyPartitions = append(s.PropertyPartitions, Partition{g.str(p, voidProperty), int(g.num(p, voidTriples))})
	}
	byIRI := func(a, b Partition) int { return strings.Compare(a.IRI, b.IRI) }
	slices.SortFunc(s.ClassPartitions, byIRI)
	slices.SortFunc(s.PropertyPartitions, byIRI)
	for _, ls := range g.objects(ds, voidSubset) {
		if slices.Contains(g.objects(ls, rdfType), rdf.Object(voidLinkset)) {
			d.Linked = true
			s.Links = int(g.num(ls, voidTriples))
		}
	}
	for _, n := range g.objects(ds, dcatDistributionP) {
		dist := Distribution{
			IRI:  termString(n),
			Name: g.str(n, dctTitle),
			URL:  g.str(n, dcatDownloadURL),
			Size: g.num(n, dcatByteSize),
		}
		dist.MediaType = strings.TrimPrefix(g.str(n, dcatMediaType), mediaTypesNS)
		dist.CompressFormat = strings.TrimPrefix(g.str(n, dcatCompressFormat), mediaTypesNS)
		if c := g.one(n, spdxChecksum); c != nil {
			dist.SHA256 = g.str(c, spdxChecksumValue)
		}
		d.Distributions = append(d.Distributions, dist)
	}
	if run := g.one(ds, provGeneratedBy); run != nil {
		r := &d.Run
		r.IRI = termString(run)
		r.Start = g.time(run, provStarted)
		r.End = g.time(run, provEnded)
		if sw := g.one(run, provAssociatedWith); sw != nil {
			r.Software = g.str(sw, schemaName)
			r.SoftwareVersion = g.str(sw, schemaSoftwareVer)
		}
		docs := map[string]bool{}
		for _, o := range g.objects(ds, provDerivedFrom) {
			docs[key(o)] = true
		}
		for _, u := range g.objects(run, provUsed) {
			if name := g.str(u, schemaName); name != "" && g.one(u, schemaValue) != nil {
				r.Parameters = append(r.Parameters, Parameter{name, g.str(u, schemaValue)})
				continue
			}
			in := Input{Name: g.str(u, dctIdentifier), Size: g.num(u, dcatByteSize)}
			if docs[key(u)] {
				in.Document = termString(u)
			}
			if c := g.one(u, spdxChecksum); c != nil {
				in.SHA256 = g.str(c, spdxChecksumValue)
			}
			r.Inputs = append(r.Inputs, in)
		}
	}
	return d, nil
}
