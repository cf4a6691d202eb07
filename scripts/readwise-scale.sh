#!/usr/bin/env bash
# Memory against size for the Readwise reader: N-row exports built from the
# seed's lines (each row a highlight with a note), run with --format json;
# prints rows, bytes, wall time and peak RSS, so growth can be read as a ratio.
# usage: scripts/readwise-scale.sh [ROWS...]   (default 25000 50000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/factsheet" ./cmd/factsheet
for rows in "${@:-25000 50000 100000}"; do
  for n in $rows; do
    awk -v n="$n" '
      BEGIN { print "Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags" }
      { gsub(/"/, "\"\""); line[NR] = $0 }
      END { for (r = 0; r < n; r++) { q = line[(r % NR) + 1]; m = line[((r + 1) % NR) + 1]
        printf "\"%s (row %c%c)\",Seed %d,Owner,,\"%s\",yellow,,location,%d,2025-01-01 00:00:00+00:00,\n", q, 97 + r % 26, 97 + int(r / 26) % 26, r % 50, m, r } }
    ' seeds/ai-compute.txt >"$work/rw.csv"
    /usr/bin/time -f "$n rows, $(wc -c <"$work/rw.csv") bytes: %e s, peak RSS %M KiB" \
      "$work/factsheet" run --log-level warn --format json --out "$work/out" "$work/rw.csv" 2>&1 | tail -n 1
  done
done
