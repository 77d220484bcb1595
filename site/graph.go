package site

import (
	"strings"

	"github.com/knakk/rdf"
)

// graph indexes a set of triples by subject and by object, keeping the
// order in which subjects and triples first came.
type graph struct {
	subjects []rdf.Subject           // in order of first appearance
	out      map[string][]rdf.Triple // subject key → its triples, in order
	in       map[string][]rdf.Triple // object key (IRI or blank) → triples
	seen     map[string]bool         // triple keys
	size     int                     // distinct triples
	terms    map[string]rdf.Term     // key → term, for subjects and objects
}

func newGraph() *graph {
	return &graph{out: map[string][]rdf.Triple{}, in: map[string][]rdf.Triple{}, seen: map[string]bool{}, terms: map[string]rdf.Term{}}
}

// key identifies a term: its N-Triples form for literals, the IRI in
// angle brackets, the blank node label after "_:".
func key(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.IRI:
		return "<" + t.String() + ">"
	case rdf.Blank:
		return "_:" + t.String()
	}
	return t.Serialize(rdf.NTriples)
}

// add adds t unless the graph holds it already.
func (g *graph) add(t rdf.Triple) {
	s, p, o := key(t.Subj), key(t.Pred), key(t.Obj)
	k := s + " " + p + " " + o
	if g.seen[k] {
		return
	}
	g.seen[k] = true
	g.size++
	if _, ok := g.out[s]; !ok {
		g.subjects = append(g.subjects, t.Subj)
		g.terms[s] = t.Subj
	}
	g.out[s] = append(g.out[s], t)
	if t.Obj.Type() != rdf.TermLiteral {
		g.in[o] = append(g.in[o], t)
		g.terms[o] = t.Obj
	}
}

// objects returns the objects of the triples (s, p, ?) in order.
func (g *graph) objects(s rdf.Term, p rdf.IRI) []rdf.Object {
	var out []rdf.Object
	for _, t := range g.out[key(s)] {
		if t.Pred.(rdf.IRI) == p {
			out = append(out, t.Obj)
		}
	}
	return out
}

// hasType reports whether s has rdf:type c.
func (g *graph) hasType(s rdf.Term, c rdf.IRI) bool {
	for _, o := range g.objects(s, rdfType) {
		if iri, ok := o.(rdf.IRI); ok && iri == c {
			return true
		}
	}
	return false
}

// iriOf returns the IRI string of t, or "" when t is not an IRI.
func iriOf(t rdf.Term) string {
	if iri, ok := t.(rdf.IRI); ok {
		return iri.String()
	}
	return ""
}

// localIn returns the part of iri after namespace ns, and whether iri is
// in ns.
func localIn(iri, ns string) (string, bool) {
	if !strings.HasPrefix(iri, ns) {
		return "", false
	}
	return iri[len(ns):], true
}
