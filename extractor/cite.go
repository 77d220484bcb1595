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
	if ac, cc := role(colArea), role(colCapital); ac >= 0 && cc >= 0 {
		x.areaTable(t, ac, cc)
		return
	}
	// A table of offices without names, in a person's article: the
	// person's offices.
	var holder *Entity
	if nc < 0 {
		if oc < 0 {
			return
		}
		if holder = x.r.find(Person, x.d.Title); holder == nil {
			return
		}
	}
	cell := func(row Row, c int) (string, Span) {
		if c < 0 || row.Cells[c].Len() == 0 {
			return "", Span{}
		}
		return x.d.Slice(row.Cells[c]), row.Cells[c]
	}
	for _, row := range t.Rows {
		p := holder
		if p == nil {
			name, nsp := cell(row, nc)
			if name == "" || !looksLikePerson(name) {
				continue
			}
			p = x.r.person(name)
			if p == nil || len(strings.Fields(name)) > 1 && p.Name != name {
				p = x.r.add(Person, name, nsp)
			} else {
				p.Mentions = append(p.Mentions, nsp)
			}
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
			for _, title := range jointOffices(o) {
				if off := x.officeEntity(title, osp); off != nil {
					x.fact(p, PositionHeld, ref(off), row.Span, nil, q...)
					if !ended {
						x.headOf(off, p, row.Span, nil)
					}
				}
			}
		}
		if party, psp := cell(row, pc); party != "" && !dashOnlyRE.MatchString(party) && !strings.EqualFold(party, "Independent") && !strings.EqualFold(party, "Non-partisan") {
			pe := x.r.add(PoliticalParty, party, psp)
			x.fact(p, PartyMembership, ref(pe), row.Span, nil)
		}
	}
}

// areaTable reads a table of divisions and their capitals: the country
// contains each division, whose capital is the row's city.
func (x *extraction) areaTable(t *Table, ac, cc int) {
	for _, row := range t.Rows {
		a, c := row.Cells[ac], row.Cells[cc]
		if a.Len() == 0 || c.Len() == 0 {
			continue
		}
		area := x.r.add(AdministrativeArea, x.d.Slice(a), a)
		city := x.r.add(City, x.d.Slice(c), c)
		if x.r.country != nil {
			x.fact(x.r.country, ContainsArea, ref(area), row.Span, nil)
		}
		x.fact(area, Capital, ref(city), row.Span, nil)
	}
}

// jointOffices splits "President and Prime Minister" into both titles;
// "Minister for Agriculture and Water Resources" stays one.
func jointOffices(s string) []string {
	a, b, ok := strings.Cut(s, " and ")
	if ok && officeRE.MatchString(b) && officeRE.FindStringIndex(a) != nil && officeRE.FindStringIndex(a)[1] == len(a) {
		return []string{a, b}
	}
	return []string{s}
}

var (
	authorYearRE = regexp.MustCompile(`^([^"“(]{2,80}?)\s*\(([^()]*\d{4}[^()]*)\)\.?\s*`)
	quoteRE      = regexp.MustCompile(`["“]([^"”]{3,})["”]`)
	volumeRE     = regexp.MustCompile(`^(?:\d+\s*(?:\(\d+\))?\s*:\s*\d+|[Vv]ol\.?|[Vv]olume|Issue|No\.)`)
	skipPartRE   = regexp.MustCompile(`^(?:Retrieved|Accessed|Archived|Chapter|Ch\.|pp?\.|[Pp]ages?\b|[Pp]art\b|English Supplement|Supplement|Section|ISBN|ISSN|doi|\(PDF\)|PDF|in [A-Z]\w+$)|^\d|^\(|^\[`)
	urlRE        = regexp.MustCompile(`^(?:https?://|www\.)`)
	legalRE      = regexp.MustCompile(`\b(?:Constitution|Law|Act|Code|Decree|Treaty|Resolution)\b`)
	byAuthorRE   = regexp.MustCompile(`^(?:[A-Z][a-z]+ )?by (?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){1,3})$`)
)

// formatSuffixRE matches a file format or language noted after a title.
var formatSuffixRE = regexp.MustCompile(`\s*\((?i:pdf|html?|doc|docx|xls|in [A-Z][a-z]+(?: and [A-Z][a-z]+)?)\)$`)

var retrievedRE = regexp.MustCompile(`^(?:Retrieved|Accessed|Archived)`)

// lastPartBefore returns the part that holds or precedes offset at.
func lastPartBefore(parts []citePart, at int) string {
	s := ""
	for _, p := range parts {
		if p.span.Start <= at {
			s = p.text
		}
	}
	return s
}

// footnotes reads each numbered note as a citation.
func (x *extraction) footnotes() {
	for _, fn := range x.d.Footnotes {
		x.citation(fn)
	}
}

// citePart is a piece of a citation between commas or full stops.
type citePart struct {
	text string
	span Span // document offsets
}

// citeParts splits s (at document offset base) at ", " and ". " outside
// quotes and parentheses, dropping empty pieces and trailing "[dead link]".
func citeParts(s string, base int) []citePart {
	var out []citePart
	start, depth, quoted := 0, 0, false
	emit := func(i, j int) {
		for i < j && (s[i] == ' ' || s[i] == ',' || s[i] == '.') {
			i++
		}
		for j > i && (s[j-1] == ' ' || s[j-1] == ',' || s[j-1] == '.') {
			j--
		}
		if k := strings.Index(s[i:j], "["); k >= 0 {
			j = i + k
			for j > i && (s[j-1] == ' ' || s[j-1] == '.') {
				j--
			}
		}
		if i < j {
			out = append(out, citePart{s[i:j], Span{base + i, base + j}})
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case c == '(':
			depth++
		case c == ')':
			depth--
		case (c == ',' || c == '.') && !quoted && depth <= 0 && (i+1 == len(s) || s[i+1] == ' '):
			if c == '.' && isAbbrev(s[start:i]) {
				continue
			}
			emit(start, i)
			start = i + 1
		}
	}
	emit(start, len(s))
	return out
}

// citation reads one note: authors and year before the title; the title in
// quotes (wherever it stands) or else the note's first part; a periodical
// before a quoted title or before a volume; then a publisher, a date, an
// author introduced by "by". Facts about the work cite the note itself.
func (x *extraction) citation(fn Footnote) {
	text := x.d.Slice(fn.Span)
	base := fn.Span.Start
	pos := 0
	var authors []string
	var year Date
	hasYear := false
	if m := authorYearRE.FindStringSubmatchIndex(text); m != nil && !strings.ContainsAny(text[m[2]:m[3]], ".\"") {
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
	var before, after []citePart
	if m := quoteRE.FindStringSubmatchIndex(text[pos:]); m != nil {
		title = strings.TrimSpace(text[pos+m[2] : pos+m[3]])
		ts := pos + m[2] + strings.Index(text[pos+m[2]:], title)
		tspan = Span{base + ts, base + ts + len(title)}
		before = citeParts(text[pos:pos+m[0]], base+pos)
		after = citeParts(text[pos+m[1]:], base+pos+m[1])
	} else {
		parts := citeParts(text[pos:], base+pos)
		if len(parts) == 0 {
			return
		}
		title, tspan, after = parts[0].text, parts[0].span, parts[1:]
	}
	// "Resolutions Adopted … (pdf)": the file's format is no part of the
	// title.
	if loc := formatSuffixRE.FindStringIndex(title); loc != nil {
		title = title[:loc[0]]
		tspan.End = tspan.Start + len(title)
	}
	if title == "" || urlRE.MatchString(title) || len(strings.Fields(title)) < 2 {
		return
	}
	journal := false
	for _, p := range after {
		if volumeRE.MatchString(p.text) {
			journal = true
		}
	}
	typ := CreativeWork
	switch {
	case journal:
		typ = ScholarlyArticle
	case legalRE.MatchString(title) && tspan.Start == base+pos:
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
	// A periodical named before a quoted title ("Horizon Armenian Weekly,
	// …, "Title"") or first after the title of a journal article.
	container := -1
	if len(before) > 0 {
		if t, ok := x.classify(before[0].text); ok && t == Periodical || len(before) > 1 {
			p := x.r.add(Periodical, before[0].text, before[0].span)
			x.fact(w, PublishedIn, ref(p), ev, nil)
			container = 0
		}
	}
	// Dates are read whole before the parts, whose commas split them.
	var dates []DateMatch
	if len(after) > 0 {
		tail := x.d.Text[after[0].span.Start:fn.Span.End]
		for _, d := range FindDates(tail) {
			d.Start += after[0].span.Start
			d.End += after[0].span.Start
			dates = append(dates, d)
		}
	}
	inDate := func(sp Span) bool {
		for _, d := range dates {
			if sp.Start >= d.Start && sp.End <= d.End || d.Start >= sp.Start && d.End <= sp.End && sp.Len()-(d.End-d.Start) <= 2 {
				return true
			}
		}
		return false
	}
	for _, d := range dates {
		if !hasYear && !retrievedRE.MatchString(lastPartBefore(after, d.Start)) {
			x.fact(w, PublicationDate, DateOf(d.Date), ev, nil)
			hasYear = true
		}
	}
	published := false
	for i, p := range after {
		s := p.text
		if inDate(p.span) {
			continue
		}
		if skipPartRE.MatchString(s) || urlRE.MatchString(s) || volumeRE.MatchString(s) {
			continue
		}
		if m := byAuthorRE.FindStringSubmatch(s); m != nil {
			a := x.r.add(Person, m[1], Span{})
			x.fact(w, Author, ref(a), ev, nil)
			continue
		}
		if ds := FindDates(s); len(ds) == 1 && ds[0].End-ds[0].Start >= len(s)-2 {
			if !hasYear {
				x.fact(w, PublicationDate, DateOf(ds[0].Date), ev, nil)
				hasYear = true
			}
			continue
		}
		if !startsUpper(s) || len(strings.Fields(s)) > 6 {
			continue
		}
		if published {
			// "…". Reuters. The New York Times.: the agency published
			// it, the newspaper carried it.
			if t, ok := x.classify(s); ok && t == Periodical && container < 0 {
				j := x.r.add(Periodical, s, p.span)
				x.fact(w, PublishedIn, ref(j), ev, nil)
				container = i
			}
			continue
		}
		if i == 0 && journal && container < 0 {
			j := x.r.add(Periodical, s, p.span)
			x.fact(w, PublishedIn, ref(j), ev, nil)
			container = i
			continue
		}
		if k := strings.Index(s, ": "); k > 0 && !strings.Contains(s[:k], " ") {
			s, p.span.Start = s[k+2:], p.span.Start+k+2 // "Yerevan: Hayastan Press"
		}
		t, ok := x.classify(s)
		switch {
		case ok && (t == CreativeWork || t == Periodical || t == Legislation):
			if container < 0 {
				j := x.r.add(Periodical, s, p.span)
				x.fact(w, PublishedIn, ref(j), ev, nil)
				container = i
			}
			continue
		case !ok || t == Person || t == Office || t == Country || t == Event || t == City || t == AdministrativeArea:
			t = Organization
		}
		pub := x.r.add(t, s, p.span)
		x.fact(w, Publisher, ref(pub), ev, nil)
		published = true
	}
}
