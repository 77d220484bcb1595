package extractor

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Most recognizers begin with a name ("({NAME}) was sworn in as …"), and Go's
// regexp package, which has no DFA, tries such a pattern at every byte of
// the text. A pattern whose every match must begin with a letter can only
// begin a name at the start of a word, so wordMatcher tries it there alone,
// anchored: the same leftmost, non-overlapping matches as FindAll…, found
// at a fraction of the cost. (A match that would begin inside a word,
// "Donald" in "McDonald", is no longer found: names begin words.)

// runeRange is an inclusive range of runes.
type runeRange struct{ Lo, Hi rune }

// wordMatcher is a pattern prepared for matching at word starts.
type wordMatcher struct {
	anchored *regexp.Regexp
	first    []runeRange // sorted ranges of the runes a match can begin with
}

// matchers holds each pattern's word-start matcher (nil: match as usual).
var matchers patternCache[*wordMatcher]

// matcherOf returns re's word-start matcher, or nil when a match of re may
// begin with something other than a letter (or may be empty).
func matcherOf(re *regexp.Regexp) *wordMatcher { return matchers.get(re, newMatcher) }

// newMatcher makes re's word-start matcher (see matcherOf).
func newMatcher(re *regexp.Regexp) *wordMatcher {
	var m *wordMatcher
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if set, ok := firstRunes(tree.Simplify()); ok && len(set) > 0 && allLetters(set) {
			m = &wordMatcher{anchored: regexp.MustCompile(`^(?:` + re.String() + `)`), first: normalize(set)}
		}
	}
	return m
}

// firstRunes returns the runes a non-empty match of re can begin with; ok
// is false when that is not known (any character, or a match that may be
// empty).
func firstRunes(re *syntax.Regexp) (set []runeRange, ok bool) {
	set, nullable, ok := firstOf(re)
	return set, ok && !nullable
}

// firstOf returns the runes a match of re can begin with, and whether re can
// match the empty string (then what follows it can begin the match too).
func firstOf(re *syntax.Regexp) (set []runeRange, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		r := re.Rune[0]
		set = []runeRange{{Lo: r, Hi: r}}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set = append(set, runeRange{Lo: f, Hi: f})
			}
		}
		return set, false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set = append(set, runeRange{Lo: re.Rune[i], Hi: re.Rune[i+1]})
		}
		return set, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok = firstOf(re.Sub[0])
		return set, true, ok
	case syntax.OpRepeat:
		set, nullable, ok = firstOf(re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, n, ok := firstOf(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			if !n {
				return set, false, true
			}
		}
		return set, true, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, ok := firstOf(sub)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			nullable = nullable || n
		}
		return set, nullable, true
	}
	return nil, false, false // any character, or an operator not handled
}

// allLetters says whether every rune of the ranges is a letter.
func allLetters(set []runeRange) bool {
	for _, r := range set {
		if r.Hi-r.Lo > 0x3000 {
			return false // too wide to be letters only
		}
		for c := r.Lo; c <= r.Hi; c++ {
			if !unicode.IsLetter(c) {
				return false
			}
		}
	}
	return true
}

// normalize sorts the ranges and merges those that overlap or touch, so
// that canBegin can search them.
func normalize(set []runeRange) []runeRange {
	sort.Slice(set, func(i, j int) bool { return set[i].Lo < set[j].Lo })
	var out []runeRange
	for _, r := range set {
		if n := len(out); n > 0 && r.Lo <= out[n-1].Hi+1 {
			out[n-1].Hi = max(out[n-1].Hi, r.Hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// at returns the match of m anchored at s[i:], offsets relative to s[i:].
func (m *wordMatcher) at(s string, i int) []int {
	return m.anchored.FindStringSubmatchIndex(s[i:])
}

func (m *wordMatcher) canBegin(r rune) bool {
	i := sort.Search(len(m.first), func(i int) bool { return m.first[i].Hi >= r })
	return i < len(m.first) && m.first[i].Lo <= r
}

// findAll returns re's leftmost non-overlapping matches in s, with their
// submatches, as FindAllStringSubmatchIndex(s, -1) does — tried only at
// word starts when re's matches begin with a letter.
func findAll(re *regexp.Regexp, s string) [][]int { return findAllUpTo(re, s, len(s)) }

// findAllUpTo is findAll without the matches that begin after limit (a
// caller that wants only matches spanning an offset need not try the
// words after it).
func findAllUpTo(re *regexp.Regexp, s string, limit int) [][]int {
	if !mayMatch(re, s) {
		return nil
	}
	return wordStartsUpTo(re, s, limit)
}

// wordStartsUpTo is findAllUpTo without the test of the words re needs.
func wordStartsUpTo(re *regexp.Regexp, s string, limit int) [][]int {
	return wordStarts(re, s, limit, -1)
}

// findFirst returns re's leftmost match in s with its submatches, as
// FindStringSubmatchIndex does (see findAll).
func findFirst(re *regexp.Regexp, s string) []int {
	if !mayMatch(re, s) {
		return nil
	}
	return firstAtWordStart(re, s)
}

// firstAtWordStart is findFirst without the test of the words re needs.
func firstAtWordStart(re *regexp.Regexp, s string) []int {
	if ms := wordStarts(re, s, len(s), 1); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

// wordStarts returns at most n (n < 0: all) of re's leftmost,
// non-overlapping matches in s that begin at or before limit, tried at
// word starts only when re has a word-start matcher.
func wordStarts(re *regexp.Regexp, s string, limit, n int) [][]int {
	m := matcherOf(re)
	if m == nil {
		return re.FindAllStringSubmatchIndex(s, n)
	}
	var out [][]int
	prevWord := false
	for i := 0; i < len(s) && i <= limit && (n < 0 || len(out) < n); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !prevWord && m.canBegin(r) {
			if loc := m.at(s, i); loc != nil {
				for k := range loc {
					if loc[k] >= 0 {
						loc[k] += i
					}
				}
				out = append(out, loc)
				if loc[1] > i {
					r, w = utf8.DecodeLastRuneInString(s[:loc[1]])
					i = loc[1]
					prevWord = isWordRune(r)
					continue
				}
			}
		}
		prevWord = isWordRune(r)
		i += w
	}
	return out
}

// findAll is findAll on the sentence, testing the words re needs in the
// sentence's lower case (see needSet).
func (x *extraction) findAll(re *regexp.Regexp) [][]int {
	if !x.may(re, 0, len(x.text)) {
		return nil
	}
	return wordStartsUpTo(re, x.text, len(x.text))
}

// findFirst is findFirst on the sentence (see findAll).
func (x *extraction) findFirst(re *regexp.Regexp) []int {
	if !x.may(re, 0, len(x.text)) {
		return nil
	}
	return firstAtWordStart(re, x.text)
}
