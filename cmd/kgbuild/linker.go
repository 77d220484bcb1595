package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/kgbuild/kgbuild/extractor"
	"github.com/kgbuild/kgbuild/link"
	"github.com/kgbuild/kgbuild/link/online"
)

// linker links the entities of one document's result.
type linker interface {
	Link(res *extractor.Result) (link.Stats, error)
}

// offlineLinker links with an index read once.
type offlineLinker struct{ idx *link.Index }

func (l offlineLinker) Link(res *extractor.Result) (link.Stats, error) {
	return link.Link(res, l.idx), nil
}

// onlineLinker links with candidates looked up on the web.
type onlineLinker struct{ l *online.Linker }

func (l onlineLinker) Link(res *extractor.Result) (link.Stats, error) {
	st, err := l.l.Link(context.Background(), res)
	if err != nil {
		return st, &codedError{exitError, fmt.Errorf("linking online: %w", err)}
	}
	return st, nil
}

// projectURL is the contact URL of the User-Agent sent to Wikimedia.
const projectURL = "https://github.com/kgbuild/kgbuild"

// onlineOptions are the flags of online linking, shared by build and link.
type onlineOptions struct {
	api     string
	cache   string
	rate    float64
	contact string
	langs   string
}

func onlineFlags(fs *flag.FlagSet, o *onlineOptions) {
	fs.StringVar(&o.api, "wikidata-api", online.DefaultWikidataAPI, "`URL` of the Wikidata action API used by --link wikidata")
	fs.StringVar(&o.cache, "link-cache", online.DefaultCacheDir(), "`DIR` caching the answers of online linking ('' or 'off': no cache)")
	fs.Float64Var(&o.rate, "link-rate", 5, "at most `N` requests a second when linking online")
	fs.StringVar(&o.contact, "contact", "", "your e-mail or URL, added to the User-Agent of online requests as Wikimedia's policy asks")
	fs.StringVar(&o.langs, "link-lang", strings.Join(link.DefaultLangs, ","), "comma-separated `LANGS` of the names read from Wikidata online (the first is searched)")
}

// userAgent is kgbuild's User-Agent: tool/version (contact URL; contact).
func userAgent(contact string) string {
	ua := "kgbuild/" + version + " (" + projectURL
	if c := strings.TrimSpace(contact); c != "" {
		ua += "; " + c
	}
	return ua + ")"
}

// newLinker makes the linker of --link or --index: "wikidata" links with
// Wikidata's API, an http(s) URL with that Reconciliation API endpoint,
// anything else is an index file.
func newLinker(spec string, o *onlineOptions) (linker, error) {
	return newLinkerFor(spec, o, nil)
}

// newLinkerFor is newLinker for the entities of res only: an index file
// is read keeping only the items their names and articles can find
// (link.LoadFor), so that an index of all of Wikidata fits in memory.
func newLinkerFor(spec string, o *onlineOptions, res *extractor.Result) (linker, error) {
	isURL := strings.HasPrefix(spec, "http://") || strings.HasPrefix(spec, "https://")
	if spec != "wikidata" && !isURL {
		var idx *link.Index
		var err error
		if res != nil {
			names, titles := link.NamesOf(res)
			idx, err = link.LoadFor(spec, names, titles)
		} else {
			idx, err = link.Load(spec)
		}
		if err != nil {
			return nil, &codedError{exitInput, err}
		}
		return offlineLinker{idx}, nil
	}
	if o.rate <= 0 {
		return nil, &codedError{exitUsage, fmt.Errorf("--link-rate: %v is not a positive rate", o.rate)}
	}
	cache := o.cache
	if cache == "off" {
		cache = ""
	}
	c, err := online.NewClient(online.Options{UserAgent: userAgent(o.contact), CacheDir: cache,
		Interval: time.Duration(float64(time.Second) / o.rate)})
	if err != nil {
		return nil, err
	}
	if isURL {
		if _, err := url.Parse(spec); err != nil {
			return nil, &codedError{exitUsage, fmt.Errorf("%q: %w", spec, err)}
		}
		return onlineLinker{&online.Linker{Source: &online.Reconcile{Client: c, Endpoint: spec}}}, nil
	}
	if u, err := url.Parse(o.api); err != nil || !u.IsAbs() {
		return nil, &codedError{exitUsage, fmt.Errorf("--wikidata-api: %q is not an absolute URL", o.api)}
	}
	var langs []string
	for _, l := range strings.Split(o.langs, ",") {
		if l = strings.TrimSpace(l); l != "" {
			langs = append(langs, l)
		}
	}
	return onlineLinker{&online.Linker{Source: &online.Wikidata{Client: c, API: o.api, Langs: langs}}}, nil
}
