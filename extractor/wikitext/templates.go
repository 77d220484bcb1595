package wikitext

import (
	"strconv"
	"strings"

	"github.com/kgbuild/kgbuild/extractor/gazetteer"
)

// call is a template call being rendered.
type call struct {
	name   string  // normalized: lower case, spaces, no "Template:"
	params []param // the arguments, without the name
}

// pos returns the n-th positional argument (1-based) and whether it exists.
func (c *call) pos(n int) (param, bool) {
	k := 0
	for _, a := range c.params {
		if a.key == "" {
			k++
			if k == n {
				return a, true
			}
		}
	}
	// "{{lang|1=kk|2=text}}": explicit positions.
	for _, a := range c.params {
		if a.key == strconv.Itoa(n) {
			return a, true
		}
	}
	return param{}, false
}

// npos counts the positional arguments.
func (c *call) npos() int {
	n := 0
	for _, a := range c.params {
		if a.key == "" {
			n++
		}
	}
	return n
}

// arg returns the first named argument among keys that has a value.
func (p *parser) arg(c *call, keys ...string) (param, bool) {
	for _, k := range keys {
		for _, a := range c.params {
			if strings.EqualFold(a.key, k) && strings.TrimSpace(p.src[a.start:a.end]) != "" {
				return a, true
			}
		}
	}
	return param{}, false
}

// str returns the plain text of an argument.
func (p *parser) str(a param) string { return p.plain(a.start, a.end) }

// posStr returns the plain text of the n-th positional argument.
func (p *parser) posStr(c *call, n int) string {
	if a, ok := c.pos(n); ok {
		return p.str(a)
	}
	return ""
}

// argStr returns the plain text of the first of keys that has a value.
func (p *parser) argStr(c *call, keys ...string) string {
	if a, ok := p.arg(c, keys...); ok {
		return p.str(a)
	}
	return ""
}

// parseCall splits the template src[i:e] ("{{…}}") into its name and
// arguments.
func (p *parser) parseCall(i, e int) call {
	ps := p.splitParams(i+2, e-2, true)
	name := p.src[ps[0].start:ps[0].end]
	if strings.Contains(name, "{{") {
		name = p.plain(ps[0].start, ps[0].end)
	}
	name = strings.ToLower(collapseSpaces(strings.ReplaceAll(stripComments(name), "_", " ")))
	for _, pre := range []string{"template:", "subst:", "safesubst:", "msgnw:"} {
		name = strings.TrimSpace(strings.TrimPrefix(name, pre))
	}
	return call{name: name, params: ps[1:]}
}

// template renders the template call src[i:e]: the templates that carry
// text become it, the others are dropped.
func (p *parser) template(i, e int) {
	c := p.parseCall(i, e)
	if h, ok := templates[c.name]; ok {
		h(p, &c)
		return
	}
	switch {
	case strings.HasPrefix(c.name, "lang-"):
		p.langName(strings.TrimPrefix(c.name, "lang-"), &c, 1)
		return
	case strings.HasPrefix(c.name, "cite ") || c.name == "citation":
		p.cite(&c)
		return
	case strings.HasPrefix(c.name, "infobox") && !p.inRef:
		// An infobox inside text: its values are no part of the sentence.
		p.out.dropped()
		return
	case strings.HasPrefix(c.name, "formatnum:"), strings.HasPrefix(c.name, "ucfirst:"),
		strings.HasPrefix(c.name, "lcfirst:"):
		name := p.src[i+2 : e-2]
		if k := strings.IndexByte(name, ':'); k >= 0 {
			end := e - 2
			if len(c.params) > 0 {
				end = c.params[0].start - 1
			}
			p.inline(i+2+k+1, end)
		}
		return
	}
	p.out.dropped()
}

// templates renders the templates that carry text, by normalized name.
var templates map[string]func(*parser, *call)

func init() {
	first := func(p *parser, c *call) { // the text is the first argument
		if a, ok := c.pos(1); ok {
			p.inline(a.start, a.end)
		}
	}
	last := func(p *parser, c *call) { // the text is the last argument
		if a, ok := c.pos(c.npos()); ok {
			p.inline(a.start, a.end)
		}
	}
	second := func(p *parser, c *call) {
		if a, ok := c.pos(2); ok {
			p.inline(a.start, a.end)
		} else {
			first(p, c)
		}
	}
	lit := func(s string) func(*parser, *call) {
		return func(p *parser, c *call) { p.out.text(s) }
	}
	list := func(p *parser, c *call) { // "{{ubl|a|b}}": "a, b"
		n := 0
		for _, a := range c.params {
			if a.key != "" || strings.TrimSpace(p.src[a.start:a.end]) == "" {
				continue
			}
			if n > 0 {
				p.out.text(", ")
			}
			p.listItems(a.start, a.end)
			n++
		}
	}
	templates = map[string]func(*parser, *call){
		"nowrap": first, "nobr": first, "small": first, "smaller": first, "big": first,
		"larger": first, "nobold": first, "noitalic": first, "resize": last,
		"abbr": first, "abbrlink": first, "lang": second, "native name": second,
		"native phrase": second, "transl": last, "transliteration": last,
		"script": last, "sic": last, "val": first, "nowrap begin": lit(""),
		"ndash": lit("–"), "mdash": lit("—"), "snd": lit(" – "), "spaced ndash": lit(" – "),
		"spnd": lit(" – "), "sndash": lit(" – "), "!": lit("|"), "=": lit("="),
		"'": lit("'"), "nbsp": lit(" "), "thinsp": lit(" "), "·": lit(" · "),
		"dot": lit(" · "), "middot": lit("·"), "en dash": lit("–"), "em dash": lit("—"),
		"ubl": list, "unbulleted list": list, "plainlist": list, "plain list": list,
		"flatlist": list, "hlist": list, "bulleted list": list, "ublist": list,
		"flag": flagName, "flagcountry": flagName, "flagu": flagName, "flag country": flagName,
		"flagicon": drop, "flagdeco": drop,
		"circa": prefixed("c. "), "c.": prefixed("c. "), "as of": asOf,
		"start date": date, "end date": date, "birth date": date, "death date": date,
		"start date and age": date, "end date and age": date, "birth date and age": date,
		"death date and age": date, "film date": date, "dts": date, "date": date,
		"start and end dates": date, "birth year and age": year, "death year and age": year,
		"convert": convert, "cvt": convert,
		"sortname": sortname, "ill": ill, "interlanguage link": ill,
		"lang-rtl": second, "langx": func(p *parser, c *call) { p.langName(p.posStr(c, 1), c, 2) },
		"reflist": reflist, "references": reflist, "refbegin": drop, "refend": drop,
		"efn": drop, "efn-ua": drop, "efn-lr": drop, "refn": drop, "notetag": drop,
		"sfn": drop, "sfnp": drop, "harvnb": drop, "rp": drop,
		"party name with color": first, "party color cell": drop, "party shading": drop,
	}
}

func drop(p *parser, c *call) { p.out.dropped() }

func prefixed(pre string) func(*parser, *call) {
	return func(p *parser, c *call) {
		if a, ok := c.pos(1); ok {
			p.out.text(pre)
			p.inline(a.start, a.end)
		}
	}
}

// listItems renders a list argument: "* a\n* b" as "a, b".
func (p *parser) listItems(a, b int) {
	if !strings.Contains(p.src[a:b], "\n*") && !strings.HasPrefix(strings.TrimSpace(p.src[a:b]), "*") {
		p.inline(a, b)
		return
	}
	n := 0
	for k := a; k < b; {
		le := p.lineEnd(k, b)
		line := p.src[k:le]
		t := strings.TrimLeft(line, " \t*#")
		if strings.TrimSpace(t) != "" {
			if n > 0 {
				p.out.text(", ")
			}
			p.inline(k+len(line)-len(t), le)
			n++
		}
		k = le + 1
	}
}

// flagName renders "{{flag|Kazakhstan}}" as "Kazakhstan", linked.
func flagName(p *parser, c *call) {
	a, ok := c.pos(1)
	if !ok {
		return
	}
	name := p.str(a)
	if name == "" {
		return
	}
	start := p.out.len()
	p.out.text(name)
	if sp := p.out.trimmed(start); sp.Len() > 0 {
		p.out.links = append(p.out.links, linkOf(sp, name))
	}
}

// langName renders "{{lang-kk|text}}" as "Kazakh: text", the language
// named by its code; the text is argument n.
func (p *parser) langName(code string, c *call, n int) {
	a, ok := c.pos(n)
	if !ok {
		return
	}
	if l, ok := gazetteer.LanguageByCode(strings.SplitN(code, "-", 2)[0]); ok && len(l.Names) > 0 && !strings.EqualFold(p.argStr(c, "label"), "none") {
		p.out.text(l.Names[0] + ": ")
	}
	p.inline(a.start, a.end)
}

// asOf renders "{{as of|2020|5}}" as "As of May 2020".
func asOf(p *parser, c *call) {
	d := dateText(p, c, 1, false)
	if d == "" {
		return
	}
	if strings.EqualFold(p.argStr(c, "lc"), "y") || strings.EqualFold(p.argStr(c, "lc"), "yes") {
		p.out.text("as of " + d)
		return
	}
	p.out.text("As of " + d)
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// dateText formats positional arguments from, from+1, from+2 (year,
// month, day) as a date: "20 March 2019", or "March 20, 2019" when mdy.
func dateText(p *parser, c *call, from int, mdy bool) string {
	y := p.posStr(c, from)
	if y == "" {
		return ""
	}
	if _, err := strconv.Atoi(y); err != nil {
		return y // "{{start date|20 March 2019}}": already text
	}
	m, _ := strconv.Atoi(p.posStr(c, from+1))
	dd, _ := strconv.Atoi(p.posStr(c, from+2))
	switch {
	case m < 1 || m > 12:
		return y
	case dd < 1 || dd > 31:
		return monthNames[m-1] + " " + y
	case mdy:
		return monthNames[m-1] + " " + strconv.Itoa(dd) + ", " + y
	}
	return strconv.Itoa(dd) + " " + monthNames[m-1] + " " + y
}

// date renders "{{start date|2019|3|20}}": day first when df=y, as
// Wikipedia shows it, month first otherwise.
func date(p *parser, c *call) {
	df := strings.ToLower(p.argStr(c, "df"))
	mdy := !(df == "y" || df == "yes")
	p.out.text(dateText(p, c, 1, mdy))
}

// year renders "{{birth year and age|1953}}" as "1953".
func year(p *parser, c *call) { p.out.text(p.posStr(c, 1)) }

// convert renders "{{convert|2724900|km2|sqmi}}" as "2724900 km2".
func convert(p *parser, c *call) {
	v := p.posStr(c, 1)
	u := p.posStr(c, 2)
	switch u {
	case "-", "–", "to", "and", "or":
		v, u = v+" "+u+" "+p.posStr(c, 3), p.posStr(c, 4)
	}
	p.out.text(strings.TrimSpace(v + " " + u))
}

// sortname renders "{{sortname|Kassym-Jomart|Tokayev}}" as the linked name.
func sortname(p *parser, c *call) {
	name := strings.TrimSpace(p.posStr(c, 1) + " " + p.posStr(c, 2))
	if name == "" {
		return
	}
	start := p.out.len()
	p.out.text(name)
	if p.posStr(c, 3) == "nolink" {
		return
	}
	title := name
	if t := p.posStr(c, 3); t != "" {
		title = t
	}
	if sp := p.out.trimmed(start); sp.Len() > 0 {
		p.out.links = append(p.out.links, linkOf(sp, title))
	}
}

// ill renders an interlanguage link "{{ill|Title|kk|…}}" as a link to
// the English title.
func ill(p *parser, c *call) {
	title := p.posStr(c, 1)
	if title == "" {
		return
	}
	label := title
	if l := p.argStr(c, "lt"); l != "" {
		label = l
	}
	start := p.out.len()
	p.out.text(label)
	if sp := p.out.trimmed(start); sp.Len() > 0 {
		p.out.links = append(p.out.links, linkOf(sp, title))
	}
}

// reflist marks the reference list and reads the notes defined in it.
func reflist(p *parser, c *call) {
	if p.refSection < -1 {
		p.refSection = p.section
	}
	if a, ok := p.arg(c, "refs"); ok {
		p.refDefinitions(a.start, a.end)
	}
}

// cite renders a citation template as Wikipedia's citation style shows
// it: `Last, First (Date). "Title". Work. Place: Publisher. Retrieved …`.
func (p *parser) cite(c *call) {
	var authors []string
	for i := 0; i < 9; i++ {
		n := ""
		if i > 0 {
			n = strconv.Itoa(i)
		}
		last := p.argStr(c, "last"+n, "surname"+n, "author"+n+"-last", "last"+n+"-author")
		firstName := p.argStr(c, "first"+n, "given"+n, "author"+n+"-first")
		switch {
		case last != "" && firstName != "":
			authors = append(authors, last+", "+firstName)
		case last != "":
			authors = append(authors, last)
		default:
			if a := p.argStr(c, "author"+n); a != "" {
				authors = append(authors, a)
			}
		}
	}
	if len(authors) == 0 {
		if a := p.argStr(c, "authors", "vauthors"); a != "" {
			authors = append(authors, a)
		}
	}
	when := p.argStr(c, "date", "year")
	title := p.argStr(c, "title", "chapter", "trans-title")
	work := p.argStr(c, "work", "website", "newspaper", "journal", "magazine", "periodical", "encyclopedia", "agency")
	pub := p.argStr(c, "publisher", "institution")
	place := p.argStr(c, "location", "place")
	var parts []string
	if len(authors) > 0 {
		a := strings.Join(authors, "; ")
		if when != "" {
			a += " (" + when + ")"
		}
		parts = append(parts, a)
	}
	if title != "" {
		if c.name == "cite book" {
			parts = append(parts, title)
		} else {
			parts = append(parts, `"`+title+`"`)
		}
	}
	if work != "" {
		w := work
		vol, issue, pages := p.argStr(c, "volume"), p.argStr(c, "issue", "number"), p.argStr(c, "pages", "page")
		switch {
		case vol != "" && issue != "":
			w += ". " + vol + " (" + issue + ")"
		case vol != "":
			w += ". " + vol
		}
		if pages != "" && vol != "" {
			w += ": " + pages
		}
		parts = append(parts, w)
	}
	switch {
	case place != "" && pub != "":
		parts = append(parts, place+": "+pub)
	case pub != "":
		parts = append(parts, pub)
	}
	if len(authors) == 0 && when != "" {
		parts = append(parts, when)
	}
	if acc := p.argStr(c, "access-date", "accessdate"); acc != "" {
		parts = append(parts, "Retrieved "+acc)
	}
	var b strings.Builder
	for i, s := range parts {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(strings.TrimSpace(s))
		if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, `."`) {
			b.WriteString(".")
		}
	}
	p.out.text(b.String())
}
