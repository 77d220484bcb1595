package extractor

import (
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestComputeNeed(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: nothing needed
	}{
		{`[Tt]he (country|state)\b`, []string{"the country", "the state"}},
		{`(?i)\bparliament\b`, []string{"parliament"}},
		{`({NAME}) was elected`, []string{" was elected"}},
		{`ab|cd`, []string{"ab", "cd"}},
		{`x(?:ab|cd)+y`, []string{"ab", "cd"}},
		{`abc?`, []string{"ab"}},
		{`(?:abc)?`, nil},
		{`a*`, nil},
		{`\p{Lu}[a-z]+`, nil},
		{`.`, nil},
		{`ab|\d`, nil},                   // one branch needs nothing
		{`(?i)ſtate`, []string{"state"}}, // a text with "ſ" is not tested (plainLower)
		{`(?i)state`, []string{"state"}},
		{`(?:^|, )won`, []string{"won"}}, // ", won" holds "won"
		{`chair(?:man)?|speaker`, []string{"chair", "speaker"}},
		{`Ex|`, nil},
	} {
		expr := strings.ReplaceAll(tc.expr, "{NAME}", namePat)
		got := []string(computeNeed(expr))
		sort.Strings(got)
		sort.Strings(tc.want)
		if !reflect.DeepEqual(got, tc.want) && (len(got) > 0 || len(tc.want) > 0) {
			t.Errorf("computeNeed(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestNeedHolds checks the promise of needSet on real text: wherever one of
// the package's patterns matches a sentence of the articles, the sentence
// in lower case holds a word the pattern needs.
func TestNeedHolds(t *testing.T) {
	res := []*regexp.Regexp{swornRE, becameRE, servedRE, currentRE, isHolder, isOfficeRE, officeIsRE,
		servedFromRE, appointedAsRE, pronounRE, succeededByRE, replaced, titleNameRE, lowerOffRE,
		theCountryRE, institutionRE, unicameralRE, personBeforeRE, personAfterRE, dividedRE,
		citiesOfRE, parenRE, abbrevRE, nativeRE, yearEventRE, wieldRE, seatedRE, legislatureRE}
	tested := 0
	for _, a := range allArticles(t) {
		d, err := Parse(a.path, a.data)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Sentences {
			text := mask(d.Slice(s.Span))
			lower := strings.ToLower(text)
			for _, re := range res {
				n := needOf(re)
				if n == nil {
					continue
				}
				for _, m := range re.FindAllString(text, -1) {
					tested++
					if !n.in(strings.ToLower(m), nil) {
						t.Errorf("%s matches %q, which holds none of %q", re, m, n)
					}
				}
				if plainLower(text) && re.MatchString(text) && !n.in(lower, nil) {
					t.Errorf("%s matches %q, not found by its need", re, text)
				}
			}
		}
	}
	if tested == 0 {
		t.Skip("no articles")
	}
	t.Logf("%d matches checked", tested)
}

func TestPlainLower(t *testing.T) {
	for s, want := range map[string]bool{
		"The President": true, "Mälikguliýewiç": true, "Tbilisi ſtate": false,
		"\u212a": false, "İstanbul": false, "bad \xff byte": false,
	} {
		if got := plainLower(s); got != want {
			t.Errorf("plainLower(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestBigrams(t *testing.T) {
	var g bigrams
	g.set("the president of armenia")
	for w, want := range map[string]bool{"president": true, "armenia": true, "minister": false, "x": true, "": true, "nia": true, "ain": false} {
		if got := g.may(w); got != want {
			t.Errorf("may(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestPrefixes(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: not known
	}{
		{`[Tt]he (?:president|king)`, []string{"the pr", "the ki"}},
		{`(?i)ab(?:c|d)`, []string{"abc", "abd"}},
		{`ab?c`, []string{"abc", "ac"}},
		{`(?:x|y)+z`, []string{"x", "y"}},
		{`a*b`, []string{"a", "b"}},
		{`a*`, nil}, // may be empty
		{`\p{Lu}x`, nil},
		{`\bthen\s*king`, []string{"then"}},
	} {
		got := []string(prefixesOf(regexp.MustCompile(tc.expr)))
		sort.Strings(got)
		sort.Strings(tc.want)
		if !reflect.DeepEqual(got, tc.want) && (len(got) > 0 || len(tc.want) > 0) {
			t.Errorf("prefixesOf(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestPrefixesHold checks the promise of prefixSet on real text: every
// match of the anchored patterns begins, in lower case, with a prefix.
func TestPrefixesHold(t *testing.T) {
	res := []*regexp.Regexp{titleNameRE, apposRE, currentRE, lowerOffRE, theCountryRE, institutionRE, isHolder, officeIsRE}
	tested := 0
	for _, a := range allArticles(t) {
		d, err := Parse(a.path, a.data)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Sentences {
			text := mask(d.Slice(s.Span))
			for _, re := range res {
				n := prefixesOf(re)
				if n == nil {
					continue
				}
				for _, m := range re.FindAllString(text, -1) {
					tested++
					if !n.begins(strings.ToLower(m)) {
						t.Errorf("%s matches %q, which begins with none of %q", re, m, n)
					}
				}
			}
		}
	}
	if tested == 0 {
		t.Skip("no articles")
	}
	t.Logf("%d matches checked", tested)
}
