# kgbuild: text → knowledge graph.
#
#   make run     build kgbuild and run the main job: the sample article in
#                examples/ → out/government-of-kazakhstan.{ttl,jsonld,nt}
#   make test    the whole test suite (go vet + go test)
#
# Other targets: build, bench, score, fmt, clean. See README.md.

GO      ?= go
BIN     := bin/kgbuild
SAMPLE  := examples/government-of-kazakhstan.txt
OUT     := out
# Material shared by every checkout, next to the project root (read-only).
SHARED  ?= ../shared
KGSCORE ?= $(SHARED)/tools/kgscore
LINKINDEX ?= $(SHARED)/wikidata/kazakhstan-sample.srj

.PHONY: all build run test bench bench-prose score fmt clean

all: build

# build compiles the CLI into bin/kgbuild (Go's build cache makes a rebuild
# with no change quick).
build:
	$(GO) build -o $(BIN) ./cmd/kgbuild

# SAMPLE_EPOCH is the time recorded in out/dataset.{ttl,jsonld} (issued,
# modified, the run's start and end): the commit time of the sample,
# 2026-11-28T10:43:02Z, passed as SOURCE_DATE_EPOCH (the reproducible-builds
# convention) so that out/ does not change with the clock.
SAMPLE_EPOCH := 1795862582

# run is the main job. Its output depends only on the sample and the code:
# running it twice gives byte-identical files.
run: build
	SOURCE_DATE_EPOCH=$(SAMPLE_EPOCH) ./$(BIN) build --out $(OUT) $(SAMPLE)

# test is the whole suite. Tests that need ../shared, rdflib or rapper say
# so themselves (skip or fail with a message naming what is missing).
test:
	$(GO) vet ./...
	$(GO) test ./...

# bench runs every benchmark of every package, no tests, on one core
# (-cpu 1: the figures are per core), then bench-prose's comparison.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./...
	cd bench/prose && $(GO) test -run '^$$' -bench . -benchmem -cpu 1 .

# bench-prose measures github.com/jdkato/prose/v3's NER beside kgbuild's
# extractor and end-to-end path on the same text (the sample and
# ../shared/corpus), one core. bench/prose is a module of its own, so the
# main module does not depend on prose.
bench-prose:
	cd bench/prose && $(GO) test -run '^$$' -bench . -benchmem -cpu 1 .

# bench-convert converts a generated 1,000,000-triple N-Triples file to
# every output format with kgbuild convert, and with rapper and serdi when
# installed, printing wall time, triples/s and peak memory beside the
# targets of issue 4 (scripts/bench-convert.sh; figures in
# docs/BENCHMARKS.md). N=... sets the number of triples.
.PHONY: bench-convert
bench-convert:
	GO=$(GO) scripts/bench-convert.sh

# test-beam runs the tests of cmd/kgbuild-beam, a module of its own (the
# Apache Beam SDK: a cold build takes minutes): the pipeline on the prism
# runner must write the quads kgbuild build writes. .ci/run runs it after
# make test.
.PHONY: test-beam
test-beam:
	cd cmd/kgbuild-beam && $(GO) vet ./... && $(GO) test ./...

# bench-corpus generates a JSON Lines corpus of at least 200 MB of article
# text from ../shared/corpus and the sample (scripts/gencorpus), builds it
# with kgbuild build --jobs (all CPUs) --gzip under /usr/bin/time -v and
# reports MB/s (wall and per core), triples/s, peak RSS and the projection
# for English Wikipedia (scripts/bench-corpus.sh; figures in
# docs/BENCHMARKS.md). SIZE=... (MB), JOBS=..., GZIP=0 change the run. Not
# part of make test.
.PHONY: bench-corpus
bench-corpus:
	GO=$(GO) scripts/bench-corpus.sh

# score rates the graphs against gold files with ../shared/tools/kgscore:
# the sample (out/, rebuilt by run) against ../shared/gold, and each
# testdata/gold/NAME.gold against ../shared/corpus/NAME.txt, built into a
# temporary directory. Fails if a graph does not parse or a file is missing.
score: run
	@set -eu; \
	if [ ! -x "$(KGSCORE)" ]; then \
		echo "score: $(KGSCORE) not found: ../shared must be checked out next to the project" >&2; \
		exit 2; \
	fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	status=0; \
	echo "== government-of-kazakhstan (out/, gold $(SHARED)/gold/government-of-kazakhstan.gold)"; \
	"$(KGSCORE)" --gold "$(SHARED)/gold/government-of-kazakhstan.gold" \
		--source "$(SAMPLE)" "$(OUT)/government-of-kazakhstan.ttl" || status=1; \
	echo; echo "== government-of-kazakhstan linked (kgbuild link --index $(LINKINDEX) on out/)"; \
	./$(BIN) link --quiet --index "$(LINKINDEX)" --out "$$tmp/linked.ttl" "$(OUT)/government-of-kazakhstan.ttl" || status=1; \
	"$(KGSCORE)" --gold "$(SHARED)/gold/government-of-kazakhstan.gold" \
		--source "$(SAMPLE)" "$$tmp/linked.ttl" || status=1; \
	for gold in testdata/gold/*.gold; do \
		name=$$(basename "$$gold" .gold); \
		src="$(SHARED)/corpus/$$name.txt"; \
		echo; echo "== $$name ($$src, gold $$gold)"; \
		if [ ! -f "$$src" ]; then echo "score: $$src not found" >&2; status=1; continue; fi; \
		./$(BIN) build --quiet --format ttl --out "$$tmp" "$$src" || { status=1; continue; }; \
		"$(KGSCORE)" --gold "$$gold" --source "$$src" "$$tmp/$$name.ttl" || status=1; \
	done; \
	exit $$status

# shacl validates out/ (the sample's graph and dataset description) against
# ontology/shapes.ttl with rdf-validate-shacl (npm; .ci/run installs it into
# $$HOME/.cache/kgbuild-npm, or set KGBUILD_NODE_MODULES).
.PHONY: shacl
shacl:
	KGBUILD_NODE_MODULES=$${KGBUILD_NODE_MODULES:-$$HOME/.cache/kgbuild-npm/node_modules} \
		node scripts/shacl-validate.mjs ontology/shapes.ttl $(OUT)/government-of-kazakhstan.ttl $(OUT)/dataset.ttl >/dev/null && echo "shacl: out/ conforms to ontology/shapes.ttl"

fmt:
	$(GO) fmt ./...

clean:
	rm -rf bin
	rm -f *.test coverage.out coverage.html *.coverprofile

# test-virtuoso runs the Virtuoso integration test alone, verbosely, with
# the 1,000,000-triple load (as .ci/run does within make test): it starts
# virtuoso-t on free loopback ports, loads out/ by both protocols, runs
# queries/*.rq against queries/expected/*.tsv and reports triples/s.
.PHONY: test-virtuoso
test-virtuoso:
	KGBUILD_VIRTUOSO_1M=1 $(GO) test -count 1 -v -run 'TestVirtuoso' ./cmd/kgbuild
