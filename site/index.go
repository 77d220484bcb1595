package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// generator names the program in each page's <meta name="generator">;
// [Write] replaces only a directory whose index.html says it.
const generator = "kgbuild site"

// countRow is one line of the index's counts.
type countRow struct {
	Label, Value string
}

// classSection lists the entities of one class.
type classSection struct {
	ID       string
	Class    link
	Entities []link
}

// propertyCount is how many triples use one predicate.
type propertyCount struct {
	Property link
	Curie    string
	Count    int
}

// indexData is what the index template shows.
type indexData struct {
	Title, Base string
	Counts      []countRow
	Sources     []link
	Classes     []classSection
	Properties  []propertyCount
	Dataset     *datasetView
	JSONLD      template.JS // the dataset's description, embedded
	SVG         template.HTML
	ClassLinks  []classLink
	Generator   string
}

// title is the site's title: the option, or the names of the source
// documents.
func (s *site) title() string {
	if s.siteTitle == "" {
		s.siteTitle = s.makeTitle()
	}
	return s.siteTitle
}

func (s *site) makeTitle() string {
	if s.opts.Title != "" {
		return s.opts.Title
	}
	if ds := s.opts.Dataset; ds != nil && ds.Description != nil && ds.Description.Title != "" {
		return ds.Description.Title
	}
	var names []string
	for _, p := range s.order {
		if s.g.hasType(p.subj, schemaArticle) {
			names = append(names, s.name(p.subj))
		}
	}
	if len(names) == 0 || len(names) > 3 {
		return "Knowledge graph"
	}
	return strings.Join(names, ", ") + ": knowledge graph"
}

// classesOf returns the classes of the entities (rdf:type), each with its
// pages sorted by name, the largest class first.
func (s *site) classesOf() ([]rdf.IRI, map[rdf.IRI][]*page) {
	members := map[rdf.IRI][]*page{}
	for _, p := range s.order {
		for _, o := range s.g.objects(p.subj, rdfType) {
			if c, ok := o.(rdf.IRI); ok {
				members[c] = append(members[c], p)
			}
		}
	}
	var classes []rdf.IRI
	for c, ps := range members {
		classes = append(classes, c)
		slices.SortFunc(ps, s.byName)
	}
	slices.SortFunc(classes, func(a, b rdf.IRI) int {
		return cmp.Or(cmp.Compare(len(members[b]), len(members[a])), strings.Compare(a.String(), b.String()))
	})
	return classes, members
}

// indexFiles renders index.html and graph.svg.
func (s *site) indexFiles() (index, svg []byte, err error) {
	classes, members := s.classesOf()
	d := indexData{Title: s.title(), Base: s.opts.Base, Generator: generator}
	d.Dataset, d.JSONLD = s.datasetView()

	stmts, refs, links, aux := 0, 0, 0, 0
	langs := map[string]bool{}
	preds := map[string]int{}
	predTerm := map[string]rdf.IRI{}
	cited := map[string]bool{}
	for _, subj := range s.g.subjects {
		switch {
		case s.g.hasType(subj, wikibaseStmt):
			stmts++
		case s.g.hasType(subj, wikibaseRef):
			refs++
		}
		if s.pages[key(subj)] == nil && s.auxiliary(subj) {
			aux++
		}
		for _, t := range s.g.out[key(subj)] {
			pred := t.Pred.(rdf.IRI)
			preds[pred.String()]++
			predTerm[pred.String()] = pred
			switch pred {
			case rdfsLabel, schemaName, skosAltLabel, schemaAltName:
				if l, ok := t.Obj.(rdf.Literal); ok && l.Lang() != "" {
					langs[l.Lang()] = true
				}
			case owlSameAs:
				if _, wd := localIn(iriOf(t.Obj), string(ontology.WD)); wd && s.pages[key(subj)] != nil {
					links++
				}
			case prStatedIn:
				if p := s.pages[key(t.Obj)]; p != nil && !cited[p.path] {
					cited[p.path] = true
					d.Sources = append(d.Sources, s.term(p.subj, nil))
				}
			}
		}
	}
	slices.SortFunc(d.Sources, func(a, b link) int { return strings.Compare(a.Href, b.Href) })
	var langList []string
	for l := range langs {
		langList = append(langList, l)
	}
	slices.Sort(langList)
	n := strconv.Itoa
	d.Counts = []countRow{
		{"Triples", n(s.g.size)},
		{"Entities (pages)", n(len(s.order))},
		{"Statements, references and values with pages", n(len(s.nodeOrder))},
		{"Classes", n(len(classes))},
		{"Statements", n(stmts)},
		{"References (evidence quotes)", n(refs)},
		{"Wikidata links", n(links)},
		{"Properties used", n(len(preds))},
		{"Languages of names", fmt.Sprintf("%d (%s)", len(langList), strings.Join(langList, ", "))},
	}
	if len(s.unpaged) > 0 {
		d.Counts = append(d.Counts, countRow{"Resources without a page", n(len(s.unpaged))})
	}

	for i, c := range classes {
		sec := classSection{ID: "class-" + n(i+1), Class: s.term(c, nil)}
		sec.Class = s.classTerm(c)
		for _, p := range members[c] {
			sec.Entities = append(sec.Entities, s.term(p.subj, nil))
		}
		d.Classes = append(d.Classes, sec)
	}
	for iri, c := range preds {
		d.Properties = append(d.Properties, propertyCount{s.property(predTerm[iri]), s.curie(predTerm[iri]), c})
	}
	slices.SortFunc(d.Properties, func(a, b propertyCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Curie, b.Curie))
	})

	pic, rows := s.picture(classes, members)
	d.ClassLinks = rows
	d.SVG = template.HTML(pic)
	var b bytes.Buffer
	if err := indexTemplate.Execute(&b, d); err != nil {
		return nil, nil, err
	}
	svgFile := strings.Replace(pic, "<svg ", `<svg xmlns="http://www.w3.org/2000/svg" `, 1)
	return b.Bytes(), []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + svgFile + "\n"), nil
}
