#!/usr/bin/env bash
# Prints the seeds' workbook as LibreOffice prints it (to PDF) and says, per
# sheet, how many pages, on what paper, and how large its type comes out:
# the median height of a word's box divided by 1.27, the ratio of an 11-point
# word's box in Carlito (the Rules sheet, printed at 100%, calibrates it).
# Needs soffice, pdfinfo and pdftotext (see scripts/workbook-screenshots.sh).
# usage: scripts/workbook-pages.sh [INPUT...]   (default seeds/)
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/factsheet" ./cmd/factsheet
SOURCE_DATE_EPOCH=1700000000 "$work/factsheet" run --log-level error --format xlsx --out "$work/book" "${@:-seeds/}" >/dev/null 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
timeout 300 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/book" "$work/book/factsheet.xlsx" >/dev/null 2>&1
pdf=$work/book/factsheet.pdf
n=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
for i in $(seq 1 "$n"); do
  sheet=$(pdftotext -f "$i" -l "$i" "$pdf" - | sed -n 's/^factsheet: //p' | head -n 1)
  paper=$(pdfinfo -f "$i" -l "$i" "$pdf" | awk -F'[()]' '/^Page +[0-9]+ size:/ { print $2; exit }')
  box=$(pdftotext -bbox -f "$i" -l "$i" "$pdf" - | awk -F'"' '/<word/ { print $8 - $4 }' | sort -n |
    awk '{ a[NR] = $1 } END { print (NR ? a[int(NR / 2) + 1] : 0) }')
  printf '%s|%s|%s\n' "$sheet" "$paper" "$box"
done | awk -F'|' -v total="$n" '
  !($1 in pages) { order[++k] = $1 }
  { pages[$1]++; paper[$1] = $2; box[$1] = $3 }
  END {
    printf "%-16s %5s  %-7s %s\n", "sheet", "pages", "paper", "type"
    for (i = 1; i <= k; i++) printf "%-16s %5d  %-7s %.1f pt\n", order[i], pages[order[i]], paper[order[i]], box[order[i]] / 1.27
    printf "%-16s %5d\n", "all", total
  }'
