// Package qsgrammar checks text against the QuickStatements v1 command
// grammar, for the tests of the QuickStatements writer.
//
// The grammar is that of Wikidata's Help:QuickStatements, as the parsers
// of QuickStatements read it (the PHP tool's importDataFromV1 and
// parseValueV1, quickstatements_rs's QuickStatementsParser): one command a
// line, columns separated by tabs.
//
//	line      = "CREATE"
//	          | entity TAB prop TAB value *( TAB ( prop | source ) TAB value )
//	          | entity TAB ( "L" | "D" | "A" ) lang TAB string
//	entity    = item | "LAST"          (LAST only after a CREATE)
//	item      = "Q" id | "P" id | "L" id | "M" id
//	prop      = "P" id                 (a qualifier after the value)
//	source    = "S" id                 (a reference part)
//	value     = item | "LAST" | "somevalue" | "novalue" | string | monolingual
//	          | time | quantity | coordinate
//	string    = DQUOTE text DQUOTE
//	monolingual = lang ":" string
//	time      = ( "+" | "-" ) year "-" MM "-" DD "T" hh ":" mm ":" ss "Z" "/" precision [ "/J" ]
//	quantity  = [ "+" | "-" ] digits [ "." digits ] [ "~" digits [ "." digits ] ] [ "U" id ]
//	coordinate = "@" decimal "/" decimal
//
// Text is checked to come back unchanged from those parsers, which have no
// escapes: a string is everything between the first and the last double
// quote of its column, trimmed, so text has no double quote (QuickStatements
// 3 reads """…""" as another type), no tab, newline or other control
// character, no "||" (a column separator for quickstatements_rs) and no
// white space at either end. A line does not end in "*/" (the PHP tool
// takes a trailing /* … */ as an edit summary).
//
// Beyond the syntax, Check knows the datatypes of the properties kgbuild
// writes in sources and qualifiers (P248 stated in: item; P854 reference
// URL: an http(s) string; P1683 quote: monolingual text; P580, P582, P585,
// P571, P576, P577: time; P31: item) and that a date's precision fits its
// fields: precision 11 needs a day, 10 a month, and the fields finer than
// the precision are 00, as Wikidata writes them (and kgbuild does).
package qsgrammar

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	itemRE   = regexp.MustCompile(`^[QPLM][1-9][0-9]*$`)
	propRE   = regexp.MustCompile(`^P[1-9][0-9]*$`)
	keyRE    = regexp.MustCompile(`^([PS])([1-9][0-9]*)$`)
	termRE   = regexp.MustCompile(`^([LDA])([a-z]+(?:-[a-z]+)*)$`)
	langRE   = regexp.MustCompile(`^([a-z]+(?:-[a-z]+)*):(".*)$`)
	timeRE   = regexp.MustCompile(`^[+-]([0-9]{1,16})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z/([0-9]{1,2})(/J)?$`)
	numRE    = regexp.MustCompile(`^[+-]?[0-9]+(?:\.[0-9]+)?(?:~[0-9]+(?:\.[0-9]+)?)?(?:U[1-9][0-9]*)?$`)
	coordRE  = regexp.MustCompile(`^@[+-]?[0-9]+(?:\.[0-9]+)?/[+-]?[0-9]+(?:\.[0-9]+)?$`)
	urlRE    = regexp.MustCompile(`^https?://[^\s"|]+$`)
	timeProp = map[string]bool{"P580": true, "P582": true, "P585": true, "P571": true, "P576": true, "P577": true}
)

// Kinds of value, as the parsers tell them apart.
const (
	kindItem        = "item"
	kindString      = "string"
	kindMonolingual = "monolingual text"
	kindTime        = "time"
	kindQuantity    = "quantity"
	kindOther       = "other"
	kindSpecial     = "somevalue or novalue" // fits every property
)

// Check checks every line of data and returns an error listing the lines
// that break the grammar ("line 3: …"), or nil. Empty data is valid;
// otherwise it must end with a newline.
func Check(data []byte) error {
	var errs []error
	if !utf8.Valid(data) {
		return errors.New("not valid UTF-8")
	}
	text := string(data)
	if text == "" {
		return nil
	}
	if !strings.HasSuffix(text, "\n") {
		errs = append(errs, errors.New("the last line has no newline"))
	}
	created := false
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if err := checkLine(line, &created); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w: %q", i+1, err, line))
		}
	}
	return errors.Join(errs...)
}

// CheckLine checks one line (without its newline), as the first of a
// file: LAST is an error in it.
func CheckLine(line string) error {
	created := false
	return checkLine(line, &created)
}

func checkLine(line string, created *bool) error {
	if line == "" {
		return errors.New("empty line")
	}
	if strings.ContainsAny(line, "\r\n") {
		return errors.New("carriage return or newline in a line")
	}
	if strings.TrimSpace(line) != line {
		return errors.New("white space at the start or end of the line")
	}
	if strings.HasSuffix(line, "*/") {
		return errors.New("ends in */ (read as an edit summary)")
	}
	if strings.Contains(line, "||") {
		return errors.New(`"||" splits columns`)
	}
	if line == "CREATE" {
		*created = true
		return nil
	}
	cols := strings.Split(line, "\t")
	if len(cols) < 3 {
		return fmt.Errorf("%d columns, want at least entity, property and value", len(cols))
	}
	switch {
	case cols[0] == "LAST":
		if !*created {
			return errors.New("LAST before any CREATE")
		}
	case itemRE.MatchString(cols[0]):
	default:
		return fmt.Errorf("column 1 %q: not an entity ID or LAST", cols[0])
	}
	if m := termRE.FindStringSubmatch(cols[1]); m != nil {
		if len(cols) != 3 {
			return fmt.Errorf("label, description or alias with %d columns, want 3", len(cols))
		}
		kind, err := value(cols[2], *created)
		if err != nil {
			return fmt.Errorf("column 3: %w", err)
		}
		if kind != kindString {
			return fmt.Errorf("column 3: %s, want a string for %s", kind, cols[1])
		}
		return nil
	}
	if !propRE.MatchString(cols[1]) {
		return fmt.Errorf("column 2 %q: not a property ID, label, description or alias", cols[1])
	}
	if err := typed(cols[1], cols[2], *created); err != nil {
		return fmt.Errorf("column 3: %w", err)
	}
	if (len(cols)-3)%2 != 0 {
		return fmt.Errorf("qualifier or source %q without a value", cols[len(cols)-1])
	}
	inSources := false
	for i := 3; i < len(cols); i += 2 {
		m := keyRE.FindStringSubmatch(cols[i])
		if m == nil {
			return fmt.Errorf("column %d %q: not a qualifier (Pnnn) or source (Snnn)", i+1, cols[i])
		}
		if m[1] == "S" {
			inSources = true
		} else if inSources {
			return fmt.Errorf("column %d: qualifier %s after the sources", i+1, cols[i])
		}
		if err := typed("P"+m[2], cols[i+1], *created); err != nil {
			return fmt.Errorf("column %d: %w", i+2, err)
		}
	}
	return nil
}

// typed checks a value of property prop.
func typed(prop, v string, created bool) error {
	kind, err := value(v, created)
	if err != nil {
		return err
	}
	want := ""
	switch {
	case prop == "P248" || prop == "P31":
		want = kindItem
	case prop == "P1683":
		want = kindMonolingual
	case prop == "P854":
		want = kindString
		if kind == kindString && !urlRE.MatchString(v[1:len(v)-1]) {
			return fmt.Errorf("%s: not an http(s) URL", v)
		}
	case timeProp[prop]:
		want = kindTime
	}
	if want != "" && kind != want && kind != kindSpecial {
		return fmt.Errorf("%s is %s, want %s for %s", v, kind, want, prop)
	}
	return nil
}

// value checks one value and returns its kind.
func value(v string, created bool) (string, error) {
	switch {
	case v == "":
		return "", errors.New("empty value")
	case v == "LAST":
		if !created {
			return "", errors.New("LAST before any CREATE")
		}
		return kindItem, nil
	case itemRE.MatchString(v):
		return kindItem, nil
	case v == "somevalue" || v == "novalue":
		return kindSpecial, nil
	case strings.HasPrefix(v, `"`):
		return kindString, checkString(v)
	case langRE.MatchString(v):
		return kindMonolingual, checkString(langRE.FindStringSubmatch(v)[2])
	case timeRE.MatchString(v):
		return kindTime, checkTime(timeRE.FindStringSubmatch(v))
	case numRE.MatchString(v):
		return kindQuantity, nil
	case coordRE.MatchString(v):
		return kindOther, nil
	}
	return "", fmt.Errorf("%q: not an item, string, monolingual text, time, quantity or coordinate", v)
}

// checkString checks a quoted string: "text".
func checkString(s string) error {
	if len(s) < 2 || !strings.HasPrefix(s, `"`) || !strings.HasSuffix(s, `"`) {
		return fmt.Errorf("%s: not a quoted string", s)
	}
	text := s[1 : len(s)-1]
	switch {
	case text == "":
		return errors.New("empty string")
	case strings.Contains(text, `"`):
		return fmt.Errorf("%s: double quote inside a string (no escape exists)", s)
	case strings.TrimSpace(text) != text:
		return fmt.Errorf("%s: white space at an end of a string (trimmed by QuickStatements)", s)
	case strings.ContainsFunc(text, unicode.IsControl):
		return fmt.Errorf("%s: control character in a string", s)
	}
	return nil
}

// checkTime checks the fields of a time value (timeRE's submatches).
func checkTime(m []string) error {
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	s, _ := strconv.Atoi(m[6])
	prec, _ := strconv.Atoi(m[7])
	switch {
	case prec > 14:
		return fmt.Errorf("precision %d > 14", prec)
	case month > 12:
		return fmt.Errorf("month %02d", month)
	case day > 31:
		return fmt.Errorf("day %02d", day)
	case h > 23 || mi > 59 || s > 59:
		return fmt.Errorf("time of day %s:%s:%s", m[4], m[5], m[6])
	case prec >= 10 && month == 0:
		return fmt.Errorf("precision %d with month 00", prec)
	case prec >= 11 && day == 0:
		return fmt.Errorf("precision %d with day 00", prec)
	case prec <= 9 && (month != 0 || day != 0):
		return fmt.Errorf("precision %d (year or coarser) with month or day not 00", prec)
	case prec == 10 && day != 0:
		return errors.New("precision 10 (month) with day not 00")
	}
	return nil
}
