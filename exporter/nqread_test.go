package exporter

import (
	"bytes"
	"io"
	"testing"
)

// FuzzNQuadsDecoder: the N-Triples/N-Quads parser never panics, and what
// it reads, written again as N-Quads (when every term can be written),
// reads back as the same dataset.
func FuzzNQuadsDecoder(f *testing.F) {
	f.Add([]byte("<http://a/s> <http://a/p> \"x\\u00e9\\n\"@en-GB <http://a/g> .\n_:b <http://a/p> \"1\"^^<http://a/d> . # c\r\n"))
	f.Add([]byte("<http://a/s><http://a/p>_:o.\r<http://a/s> <http://a/p> <http://a/o\n"))
	f.Add(encode(f, NTriples, Options{}, hostileGraph(f)))
	f.Fuzz(func(t *testing.T, data []byte) {
		quads, err := decodeBytes(NQuads, data)
		if err != nil {
			return
		}
		var b bytes.Buffer
		enc, _ := NewQuadEncoder(NQuads, &b, Options{})
		for _, q := range quads {
			if enc.EncodeQuad(q) != nil {
				return // a term our writers refuse (checked elsewhere)
			}
		}
		enc.Close()
		back, err := decodeBytes(NQuads, b.Bytes())
		if err != nil {
			t.Fatalf("our output does not read back: %v\n%q", err, b.String())
		}
		if mustCanon(t, back) != mustCanon(t, quads) {
			t.Fatalf("round trip changed the dataset:\n%q\n%q", data, b.String())
		}
	})
}

// TestNTriplesRefusesGraph: an N-Triples decoder refuses a fourth term.
func TestNTriplesRefusesGraph(t *testing.T) {
	dec, _ := NewDecoder(NTriples, bytes.NewReader([]byte("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n")))
	if _, err := dec.Decode(); err == nil || err == io.EOF {
		t.Errorf("err = %v", err)
	}
}
