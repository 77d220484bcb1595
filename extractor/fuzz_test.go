package extractor

import (
	"testing"
)

// FuzzParseExtract checks that any input either is refused with an
// *InputError or parses into a document whose spans are sound, and that
// Extract on it keeps the result invariants. Without -fuzz it runs the
// seeds: the recognizer cases and a few awkward inputs.
func FuzzParseExtract(f *testing.F) {
	for _, tc := range recognizerCases {
		if tc.knownGap == "" { // a gap may break an invariant on purpose
			f.Add(tc.path, tc.text)
		}
	}
	f.Add(armenia, tableText)
	f.Add(armenia, "Office Name Party Since\nPresident\n")
	f.Add(armenia, "Region Capital\nA\n")
	f.Add(armenia, "1. ^\n")
	f.Add(armenia, "[1].[2]. .[dead link]")
	f.Add(armenia, "The provinces are: (, ), *, .")
	f.Add(armenia, "X (Armenian: ) is.")
	f.Add(armenia, "\ufeff\ufeffText.")
	f.Add("-", "It includes the , and .")
	f.Fuzz(func(t *testing.T, path, text string) {
		d, err := Parse(path, []byte(text))
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("Parse error %T %v; want *InputError", err, err)
			}
			return
		}
		checkDocSpans(t, d)
		checkResult(t, Extract(d))
	})
}
