module github.com/kgbuild/kgbuild

go 1.26.0

require (
	github.com/knakk/rdf v0.0.0-20260317081859-15b52521cde6
	github.com/piprate/json-gold v0.9.1
	golang.org/x/term v0.48.0
	golang.org/x/text v0.44.0
)

require (
	github.com/cayleygraph/quad v1.3.0 // indirect
	github.com/pquerna/cachecontrol v0.2.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
)
