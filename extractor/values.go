package extractor

import (
	"regexp"
	"strconv"
	"strings"
)

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
	"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// monthAlt matches a month's name or abbreviation ("March", "Mar.",
// "Sept"), written with shared prefixes to keep the patterns it is part of
// small (Go's regexp backtracks only programs of up to 500 instructions).
const monthAlt = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

// dateRE finds dates: "20 March 2019", "March 20, 2019", "March 2019",
// "2022-01-07" and bare years 1000–2099.
var dateRE = regexp.MustCompile(`\b(?:(\d{1,2})\s+(` + monthAlt + `),?\s+(\d{4})|(` + monthAlt + `)\s+(\d{1,2}),?\s+(\d{4})|(` + monthAlt + `)\s+(\d{4})|(\d{4})-(\d{2})-(\d{2})|((?:1[0-9]|20)\d{2}))\b`)

// DateMatch is a date found in text, with its byte offsets relative to the
// searched string.
type DateMatch struct {
	Date       Date
	Start, End int
}

// FindDates returns every date in s, left to right.
func FindDates(s string) []DateMatch {
	var out []DateMatch
	for _, m := range dateRE.FindAllStringSubmatchIndex(s, -1) {
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		var d Date
		switch {
		case g(1) != "":
			d = Date{atoi(g(3)), month(g(2)), atoi(g(1))}
		case g(4) != "":
			d = Date{atoi(g(6)), month(g(4)), atoi(g(5))}
		case g(7) != "":
			d = Date{atoi(g(8)), month(g(7)), 0}
		case g(9) != "":
			d = Date{atoi(g(9)), atoi(g(10)), atoi(g(11))}
		default:
			d = Date{Year: atoi(g(12))}
		}
		if !d.valid() {
			continue
		}
		out = append(out, DateMatch{d, m[0], m[1]})
	}
	return out
}

func month(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

func (d Date) valid() bool {
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d.Year < 1000 || d.Year > 2100 || d.Month < 0 || d.Month > 12 {
		return false
	}
	if d.Month == 2 && d.Day == 29 && !(d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)) {
		return false
	}
	return d.Day == 0 || d.Month > 0 && d.Day >= 1 && d.Day <= days[d.Month]
}

var numberWords = map[string]int64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "single": 1}

// ParseNumber reads "98", "6,000", "eleven", "twenty-five" or "a hundred".
func ParseNumber(s string) (int64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		return n, err == nil
	}
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	if a, b, ok := strings.Cut(s, "-"); ok {
		x, ok1 := numberWords[a]
		y, ok2 := numberWords[b]
		if ok1 && ok2 && x >= 20 && x%10 == 0 && y < 10 {
			return x + y, true
		}
	}
	return 0, false
}

// numberPat matches a number in digits or words, for use inside patterns.
const numberPat = `(\d{1,3}(?:,\d{3})+|\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|single)`
