package corpus

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
)

// ManifestName is the file, in the output directory, that records the
// shards written so far.
const ManifestName = "manifest.json"

// ShardOptions says where and how to cut shards.
type ShardOptions struct {
	Dir   string
	Ext   string // ".nq"; ".gz" is added when Gzip
	Docs  int    // documents a shard; 0: no limit
	Bytes int64  // uncompressed bytes a shard, checked after each document; 0: no limit
	Gzip  bool
}

// Manifest records a sharded run: the settings it was started with and
// each finished shard. It is rewritten (atomically) after each shard.
type Manifest struct {
	// Settings are what must not change for a run to be resumed: inputs
	// and their sizes, options, version.
	Settings map[string]string `json:"settings"`
	Shards   []ShardInfo       `json:"shards"`
	// Complete is true once the whole input has been read and the last
	// shard written.
	Complete bool `json:"complete"`
	// Articles is the number of input articles read when Complete.
	Articles int `json:"articles,omitempty"`
}

// ShardInfo describes one finished shard.
type ShardInfo struct {
	File      string `json:"file"`
	Documents int    `json:"documents"`
	Triples   int64  `json:"triples"`
	Bytes     int64  `json:"bytes"` // uncompressed
	Size      int64  `json:"size"`  // of the file
	SHA256    string `json:"sha256"`
	// End is the number of input articles read up to this shard's last
	// document: a resumed run starts reading after it.
	End int `json:"end"`
}

// Shards writes documents into numbered files DIR/part-00000.nq[.gz], …,
// cutting a new shard when the current one reaches the size asked for.
// Each shard is written to a temporary file and renamed into place when
// complete, then recorded in the manifest, so an interrupted run leaves
// only whole shards behind.
type Shards struct {
	o   ShardOptions
	m   Manifest
	cur *shardFile
}

type shardFile struct {
	tmp     *os.File
	buf     *bufio.Writer
	sum     hash.Hash
	gz      *gzip.Writer
	w       io.Writer // where documents go
	docs    int
	triples int64
	bytes   int64
	end     int
}

// CreateShards starts a new sharded run in o.Dir, creating it if needed.
// The shards listed by a manifest already there, the manifest itself and
// leftover temporary files are removed first.
func CreateShards(o ShardOptions, settings map[string]string) (*Shards, error) {
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	if old, err := ReadManifest(o.Dir); err == nil {
		for _, sh := range old.Shards {
			if err := os.Remove(filepath.Join(o.Dir, sh.File)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
		if err := os.Remove(filepath.Join(o.Dir, ManifestName)); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := removeTemps(o.Dir); err != nil {
		return nil, err
	}
	s := &Shards{o: o, m: Manifest{Settings: settings}}
	return s, s.writeManifest()
}

// ResumeShards continues the run recorded in o.Dir's manifest. The
// settings must be those it was started with, and every shard it lists
// must be there with its recorded size. skip is the number of input
// articles the finished shards cover; done is true when the run was
// complete.
func ResumeShards(o ShardOptions, settings map[string]string) (s *Shards, skip int, done bool, err error) {
	m, err := ReadManifest(o.Dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, 0, false, fmt.Errorf("--resume: %s: no manifest: nothing to resume", filepath.Join(o.Dir, ManifestName))
		}
		return nil, 0, false, err
	}
	if d := diffSettings(m.Settings, settings); d != "" {
		return nil, 0, false, fmt.Errorf("--resume: %s was written with other settings (%s): run without --resume to start again", filepath.Join(o.Dir, ManifestName), d)
	}
	for _, sh := range m.Shards {
		p := filepath.Join(o.Dir, sh.File)
		fi, err := os.Stat(p)
		if err != nil {
			return nil, 0, false, fmt.Errorf("--resume: shard %s: %w", p, pathError(p, err))
		}
		if fi.Size() != sh.Size {
			return nil, 0, false, fmt.Errorf("--resume: shard %s has %d bytes, the manifest says %d", p, fi.Size(), sh.Size)
		}
		skip = sh.End
	}
	if err := removeTemps(o.Dir); err != nil {
		return nil, 0, false, err
	}
	return &Shards{o: o, m: *m}, skip, m.Complete, nil
}

func diffSettings(old, now map[string]string) string {
	for k, v := range now {
		if ov, ok := old[k]; !ok || ov != v {
			return fmt.Sprintf("%s %q, now %q", k, ov, v)
		}
	}
	for k, v := range old {
		if _, ok := now[k]; !ok {
			return fmt.Sprintf("%s %q, now none", k, v)
		}
	}
	return ""
}

// removeTemps removes the temporary files of an interrupted run.
func removeTemps(dir string) error {
	tmps, err := filepath.Glob(filepath.Join(dir, ".part-*.tmp"))
	if err != nil {
		return err
	}
	more, err := filepath.Glob(filepath.Join(dir, "."+ManifestName+".*.tmp"))
	if err != nil {
		return err
	}
	tmps = append(tmps, more...)
	for _, t := range tmps {
		if err := os.Remove(t); err != nil {
			return err
		}
	}
	return nil
}

// ReadManifest reads DIR/manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	p := filepath.Join(dir, ManifestName)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: not a kgbuild manifest: %w", p, err)
	}
	return &m, nil
}

// Manifest returns the manifest as written so far.
func (s *Shards) Manifest() Manifest { return s.m }

func (s *Shards) ext() string {
	if s.o.Gzip {
		return s.o.Ext + ".gz"
	}
	return s.o.Ext
}

func (s *Shards) name(i int) string { return fmt.Sprintf("part-%05d%s", i, s.ext()) }

// Add writes one document's data (whole lines) with its triple count;
// end is the number of input articles read up to and including it. The
// shard is finished when it reaches the size asked for.
func (s *Shards) Add(end int, data []byte, triples int) error {
	if s.cur == nil {
		if err := s.open(); err != nil {
			return err
		}
	}
	c := s.cur
	if _, err := c.w.Write(data); err != nil {
		return fmt.Errorf("%s: %w", c.tmp.Name(), err)
	}
	c.docs++
	c.triples += int64(triples)
	c.bytes += int64(len(data))
	c.end = end
	if s.o.Docs > 0 && c.docs >= s.o.Docs || s.o.Bytes > 0 && c.bytes >= s.o.Bytes {
		return s.finish()
	}
	return nil
}

func (s *Shards) open() error {
	name := s.name(len(s.m.Shards))
	tmp, err := os.CreateTemp(s.o.Dir, "."+name+".*.tmp")
	if err != nil {
		return err
	}
	c := &shardFile{tmp: tmp, sum: sha256.New()}
	c.buf = bufio.NewWriterSize(io.MultiWriter(tmp, c.sum), 1<<20)
	c.w = c.buf
	if s.o.Gzip {
		// The zero header (no name, no time) keeps the bytes reproducible.
		c.gz, _ = gzip.NewWriterLevel(c.buf, gzip.BestSpeed)
		c.w = c.gz
	}
	s.cur = c
	return nil
}

// finish completes the current shard: flushed, synced, renamed into place
// and recorded in the manifest.
func (s *Shards) finish() error {
	c := s.cur
	s.cur = nil
	final := filepath.Join(s.o.Dir, s.name(len(s.m.Shards)))
	fail := func(err error) error {
		c.tmp.Close()
		os.Remove(c.tmp.Name())
		return fmt.Errorf("%s: %w", final, err)
	}
	if c.gz != nil {
		if err := c.gz.Close(); err != nil {
			return fail(err)
		}
	}
	if err := c.buf.Flush(); err != nil {
		return fail(err)
	}
	fi, err := c.tmp.Stat()
	if err != nil {
		return fail(err)
	}
	if err := c.tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := c.tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := c.tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(c.tmp.Name(), final); err != nil {
		return fail(err)
	}
	s.m.Shards = append(s.m.Shards, ShardInfo{
		File: filepath.Base(final), Documents: c.docs, Triples: c.triples,
		Bytes: c.bytes, Size: fi.Size(), SHA256: hex.EncodeToString(c.sum.Sum(nil)), End: c.end,
	})
	return s.writeManifest()
}

// Close finishes the last shard and marks the run complete; articles is
// the number of input articles read in all.
func (s *Shards) Close(articles int) error {
	if s.cur != nil {
		if err := s.finish(); err != nil {
			return err
		}
	}
	s.m.Complete = true
	s.m.Articles = articles
	return s.writeManifest()
}

// Abort removes the shard being written, leaving the finished ones and
// the manifest for a resumed run.
func (s *Shards) Abort() {
	if s.cur != nil {
		s.cur.tmp.Close()
		os.Remove(s.cur.tmp.Name())
		s.cur = nil
	}
}

func (s *Shards) writeManifest() error {
	data, err := json.MarshalIndent(s.m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(s.o.Dir, ManifestName), append(data, '\n'))
}

// writeAtomic writes a file through a temporary file and a rename.
func writeAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Files lists the shard files of a manifest, in order, as paths in dir.
func (m *Manifest) Files(dir string) []string {
	var out []string
	for _, s := range m.Shards {
		out = append(out, filepath.Join(dir, s.File))
	}
	return out
}
