#!/usr/bin/env bash
# same-output.sh: checks that a change leaves kgbuild's output byte for
# byte as it was (for changes meant to be invisible, such as speed work).
#
# Builds kgbuild from BASE (a commit; default: where HEAD forked from
# main, so that commits landed on main since do not count) and from the working
# tree, runs both on the same inputs and compares the SHA-256 of every
# file written: the N-Quads and Turtle of ../shared/corpus/*.txt,
# ../shared/seeds/*.txt, examples/*.txt, the plain-text and wikitext
# inputs of extractor/testdata and extractor/wikitext/testdata, and a
# generated corpus of SIZE MB (default 20; scripts/gencorpus) built as
# sharded N-Quads. Prints the differing files and exits 1 if any differ.
#
# Usage: scripts/same-output.sh [BASE]
# Environment: SIZE (MB of generated corpus; 0 skips it), GO, SHARED,
# KEEP=1 keeps the work directory (printed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BASE=${1:-$(git merge-base main HEAD)}
SIZE=${SIZE:-20}
GO=${GO:-go}
SHARED=${SHARED:-../shared}

work=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "same-output: work directory $work (kept)" >&2
else
	trap 'git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fi

echo "same-output: building $BASE and the working tree" >&2
git worktree add --detach "$work/base-src" "$BASE" >/dev/null 2>&1
(cd "$work/base-src" && "$GO" build -o "$work/kgbuild-base" ./cmd/kgbuild)
"$GO" build -o "$work/kgbuild-new" ./cmd/kgbuild

inputs=()
for f in "$SHARED"/corpus/*.txt "$SHARED"/seeds/*.txt examples/*.txt \
	extractor/wikitext/testdata/*.txt extractor/wikitext/testdata/*.wiki; do
	[ -e "$f" ] && inputs+=("$f")
done
if [ "$SIZE" != 0 ]; then
	"$GO" run ./scripts/gencorpus -size "$SIZE" "$SHARED"/corpus/*.txt examples/government-of-kazakhstan.txt >"$work/corpus.jsonl"
fi

export SOURCE_DATE_EPOCH=0
for v in base new; do
	echo "same-output: running $v on ${#inputs[@]} articles${SIZE:+ and $SIZE MB of corpus}" >&2
	i=0
	for f in "${inputs[@]}"; do
		# Each input in its own directory: names repeat across folders.
		i=$((i + 1))
		"$work/kgbuild-$v" build --quiet --format nq,ttl --out "$work/$v/files/$i" "$f" >/dev/null
	done
	if [ "$SIZE" != 0 ]; then
		"$work/kgbuild-$v" build --quiet --dataset=false --out "$work/$v/corpus" "$work/corpus.jsonl" >/dev/null 2>&1
	fi
	(cd "$work/$v" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/$v.sha256"
done

if diff "$work/base.sha256" "$work/new.sha256"; then
	echo "same-output: identical ($(wc -l <"$work/new.sha256") files)" >&2
else
	echo "same-output: output differs from $BASE" >&2
	exit 1
fi
