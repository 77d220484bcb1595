package extractor

// BlockKind says what a block of a document is.
type BlockKind uint8

// Kinds of block.
const (
	Paragraph BlockKind = iota + 1
	Heading
	TableBlock
	ListItem
	Layout // maintenance banners, "See also:", "Main article:" lines
	FootnoteBlock
)

var blockKindNames = map[BlockKind]string{Paragraph: "paragraph", Heading: "heading",
	TableBlock: "table", ListItem: "item", Layout: "layout", FootnoteBlock: "footnote"}

func (k BlockKind) String() string { return blockKindNames[k] }

// Block is one line-level unit of a document: a paragraph, a heading, a
// table, a list item, a layout line or a footnote.
type Block struct {
	Kind    BlockKind
	Span    Span
	Section int // index into Document.Sections; -1 before the first heading
	Table   *Table
}

// Section is a part of a document opened by a heading.
type Section struct {
	Heading Span
	Title   string
	Level   int // 1 for top-level headings, 2 for sub-headings
}

// Table is a block of rows split into cells under a header row.
type Table struct {
	Header []string // column names, e.g. "Office", "Name", "Party", "Since"
	Rows   []Row
	// Infobox is the kind of infobox ("country", "officeholder") when the
	// table is a wiki infobox: then each row is one "key: value" line whose
	// two cells are the key and the value.
	Infobox string
}

// Row is one table row: its whole line and the span of each cell, aligned
// with the header (a missing cell has an empty span).
type Row struct {
	Span  Span
	Cells []Span
}

// Sentence is one sentence of a paragraph or list item.
type Sentence struct {
	Span  Span
	Block int   // index into Document.Blocks
	Cites []int // footnote numbers cited inside or right after the sentence
}

// Footnote is a numbered note at the end of the article ("1. ^ …").
type Footnote struct {
	Number int
	Span   Span // the note's text, after the caret
}

// Document is a parsed article: its text and the structure found in it,
// all positions as byte offsets into Text.
type Document struct {
	Name      string // short name, from the file name: "government-of-kazakhstan"
	Path      string // as given on the command line ("-" for stdin)
	Title     string // "Government of Kazakhstan"
	Text      string
	Sections  []Section
	Blocks    []Block
	Sentences []Sentence
	Footnotes []Footnote
	// Links are the internal wiki links of a wikitext document: the span
	// of each link's label in Text and the Wikipedia title it points to.
	Links []WikiLink
	// Site is the wiki the link titles belong to ("en.wikipedia.org");
	// empty means DefaultSite.
	Site string
}

// DefaultSite is the wiki of link titles when a document names none.
const DefaultSite = "en.wikipedia.org"

// WikiLink is an internal link of a wikitext document: "[[Astana]]" or
// "[[President of Kazakhstan|President]]" rendered as its label.
type WikiLink struct {
	Span  Span   // the label in Text
	Title string // the page linked to, normalized: "President of Kazakhstan"
}

// SplitSentences fills d.Sentences from its paragraph and list-item
// blocks, with the citation markers ("[1]") of each sentence.
func (d *Document) SplitSentences() {
	d.Sentences = d.Sentences[:0]
	for bi, b := range d.Blocks {
		if b.Kind == Paragraph || b.Kind == ListItem {
			d.Sentences = append(d.Sentences, splitSentences(d.Text, b.Span, bi)...)
		}
	}
}

// WikiSite returns the wiki of the document's link titles.
func (d *Document) WikiSite() string {
	if d.Site == "" {
		return DefaultSite
	}
	return d.Site
}

// Slice returns the text of a span.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }
