module github.com/kgbuild/kgbuild/bench/prose

go 1.26.0

require (
	github.com/jdkato/prose/v3 v3.2.3
	github.com/kgbuild/kgbuild v0.0.0
	github.com/knakk/rdf v0.0.0-20260317081859-15b52521cde6
)

require (
	github.com/cayleygraph/quad v1.3.0 // indirect
	github.com/piprate/json-gold v0.9.1 // indirect
	github.com/pquerna/cachecontrol v0.2.0 // indirect
	golang.org/x/text v0.44.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)

replace github.com/kgbuild/kgbuild => ../..
