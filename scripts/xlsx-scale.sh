#!/usr/bin/env bash
# Time and peak RSS of writing ~1,000,000 claims: 100,000 lines of ten
# figures each, run once with the workbook and once with JSON only, so the
# workbook's own cost is the difference.
# usage: scripts/xlsx-scale.sh [LINES]   (default 100000: a million claims)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lines=${1:-100000}
awk -v n="$lines" 'BEGIN { srand(1); for (i = 0; i < n; i++) { s = "values"; for (k = 0; k < 10; k++) s = s (k ? ", " : " ") int(10 + rand() * 990); print s " and more" } }' >"$work/m.txt"
go build -o "$work/factsheet" ./cmd/factsheet
for fmt in json xlsx,json; do
  /usr/bin/time -f "--format $fmt: %e s, peak RSS %M KiB" \
    "$work/factsheet" run --log-level warn --format "$fmt" --out "$work/out" "$work/m.txt" 2>&1 | tail -n 2
done
