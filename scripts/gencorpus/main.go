// Command gencorpus writes a deterministic JSON Lines corpus of at least
// -size MB for make bench-corpus: variations of the given plain-text
// articles, each a record {"id","title","text","url"}.
//
// Variation n of an article keeps its first paragraph (the lead) and
// rotates the others by n, and shifts every year from 1900 to 2029 by n
// mod 7 (so dates, terms and their facts differ between variations); its
// title is the article's with " (n)" appended, so each variation is a
// document of its own. Articles are taken in turn until the size is
// reached.
//
// Usage: go run ./scripts/gencorpus -size 200 FILE... > corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

type record struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	URL   string `json:"url"`
}

var yearRE = regexp.MustCompile(`\b(19\d\d|20[0-2]\d)\b`)

// titleOf turns "politics-of-armenia" into "Politics of Armenia".
func titleOf(name string) string {
	words := strings.Split(name, "-")
	for i, w := range words {
		if w != "" && (i == 0 || w != "of" && w != "the" && w != "and") {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

func variation(text string, n int) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	if len(paras) > 2 {
		rest := paras[1:]
		k := n % len(rest)
		paras = append([]string{paras[0]}, append(append([]string{}, rest[k:]...), rest[:k]...)...)
	}
	shift := n % 7
	out := strings.Join(paras, "\n\n") + "\n"
	if shift == 0 {
		return out
	}
	return yearRE.ReplaceAllStringFunc(out, func(y string) string {
		v, _ := strconv.Atoi(y)
		if v+shift > 2029 {
			return y
		}
		return strconv.Itoa(v + shift)
	})
}

func main() {
	size := flag.Float64("size", 200, "write at least `MB` (10^6 bytes) of article text")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-size MB] FILE...")
		os.Exit(2)
	}
	type article struct{ title, text string }
	var arts []article
	for _, p := range flag.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		arts = append(arts, article{titleOf(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))), string(data)})
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	want := int64(*size * 1e6)
	var written int64
	for i := 0; written < want; i++ {
		a := arts[i%len(arts)]
		n := i / len(arts)
		title := fmt.Sprintf("%s (%d)", a.title, n)
		text := variation(a.text, n)
		rec := record{strconv.Itoa(i + 1), title, text, "https://example.org/wiki/" + strings.ReplaceAll(title, " ", "_")}
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		written += int64(len(text))
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
