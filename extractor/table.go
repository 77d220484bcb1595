package extractor

import (
	"regexp"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// Column roles, read from a table's header words.
const (
	colOther = iota
	colOffice
	colName
	colParty
	colStart
	colEnd
	colArea
	colCapital
)

func columnRole(h string) int {
	h = strings.ToLower(h)
	if f := strings.Fields(h); len(f) > 1 {
		h = f[0] // "Took office" → "took"
	}
	switch h {
	case "office", "position", "title", "portfolio", "ministry":
		return colOffice
	case "name", "incumbent", "holder", "officeholder", "minister", "leader":
		return colName
	case "party", "affiliation":
		return colParty
	case "since", "from", "start", "took", "date", "year", "in":
		return colStart
	case "until", "to", "end", "left":
		return colEnd
	case "region", "province", "oblast", "district", "division", "subdivision", "state", "county",
		"municipality", "prefecture", "canton", "department", "governorate":
		return colArea
	case "capital", "centre", "center", "seat":
		return colCapital
	}
	return colOther
}

// officeHeadPat matches a public office's title: optional ranks
// ("First Deputy", "Vice") and a head noun.
const officeHeadPat = `(?:(?:First|Second|Acting|Deputy|Vice|Executive|Chief|Foreign|Interior|Defen[cs]e|Finance|Justice|Senior|State|Federal|Reich|Lord|High)[ -])*(?:President|Prime Minister|Premier|Head of Government|Chancellor|Minister|Speaker|Chairman|Chairwoman|Chairperson|Chair|Governor[ -]General|Governor|Mayor|Regent|Viceroy|Grand Vizier|Caliph|Pharaoh|Doge|Stadtholder|Catholicos-Patriarch|Patriarch|Ombudsman|Prosecutor[ -]General|Attorney[ -]General|Chief Justice|Secretary|General Secretary|King|Queen|Emperor|Empress|Tsar|Czar|Shah|Emir|Sultan|Monarch|Supreme Leader)`

var officeRE = regexp.MustCompile(`^` + officeHeadPat + `\b`)

// splitRows splits each row of a table into cells aligned with its header.
// Dates are taken from the right end; the office is the leading run that
// reads as an office title (with "of" and one more word when present); the
// words between are divided into a name and a party by trying every cut and
// preferring the one whose parts also occur elsewhere in the document (a
// surname alone, a party name alone), with two-word names as a tie-break.
func splitRows(d *Document, idx wordIndex, t *Table) {
	roles := make([]int, len(t.Header))
	for i, h := range t.Header {
		roles[i] = columnRole(h)
	}
	col := func(role int) int {
		for i, r := range roles {
			if r == role {
				return i
			}
		}
		return -1
	}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		row.Cells = make([]Span, len(t.Header))
		text := d.Slice(row.Span)
		base := row.Span.Start
		end := len(text)
		dates := FindDates(text)
		for _, role := range []int{colEnd, colStart} {
			c := col(role)
			if c < 0 || len(dates) == 0 || role == colEnd && len(dates) < 2 && col(colStart) >= 0 {
				continue // one date under "Took office" and "Left office": the start
			}
			m := dates[len(dates)-1]
			if strings.TrimSpace(text[m.End:end]) != "" {
				continue
			}
			row.Cells[c] = Span{base + m.Start, base + m.End}
			dates = dates[:len(dates)-1]
			end = m.Start
		}
		// A date column before the last ("Portfolio Minister Took office
		// Party"): the row's last date is its cell, and what follows it
		// the party's.
		if sc, pc := col(colStart), col(colParty); sc >= 0 && row.Cells[sc].Len() == 0 && pc > sc && len(dates) > 0 {
			m := dates[len(dates)-1]
			if tail := strings.TrimSpace(text[m.End:end]); tail != "" {
				row.Cells[sc] = Span{base + m.Start, base + m.End}
				k := strings.Index(text[m.End:end], tail)
				row.Cells[pc] = Span{base + m.End + k, base + m.End + k + len(tail)}
				end = m.Start
				dates = dates[:len(dates)-1]
			}
		}
		rest := strings.TrimRight(text[:end], " \t")
		if ac, cc := col(colArea), col(colCapital); ac >= 0 && cc >= 0 {
			splitAreaRow(row, base, rest, ac, cc)
			continue
		}
		start := 0
		if c := col(colOffice); c >= 0 {
			if oe := officeExtent(rest); oe > 0 {
				if col(colParty) < 0 && col(colName) >= 0 {
					oe = portfolioTail(rest, oe)
				}
				row.Cells[c] = Span{base, base + oe}
				start = oe
			}
		}
		words := tokensOf(rest[start:])
		if len(words) == 0 {
			continue
		}
		nameCol, partyCol := col(colName), col(colParty)
		if partyCol >= 0 && row.Cells[partyCol].Len() > 0 {
			partyCol = -1 // already read after the date
		}
		cut := len(words)
		if partyCol >= 0 && nameCol >= 0 {
			cut = bestCut(d, idx, row.Span, rest[start:], words)
		}
		if nameCol >= 0 {
			row.Cells[nameCol] = Span{base + start + words[0].Start, base + start + words[cut-1].End}
		}
		if partyCol >= 0 && cut < len(words) {
			row.Cells[partyCol] = Span{base + start + words[cut].Start, base + start + words[len(words)-1].End}
		}
	}
}

// bestCut chooses where a row's name ends and its party begins.
func bestCut(d *Document, idx wordIndex, row Span, s string, words []Span) int {
	// elsewhere says whether phrase occurs outside the row standing alone:
	// not run on from or into another capitalized word ("Contract" in
	// "Civil Contract" does not count for "Contract").
	elsewhere := func(phrase string) bool {
		first := phrase
		if k := strings.IndexByte(phrase, ' '); k > 0 {
			first = phrase[:k]
		}
		for _, at := range idx[first] {
			end := at + len(phrase)
			if !strings.HasPrefix(d.Text[at:], phrase) || at >= row.Start && at < row.End {
				continue
			}
			from := max(0, at-60)
			before := strings.TrimRight(d.Text[from:at], " ")
			if len(before) < at-from {
				if f := strings.Fields(before); len(f) > 0 && startsUpper(f[len(f)-1]) && !strings.ContainsAny(f[len(f)-1], ".,;:") && len(before) > 0 && before[len(before)-1] != '.' {
					continue
				}
			} else if at > 0 && isWordByte(d.Text[at-1]) {
				continue
			}
			after := d.Text[end:]
			if len(after) > 0 && isWordByte(after[0]) {
				continue
			}
			if strings.HasPrefix(after, " ") && startsUpper(strings.TrimLeft(after, " ")) {
				continue
			}
			return true
		}
		return false
	}
	best, bestScore := len(words), -1.0
	for cut := 1; cut <= len(words); cut++ {
		name := s[words[0].Start:words[cut-1].End]
		score := 0.0
		nw := cut
		switch {
		case nw == 2:
			score += 1.5
		case nw == 3:
			score += 0.5
		case nw > 4:
			score -= 2
		}
		if elsewhere(s[words[cut-1].Start:words[cut-1].End]) {
			score += 2 // the surname recurs
		}
		if !isNameToken(name) {
			score -= 3
		}
		if _, ok := gazetteer.CountryByDemonym(s[words[cut-1].Start:words[cut-1].End]); ok {
			score -= 3 // "Georgian" begins "Georgian Dream", it ends no name
		}
		if cut < len(words) {
			party := s[words[cut].Start:words[len(words)-1].End]
			if elsewhere(party) {
				score += 2
			}
			if partyWordRE.MatchString(party) {
				score += 2
			}
			if dashOnlyRE.MatchString(party) {
				score += 3
			}
		}
		if score > bestScore {
			best, bestScore = cut, score
		}
	}
	return best
}

var (
	partyWordRE = regexp.MustCompile(`\b(?:Party|Union|Front|Movement|Alliance|Bloc|Congress|League|Coalition|Independent|Dream|Contract|Platform|Democrats|Republicans|Socialists|Communists|Greens)\b`)
	dashOnlyRE  = regexp.MustCompile(`^[-–—]$`)
)

// isNameToken says whether every word of s starts with an upper-case letter.
func isNameToken(s string) bool {
	for _, w := range strings.Fields(s) {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// officeExtent returns the length of the office title that s starts with,
// or 0: the title ("Deputy Prime Minister"), a second title joined by
// "and" ("President and Prime Minister"), and its complement — "of" a
// country, or "of"/"for" portfolio words ("for Education, Health and
// Tourism") — up to the holder's name.
func officeExtent(s string) int {
	loc := officeRE.FindStringIndex(s)
	if loc == nil {
		return 0
	}
	end := loc[1]
	if strings.HasPrefix(s[end:], " and ") {
		if l2 := officeRE.FindStringIndex(s[end+5:]); l2 != nil {
			end += 5 + l2[1]
		}
	}
	rest := s[end:]
	if !strings.HasPrefix(rest, " of ") && !strings.HasPrefix(rest, " for ") {
		return end
	}
	if k := countryEnd(rest); k > 0 && !strings.Contains(rest[:k], ",") {
		return end + k
	}
	last := -1
	toks := tokensOf(rest)
	for i, t := range toks {
		w := rest[t.Start:t.End]
		switch {
		case w == "of" || w == "for" || w == "the" || w == "and" || w == ",":
			continue
		case portfolioWords[w]:
			last = t.End
			continue
		}
		if last < 0 && i > 0 && startsUpper(w) {
			return end + t.End // "President of Armenia": one word after "of"
		}
		break
	}
	if last < 0 {
		return end
	}
	return end + last
}

// portfolioTail extends an office title that stops inside its portfolio
// ("Deputy Prime Minister for Oil and Gas Baymyrat Hojamuhammedov", where
// "Oil" and "Gas" are no known portfolio words) in a row whose only other
// cell is the holder's name: the name is the last two words (three when
// the middle one is a patronymic), and the capitalized words and
// connectors between belong to the title. oe is officeExtent's end.
func portfolioTail(rest string, oe int) int {
	title := rest[:oe]
	if !strings.Contains(title, " for ") && !strings.Contains(title, " of ") && !strings.HasSuffix(title, " for") {
		if !strings.HasPrefix(rest[oe:], " for ") {
			return oe
		}
	}
	toks := tokensOf(rest[oe:])
	k := 2
	if len(toks) >= 3 && patronymicRE.MatchString(rest[oe+toks[len(toks)-2].Start:oe+toks[len(toks)-2].End]) {
		k = 3
	}
	if len(toks) <= k {
		return oe
	}
	for _, t := range toks[len(toks)-k:] {
		if !startsUpper(rest[oe+t.Start : oe+t.End]) {
			return oe
		}
	}
	between := toks[:len(toks)-k]
	for _, t := range between {
		w := rest[oe+t.Start : oe+t.End]
		if !startsUpper(w) && w != "and" && w != "for" && w != "of" && w != "the" && w != "," {
			return oe
		}
	}
	last := rest[oe+between[len(between)-1].Start : oe+between[len(between)-1].End]
	if !startsUpper(last) {
		return oe
	}
	return oe + between[len(between)-1].End
}

// patronymicRE matches an East Slavic or Turkic patronymic, the middle
// word of a three-word name ("Sukhan Babayevich Babayev").
var patronymicRE = regexp.MustCompile(`(?:vich|vych|vna|wiç|wna|ovic|oglu|ogly|uly|kyzy|qizi|ovna|evna|ichna)$`)

// areaUnitRE matches the words that end a division's name.
var areaUnitRE = regexp.MustCompile(`^(?:Region|Province|Oblast|District|Governorate|County|Krai|Okrug|Republic|Municipality|Territory|Prefecture|Canton|Voivodeship|Velayat|Viloyat)$`)

// splitAreaRow splits "Akmola Region Kokshetau 146,219 738,587" under a
// "Region Capital Area Population" header: numbers are dropped from the
// right, the division's name ends with its unit word ("Region") or else is
// the first half of the words, the capital is the rest.
func splitAreaRow(row *Row, base int, rest string, ac, cc int) {
	words := tokensOf(rest)
	for len(words) > 0 {
		w := rest[words[len(words)-1].Start:words[len(words)-1].End]
		if !strings.ContainsAny(w[:1], "0123456789,.%()") && w != "–" && w != "-" {
			break
		}
		words = words[:len(words)-1]
	}
	if len(words) < 2 {
		return
	}
	cut := (len(words) + 1) / 2
	for i, t := range words[:len(words)-1] {
		if areaUnitRE.MatchString(rest[t.Start:t.End]) {
			cut = i + 1
		}
	}
	row.Cells[ac] = Span{base + words[0].Start, base + words[cut-1].End}
	row.Cells[cc] = Span{base + words[cut].Start, base + words[len(words)-1].End}
}

// wordIndex maps each word of a text to the offsets where it occurs, so
// that looking a phrase up costs its occurrences, not the text's length.
type wordIndex map[string][]int

func indexWords(text string) wordIndex {
	idx := wordIndex{}
	for _, t := range tokensOf(text) {
		w := text[t.Start:t.End]
		idx[w] = append(idx[w], t.Start)
		// "Medvedev's", "Kassym-Jomart": the word's first part is a word too.
		if k := strings.IndexAny(w, "'’-/."); k > 0 {
			idx[w[:k]] = append(idx[w[:k]], t.Start)
		}
	}
	return idx
}
