#!/usr/bin/env bash
# Renders the seeds' workbook with LibreOffice, as a reader sees it, into
# the README's pictures: docs/summary.png (the Summary sheet, whole) and
# docs/findings.png (the top left of the Findings sheet, at a size to read).
# Needs soffice and pdftoppm, and fonts with Calibri's metrics and CJK:
#   apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils \
#     fonts-crosextra-carlito fonts-wqy-microhei
# usage: scripts/workbook-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/factsheet" ./cmd/factsheet
SOURCE_DATE_EPOCH=1700000000 "$work/factsheet" run --log-level warn --format xlsx --out "$work/book" seeds/
timeout 300 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/book" "$work/book/factsheet.xlsx" >/dev/null
pdf=$work/book/factsheet.pdf
page() { # the first page whose header names the sheet
  for i in $(seq 1 "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"); do
    # (the page's text first: grep -q quitting early would fail the pipe)
    text=$(pdftotext -f "$i" -l "$i" "$pdf" -)
    if grep -qx "factsheet: $1" <<<"$text"; then echo "$i"; return; fi
  done
}
s=$(page Summary); f=$(page Findings)
[ -n "$s" ] && [ -n "$f" ] || { echo "no Summary or Findings page in $pdf" >&2; exit 1; }
pdftoppm -png -r 110 -f "$s" -l "$s" -singlefile "$pdf" docs/summary
# The Findings sheet prints as wide as a page; its left part, up to the
# second figure's quote, is what a reader looks at first.
pdftoppm -png -r 170 -f "$f" -l "$f" -x 50 -y 58 -W 1680 -H 1000 -singlefile "$pdf" docs/findings
ls -l docs/summary.png docs/findings.png
