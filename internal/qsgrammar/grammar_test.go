package qsgrammar

import (
	"strings"
	"testing"
)

// TestCheckLine accepts the lines of the QuickStatements documentation's
// kinds and rejects broken ones, each for its own reason.
func TestCheckLine(t *testing.T) {
	good := []string{
		"Q4115189\tP31\tQ1",
		"Q4115189\tP1476\ten:\"Sandbox\"",
		"Q4115189\tP2093\t\"Jane Doe\"",
		"Q4115189\tP577\t+1967-01-17T00:00:00Z/11",
		"Q4115189\tP577\t+1967-01-00T00:00:00Z/10",
		"Q4115189\tP577\t+1967-00-00T00:00:00Z/9",
		"Q4115189\tP577\t-0044-03-15T00:00:00Z/11/J",
		"Q4115189\tP1082\t12",
		"Q4115189\tP2097\t7U577",
		"Q4115189\tP2044\t-1.5~0.5U11573",
		"Q4115189\tP625\t@43.26193/10.92708",
		"Q4115189\tP39\tQ2\tP580\t+2019-03-20T00:00:00Z/11\tP582\t+2022-01-05T00:00:00Z/11",
		"Q4115189\tP39\tQ2\tP580\t+2019-03-20T00:00:00Z/11\tS248\tQ3\tS854\t\"https://example.org/a?b=c\"\tS1683\ten:\"It was so.\"",
		"Q4115189\tLen\t\"Sandbox\"",
		"Q4115189\tAkk-cyrl\t\"Құмсалғыш\"",
		"Q4115189\tP31\tsomevalue",
	}
	for _, l := range good {
		if err := CheckLine(l); err != nil {
			t.Errorf("CheckLine(%q) = %v, want nil", l, err)
		}
	}
	if err := Check([]byte("CREATE\nLAST\tLen\t\"New\"\nLAST\tP31\tQ5\nQ1\tP527\tLAST\n")); err != nil {
		t.Errorf("CREATE block: %v", err)
	}

	bad := map[string]string{
		"":                                   "empty line",
		"Q1\tP31":                            "two columns",
		"Q1 P31 Q5":                          "spaces for tabs",
		"Q1\tP31\tQ5\t":                      "trailing tab",
		" Q1\tP31\tQ5":                       "leading space",
		"LAST\tP31\tQ5":                      "LAST without CREATE",
		"Q1\tP31\tLAST":                      "LAST value without CREATE",
		"X1\tP31\tQ5":                        "bad entity",
		"Q1\tR31\tQ5":                        "bad property",
		"Q1\tP31\tQ0x":                       "bad item",
		"Q1\tP31\tQ5\tP580":                  "qualifier without value",
		"Q1\tP31\tQ5\tX580\tQ1":              "bad qualifier key",
		"Q1\tP1476\t\"a \"b\" c\"":           "double quote inside",
		"Q1\tP1476\t\"a\\tb\"":               "", // backslash-t is two characters: fine
		"Q1\tP1476\t\" a\"":                  "leading space in string",
		"Q1\tP1476\t\"\"":                    "empty string",
		"Q1\tP1476\t\"a||b\"":                "double pipe",
		"Q1\tP1476\tEN:\"a\"":                "upper-case language",
		"Q1\tP1476\ten:a":                    "unquoted monolingual",
		"Q1\tP1476\ten-419:\"a\"":            "digits in language",
		"Q1\tP1476\t\"a\x01b\"":              "control character",
		"Q1\tP577\t1967-01-17T00:00:00Z/11":  "time without sign",
		"Q1\tP577\t+1967-01-17/11":           "time without clock",
		"Q1\tP577\t+1967-13-17T00:00:00Z/11": "month 13",
		"Q1\tP577\t+1967-01-00T00:00:00Z/11": "day precision, day 00",
		"Q1\tP577\t+1967-00-00T00:00:00Z/10": "month precision, month 00",
		"Q1\tP577\t+1967-01-17T00:00:00Z/9":  "year precision with a day",
		"Q1\tP577\t+1967-01-17T00:00:00Z/15": "precision 15",
		"Q1\tP577\t\"1967\"":                 "date as a string",
		"Q1\tP2097\t7 U577":                  "space in quantity",
		"Q1\tP2097\t7U":                      "unit without number",
		"Q1\tP2097\t1e3":                     "exponent",
		"Q1\tP39\tQ2\tS1683\t\"quote\"":      "quote without language",
		"Q1\tP39\tQ2\tS248\t\"doc\"":         "stated in a string",
		"Q1\tP39\tQ2\tS854\t\"not a url\"":   "reference URL not a URL",
		"Q1\tP39\tQ2\tS854\thttps://x.org":   "unquoted URL",
		"Q1\tP39\tQ2\tS248\tQ3\tP580\t+2019-03-20T00:00:00Z/11": "qualifier after sources",
		"Q1\tLen\tQ5":               "label not a string",
		"Q1\tLen\t\"a\"\tP1\tQ1":    "label with extra columns",
		"Q1\tP1476\t\"a */\"":       "", // ends in a quote, not */
		"Q1\tP31\tQ5 /* summary */": "trailing comment",
	}
	for l, why := range bad {
		err := CheckLine(l)
		if why == "" {
			if err != nil {
				t.Errorf("CheckLine(%q) = %v, want nil", l, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("CheckLine(%q) = nil, want an error (%s)", l, why)
		}
	}
}

// TestCheckFile reports the line of an error and a missing final newline.
func TestCheckFile(t *testing.T) {
	err := Check([]byte("Q1\tP31\tQ5\nQ1\tP31\tQ5\t\nQ1\tP31\tQ5"))
	if err == nil {
		t.Fatal("Check accepted a trailing tab and a missing newline")
	}
	for _, want := range []string{"line 2:", "no newline"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if err := Check(nil); err != nil {
		t.Errorf("Check(empty) = %v", err)
	}
	if err := Check([]byte("Q1\tP1476\ten:\"\xff\"\n")); err == nil {
		t.Error("Check accepted invalid UTF-8")
	}
}
