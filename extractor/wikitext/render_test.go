package wikitext

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

// TestRender checks how inline markup reads: the document's text, and
// its links as "label→Title".
func TestRender(t *testing.T) {
	for _, tc := range []struct {
		in, text, links string
	}{
		{"'''Bold''' and ''italic'' and '''''both'''''.", "Bold and italic and both.", ""},
		{"[[Astana]] and [[Almaty|the old capital]].", "Astana and the old capital.", "Astana→Astana the old capital→Almaty"},
		{"The [[parliament]]s met.", "The parliaments met.", "parliaments→Parliament"},
		{"[[Amanat (party)|]] and [[Help:IPA|]] won.", "Amanat and IPA won.", "Amanat→Amanat (party)"},
		{"See [[Kazakh_language#Script|Kazakh]].", "See Kazakh.", "Kazakh→Kazakh language"},
		{"[[File:A.jpg|thumb|A [[B]] caption]]Text [[Category:X]][[kk:Y]].", "Text.", ""},
		{"A [[:Category:Politics|category]] link.", "A category link.", ""},
		{"[[wikt:polity|Polity]] word.", "Polity word.", ""},
		{"An [https://example.org external link] and [https://example.org].", "An external link and.", ""},
		{"A {{citation needed}}.", "A.", ""},
		{"Born {{birth date|1953|5|17|df=y}} in {{nowrap|{{lang|kk|Алматы}}}}.", "Born 17 May 1953 in Алматы.", ""},
		{"Since {{start date|2019|3|20}}.", "Since March 20, 2019.", ""},
		{"Area {{convert|2724900|km2|sqmi}}.", "Area 2724900 km2.", ""},
		{"{{lang-ru|Казахстан}} is it.", "Russian: Казахстан is it.", ""},
		{"A&nbsp;B &amp; C&ndash;D.", "A B & C–D.", ""},
		{"<nowiki>[[x]] {{y}}</nowiki> <!-- hidden --> z.", "[[x]] {{y}} z.", ""},
		{"x<sup>2</sup> <math>E=mc^2</math> y<br/>z.", "x2 y z.", ""},
		{"{{flag|Kazakhstan}} {{ill|Nur Otan|kk|Нұр Отан}}.", "Kazakhstan Nur Otan.", "Kazakhstan→Kazakhstan Nur Otan→Nur Otan"},
		{"{{sortname|Kassym-Jomart|Tokayev}} won.", "Kassym-Jomart Tokayev won.", "Kassym-Jomart Tokayev→Kassym-Jomart Tokayev"},
		{"Langs: {{ubl|[[Kazakh language|Kazakh]]|Russian}}.", "Langs: Kazakh, Russian.", "Kazakh→Kazakh language"},
		{"__NOTOC__Text {{#if:x|y}} here ~~~~.", "Text here.", ""},
		{"[[President of Kazakhstan|''President'']]", "President", "President→President of Kazakhstan"},
		{"Unclosed [[link here.", "Unclosed [[link here.", ""},
		{"A < B and C > D.", "A < B and C > D.", ""},
	} {
		d, err := Parse("t.wiki", []byte(tc.in))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		checkDoc(t, d)
		if got := strings.TrimSpace(d.Text); got != tc.text {
			t.Errorf("Parse(%q) text %q; want %q", tc.in, got, tc.text)
		}
		var ls []string
		for _, l := range d.Links {
			ls = append(ls, d.Slice(l.Span)+"→"+l.Title)
		}
		if got := strings.Join(ls, " "); got != tc.links {
			t.Errorf("Parse(%q) links %q; want %q", tc.in, got, tc.links)
		}
	}
}

// TestRefs checks note numbering: by first use, named notes reused (also
// before their definition), list-defined notes, group notes dropped.
func TestRefs(t *testing.T) {
	in := `Alpha.<ref name="a">Note A.</ref> Beta.<ref name=b /> Gamma.<ref>Note C.</ref> Delta.<ref name="a"/>` +
		` Epsilon.<ref group=note>An aside.</ref>{{efn|Another.}}

{{reflist|refs=
<ref name=b>Note B.</ref>
}}`
	d, err := Parse("t.wiki", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	var notes, cites []string
	for _, fn := range d.Footnotes {
		notes = append(notes, fmt.Sprintf("%d:%s", fn.Number, d.Slice(fn.Span)))
	}
	for _, s := range d.Sentences {
		cites = append(cites, fmt.Sprintf("%s%v", d.Slice(s.Span), s.Cites))
	}
	if got, want := strings.Join(notes, " | "), "1:Note A. | 2:Note B. | 3:Note C."; got != want {
		t.Errorf("notes %q; want %q", got, want)
	}
	if got, want := strings.Join(cites, " "), "Alpha.[1][1] Beta.[2][2] Gamma.[3][3] Delta.[1][1] Epsilon.[]"; got != want {
		t.Errorf("sentences %q; want %q", got, want)
	}
}

// TestTables checks how wikitables are laid out: header rows, colspan and
// rowspan, attributes, multi-line cells, a cell's first line, tables
// without a header, nested tables.
func TestTables(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		header   string
		rows     []string // cells joined by " | "
	}{
		{"simple", "{| class=\"wikitable\"\n! Office !! Name\n|-\n| President || [[Kassym-Jomart Tokayev]]\n|}",
			"Office | Name", []string{"President | Kassym-Jomart Tokayev"}},
		{"attributes", "{|\n! scope=\"col\" | Office\n! style=\"width:5em\" | Name\n|-\n| style=\"x\" | President\n| align=left | A B\n|}",
			"Office | Name", []string{"President | A B"}},
		{"two header rows", "{|\n! rowspan=2 | Name !! colspan=2 | Term\n|-\n! Took office !! Left office\n|-\n| A B || 2001 || 2005\n|}",
			"Name | Took office | Left office", []string{"A B | 2001 | 2005"}},
		{"rowspan", "{|\n! Office !! Name\n|-\n| rowspan=\"2\" | Prime Minister || A B\n|-\n| C D\n|}",
			"Office | Name", []string{"Prime Minister | A B", "Prime Minister | C D"}},
		{"multi-line cells", "{|\n! Office\n! Name\n|-\n| President\n| A\nB\n|}",
			"Office | Name", []string{"President | A B"}},
		{"first line", "{|\n! Office !! Name\n|-\n| President || [[A B]]<br /><small>(born 1953)</small>\n|}",
			"Office | Name", []string{"President | A B"}},
		{"no header", "{|\n| a || b\n|}", "", []string{""}},
		{"nested", "{|\n! Office !! Name\n|-\n| President ||\n{|\n| inner\n|}\n|-\n| Speaker || C D\n|}",
			"Office | Name", []string{"President | ", "Speaker | C D"}},
		{"empty rows", "{|\n! Office !! Name\n|-\n|-\n| [[File:X.png]] || \n|-\n| President || E F\n|}",
			"Office | Name", []string{"President | E F"}},
	} {
		d, err := Parse("t.wiki", []byte(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		checkDoc(t, d)
		var tab *extractor.Table
		for _, b := range d.Blocks {
			if b.Table != nil {
				tab = b.Table
			}
		}
		if tab == nil {
			t.Errorf("%s: no table in %q", tc.name, d.Text)
			continue
		}
		if got := strings.Join(tab.Header, " | "); got != tc.header {
			t.Errorf("%s: header %q; want %q", tc.name, got, tc.header)
		}
		var rows []string
		for _, r := range tab.Rows {
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				cells[i] = d.Slice(c)
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
		if got, want := strings.Join(rows, "\n"), strings.Join(tc.rows, "\n"); got != want {
			t.Errorf("%s: rows\n%s\nwant\n%s", tc.name, got, want)
		}
	}
}
