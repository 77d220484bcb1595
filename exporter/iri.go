package exporter

import "strings"

// resolveIRI resolves the reference ref against the absolute IRI base as
// RFC 3986 section 5.2 says (strict: a reference with a scheme is taken
// as it is), on strings: no normalization, no percent-encoding.
func resolveIRI(base, ref string) string {
	rs, ra, rp, rq, rf, hasRA, hasRQ, hasRF := splitIRI(ref)
	bs, ba, bp, bq, _, hasBA, hasBQ, _ := splitIRI(base)
	var ts, ta, tp, tq string
	var hasTA, hasTQ bool
	switch {
	case rs != "":
		ts, ta, hasTA, tp, tq, hasTQ = rs, ra, hasRA, removeDotSegments(rp), rq, hasRQ
	case hasRA:
		ts, ta, hasTA, tp, tq, hasTQ = bs, ra, true, removeDotSegments(rp), rq, hasRQ
	default:
		ts, ta, hasTA = bs, ba, hasBA
		switch {
		case rp == "":
			tp = bp
			tq, hasTQ = bq, hasBQ
			if hasRQ {
				tq, hasTQ = rq, true
			}
		case strings.HasPrefix(rp, "/"):
			tp, tq, hasTQ = removeDotSegments(rp), rq, hasRQ
		default:
			// Merge (5.2.3).
			var merged string
			if hasBA && bp == "" {
				merged = "/" + rp
			} else if i := strings.LastIndexByte(bp, '/'); i >= 0 {
				merged = bp[:i+1] + rp
			} else {
				merged = rp
			}
			tp, tq, hasTQ = removeDotSegments(merged), rq, hasRQ
		}
	}
	var b strings.Builder
	if ts != "" {
		b.WriteString(ts)
		b.WriteByte(':')
	}
	if hasTA {
		b.WriteString("//")
		b.WriteString(ta)
	}
	b.WriteString(tp)
	if hasTQ {
		b.WriteByte('?')
		b.WriteString(tq)
	}
	if hasRF {
		b.WriteByte('#')
		b.WriteString(rf)
	}
	return b.String()
}

// splitIRI splits an IRI reference into scheme, authority, path, query
// and fragment (RFC 3986 appendix B), telling which of the optional parts
// are present (an empty query "?" is present).
func splitIRI(s string) (scheme, auth, path, query, frag string, hasAuth, hasQuery, hasFrag bool) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, frag, hasFrag = s[:i], s[i+1:], true
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, query, hasQuery = s[:i], s[i+1:], true
	}
	if i := strings.IndexAny(s, ":/"); i > 0 && s[i] == ':' && hasScheme(s[:i+1]) {
		scheme, s = s[:i], s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexByte(s, '/')
		if i < 0 {
			i = len(s)
		}
		auth, s, hasAuth = s[:i], s[i:], true
	}
	return scheme, auth, s, query, frag, hasAuth, hasQuery, hasFrag
}

// removeDotSegments is RFC 3986 section 5.2.4.
func removeDotSegments(in string) string {
	var out []string // output segments, each with its leading '/' if any
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			i := strings.IndexByte(in[1:], '/')
			if i < 0 {
				out, in = append(out, in), ""
			} else {
				out, in = append(out, in[:i+1]), in[i+1:]
			}
		}
	}
	return strings.Join(out, "")
}
