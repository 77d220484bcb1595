package store

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Results are the answer to a SELECT or ASK query, read from SPARQL 1.1
// Query Results JSON.
type Results struct {
	Vars []string
	// Rows are the solutions, in the store's order; a variable unbound in
	// a row is absent from its map.
	Rows []map[string]Term
	// Boolean is the answer to an ASK query, nil for SELECT.
	Boolean *bool
}

// Term is an RDF term of a query result.
type Term struct {
	Type     string `json:"type"` // "uri", "literal", "bnode" ("typed-literal" read as "literal")
	Value    string `json:"value"`
	Lang     string `json:"xml:lang,omitempty"`
	Datatype string `json:"datatype,omitempty"`
}

const xsdString = "http://www.w3.org/2001/XMLSchema#string"

// String writes the term as N-Triples does, the language tag lowercased
// and xsd:string left implicit (stores differ on both), with tabs escaped
// so that a term fits in one TSV cell: <iri>, _:label, "text"@lang,
// "text"^^<datatype>.
func (t Term) String() string {
	switch t.Type {
	case "uri":
		return "<" + t.Value + ">"
	case "bnode":
		return "_:" + t.Value
	}
	s := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(t.Value) + `"`
	switch {
	case t.Lang != "":
		return s + "@" + strings.ToLower(t.Lang)
	case t.Datatype != "" && t.Datatype != xsdString:
		return s + "^^<" + t.Datatype + ">"
	}
	return s
}

// Select sends query, a SELECT or ASK query, to the SPARQL query service
// at endpoint (an HTML form POST, which every store takes; Virtuoso never
// answers a POST of application/sparql-query) and reads the JSON results.
func (c *Client) Select(ctx context.Context, endpoint, query string) (*Results, error) {
	u, err := parseEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	body := url.Values{"query": {query}}.Encode()
	data, err := c.do(ctx, request{method: http.MethodPost, url: u.String(), body: []byte(body),
		header: http.Header{
			"Content-Type": {"application/x-www-form-urlencoded"},
			"Accept":       {"application/sparql-results+json"},
		}})
	if err != nil {
		return nil, err
	}
	return ParseResults(data)
}

// ParseResults reads SPARQL 1.1 Query Results JSON.
func ParseResults(data []byte) (*Results, error) {
	var doc struct {
		Head struct {
			Vars []string `json:"vars"`
		} `json:"head"`
		Results *struct {
			Bindings []map[string]Term `json:"bindings"`
		} `json:"results"`
		Boolean *bool `json:"boolean"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("query results: %w (answer starts %q)", err, serverMessage(data[:min(len(data), 200)], ""))
	}
	r := &Results{Vars: doc.Head.Vars, Boolean: doc.Boolean}
	if doc.Results == nil && doc.Boolean == nil {
		return nil, fmt.Errorf("query results: neither results nor boolean in %q", serverMessage(data[:min(len(data), 200)], ""))
	}
	if doc.Results != nil {
		r.Rows = doc.Results.Bindings
		for _, row := range r.Rows {
			for k, t := range row {
				if t.Type == "typed-literal" {
					t.Type = "literal"
					row[k] = t
				}
			}
		}
	}
	return r, nil
}
