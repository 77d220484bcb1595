package exporter_test

import (
	"fmt"
	"os"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/knakk/rdf"
)

func ExampleNewEncoder() {
	f, ok := exporter.Lookup("out.ttl")
	if !ok {
		panic("no such format")
	}
	enc, err := exporter.NewEncoder(f, os.Stdout, exporter.Options{
		Prefixes: []exporter.Prefix{
			{Name: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"},
			{Name: "kg", IRI: "https://example.org/kg/"},
		},
	})
	if err != nil {
		panic(err)
	}
	almaty, _ := rdf.NewIRI("https://example.org/kg/almaty")
	town, _ := rdf.NewIRI("https://example.org/kg/almaty_(town)")
	typ, _ := rdf.NewIRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	city, _ := rdf.NewIRI("https://example.org/kg/City")
	name, _ := rdf.NewIRI("https://example.org/kg/name")
	pop, _ := rdf.NewIRI("https://example.org/kg/population")
	sameAs, _ := rdf.NewIRI("https://example.org/kg/sameAs")
	integer, _ := rdf.NewIRI("http://www.w3.org/2001/XMLSchema#integer")
	en, _ := rdf.NewLangLiteral("Almaty", "en")
	kk, _ := rdf.NewLangLiteral("Almaty", "kk-Latn")
	for _, t := range []rdf.Triple{
		{Subj: almaty, Pred: typ, Obj: city},
		{Subj: almaty, Pred: name, Obj: en},
		{Subj: almaty, Pred: name, Obj: kk},
		{Subj: almaty, Pred: pop, Obj: rdf.NewTypedLiteral("2000000", integer)},
		{Subj: almaty, Pred: pop, Obj: rdf.NewTypedLiteral("2,000,000", integer)},
		{Subj: town, Pred: sameAs, Obj: almaty},
	} {
		if err := enc.Encode(t); err != nil {
			fmt.Println(err)
		}
	}
	if err := enc.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
	// @prefix kg: <https://example.org/kg/> .
	//
	// kg:almaty a kg:City ;
	//     kg:name "Almaty"@en,
	//         "Almaty"@kk-Latn ;
	//     kg:population 2000000,
	//         "2,000,000"^^xsd:integer .
	//
	// <https://example.org/kg/almaty_(town)> kg:sameAs kg:almaty .
}
