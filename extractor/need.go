package extractor

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// A pattern can often match only a text that holds one of a few words: a
// "was" or a "has been" for "({NAME}) (?:was|has been) elected". need
// finds such words in a pattern's syntax tree (the prefilter idea of RE2),
// in lower case, so that a text in lower case without any of them is known
// to hold no match and the pattern is not run on it. Where the analysis is
// unsure it gives up: a pattern without such words is always run.

// needSet is the words one of which (in lower case) every match of a
// pattern contains; nil: no such words are known.
type needSet []string

const maxNeed = 128 // more words than this: no need worth testing

var needs patternCache[needSet]

// needOf returns re's needSet, computed once.
func needOf(re *regexp.Regexp) needSet {
	return needs.get(re, func(re *regexp.Regexp) needSet { return computeNeed(re.String()) })
}

// computeNeed returns the needSet of the pattern expr.
func computeNeed(expr string) needSet {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, _, ok := needIn(tree)
	if !ok {
		return nil
	}
	for _, l := range lits {
		if l == "" {
			return nil // an empty word is in every text
		}
	}
	// A word that holds another is found only where that one is: "chair"
	// is enough for "chairman".
	var out needSet
	for _, l := range lits {
		inner := false
		for _, o := range lits {
			inner = inner || o != l && strings.Contains(l, o)
		}
		if !inner {
			out = append(out, l)
		}
	}
	return out
}

// needIn returns words one of which every match of re holds; exact says
// that every match of re is one of them (so that concatenations can join
// them into longer words); ok is false when no such words are known.
func needIn(re *syntax.Regexp) (lits []string, exact, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true, true
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			// A text is tested only when its runes fold to their lower
			// case (plainLower): an ASCII rune's lower case stands for
			// all it folds with.
			if re.Flags&syntax.FoldCase != 0 && r >= 0x80 && !foldsToOneLower(r) {
				return nil, false, false
			}
			b.WriteRune(unicode.ToLower(r))
		}
		return []string{b.String()}, true, true
	case syntax.OpCharClass:
		// A small class of letters ("[Tt]"): its runes in lower case.
		seen := map[rune]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				seen[unicode.ToLower(r)] = true
			}
		}
		if len(seen) == 0 || len(seen) > 4 {
			return nil, false, false
		}
		for r := range seen {
			lits = append(lits, string(r))
		}
		return lits, true, true
	case syntax.OpCapture:
		return needIn(re.Sub[0])
	case syntax.OpPlus:
		lits, _, ok = needIn(re.Sub[0])
		return lits, false, ok
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false, false
		}
		lits, exact, ok = needIn(re.Sub[0])
		return lits, exact && re.Min == 1 && re.Max == 1, ok
	case syntax.OpAlternate:
		exact = true
		for _, sub := range re.Sub {
			l, e, o := needIn(sub)
			if !o {
				return nil, false, false
			}
			lits, exact = append(lits, l...), exact && e
		}
		lits = dedup(lits)
		if len(lits) > maxNeed {
			return nil, false, false
		}
		return lits, exact, true
	case syntax.OpConcat:
		// Runs of exact children join into longer words ("[Tt]he " →
		// "the "); the best of those and of the other children's sets is
		// what the concatenation needs.
		var best []string
		better := func(c []string) {
			if len(c) > 0 && score(c) > score(best) {
				best = c
			}
		}
		cur, allExact := []string{""}, true
		for _, sub := range re.Sub {
			l, e, o := needIn(sub)
			if o && e && len(cur)*len(l) <= maxNeed {
				cur = product(cur, l)
				continue
			}
			allExact = false
			better(cur)
			cur = []string{""}
			if o {
				better(l)
			}
		}
		if allExact {
			return cur, true, true
		}
		better(cur)
		return best, false, best != nil
	}
	return nil, false, false // any character, a wide class, an optional part
}

// foldsToOneLower says whether every rune that r matches under case
// folding has the lower case of r (true of all but a few: "ſ" folds to
// "s" but stays "ſ" in lower case).
func foldsToOneLower(r rune) bool {
	l := unicode.ToLower(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if unicode.ToLower(f) != l {
			return false
		}
	}
	return true
}

// score ranks a set of words by how rarely a text holds one: by its
// shortest word.
func score(lits []string) int {
	if len(lits) == 0 {
		return -1
	}
	m := len(lits[0])
	for _, l := range lits {
		m = min(m, len(l))
	}
	return m
}

func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedup(out)
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	out := s[:0:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// in says whether lower (a text in lower case) may hold a match: whether
// it holds one of the words. g, the byte pairs of a text lower is part of,
// rules most words out first.
func (n needSet) in(lower string, g *bigrams) bool {
	if n == nil {
		return true
	}
	for _, w := range n {
		if (g == nil || g.may(w)) && strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// mayMatch says whether re may match s: false when s, in lower case, lacks
// every word re needs.
func mayMatch(re *regexp.Regexp, s string) bool {
	n := needOf(re)
	if n == nil || !plainLower(s) {
		return true
	}
	return n.in(strings.ToLower(s), nil)
}

// prefixSet is what a pattern's matches begin with, in lower case: each
// match's text in lower case begins with one of the strings (of at most
// maxPrefix bytes). nil: not known, or a match may begin with anything.
type prefixSet []string

const maxPrefix = 6

type prefix struct {
	s     string
	exact bool // the whole match of the part is s
}

var prefixes patternCache[prefixSet]

// prefixesOf returns re's prefixSet, computed once.
func prefixesOf(re *regexp.Regexp) prefixSet { return prefixes.get(re, computePrefixes) }

// computePrefixes returns re's prefixSet.
func computePrefixes(re *regexp.Regexp) prefixSet {
	var n prefixSet
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if ps, ok := prefixIn(tree); ok {
			for _, p := range ps {
				if p.s == "" {
					n = nil // a match may begin with anything
					break
				}
				n = append(n, p.s)
			}
		}
	}
	return n
}

const maxPrefixes = 512

// prefixIn returns the strings (in lower case, at most maxPrefix bytes) that
// the matches of re begin with; ok is false when that is not known.
func prefixIn(re *syntax.Regexp) (ps []prefix, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []prefix{{"", true}}, true
	case syntax.OpLiteral, syntax.OpCharClass:
		lits, _, ok := needIn(re) // exact: every match is one of lits
		if !ok {
			return nil, false
		}
		for _, l := range lits {
			ps = append(ps, cut(l, true))
		}
		return ps, true
	case syntax.OpCapture:
		return prefixIn(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest, syntax.OpPlus, syntax.OpRepeat:
		sub, ok := prefixIn(re.Sub[0])
		if !ok {
			return nil, false
		}
		for _, p := range sub {
			// A match of the part may go on after one of the sub-part's.
			ps = append(ps, prefix{p.s, p.exact && re.Op == syntax.OpQuest})
		}
		if re.Op == syntax.OpStar || re.Op == syntax.OpQuest || re.Op == syntax.OpRepeat && re.Min == 0 {
			ps = append(ps, prefix{"", true}) // it may match nothing
		}
		return ps, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := prefixIn(sub)
			if !ok {
				return nil, false
			}
			ps = append(ps, s...)
		}
		return dedupPrefixes(ps)
	case syntax.OpConcat:
		ps = []prefix{{"", true}}
		for _, sub := range re.Sub {
			open := false
			for _, p := range ps {
				open = open || p.exact
			}
			if !open {
				break
			}
			next, ok := prefixIn(sub)
			var out []prefix
			for _, p := range ps {
				switch {
				case !p.exact:
					out = append(out, p)
				case !ok:
					out = append(out, prefix{p.s, false})
				default:
					for _, q := range next {
						out = append(out, cut(p.s+q.s, q.exact))
					}
				}
			}
			if ps, ok = dedupPrefixes(out); !ok {
				return nil, false
			}
		}
		return ps, true
	}
	return nil, false
}

// cut keeps the first maxPrefix bytes of s: no longer the whole match.
func cut(s string, exact bool) prefix {
	if len(s) > maxPrefix {
		return prefix{s[:maxPrefix], false}
	}
	return prefix{s, exact}
}

func dedupPrefixes(ps []prefix) ([]prefix, bool) {
	seen := map[prefix]bool{}
	var out []prefix
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out, len(out) <= maxPrefixes
}

// begins says whether lower (text in lower case from where a match would
// begin) begins with one of the prefixes.
func (n prefixSet) begins(lower string) bool {
	if n == nil {
		return true
	}
	for _, p := range n {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}
