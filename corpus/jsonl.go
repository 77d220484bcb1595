package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// jsonlSource reads a JSON Lines file: one JSON object a line with "text"
// and at least one of "title" and "id"; "url" and other members are
// optional (other members are ignored). Blank lines are skipped.
type jsonlSource struct {
	path string
	f    *file
	br   *bufio.Reader
	line int
}

func newJSONLSource(path string, f *file) *jsonlSource {
	return &jsonlSource{path: path, f: f, br: bufio.NewReaderSize(f, 1<<20)}
}

// jsonArticle is one line. ID is raw: a string or a number.
type jsonArticle struct {
	ID    json.RawMessage `json:"id"`
	Title *string         `json:"title"`
	Text  *string         `json:"text"`
	URL   *string         `json:"url"`
}

func (s *jsonlSource) next() (*Article, error) {
	for {
		line, err := s.br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("%s:%d: %w", s.path, s.line+1, err)
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", s.path, s.line+1, err)
		}
		s.line++
		line = bytes.TrimRight(line, "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, perr := ParseJSONLine(line, s.path+":"+strconv.Itoa(s.line))
		if perr != nil {
			return nil, fmt.Errorf("%s:%d: %w", s.path, s.line, perr)
		}
		return a, nil
	}
}

// ParseJSONLine reads one record of a JSON Lines corpus, a JSON object
// with "text" and at least one of "title" and "id" ("id" a string or a
// number; "url" optional; other members ignored). source is the record's
// place for messages ("wiki.jsonl:12"); errors do not include it.
func ParseJSONLine(line []byte, source string) (*Article, error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil, errors.New("empty line: not a JSON object")
	}
	if line[0] != '{' {
		return nil, errors.New("not a JSON object: each line must be {\"id\", \"title\", \"text\", \"url\"}")
	}
	var j jsonArticle
	if err := json.Unmarshal(line, &j); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("column %d: JSON syntax error: %v", se.Offset, err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%q is a JSON %s, want a string", te.Field, te.Value)
		}
		return nil, err
	}
	a := &Article{Markup: PlainText, Source: source}
	if len(j.ID) > 0 && string(j.ID) != "null" {
		var str string
		var num json.Number
		switch {
		case json.Unmarshal(j.ID, &str) == nil:
			a.ID = str
		case json.Unmarshal(j.ID, &num) == nil:
			a.ID = num.String()
		default:
			return nil, errors.New(`"id" is neither a string nor a number`)
		}
	}
	if j.Title != nil {
		a.Title = *j.Title
	}
	if j.URL != nil {
		a.URL = *j.URL
	}
	if j.Text == nil {
		return nil, errors.New(`no "text"`)
	}
	a.Text = []byte(*j.Text)
	if a.Title == "" && a.ID == "" {
		return nil, errors.New(`neither "title" nor "id": the article has no name`)
	}
	return a, nil
}

func (s *jsonlSource) close() error { return s.f.Close() }
