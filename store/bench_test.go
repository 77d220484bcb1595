package store

import (
	"context"
	"io"
	"testing"
)

// BenchmarkLoaderBatching measures the client's side of a load: triples
// encoded as N-Triples into bounded batches and written out as requests
// (a dry run to io.Discard, so no store and no network), for each
// protocol.
func BenchmarkLoaderBatching(b *testing.B) {
	ts := triples(b, 10_000)
	size := 0
	for _, t := range ts {
		n, _ := lineSize(t)
		size += n
	}
	for _, p := range []Protocol{GSP, Update} {
		b.Run(string(p), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				l, err := NewLoader(&Client{}, LoaderOptions{Endpoint: "http://127.0.0.1:1/x", Protocol: p, DryRun: io.Discard})
				if err != nil {
					b.Fatal(err)
				}
				for _, t := range ts {
					if err := l.Add(ctx, g1, t); err != nil {
						b.Fatal(err)
					}
				}
				if err := l.Flush(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ts))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}
