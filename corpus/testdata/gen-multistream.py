#!/usr/bin/env python3
"""Writes the multistream dump fixture of corpus/testdata and its index.

testwiki-pages-articles-multistream.xml.bz2 is laid out as Wikimedia's
pages-articles-multistream dumps are: a first bzip2 stream with the header
(<mediawiki>, <siteinfo>), then streams of PER pages each, then a stream
with the closing </mediawiki>. The index (…-index.txt.bz2) has a line
OFFSET:ID:TITLE a page, OFFSET the byte offset of the page's stream.

The pages are those of dump.xml (articles, a talk page, a redirect, a
template, a deleted text) and the wikitext test articles of
extractor/wikitext/testdata. Run from corpus/testdata:
python3 gen-multistream.py. The same pages, whole, are written as
testwiki-pages-articles.xml.gz (gzip, no index).
"""
import bz2, gzip, re, html

PER = 2
src = open("dump.xml", encoding="utf-8").read()
head = src[: src.index("  <page>")]
pages = re.findall(r"  <page>.*?</page>\n", src, re.S)
for i, (name, title) in enumerate([
        ("government-of-kazakhstan", "Government of Kazakhstan"),
        ("karim-massimov", "Karim Massimov"),
        ("politics-of-armenia", "Politics of Armenia")]):
    text = open(f"../../extractor/wikitext/testdata/{name}.wiki", encoding="utf-8").read()
    pages.append(f"""  <page>
    <title>{html.escape(title)}</title>
    <ns>0</ns>
    <id>{900 + i}</id>
    <revision>
      <id>{9000 + i}</id>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="{len(text.encode())}" xml:space="preserve">{html.escape(text, quote=False)}</text>
    </revision>
  </page>
""")
tail = "</mediawiki>\n"

out = bz2.compress(head.encode())
index = []
for k in range(0, len(pages), PER):
    off = len(out)
    for p in pages[k:k + PER]:
        pid = re.search(r"<id>(\d+)</id>", p)[1]
        title = html.unescape(re.search(r"<title>(.*?)</title>", p)[1])
        index.append(f"{off}:{pid}:{title}\n")
    out += bz2.compress("".join(pages[k:k + PER]).encode())
out += bz2.compress(tail.encode())
open("testwiki-pages-articles-multistream.xml.bz2", "wb").write(out)
open("testwiki-pages-articles-multistream-index.txt.bz2", "wb").write(bz2.compress("".join(index).encode()))
with open("testwiki-pages-articles.xml.gz", "wb") as f:
    f.write(gzip.compress((head + "".join(pages) + tail).encode(), mtime=0))
