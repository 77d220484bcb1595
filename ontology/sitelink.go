package ontology

import (
	"fmt"
	"strings"

	"github.com/knakk/rdf"
)

// WikiArticleIRI returns the IRI of the article titled title on the wiki
// at site ("en.wikipedia.org"): "https://en.wikipedia.org/wiki/Title",
// spaces written '_' and other characters percent-encoded as MediaWiki
// (and Wikidata's sitelinks) write them.
func WikiArticleIRI(site, title string) (rdf.IRI, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return rdf.IRI{}, fmt.Errorf("empty article title")
	}
	if !validSite(site) {
		return rdf.IRI{}, fmt.Errorf("wiki site %q: not a host name", site)
	}
	return rdf.NewIRI("https://" + site + "/wiki/" + wikiEncode(title))
}

// wikiSiteIRI returns the IRI of a wiki's main page, "https://site/".
func wikiSiteIRI(site string) (rdf.IRI, error) {
	if !validSite(site) {
		return rdf.IRI{}, fmt.Errorf("wiki site %q: not a host name", site)
	}
	return rdf.NewIRI("https://" + site + "/")
}

// wikiLang returns the language of a Wikimedia wiki from its host name:
// "en" for en.wikipedia.org; "" when the host does not say.
func wikiLang(site string) string {
	lang, rest, ok := strings.Cut(site, ".")
	if !ok || !strings.Contains(rest, "wiki") || lang == "www" || lang == "commons" || lang == "meta" || !ValidLangTag(lang) {
		return ""
	}
	return lang
}

func validSite(site string) bool {
	if site == "" || len(site) > 253 || strings.HasPrefix(site, ".") || strings.HasSuffix(site, ".") {
		return false
	}
	for i := 0; i < len(site); i++ {
		c := site[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// wikiEncode writes a title as MediaWiki writes it in URLs (wfUrlencode):
// spaces as '_', letters, digits and -_.;@$!*(),/~: kept, every other
// byte percent-encoded in upper case.
func wikiEncode(title string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(title); i++ {
		c := title[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.;@$!*(),/~:", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
