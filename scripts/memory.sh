#!/usr/bin/env bash
# Where a run's memory goes (#14): builds two inputs, a corpus of the seed's
# lines (each made unique) of MB megabytes and N one-line highlights, runs
# `factsheet run --format json --memstats` on each, and prints the live heap
# after each part, the peak RSS, the MiB of peak RSS per input MB, and the
# bytes each source and each claim holds. The bars of #14: 3 MiB of RSS per
# input MB (decimal: 309 MiB for the 103 MB of `memory.sh 100`) for the
# corpus, 500 MB for a million one-line highlights. The last line
# of --memstats splits the live heap per input MB by part.
#
# usage: scripts/memory.sh [MB] [N]     (defaults: 20 MB, 1000000 highlights)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
n=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/factsheet" ./cmd/factsheet

seed=seeds/ai-compute.txt
size=$(wc -c <"$seed")
awk -v n="$(( (mb * 1000000 + size - 1) / size ))" '
  function tag(r,   s) { s = ""; do { s = sprintf("%c", 97 + r % 26) s; r = int(r / 26) } while (r > 0); return s }
  { line[NR] = $0 }
  END { for (r = 0; r < n; r++) { t = tag(r); for (i = 1; i <= NR; i++) if (line[i] != "") print line[i] " (" t ")" } }
' "$seed" >"$work/corpus.txt"
# One-line highlights: a figure and a tag, as short as highlights come.
awk -v n="$n" 'BEGIN { for (r = 0; r < n; r++) printf "%d%% %c%c%c%c\n", r % 97, 97 + r % 26, 97 + int(r / 26) % 26, 97 + int(r / 676) % 26, 97 + int(r / 17576) % 26 }' >"$work/one-line.txt"

for input in corpus.txt one-line.txt; do
  echo "== $input: $(wc -c <"$work/$input") bytes, $(wc -l <"$work/$input") lines"
  # The true peak first: --memstats collects after each part, which lowers it.
  # The collector's trace gives the heap's own peak (the largest heap a
  # collection started at or reached), how often it collected and its CPU
  # time (assists, background and pauses; not the idle workers'): the peak
  # RSS is that heap, plus the runtime and the program.
  GODEBUG=gctrace=1 /usr/bin/time -f "TIME %M %e %U %S" \
    "$work/factsheet" run --log-level warn --format json --out "$work/out" "$work/$input" 2>&1 |
    awk -v b="$(wc -c <"$work/$input")" '
      /^gc / { n++; split($11, h, "->"); for (i in h) if (h[i] + 0 > peak) peak = h[i] + 0
               for (i = 1; i <= NF; i++) if ($(i + 1) == "ms" && $(i + 2) == "cpu,") { split($i, a, "+"); split(a[2], m, "/"); gc += a[1] + m[1] + m[2] + a[3] } }
      /^TIME / { printf "without --memstats: peak RSS %d KiB (%.2f MiB per input MB), %s s wall, %.2f s CPU; heap peak %d MiB; %d collections, %.2f s CPU\n", $2, $2 / 1024 / (b / 1e6), $3, $4 + $5, peak, n, gc / 1000 }'
  "$work/factsheet" run --log-level warn --format json --memstats --out "$work/out" "$work/$input" 2>&1 | grep memstats
done
