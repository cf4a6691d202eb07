#!/usr/bin/env bash
# Ledger benchmark: build a ledger of about 1M claims with `factsheet run
# --ledger` on a corpus made from the seed, then time `factsheet check` on
# a 5,000-word draft against it (the issue's bar: under a second).
#
# The corpus repeats the seed's lines, each copy tagged with a unique
# letter code (no line is a duplicate) and its years moved by 0 to 149
# (2025 becomes 2025..2174), so that the claims spread over 150 sets of
# periods while all speaking of the seed's few subjects and metrics: the
# worst case for the candidate queries, since every draft figure finds
# thousands of claims about the same thing.
#
# usage: scripts/ledger-1m.sh [CLAIMS] [RUNS]    (defaults: 1000000 claims, 7 runs)
# LEDGER_BENCH_DIR=dir keeps the corpus and ledger there, to time again
# without building them (building takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-1000000}
runs=${2:-7}
work=${LEDGER_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
if [ -z "${LEDGER_BENCH_DIR:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
bin=$work/factsheet
go build -o "$bin" ./cmd/factsheet
seed=seeds/ai-compute.txt
db=$work/ledger.db

if [ ! -s "$db" ]; then
  # Claims one tagged copy of the seed yields.
  awk '$0 != "" { print $0 " (a)" }' "$seed" >"$work/one.txt"
  per=$("$bin" run --log-level warn --format json --out "$work/out" "$work/one.txt" 2>&1 | tail -n 1 | awk '{ print $3 }')
  reps=$(( (want + per - 1) / per ))
  awk -v n="$reps" '
    function tag(r,   s) { s = ""; do { s = sprintf("%c", 97 + r % 26) s; r = int(r / 26) } while (r > 0); return s }
    function shift(s, d,   out, y) {
      out = ""
      while (match(s, /20[0-9][0-9]/)) {
        y = substr(s, RSTART, 4) + d
        out = out substr(s, 1, RSTART - 1) y
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    { line[NR] = $0 }
    END { for (r = 0; r < n; r++) { t = tag(r); d = r % 150; for (i = 1; i <= NR; i++) if (line[i] != "") print shift(line[i], d) " (" t ")" } }
  ' "$seed" >"$work/corpus.txt"
  echo "corpus: $(wc -c <"$work/corpus.txt") bytes, $(wc -l <"$work/corpus.txt") lines, $reps copies of $per claims"
  sync
  s0=$(date +%s.%N)
  /usr/bin/time -f 'build: peak RSS %M KiB' "$bin" run --log-level warn --format json --out "$work/out" --ledger "$db" "$work/corpus.txt"
  s1=$(date +%s.%N)
  printf 'build: %.1f s\n' "$(echo "$s1 - $s0" | bc -l)"
  rm -rf "$work/out"
fi
"$bin" ledger stats --ledger "$db"
echo "file: $(du -h "$db" | cut -f1) ($(stat -c %s "$db") bytes)"

# The draft: seeds/draft.md's prose, repeated to 5,000 words.
draft=$work/draft.md
body=$(awk '/^---$/ { fm = !fm; next } !fm && !/^```/ && !/^#/' seeds/draft.md)
: >"$draft"
while [ "$(wc -w <"$draft")" -lt 5000 ]; do printf '%s\n\n' "$body" >>"$draft"; done
echo "draft: $(wc -w <"$draft") words"

declare -a t=()
for i in $(seq "$runs"); do
  s0=$(date +%s.%N)
  "$bin" check --log-level warn --fail-on never --ledger "$db" "$draft" >"$work/check.txt" 2>"$work/check.err"
  s1=$(date +%s.%N)
  t+=("$(echo "$s1 - $s0" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf 'check: median %.3f s of %d runs (min %.3f, max %.3f); %s\n' "$(median "${t[@]}")" "$runs" \
  "$(printf '%s\n' "${t[@]}" | sort -g | head -n 1)" "$(printf '%s\n' "${t[@]}" | sort -g | tail -n 1)" "$(tail -n 1 "$work/check.err")"
/usr/bin/time -f 'check: peak RSS %M KiB' "$bin" check --log-level warn --fail-on never --ledger "$db" "$draft" >/dev/null 2>"$work/rss" || true
tail -n 1 "$work/rss"
