#!/usr/bin/env bash
# What the workbook costs: time and peak RSS of the JSON-only run and of the
# default run (xlsx and json) on corpora of 1, 10 and 50 MB made from the
# seed as bench-e2e.sh makes them, the two runs interleaved so that the
# machine's drift hits both alike; prints the medians and their ratio.
# With OTHER=path/to/factsheet, that binary's default run goes in the same
# rounds too, for a before-and-after.
#
# usage: scripts/workbook-cost.sh [RUNS] [MB...]    (defaults: 3 runs; 1 10 50)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=("${@:-1 10 50}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/factsheet" ./cmd/factsheet
seed=seeds/ai-compute.txt

corpus() { # corpus MB: the seed's lines repeated, each copy tagged so no line repeats
  local size reps
  size=$(wc -c <"$seed")
  reps=$(( ($1 * 1000000 + size - 1) / size ))
  awk -v n="$reps" '
    function tag(r,   s) { s = ""; do { s = sprintf("%c", 97 + r % 26) s; r = int(r / 26) } while (r > 0); return s }
    { line[NR] = $0 }
    END { for (r = 0; r < n; r++) { t = tag(r); for (i = 1; i <= NR; i++) if (line[i] != "") print line[i] " (" t ")" } }
  ' "$seed" >"$work/c$1.txt"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# one LABEL BINARY FORMAT MB: one run; appends "seconds KiB cpu" to $work/LABEL.MB
one() {
  sync
  /usr/bin/time -f '%e %M %U %S' -o "$work/t" "$2" run --log-level warn --format "$3" --out "$work/out-$1" "$work/c$4.txt" 2>/dev/null
  awk '{ print $1, $2, $3 + $4 }' "$work/t" >>"$work/$1.$4"
}

col() { median $(cut -d' ' -f"$2" "$work/$1"); }
printf '%-4s %-8s %-9s %-6s %-8s %-9s %-6s %-8s %-10s%s\n' MB json_s default_s ratio json_cpu def_cpu ratio json_MB default_MB \
  "${OTHER:+  other_s other_cpu other_MB}"
for mb in ${sizes[@]}; do
  corpus "$mb"
  for _ in $(seq "$runs"); do
    one json "$work/factsheet" json "$mb"
    one default "$work/factsheet" xlsx,json "$mb"
    if [ -n "${OTHER:-}" ]; then one other "$OTHER" xlsx,json "$mb"; fi
  done
  j=$(col json.$mb 1); d=$(col default.$mb 1); jc=$(col json.$mb 3); dc=$(col default.$mb 3)
  extra=""
  if [ -n "${OTHER:-}" ]; then
    extra=$(printf '  %-7s %-9s %-8s' "$(col other.$mb 1)" "$(col other.$mb 3)" "$(( $(col other.$mb 2) / 1024 ))")
  fi
  printf '%-4s %-8s %-9s %-6s %-8s %-9s %-6s %-8s %-10s%s\n' "$mb" "$j" "$d" "$(echo "scale=2; $d / $j" | bc -l)" \
    "$jc" "$dc" "$(echo "scale=2; $dc / $jc" | bc -l)" "$(( $(col json.$mb 2) / 1024 ))" "$(( $(col default.$mb 2) / 1024 ))" "$extra"
done
