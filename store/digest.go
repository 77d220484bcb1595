package store

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
)

// digestChallenge is an HTTP Digest challenge (RFC 7616) and the count of
// requests answered with its nonce. Its methods are called with the
// client's mutex held.
type digestChallenge struct {
	realm, nonce, opaque string
	algorithm            string // "MD5", "SHA-256", with or without "-sess"
	qop                  string // "auth" or "" (RFC 2069)
	nc                   int
}

// parseDigestChallenge reads the parameters of a WWW-Authenticate: Digest
// header.
func parseDigestChallenge(s string) (*digestChallenge, error) {
	params, err := parseAuthParams(s)
	if err != nil {
		return nil, err
	}
	ch := &digestChallenge{realm: params["realm"], nonce: params["nonce"], opaque: params["opaque"],
		algorithm: params["algorithm"]}
	if ch.nonce == "" {
		return nil, errors.New("digest challenge without a nonce")
	}
	if ch.algorithm == "" {
		ch.algorithm = "MD5"
	}
	if newHash(ch.algorithm) == nil {
		return nil, fmt.Errorf("digest algorithm %q not supported", ch.algorithm)
	}
	if q, ok := params["qop"]; ok {
		for _, v := range strings.Split(q, ",") {
			if strings.TrimSpace(v) == "auth" {
				ch.qop = "auth"
			}
		}
		if ch.qop == "" {
			return nil, fmt.Errorf("digest qop %q not supported", q)
		}
	}
	return ch, nil
}

// parseAuthParams reads comma-separated name=value pairs, values bare or
// quoted with backslash escapes.
func parseAuthParams(s string) (map[string]string, error) {
	out := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			return out, nil
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("malformed authentication parameters near %q", s)
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimLeft(s[eq+1:], " \t")
		var val strings.Builder
		if strings.HasPrefix(s, `"`) {
			i := 1
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				val.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated quoted authentication parameter")
			}
			s = s[i+1:]
		} else {
			end := strings.IndexByte(s, ',')
			if end < 0 {
				end = len(s)
			}
			val.WriteString(strings.TrimSpace(s[:end]))
			s = s[end:]
		}
		out[name] = val.String()
	}
}

func newHash(algorithm string) hash.Hash {
	switch strings.ToUpper(strings.TrimSuffix(strings.ToUpper(algorithm), "-SESS")) {
	case "MD5":
		return md5.New()
	case "SHA-256":
		return sha256.New()
	}
	return nil
}

// authorization is the Authorization header answering the challenge for
// one request.
func (ch *digestChallenge) authorization(user, password, method, uri string) string {
	h := func(parts ...string) string {
		d := newHash(ch.algorithm)
		d.Write([]byte(strings.Join(parts, ":")))
		return hex.EncodeToString(d.Sum(nil))
	}
	ch.nc++
	nc := fmt.Sprintf("%08x", ch.nc)
	cnonce := newCnonce()
	ha1 := h(user, ch.realm, password)
	if strings.HasSuffix(strings.ToUpper(ch.algorithm), "-SESS") {
		ha1 = h(ha1, ch.nonce, cnonce)
	}
	ha2 := h(method, uri)
	var response string
	if ch.qop == "" {
		response = h(ha1, ch.nonce, ha2)
	} else {
		response = h(ha1, ch.nonce, nc, cnonce, ch.qop, ha2)
	}
	var a strings.Builder
	fmt.Fprintf(&a, `Digest username=%s, realm=%s, nonce=%s, uri=%s, algorithm=%s, response="%s"`,
		quote(user), quote(ch.realm), quote(ch.nonce), quote(uri), ch.algorithm, response)
	if ch.qop != "" {
		fmt.Fprintf(&a, `, qop=%s, nc=%s, cnonce="%s"`, ch.qop, nc, cnonce)
	}
	if ch.opaque != "" {
		fmt.Fprintf(&a, ", opaque=%s", quote(ch.opaque))
	}
	return a.String()
}

// newCnonce makes a client nonce (a variable for tests).
var newCnonce = func() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// quote makes a quoted-string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
