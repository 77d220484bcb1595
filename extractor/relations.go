package extractor

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// dateAt returns the first date in s.
func dateAt(s string) (Date, bool) {
	ds := FindDates(s)
	if len(ds) == 0 {
		return Date{}, false
	}
	return ds[0].Date, true
}

func startQual(s string) []Qualifier {
	if d, ok := dateAt(s); ok {
		return []Qualifier{{StartTime, DateOf(d)}}
	}
	return nil
}

var (
	swornRE   = pat(`({NAME})(?:,[^,]{1,80},)?(?:,? who)? (?:was|has been|had been|is) (?:sworn in|inaugurated|elected|appointed|installed|confirmed|re-elected|reelected|named) (?:as |to the (?:post|position|office) of )?(?:the )?(?:new )?(?:` + ordinalPat + ` )?({OFF})(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)
	becameRE  = pat(`({NAME})(?:, (?:the )?(?:leader|chairman|chairwoman|head|founder|member) of (?:the )?{NP}(?: \([^)]*\))?,)? (?:became|becomes|took office as|assumed (?:the )?(?:office|post|position) of|(?:was )?(?:called|invited|asked|chosen|nominated)\b[^.;]{0,60}? to (?:hold|take|assume|fill|take up) (?:the )?(?:position|post|office) of) (?:the )?(?:new )?(?:` + ordinalPat + ` )?({OFF})(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)
	servedRE  = pat(`({NAME}),? who (?:had |has )?(?:served|serves|was serving) as (?:the )?({OFF})`)
	currentRE = pat(`({OFF}),? (?:currently|presently|now|incumbent) ({NAME})`)
	isHolder  = pat(`(?:[Cc]urrent|[Ii]ncumbent|[Mm]ost recent|[Pp]resent|[Nn]ew) ({OFF}) (?:is|was) ({NAME})`)
	currentAt = regexp.MustCompile(`^(?:` + currentRE.String() + `)`)
	// "X is the Prime Minister of Armenia", "X has been Prime Minister since 2018".
	isOfficeRE = pat(`({NAME})(?: \([^)]*\))?(?:,? of the {NP}(?: \([^)]*\))?,?|, (?:the )?(?:leader|chairman|chairwoman|head|founder|member) of (?:the )?{NP},)?,? (?:is|has been|was|had been) (?:the )?(?:current |incumbent |new )?(?:` + ordinalPat + ` )?({OFF})(?: since ({DATE}))?(?: from ({DATE}) (?:to|until) ({DATE}))?`)
	// "The Prime Minister of Armenia is X".
	officeIsRE = pat(`\b[Tt]he ({OFF}) (?:is|has been) ({NAME})`)
	// "X served as Prime Minister from 2008 to 2013", "… has served as … since 2018".
	servedFromRE = pat(`({NAME})(?: \([^)]*\))?(?:[^.;]{0,80}?)\b(?:served|has served|serves|was serving) as (?:the )?(?:` + ordinalPat + ` )?({OFF})(?: (?:from|since) ({DATE}))?(?: (?:to|until) (?:(?:his|her) (?:death|resignation|retirement|removal|ouster|assassination) (?:in|on) )?({DATE}))?`)
	// "In 2017, Mirziyoyev appointed Abdulla Aripov as Prime Minister".
	appointedAsRE = pat(`({NAME}) (?:appointed|named|nominated) ({NAME}) as (?:the )?(?:new )?({OFF})(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)
	pronounRE     = pat(`\b(?:[Hh]e|[Ss]he) (?:was|has been|had been|is|became) (?:(?:sworn in|inaugurated|elected|appointed|re-elected|reelected|named) )?(?:as )?(?:the )?(?:new )?(?:` + ordinalPat + ` )?({OFF})(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)
	// "…, succeeding Fumio Kishida", right after a holder's office and date.
	succeedingRE = pat(`^,? (?:succeeding|replacing) ({NAME})`)
	// "He was succeeded by Paul von Hindenburg": the successor holds the
	// office the predecessor was last said to hold.
	succeededByRE = pat(`\b(?:([Hh]e|[Ss]he)|({NAME})(?:,[^,]{1,80},)?) was (?:succeeded|replaced|followed) by ({NAME})(?: as (?:the )?({OFF}))?`)
	replaced      = pat(`({NAME}) (?:replaced|succeeded) ({NAME})(?: \([^)]*\))? as (?:the )?({OFF})(?: (?:in|on) ({DATE}))?`)
)

// leadDateRE matches a date that opens a sentence: "In 2018, ", "On 5 May 1995 ".
var leadDateRE = regexp.MustCompile(`^\s*(?:In|On|By|Since) (?:\d{1,2} )?(?:[A-Z][a-z]+ )?(?:\d{1,2}, )?\d{4},? $`)

const ordinalPat = `(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))`

// holders reads who holds which office: "X was sworn in as Y on DATE",
// "X became Y in DATE", "X, who had served as Y", "the President,
// currently X", "The most recent Prime Minister is X".
func (x *extraction) holders() {
	if !x.has("sworn", "inaugurated", "elected", "appointed", "named", "nominated", "installed", "confirmed", "became", "becomes", "took office", "assumed", "position of", "post of", "office of", "served as", "serves as", "serving as", "current", "presently", "now ", "incumbent", "most recent", "present ", "new ", "replaced", "succeeded", " is ", " has been ", " was ", " had been ") {
		return
	}
	if !x.has(officeKeys...) {
		return // every pattern below names an office
	}
	sworn := x.near(swornRE, 200, "sworn", "inaugurated", "elected", "appointed", "installed", "confirmed", "named")
	became := x.near(becameRE, 80, "became", "becomes", "took office", "assumed", "position of", "post of", "office of")
	for _, ms := range [][][]int{sworn, became} {
		for _, m := range ms {
			p := x.resolve(m[2], m[3], Person)
			if p == nil || p.Type != Person {
				continue
			}
			off := x.officeAt(m[4], m[5])
			var q []Qualifier
			if m[6] >= 0 {
				q = startQual(x.text[m[6]:m[7]])
			} else if lead := leadDateRE.FindString(x.text[:m[0]]); lead != "" {
				q = startQual(lead) // "In 2018, X became Prime Minister"
			}
			// "…, succeeding Fumio Kishida": whom the holder replaced,
			// who held the office until then.
			if s := findFirst(succeedingRE, x.text[m[1]:]); s != nil && off != nil {
				if prev := x.resolve(m[1]+s[2], m[1]+s[3], Person); prev != nil && prev.Type == Person && prev != p {
					q = append(q, Qualifier{Replaces, ref(prev)})
					var end []Qualifier
					for _, qq := range q {
						if qq.Relation == StartTime {
							end = append(end, Qualifier{EndTime, qq.Value})
						}
					}
					x.sfact(prev, PositionHeld, ref(off), end...)
				}
			}
			x.sfact(p, PositionHeld, ref(off), q...)
		}
	}
	for _, m := range x.near(appointedAsRE, 120, "appointed", "named", "nominated") {
		p := x.resolve(m[4], m[5], Person)
		if p == nil || p.Type != Person {
			continue
		}
		var q []Qualifier
		if m[8] >= 0 {
			q = startQual(x.text[m[8]:m[9]])
		} else if lead := leadDateRE.FindString(x.text[:m[0]]); lead != "" {
			q = startQual(lead)
		}
		x.sfact(p, PositionHeld, ref(x.officeAt(m[6], m[7])), q...)
	}
	for _, m := range x.near(isOfficeRE, 80, " is ", " has been ", " was ", " had been ") {
		p := x.resolve(m[2], m[3], Person) // "X is the Prime Minister": a person
		if p == nil || p.Type != Person {
			continue
		}
		off := x.officeAt(m[4], m[5])
		q := x.termQuals(m[6], m[7], m[8], m[9], m[10], m[11])
		if len(q) == 0 {
			q = x.termAfter(m[3]) // "Petru Lucinschi (in office 1997–2001) was …"
		}
		if len(q) == 0 {
			q = x.termAfter(m[5]) // "… is the current president, in office since D"
		}
		x.sfact(p, PositionHeld, ref(off), q...)
		// "X is Prime Minister", "X has been Prime Minister since 2021":
		// the present holder, unless a term's end is given.
		if verb := x.text[m[3]:m[4]]; off != nil && m[10] < 0 && (strings.Contains(verb, " is ") || strings.Contains(verb, " has been ")) {
			x.headOf(off, p, x.sent.Span, x.sent.Cites)
		}
	}
	for _, m := range x.near(officeIsRE, 80, " is ", " has been ") {
		off := x.officeAt(m[2], m[3])
		if p := x.resolve(m[4], m[5], Person); p != nil && p.Type == Person && off != nil {
			x.sfact(p, PositionHeld, ref(off))
		}
	}
	for _, m := range x.near(servedFromRE, 120, "served as", "serves as", "serving as") {
		p := x.resolve(m[2], m[3], Person)
		if p == nil || p.Type != Person {
			continue
		}
		off := x.officeAt(m[4], m[5])
		q := x.termQuals(m[6], m[7], -1, -1, m[8], m[9])
		if len(q) == 0 {
			q = x.termAfter(m[5]) // "served as President of Moldova (1990–1997)"
		}
		x.sfact(p, PositionHeld, ref(off), q...)
		// "X has served as Head of Government since 2021": the present
		// holder.
		if verb := x.text[m[3]:m[4]]; off != nil && m[8] < 0 && (strings.Contains(verb, "has served as") || strings.Contains(verb, "serves as")) {
			x.headOf(off, p, x.sent.Span, x.sent.Cites)
		}
	}
	// "… he was elected Chairman of the Supreme Council": the person last
	// named before the pronoun.
	if x.lastPerson != nil {
		for _, m := range x.near(pronounRE, 40, "he ", "she ") {
			off := x.officeAt(m[2], m[3])
			var q []Qualifier
			if m[4] >= 0 {
				q = startQual(x.text[m[4]:m[5]])
			}
			x.sfact(x.lastPerson, PositionHeld, ref(off), q...)
		}
	}
	for _, m := range x.near(servedRE, 80, "served as", "serves as", "serving as") {
		if p := x.resolve(m[2], m[3], Person); p != nil && p.Type == Person {
			x.sfact(p, PositionHeld, ref(x.officeAt(m[4], m[5])))
		}
	}
	current := x.anchored(currentAt, officeStart)
	holder := x.near(isHolder, 20, "current", "incumbent", "most recent", "present", "new ")
	for _, ms := range [][][]int{current, holder} {
		for _, m := range ms {
			off := x.officeAt(m[2], m[3])
			p := x.resolve(m[4], m[5], Person)
			if p == nil || p.Type != Person || off == nil {
				continue
			}
			x.sfact(p, PositionHeld, ref(off))
			x.headOf(off, p, x.sent.Span, x.sent.Cites)
			x.bodyHead(off, p)
		}
	}
	for _, m := range x.near(replaced, 80, "replaced", "succeeded") {
		newP := x.resolve(m[2], m[3], Person)
		oldP := x.resolve(m[4], m[5], Person)
		off := x.officeAt(m[6], m[7])
		if newP == nil || oldP == nil || off == nil || newP.Type != Person || oldP.Type != Person {
			continue
		}
		// "In May 2000, A replaced B as Prime Minister": A's term begins and
		// B's ends then; A's statement names whom it replaces.
		var start, end []Qualifier
		when := ""
		if m[8] >= 0 {
			when = x.text[m[8]:m[9]]
		} else if lead := leadDateRE.FindString(x.text[:m[0]]); lead != "" {
			when = lead
		}
		if d, ok := dateAt(when); ok {
			start = []Qualifier{{StartTime, DateOf(d)}}
			end = []Qualifier{{EndTime, DateOf(d)}}
		}
		x.sfact(newP, PositionHeld, ref(off), append(start, Qualifier{Replaces, ref(oldP)})...)
		x.sfact(oldP, PositionHeld, ref(off), end...)
	}
}

var (
	// "X won the country's presidential election", "a presidential
	// election … that gave 83% of the votes to X".
	wonPresidencyRE  = pat(`({NAME})(?:, [^,]{1,80},)? (?:won|wins|had won|was the winner of) (?:the |a )?(?:country\x01s |\d{4} )?presidential (?:election|elections|race|vote|runoff)`)
	gavePresidencyRE = pat(`\bpresidential (?:election|elections|vote|runoff)\b[^.;]{0,60}? (?:gave|giving) [^.;]{0,30}?\bto ({NAME})`)
)

// presidentialWinners reads who won the country's presidency in an
// election: the country's President, unless the sentence names another
// country.
func (x *extraction) presidentialWinners() {
	if !x.has("presidential") || x.r.country == nil {
		return
	}
	for _, mm := range x.ments {
		if mm.e.Type == Country && mm.e != x.r.country {
			return // "… won the 2016 presidential election in the United States"
		}
	}
	var names [][2]int
	for _, m := range x.near(wonPresidencyRE, 160, "presidential") {
		names = append(names, [2]int{m[2], m[3]})
	}
	for _, m := range x.near(gavePresidencyRE, 20, "presidential") {
		names = append(names, [2]int{m[2], m[3]})
	}
	for _, n := range names {
		def := Type("")
		if strings.Contains(x.raw(n[0], n[1]), " ") {
			def = Person
		}
		p := x.resolve(n[0], n[1], def)
		if p == nil || p.Type != Person {
			continue
		}
		if off := x.officeEntity("President", x.span(n[0], n[1])); off != nil {
			x.sfact(p, PositionHeld, ref(off))
		}
	}
}

// thePostRE matches an appointment to an office named before: "X was
// appointed for the post by President Y".
var thePostRE = pat(`({NAME}) was (?:appointed|nominated|named|elected|chosen) (?:for|to) the (?:post|position|office)\b(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)

// thePost reads "X was appointed for the post": the office the text last
// said someone held, in an earlier sentence.
func (x *extraction) thePost() {
	if !x.has("the post", "the position", "the office") {
		return
	}
	for _, m := range x.near(thePostRE, 80, "the post", "the position", "the office") {
		i := m[2]
		if loc := officeRE.FindStringIndex(x.raw(m[2], m[3])); loc != nil && m[2]+loc[1] < m[3] {
			i = m[2] + loc[1] + 1 // "Finance Minister Zurab Nogaideli"
		}
		p := x.resolve(i, m[3], Person)
		if p == nil || p.Type != Person {
			continue
		}
		off := x.lastHeld(func(f Fact) bool { return f.Evidence != x.sent.Span })
		if off == nil {
			continue
		}
		var q []Qualifier
		if m[4] >= 0 {
			q = startQual(x.text[m[4]:m[5]])
		}
		x.sfact(p, PositionHeld, ref(off), q...)
	}
}

// successions reads "He was succeeded by Y", "X was replaced by Y (as
// Z)": Y holds the office X was last said to hold, or the one named.
func (x *extraction) successions() {
	if !x.has("succeeded by", "replaced by", "followed by") {
		return
	}
	for _, m := range x.near(succeededByRE, 120, "succeeded by", "replaced by", "followed by") {
		var oldP *Entity
		if m[2] >= 0 {
			oldP = x.lastPerson
		} else {
			oldP = x.resolve(m[4], m[5], Person)
		}
		// A successor not named before needs a full name ("Daniel" alone
		// is no one).
		def := Type("")
		if strings.Contains(x.raw(m[6], m[7]), " ") {
			def = Person
		}
		newP := x.resolve(m[6], m[7], def)
		if oldP == nil || newP == nil || oldP.Type != Person || newP.Type != Person || oldP == newP {
			continue
		}
		var off *Entity
		if m[8] >= 0 {
			off = x.officeAt(m[8], m[9])
		} else {
			off = x.lastOffice(oldP)
		}
		if off != nil {
			x.sfact(newP, PositionHeld, ref(off), Qualifier{Replaces, ref(oldP)})
		}
	}
}

// lastOffice returns the office p was last said to hold, if any.
func (x *extraction) lastOffice(p *Entity) *Entity {
	return x.lastHeld(func(f Fact) bool { return f.Subject == p.ID })
}

// lastHeld returns the office of the last position-held fact that keep
// accepts, if any.
func (x *extraction) lastHeld(keep func(Fact) bool) *Entity {
	for k := len(x.facts) - 1; k >= 0; k-- {
		f := x.facts[k]
		if f.Relation == PositionHeld && f.Object.Kind == EntityValue && keep(f) {
			return x.r.byID[f.Object.Entity]
		}
	}
	return nil
}

// termQuals reads start and end qualifiers from the sentence offsets of a
// "since" date, a "from" date and a "to" date (-1 when absent).
func (x *extraction) termQuals(si, sj, fi, fj, ti, tj int) []Qualifier {
	var q []Qualifier
	for _, g := range [][2]int{{si, sj}, {fi, fj}} {
		if g[0] >= 0 {
			if d, ok := dateAt(x.text[g[0]:g[1]]); ok && len(q) == 0 {
				q = append(q, Qualifier{StartTime, DateOf(d)})
			}
		}
	}
	if ti >= 0 {
		if d, ok := dateAt(x.text[ti:tj]); ok {
			q = append(q, Qualifier{EndTime, DateOf(d)})
		}
	}
	return q
}

// officeAt resolves the office written at sentence offsets [i, j).
func (x *extraction) officeAt(i, j int) *Entity {
	if e := x.at(i, j); e != nil && e.Type == Office {
		return e
	}
	return x.officeEntity(x.raw(i, j), x.span(i, j))
}

// bodyHeadRE matches offices that head a body: "Speaker of the Parliament
// of Georgia", "Chairman of the Supreme Council of Armenia".
var bodyHeadRE = regexp.MustCompile(`^(?:Speaker|Chairman|Chairwoman|Chairperson|Chair|Head|Leader|Director|Secretary|President) of (?:the )?(.+)$`)

// bodyHead records, for an office that heads a known body, that the body
// is headed by that office and, when p is given, that p chairs it now.
func (x *extraction) bodyHead(off, p *Entity) {
	if off == nil {
		return
	}
	m := bodyHeadRE.FindStringSubmatch(off.Name)
	if m == nil {
		return
	}
	body := x.knownBody(m[1])
	if body == nil || body.Type == Country {
		return
	}
	x.sfact(body, LeaderOffice, ref(off))
	if p != nil {
		x.sfact(body, Chairperson, ref(p))
	}
}

// headOf records that p, the current holder of office off, is the
// country's head of state or government when the office is.
func (x *extraction) headOf(off, p *Entity, ev Span, cites []int) {
	c := x.r.country
	if c == nil || off == nil || !strings.HasSuffix(off.Name, x.r.ofCountry) {
		return
	}
	// The offices the text declares heads of state or government ("the
	// Chairman of the Cabinet of Ministers is head of government") count
	// as much as the usual titles.
	declared := map[Relation]bool{}
	otherHead := false // another office is declared head of government
	for _, f := range x.facts {
		if f.Subject == c.ID && f.Object.Kind == EntityValue && f.Object.Entity == off.ID {
			declared[f.Relation] = true
		}
		if f.Subject == c.ID && f.Relation == HeadOfGovernmentOffice && f.Object.Kind == EntityValue && f.Object.Entity != off.ID {
			otherHead = true
		}
	}
	title := strings.TrimSuffix(off.Name, x.r.ofCountry)
	state := declared[HeadOfStateOffice] || title == "President" || title == "King" || title == "Queen" || title == "Emir" || title == "Sultan" || title == "Monarch" || title == "Emperor" || title == "Empress" || title == "Tsar" || title == "Shah"
	if state {
		x.fact(c, HeadOfState, ref(p), ev, cites)
		x.fact(c, HeadOfStateOffice, ref(off), ev, cites)
	}
	// A president can be declared head of government too ("both the head
	// of state and the head of government").
	// A prime minister heads the government unless the text gave that
	// to another office ("the President is both head of state and head of
	// government").
	if declared[HeadOfGovernmentOffice] || !state && !otherHead && (title == "Prime Minister" || title == "Premier" || title == "Chancellor" || title == "Head of Government") {
		x.fact(c, HeadOfGovernment, ref(p), ev, cites)
		x.fact(c, HeadOfGovernmentOffice, ref(off), ev, cites)
	}
}

var (
	execRE  = pat(`(?i:executive) (?:power|authority) (?:is|was|shall be) (?:exercised|vested|held) (?:by|in) ((?:both )?(?:the )?[^.;]+)`)
	legisRE = pat(`(?i:legislative) (?:power|authority) (?:is|was|shall be) (?:exercised|vested|held) (?:by|in) ((?:both )?(?:the )?[^.;]+)`)
	knownAs = pat(`(?i:the legislature|the parliament|the national legislature),? (?:known as|called) (?:the )?({NP})`)
	hosRE   = pat(`(?:(who) )?(?:is|as|was|serves as) (?:both )?(?:the )?(?:\S+\x01s )?(?:\w+ )?head of state|(,) the head of state`)
	// "… is both the head of state and the head of government".
	hogRE    = pat(`(?:(who) )?(?:is|as|was|serves as) (?:the )?(?:\S+\x01s )?(?:\w+ )?head of government|(,) the head of government|(?:is|as|was|serves as) (?:both )?(?:the )?head of state and (?:also )?(?:the )?head of government`)
	wieldRE  = regexp.MustCompile(`(?:^|[,;:]\s*)([^,;:]{1,80}?) (?:wield|wields|exercise|exercises|hold|holds) (?:the )?(executive|legislative) (?:power|authority)`)
	supremeR = pat(`(?:top of the judicial hierarchy|highest (?:court|judicial (?:body|authority|organ))|supreme judicial)`)
)

// powers reads which bodies hold the state's powers: "Executive power is
// exercised by the government", "Legislative power is vested in …
// parliament", "X is head of state", "the Prime Minister, the head of
// government", the highest court.
func (x *extraction) powers() {
	c := x.r.country
	if c == nil {
		return
	}
	if !x.has("executive", "legislat", "head of state", "head of government", "judicial", "highest", "supreme") {
		return
	}
	// "The President and the Government wield executive power".
	for _, m := range x.near(wieldRE, 120, "executive", "legislative") {
		legis := strings.HasPrefix(x.text[m[4]:m[5]], "legislative")
		for _, mm := range x.mentionsIn(m[2], m[3]) {
			if mm.e.Type != GovernmentOrganization {
				continue
			}
			isLegis := legislatureRE.MatchString(mm.e.Name + " " + strings.Join(mm.e.Aliases, " "))
			switch {
			case legis && isLegis:
				x.sfact(c, LegislativeBody, ref(mm.e))
			case !legis && !isLegis:
				x.sfact(c, ExecutiveBody, ref(mm.e))
			}
		}
	}
	if m := first(x.near(execRE, 4, "executive")); m != nil {
		for _, mm := range x.mentionsIn(m[2], m[3]) {
			if mm.e.Type == GovernmentOrganization && !legislatureRE.MatchString(mm.e.Name) {
				x.sfact(c, ExecutiveBody, ref(mm.e))
			}
		}
	}
	if m := first(x.near(legisRE, 4, "legislative")); m != nil {
		for _, mm := range x.mentionsIn(m[2], m[3]) {
			if mm.e.Type == GovernmentOrganization && legislatureRE.MatchString(mm.e.Name+" "+strings.Join(mm.e.Aliases, " ")) {
				x.sfact(c, LegislativeBody, ref(mm.e))
			}
		}
	}
	if m := x.findFirst(knownAs); m != nil {
		if e := x.resolve(m[2], m[3], GovernmentOrganization); e != nil {
			x.sfact(c, LegislativeBody, ref(e))
		}
	}
	for _, re := range []*regexp.Regexp{hosRE, hogRE} {
		for _, m := range x.near(re, 60, "head of state", "head of government") {
			// "X, the head of government", "X is the head of state", "X,
			// who serves as the head of government": the office named just
			// before; "X …, chairs … and serves as the head of government":
			// the sentence's subject.
			var off *Entity
			for _, mm := range x.ments {
				if mm.e.Type == Office && mm.end <= m[0] {
					off = mm.e
				}
			}
			serves := strings.Contains(x.text[m[0]:m[1]], "serves as") && m[2] < 0
			if serves || off == nil {
				off = x.subject
			}
			if off == nil || off.Type != Office {
				continue
			}
			if re == hosRE {
				x.sfact(c, HeadOfStateOffice, ref(off))
			} else {
				x.sfact(c, HeadOfGovernmentOffice, ref(off))
			}
		}
	}
	if x.has("judicial", "highest", "supreme") && supremeR.MatchString(x.text) {
		for _, mm := range x.ments {
			if mm.e.Type == GovernmentOrganization && strings.Contains(mm.e.Name, "Court") {
				x.sfact(c, HighestCourt, ref(mm.e))
				break
			}
		}
	}
	for _, mm := range x.ments {
		if mm.e.Type == GovernmentOrganization && strings.HasPrefix(mm.e.Name, "Supreme Court of "+c.Name) {
			x.sfact(c, HighestCourt, ref(mm.e))
		}
	}
}

// first returns the first of ms, or nil.
func first(ms [][]int) []int {
	if len(ms) == 0 {
		return nil
	}
	return ms[0]
}

// mentionsIn returns the mentions within sentence offsets [i, j).
func (x *extraction) mentionsIn(i, j int) []mention {
	var out []mention
	for _, m := range x.ments {
		if m.start >= i && m.end <= j {
			out = append(out, m)
		}
	}
	return out
}

var appointsRE = pat(`\b(?:[Tt]he )?({OFF}) (?:appoints|nominates|names) (?:the |a |an )?({OFF})`)

var appointedRE = pat(`^(.*?)\b(?:is|are|was|were|shall be) (?:also )?(?:appointed|nominated|named) by (?:the )?({OFF})`)

// appointedBy reads "The prime minister and first deputy prime minister
// are appointed by the president": each office named before the verb is
// appointed by the one after.
func (x *extraction) appointedBy() {
	if !x.has("appointed by", "nominated by", "named by", "appoints", "nominates") {
		return
	}
	for _, m := range x.findAll(appointsRE) {
		by, off := x.officeAt(m[2], m[3]), x.officeAt(m[4], m[5])
		if by != nil && off != nil && by != off {
			x.sfact(off, AppointedBy, ref(by))
		}
	}
	m := x.findFirst(appointedRE)
	if m == nil {
		return
	}
	by := x.officeAt(m[4], m[5])
	for _, mm := range x.mentionsIn(m[2], m[3]) {
		if mm.e.Type == Office && by != nil {
			x.sfact(mm.e, AppointedBy, ref(by))
		}
	}
}

var (
	chairsRE       = pat(`(?:chairs|chaired|heads|headed|leads|led|presides over|presided over) (?:the )?({NP})`)
	personChairsRE = pat(`({NAME})(?:, [^,]{1,80},)? (?:chairs|heads|leads) (?:the )?({NP})`)
)

// chairs reads "the prime minister … chairs the Council of Ministers": the
// body's head holds that office.
func (x *extraction) chairs() {
	if !x.has("chairs", "chaired", "heads ", "headed", "leads ", " led ", "presides", "presided") {
		return
	}
	// "Igor Grosu, the Speaker of Parliament, chairs the Party of Action
	// and Solidarity": the party's chair and member.
	for _, m := range x.near(personChairsRE, 120, "chairs", "heads ", "leads ") {
		def := Type("")
		if strings.Contains(x.raw(m[2], m[3]), " ") {
			def = Person
		}
		org := x.resolve(m[4], m[5], "")
		if org == nil || org.Type != PoliticalParty {
			continue
		}
		if p := x.resolve(m[2], m[3], def); p != nil && p.Type == Person {
			x.sfact(org, Chairperson, ref(p))
			x.sfact(p, PartyMembership, ref(org))
		}
	}
	if x.subject == nil || x.subject.Type != Office {
		return
	}
	for _, m := range x.findAll(chairsRE) {
		if org := x.resolve(m[2], m[3], ""); org != nil && org.Type == GovernmentOrganization {
			x.sfact(org, LeaderOffice, ref(x.subject))
		}
	}
}

var (
	hasSeatsRE      = pat(`\b(?:has|had|have|consists of|comprises|consisting of|composed of|made of|made up of|with|whose) (?:a total of |only )?{NUM} (seats|members|deputies|judges|senators|representatives|justices|MPs)\b`)
	seatsMoveRE     = pat(`\b(?:reduced|increased|raised|cut|expanded|enlarged|changed) from (?:the (?:original|previous|former) )?{NUM} (?:members|seats|deputies|MPs)? ?to {NUM}`)
	thereAreRE      = pat(`There (?:are|were) {NUM} (?:judges|members|justices|seats|deputies) (?:on|in|of) (?:the )?({NP})`)
	nMemberRE       = pat(`\b{NUM}-(?:member|seat) (?:\w+ )?({NP})`)
	nMemberTermedRE = pat(`\b{NUM}-(?:member|seat) (?:\w+ )?(?:parliament|legislature|assembly),? (?:termed|called|named|known as) (?:the )?({NP})`)
	parenSeatsRE    = pat(`({NP}) \((?:[^();]*?\b)?(?:up to |of up to )?{NUM} (?:seats|members|judges|justices|deputies|delegates|senators)\b`)
	chambersRE      = pat(`\b(?:has|have|consists of|comprises) {NUM} (?:chambers|houses)\b`)
	seatSubject     = map[Type]bool{GovernmentOrganization: true, Organization: true, PoliticalParty: true}
)

// seats reads "X has 98 seats", "There are 65 judges on X", "an
// eleven-member X", and "X has two chambers" followed by the chambers.
func (x *extraction) seats() {
	if !x.has("seat", "member", "deput", "judge", "senator", "representative", "justice", "mps", "chamber", "houses") {
		return
	}
	// "The 616-member parliament, termed the Federal Assembly".
	for _, m := range x.near(nMemberTermedRE, 20, "-member", "-seat") {
		n, ok := ParseNumber(x.text[m[2]:m[3]])
		if e := x.resolve(m[4], m[5], GovernmentOrganization); ok && e != nil && e.Type == GovernmentOrganization {
			x.sfact(e, Seats, IntOf(n))
		}
	}
	// "the Senate (100 seats; …)", "Supreme Court (34 judges)", "People's
	// Council (supreme legislative body of up to 2,500 delegates)".
	for _, m := range x.near(parenSeatsRE, 120, "(") {
		n, ok := ParseNumber(x.text[m[4]:m[5]])
		if e := x.resolve(m[2], m[3], ""); ok && e != nil && e.Type == GovernmentOrganization {
			x.sfact(e, Seats, IntOf(n))
		}
	}
	// "X has two chambers" (first, so that chambers named in the same
	// sentence count).
	if m := x.findFirst(chambersRE); m != nil {
		var leg *Entity // the first legislature named, before the verb if one is
		for _, mm := range x.ments {
			if mm.e.Type == GovernmentOrganization && legislatureRE.MatchString(mm.e.Name) && (leg == nil || mm.start < m[0]) {
				leg = mm.e
				if mm.start < m[0] {
					break
				}
			}
		}
		if n, ok := ParseNumber(x.text[m[2]:m[3]]); ok && leg != nil {
			x.chambers.of, x.chambers.left = leg, int(n)
			x.chambers.section = x.d.Blocks[x.sent.Block].Section
		}
	}
	for k, m := range x.near(hasSeatsRE, 80, "seat", "member", "deput", "judge", "senator", "representative", "justice", "mps") {
		// "the Legislative Chamber, with 150 deputies, and the Senate,
		// with 100 senators": each body named right before its number.
		s := x.attachedBefore(m[0], seatSubject)
		if s == nil {
			if k > 0 {
				continue
			}
			s = x.subjectBefore(m[0], seatSubject)
		}
		if n, ok := ParseNumber(x.text[m[2]:m[3]]); ok && s != nil {
			if s.Type == GovernmentOrganization && (x.legis[s] || seatedRE.MatchString(s.Name+" "+strings.Join(s.Aliases, " "))) {
				x.sfact(s, Seats, IntOf(n))
				x.chamber(s)
			} else {
				x.sfact(s, Members, IntOf(n)) // a party's or a society's members
			}
		}
	}
	// "the number of MPs was reduced from the original 131 members to 101".
	for _, m := range x.findAll(seatsMoveRE) {
		s := x.subjectBefore(m[0], legislatures)
		if s == nil && x.chambers.of == nil {
			s = x.legislature()
		}
		if s == nil {
			s = x.unicameral // the country's only chamber has all its MPs
		}
		for _, g := range [][2]int{{m[2], m[3]}, {m[4], m[5]}} {
			if n, ok := ParseNumber(x.text[g[0]:g[1]]); ok && s != nil {
				x.sfact(s, Seats, IntOf(n))
			}
		}
	}
	for _, m := range x.near(thereAreRE, 4, "there are", "there were") {
		n, ok := ParseNumber(x.text[m[2]:m[3]])
		if e := x.resolve(m[4], m[5], ""); ok && e != nil && seatSubject[e.Type] {
			x.sfact(e, Seats, IntOf(n))
		}
	}
	for _, m := range x.near(nMemberRE, 20, "-member", "-seat") {
		n, ok := ParseNumber(x.text[m[2]:m[3]])
		if e := x.resolve(m[4], m[5], ""); ok && e != nil && seatSubject[e.Type] {
			x.sfact(e, Seats, IntOf(n))
			x.chamber(e)
		}
	}
}

// seatedRE matches bodies whose members hold seats: legislatures, courts,
// councils and commissions (not an army's or a service's members).
// legisApposRE matches a body called the parliament or legislature: "the
// Storting, the unicameral parliament", "The Jatiya Sangsad is the national
// legislature of Bangladesh".
var legisApposRE = pat(`({NP})(?:,| is| was| has been) (?:the |its |{NP}\x01s )(?:country\x01s )?(?:(?:unicameral|bicameral|national|supreme|federal) )*(?:parliament|legislature|legislative body)\b(?: of (?:the )?({NP}))?`)

var (
	// Fact-book lines: "chief of state: President X (since 14 December
	// 2016)", "head of government: Prime Minister Y".
	chiefLineRE = pat(`^\s*(chief of state|head of state|head of government): (?:the )?({OFF}) ({NAME})(?: \(since ({DATE})\))?`)
	// "bicameral Supreme Assembly or Oliy Majlis": one legislature's two
	// names.
	legisOrRE = pat(`\b(?:unicameral|bicameral) ({NP}) or ({NP})`)
)

// factbook reads the label lines of fact-book style sections: who holds
// the country's headships, and a legislature's two names.
func (x *extraction) factbook() {
	c := x.r.country
	if c == nil {
		return
	}
	if m := x.findFirst(chiefLineRE); m != nil {
		p := x.resolve(m[6], m[7], Person)
		off := x.officeAt(m[4], m[5])
		if p != nil && p.Type == Person && off != nil {
			var q []Qualifier
			if m[8] >= 0 {
				q = startQual(x.text[m[8]:m[9]])
			}
			x.sfact(p, PositionHeld, ref(off), q...)
			if x.text[m[2]:m[3]] == "head of government" {
				x.sfact(c, HeadOfGovernmentOffice, ref(off))
			} else {
				x.sfact(c, HeadOfStateOffice, ref(off))
			}
			x.headOf(off, p, x.sent.Span, x.sent.Cites)
		}
	}
	if x.has("unicameral", "bicameral") {
		for _, m := range x.findAll(legisOrRE) {
			name, native := x.raw(m[2], m[3]), x.raw(m[4], m[5])
			if t, ok := x.classify(name); !ok || t != GovernmentOrganization {
				continue
			}
			var e *Entity
			if !strings.Contains(name, " ") {
				// "a unicameral Assembly or Mejlis": the native name
				// names it; "Assembly" alone would name any.
				e = x.resolve(m[4], m[5], GovernmentOrganization)
			} else {
				e = x.ent(GovernmentOrganization, name, m[2], m[3], native)
			}
			if e != nil && e.Type == GovernmentOrganization {
				if x.legis == nil {
					x.legis = map[*Entity]bool{}
				}
				x.legis[e] = true
				x.sfact(c, LegislativeBody, ref(e))
			}
		}
	}
}

// legislatures reads which body the text calls the country's parliament:
// a government body, and the country's legislative body.
func (x *extraction) legislatures() {
	if !x.has("parliament", "legislature", "legislative body") {
		return
	}
	for _, m := range x.near(legisApposRE, 80, "parliament", "legislature", "legislative body") {
		owner := x.r.country
		if m[4] >= 0 {
			if o := x.resolve(m[4], m[5], ""); o == nil || o != owner {
				continue // another country's, or something else's
			}
		}
		name, drop := trimLead(x.raw(m[2], m[3]))
		if name == "" || owner == nil {
			continue
		}
		if _, isCountry := gazetteer.CountryByName(name); isCountry {
			continue // "Norway has been the …"
		}
		if x.text[m[3]] == ',' && !strings.Contains(name, " ") && strings.TrimSpace(x.text[:m[2]+drop]) == "" && x.at(m[2]+drop, m[3]) == nil {
			continue // "However, the legislature …": an opening word
		}
		if t, ok := x.classify(name); ok && t != GovernmentOrganization && t != Organization {
			continue
		}
		e := x.ent(GovernmentOrganization, name, m[2]+drop, m[3])
		if e == nil || e.Type != GovernmentOrganization {
			continue
		}
		if x.legis == nil {
			x.legis = map[*Entity]bool{}
		}
		x.legis[e] = true
		x.sfact(owner, LegislativeBody, ref(e))
	}
}

var seatedRE = regexp.MustCompile(`(?i)\b(?:parliament|assembly|senate|duma|congress|legislature|chamber|house|majlis|mejlis|mäjilis|mazhilis|khural|sejm|rada|kenesh|sobranie|soviet|court|tribunal|council|commission|committee|cabinet|government|board|presidium|kurultai|diet|seimas|saeima)\b`)

var legislatures = map[Type]bool{GovernmentOrganization: true}

// legislature returns the country's legislative body, when one fact names
// it.
func (x *extraction) legislature() *Entity {
	var found *Entity
	for _, f := range x.facts {
		if f.Relation == LegislativeBody && x.r.country != nil && f.Subject == x.r.country.ID {
			if found != nil && found.ID != f.Object.Entity {
				return nil
			}
			found = x.r.byID[f.Object.Entity]
		}
	}
	return found
}

// chamber makes e a part of the legislature waiting for its chambers.
func (x *extraction) chamber(e *Entity) {
	c := &x.chambers
	if c.of == nil || c.left == 0 || e == c.of || x.d.Blocks[x.sent.Block].Section != c.section {
		return
	}
	if !legislatureRE.MatchString(e.Name + " " + strings.Join(e.Aliases, " ")) {
		return
	}
	x.sfact(c.of, HasPart, ref(e))
	c.left--
}

var termSubject = map[Type]bool{Office: true, GovernmentOrganization: true}

// subjectBefore returns what a predicate at sentence offset pos speaks of:
// the sentence's subject when it is of a wanted type, else the nearest
// entity of such a type named before pos in the same clause, else the
// previous sentence's subject when this one says "it".
func (x *extraction) subjectBefore(pos int, want map[Type]bool) *Entity {
	if x.subject != nil && want[x.subject.Type] {
		return x.subject
	}
	var best *mention
	for k := range x.ments {
		m := &x.ments[k]
		if m.end <= pos && want[m.e.Type] && !strings.ContainsAny(x.text[m.end:pos], ";") && (best == nil || m.end > best.end) {
			best = m
		}
	}
	if best != nil {
		return best.e
	}
	if itRE.MatchString(x.text[:pos]) && x.prev != nil && want[x.prev.Type] {
		return x.prev
	}
	return nil
}

// attachedBefore returns the entity of a wanted type named right before
// pos, with at most a comma between: "the Senate, with 100 senators", or a
// relative pronoun: "the Chamber of Deputies, which has 155 members", "the
// Senate, whose 69 members are appointed".
func (x *extraction) attachedBefore(pos int, want map[Type]bool) *Entity {
	with := strings.HasPrefix(x.text[pos:], "with ") || strings.HasPrefix(x.text[pos:], "whose ")
	for k := range x.ments {
		m := &x.ments[k]
		if m.end > pos || !want[m.e.Type] {
			continue
		}
		// A gloss in parentheses may stand between: "the Lok Sabha
		// (House of the People) has 543 members".
		between := strings.TrimLeft(parenRunRE.ReplaceAllString(x.text[m.end:pos], ""), ")")
		switch strings.Trim(between, ", ") {
		case "":
			if with || strings.TrimSpace(between) == "" {
				return m.e
			}
		case "which", "that":
			return m.e
		}
	}
	return nil
}

var itRE = regexp.MustCompile(`\b(?:it|It|its)\b`)

// parenRunRE matches a parenthesized run.
var parenRunRE = regexp.MustCompile(`\s*\([^()]*\)`)

var termRE = pat(`\b(?:(?:elected|appointed|serves?|serving|chosen|hold office) (?:[^.;]{0,40}?)\bfor |serves? |to )(?:a |an )?(?:single |renewable |fixed )?{NUM}-year terms?`)

// termOfRE matches a term given in years after the verb: "elected for a
// term of five years", "elected by parliament every seven years".
var termOfRE = pat(`\b(?:elected|appointed|chosen|re-elected|reelected)\b[^.;]{0,40}?\b(?:for a (?:single |renewable |fixed )?term of|every) {NUM} years\b`)

// termSetRE matches "The presidential term is set at six years".
var termSetRE = pat(`\b[Tt]he (presidential|parliamentary|legislative) term (?:of office )?(?:is|was|has been) (?:now )?(?:set at |fixed at |limited to )?{NUM} years\b`)

// terms reads "X is elected … for a single seven-year term", "… for a term
// of five years", "… every seven years" and "the presidential term is set
// at six years".
func (x *extraction) terms() {
	if !x.has("-year term", " years") {
		return
	}
	if m := x.findFirst(termSetRE); m != nil {
		var s *Entity
		if x.text[m[2]:m[3]] == "presidential" {
			s = x.officeEntity("President", x.span(m[2], m[3]))
		} else {
			s = x.legislature()
		}
		if n, ok := ParseNumber(x.text[m[4]:m[5]]); ok && s != nil {
			x.sfact(s, TermLength, Years(n))
		}
		return
	}
	m := x.findFirst(termRE)
	if m == nil {
		m = x.findFirst(termOfRE)
	}
	if m == nil {
		return
	}
	s := x.subjectBefore(m[0], termSubject)
	if n, ok := ParseNumber(x.text[m[2]:m[3]]); ok && s != nil {
		x.sfact(s, TermLength, Years(n))
	}
}

var (
	inceptionRE = pat(`({NP}|"[^"]+"[^.,;]{0,30}?)(?:\s*\([^)]*\))?,? (?:was|were|has been|had been)? ?(?:established|created|founded|set up|formed|approved|adopted|launched|instituted|inaugurated|introduced) (?:in|on) ({DATE})`)
	parenSetRE  = pat(`({NP})\s*\((?:established|created|founded|set up|formed) (?:in|on) ({DATE})\)`)
)

// statePeriodRE matches a former state's years: "The Weimar Republic was
// the German state from 1918 to 1933".
var statePeriodRE = pat(`({NP}) was (?:a|an|the) (?:[\w-]+ ){0,3}(?:state|country|republic|empire|kingdom|federation|confederation|union|monarchy|polity|khanate|sultanate|caliphate)\b[^.;]{0,40}? (?:from|between) ({DATE}) (?:to|until|and) ({DATE})`)

// statePeriod reads a former state's years: its inception and its end.
func (x *extraction) statePeriod() {
	if !x.has(" was ") {
		return
	}
	for _, m := range x.near(statePeriodRE, 80, " was ") {
		e := x.resolve(m[2], m[3], "")
		if e == nil || e.Type != Country && e.Type != AdministrativeArea {
			continue
		}
		if d, ok := dateAt(x.text[m[4]:m[5]]); ok {
			x.sfact(e, Inception, DateOf(d))
		}
		if d, ok := dateAt(x.text[m[6]:m[7]]); ok {
			x.sfact(e, Dissolved, DateOf(d))
		}
	}
}

// inception reads "X was established on DATE", "X (set up in 2022)" and
// `The "Y" state program approved in 2013`.
func (x *extraction) inception() {
	if !x.has("established", "created", "founded", "set up", "formed", "approved", "adopted", "launched", "instituted", "inaugurated", "introduced") {
		return
	}
	for _, m := range x.near(inceptionRE, 160, "established", "created", "founded", "set up", "formed", "approved", "adopted", "launched", "instituted", "inaugurated", "introduced") {
		d, ok := dateAt(x.text[m[4]:m[5]])
		if !ok {
			continue
		}
		var e *Entity
		if x.text[m[2]] == '"' {
			end := strings.IndexByte(x.text[m[2]+1:], '"') + m[2] + 1
			e = x.ent(CreativeWork, x.raw(m[2]+1, end), m[2]+1, end)
		} else {
			e = x.resolve(m[2], m[3], Organization)
		}
		if e != nil && e.Type != Person && e.Type != Office {
			x.sfact(e, Inception, DateOf(d))
		}
	}
	for _, m := range x.findAll(parenSetRE) {
		if d, ok := dateAt(x.text[m[4]:m[5]]); ok {
			if e := x.resolve(m[2], m[3], Organization); e != nil && e.Type != Person {
				x.sfact(e, Inception, DateOf(d))
			}
		}
	}
}

// createdLead reads "In January 2006 a new party, Georgia's Way, was
// created": the date opens the sentence. Only a body known by then (the
// party rule runs first).
func (x *extraction) createdLead() {
	if !x.has("established", "created", "founded", "formed", "set up") {
		return
	}
	if lead := leadDatePrefixRE.FindString(x.text); lead != "" {
		if d, ok := dateAt(lead); ok {
			for _, m := range x.findAll(createdRE) {
				e := x.at(m[2], m[3])
				if e != nil && (e.Type == PoliticalParty || e.Type == Organization || e.Type == GovernmentOrganization) {
					x.sfact(e, Inception, DateOf(d))
				}
			}
		}
	}
}

var (
	// leadDatePrefixRE matches a date opening a sentence: "In January
	// 2006", "On 5 May 1995,".
	leadDatePrefixRE = pat(`^\s*(?:In|On) {DATE}\b`)
	createdRE        = pat(`({NP}(?:\x01s {NP})?),? (?:was|were) (?:established|created|founded|formed|set up)(?: [a-z]+)?[.,]`)
)

// independentRE matches a state's independence, its inception: "Armenia
// became independent from the Russian Empire on 28 May 1918 as the Republic
// of Armenia, later referred as First Republic of Armenia".
var independentRE = pat(`({NP}) (?:became independent|declared (?:its )?independence|gained (?:its )?independence|achieved (?:its )?independence)(?: from (?:the )?{NP})?,? (?:on|in) ({DATE})(?: as (?:the )?({NP})(?:, later (?:referred (?:to )?as|known as|called|renamed) (?:the )?({NP}))?)?`)

// independence reads a state's independence as its inception: the state
// under the last name the sentence gives it.
func (x *extraction) independence() {
	if !x.has("independen") {
		return
	}
	for _, m := range x.near(independentRE, 120, "independen") {
		d, ok := dateAt(x.text[m[4]:m[5]])
		if !ok {
			continue
		}
		var e *Entity
		for k, g := range [][2]int{{m[8], m[9]}, {m[6], m[7]}, {m[2], m[3]}} {
			def := Type("")
			if k < 2 {
				def = Country // "… as the Moldavian Republic": a state's name
			}
			if g[0] >= 0 {
				if e = x.resolve(g[0], g[1], def); e != nil {
					break
				}
			}
		}
		if e != nil && (e.Type == Country || e.Type == AdministrativeArea) {
			x.sfact(e, Inception, DateOf(d))
		}
	}
}

var dissolvedWhichRE = pat(`,? which (?:was|were) (?:dissolved|abolished|disbanded|liquidated) (?:on|in) ({DATE})`)

var dissolvedRE = pat(`({NP}) (?:resigned|was dissolved|was abolished|ceased to exist|was disbanded|collapsed) (?:on|in) ({DATE})`)

// dissolution reads "The Mamin Cabinet resigned on 5 January 2022".
func (x *extraction) dissolution() {
	if !x.has("resigned", "dissolved", "abolished", "ceased", "disbanded", "collapsed") {
		return
	}
	// "a Ministry for X, which was dissolved on 22 December 2017".
	for _, m := range x.near(dissolvedWhichRE, 20, "which") {
		var a *mention
		for k := range x.ments {
			if mm := &x.ments[k]; mm.end <= m[0] && strings.TrimSpace(x.text[mm.end:m[0]]) == "" && (a == nil || mm.end > a.end) {
				a = mm
			}
		}
		if a == nil || (a.e.Type != GovernmentOrganization && a.e.Type != Organization && a.e.Type != PoliticalParty) {
			continue
		}
		if d, ok := dateAt(x.text[m[2]:m[3]]); ok {
			x.sfact(a.e, Dissolved, DateOf(d))
		}
	}
	for _, m := range x.findAll(dissolvedRE) {
		e := x.resolve(m[2], m[3], "")
		// A former state ends ("The TSFSR was dissolved in 1936"); the
		// country the article is about goes on.
		if e == nil || e.Type == Person || e.Type == Office || e == x.r.country {
			continue
		}
		if d, ok := dateAt(x.text[m[4]:m[5]]); ok {
			x.sfact(e, Dissolved, DateOf(d))
		}
	}
}

var (
	rankRE     = pat(`({NP}) (?:ranks?|ranked|is ranked|was ranked|placed) (?:[a-z]+ )?(\d+)(?:st|nd|rd|th)\b`)
	rankMoveRE = pat(`({NP}) (?:slipped|rose|fell|climbed|dropped|moved|improved|declined) from (\d+)(?:st|nd|rd|th)(?: place)?(?: in \d{4})? to (\d+)(?:st|nd|rd|th)`)
	rankObjRE  = pat(`\branked ({NP}) (\d+)(?:st|nd|rd|th)\b`)
	// "the country was ranked 133rd": the document's country.
	rankCountryRE = regexp.MustCompile(`\b[Tt]he (?:country|state|republic) (?:was |is |has been )?(?:ranked|placed) (?:[a-z]+ )?(\d+)(?:st|nd|rd|th)\b`)
)

// ranking reads "Kazakhstan ranks 28th among 193 countries".
func (x *extraction) ranking() {
	if !x.has("rank", "placed") && !(x.has("slipped", "rose", "fell", "climbed", "dropped", "moved", "improved", "declined") && strings.ContainsAny(x.text, "0123456789")) {
		return
	}
	// "Armenia slipped from 99th place in 2007 to 109th": both ranks.
	for _, m := range x.findAll(rankMoveRE) {
		if e := x.resolve(m[2], m[3], ""); e != nil {
			for _, g := range [][2]int{{m[4], m[5]}, {m[6], m[7]}} {
				if n, ok := ParseNumber(x.text[g[0]:g[1]]); ok {
					x.sfact(e, Ranking, IntOf(n))
				}
			}
		}
	}
	for _, m := range append(x.findAll(rankRE), x.findAll(rankObjRE)...) {
		e := x.resolve(m[2], m[3], "")
		if e == nil {
			continue
		}
		if n, ok := ParseNumber(x.text[m[4]:m[5]]); ok {
			x.sfact(e, Ranking, IntOf(n))
		}
	}
	if c := x.r.country; c != nil {
		for _, m := range x.findAll(rankCountryRE) {
			if n, ok := ParseNumber(x.text[m[2]:m[3]]); ok {
				x.sfact(c, Ranking, IntOf(n))
			}
		}
	}
}

var (
	publishedRE = pat(`(?:the )?((?:\d{4} )?{NP}) (report|index|survey|study|yearbook|review|assessment|ranking|strategy|programme|program)\b[^.;]{0,20}? (?:prepared|published|issued|compiled|released|produced) by (?:the )?({NP})`)
)

// publishedBy reads "the 2016 World Development report prepared by the
// World Bank Group".
func (x *extraction) publishedBy() {
	if !x.has(" by ") {
		return
	}
	for _, m := range x.near(publishedRE, 120, "prepared by", "published by", "issued by", "compiled by", "released by", "produced by") {
		name := x.raw(m[2], m[3]) + " " + capitalize(x.raw(m[4], m[5]))
		w := x.ent(CreativeWork, name, m[2], m[5])
		pub := x.resolve(m[6], m[7], Organization)
		if pub != nil && w != nil && pub.Type != Person {
			x.sfact(w, Publisher, ref(pub))
		}
	}
}

// includesRE's list runs to the sentence's end or a semicolon, not one
// inside parentheses ("the Senate (100 seats; 84 members …) and the …").
var includesRE = pat(`\b(?:includes|include|included|comprises|comprised|consists of|consisted of|is made up of|is composed of|encompasses|is (?:bi|tri)cameral:|is (?:bi|tri)cameral, (?:comprising|consisting of)) (?:the )?((?:[^.;()]|\([^()]*\))+)`)

// includes reads "It includes the A, B, several C units, and D (E)": each
// named item is a part of the subject, and of its type when it has none of
// its own.
func (x *extraction) includes() {
	if !x.has("include", "comprise", "consist", "made up of", "composed of", "encompass", "cameral") {
		return
	}
	m := x.findFirst(includesRE)
	if m == nil || x.subject == nil || x.subject.Type == Person || x.subject.Type == Office || x.subject.Type == Country {
		return
	}
	if x.subject.Type != GovernmentOrganization && x.subject.Type != Organization {
		return
	}
	list := x.text[m[2]:m[3]]
	for _, part := range splitList(list) {
		i, j := m[2]+part.Start, m[2]+part.End
		item := x.text[i:j]
		item = strings.TrimPrefix(item, "the ")
		if item == "" || !startsUpper(item) {
			continue // "several Commandos units"
		}
		i = j - len(item)
		if k := strings.IndexByte(item, '('); k > 0 {
			alias := strings.Trim(item[k:], "() ")
			item = strings.TrimSpace(item[:k])
			e := x.ent(x.subject.Type, item, i, i+len(item), alias)
			x.sfact(x.subject, HasPart, ref(e))
			continue
		}
		if loc := npRE.FindStringIndex(item); loc == nil || loc[0] != 0 || loc[1] != len(item) {
			continue
		}
		e := x.resolve(i, j, x.subject.Type)
		if e != nil && e != x.subject {
			x.sfact(x.subject, HasPart, ref(e))
		}
	}
}

// splitList splits "A, B, and C" into the spans of A, B and C.
func splitList(s string) []Span {
	var out []Span
	start := 0
	depth := 0
	emit := func(i, j int) {
		for i < j && s[i] == ' ' {
			i++
		}
		for j > i && s[j-1] == ' ' {
			j--
		}
		if strings.HasPrefix(s[i:j], "and ") {
			i += 4
		}
		if strings.HasPrefix(s[i:j], "or ") {
			i += 3
		}
		if i < j {
			out = append(out, Span{i, j})
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				emit(start, i)
				start = i + 1
			}
		case ' ':
			// "A, B and C": only the last "and" separates items, so that
			// "Racha-Lechkhumi and Kvemo Svaneti, Samegrelo" stays one.
			if depth == 0 && strings.HasPrefix(s[i:], " and ") && !strings.Contains(s[i:], ",") && i > start {
				emit(start, i)
				start = i + 1
			}
		}
	}
	emit(start, len(s))
	return out
}

var (
	partOfRE = pat(`({NP}) (?:is|was|are|were|forms|became) (?:a |an |the )?(?:constituent |integral |structural )?part of (?:the )?` + partAdjPat + `({NP})`)
	// "the country, which later became part of the Transcaucasian SFSR".
	partOfWhichRE = pat(`,? which (?:later |then |subsequently |soon )?(?:became|was|formed) (?:a |an )?(?:constituent |integral )?part of (?:the )?` + partAdjPat + `({NP})`)
)

// stateNameRE matches the last word of a state's name.
var stateNameRE = regexp.MustCompile(`\b(?:Republic|Empire|Kingdom|Federation|Confederation|Khanate|Emirate|Sultanate|SSR|ASSR|SFSR)$`)

// stateDef is the type a whole named at [i, j) takes when nothing else
// types it: a state, when its name ends as states' names do.
func (x *extraction) stateDef(i, j int) Type {
	if stateNameRE.MatchString(x.raw(i, j)) {
		return Country
	}
	return ""
}

// partAdjPat matches the few words that may qualify the whole a part
// belongs to ("part of short lived Transcaucasian Democratic Federative
// Republic").
const partAdjPat = `(?:(?:short[- ]lived|former|newly[- ]formed|newly[- ]created) )?`

// partOf reads "X is a part of the Y".
func (x *extraction) partOf() {
	// "… became a constituent republic of the Soviet Union known as the
	// Armenian SSR": the named republic is part of the union.
	for _, m := range x.near(republicOfRE, 80, "republic of") {
		a := x.resolve(m[4], m[5], "")
		b := x.resolve(m[2], m[3], x.stateDef(m[2], m[3]))
		if a == nil || b == nil || a == b || (a.Type != Country && a.Type != AdministrativeArea) || (b.Type != Country && b.Type != AdministrativeArea) {
			continue
		}
		x.sfact(a, PartOf, ref(b))
	}
	if !x.has("part of") {
		return
	}
	for _, m := range x.findAll(partOfRE) {
		if strings.Contains(x.text[m[3]:m[4]], " not ") {
			continue
		}
		a := x.resolve(m[2], m[3], "")
		b := x.resolve(m[4], m[5], x.stateDef(m[4], m[5]))
		if a == nil || b == nil || a.Type == Person || b.Type == Person || a.Type == Office {
			continue
		}
		x.sfact(a, PartOf, ref(b))
	}
	for _, m := range x.near(partOfWhichRE, 20, "which") {
		var a *mention // what "which" stands for: the entity just before it
		for k := range x.ments {
			if mm := &x.ments[k]; mm.end <= m[0] && strings.TrimSpace(x.text[mm.end:m[0]]) == "" && (a == nil || mm.end > a.end) {
				a = mm
			}
		}
		b := x.resolve(m[2], m[3], x.stateDef(m[2], m[3]))
		if a == nil || b == nil || a.e.Type == Person || a.e.Type == Office || b.Type == Person || a.e == b {
			continue
		}
		x.sfact(a.e, PartOf, ref(b))
	}
}

// republicOfRE matches "a constituent republic of the Soviet Union known
// as the Armenian SSR".
var republicOfRE = pat(`\b(?:constituent|union|autonomous|federal|member) republic of (?:the )?({NP}),? (?:known as|called|named|styled) (?:the )?({NP})`)

var (
	capitalMoveRE = pat(`(?:transferred|moved|relocated) (?:its|the) capital from ({NP}) to ({NP})(?: (?:on|in) ({DATE}))?`)
	// "X is the capital", and in apposition "in Santiago, the capital".
	isCapitalRE = pat(`({NP})(?: (?:is|became|has been)|,) (?:the |its )?(?:country\x01s |national |new )?capital(?: city)?\b(?: of (?:the )?({NP}))?`)
	// "The capital is X", "Capital: X", and "in the capital, Santiago".
	capitalIsRE = pat(`(?:(?:[Tt]he|[Ii]ts) (?:national )?capital(?: city)? (?:of (?:the )?({NP}) )?is|[Cc]apital(?: city)?:|[Tt]he national capital(?: city)?,?|\bthe capital(?: city)?,) ({NP})`)
)

// capital reads "transferred its capital from A to B on DATE" and "the
// capital is X".
func (x *extraction) capital() {
	if !x.has("capital") {
		return
	}
	owner := x.r.country
	if x.subject != nil && (x.subject.Type == Country || x.subject.Type == AdministrativeArea) {
		owner = x.subject
	}
	if owner == nil {
		return
	}
	for _, m := range x.findAll(capitalMoveRE) {
		to := x.resolve(m[4], m[5], City)
		if to == nil || to.Type != City {
			continue
		}
		var q []Qualifier
		if m[6] >= 0 {
			q = startQual(x.text[m[6]:m[7]])
		}
		x.resolve(m[2], m[3], City)
		x.sfact(owner, Capital, ref(to), q...)
	}
	for _, m := range x.findAll(isCapitalRE) {
		o := owner
		if m[4] >= 0 {
			o = x.resolve(m[4], m[5], "")
			if o == nil || o.Type != Country && o.Type != AdministrativeArea {
				continue
			}
		}
		if city := x.resolve(m[2], m[3], City); city != nil && city.Type == City && city != o {
			x.sfact(o, Capital, ref(city))
		}
	}
	for _, m := range x.findAll(capitalIsRE) {
		o := owner
		if m[2] >= 0 {
			o = x.resolve(m[2], m[3], "")
			if o == nil || o.Type != Country && o.Type != AdministrativeArea {
				continue // the capital of something we do not know
			}
		}
		if city := x.resolve(m[4], m[5], City); city != nil && city.Type == City {
			x.sfact(o, Capital, ref(city))
			if o == x.r.country && x.capitalArea {
				x.sfact(o, ContainsArea, ref(city)) // the capital territory
			}
		}
	}
}

// capitalOf returns the capital already recorded for e, if any.
func (x *extraction) capitalOf(e *Entity) *Entity {
	for _, f := range x.facts {
		if f.Subject == e.ID && f.Relation == Capital && f.Object.Kind == EntityValue {
			return x.r.byID[f.Object.Entity]
		}
	}
	return nil
}

var (
	memberRE        = pat(`\b(?:is|became|has been|was|are) (?:a |an )?(?:founding |full )?(?:member|members|affiliated|party) (?:state |country )?(?:of|to|in) (?:the )?([^.;]+)`)
	memberSectionRE = regexp.MustCompile(`(?i)organi[sz]ation participation|international organi[sz]ations|memberships?\b`)
	observerRE      = regexp.MustCompile(`(?i)\((?:observer|nonsignatory[^)]*|candidate|applicant|suspended)\)`)
)

// memberOf reads "X is a member of the A, B and C" for international
// organizations.
func (x *extraction) memberOf() {
	subject, list := x.subject, -1
	if m := first(x.near(memberRE, 40, "member", "affiliated", "party to")); m != nil {
		list = m[2]
	} else if sec := x.d.Blocks[x.sent.Block].Section; sec >= 0 && memberSectionRE.MatchString(x.d.Sections[sec].Title) {
		// "International organization participation": a bare list of the
		// country's organizations.
		list, subject = 0, x.r.country
	}
	if list < 0 || subject == nil || (subject.Type != Country && subject.Type != Organization && subject.Type != PoliticalParty) {
		return
	}
	for _, part := range splitList(strings.TrimRight(x.text[list:], ". ")) {
		i, j := list+part.Start, list+part.End
		item := x.text[i:j]
		if observerRE.MatchString(item) {
			continue // an observer is no member
		}
		if k := strings.IndexByte(item, '('); k > 0 {
			j = i + len(strings.TrimSpace(item[:k]))
			item = x.text[i:j]
		}
		item = strings.TrimPrefix(item, "the ")
		i = j - len(item)
		if _, ok := gazetteer.OrgByName(item); !ok && list == 0 {
			// A bare list takes the organizations the gazetteer knows, and
			// those a head word types ("International Criminal Court").
			if t, ok := x.classify(item); !ok || t != Organization && t != GovernmentOrganization {
				continue
			}
		}
		if e := x.resolve(i, j, ""); e != nil && (e.Type == Organization || e.Type == GovernmentOrganization) {
			x.sfact(subject, MemberOf, ref(e))
		}
	}
}

var (
	// "one of the most democratic nations of the loose Commonwealth of
	// Independent States", "the best result among the CIS countries".
	oneOfRE    = pat(`\b(?:one of the|among the) (?:[\p{Ll}-]+ ){0,4}(?:nations|countries|states|members|member states) of the (?:[\p{Ll}-]+ )?({NP})`)
	amongOrgRE = pat(`\bamong the ({NP}) (?:countries|states|nations|members|member states)\b`)
)

// memberAmong reads a country's membership stated as being one of an
// organization's countries; only organizations of the gazetteer count.
func (x *extraction) memberAmong() {
	if !x.has("one of the", "among the") {
		return
	}
	c := x.r.country
	if x.subject != nil && x.subject.Type == Country {
		c = x.subject
	}
	if c == nil {
		return
	}
	for _, re := range []*regexp.Regexp{oneOfRE, amongOrgRE} {
		for _, m := range x.findAll(re) {
			if _, ok := gazetteer.OrgByName(x.raw(m[2], m[3])); !ok {
				continue
			}
			if e := x.resolve(m[2], m[3], ""); e != nil && e.Type == Organization {
				x.sfact(c, MemberOf, ref(e))
			}
		}
	}
}

var accessionRE = pat(`(\p{Lu}[\p{L}\p{M}-]*)\x01s (?:accession|admission) to (?:the )?({NP})`)

// accession reads "Armenia's accession to the Council of Europe".
func (x *extraction) accession() {
	if !x.has("accession", "admission") {
		return
	}
	for _, m := range x.findAll(accessionRE) {
		c := x.r.find(Country, x.raw(m[2], m[3]))
		if c == nil {
			continue
		}
		if o := x.resolve(m[4], m[5], ""); o != nil && (o.Type == Organization || o.Type == GovernmentOrganization) {
			x.sfact(c, MemberOf, ref(o))
		}
	}
}

var joinedRE = pat(`({NP}) (?:joined|acceded to|was admitted to|became a member of) (?:the )?({NP})(?: (?:in|on) ({DATE}))?`)

// joined reads "Armenia joined the Council of Europe in 2001".
func (x *extraction) joined() {
	if !x.has("joined", "acceded", "admitted", "became a member") {
		return
	}
	for _, m := range x.findAll(joinedRE) {
		c := x.resolve(m[2], m[3], "")
		o := x.resolve(m[4], m[5], "")
		if c == nil || o == nil || c.Type != Country || o.Type != Organization {
			continue
		}
		var q []Qualifier
		if m[6] >= 0 {
			q = startQual(x.text[m[6]:m[7]])
		}
		x.sfact(c, MemberOf, ref(o), q...)
	}
}

var possessiveRE = regexp.MustCompile(`(\p{Lu}[\p{L}\p{M}-]*(?: \p{Lu}[\p{L}\p{M}-]*)*)(?:\x01s|\x01\x01\x01s) `)

// cityRegionRE matches "in Houston, Texas": a city, then the area it is in.
var cityRegionRE = pat(`\b(?:in|at|near|from) ({NP}), ({NP})\b`)

// listGoesOnRE matches the rest of a list of names.
var listGoesOnRE = regexp.MustCompile(`^(?:,|,? and|,? or) \p{Lu}`)

// cityRegions reads "in Houston, Texas": a known city and, after the
// comma, the region it lies in (a country there is left to other rules).
func (x *extraction) cityRegions() {
	if !x.has("in ", "at ", "near ", "from ") {
		return
	}
	for _, m := range x.findAll(cityRegionRE) {
		city := x.at(m[2], m[3])
		if city == nil {
			if c, ok := gazetteer.CityByName(x.raw(m[2], m[3])); ok {
				city = x.ent(City, c.Name, m[2], m[3])
			}
		}
		if city == nil || city.Type != City {
			continue
		}
		region := x.raw(m[4], m[5])
		if _, ok := gazetteer.CountryByName(region); ok {
			continue
		}
		if listGoesOnRE.MatchString(x.text[m[5]:]) {
			continue // "in Houston, Dallas and Austin": a list of cities
		}
		t, ok := x.classify(region)
		if ok && t != AdministrativeArea {
			continue
		}
		if _, isCity := gazetteer.CityByName(region); isCity {
			continue
		}
		if a := x.ent(AdministrativeArea, region, m[4], m[5]); a != nil && a.Type == AdministrativeArea {
			x.sfact(city, LocatedIn, ref(a))
		}
	}
}

// institutionCountryRE matches an institution followed by its country:
// "Emory University, United States".
var institutionCountryRE = pat(`({NP} (?:University|College|Institute|Academy|Hospital|School|Museum|Library))(?: of [\p{Lu}][\p{L}]+)?, (?:the )?({NP})\b`)

// institutionCountry reads "Emory University, United States": the
// institution is in that country.
func (x *extraction) institutionCountry() {
	for _, m := range x.findAll(institutionCountryRE) {
		c, ok := gazetteer.CountryByName(x.raw(m[4], m[5]))
		if !ok {
			continue
		}
		org := x.resolve(m[2], m[3], Organization)
		if org == nil || org.Type != Organization && org.Type != GovernmentOrganization {
			continue
		}
		if country := x.ent(Country, c.Name, m[4], m[5]); country != nil {
			x.sfact(org, InCountry, ref(country))
		}
	}
}

// countryOf reads "Kazakhstan's National Security Committee": the body
// belongs to the country. "Mamin's Cabinet" names the cabinet "Mamin
// Cabinet".
func (x *extraction) countryOf() {
	if !x.has("\x01") {
		return
	}
	for _, m := range x.findAll(possessiveRE) {
		owner := x.raw(m[2], m[3])
		after := m[1]
		e := x.at(after, after+1)
		if e == nil {
			continue
		}
		if c := x.r.find(Country, owner); c != nil {
			if e.Type == GovernmentOrganization || e.Type == Organization {
				x.sfact(e, InCountry, ref(c))
			}
		}
	}
}

var (
	partyAfterRE = pat(`({NP}) party\b`)
	// "a new party, Georgia's Way, was created": a party's name may hold a
	// possessive.
	partyApposRE = pat(`\b(?:a |the )?(?:new |ruling |opposition |pro-\w+ |political )?party,? ({NP}(?:\x01s {NP})?),`)
	partyHeadRE  = regexp.MustCompile(`\b(?:Party|Movement|Front|Bloc|Alliance|Union|Coalition)\b`)
	// "Mikheil Saakashvili, leader of the United National Movement".
	leaderApposRE = pat(`({NAME}), (?:the )?(?:(?:long-time|longtime|former|then|current|founding) )?(?:[Ll]eader|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Hh]ead|[Ff]ounder) of (?:the )?({NP})`)
	isPartyRE     = pat(`({NP})(?: \([^)]*\))? (?:is|was|became|remains|remained) (?:the |a |an )?(?:[\w-]+ ){0,3}party\b`)
	personPartyRE = pat(`({NAME}) (?:of the |\((?:the )?)({NP})`)
	partyLeaderRE = pat(`\b(?:[Ll]eader|[Cc]hairman|[Cc]hairwoman|[Hh]ead|[Ff]ounder) of (?:the )?({NP}),?\s+({NAME})`)
)

// ideologyRE matches adjectives of ideology, which qualify parties without
// naming one.
var ideologyRE = regexp.MustCompile(`(?:ist|ic|ian|ive|al)$`)

// parties reads "the National Democratic Union party", "a new party,
// Georgia's Way, was created" and "the Leader of the New Right Party David
// Gamkrelidze" (the leader chairs the party and belongs to it).
func (x *extraction) parties() {
	if !x.has("party", "leader", "chair", "head of", "founder") {
		return
	}
	for _, re := range []*regexp.Regexp{partyAfterRE, partyApposRE} {
		for _, m := range x.findAll(re) {
			name, drop := trimLead(x.raw(m[2], m[3]))
			if name == "" || !startsUpper(name) {
				continue
			}
			if t, ok := x.classify(name); ok && t != PoliticalParty && t != Organization {
				continue
			}
			if _, isCountry := gazetteer.CountryByDemonym(name); isCountry {
				continue // "the Georgian party"
			}
			if !strings.Contains(name, " ") && ideologyRE.MatchString(name) {
				continue // "an Islamist party", "the Communist party"
			}
			x.ent(PoliticalParty, name, m[2]+drop, m[3])
		}
	}
	// "The Kenya African National Union (KANU) was the sole legal party".
	for _, m := range x.near(isPartyRE, 120, "party") {
		if strings.HasPrefix(x.text[m[1]:], " to ") {
			continue // "a party to the treaty"
		}
		name, drop := trimLead(x.raw(m[2], m[3]))
		if name == "" || !strings.Contains(name, " ") {
			continue
		}
		if t, ok := x.classify(name); ok && t != PoliticalParty && t != Organization {
			continue
		}
		x.ent(PoliticalParty, name, m[2]+drop, m[3])
	}
	for _, m := range x.findAll(partyLeaderRE) {
		// "the New Right Party David Gamkrelidze": the party ends with its head.
		if loc := partyHeadRE.FindAllStringIndex(x.text[m[2]:m[5]], -1); len(loc) > 0 {
			end := m[2] + loc[len(loc)-1][1]
			if end < m[5] {
				m[3], m[4] = end, end+1
			}
		}
		org := x.resolve(m[2], m[3], "")
		if org == nil || org.Type != PoliticalParty {
			continue
		}
		p := x.resolve(m[4], m[5], Person)
		if p == nil || p.Type != Person {
			continue
		}
		x.sfact(org, Chairperson, ref(p))
		x.sfact(p, PartyMembership, ref(org))
	}
	// "Patricio Aylwin of the Christian Democratic Party", "Gabriel
	// Boric (Social Convergence Party)": a person and the party named
	// right after; the phrase must read as a party.
	for _, m := range x.findAll(personPartyRE) {
		name := x.raw(m[4], m[5])
		if t, ok := x.classify(name); !ok || t != PoliticalParty {
			continue
		}
		// A name not yet known is a person's when it has two words or
		// more and no article before it ("the Youth Wing of the … Party").
		def := Type("")
		if len(strings.Fields(x.raw(m[2], m[3]))) > 1 && !strings.HasSuffix(strings.ToLower(x.text[max(0, m[2]-4):m[2]]), "the ") {
			def = Person
		}
		if p := x.resolve(m[2], m[3], def); p != nil && p.Type == Person {
			x.sfact(p, PartyMembership, ref(x.ent(PoliticalParty, name, m[4], m[5])))
		}
	}
	for _, m := range x.near(leaderApposRE, 80, "leader of", "chairman of", "chairwoman of", "chair of", "head of", "founder of") {
		org := x.resolve(m[4], m[5], "")
		if org == nil || org.Type != PoliticalParty {
			continue
		}
		if p := x.resolve(m[2], m[3], Person); p != nil && p.Type == Person {
			x.sfact(org, Chairperson, ref(p))
			x.sfact(p, PartyMembership, ref(org))
		}
	}
}

var (
	yearEventRE      = regexp.MustCompile(`\b((?:1[89]|20)\d{2}) ((?:[a-z]+ ){0,2}(?:referendum|elections?|revolution|crisis|unrest|protests|coup|uprising|war|census))\b`)
	yearNamedEventRE = regexp.MustCompile(`\b((?:1[89]|20)\d{2}) (\p{Lu}[\p{L}-]+(?: [\p{L}-]+){0,2} (?:scandal|affair|massacre|crisis|uprising|protests|riots|bombing|attack|attacks|earthquake|flood|famine|strike|mutiny|siege|blockade|incident|disaster))\b`)
	invasionRE       = pat(`\b(\p{Lu}[\p{L}]+) (invasion|occupation|annexation) of ({NP})`)
)

var (
	eventDateRE = pat(`^ (?:of|on) ({DATE})`)
	tookPlaceRE = pat(`({NP}) (?:took place|occurred|happened|broke out) (?:in (?:the )?({NP}) )?(?:on|in) ({DATE})`)
)

// events reads "the 2015 constitutional referendum" (an event at a year)
// and "the Turkish invasion of Armenia".
func (x *extraction) events() {
	if !x.has("1", "2", "invasion", "occupation", "annexation", "took place", "occurred", "happened", "broke out") {
		return
	}
	for _, m := range x.findAll(yearEventRE) {
		name := x.raw(m[0], m[1])
		e := x.ent(Event, name, m[0], m[1])
		x.sfact(e, PointInTime, DateOf(Date{Year: atoi(x.text[m[2]:m[3]])}))
	}
	// "the 2012 Gldani prison scandal": a year before an event with a name
	// of its own, which the year is not part of (unless the name begins
	// with a nation's: "2004 Georgian parliamentary election").
	for _, m := range x.findAll(yearNamedEventRE) {
		first, _, _ := strings.Cut(x.raw(m[4], m[5]), " ")
		if _, ok := gazetteer.CountryByDemonym(first); ok {
			continue
		}
		if _, ok := gazetteer.CountryByName(first); ok {
			continue
		}
		if months[strings.ToLower(first)] != 0 {
			continue
		}
		e := x.ent(Event, x.raw(m[4], m[5]), m[4], m[5])
		x.sfact(e, PointInTime, DateOf(Date{Year: atoi(x.text[m[2]:m[3]])}))
	}
	// "the Rose Revolution of November 23, 2003": an event named with its
	// day (a bare year after "of" is rather part of the name's wording).
	for _, mm := range x.ments {
		if mm.e.Type != Event {
			continue
		}
		if m := eventDateRE.FindStringSubmatchIndex(x.text[mm.end:]); m != nil {
			if d, ok := dateAt(x.text[mm.end+m[2] : mm.end+m[3]]); ok && d.Month > 0 {
				x.sfact(mm.e, PointInTime, DateOf(d))
			}
		}
	}
	// "The Beer Hall Putsch took place in Munich on 8 November 1923".
	for _, m := range x.near(tookPlaceRE, 80, "took place", "occurred", "happened", "broke out") {
		ev := x.resolve(m[2], m[3], "")
		if ev == nil || ev.Type != Event {
			continue
		}
		if d, ok := dateAt(x.text[m[6]:m[7]]); ok {
			x.sfact(ev, PointInTime, DateOf(d))
		}
		if m[4] >= 0 {
			// "in Munich": a place not known otherwise is a city.
			if at := x.resolve(m[4], m[5], City); at != nil && (at.Type == City || at.Type == Place || at.Type == AdministrativeArea || at.Type == Country) {
				x.sfact(ev, LocatedIn, ref(at)) // P131, as Wikidata's events have it
			}
		}
	}
	for _, m := range x.findAll(invasionRE) {
		adj := x.raw(m[2], m[3])
		if _, ok := gazetteer.CountryByDemonym(adj); !ok {
			continue
		}
		x.ent(Event, x.raw(m[0], m[1]), m[0], m[1])
	}
}

var branchRE = pat(`({NP})(?:\s*\([^)]*\))? (?:is|serves as|acts as) (?:the )?(?:country\x01s |state\x01s |\w+\x01s )?(?:highest |supreme |sole |main |unicameral |bicameral |national )?(legislative branch|legislative body|legislature|parliament|executive branch|executive body|highest court|highest judicial body)\b`)

// branches reads "The National Assembly of Armenia is the legislative
// branch of the government".
func (x *extraction) branches() {
	if !x.has("legislat", "executive", "parliament", "highest", "judicial") {
		return
	}
	c := x.r.country
	if c == nil {
		return
	}
	for _, m := range x.findAll(branchRE) {
		e := x.resolve(m[2], m[3], "")
		if e == nil || e.Type != GovernmentOrganization {
			continue
		}
		switch role := x.text[m[4]:m[5]]; {
		case strings.HasPrefix(role, "legislat") || role == "parliament":
			x.sfact(c, LegislativeBody, ref(e))
		case strings.HasPrefix(role, "executive"):
			x.sfact(c, ExecutiveBody, ref(e))
		default:
			x.sfact(c, HighestCourt, ref(e))
		}
	}
}

var (
	headedRE = pat(`({NP})(?:\s*\([^)]*\))?(?: (?:is|was|are|were) (?:currently )?|, )(?:headed|led|chaired) by (?:the )?({OFF}|{NAME})`)
	apposAt  = regexp.MustCompile(`^(?:` + apposRE.String() + `)`)
	apposRE  = pat(`\b[Tt]he ({OFF}), ({NAME}),`)
	electRE  = pat(`\b(?:the )?(?:(\d{4}) )?(presidential|parliamentary|legislative|general|local|municipal) (elections?|referendum) (?:was|were) held (?:on|in) ({DATE})`)
)

// headedBy reads "X is headed by the Prime Minister" (the office that heads
// the body) and "X is headed by Y" (its chairperson).
func (x *extraction) headedBy() {
	if !x.has("headed by", "led by", "chaired by") {
		return
	}
	for _, m := range x.findAll(headedRE) {
		org := x.resolve(m[2], m[3], "")
		if org == nil || org.Type != GovernmentOrganization && org.Type != Organization && org.Type != PoliticalParty {
			continue
		}
		if officeRE.MatchString(capitalize(x.text[m[4]:m[5]])) {
			if off := x.officeAt(m[4], m[5]); off != nil {
				x.sfact(org, LeaderOffice, ref(off))
			}
			continue
		}
		if p := x.resolve(m[4], m[5], Person); p != nil && p.Type == Person {
			x.sfact(org, Chairperson, ref(p))
		}
	}
}

// appositions reads "the Prime Minister, Aram Vardanyan, said".
func (x *extraction) appositions() {
	if !x.has("the ") {
		return
	}
	for _, m := range x.anchored(apposAt, func(w string) bool { return w == "the" || w == "The" }) {
		off := x.officeAt(m[2], m[3])
		p := x.resolve(m[4], m[5], Person)
		if off != nil && p != nil && p.Type == Person {
			x.sfact(p, PositionHeld, ref(off))
		}
	}
}

var (
	// roleOffPat is an office title whose complement may be a portfolio
	// ("Minister for Education and Science").
	roleOffPat = `(?i:` + officeHeadPat + `)(?:\s+(?:of|for)\s+(?:the\s+)?` + capW + `(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?` + capW + `)*)?`
	// "Alexandre Lomaia, the former Minister for Education and Science and
	// new Secretary of the Security Council", "X, then the chairman of the
	// Supreme Soviet": a name, then its role with an article or a word of
	// time (a bare "X, deputy governor of …" is left alone).
	roleApposRE = pat(`({NAME}), ((?:then |the |former |new |current |incumbent |acting |interim |outgoing |then-)+)(` + roleOffPat + `)(?: and (?:the )?(?:(?:former|new|current|later) )?(` + roleOffPat + `))?`)
	// clauseVerbRE matches a verb right after an office, which makes it
	// the subject of a clause rather than an apposition.
	clauseVerbRE = regexp.MustCompile(`^ (?:is|was|were|are|has|had|have|will|would|can|could|may|must|said|says|\pL+ed)\b`)
	// "Vladimir Voronin, President from 2001 to 2009, led …": a bare title
	// with a term in apposition.
	roleTermRE = pat(`({NAME}), (` + roleOffPat + `) (?:from ({DATE}) (?:to|until) ({DATE})|since ({DATE}))`)
	// "The former Prime Minister, Natalia Gavrilița, resigned".
	roleFirstRE = pat(`\b[Tt]he ((?:former|then|current|incumbent|new|outgoing|acting|interim) )({OFF}), ({NAME}),`)
	// "Eduard Shevardnadze resigned as president on November 23, 2003".
	resignedRE = pat(`({NAME}) (?:resigned|stepped down|was dismissed|was removed) (?:as|from the (?:post|office) of) (?:the )?({OFF})(?:[^.;]{0,40}? (?:on|in) ({DATE}))?`)
)

// roleAppositions reads a person's office in an apposition after the name:
// "Alexandre Lomaia, the former Minister for Education and Science".
func (x *extraction) roleAppositions() {
	if x.has(" from ", " since ") {
		for _, m := range x.near(roleTermRE, 80, " from ", " since ") {
			p := x.resolve(m[2], m[3], Person)
			off := x.officeAt(m[4], m[5])
			if p == nil || p.Type != Person || off == nil || !x.nameOrKnown(m[2], m[3]) {
				continue
			}
			x.sfact(p, PositionHeld, ref(off), x.termQuals(m[10], m[11], m[6], m[7], m[8], m[9])...)
		}
	}
	for _, m := range x.near(roleFirstRE, 20, "former ", "then ", "current ", "incumbent ", "new ", "outgoing ", "acting ", "interim ") {
		p := x.resolve(m[6], m[7], Person)
		off := x.officeAt(m[4], m[5])
		if p == nil || p.Type != Person || off == nil || !x.nameOrKnown(m[6], m[7]) {
			continue
		}
		x.sfact(p, PositionHeld, ref(off))
		if w := x.text[m[2]:m[3]]; w == "current " || w == "incumbent " {
			x.headOf(off, p, x.sent.Span, x.sent.Cites)
		}
	}
	keys := []string{", the ", ", then ", ", former ", ", new ", ", current ", ", incumbent ", ", acting ", ", interim ", ", outgoing "}
	if !x.has(keys...) {
		return
	}
	for _, m := range x.near(roleApposRE, 120, keys...) {
		end := m[7]
		if m[9] >= 0 {
			end = m[9]
		}
		if clauseVerbRE.MatchString(x.text[end:]) {
			continue // "… on Nagorno-Karabakh, the President resigned": a clause
		}
		if !x.nameOrKnown(m[2], m[3]) {
			continue // one unknown word is no name
		}
		p := x.resolve(m[2], m[3], Person)
		if p == nil || p.Type != Person {
			continue
		}
		for _, g := range [][2]int{{m[6], m[7]}, {m[8], m[9]}} {
			if g[0] < 0 || strings.HasPrefix(x.text[g[1]:], "\x01") {
				continue // "X, the president's adviser"
			}
			off := x.at(g[0], g[1])
			if off == nil || off.Type != Office {
				off = x.officeEntity(x.raw(g[0], g[1]), x.span(g[0], g[1]))
			}
			if off == nil || off.Type != Office {
				continue
			}
			if b := bodyHeadRE.FindStringSubmatch(off.Name); b != nil && isParty(x.r.find(PoliticalParty, b[1])) {
				continue // a party's chair: the party rule's
			}
			x.ments = append(x.ments, mention{g[0], g[1], off})
			x.sfact(p, PositionHeld, ref(off))
			if strings.Contains(x.text[m[4]:m[5]], "current") || strings.Contains(x.text[m[4]:m[5]], "incumbent") {
				x.bodyHead(off, p)
			}
		}
	}
}

// headOfRE matches the title of a body's head before the body's name.
var headOfRE = regexp.MustCompile(`\b(?:[Hh]ead|[Cc]hairman|[Cc]hairwoman|[Cc]hairperson|[Dd]irector|[Cc]hief) of (?:the )?`)

// headsOfBodies reads "the head of the Penitentiary Department Bachana
// Akhalaia": the body named after the title, then the person, chairs it.
func (x *extraction) headsOfBodies() {
	if !x.has("head of", "chairman of", "chairwoman of", "chairperson of", "director of", "chief of") {
		return
	}
	for _, loc := range headOfRE.FindAllStringIndex(x.text, -1) {
		var body *mention
		for k := range x.ments {
			m := &x.ments[k]
			if m.start == loc[1] && (m.e.Type == GovernmentOrganization || m.e.Type == Organization) && (body == nil || m.end > body.end) {
				body = m
			}
		}
		if body == nil {
			continue
		}
		for _, m := range x.ments {
			if m.e.Type == Person && m.start == body.end+1 && x.text[body.end] == ' ' {
				x.sfact(body.e, Chairperson, ref(m.e))
			}
		}
	}
}

// nameOrKnown says whether the phrase at [i, j) is an entity already
// mentioned or known, or has the two words at least of a new person's name.
func (x *extraction) nameOrKnown(i, j int) bool {
	return x.at(i, j) != nil || x.r.person(x.raw(i, j)) != nil || len(strings.Fields(x.raw(i, j))) >= 2
}

func isParty(e *Entity) bool { return e != nil && e.Type == PoliticalParty }

var (
	// "Mikhail Gorbachev (in office as General Secretary of the Communist
	// Party of the Soviet Union from 1985 to 1991)".
	inOfficeAsRE = pat(`({NAME}) \((?:in office|serving|served) as (?:the )?({OFF})(?: (?:from|since) ({DATE}))?(?: (?:to|until) ({DATE}))?\)`)
	// "the appointment of Yegor Gaidar as acting prime minister in June 1992".
	appointmentOfRE = pat(`\b(?:appointment|election|nomination|confirmation) of ({NAME}) as (?:the )?(?:new )?(?:acting |interim )?({OFF})(?: (?:in|on) ({DATE}))?`)
)

// inOffice reads a term in parentheses after a name, "X (in office as
// Y from 1985 to 1991)", and "the appointment of X as Y in DATE".
func (x *extraction) inOffice() {
	if x.has("in office as", "serving as", "served as") {
		for _, m := range x.near(inOfficeAsRE, 80, "in office as", "serving as", "served as") {
			p := x.resolve(m[2], m[3], Person)
			off := x.officeAt(m[4], m[5])
			if p == nil || p.Type != Person || off == nil {
				continue
			}
			x.sfact(p, PositionHeld, ref(off), x.termQuals(-1, -1, m[6], m[7], m[8], m[9])...)
		}
	}
	if x.has("appointment of", "election of", "nomination of", "confirmation of") {
		for _, m := range x.near(appointmentOfRE, 40, "appointment of", "election of", "nomination of", "confirmation of") {
			if strings.HasPrefix(x.lower[m[0]:], "nomination") || strings.HasPrefix(x.lower[m[0]:], "confirmation") {
				if m[6] < 0 {
					continue
				}
			}
			if strings.HasPrefix(x.text[m[5]:], "\x01") || !x.nameOrKnown(m[2], m[3]) {
				continue // "the appointment of Lebed as the president's adviser"
			}
			p := x.resolve(m[2], m[3], Person)
			off := x.officeAt(m[4], m[5])
			if p == nil || p.Type != Person || off == nil {
				continue
			}
			var q []Qualifier
			if m[6] >= 0 {
				q = startQual(x.text[m[6]:m[7]])
			}
			x.sfact(p, PositionHeld, ref(off), q...)
		}
	}
}

// resignations reads "X resigned as president on 23 November 2003": X held
// the office until then.
func (x *extraction) resignations() {
	for _, m := range x.near(resignedRE, 80, "resigned", "stepped down", "dismissed", "removed") {
		p := x.resolve(m[2], m[3], Person)
		off := x.officeAt(m[4], m[5])
		if p == nil || p.Type != Person || off == nil {
			continue
		}
		var q []Qualifier
		when := ""
		if m[6] >= 0 {
			when = x.text[m[6]:m[7]]
		} else if lead := leadDateRE.FindString(x.text[:m[0]]); lead != "" {
			when = lead
		}
		if d, ok := dateAt(when); ok {
			q = []Qualifier{{EndTime, DateOf(d)}}
		}
		x.sfact(p, PositionHeld, ref(off), q...)
	}
}

// elections reads "the presidential election was held on 9 June 2019": an
// event named as Wikipedia names elections ("2019 Kazakh presidential
// election"), at its date.
func (x *extraction) elections() {
	if !x.has(" held ") {
		return
	}
	for _, m := range x.findAll(electRE) {
		d, ok := dateAt(x.text[m[8]:m[9]])
		if !ok {
			continue
		}
		kind := x.text[m[4]:m[5]] + " " + strings.TrimSuffix(x.text[m[6]:m[7]], "s")
		short := fmt.Sprintf("%d %s", d.Year, kind)
		name, aliases := short, []string(nil)
		if c := x.r.country; c != nil {
			if gc, ok := gazetteer.CountryByName(c.Name); ok && len(gc.Demonyms) > 0 {
				name, aliases = fmt.Sprintf("%d %s %s", d.Year, gc.Demonyms[0], kind), []string{short}
			}
		}
		e := x.ent(Event, name, m[0], m[1], aliases...)
		x.sfact(e, PointInTime, DateOf(d))
	}
}
