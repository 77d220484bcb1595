package link

import (
	"encoding/json"
	"fmt"
	"slices"
)

// An entity of a full dump is mostly statements the linker does not read
// (populations, identifiers, images…). entityScanner walks the entity's
// JSON without decoding it, skipping what is not wanted, and hands only
// the wanted parts (the labels, aliases and descriptions in the chosen
// languages, the P31 and P17 statements, the enwiki sitelink) to
// encoding/json: reading a dump costs a scan of its bytes plus the
// decoding of a small part of them.

// scanError is an error at a byte offset of the line.
type scanError struct {
	off int
	msg string
}

func (e *scanError) Error() string { return e.msg }

type entityScanner struct {
	b []byte
	i int
}

func (s *entityScanner) fail(format string, args ...any) error {
	return &scanError{off: s.i, msg: fmt.Sprintf(format, args...)}
}

func (s *entityScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// str reads a string at s.i and returns it, unescaped.
func (s *entityScanner) str() (string, error) {
	start := s.i
	if err := s.skipString(); err != nil {
		return "", err
	}
	raw := s.b[start:s.i]
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' {
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				s.i = start
				return "", s.fail("bad string: %v", err)
			}
			return v, nil
		}
	}
	return string(raw[1 : len(raw)-1]), nil
}

func (s *entityScanner) skipString() error {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return s.fail("want a string")
	}
	for j := s.i + 1; j < len(s.b); j++ {
		switch s.b[j] {
		case '\\':
			j++
		case '"':
			s.i = j + 1
			return nil
		}
	}
	return s.fail("unterminated string")
}

// skip skips the value at s.i (after white space).
func (s *entityScanner) skip() error {
	s.ws()
	if s.i >= len(s.b) {
		return s.fail("unexpected end of the entity")
	}
	switch c := s.b[s.i]; c {
	case '"':
		return s.skipString()
	case '{', '[':
		depth := 0
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				if err := s.skipString(); err != nil {
					return err
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.i++
					return nil
				}
			}
			s.i++
		}
		return s.fail("unterminated %c", c)
	default:
		start := s.i
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				if s.i == start {
					return s.fail("want a value")
				}
				return nil
			}
			s.i++
		}
		return nil
	}
}

// raw returns the bytes of the value at s.i and moves past it.
func (s *entityScanner) raw() ([]byte, error) {
	s.ws()
	start := s.i
	if err := s.skip(); err != nil {
		return nil, err
	}
	return s.b[start:s.i], nil
}

// object calls fn for each member of the object at s.i; fn must move past
// the value. An empty array stands for an empty object (PHP writes empty
// maps so).
func (s *entityScanner) object(what string, fn func(key string) error) error {
	s.ws()
	if s.i >= len(s.b) {
		return s.fail("unexpected end of the entity")
	}
	if s.b[s.i] == '[' {
		start := s.i
		s.i++
		s.ws()
		if s.i < len(s.b) && s.b[s.i] == ']' {
			s.i++
			return nil
		}
		s.i = start
		return s.fail("%s is an array, not an object", what)
	}
	if s.b[s.i] != '{' {
		return s.fail("%s is not an object", what)
	}
	s.i++
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return nil
	}
	for {
		s.ws()
		key, err := s.str()
		if err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return s.fail("want ':' after %q", key)
		}
		s.i++
		s.ws()
		if err := fn(key); err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) {
			return s.fail("unexpected end of the entity")
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.fail("want ',' or '}' in %s", what)
		}
	}
}

// decode unmarshals the value at s.i into v.
func (s *entityScanner) decode(what string, v any) error {
	start := s.i
	data, err := s.raw()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		s.i = start
		return s.fail("%s: %v", what, err)
	}
	return nil
}

// scanEntity reads the entity on one line of a dump: its ID and type, and
// what the linker keeps of it with names in langs. Only the parts kept are
// decoded; the rest is only scanned for its structure.
func scanEntity(line []byte, langs []string) (id, typ string, c *Candidate, err error) {
	s := &entityScanner{b: line}
	s.ws()
	var labels, descs map[string]string
	var aliases map[string][]langValue
	var p31, p17 []dumpClaim
	sitelinks, enwiki := 0, ""
	wanted := func(lang string) bool { return slices.Contains(langs, lang) }
	err = s.object("the entity", func(key string) error {
		switch key {
		case "id":
			return s.decode("id", &id)
		case "type":
			return s.decode("type", &typ)
		case "labels", "descriptions":
			m := map[string]string{}
			if key == "labels" {
				labels = m
			} else {
				descs = m
			}
			return s.object(key, func(lang string) error {
				if !wanted(lang) {
					return s.skip()
				}
				var v langValue
				err := s.decode(key+"."+lang, &v)
				m[lang] = v.Value
				return err
			})
		case "aliases":
			aliases = map[string][]langValue{}
			return s.object(key, func(lang string) error {
				if !wanted(lang) {
					return s.skip()
				}
				var v []langValue
				err := s.decode("aliases."+lang, &v)
				aliases[lang] = v
				return err
			})
		case "claims":
			return s.object(key, func(pid string) error {
				switch pid {
				case "P31":
					return s.decode("claims.P31", &p31)
				case "P17":
					return s.decode("claims.P17", &p17)
				}
				return s.skip()
			})
		case "sitelinks":
			return s.object(key, func(site string) error {
				sitelinks++
				if site != "enwiki" {
					return s.skip()
				}
				var v sitelink
				err := s.decode("sitelinks.enwiki", &v)
				enwiki = v.Title
				return err
			})
		}
		return s.skip()
	})
	if err != nil {
		return "", "", nil, err
	}
	if s.ws(); s.i < len(s.b) {
		return "", "", nil, s.fail("text after the entity")
	}
	e := dumpEntity{ID: id, Type: typ, Claims: dumpClaims{P31: p31, P17: p17}}
	e.Labels = map[string]langValue{}
	for l, v := range labels {
		e.Labels[l] = langValue{v}
	}
	e.Descriptions = map[string]langValue{}
	for l, v := range descs {
		e.Descriptions[l] = langValue{v}
	}
	e.Aliases = aliases
	c = candidateOf(&e, langs)
	c.Sitelinks, c.Enwiki = sitelinks, enwiki
	return id, typ, c, nil
}
