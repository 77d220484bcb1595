package link

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a name to the key under which the index looks it up: Unicode
// compatibility forms and accents are removed ("Älihan" → "alihan",
// "Öskemen" → "oskemen"), letters are lower-cased, dashes, slashes and
// other punctuation become spaces, apostrophes and full stops are dropped
// ("People's" → "peoples", "St. Petersburg" → "st petersburg"), "&" is
// read "and", and runs of spaces become one. Letters of other scripts are
// kept (lower-cased): "Қазақстан" → "қазақстан".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	emit := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´' || r == '.':
			// dropped without a space
		case r == '&':
			space = true
			for _, c := range "and" {
				emit(c)
			}
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if s, ok := specialLetters[r]; ok {
				for _, c := range s {
					emit(c)
				}
				continue
			}
			emit(unicode.ToLower(r))
		default:
			// spaces, dashes, slashes, commas, brackets…
			space = true
		}
	}
	return b.String()
}

// specialLetters are Latin letters that have no decomposition into a base
// letter and an accent.
var specialLetters = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'Ø': "o", 'ø': "o", 'Ł': "l", 'ł': "l", 'Đ': "d", 'đ': "d",
	'Ð': "d", 'ð': "d", 'ı': "i", 'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe",
	'Þ': "th", 'þ': "th", 'Ħ': "h", 'ħ': "h",
}

// divisionWords are the words that name an administrative division when they
// end a name: "Aktobe Region", "Almaty Province", "Mangystau Oblast".
var divisionWords = map[string]bool{
	"region": true, "province": true, "oblast": true, "oblys": true, "district": true,
	"county": true, "prefecture": true, "governorate": true, "territory": true,
	"canton": true, "voivodeship": true, "raion": true, "rayon": true, "krai": true,
	"okrug": true, "municipality": true, "department": true,
}

// divisionName reports whether a folded name ends with a division word
// and has a word before it ("Aktobe Region", not "Region").
func divisionName(folded string) bool {
	i := strings.LastIndexByte(folded, ' ')
	return i > 0 && divisionWords[folded[i+1:]]
}

// regionOrProvince reports whether a folded name ends with "region" or
// "province", the names a city is never given.
func regionOrProvince(folded string) bool {
	return strings.HasSuffix(folded, " region") || strings.HasSuffix(folded, " province") ||
		folded == "region" || folded == "province"
}

// containsWords reports whether the folded text contains the folded phrase
// as whole words.
func containsWords(text, phrase string) bool {
	return phrase != "" && wordIndex(text, phrase) >= 0
}

// shortForm reports whether the folded alias is the folded name with words
// left out ("aktobe" of "aktobe region", "tokayev" of "kassym jomart
// tokayev", "parliament" of "parliament of kazakhstan"): such an alias
// names the entity only in its document's context.
func shortForm(alias, name string) bool {
	if alias == name || alias == "" {
		return false
	}
	aw, nw := strings.Fields(alias), strings.Fields(name)
	if len(aw) >= len(nw) {
		return false
	}
	i := 0
	for _, w := range nw {
		if i < len(aw) && aw[i] == w {
			i++
		}
	}
	return i == len(aw)
}
