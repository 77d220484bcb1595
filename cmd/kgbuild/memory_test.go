package main

import (
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/kgbuild/kgbuild/exporter"
	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/ontology"
)

// TestMemoryFlat builds the sample article again and again, as a corpus run
// builds one document after another, and checks that the live heap does not
// grow with the number of documents: nothing may be kept from one document
// to the next.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample 60 times")
	}
	data, err := os.ReadFile(samplePath(t))
	if err != nil {
		t.Fatal(err)
	}
	formats, err := parseFormats("ttl,jsonld,nt")
	if err != nil {
		t.Fatal(err)
	}
	opts := ontology.Options{Base: ontology.DefaultBase}
	build := func() {
		doc, err := extractor.Parse("sample.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		var encs fanout
		for _, f := range formats {
			enc, err := exporter.NewEncoder(f, io.Discard, encoderOptions(opts.Base))
			if err != nil {
				t.Fatal(err)
			}
			encs = append(encs, enc)
		}
		if err := ontology.Map(extractor.Extract(doc), opts, encs); err != nil {
			t.Fatal(err)
		}
		for _, e := range encs {
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for range 10 { // warm up: gazetteers, compiled patterns
		build()
	}
	base := live()
	for range 50 {
		build()
	}
	grown := int64(live()) - int64(base)
	t.Logf("live heap after 10 documents %d KB, after 60: %+d KB", base/1024, grown/1024)
	// One document's graph is about 1 MB of garbage; keeping even a
	// fraction of each would show as megabytes here.
	if grown > 512*1024 {
		t.Errorf("live heap grew by %d KB over 50 documents: something is kept between documents", grown/1024)
	}
}
