package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/knakk/rdf"
)

// ErrNotSite is returned by [Write] when the directory to replace exists,
// is not empty and is not a site written before.
var ErrNotSite = errors.New("exists and is not a kgbuild site (no index.html of ours): not replaced")

// Write writes the site's files into dir, atomically: they are written
// into a new directory next to dir, which then takes dir's place. On an
// error nothing of the new site is left and dir is as it was. An existing
// dir is replaced only when it is empty or holds a site written before
// (its index.html names the generator); anything else in it is lost.
func Write(dir string, s *Site) error {
	st, err := newStage(dir)
	if err != nil {
		return err
	}
	for _, f := range s.Files {
		if err := st.put(f); err != nil {
			st.abort()
			return err
		}
	}
	return st.commit()
}

// Build renders the site of triples into dir as [Write] writes one, each
// file written as soon as it is made, so that the site's files are never
// all in memory.
func Build(dir string, triples []rdf.Triple, opts Options) (*Site, error) {
	st, err := newStage(dir)
	if err != nil {
		return nil, err
	}
	s, err := Render(triples, opts, st.put)
	if err != nil {
		st.abort()
		return nil, err
	}
	return s, st.commit()
}

// stage is a site being written into a temporary directory next to the
// one it will replace.
type stage struct {
	dir, clean, parent, name, tmp string
	exists                        bool
}

func newStage(dir string) (*stage, error) {
	clean := filepath.Clean(dir)
	name := filepath.Base(clean)
	if name == "." || name == ".." || name == string(filepath.Separator) {
		return nil, fmt.Errorf("%s: not a directory name a site can take", dir)
	}
	st := &stage{dir: dir, clean: clean, parent: filepath.Dir(clean), name: name}
	if err := os.MkdirAll(st.parent, 0o755); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(clean); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s: not a directory", dir)
		}
		if err := replaceable(clean); err != nil {
			return nil, err
		}
		st.exists = true
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	tmp, err := os.MkdirTemp(st.parent, "."+name+"-*.tmp")
	if err != nil {
		return nil, err
	}
	st.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		st.abort()
		return nil, err
	}
	return st, nil
}

// put writes one file into the stage.
func (st *stage) put(f File) error {
	if badFilePath(f.Path) {
		return fmt.Errorf("site: bad file path %q", f.Path)
	}
	p := filepath.Join(st.tmp, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if f.Data == nil && f.Source != "" {
		return copyFile(p, f.Source)
	}
	if err := os.WriteFile(p, f.Data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(st.dir, f.Path), err)
	}
	return nil
}

// abort removes the stage.
func (st *stage) abort() { os.RemoveAll(st.tmp) }

// commit puts the stage in the place of the directory: the old site is
// moved aside, the new one in, then the old one is removed.
func (st *stage) commit() error {
	if !st.exists {
		if err := os.Rename(st.tmp, st.clean); err != nil {
			st.abort()
			return err
		}
		return nil
	}
	old, err := os.MkdirTemp(st.parent, "."+st.name+"-*.old")
	if err != nil {
		st.abort()
		return err
	}
	if err := os.Remove(old); err != nil {
		st.abort()
		return err
	}
	if err := os.Rename(st.clean, old); err != nil {
		st.abort()
		return err
	}
	if err := os.Rename(st.tmp, st.clean); err != nil {
		st.abort()
		if rerr := os.Rename(old, st.clean); rerr != nil {
			return fmt.Errorf("%w; and the old site could not be put back: it is in %s: %v", err, old, rerr)
		}
		return err
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("the old site could not be removed from %s: %w", old, err)
	}
	return nil
}

// replaceable reports an error unless dir is empty or holds a site.
func replaceable(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return nil
	}
	idx, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || !bytes.Contains(idx, []byte(`<meta name="generator" content="`+generator+`">`)) {
		return fmt.Errorf("%s %w", dir, ErrNotSite)
	}
	return nil
}

// copyFile copies the file src to dst, a new file.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", src, err)
	}
	return out.Close()
}
