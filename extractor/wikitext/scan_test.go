package wikitext

import (
	"reflect"
	"testing"
)

func scanParser(s string) *parser { return &parser{src: s, lower: asciiLower(s)} }

// TestScanTopCallers shows how each user of scanTop finds its separator
// outside nested markup: template arguments ('|'), a key ('='), table
// cells ("||", "!!") and a cell's attributes ('|').
func TestScanTopCallers(t *testing.T) {
	t.Run("splitParams", func(t *testing.T) {
		for _, tc := range []struct {
			in   string
			want []string // the parts, keys as "key=" before the value
		}{
			{"a|b|c", []string{"a", "b", "c"}},
			{"a|k = v|x", []string{"a", "k=v", "x"}},
			{"a|{{t|x|y}}|[[L|l]]", []string{"a", "{{t|x|y}}", "[[L|l]]"}},
			{"a|<ref>r|s</ref>|b", []string{"a", "<ref>r|s</ref>", "b"}},
			{"a|[http://x?q=1 w]|b", []string{"a", "[http://x?q=1 w]", "b"}}, // a lone bracket: no nesting, no key
			{"a|x]] y|[[L|l]]", []string{"a", "x]] y", "[[L|l]]"}},           // a stray closer is text
			{"a|x}} y|{{t|u}}", []string{"a", "x}} y", "{{t|u}}"}},
			{"a|<!-- c -->k=v", []string{"a", "k=v"}},
			{"a|<ref name=n/>=v", []string{"a", "<ref name=n/>=v"}}, // no key before a tag
			{"a|text\nk=v", []string{"a", "text\nk=v"}},             // a key is one line
		} {
			p := scanParser(tc.in)
			var got []string
			for _, pr := range p.splitParams(0, len(tc.in), true) {
				s := p.src[pr.start:pr.end]
				if pr.key != "" {
					s = pr.key + "=" + trimSpace(s)
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitParams(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	})
	t.Run("topLevelEq", func(t *testing.T) {
		for in, want := range map[string]int{
			"key = v":          4,
			"{{a}}=v":          5,
			"{{a|b=c}}":        -1,
			"[[a=b]]":          -1,
			"[http://x?a=b y]": -1, // every bracket nests here
			"<br>k=v":          -1,
			"<!--c-->k=v":      9,
			"\n k=v":           3, // a line break before any text
			"a\nk=v":           -1,
			"a}=b":             2, // a stray closer is text
		} {
			if got := scanParser(in).topLevelEq(0, len(in)); got != want {
				t.Errorf("topLevelEq(%q) = %d, want %d", in, got, want)
			}
		}
	})
	t.Run("splitCells", func(t *testing.T) {
		for _, tc := range []struct {
			in     string
			header bool
			want   []string
		}{
			{" a || b || c", false, []string{" a ", " b ", " c"}},
			{" a !! b || c", true, []string{" a ", " b ", " c"}},
			{" a !! b", false, []string{" a !! b"}},
			{" [[L|l]] || {{t|x||y}} || <ref>r||s</ref>", false, []string{" [[L|l]] ", " {{t|x||y}} ", " <ref>r||s</ref>"}},
			{" x]] || [[L||l]]", false, []string{" x]] ", " [[L||l]]"}}, // a stray closer is text
			{" rowspan=2 | a || b", false, []string{" a ", " b"}},
		} {
			p := scanParser(tc.in)
			var got []string
			for _, c := range p.splitCells(0, len(tc.in), tc.header) {
				got = append(got, p.src[c.a:c.b])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitCells(%q, %v) = %q, want %q", tc.in, tc.header, got, tc.want)
			}
		}
	})
	t.Run("attrBar", func(t *testing.T) {
		for in, want := range map[string]int{
			`rowspan=2 | a`:          10,
			`style="{{c|x}}" | a`:    16,
			`[[L|l]]`:                -1,
			`a <ref>x</ref> | b`:     -1, // a tag: the cell is content
			`{{t|<ref>x</ref>}} | b`: -1,
			`a <b>|</b>`:             5, // not a span element: text
			`[http://x y] | b`:       13,
			`]] | b`:                 3, // a stray closer is text
		} {
			if got := scanParser(in).attrBar(0, len(in)); got != want {
				t.Errorf("attrBar(%q) = %d, want %d", in, got, want)
			}
		}
	})
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n') {
		s = s[:len(s)-1]
	}
	return s
}
