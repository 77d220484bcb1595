package extractor

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// tokensOf splits s into words and punctuation marks, as spans of s. A word
// is a run of letters, digits and marks, with inner hyphens, apostrophes and
// slashes ("Kassym-Jomart", "People's", "RadioFreeEurope/RadioLiberty").
func tokensOf(s string) []Span {
	var out []Span
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			out = append(out, Span{i, i + w})
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += w
				continue
			}
			if (r == '-' || r == '\'' || r == '’' || r == '/' || r == '.') && j+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+w:])
				if isWordRune(r2) && (r != '.' || unicode.IsUpper(r2)) {
					j += w
					continue
				}
			}
			break
		}
		out = append(out, Span{i, j})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII: no marks, and the letters and digits are these
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// startsUpper says whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// foldTs holds the transformers of foldAccents: a chain keeps state, so
// concurrent extractions each take their own.
var foldTs = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// foldAccents removes diacritics: "Älihan" → "Alihan".
func foldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return s
	}
	t := foldTs.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldTs.Put(t)
	if err != nil {
		return s
	}
	return out
}

// nameKey reduces a name to a key under which spelling variants meet: case,
// accents, dashes, a leading "the", a possessive "'s" and the common
// transliteration variants y/i and doubled letters are ignored, so that
// "Smaiylov" and "Smailov", "Baykonur" and "Baikonur" share a key.
func nameKey(s string) string {
	s = strings.ToLower(foldAccents(s))
	s = " " + s + " "
	s = strings.ReplaceAll(s, " the ", " ")
	var b strings.Builder
	var prev rune
	for _, r := range s {
		switch {
		case r == '’' || r == '\'':
			continue
		case r == 'y':
			r = 'i'
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			r = ' '
		}
		if r == prev && r != ' ' {
			continue
		}
		if r == ' ' && (prev == ' ' || b.Len() == 0) {
			prev = r
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return strings.TrimSpace(b.String())
}

// slug makes an IRI path segment from a name: lower case, letters and
// digits of any script kept, everything else one hyphen.
func slug(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// collapse replaces every run of white space by one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// bigrams is the set of the byte pairs of a text: a word with a pair
// missing from the set is not in the text, which the set says in a few
// bit tests where a search would read the whole text.
type bigrams [65536 / 64]uint64

// set makes g the set of s's byte pairs.
func (g *bigrams) set(s string) {
	*g = bigrams{}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		g[k>>6] |= 1 << (k & 63)
	}
}

// may says whether w can be in the text: false only when one of w's byte
// pairs is not (a word of fewer than two bytes always may).
func (g *bigrams) may(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		k := uint16(w[i])<<8 | uint16(w[i+1])
		if g[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// plainLower says whether strings.ToLower(s) has s's byte offsets (no rune
// of s changes its UTF-8 length in lower case) and keeps what case folding
// equates equal (no "ſ", which folds to "s" but stays "ſ"): then a word in
// lower case that a pattern needs (see needSet) is found in it where the
// pattern matches s.
func plainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r >= utf8.RuneSelf && (r == utf8.RuneError ||
					utf8.RuneLen(unicode.ToLower(r)) != utf8.RuneLen(r) || !foldsToOneLower(r)) {
					return false
				}
			}
			return true
		}
	}
	return true
}
