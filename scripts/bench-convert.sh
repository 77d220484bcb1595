#!/usr/bin/env bash
# bench-convert.sh: the conversion benchmark of issue 4, reproducible.
#
# Generates a deterministic N-Triples file of N triples (default 1,000,000;
# scripts/gen, seed SEED, default 1), converts it with `kgbuild convert` to
# each output format (nt, nq, ttl, trig, jsonld, framed JSON-LD, canonical
# N-Quads of the whole file) and, in the same run and
# on the same file, with rapper (Debian raptor2-utils) and serdi (Debian
# serdi) to Turtle, N-Triples and N-Quads; and canonical N-Quads
# (URDNA2015) of the file's first CANON_N triples (default 100,000). Each
# command runs once under /usr/bin/time -v; the table gives wall time,
# triples/s (input triples over wall time: reading and writing) and peak
# RSS, with the issue's targets beside kgbuild's figures.
#
# Usage: scripts/bench-convert.sh        (or: make bench-convert)
# Environment: N, SEED, CANON_N, GO (default go), KEEP=1 keeps the work
# directory (printed) with the input and every output.
#
# Needs go and GNU time (/usr/bin/time, Debian package time). rapper and
# serdi are optional: a missing one is reported with its install command
# and left out of the table.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=${N:-1000000}
SEED=${SEED:-1}
CANON_N=${CANON_N:-100000}
GO=${GO:-go}

if [ ! -x /usr/bin/time ]; then
	echo "bench-convert: /usr/bin/time (GNU time) is missing: sudo apt-get install time" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-convert.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "bench-convert: work directory $work (kept)" >&2
else
	trap 'rm -rf "$work"' EXIT
fi

echo "bench-convert: building kgbuild and generating $N triples (seed $SEED)" >&2
"$GO" build -o "$work/kgbuild" ./cmd/kgbuild
"$GO" run ./scripts/gen -n "$N" -seed "$SEED" >"$work/in.nt"
head -n "$CANON_N" "$work/in.nt" >"$work/canon-in.nt"

have_rapper=0 have_serdi=0
if command -v rapper >/dev/null 2>&1; then
	have_rapper=1
else
	echo "bench-convert: rapper not found, left out (install: sudo apt-get install raptor2-utils)" >&2
fi
if command -v serdi >/dev/null 2>&1; then
	have_serdi=1
else
	echo "bench-convert: serdi not found, left out (install: sudo apt-get install serdi)" >&2
fi

rows=()

# measure TOOL CONVERSION TRIPLES TARGET STDOUT CMD...: runs CMD once under
# /usr/bin/time -v with its standard output to STDOUT and adds a row.
measure() {
	local tool=$1 conv=$2 triples=$3 target=$4 stdout=$5
	shift 5
	echo "bench-convert: $tool $conv" >&2
	if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$stdout" 2>"$work/stderr.txt"; then
		echo "bench-convert: $tool $conv failed:" >&2
		cat "$work/stderr.txt" "$work/time.txt" >&2
		exit 1
	fi
	local wall rss
	# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23" -> seconds.
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		printf "%.2f", s }' "$work/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.txt")
	local rate
	rate=$(awk -v n="$triples" -v s="$wall" 'BEGIN {
		if (s <= 0) s = 0.01
		r = n / s
		if (r >= 1e6) printf "%.2f M", r / 1e6; else printf "%.0f k", r / 1e3 }')
	rows+=("$(printf '| %-7s | %-22s | %9s | %8s | %10s | %9s | %-26s |' \
		"$tool" "$conv" "$triples" "$wall" "$rate" "$rss" "$target")")
}

# checklines FILE: an N-Triples/N-Quads output has N lines.
checklines() {
	local got
	got=$(wc -l <"$1")
	if [ "$got" -ne "$N" ]; then
		echo "bench-convert: $1 has $got lines, want $N" >&2
		exit 1
	fi
}

kg=("$work/kgbuild" convert --quiet)
measure kgbuild "nt -> nt" "$N" ">= 1.5 M t/s, < 50 MB" /dev/null "${kg[@]}" "$work/in.nt" "$work/kg.nt"
checklines "$work/kg.nt"
cmp -s "$work/in.nt" "$work/kg.nt" || echo "bench-convert: note: kgbuild's N-Triples differ from the input's bytes" >&2
measure kgbuild "nt -> nq" "$N" ">= 1.5 M t/s, < 50 MB" /dev/null "${kg[@]}" "$work/in.nt" "$work/kg.nq"
checklines "$work/kg.nq"
measure kgbuild "nt -> ttl" "$N" ">= 1 M t/s, < 50 MB" /dev/null "${kg[@]}" "$work/in.nt" "$work/kg.ttl"
measure kgbuild "nt -> trig" "$N" "(as Turtle)" /dev/null "${kg[@]}" "$work/in.nt" "$work/kg.trig"
measure kgbuild "nt -> jsonld" "$N" ">= 150 k t/s" /dev/null "${kg[@]}" "$work/in.nt" "$work/kg.jsonld"
measure kgbuild "nt -> framed.jsonld" "$N" "(holds the graph)" /dev/null "${kg[@]}" --max-statements -1 "$work/in.nt" "$work/kg.framed.jsonld"
measure kgbuild "nt -> c14n.nq ($CANON_N)" "$CANON_N" "< 3 s" /dev/null "${kg[@]}" "$work/canon-in.nt" "$work/kg.c14n.nq"
measure kgbuild "nt -> c14n.nq" "$N" "(holds the dataset)" /dev/null "${kg[@]}" --max-statements -1 "$work/in.nt" "$work/kg-all.c14n.nq"

if [ "$have_rapper" = 1 ]; then
	for o in ntriples nquads turtle; do
		measure rapper "nt -> $o" "$N" "" "$work/rapper.$o" rapper -q -i ntriples -o "$o" "$work/in.nt"
	done
	checklines "$work/rapper.ntriples"
fi
if [ "$have_serdi" = 1 ]; then
	for o in ntriples nquads turtle; do
		measure serdi "nt -> $o" "$N" "" "$work/serdi.$o" serdi -q -i ntriples -o "$o" "$work/in.nt"
	done
	checklines "$work/serdi.ntriples"
fi

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$GO" env GOVERSION); $(nproc) cores;" \
	"$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown CPU)"
[ "$have_rapper" = 1 ] && echo "rapper $(rapper --version)"
[ "$have_serdi" = 1 ] && echo "$(serdi -v 2>&1 | head -n 1)"
echo "input: $N triples, $(wc -c <"$work/in.nt") bytes of N-Triples (scripts/gen -seed $SEED)"
echo
printf '| %-7s | %-22s | %9s | %8s | %10s | %9s | %-26s |\n' tool conversion triples "wall (s)" triples/s "peak MB" "target (issue 4)"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' --------- ------------------------ ----------: ---------: -----------: ----------: ----------------------------
printf '%s\n' "${rows[@]}"
