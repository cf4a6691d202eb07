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

# one LABEL BINARY FORMAT MB: one run; appends "seconds KiB" to $work/LABEL.MB
one() {
  sync
  /usr/bin/time -f '%e %M' -o "$work/t" "$2" run --log-level warn --format "$3" --out "$work/out-$1" "$work/c$4.txt" 2>/dev/null
  cat "$work/t" >>"$work/$1.$4"
}

printf '%-6s %-10s %-10s %-7s %-12s %-12s%s\n' MB json_s default_s ratio json_MB default_MB "${OTHER:+ other_s other_MB}"
for mb in ${sizes[@]}; do
  corpus "$mb"
  for _ in $(seq "$runs"); do
    one json "$work/factsheet" json "$mb"
    one default "$work/factsheet" xlsx,json "$mb"
    if [ -n "${OTHER:-}" ]; then one other "$OTHER" xlsx,json "$mb"; fi
  done
  j=$(median $(cut -d' ' -f1 "$work/json.$mb")); d=$(median $(cut -d' ' -f1 "$work/default.$mb"))
  jm=$(median $(cut -d' ' -f2 "$work/json.$mb")); dm=$(median $(cut -d' ' -f2 "$work/default.$mb"))
  extra=""
  if [ -n "${OTHER:-}" ]; then
    extra=$(printf ' %-12s %-12s' "$(median $(cut -d' ' -f1 "$work/other.$mb"))" "$(( $(median $(cut -d' ' -f2 "$work/other.$mb")) / 1024 ))")
  fi
  printf '%-6s %-10s %-10s %-7s %-12s %-12s%s\n' "$mb" "$j" "$d" "$(echo "scale=2; $d / $j" | bc -l)" "$((jm / 1024))" "$((dm / 1024))" "$extra"
done
