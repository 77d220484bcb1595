#!/usr/bin/env bash
# bench-corpus.sh: the corpus benchmark of issue 8, reproducible.
#
# Generates a deterministic JSON Lines corpus of at least SIZE MB of
# article text (default 200; scripts/gencorpus: variations of
# ../shared/corpus/*.txt and the sample, paragraphs rotated and years
# shifted, each a document of its own), then builds it once with
# `kgbuild build --jobs JOBS --gzip` under /usr/bin/time -v and reports
# wall time, CPU time, MB/s of article text (over wall time, and per
# CPU-second: the per-core speed, which a machine shared with other work
# does not distort), triples/s, peak RSS, and the projection for English
# Wikipedia's ~20 GB of article text on a 2-core machine, beside the
# issue's targets (>= 2 MB/s per core, < 500 MB).
#
# Usage: scripts/bench-corpus.sh        (or: make bench-corpus)
# Environment: SIZE (MB), JOBS (default: the number of CPUs), GZIP (1:
# --gzip, the default; 0: plain .nq, ~11 bytes of N-Quads per byte of
# text), GO (default go), KEEP=1 keeps the work directory (printed),
# FLAGS: more build flags (FLAGS=--dataset=false: no dataset description;
# FLAGS="--dataset-memory 16MiB").
#
# Needs go, GNU time (/usr/bin/time, Debian package time) and ../shared.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZE=${SIZE:-200}
JOBS=${JOBS:-$(nproc)}
GZIP=${GZIP:-1}
GO=${GO:-go}
SHARED=${SHARED:-../shared}

if [ ! -x /usr/bin/time ]; then
	echo "bench-corpus: /usr/bin/time (GNU time) is missing: sudo apt-get install time" >&2
	exit 2
fi
if ! ls "$SHARED"/corpus/*.txt >/dev/null 2>&1; then
	echo "bench-corpus: $SHARED/corpus/*.txt not found: ../shared must be checked out next to the project" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-corpus.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "bench-corpus: work directory $work (kept)" >&2
else
	trap 'rm -rf "$work"' EXIT
fi

echo "bench-corpus: building kgbuild and generating a corpus of $SIZE MB of text" >&2
"$GO" build -o "$work/kgbuild" ./cmd/kgbuild
"$GO" run ./scripts/gencorpus -size "$SIZE" "$SHARED"/corpus/*.txt examples/government-of-kazakhstan.txt >"$work/corpus.jsonl"
in_bytes=$(stat -c %s "$work/corpus.jsonl")

flags=(--jobs "$JOBS")
if [ "$GZIP" = 1 ]; then
	flags+=(--gzip)
fi
# shellcheck disable=SC2206 # FLAGS is split into words on purpose
flags+=(${FLAGS:-})
echo "bench-corpus: kgbuild build ${flags[*]} corpus.jsonl ($in_bytes bytes of JSON Lines)" >&2
/usr/bin/time -v -o "$work/time.txt" "$work/kgbuild" build "${flags[@]}" --out "$work/out" "$work/corpus.jsonl" 2>"$work/stderr.txt"
summary=$(grep -E '^[^ ]+: [0-9]+ documents \(' "$work/stderr.txt")
echo "$summary" >&2
# The dataset description's counts: the temporary disk they used, if any.
spilled=$(grep -E '^dataset counts: ' "$work/stderr.txt" || echo "dataset counts: nothing spilled to disk")

field() { grep -F "$1" "$work/time.txt" | sed 's/.*: //'; }
wall=$(field "Elapsed (wall clock)")
user=$(field "User time (seconds)")
sys=$(field "System time (seconds)")
rss_kb=$(field "Maximum resident set size")
out_bytes=$(du -cb "$work"/out/part-* | tail -1 | cut -f1)

python3 - "$summary" "$wall" "$user" "$sys" "$rss_kb" "$JOBS" "$out_bytes" "$(nproc)" "$spilled" "${FLAGS:-}" <<'PY'
import re, sys
summary, wall, user, sys_, rss_kb, jobs, out_bytes, cpus, spilled, flags = sys.argv[1:]
m = re.search(r': (\d+) documents \((\d+) empty skipped\), (\d+) triples, ([\d.]+) MB of text', summary)
docs, skipped, triples, mb = int(m[1]), int(m[2]), int(m[3]), float(m[4])
parts = [float(p) for p in wall.split(':')]
wall_s = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu_s = float(user) + float(sys_)
rss_mb = int(rss_kb) / 1024
per_core = mb / cpu_s
print(f"documents         {docs} ({skipped} empty skipped)")
print(f"article text      {mb:.1f} MB (10^6 bytes)")
print(f"triples           {triples}")
print(f"output            {int(out_bytes)/1e6:.1f} MB of shards")
print(f"jobs              {jobs} on {cpus} CPUs")
print(f"more flags        {flags or '(none)'}")
print(f"wall time         {wall_s:.1f} s")
print(f"CPU time          {cpu_s:.1f} s (user {user}, sys {sys_}); {cpu_s/wall_s:.2f} cores busy on average")
print(f"MB/s (wall)       {mb/wall_s:.2f}")
print(f"MB/s per core     {per_core:.2f}   (text MB per CPU-second; target >= 2)")
print(f"triples/s (wall)  {triples/wall_s:,.0f}")
print(f"triples/s per core {triples/cpu_s:,.0f}")
print(f"peak RSS          {rss_mb:.1f} MB   (target < 500)")
print(f"temporary disk    {spilled}")
hours = 20000 / (per_core * 2) / 3600
print(f"projection        20 GB of text on 2 cores at {per_core:.2f} MB/s per core: {hours:.1f} h (target < 3 h)")
PY
