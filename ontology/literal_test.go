package ontology

import (
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

func TestValidLangTag(t *testing.T) {
	for _, c := range []struct {
		tag  string
		want bool
	}{
		{"en", true}, {"EN", true}, {"kk", true}, {"kk-Latn", true}, {"kk-Cyrl-KZ", true},
		{"zh-Hans-CN", true}, {"sr-Latn-RS", true}, {"es-419", true}, {"de-CH-1901", true},
		{"sl-rozaj-biske", true}, {"zh-cmn-Hans-CN", true}, {"en-US-u-ca-gregory", true},
		{"en-a-bbb-x-a-ccc", true}, {"x-whatever", true}, {"qaa-Qaaa-QM-x-southern", true},
		{"i-klingon", true}, {"en-GB-oed", true}, {"de-1996", true}, {"abcde", true},
		{"", false}, {"-", false}, {"e", false}, {"en-", false}, {"-en", false}, {"en--US", false},
		{"en_US", false}, {"kk-Латн", false}, {"123", false}, {"en-US-u", false}, {"en-x", false},
		{"abcdefghi", false}, {"en-abcdefghi", false}, {"en-US-Latn", false}, {"x", false},
		{"en-u-ca-x", false}, {"english-", false},
	} {
		if got := ValidLangTag(c.tag); got != c.want {
			t.Errorf("ValidLangTag(%q) = %v, want %v", c.tag, got, c.want)
		}
	}
}

func TestLangLiteral(t *testing.T) {
	texts := []string{"Қазақстан", `say "hi" \ back`, "line\nbreak\r\ttab", "ctrl\x01\x7f", "", "日本"}
	for _, tag := range []string{"en", "kk-Latn", "zh-Hans-CN", "sr-Latn-RS-x-test"} {
		for _, text := range texts {
			l, err := LangLiteral(text, tag)
			if err != nil {
				t.Errorf("LangLiteral(%q, %q): %v", text, tag, err)
				continue
			}
			if l.String() != text || l.Lang() != tag {
				t.Errorf("LangLiteral(%q, %q) = %q@%s", text, tag, l.String(), l.Lang())
			}
			if !strings.HasSuffix(l.Serialize(rdf.NTriples), "@"+tag) {
				t.Errorf("LangLiteral(%q, %q) serializes as %s", text, tag, l.Serialize(rdf.NTriples))
			}
			// The same value whichever way it was built.
			if ref, err := rdf.NewLangLiteral(text, tag); err == nil && ref != l {
				t.Errorf("LangLiteral(%q, %q) differs from rdf.NewLangLiteral", text, tag)
			}
		}
	}
	for _, c := range [][2]string{{"x", "en_US"}, {"x", ""}, {"\xff", "en"}, {"x", "zh-Hans-"}} {
		if _, err := LangLiteral(c[0], c[1]); err == nil {
			t.Errorf("LangLiteral(%q, %q): no error", c[0], c[1])
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for in, want := range map[string]string{
		"  a\n  b\t\tc \u00a0d\n": "a b c d",
		"one":                     "one",
		"\n\n":                    "",
	} {
		if got := collapseSpace(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
