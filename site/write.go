package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	clean := filepath.Clean(dir)
	name := filepath.Base(clean)
	if name == "." || name == ".." || name == string(filepath.Separator) {
		return fmt.Errorf("%s: not a directory name a site can take", dir)
	}
	parent := filepath.Dir(clean)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	exists := false
	if fi, err := os.Stat(clean); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s: not a directory", dir)
		}
		if err := replaceable(clean); err != nil {
			return err
		}
		exists = true
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}

	tmp, err := os.MkdirTemp(parent, "."+name+"-*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, f := range s.Files {
		if f.Path == "" || strings.HasPrefix(f.Path, "/") || strings.Contains("/"+f.Path+"/", "/../") {
			return fmt.Errorf("site: bad file path %q", f.Path)
		}
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if f.Data == nil && f.Source != "" {
			if err := copyFile(p, f.Source); err != nil {
				return err
			}
			continue
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(dir, f.Path), err)
		}
	}
	if !exists {
		if err := os.Rename(tmp, clean); err != nil {
			return err
		}
		done = true
		return nil
	}
	// Move the old site aside, the new one in, then remove the old one.
	old, err := os.MkdirTemp(parent, "."+name+"-*.old")
	if err != nil {
		return err
	}
	if err := os.Remove(old); err != nil {
		return err
	}
	if err := os.Rename(clean, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, clean); err != nil {
		if rerr := os.Rename(old, clean); rerr != nil {
			return fmt.Errorf("%w; and the old site could not be put back: it is in %s: %v", err, old, rerr)
		}
		return err
	}
	done = true
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
