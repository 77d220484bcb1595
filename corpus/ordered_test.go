package corpus

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// jsonlCorpus writes n articles as JSON Lines; bad, when positive, is the
// line of a broken record.
func jsonlCorpus(t *testing.T, n, bad int) string {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i == bad {
			b.WriteString("{broken\n")
			continue
		}
		fmt.Fprintf(&b, `{"id":"%d","title":"Article %d","text":"text %d"}`+"\n", i, i, i)
	}
	path := filepath.Join(t.TempDir(), "c.jsonl")
	write(t, path, b.String())
	return path
}

// TestOrdered: results come in input order whatever the number of
// workers and however long each article takes, with at most 2×jobs+1
// articles in flight.
func TestOrdered(t *testing.T) {
	path := jsonlCorpus(t, 200, 0)
	for _, jobs := range []int{1, 2, 3, 8} {
		for _, skip := range []int{0, 37} {
			r, err := Open([]string{path})
			if err != nil {
				t.Fatal(err)
			}
			var inFlight, peak atomic.Int64
			var got []string
			err = Ordered(r, jobs, skip,
				func(seq int, a *Article) (string, error) {
					if n := inFlight.Add(1); n > peak.Load() {
						peak.Store(n)
					}
					time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
					return fmt.Sprintf("%d:%s", seq, a.Title), nil
				},
				func(seq int, a *Article, v string) error {
					inFlight.Add(-1)
					got = append(got, v)
					return nil
				})
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 200-skip {
				t.Fatalf("jobs %d skip %d: %d results, want %d", jobs, skip, len(got), 200-skip)
			}
			for i, v := range got {
				if want := fmt.Sprintf("%d:Article %d", i+skip, i+skip+1); v != want {
					t.Fatalf("jobs %d skip %d: result %d is %q, want %q", jobs, skip, i, v, want)
				}
			}
			if p := peak.Load(); p > int64(2*jobs+1) {
				t.Errorf("jobs %d: %d articles in flight, want at most %d", jobs, p, 2*jobs+1)
			}
		}
	}
}

// TestOrderedErrors: the error reported is the first in input order,
// whatever the number of workers, and nothing after it is emitted.
func TestOrderedErrors(t *testing.T) {
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprint("work/jobs=", jobs), func(t *testing.T) {
			r, _ := Open([]string{jsonlCorpus(t, 100, 0)})
			defer r.Close()
			emitted := 0
			err := Ordered(r, jobs, 0,
				func(seq int, a *Article) (int, error) {
					if seq == 70 || seq == 40 || seq == 41 {
						return 0, fmt.Errorf("failed at %d", seq)
					}
					if seq < 40 {
						time.Sleep(100 * time.Microsecond) // let later articles fail first
					}
					return seq, nil
				},
				func(seq int, a *Article, v int) error { emitted++; return nil })
			if err == nil || err.Error() != "failed at 40" || emitted != 40 {
				t.Errorf("error %v after %d results, want failed at 40 after 40", err, emitted)
			}
		})
		t.Run(fmt.Sprint("read/jobs=", jobs), func(t *testing.T) {
			path := jsonlCorpus(t, 100, 60)
			r, _ := Open([]string{path})
			defer r.Close()
			emitted := 0
			err := Ordered(r, jobs, 0,
				func(seq int, a *Article) (int, error) { return seq, nil },
				func(seq int, a *Article, v int) error { emitted++; return nil })
			if err == nil || !strings.HasPrefix(err.Error(), path+":60: ") || emitted != 59 {
				t.Errorf("error %v after %d results, want %s:60 after 59", err, emitted, path)
			}
		})
		t.Run(fmt.Sprint("emit/jobs=", jobs), func(t *testing.T) {
			r, _ := Open([]string{jsonlCorpus(t, 100, 0)})
			defer r.Close()
			err := Ordered(r, jobs, 0,
				func(seq int, a *Article) (int, error) { return seq, nil },
				func(seq int, a *Article, v int) error {
					if seq == 10 {
						return fmt.Errorf("disk full")
					}
					return nil
				})
			if err == nil || err.Error() != "disk full" {
				t.Errorf("error %v, want disk full", err)
			}
		})
	}
}

// gunzip returns the decompressed content of a gzip file's bytes.
func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestShards(t *testing.T) {
	docs := make([]string, 25)
	for i := range docs {
		docs[i] = fmt.Sprintf("<s> <p> \"doc %d\" <g%d> .\n", i, i)
	}
	settings := map[string]string{"input": "x"}
	tests := []struct {
		name      string
		o         ShardOptions
		wantFiles []string
		wantDocs  []int
	}{
		{"by-docs", ShardOptions{Ext: ".nq", Docs: 10}, []string{"part-00000.nq", "part-00001.nq", "part-00002.nq"}, []int{10, 10, 5}},
		// Lines of 23 bytes (docs 0-9), then 25: cut at 200 bytes or more.
		{"by-bytes", ShardOptions{Ext: ".nq", Bytes: 200}, []string{"part-00000.nq", "part-00001.nq", "part-00002.nq"}, []int{9, 9, 7}},
		{"gzip", ShardOptions{Ext: ".nq", Docs: 20, Gzip: true}, []string{"part-00000.nq.gz", "part-00001.nq.gz"}, []int{20, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Dir = filepath.Join(t.TempDir(), "out")
			s, err := CreateShards(tc.o, settings)
			if err != nil {
				t.Fatal(err)
			}
			for i, d := range docs {
				if err := s.Add(i+1, []byte(d), 1); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(len(docs) + 2); err != nil {
				t.Fatal(err)
			}
			m, err := ReadManifest(tc.o.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if !m.Complete || m.Articles != 27 || len(m.Shards) != len(tc.wantFiles) {
				t.Fatalf("manifest: complete %v, %d articles, %d shards", m.Complete, m.Articles, len(m.Shards))
			}
			var all []byte
			n := 0
			for i, sh := range m.Shards {
				if sh.File != tc.wantFiles[i] || sh.Documents != tc.wantDocs[i] || sh.Triples != int64(tc.wantDocs[i]) {
					t.Errorf("shard %d: %+v, want %s with %d documents", i, sh, tc.wantFiles[i], tc.wantDocs[i])
				}
				n += sh.Documents
				if sh.End != n {
					t.Errorf("shard %d ends at %d, want %d", i, sh.End, n)
				}
				data, err := os.ReadFile(filepath.Join(tc.o.Dir, sh.File))
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(data)
				if int64(len(data)) != sh.Size || hex.EncodeToString(sum[:]) != sh.SHA256 {
					t.Errorf("%s: size %d sha %x, manifest says %d %s", sh.File, len(data), sum, sh.Size, sh.SHA256)
				}
				if tc.o.Gzip {
					data = gunzip(t, data)
				}
				if int64(len(data)) != sh.Bytes {
					t.Errorf("%s: %d bytes of data, manifest says %d", sh.File, len(data), sh.Bytes)
				}
				all = append(all, data...)
			}
			if string(all) != strings.Join(docs, "") {
				t.Errorf("the shards do not hold the documents in order")
			}
			ents, _ := os.ReadDir(tc.o.Dir)
			if len(ents) != len(tc.wantFiles)+1 {
				t.Errorf("%d files in the directory, want the shards and the manifest", len(ents))
			}
		})
	}
}

// TestShardsResume: a run interrupted in its third shard resumes after
// the second; a fresh run removes the old shards; settings must match.
func TestShardsResume(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	o := ShardOptions{Dir: dir, Ext: ".nq", Docs: 2}
	settings := map[string]string{"input": "x", "base": "b"}
	s, err := CreateShards(o, settings)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := s.Add(i+1, []byte(fmt.Sprintf("doc %d\n", i)), 1); err != nil {
			t.Fatal(err)
		}
	}
	// Interrupted: the fifth document is in a temporary file.
	tmps, _ := filepath.Glob(filepath.Join(dir, ".part-00002.nq.*.tmp"))
	if len(tmps) != 1 {
		t.Fatalf("temporary files %v, want one for part-00002", tmps)
	}

	if _, _, _, err := ResumeShards(o, map[string]string{"input": "y", "base": "b"}); err == nil || !strings.Contains(err.Error(), `input "x", now "y"`) {
		t.Errorf("resume with another input: %v", err)
	}
	r, skip, done, err := ResumeShards(o, settings)
	if err != nil {
		t.Fatal(err)
	}
	if skip != 4 || done {
		t.Errorf("resume: skip %d done %v, want 4 false", skip, done)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(tmps) != 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	if err := r.Add(5, []byte("doc 4\n"), 1); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(5); err != nil {
		t.Fatal(err)
	}
	m, _ := ReadManifest(dir)
	if len(m.Shards) != 3 || m.Shards[2].File != "part-00002.nq" || !m.Complete {
		t.Errorf("manifest after resume: %+v", m)
	}
	if _, _, done, err := ResumeShards(o, settings); err != nil || !done {
		t.Errorf("resume of a complete run: done %v, %v", done, err)
	}

	// A shard gone: resuming is refused.
	os.Remove(filepath.Join(dir, "part-00001.nq"))
	if _, _, _, err := ResumeShards(o, settings); err == nil || !strings.Contains(err.Error(), "part-00001.nq") {
		t.Errorf("resume with a shard missing: %v", err)
	}
	// A fresh run removes the shards of the old one.
	if _, err := CreateShards(ShardOptions{Dir: dir, Ext: ".nq", Docs: 2}, settings); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != ManifestName {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("after a fresh start: %v, want the manifest alone", names)
	}
}
