package extractor

import (
	"regexp"
	"strings"
)

// table reads an office-holder table: each row's person holds the row's
// office from the row's start date, and belongs to the row's party. A
// row with no end date names the current holder, so the holder of a head
// of state's or government's office heads the country.
func (x *extraction) table(b Block) {
	t := b.Table
	role := func(r int) int {
		for i, h := range t.Header {
			if columnRole(h) == r {
				return i
			}
		}
		return -1
	}
	oc, nc, pc, sc, ec := role(colOffice), role(colName), role(colParty), role(colStart), role(colEnd)
	if nc < 0 {
		return
	}
	cell := func(row Row, c int) (string, Span) {
		if c < 0 || row.Cells[c].Len() == 0 {
			return "", Span{}
		}
		return x.d.Slice(row.Cells[c]), row.Cells[c]
	}
	for _, row := range t.Rows {
		name, nsp := cell(row, nc)
		if name == "" || !looksLikePerson(name) {
			continue
		}
		p := x.r.person(name)
		if p == nil || len(strings.Fields(name)) > 1 && p.Name != name {
			p = x.r.add(Person, name, nsp)
		} else {
			p.Mentions = append(p.Mentions, nsp)
		}
		var q []Qualifier
		if s, _ := cell(row, sc); s != "" {
			q = startQual(s)
		}
		ended := false
		if s, _ := cell(row, ec); s != "" {
			if d, ok := dateAt(s); ok {
				q = append(q, Qualifier{EndTime, DateOf(d)})
				ended = true
			}
		}
		if o, osp := cell(row, oc); o != "" {
			if off := x.officeEntity(o, osp); off != nil {
				x.fact(p, PositionHeld, ref(off), row.Span, nil, q...)
				if !ended {
					x.headOf(off, p, row.Span, nil)
				}
			}
		}
		if party, psp := cell(row, pc); party != "" && !dashOnlyRE.MatchString(party) && !strings.EqualFold(party, "Independent") && !strings.EqualFold(party, "Non-partisan") {
			pe := x.r.add(PoliticalParty, party, psp)
			x.fact(p, PartyMembership, ref(pe), row.Span, nil)
		}
	}
}

var (
	authorYearRE = regexp.MustCompile(`^([^"“(]{2,80}?)\s*\(([^()]*\d{4}[^()]*)\)\.?\s*`)
	quotedRE     = regexp.MustCompile(`^["“]([^"”]+)["”]\s*(?:\((?:PDF|pdf|in [A-Z]\w+)\))?\.?\s*`)
	volumeRE     = regexp.MustCompile(`^(?:\d+\s*(?:\(\d+\))?\s*:\s*\d+|[Vv]ol\.|Issue|No\.)`)
	retrievedRE  = regexp.MustCompile(`^(?:Retrieved|Accessed|Archived)\b`)
	urlRE        = regexp.MustCompile(`^(?:https?://|www\.)`)
	legalRE      = regexp.MustCompile(`\b(?:Constitution|Law|Act|Code|Decree|Treaty|Resolution)\b`)
)

// footnotes reads each numbered note as a citation: the cited work (title
// in quotes, or the note's first part), its authors and year before it,
// and the periodical or publisher after it. Facts about the work cite the
// note itself as evidence.
func (x *extraction) footnotes() {
	for _, fn := range x.d.Footnotes {
		x.citation(fn)
	}
}

func (x *extraction) citation(fn Footnote) {
	text := x.d.Slice(fn.Span)
	base := fn.Span.Start
	pos := 0
	var authors []string
	var year Date
	hasYear := false
	if m := authorYearRE.FindStringSubmatchIndex(text); m != nil && !strings.ContainsAny(text[m[2]:m[3]], ".") {
		for _, a := range strings.Split(text[m[2]:m[3]], ";") {
			authors = append(authors, strings.TrimSpace(a))
		}
		if d, ok := dateAt(text[m[4]:m[5]]); ok {
			year, hasYear = d, true
		}
		pos = m[1]
	}
	var title string
	var tspan Span
	if m := quotedRE.FindStringSubmatchIndex(text[pos:]); m != nil {
		title = text[pos+m[2] : pos+m[3]]
		tspan = Span{base + pos + m[2], base + pos + m[3]}
		pos += m[1]
	} else {
		seg := text[pos:]
		if k := strings.Index(seg, ". "); k > 0 {
			seg = seg[:k]
		}
		if k := strings.Index(seg, ", "); k > 0 {
			if t, ok := classify(strings.TrimSpace(seg[k+2:])); ok && (t == Organization || t == GovernmentOrganization) {
				seg = seg[:k]
			}
		}
		title = strings.TrimRight(strings.TrimSpace(seg), ". ")
		tspan = Span{base + pos, base + pos + len(title)}
		pos += len(seg)
	}
	title = strings.TrimSpace(title)
	if title == "" || urlRE.MatchString(title) || len(strings.Fields(title)) < 2 && !startsUpper(title) {
		return
	}
	// The parts after the title: container, publisher, volume, retrieval.
	var parts []Span
	rest := text[pos:]
	off := pos
	for _, seg := range strings.Split(rest, ". ") {
		s := strings.TrimSpace(strings.Trim(seg, ". ,"))
		if s != "" {
			k := strings.Index(text[off:], s)
			if k >= 0 {
				parts = append(parts, Span{off + k, off + k + len(s)})
				off += k + len(s)
			}
		}
	}
	journal := false
	for i, p := range parts {
		if i > 0 && volumeRE.MatchString(text[p.Start:p.End]) {
			journal = true
		}
	}
	typ := CreativeWork
	switch {
	case journal:
		typ = ScholarlyArticle
	case legalRE.MatchString(title) && !strings.Contains(title, "\""):
		typ = Legislation
	}
	w := x.r.add(typ, title, tspan)
	if w == nil {
		return
	}
	x.works[fn.Number] = w
	ev := fn.Span
	for _, a := range authors {
		name := a
		if last, first, ok := strings.Cut(a, ", "); ok {
			name = first + " " + last
		}
		if looksLikePerson(name) {
			p := x.r.add(Person, name, Span{})
			x.fact(w, Author, ref(p), ev, nil)
		}
	}
	if hasYear {
		x.fact(w, PublicationDate, DateOf(year), ev, nil)
	}
	for i, p := range parts {
		s := text[p.Start:p.End]
		if retrievedRE.MatchString(s) || urlRE.MatchString(s) || volumeRE.MatchString(s) || strings.HasPrefix(s, "[") {
			continue
		}
		if d, ok := dateAt(s); ok && len(FindDates(s)) == 1 && len(strings.Fields(s)) <= 3 {
			if !hasYear {
				x.fact(w, PublicationDate, DateOf(d), ev, nil)
				hasYear = true
			}
			continue
		}
		if k := strings.Index(s, "["); k > 0 {
			s = strings.TrimRight(s[:k], " .,")
		}
		if !startsUpper(s) || len(strings.Fields(s)) > 8 {
			continue
		}
		sp := Span{base + p.Start, base + p.Start + len(s)}
		if i == 0 && journal {
			j := x.r.add(Periodical, s, sp)
			x.fact(w, PublishedIn, ref(j), ev, nil)
			continue
		}
		t, ok := classify(s)
		if !ok || t == Person || t == Office || t == Country || t == Event {
			t = Organization
		}
		if t == CreativeWork || t == Periodical || t == Legislation {
			continue
		}
		pub := x.r.add(t, s, sp)
		x.fact(w, Publisher, ref(pub), ev, nil)
		break
	}
}
