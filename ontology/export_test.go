package ontology

import (
	"testing"

	"github.com/kgbuild/kgbuild/extractor"
)

// Hooks for the tests of package ontology_test.

// UpdateGoldenFiles reports whether the tests run with -update.
func UpdateGoldenFiles() bool { return *update }

// SampleResult returns the hand-built result of the Map tests.
func SampleResult(t testing.TB) *extractor.Result { return sampleResult(t) }

// TestBase is the base IRI of the Map tests.
const TestBase = testBase

// LinkedSampleResult returns the sample with Wikidata links on two entities.
func LinkedSampleResult(t testing.TB) *extractor.Result { return linkedSampleResult(t) }
