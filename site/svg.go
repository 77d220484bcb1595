package site

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/kgbuild/kgbuild/ontology"
	"github.com/knakk/rdf"
)

// palette colours the classes, in class order.
var palette = []string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295",
}

// classEdge is the truthy facts from entities of one class to entities of
// another, by property.
type classEdge struct {
	from, to int
	props    map[string]int // property label → facts
}

// picture draws the graph of classes: one circle per class, sized by its
// entities, on a ring in class order, and one arrow per pair of classes
// that truthy facts (wdt:) link, as thick as the facts are many and
// labelled with their properties. The layout depends only on the counts,
// so the drawing is deterministic. The SVG has no scripts, no fonts and no
// xmlns (an HTML parser needs none; graph.svg adds it).
func (s *site) picture(classes []rdf.IRI, members map[rdf.IRI][]*page) (string, []classLink) {
	idx := map[string]int{}
	for i, c := range classes {
		idx[c.String()] = i
	}
	edges := map[[2]int]*classEdge{}
	for _, p := range s.order {
		for _, t := range s.g.out[key(p.subj)] {
			pred := t.Pred.(rdf.IRI)
			pid, ok := localIn(pred.String(), string(ontology.WDT))
			if !ok || pred == wdtInstanceOf {
				continue
			}
			o := s.pages[key(t.Obj)]
			if o == nil {
				continue
			}
			label := s.propLabel[pred.String()]
			if label == "" {
				label = pid
			}
			for _, a := range s.g.objects(p.subj, rdfType) {
				for _, b := range s.g.objects(o.subj, rdfType) {
					i, ok1 := idx[iriOf(a)]
					j, ok2 := idx[iriOf(b)]
					if !ok1 || !ok2 {
						continue
					}
					e := edges[[2]int{i, j}]
					if e == nil {
						e = &classEdge{from: i, to: j, props: map[string]int{}}
						edges[[2]int{i, j}] = e
					}
					e.props[label]++
				}
			}
		}
	}
	var list []*classEdge
	for _, e := range edges {
		list = append(list, e)
	}
	slices.SortFunc(list, func(a, b *classEdge) int { return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) })

	n := len(classes)
	ring := math.Max(170, float64(n)*95/(2*math.Pi))
	width, height := 2*(ring+190), 2*(ring+80) // room for the labels
	cx, cy := width/2, height/2
	type node struct{ x, y, r, angle float64 }
	nodes := make([]node, n)
	for i, c := range classes {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(max(n, 1))
		r := math.Min(40, 9+4*math.Sqrt(float64(len(members[c]))))
		nodes[i] = node{cx + ring*math.Cos(a), cy + ring*math.Sin(a), r, a}
	}
	f := func(v float64) string { return fmt.Sprintf("%.1f", v) }
	esc := html.EscapeString

	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="graph-title" font-family="sans-serif" font-size="12">`, f(width), f(height), f(width), f(height))
	b.WriteString("\n<title id=\"graph-title\">Classes of entities and the facts linking them</title>\n")
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>` + "\n")
	b.WriteString("<g class=\"edges\" fill=\"none\" stroke=\"#555\" stroke-opacity=\"0.65\">\n")
	var labels strings.Builder
	var rows []classLink
	for _, e := range list {
		total := 0
		var names []string
		for l, c := range e.props {
			total += c
			names = append(names, l)
		}
		slices.Sort(names)
		var full []string
		for _, l := range names {
			full = append(full, fmt.Sprintf("%s (%d)", l, e.props[l]))
		}
		rows = append(rows, classLink{From: s.classTerm(classes[e.from]), To: s.classTerm(classes[e.to]), Properties: strings.Join(full, ", "), Facts: total})
		short := strings.Join(names, ", ")
		if len(names) > 2 {
			short = names[0] + ", " + names[1] + ", …"
		}
		width := 1 + math.Log2(float64(total))
		a, z := nodes[e.from], nodes[e.to]
		title := fmt.Sprintf("%s → %s: %s", s.curie(classes[e.from]), s.curie(classes[e.to]), strings.Join(full, ", "))
		var d string
		if e.from == e.to {
			// A loop outside the ring.
			ux, uy := math.Cos(a.angle), math.Sin(a.angle)
			px, py := -uy, ux
			sx, sy := a.x+ux*a.r+px*a.r*0.6, a.y+uy*a.r+py*a.r*0.6
			ex, ey := a.x+ux*a.r-px*a.r*0.6, a.y+uy*a.r-py*a.r*0.6
			c1x, c1y := sx+ux*55+px*30, sy+uy*55+py*30
			c2x, c2y := ex+ux*55-px*30, ey+uy*55-py*30
			d = "M" + f(sx) + "," + f(sy) + " C" + f(c1x) + "," + f(c1y) + " " + f(c2x) + "," + f(c2y) + " " + f(ex) + "," + f(ey)
			lx, ly := a.x+ux*(a.r+62), a.y+uy*(a.r+62)
			fmt.Fprintf(&labels, `<text x="%s" y="%s" text-anchor="middle" font-size="10" fill="#333" stroke="#fff" stroke-width="3" paint-order="stroke">%s</text>`+"\n", f(lx), f(ly+3), esc(short))
		} else {
			// A curve bent toward the centre, to one side of the chord so
			// that the two directions between a pair stay apart.
			mx, my := (a.x+z.x)/2, (a.y+z.y)/2
			dx, dy := z.x-a.x, z.y-a.y
			l := math.Hypot(dx, dy)
			qx, qy := mx+(cx-mx)*0.35-dy/l*18, my+(cy-my)*0.35+dx/l*18
			sx, sy := toward(a.x, a.y, qx, qy, a.r+2)
			ex, ey := toward(z.x, z.y, qx, qy, z.r+4)
			d = "M" + f(sx) + "," + f(sy) + " Q" + f(qx) + "," + f(qy) + " " + f(ex) + "," + f(ey)
		}
		fmt.Fprintf(&b, `<path d="%s" stroke-width="%s" marker-end="url(#arrow)"><title>%s</title></path>`+"\n", d, f(width), esc(title))
	}
	b.WriteString("</g>\n<g class=\"classes\">\n")
	for i, c := range classes {
		nd := nodes[i]
		colour := palette[i%len(palette)]
		name := s.curie(c)
		count := len(members[c])
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#222"><title>%s: %d entities</title></circle>`+"\n",
			f(nd.x), f(nd.y), f(nd.r), colour, esc(name), count)
		ux, uy := math.Cos(nd.angle), math.Sin(nd.angle)
		tx, ty := nd.x+ux*(nd.r+10), nd.y+uy*(nd.r+10)+4
		anchor := "middle"
		switch {
		case ux > 0.3:
			anchor = "start"
		case ux < -0.3:
			anchor = "end"
		}
		if math.Abs(ux) <= 0.3 && uy > 0 {
			ty += 8
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="%s" font-weight="bold">%s <tspan font-weight="normal">(%d)</tspan></text>`+"\n",
			f(tx), f(ty), anchor, esc(name), count)
	}
	b.WriteString("</g>\n<g class=\"labels\">\n")
	b.WriteString(labels.String())
	b.WriteString("</g>\n</svg>")
	slices.SortStableFunc(rows, func(a, b classLink) int { return cmp.Compare(b.Facts, a.Facts) })
	return b.String(), rows
}

// classLink is one arrow of the picture, for the table beside it.
type classLink struct {
	From, To   link
	Properties string
	Facts      int
}

// classTerm shows a class by its prefixed name, linked to its section of
// the index.
func (s *site) classTerm(c rdf.IRI) link {
	l := s.term(c, nil)
	l.Text = s.curie(c)
	return l
}

// toward returns the point at distance d from (x, y) toward (tx, ty).
func toward(x, y, tx, ty, d float64) (float64, float64) {
	dx, dy := tx-x, ty-y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x, y
	}
	return x + dx/l*d, y + dy/l*d
}
